import type { Frequency } from '../../domain/subscription.js';
import type { CriteriaLabel } from '../../ports/email-templates.js';
import type { MessageKey, Translate } from '../i18n/messages.js';

/** A subscription's criteria in words: "board “Press releases”, tag “defence”", or every release in a language. */
export function describeCriteria(t: Translate, c: CriteriaLabel): string {
  const parts: string[] = [];
  if (c.boardName) parts.push(t('subCriteriaBoard', { board: c.boardName[t.language] }));
  if (c.tag) parts.push(t('subCriteriaTag', { tag: c.tag }));
  if (c.query) parts.push(t('subCriteriaQuery', { query: c.query }));
  if (parts.length === 0) parts.push(t('subCriteriaAll', { language: t(c.language === 'ko' ? 'languageKorean' : 'languageEnglish') }));
  return parts.join(', ');
}

export const FREQUENCY_LABEL: Record<Frequency, MessageKey> = { immediate: 'subImmediate', daily: 'subDaily', weekly: 'subWeekly' };
