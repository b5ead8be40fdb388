/**
 * The reuse licences a press office can put its content under. The Korea Open Government License
 * (KOGL, 공공누리) types are the usual choice for Korean public bodies; CC BY and "all rights
 * reserved" cover the rest. Chosen with PRESSROOM_LICENCE (config.ts).
 */
export const LICENCES = ['kogl-1', 'kogl-2', 'kogl-3', 'kogl-4', 'cc-by', 'all-rights-reserved'] as const;
export type Licence = (typeof LICENCES)[number];

/** Where each licence's terms are published (null: no public terms to link). */
export const LICENCE_URLS: Record<Licence, string | null> = {
  'kogl-1': 'https://www.kogl.or.kr/info/licenseType1.do',
  'kogl-2': 'https://www.kogl.or.kr/info/licenseType2.do',
  'kogl-3': 'https://www.kogl.or.kr/info/licenseType3.do',
  'kogl-4': 'https://www.kogl.or.kr/info/licenseType4.do',
  'cc-by': 'https://creativecommons.org/licenses/by/4.0/',
  'all-rights-reserved': null,
};
