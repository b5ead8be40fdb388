/**
 * Words of the editor's autosave and leave warning, the full-page preview and the attachment
 * thumbnails (#16), part of the admin catalogue (admin-messages.ts merges them; a key missing in
 * Korean fails to compile).
 */
export const editingEn = {
  adminAutosaveSavedAt: 'Saved at {time}',
  adminAutosaveSaving: 'Saving…',
  adminAutosaveUnsaved: 'Unsaved changes',
  adminAutosaveFailed: 'Not saved automatically: {reason} Your text is still in the form; fix it and press Save draft.',
  adminAutosaveOffline: 'Not saved automatically: the connection failed. Your text is still in the form; it will be saved when the connection is back, or press Save draft.',
  adminAutosaveConflict: 'Someone else changed this release while you were typing, so your changes were not saved automatically. Your text is still in the form: press Save draft to compare both versions and merge them.',
  adminAutosaveHint: 'Your changes are saved as a draft revision a few seconds after you stop typing.',
  adminLeaveWarning: 'You have unsaved changes. Leave this page and lose them?',
  adminPreviewFullPage: 'Preview the full page',
  adminPreviewNewTab: '(opens in a new tab)',
  adminPreviewSavedText: 'It shows the last saved text.',
  adminPreviewBannerTitle: 'Preview - not published',
  adminPreviewBannerBody: 'This is how the release will look on the public site. Only signed-in staff can open this page; it shows the last saved text of edition {edition} ({state}).',
  adminPreviewListRow: 'How it will appear in the list of {board}',
  adminPreviewNoNumber: '(new)',
  adminRevisionAutosaved: 'autosaved',
} as const;

export const editingKo: Record<keyof typeof editingEn, string> = {
  adminAutosaveSavedAt: '저장됨 {time}',
  adminAutosaveSaving: '저장하는 중…',
  adminAutosaveUnsaved: '저장하지 않은 변경 사항',
  adminAutosaveFailed: '자동 저장하지 못했습니다: {reason} 입력한 내용은 양식에 그대로 있습니다. 고친 뒤 초안 저장을 누르십시오.',
  adminAutosaveOffline: '자동 저장하지 못했습니다: 연결에 실패했습니다. 입력한 내용은 양식에 그대로 있으며 연결되면 저장됩니다. 초안 저장을 눌러도 됩니다.',
  adminAutosaveConflict: '입력하는 동안 다른 사람이 이 보도자료를 바꾸어 변경 사항을 자동 저장하지 않았습니다. 입력한 내용은 양식에 그대로 있습니다. 초안 저장을 눌러 두 버전을 비교하고 합치십시오.',
  adminAutosaveHint: '입력을 멈추고 몇 초 뒤 변경 사항이 초안 수정본으로 저장됩니다.',
  adminLeaveWarning: '저장하지 않은 변경 사항이 있습니다. 이 페이지를 떠나면 사라집니다. 떠나시겠습니까?',
  adminPreviewFullPage: '전체 페이지 미리보기',
  adminPreviewNewTab: '(새 탭에서 열림)',
  adminPreviewSavedText: '마지막으로 저장한 내용을 보여 줍니다.',
  adminPreviewBannerTitle: '미리보기 - 게시되지 않음',
  adminPreviewBannerBody: '공개 사이트에서 이 보도자료가 보일 모습입니다. 로그인한 직원만 이 페이지를 열 수 있으며, 판 {edition}({state})의 마지막으로 저장한 내용을 보여 줍니다.',
  adminPreviewListRow: '{board} 목록에 보일 모습',
  adminPreviewNoNumber: '(새 글)',
  adminRevisionAutosaved: '자동 저장',
};
