import sanitizeHtml from 'sanitize-html';
import TurndownService from 'turndown';
import { refuseDeepHtml } from './html-depth.js';

/** What a release body may keep of imported HTML: the same structure the page renderer allows. */
const KEEP: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'b', 'i', 'u', 's', 'a', 'ul', 'ol', 'li', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'code', 'pre', 'hr', 'sup', 'sub'],
  allowedAttributes: { a: ['href', 'title'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowProtocolRelative: false,
  // Script and style contents go with their tags (sanitize-html's default for these).
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'iframe', 'object', 'svg', 'math'],
};

const turndown = new TurndownService({ headingStyle: 'atx', bulletListMarker: '-', codeBlockStyle: 'fenced', emDelimiter: '*', strongDelimiter: '**', hr: '---' });

const BLOCK = /<(p|div|br|ul|ol|li|h[1-6]|blockquote|table|pre)\b/i;

/** WordPress stores paragraphs as blank lines (its `wpautop` adds the tags when it shows a post). */
function autop(html: string): string {
  if (BLOCK.test(html)) return html;
  return html
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${p.replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

/** Removes WordPress shortcodes ([caption ...] ... [/caption], [gallery]) but keeps text between them. */
function stripShortcodes(html: string): string {
  return html.replace(/\[caption[^\]]*\][\s\S]*?\[\/caption\]/gi, '').replace(/\[\/?[a-z_-]+(?:\s[^\]]*)?\]/gi, '');
}

/**
 * Turns HTML from a feed or a WordPress export into a release body: sanitized to an allow-list
 * first (scripts, styles, event handlers, iframes and javascript: links are dropped with their
 * contents), then converted to Markdown. Images are not carried into the body; they are counted
 * so the report can say so. HTML nesting too deep for the conversion throws HtmlTooDeepError.
 */
export function htmlToMarkdown(html: string): { markdown: string; images: number } {
  const images = (html.match(/<img\b/gi) ?? []).length;
  const clean = sanitizeHtml(autop(stripShortcodes(html)), KEEP);
  refuseDeepHtml(clean, 'the body');
  const markdown = turndown
    .turndown(clean)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { markdown, images };
}

/** Plain text (a feed's text title or summary) as Markdown that renders as it reads. */
export function textToMarkdown(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => turndown.escape(p.trim().replace(/\s*\n\s*/g, ' ')))
    .filter(Boolean)
    .join('\n\n');
}

/** The text of a bit of HTML (a title some feeds send as HTML), with its tags and entities gone. */
export function htmlToText(html: string): string {
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {}, nonTextTags: KEEP.nonTextTags })
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}
