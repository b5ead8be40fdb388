import { parseDocument } from 'htmlparser2';
import { MalformedSourceError } from './xml.js';

/**
 * How deep elements may nest in imported HTML. Real press-release pages nest a few dozen levels;
 * the DOM walks (and turndown) recurse once per level and would run out of stack in the thousands.
 */
export const MAX_HTML_DEPTH = 256;

/** Imported HTML nests elements deeper than MAX_HTML_DEPTH: refused with a reason people can act on. */
export class HtmlTooDeepError extends MalformedSourceError {
  constructor(what: string, hint = '') {
    super(`${what} nests elements more than ${MAX_HTML_DEPTH} deep; it does not look like a press release${hint}`);
    this.name = 'HtmlTooDeepError';
  }
}

interface Node {
  children?: Node[];
}

/** The deepest element nesting of a parsed document, walked with an explicit stack (never recursion). */
export function nestingDepth(root: Node): number {
  let deepest = 0;
  const stack: [Node, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    for (const child of node.children ?? []) if (child.children) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** Throws HtmlTooDeepError (naming `what`) when the parsed document nests too deep. */
export function refuseDeepNesting(root: Node, what: string, hint = ''): void {
  if (nestingDepth(root) > MAX_HTML_DEPTH) throw new HtmlTooDeepError(what, hint);
}

/** A feed item's or post's body as Markdown, or the reason it cannot be imported (nesting too deep). */
export function bodyOrRefusal(convert: () => string): { markdown: string; refusal: string | null } {
  try {
    return { markdown: convert(), refusal: null };
  } catch (error) {
    if (error instanceof HtmlTooDeepError) return { markdown: '', refusal: error.message };
    throw error;
  }
}

/** The same check on HTML text (a feed item's body). */
export function refuseDeepHtml(html: string, what: string): void {
  refuseDeepNesting(parseDocument(html) as unknown as Node, what);
}
