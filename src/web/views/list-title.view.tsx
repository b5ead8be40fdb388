import { isListTitleCut, listTitle } from '../../domain/release.js';

/**
 * A title as the source board lists it, cut at 64 characters with "...". When cut, the full title is
 * the link's hover text and what screen readers hear.
 */
export function ListTitle(props: { title: string; href: string }) {
  if (!isListTitleCut(props.title)) return <a href={props.href}>{props.title}</a>;
  return (
    <a href={props.href} title={props.title}>
      <span aria-hidden="true">{listTitle(props.title)}</span>
      <span class="visually-hidden">{props.title}</span>
    </a>
  );
}
