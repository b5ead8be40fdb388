import { BOARD_SLUG_PATTERN } from '../../domain/board.js';
import { LANGUAGES } from '../../domain/language.js';

/**
 * Where each public URL lives in a static copy of the site. A plain static server ignores query
 * strings and picks files by path, so:
 * - an HTML page becomes `PATH/index.html` (`/en/press-releases/12` -> `en/press-releases/12/index.html`),
 *   which every static server and CDN serves for `/en/press-releases/12/`, redirecting the bare path;
 * - a board's later list pages (`/en/press-releases?page=2`) move to `/en/press-releases/page/2/`,
 *   and the links to them in exported pages are rewritten to match (the only change to any page);
 * - everything else (feeds, sitemaps, robots.txt, the stylesheet, attachments) keeps its path, with
 *   percent-encoding decoded: `/files/<sha>/%EC%98%88%EC%82%B0.pdf` is the file `files/<sha>/예산.pdf`.
 */

/** The board slug rule without its anchors, to embed in the patterns below. */
const SLUG = BOARD_SLUG_PATTERN.source.slice(1, -1);
const LANG = `(?:${LANGUAGES.join('|')})`;
const BOARD_PAGE = new RegExp(`^(/${LANG}/${SLUG})\\?page=([1-9]\\d{0,8})$`);
/** Longest file name most file systems accept, in bytes. */
const NAME_MAX_BYTES = 255;

/** The path a static server answers for this live URL (path and query), or null when it cannot. */
export function staticPathOf(url: string): string | null {
  const board = BOARD_PAGE.exec(url);
  if (board) return board[2] === '1' ? board[1]! : `${board[1]}/page/${board[2]}/`;
  return url.includes('?') ? null : url;
}

export type FileMapping = { file: string } | { refused: string };

/**
 * The file, relative to the export directory, that serves a static path; HTML pages become
 * directory indexes. Refuses paths no file system can hold safely (`..`, `/` inside a name, names
 * longer than 255 bytes) rather than writing somewhere else.
 */
export function fileOf(staticPath: string, isHtml: boolean): FileMapping {
  if (!staticPath.startsWith('/')) return { refused: 'not a site path' };
  const raw = staticPath.slice(1).split('/');
  const trailingSlash = raw.at(-1) === '';
  if (trailingSlash) raw.pop();
  const segments: string[] = [];
  for (const part of raw) {
    let name: string;
    try {
      name = decodeURIComponent(part);
    } catch {
      return { refused: 'malformed percent-encoding' };
    }
    if (name === '' || name === '.' || name === '..' || /[/\\\0]/.test(name)) return { refused: `"${name}" cannot be a file name` };
    if (Buffer.byteLength(name) > NAME_MAX_BYTES) return { refused: `a name longer than ${NAME_MAX_BYTES} bytes` };
    if (name.startsWith('.tmp-') || name === '.pressroom-static.json') return { refused: 'a name the export uses itself' };
    segments.push(name);
  }
  if (isHtml) {
    if (!trailingSlash && segments.at(-1)?.endsWith('.html')) return { file: segments.join('/') };
    return { file: [...segments, 'index.html'].join('/') };
  }
  if (trailingSlash || segments.length === 0) return { refused: 'a document without a file name' };
  return { file: segments.join('/') };
}

const ATTRIBUTE_URL = /(=")([^"]*\?[^"]*)(")/g;

/** A link's local form (root-relative), or null when it leads elsewhere. */
function localForm(value: string, baseUrl: string): string | null {
  if (value.startsWith(baseUrl + '/')) return value.slice(baseUrl.length);
  return value.startsWith('/') && !value.startsWith('//') ? value.replace(/&amp;/g, '&') : null;
}

/** Local links with a query string in a page, as the live server would be asked for them. */
export function queryLinks(html: string, baseUrl: string): string[] {
  const found = new Set<string>();
  for (const m of html.matchAll(ATTRIBUTE_URL)) {
    const local = localForm(m[2]!.replace(/&amp;/g, '&'), baseUrl);
    if (local !== null) found.add(local);
  }
  return [...found];
}

/**
 * Rewrites links a static server cannot follow: later list pages (`?page=N`) to their static paths,
 * and links the live server answers with a redirect (given in `redirects`, local URL -> static
 * path) to where they lead. Root-relative links stay root-relative, absolute ones absolute.
 * Nothing else in the page changes.
 */
export function rewritePageLinks(html: string, baseUrl: string, redirects: ReadonlyMap<string, string> = new Map()): string {
  return html.replace(ATTRIBUTE_URL, (whole, open: string, value: string, close: string) => {
    const local = localForm(value.replace(/&amp;/g, '&'), baseUrl);
    if (local === null) return whole;
    const path = BOARD_PAGE.test(local) ? staticPathOf(local)! : redirects.get(local);
    if (path === undefined) return whole;
    return `${open}${value.startsWith('/') ? path : baseUrl + path}${close}`.replace(/&(?!amp;)/g, '&amp;');
  });
}
