/**
 * The demo newsroom loaded on first start: original, fictional content for the Ministry of Defence
 * of the Republic of Valdora (발도라 공화국 국방부). Every person, place, country and event here is
 * invented; nothing is taken from real news. The releases are in content/, a board (and language)
 * a file.
 */
import { NEWS } from './content/news.js';
import type { DemoRelease } from './content/model.js';
import { PHOTOS } from './content/photos.js';
import { PRESS_RELEASES_EN } from './content/press-releases-en.js';
import { PRESS_RELEASES_EN_ARCHIVE } from './content/press-releases-en-archive.js';
import { PRESS_RELEASES_KO } from './content/press-releases-ko.js';
import { STATEMENTS } from './content/statements.js';

export { DEMO_BOARDS, type DemoBoard, type DemoBoardSlug, type DemoDocument, type DemoPhoto, type DemoRelease } from './content/model.js';

/** Every demo release, English and Korean, across the four boards (the seeder sorts them by date). */
export const DEMO_RELEASES: DemoRelease[] = [...PRESS_RELEASES_EN, ...PRESS_RELEASES_EN_ARCHIVE, ...PRESS_RELEASES_KO, ...NEWS, ...STATEMENTS, ...PHOTOS];
