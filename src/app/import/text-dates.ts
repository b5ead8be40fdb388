import { isRealDay, type SourceDate } from './import-item.js';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = `(${MONTHS.join('|')}|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\\.?`;
const WEEKDAY = '(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s+)?';
/** "on 27 November 2024", "on Wednesday, 27 November 2024". */
const DAY_MONTH_YEAR = new RegExp(`\\bon\\s+${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+((?:19|20)\\d{2})\\b`, 'i');
/** "on November 27, 2024", "on Saturday, July 15, 2023". */
const MONTH_DAY_YEAR = new RegExp(`\\bon\\s+${WEEKDAY}${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d{2})\\b`, 'i');
/** "2024년 3월 5일", "2024. 3. 5.". */
const KOREAN = /((?:19|20)\d{2})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일|((?:19|20)\d{2})\.\s*(\d{1,2})\.\s*(\d{1,2})\./;

const monthNumber = (name: string) => MONTHS.findIndex((m) => m.startsWith(name.toLowerCase().replace(/\.$/, '').slice(0, 3))) + 1;

/** The first sentence of a paragraph (up to the first full stop followed by a space, or 다.). */
export function firstSentence(paragraph: string): string {
  const m = /^.*?(?:[.!?](?=\s|$)|다\.)/su.exec(paragraph);
  return (m ? m[0] : paragraph).trim();
}

/**
 * A date written in a sentence with its year ("on 27 November 2024", "2024년 3월 5일"), as a
 * wall-clock day. Never guessed: a day without a year ("지난 3월 5일", "on 5 March") gives null.
 */
export function dateInSentence(sentence: string): SourceDate | null {
  let year: number, month: number, day: number, text: string;
  const dmy = DAY_MONTH_YEAR.exec(sentence);
  const mdy = dmy ? null : MONTH_DAY_YEAR.exec(sentence);
  const ko = dmy || mdy ? null : KOREAN.exec(sentence);
  if (dmy) [year, month, day, text] = [Number(dmy[3]), monthNumber(dmy[2]!), Number(dmy[1]), dmy[0]];
  else if (mdy) [year, month, day, text] = [Number(mdy[3]), monthNumber(mdy[1]!), Number(mdy[2]), mdy[0]];
  else if (ko) [year, month, day, text] = ko[1] ? [Number(ko[1]), Number(ko[2]), Number(ko[3]), ko[0]] : [Number(ko[4]), Number(ko[5]), Number(ko[6]), ko[0]];
  else return null;
  if (!isRealDay(year, month, day)) return null;
  return { local: { year, month, day, hour: 0, minute: 0 }, text: text.replace(/^on\s+/i, '').trim() };
}
