/**
 * What the demo content is made of: the shapes of a demo release, the boards, and the contacts and
 * photo credits the releases share. The releases themselves are in the files beside this one, a
 * board (and language) each; ../demo-content.ts gathers them.
 */

export type DemoBoardSlug = 'press-releases' | 'news' | 'statements' | 'photos';

export interface DemoBoard {
  slug: DemoBoardSlug;
  kind: 'press_release' | 'news' | 'statement' | 'photo';
  name: { ko: string; en: string };
}

export interface DemoPhoto {
  /** Short text drawn on the generated placeholder image (ASCII only, <= 30 chars). */
  label: string;
  caption: string;
  credit: string;
  altText: string;
  /** Background hue 0-359 for the generated image. */
  hue: number;
}

export interface DemoDocument {
  /** Original file name shown in the File area; may be Korean; ends in .pdf (or .hwpx for an HWPX). */
  fileName: string;
  /** Heading printed in the generated PDF (ASCII only, PDF standard fonts have no Hangul); any text in an HWPX. */
  heading: string;
  /** Lines of body text printed in the PDF (ASCII only), or paragraphs of the HWPX. */
  lines: string[];
  /** PDF unless set: an HWPX shows the text views of Hangul documents (#19). */
  format?: 'pdf' | 'hwpx';
}

export interface DemoRelease {
  board: DemoBoardSlug;
  language: 'en' | 'ko';
  /** Publication time relative to "now" when the demo loads: days ago (0-400) and Seoul local hour/minute. */
  daysAgo: number;
  hour: number;
  minute: number;
  title: string;
  subtitle: string[];
  bodyMarkdown: string;
  department: string;
  contact: { name: string; phone: string; email: string } | null;
  tags: string[];
  photos: DemoPhoto[];
  documents: DemoDocument[];
  /** Same key on an English and a Korean release that are translations of each other; else null. */
  pairKey: string | null;
  /** A Korean-only release the press office has flagged for translation (dashboard: missing a version). */
  translationNeeded?: boolean;
}

/** The four demo boards, in display order. */
export const DEMO_BOARDS: DemoBoard[] = [
  { slug: 'press-releases', kind: 'press_release', name: { ko: '보도자료', en: 'Press Release' } },
  { slug: 'news', kind: 'news', name: { ko: '국방뉴스', en: 'News' } },
  { slug: 'statements', kind: 'statement', name: { ko: '입장문', en: 'Statements' } },
  { slug: 'photos', kind: 'photo', name: { ko: '포토', en: 'Photos' } },
];

export type Contact = NonNullable<DemoRelease['contact']>;

/** Joins Markdown paragraphs with blank lines, so each source string is one paragraph (or block). */
export const body = (...paragraphs: string[]): string => paragraphs.join('\n\n');

export const PHOTO_TEAM = 'Ministry of Defence photo team';
export const PHOTO_TEAM_KO = '국방부 사진팀';
export const JCS_PHOTO = 'Joint Chiefs of Staff public affairs';

export const SPOKESPERSON: Contact = { name: 'Kang Ha-rin, Deputy Spokesperson', phone: '02-555-0141', email: 'press@mod.valdora.example' };
export const INTL_POLICY: Contact = { name: 'Jung Woo-sung, International Policy Bureau', phone: '02-555-0172', email: 'intl-policy@mod.valdora.example' };
export const DEF_POLICY: Contact = { name: 'Moon Seo-yeon, Defense Policy Division', phone: '02-555-0163', email: 'policy@mod.valdora.example' };
export const PERSONNEL: Contact = { name: 'Baek Ji-an, Military Personnel Bureau', phone: '02-555-0185', email: 'personnel@mod.valdora.example' };
export const INDUSTRY: Contact = { name: 'Ryu Dong-hyun, Defense Industry Cooperation Division', phone: '02-555-0194', email: 'industry@mod.valdora.example' };
export const JCS_PA: Contact = { name: 'Lt. Col. Shin Yu-na, JCS Public Affairs', phone: '02-555-0210', email: 'jcs-pa@mod.valdora.example' };

export const SPOKESPERSON_KO: Contact = { name: '강하린 부대변인', phone: '02-555-0141', email: 'press@mod.valdora.example' };
export const INTL_POLICY_KO: Contact = { name: '정우성 서기관 (국제정책관실)', phone: '02-555-0172', email: 'intl-policy@mod.valdora.example' };
export const DEF_POLICY_KO: Contact = { name: '문서연 사무관 (국방정책실)', phone: '02-555-0163', email: 'policy@mod.valdora.example' };
export const INDUSTRY_KO: Contact = { name: '류동현 서기관 (방산협력과)', phone: '02-555-0194', email: 'industry@mod.valdora.example' };
export const LOGISTICS_KO: Contact = { name: '조은비 사무관 (급식유류과)', phone: '02-555-0233', email: 'logistics@mod.valdora.example' };
export const JCS_PA_KO: Contact = { name: '신유나 중령 (합참 공보실)', phone: '02-555-0210', email: 'jcs-pa@mod.valdora.example' };
