import { parseDocument } from 'htmlparser2';
import { isLanguage, type Language } from '../../domain/language.js';
import { IMAGE_MARK } from '../../app/import/parse-scraped-page.js';
import type { SourceDate } from '../../app/import/import-item.js';
import { refuseDeepNesting } from './html-depth.js';

/** The parts of htmlparser2's DOM the walk reads (structural, so no transitive type import). */
interface DomNode {
  type: string;
  data?: string;
  name?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
}

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'nav', 'header', 'footer', 'aside', 'form', 'select', 'button', 'svg', 'iframe', 'object', 'head', 'figcaption', 'map']);
const BLOCK = new Set(['p', 'div', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'tr', 'blockquote', 'pre', 'figure', 'hr', 'address', 'center']);
const SUBTITLE_CLASS = /(^|[\s_-])(sub_?title|subtitle|sub-title|standfirst|summary|lead)($|[\s_-])/i;
const BULLET_START = /^[□■◇◆◦○ㅇ∘●•·∙-]/;

function elements(node: DomNode, visit: (el: DomNode) => boolean | void): void {
  for (const child of node.children ?? []) {
    if (child.type === 'tag' || child.type === 'script' || child.type === 'style') {
      if (visit(child) === true) return;
      elements(child, visit);
    }
  }
}

function find(root: DomNode, test: (el: DomNode) => boolean): DomNode | null {
  let found: DomNode | null = null;
  elements(root, (el) => {
    if (test(el)) {
      found = el;
      return true;
    }
  });
  return found;
}

const decode = (text: string) => text.replace(/\s+/g, ' ');

/** A saved page as text in the scrape's shape, plus what the markup says that text cannot. */
export interface HtmlPage {
  text: string;
  url: string | null;
  language: Language | null;
  date: SourceDate | null;
}

/**
 * Turns a saved press-release page into the line shape of a scraped page: the article area only
 * (main, article or #content; site navigation, scripts and forms dropped), one line per block,
 * photos as an image mark, list items with a bullet, subtitle elements dash-led. A page nesting
 * elements absurdly deep is refused (HtmlTooDeepError, naming `label`) before any walk.
 */
export function htmlPageText(html: string, label = 'The page'): HtmlPage {
  const doc = parseDocument(html, { decodeEntities: true, lowerCaseTags: true }) as unknown as DomNode;
  refuseDeepNesting(doc, label, ' page: save the article itself, or copy its text into a .txt file');
  const htmlEl = find(doc, (el) => el.name === 'html');
  const lang = (htmlEl?.attribs?.lang ?? '').toLowerCase().split('-')[0] ?? '';
  const canonical = find(doc, (el) => el.name === 'link' && (el.attribs?.rel ?? '').split(/\s+/).includes('canonical'))?.attribs?.href;
  const ogUrl = find(doc, (el) => el.name === 'meta' && el.attribs?.property === 'og:url')?.attribs?.content;
  const published =
    find(doc, (el) => el.name === 'meta' && (el.attribs?.property === 'article:published_time' || el.attribs?.name === 'date'))?.attribs?.content ??
    find(doc, (el) => el.name === 'time' && Boolean(el.attribs?.datetime))?.attribs?.datetime;
  let date: SourceDate | null = null;
  if (published) {
    const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(published.trim());
    const ms = Date.parse(published);
    if (day) date = { local: { year: Number(day[1]), month: Number(day[2]), day: Number(day[3]), hour: 0, minute: 0 }, text: published };
    else if (!Number.isNaN(ms) && /[zZ]|[+-]\d{2}:?\d{2}$/.test(published.trim())) date = { instant: new Date(ms), text: published };
  }

  const root =
    find(doc, (el) => el.name === 'main') ??
    find(doc, (el) => el.attribs?.role === 'main') ??
    find(doc, (el) => el.name === 'article') ??
    find(doc, (el) => el.attribs?.id === 'content') ??
    find(doc, (el) => el.name === 'body') ??
    doc;

  const lines: string[] = [];
  let current = '';
  const flush = () => {
    const line = current.trim();
    if (line) lines.push(line);
    current = '';
  };
  const walk = (node: DomNode, listDepth: number) => {
    for (const child of node.children ?? []) {
      if (child.type === 'text') {
        current += decode(child.data ?? '');
        continue;
      }
      if (child.type !== 'tag') continue;
      const name = child.name ?? '';
      if (SKIP.has(name)) continue;
      if (name === 'br') {
        flush();
        continue;
      }
      if (name === 'img') {
        flush();
        lines.push(IMAGE_MARK);
        continue;
      }
      if (!BLOCK.has(name)) {
        walk(child, listDepth);
        continue;
      }
      flush();
      const isSubtitle = SUBTITLE_CLASS.test(child.attribs?.class ?? '');
      const depth = name === 'ul' || name === 'ol' ? listDepth + 1 : listDepth;
      const start = lines.length;
      walk(child, depth);
      flush();
      if (name === 'li' && lines[start] !== undefined && !BULLET_START.test(lines[start]!)) lines[start] = `${depth <= 1 ? '•' : '◦'} ${lines[start]}`;
      if (isSubtitle) {
        for (let i = start; i < lines.length; i++) if (!/^[-–—―]/.test(lines[i]!)) lines[i] = `- ${lines[i]}`;
      }
    }
  };
  walk(root, 0);
  flush();
  return {
    text: lines.join('\n\n'),
    url: canonical ?? ogUrl ?? null,
    language: isLanguage(lang) ? lang : null,
    date,
  };
}
