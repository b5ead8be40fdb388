import type { Language } from '../../domain/language.js';
import { candidate, type ImportCandidate, type SourceDate } from './import-item.js';
import { parseScrapedPage, UnrecognisedPageError } from './parse-scraped-page.js';

/**
 * One scraped page (text, or saved HTML already turned into text) as an import candidate. A page
 * that cannot be read becomes a refused candidate, so one bad page never stops a folder of them.
 */
export function pageCandidate(
  text: string,
  source: { format: 'page-text' | 'page-html'; name: string; url?: string | null; language?: Language | null; date?: SourceDate | null; title?: string },
): ImportCandidate {
  try {
    const page = parseScrapedPage(text, { title: source.title });
    const content = { title: page.title, subtitle: page.subtitle, bodyMarkdown: page.bodyMarkdown, department: '', tags: [] };
    return candidate({
      format: source.format,
      ...(source.url ? { sourceKey: source.url } : {}),
      content,
      label: `${source.name}: ${page.title}`,
      language: source.language ?? null,
      board: page.board ? { name: page.board } : null,
      date: source.date ?? page.date,
      flags: page.flags,
      notes: page.dropped,
    });
  } catch (error) {
    if (!(error instanceof UnrecognisedPageError)) throw error;
    return candidate({ format: source.format, sourceKey: `file:${source.name}`, label: source.name, content: { title: '', subtitle: [], bodyMarkdown: '', department: '', tags: [] }, refusal: `not a press-release page: ${error.message}` });
  }
}
