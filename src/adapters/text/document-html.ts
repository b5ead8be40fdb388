import { Parser } from 'htmlparser2';
import sanitizeHtml from 'sanitize-html';

/**
 * The stored form of a text view: an allow-list of structure only (headings from h2 down, the page's
 * h1 being the file's name; paragraphs, lists, tables, emphasis). No links, images, styles or
 * attributes beyond table spans survive; the public page sanitizes again with the release-body rules.
 */
const STORED: sanitizeHtml.IOptions = {
  allowedTags: ['h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'strong', 'em', 'b', 'i', 'u', 'sub', 'sup', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
  allowedAttributes: { td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'] },
  transformTags: { h1: 'h2', h2: 'h3', h3: 'h4', h4: 'h5', h5: 'h6' },
  exclusiveFilter: (frame) => ['p', 'li', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(frame.tag) && frame.text.trim() === '' && !frame.mediaChildren.length,
};

/** Sanitizes extracted HTML for storage (mammoth's output, or our own blocks again). */
export function sanitizeDocumentHtml(html: string): string {
  return sanitizeHtml(html, STORED);
}

const BLOCK_TAGS = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'br', 'table', 'ul', 'ol']);

/** The plain text of sanitized HTML, one block a line (table cells separated by tabs): what search indexes. */
export function htmlToText(html: string): string {
  let text = '';
  let inCell = 0;
  const parser = new Parser(
    {
      ontext(data) {
        text += data;
      },
      onclosetag(name) {
        if (name === 'td' || name === 'th') {
          inCell -= 1;
          text += '\t';
        } else if (BLOCK_TAGS.has(name)) text += inCell > 0 && name !== 'table' ? ' ' : '\n';
      },
      onopentag(name) {
        if (name === 'td' || name === 'th') inCell += 1;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return text
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
}
