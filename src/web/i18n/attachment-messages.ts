/** Words of the attachment text views and media kits (#19), merged into the public catalogues. */
export const attachmentEn = {
  readOnline: 'Read online',
  readOnlineLabel: 'Read online: {name}',
  textViewOf: 'Text version of an attached file',
  textViewDescription: 'The text of {name}, attached to "{title}", to read online or print.',
  downloadOriginal: 'Download the original ({type}, {size})',
  textViewPartial: 'This text version is incomplete: {reason}.',
  textViewPending: 'The text version of this file is being prepared. Download the original meanwhile.',
  noTextView: 'This file has no text version: {reason}. Download the original.',
  textViewNote: 'Converted automatically from the attached file; the original is authoritative.',
  backToRelease: 'Back to the release',
  downloadAllPhotos: 'Download all photos ({count}, ZIP)',
  originalPhoto: 'Original ({width} × {height} px, {size})',
  originalFile: 'Original',
  photoCaptions: 'Captions and credits',
} as const;

export const attachmentKo: Record<keyof typeof attachmentEn, string> = {
  readOnline: '바로 보기',
  readOnlineLabel: '{name} 바로 보기',
  textViewOf: '첨부파일 본문 보기',
  textViewDescription: '"{title}"에 첨부된 {name}의 본문을 바로 읽거나 인쇄할 수 있습니다.',
  downloadOriginal: '원본 내려받기 ({type}, {size})',
  textViewPartial: '이 본문 보기는 일부만 담고 있습니다: {reason}.',
  textViewPending: '이 파일의 본문 보기를 준비하고 있습니다. 그동안 원본을 내려받으세요.',
  noTextView: '이 파일은 본문 보기를 제공하지 않습니다: {reason}. 원본을 내려받으세요.',
  textViewNote: '첨부파일에서 자동으로 변환한 본문입니다. 원본이 우선합니다.',
  backToRelease: '보도자료로 돌아가기',
  downloadAllPhotos: '사진 모두 내려받기 ({count}장, ZIP)',
  originalPhoto: '원본 ({width} × {height} px, {size})',
  originalFile: '원본',
  photoCaptions: '사진 설명과 출처',
};
