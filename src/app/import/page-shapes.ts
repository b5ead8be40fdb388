import { characters } from '../../domain/release.js';

/**
 * What a page that is not a single press release looks like, so a refusal can say so: a board's
 * list page, a flipbook (page-by-page document viewer), numbered points with no title line, or
 * something else altogether. Pure; reads the page's non-empty lines.
 */
export type PageShape = 'list' | 'flipbook' | 'numbered-without-title' | 'unrelated';

const LIST_HEADER = /^(no\.?|번호)[\s|]+(title|subject|제목)\b|^(no\.?|번호)$/i;
/** "118  Navy divers recover ...  2024-11-21  589": number, title, date (and views). */
const LIST_ROW = /^\d{1,7}[\s|]+\S.*[\s|](19|20)\d{2}[-./]\s?\d{1,2}[-./]\s?\d{1,2}\.?([\s|]+[\d,]+)?$/;
const PAGINATION = /^((<<|<|‹|«|first|prev(ious)?|처음|이전)\s+)?(\d+\s+){3,}\d*\s*(next|last|다음|마지막|>|>>|›|»)?(\s+(last|마지막|>>|»))?$/i;
const FLIPBOOK = /flip\s*book|e-?book\s*(viewer)?|전자\s*책|이북\s*뷰어|^page\s+\d+\s*(\/|of)\s*\d+$|^\d+\s*\/\s*\d+\s*(쪽|페이지)$|zoom\s+in|full\s*screen|전체\s*화면/i;
/** A numbered point: "1.", "1)", "①", "가.". */
export const NUMBERED_POINT = /^(\d{1,2}[.)]|[①-⑳]|[가-하][.)])\s/;

/** A line that ends like a sentence (English or Korean). */
export const SENTENCE_END = /([.!?。]|다\.?|요\.?|음\.?|함\.?)["'”’)]?$/;

/** Classifies lines that are not a readable release page. */
export function pageShape(lines: string[]): PageShape {
  const rows = lines.filter((l) => LIST_ROW.test(l)).length;
  if (rows >= 3 || (lines.some((l) => LIST_HEADER.test(l)) && (rows >= 1 || lines.some((l) => PAGINATION.test(l))))) return 'list';
  const longest = Math.max(0, ...lines.map((l) => characters(l).length));
  if (lines.some((l) => FLIPBOOK.test(l)) && longest < 200) return 'flipbook';
  if (lines.length > 0 && NUMBERED_POINT.test(lines[0]!)) return 'numbered-without-title';
  return 'unrelated';
}

/** The refusal's reason for a page of this shape: what it looks like and what to do. */
export function refusalFor(shape: PageShape, lines: string[]): string {
  switch (shape) {
    case 'list':
      return `it looks like a board's list page (${lines.filter((l) => LIST_ROW.test(l)).length} rows of number, title and date), not one release: import the release pages it links to`;
    case 'flipbook':
      return 'it looks like a flipbook (a page-by-page document viewer), not a release: import the document it shows (for example its PDF) as an attachment of a release instead';
    case 'numbered-without-title':
      return `no title line: the page begins with a numbered point ("${characters(lines[0]!).slice(0, 40).join('')}"); give the title with --title TEXT`;
    case 'unrelated':
      return 'it does not look like a press-release page: no section heading, no list title cut at 64 or 128 characters with "...", and no title line followed by body text; if it is one, give the title with --title TEXT';
  }
}
