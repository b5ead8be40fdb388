import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

function alignToClass(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const align = /text-align:\s*(left|right|center)/.exec(attribs.style ?? '')?.[1];
  const { style: _style, ...rest } = attribs;
  return { tagName, attribs: align ? { ...rest, class: `align-${align}` } : rest };
}

const allowed: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'b', 'i', 'u', 's', 'a', 'ul', 'ol', 'li', 'blockquote', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'code', 'pre', 'hr', 'sup', 'sub'],
  allowedAttributes: { a: ['href', 'title'], th: ['scope', 'class'], td: ['class'], ol: ['start'] },
  allowedClasses: { th: ['align-left', 'align-right', 'align-center'], td: ['align-left', 'align-right', 'align-center'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  // A pipe table must have a header row; a table pasted without one gets an empty one (#16), which
  // readers and screen readers are spared: an all-empty header row is left out.
  exclusiveFilter: (frame) => frame.tag === 'thead' && !/\S/.test(frame.text),
  transformTags: {
    // Body headings start at h2: the page's <h1> is the title.
    h1: 'h2',
    // Column alignment becomes a class: the CSP (style-src 'self') forbids inline style attributes.
    th: alignToClass,
    td: alignToClass,
    a: (tagName, attribs) => ({ tagName, attribs: /^https?:/.test(attribs.href ?? '') ? { ...attribs, rel: 'noopener' } : attribs }),
  },
};

/**
 * Renders a release body: Markdown without raw HTML, then an allow-list sanitizer, so script tags,
 * javascript: links, event handlers and iframes come out inert.
 */
export function renderMarkdown(markdown: string): string {
  return sanitizeHtml(md.render(markdown), { ...allowed, allowedAttributes: { ...allowed.allowedAttributes, a: ['href', 'title', 'rel'] } });
}

/**
 * Sanitizes HTML that did not come from Markdown (an attachment's text view, #19) with the same
 * allow-list as release bodies, plus table cell spans, and no links at all.
 */
export function sanitizeBodyHtml(html: string): string {
  return sanitizeHtml(html, {
    ...allowed,
    allowedTags: (allowed.allowedTags as string[]).filter((t) => t !== 'a'),
    allowedAttributes: { ...allowed.allowedAttributes, td: ['class', 'colspan', 'rowspan'], th: ['scope', 'class', 'colspan', 'rowspan'] },
  });
}
