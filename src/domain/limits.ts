/**
 * Limits shared by the admin UI, the API and the server. One module, so a form's maxlength and the
 * server's check can never disagree.
 */
export const LIMITS = {
  titleMaxChars: 300,
  /** The source board cuts list titles at 64 characters and appends "...". */
  listTitleChars: 64,
  subtitleLineMaxChars: 300,
  subtitleMaxLines: 10,
  bodyMaxChars: 200_000,
  departmentMaxChars: 120,
  tagMaxChars: 60,
  tagsMax: 20,
  fileNameMaxChars: 255,
  captionMaxChars: 500,
  boardPageSize: 10,
  boardPageSizeMax: 100,
  filterMaxChars: 100,
  /** Longest full-text search query; longer input is cut. */
  searchMaxChars: 200,
  /** Highest page number a list accepts; deeper requests are refused as malformed, not scanned. */
  maxPage: 100_000,
} as const;
