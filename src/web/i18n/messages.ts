import type { Language } from '../../domain/language.js';

/**
 * The public UI's words in both languages. `satisfies Record<Language, Messages>` makes a missing
 * key in either catalogue a compile error, and a test checks no string is left empty.
 */
const en = {
  languageName: 'English',
  newsZone: 'News Zone',
  skipToContent: 'Skip to main content',
  mainNavigation: 'Boards',
  breadcrumb: 'Breadcrumb',
  home: 'Home',
  demoNotice: 'Demo newsroom: every release on this site is sample content written for Pressroom, not real news.',
  colNumber: 'No.',
  colTitle: 'Title',
  colDate: 'Date',
  colViews: 'Views',
  colFile: 'File',
  hasAttachment: 'Has attachments',
  filterLabel: 'Search this board',
  filterButton: 'Search',
  filterClear: 'Clear',
  filterResults: 'Results for',
  noReleases: 'Nothing has been published on this board yet.',
  noMatches: 'No releases match your search.',
  pagination: 'Pages',
  previousPage: 'Previous',
  nextPage: 'Next',
  firstPage: 'First',
  lastPage: 'Last',
  pageOf: 'Page {page} of {count}',
  totalItems: '{count} items',
  more: 'More',
  published: 'Published',
  department: 'Department',
  views: 'Views',
  files: 'File',
  download: 'Download',
  noFiles: 'No attached files.',
  photoCredit: 'Photo',
  previousRelease: 'Previous',
  nextRelease: 'Next',
  backToList: 'List',
  pressContact: 'Press contact',
  print: 'Print',
  printedFrom: 'Printed from',
  withdrawnTitle: 'This release was withdrawn',
  withdrawnOn: 'Withdrawn on',
  notFoundTitle: 'Page not found',
  notFoundBody: 'The page you asked for does not exist, or is not public yet.',
  notFoundHome: 'Go to the News Zone',
  errorTitle: 'Something went wrong',
  errorBody: 'The server could not answer this request. Please try again in a moment.',
  badRequestTitle: 'That request could not be read',
  otherLanguage: '한국어',
  otherLanguageLabel: '한국어로 보기',
  latest: 'Latest',
  updated: 'Updated',
  changeHistory: 'Change history',
  firstPublished: 'First published',
  embargoedUntil: 'Embargoed until {time}',
  embargoNotice: 'Not for publication or broadcast before this time. This preview was shared with {recipient}.',
  previewNotice: 'Preview: this release is not public yet.',
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

const ko: Messages = {
  languageName: '한국어',
  newsZone: '뉴스',
  skipToContent: '본문 바로가기',
  mainNavigation: '게시판',
  breadcrumb: '현재 위치',
  home: '홈',
  demoNotice: '데모 뉴스룸: 이 사이트의 모든 보도자료는 Pressroom을 위해 작성한 예시이며 실제 뉴스가 아닙니다.',
  colNumber: '번호',
  colTitle: '제목',
  colDate: '등록일',
  colViews: '조회수',
  colFile: '첨부',
  hasAttachment: '첨부파일 있음',
  filterLabel: '게시판 내 검색',
  filterButton: '검색',
  filterClear: '초기화',
  filterResults: '검색어',
  noReleases: '이 게시판에는 아직 게시물이 없습니다.',
  noMatches: '검색 결과가 없습니다.',
  pagination: '페이지',
  previousPage: '이전',
  nextPage: '다음',
  firstPage: '처음',
  lastPage: '마지막',
  pageOf: '{count}쪽 중 {page}쪽',
  totalItems: '총 {count}건',
  more: '더보기',
  published: '등록일',
  department: '담당부서',
  views: '조회수',
  files: '첨부파일',
  download: '내려받기',
  noFiles: '첨부파일이 없습니다.',
  photoCredit: '사진',
  previousRelease: '이전글',
  nextRelease: '다음글',
  backToList: '목록',
  pressContact: '문의',
  print: '인쇄',
  printedFrom: '출처',
  withdrawnTitle: '이 보도자료는 철회되었습니다',
  withdrawnOn: '철회일',
  notFoundTitle: '페이지를 찾을 수 없습니다',
  notFoundBody: '요청하신 페이지가 없거나 아직 공개되지 않았습니다.',
  notFoundHome: '뉴스 홈으로 가기',
  errorTitle: '오류가 발생했습니다',
  errorBody: '요청을 처리하지 못했습니다. 잠시 후 다시 시도해 주십시오.',
  badRequestTitle: '요청을 읽을 수 없습니다',
  otherLanguage: 'English',
  otherLanguageLabel: 'View in English',
  latest: '최신',
  updated: '수정',
  changeHistory: '수정 이력',
  firstPublished: '최초 등록',
  embargoedUntil: '보도 유예: {time}까지',
  embargoNotice: '이 시각 이전에는 보도할 수 없습니다. 이 미리보기는 {recipient}에게 제공되었습니다.',
  previewNotice: '미리보기: 아직 공개되지 않은 보도자료입니다.',
};

export const catalogues = { en, ko } satisfies Record<Language, Messages>;

/** A translator for one language: t('pageOf', { page: 2, count: 9 }). */
export function translator(language: Language) {
  const messages: Messages = catalogues[language];
  const numbers = new Intl.NumberFormat(language === 'ko' ? 'ko-KR' : 'en-GB');
  return (key: MessageKey, params: Record<string, string | number> = {}): string =>
    messages[key].replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = params[name];
      return typeof value === 'number' ? numbers.format(value) : String(value ?? '');
    });
}
export type Translate = ReturnType<typeof translator>;
