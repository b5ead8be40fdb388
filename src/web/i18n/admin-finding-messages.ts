/**
 * Finding things (#16): the release list's title search and filters, thumbnails, the press-contact
 * directory, and (site keys) tags on public release pages and the tag page.
 */
export const findingEn = {
  adminSearchTitles: 'Title contains',
  adminSearchTitlesHint: 'Every word must appear in the title (drafts included).',
  adminColAuthor: 'Author',
  adminAnyAuthor: 'Any author',
  adminColTag: 'Tag',
  adminTagHint: 'Exactly as written on the release',
  adminClearFilters: 'Clear filters',
  adminColPicture: 'Picture',
  adminNavContacts: 'Press contacts',
  adminContactsIntro: 'Press contacts picked on releases. Edit a contact once here and every release naming it shows the new details, published ones included.',
  adminContactsEmpty: 'No press contacts yet.',
  adminContactNew: 'Add a press contact',
  adminContactEdit: 'Edit press contact',
  adminContactRole: 'Role or title',
  adminContactLanguage: 'Language of these details',
  adminContactSave: 'Save contact',
  adminContactAdd: 'Add contact',
  adminContactDelete: 'Delete contact',
  adminContactDeleteHint: 'Releases that named it keep the details they were saved with.',
  adminContactSaved: 'Press contact saved.',
  adminContactAdded: 'Press contact added.',
  adminContactDeleted: 'Press contact deleted.',
  adminContactUsedBy: 'Named on {count, plural, =0 {no releases} one {# release} other {# releases}}',
  adminContactPick: 'From the directory',
  adminContactPickNone: 'None: type the details below',
  adminContactPickHint: 'A contact picked here is shown with its current details; the fields below are then filled from the directory.',
} as const;

export const findingKo: Record<keyof typeof findingEn, string> = {
  adminSearchTitles: '제목 검색',
  adminSearchTitlesHint: '제목에 모든 낱말이 들어 있어야 합니다(초안 포함).',
  adminColAuthor: '작성자',
  adminAnyAuthor: '모든 작성자',
  adminColTag: '태그',
  adminTagHint: '보도자료에 쓴 그대로',
  adminClearFilters: '필터 지우기',
  adminColPicture: '사진',
  adminNavContacts: '언론 담당자',
  adminContactsIntro: '보도자료에서 고르는 언론 담당자입니다. 여기서 한 번 고치면 그 담당자를 지정한 모든 보도자료(게시된 것 포함)에 새 정보가 표시됩니다.',
  adminContactsEmpty: '등록된 언론 담당자가 없습니다.',
  adminContactNew: '언론 담당자 추가',
  adminContactEdit: '언론 담당자 수정',
  adminContactRole: '직책',
  adminContactLanguage: '정보의 언어',
  adminContactSave: '담당자 저장',
  adminContactAdd: '담당자 추가',
  adminContactDelete: '담당자 삭제',
  adminContactDeleteHint: '이 담당자를 지정한 보도자료에는 저장할 때의 정보가 남습니다.',
  adminContactSaved: '언론 담당자를 저장했습니다.',
  adminContactAdded: '언론 담당자를 추가했습니다.',
  adminContactDeleted: '언론 담당자를 삭제했습니다.',
  adminContactUsedBy: '{count, plural, =0 {지정한 보도자료 없음} other {보도자료 #건에 지정됨}}',
  adminContactPick: '담당자 목록에서 선택',
  adminContactPickNone: '선택 안 함: 아래에 직접 입력',
  adminContactPickHint: '여기서 고른 담당자는 현재 정보로 표시되며, 아래 칸은 목록의 정보로 채워집니다.',
};

/** Public pages: a release's tags and the tag page. */
export const tagsEn = {
  releaseTags: 'Tags',
  tagPageTitle: 'Tagged “{tag}”',
  tagFeed: 'Feed of this tag',
  tagFeedOf: 'Feed of “{tag}”',
  tagOlder: 'Older releases',
  tagNewest: 'Newest releases',
} as const;

export const tagsKo: Record<keyof typeof tagsEn, string> = {
  releaseTags: '태그',
  tagPageTitle: '‘{tag}’ 태그',
  tagFeed: '이 태그의 피드',
  tagFeedOf: '‘{tag}’ 피드',
  tagOlder: '이전 보도자료',
  tagNewest: '최신 보도자료',
};
