import type { FieldIssue } from '../../../domain/errors.js';

/** The form field id an issue's path points at: "contact.email" -> "field-contactEmail", "tags.2" -> "field-tags". */
export function fieldId(field: string): string {
  const [head, second] = field.split('.');
  if (head === 'contact' && second) return `field-contact${second.charAt(0).toUpperCase()}${second.slice(1)}`;
  return `field-${head}`;
}

/**
 * Every problem at the top of the page, each linking to its field; it takes focus-friendly
 * role="alert" so screen readers announce it after a POST re-renders the page.
 */
export function ErrorSummary(props: { title?: string; issues: FieldIssue[]; linkable?: ReadonlySet<string> }) {
  if (props.issues.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} id="error-summary">
      <h2 id="error-summary-title">{props.title ?? 'There is a problem'}</h2>
      <ul>
        {props.issues.map((issue, i) => {
          const id = issue.field ? fieldId(issue.field) : null;
          return <li key={i}>{id && (!props.linkable || props.linkable.has(id)) ? <a href={`#${id}`}>{issue.message}</a> : issue.message}</li>;
        })}
      </ul>
    </div>
  );
}

/** The issues of one field, shown next to it. */
export function issuesFor(issues: FieldIssue[], id: string): FieldIssue[] {
  return issues.filter((i) => i.field && fieldId(i.field) === id);
}

export function FieldErrors(props: { issues: FieldIssue[]; id: string }) {
  return <ErrorList issues={issuesFor(props.issues, props.id)} id={props.id} />;
}

/** The messages shown under one field; its id links the field's aria-describedby to them. */
export function ErrorList(props: { issues: FieldIssue[]; id: string }) {
  const mine = props.issues;
  if (mine.length === 0) return null;
  return (
    <div id={`${props.id}-error`}>
      {mine.map((issue, i) => (
        <p class="field-error" key={i}>
          <span class="visually-hidden">Error: </span>
          {issue.message}
        </p>
      ))}
    </div>
  );
}
