import type { Language } from '../../domain/language.js';
import type { BoardRepo } from '../../ports/board-repo.js';
import type { Clock } from '../../ports/clock.js';
import type { DemoAssets } from '../../ports/demo-assets.js';
import type { CreateUser } from '../accounts/create-user.js';
import type { NewUserInput } from '../accounts/account.schema.js';
import type { AttachFile } from '../attach-file.js';
import { SYSTEM_ACTOR, type StaffActor } from '../workflow/actor.js';
import type { CreateRelease } from '../workflow/create-release.js';
import type { PublishRelease } from '../workflow/publish-release.js';
import type { ScheduleRelease } from '../workflow/schedule-release.js';
import type { makeApproveRelease, makeSubmitRelease } from '../workflow/simple-transitions.js';
import type { makeSetAuthoritative, makeSetTranslationNeeded } from '../translations/mark-translations.js';
import { DEMO_BOARDS, DEMO_RELEASES, type DemoRelease } from './demo-content.js';

export interface SeedDemoDeps {
  boards: BoardRepo;
  clock: Clock;
  assets: DemoAssets;
  createRelease: CreateRelease;
  attachFile: AttachFile;
  submitRelease: ReturnType<typeof makeSubmitRelease>;
  approveRelease: ReturnType<typeof makeApproveRelease>;
  publishRelease: PublishRelease;
  scheduleRelease: ScheduleRelease;
  /** Marks the Korean versions authoritative and flags a Korean-only release for translation. */
  translations?: { setAuthoritative: ReturnType<typeof makeSetAuthoritative>; setTranslationNeeded: ReturnType<typeof makeSetTranslationNeeded> };
  /** Creates the demo staff accounts (when asked for) in the same transaction as the content. */
  createUser?: CreateUser;
  /** Called after each release, for progress output. */
  onProgress?: (done: number, total: number) => void;
}

export interface SeedDemoOptions {
  onProgress?: (done: number, total: number) => void;
  /** Staff accounts to create with the content (the web server's demo accounts). */
  accounts?: readonly NewUserInput[];
}

/**
 * Runs the whole seed in one database transaction, with every command bound to it, and resolves
 * once it has committed (or rolled back). Files written meanwhile are content-addressed, so a
 * rolled-back seed leaves only unreferenced bytes that the next seed reuses.
 */
export type SeedDemoTransaction = <T>(work: (deps: SeedDemoDeps) => Promise<T>) => Promise<T>;

const DEMO_ACTOR: StaffActor = { ...SYSTEM_ACTOR, label: 'system:demo' };

/** Seoul is UTC+9 all year (no daylight saving), so local demo times convert exactly. */
function publicationTime(now: Date, item: Pick<DemoRelease, 'daysAgo' | 'hour' | 'minute'>): Date {
  const day = new Date(now.getTime() - item.daysAgo * 86_400_000);
  const seoulDate = new Date(day.getTime() + 9 * 3_600_000);
  const utc = Date.UTC(seoulDate.getUTCFullYear(), seoulDate.getUTCMonth(), seoulDate.getUTCDate(), item.hour - 9, item.minute);
  return new Date(Math.min(utc, now.getTime() - 60_000));
}

/**
 * Loads the demo newsroom through the same commands the editors use: boards, releases with photos
 * and PDFs, submitted, approved and published oldest first so numbers follow dates, then the demo
 * staff accounts. All of it in one transaction: a start killed half-way leaves an empty database
 * (the next start seeds again), never half a demo with accounts that do not exist. Returns false
 * when boards exist already.
 */
export function makeSeedDemo(transaction: SeedDemoTransaction) {
  return (options: SeedDemoOptions = {}): Promise<boolean> => transaction((deps) => seedDemoWith(deps, options));
}

async function seedDemoWith(deps: SeedDemoDeps, options: SeedDemoOptions): Promise<boolean> {
  const onProgress = options.onProgress ?? deps.onProgress;
  if ((await deps.boards.list()).length > 0) return false;
  const now = deps.clock.now();
  for (const [position, board] of DEMO_BOARDS.entries()) {
    await deps.boards.create({ ...board, position, createdAt: now });
  }
  const ordered = [...DEMO_RELEASES].sort((a, b) => publicationTime(now, a).getTime() - publicationTime(now, b).getTime());
  for (const [index, item] of ordered.entries()) {
    const { release, edition } = await deps.createRelease({
      boardSlug: item.board,
      language: item.language as Language,
      translationGroup: item.pairKey,
      title: item.title,
      subtitle: item.subtitle,
      bodyMarkdown: item.bodyMarkdown,
      department: item.department,
      contact: item.contact,
      tags: item.tags,
    }, DEMO_ACTOR);
    for (const photo of item.photos) {
      const bytes = await deps.assets.photo({ label: photo.label, hue: photo.hue, width: 1200, height: 800 });
      await deps.attachFile({ editionId: edition.id, fileName: `${slugify(photo.label)}.jpg`, bytes, caption: photo.caption, credit: photo.credit, altText: photo.altText, actor: DEMO_ACTOR });
    }
    for (const doc of item.documents) {
      const bytes = doc.format === 'hwpx' ? await deps.assets.hwpx({ heading: doc.heading, lines: doc.lines }) : await deps.assets.pdf({ heading: doc.heading, lines: doc.lines });
      await deps.attachFile({ editionId: edition.id, fileName: doc.fileName, bytes, actor: DEMO_ACTOR });
    }
    await deps.submitRelease(release.id, DEMO_ACTOR);
    await deps.approveRelease(release.id, DEMO_ACTOR);
    await deps.publishRelease(release.id, DEMO_ACTOR, { publishedAt: publicationTime(now, item) });
    if (item.language === 'ko' && item.pairKey) await deps.translations?.setAuthoritative(release.id, DEMO_ACTOR);
    if (item.translationNeeded) await deps.translations?.setTranslationNeeded(release.id, true, DEMO_ACTOR);
    onProgress?.(index + 1, ordered.length);
  }
  await seedWorkInProgress(deps, now);
  for (const account of options.accounts ?? []) {
    if (!deps.createUser) throw new Error('seedDemo: accounts were asked for but no createUser was given');
    await deps.createUser(account, { userId: null, label: DEMO_ACTOR.label, ip: null });
  }
  return true;
}

/** Seoul wall-clock time `days` from now at hh:mm, as an instant. */
function seoulTime(now: Date, days: number, hour: number, minute = 0): Date {
  const seoul = new Date(now.getTime() + days * 86_400_000 + 9 * 3_600_000);
  return new Date(Date.UTC(seoul.getUTCFullYear(), seoul.getUTCMonth(), seoul.getUTCDate(), hour - 9, minute));
}

/**
 * A press office is never idle: the demo's dashboard shows a draft, one in review, one scheduled
 * for tomorrow and one published under embargo until tomorrow morning, none of them public.
 */
async function seedWorkInProgress(deps: SeedDemoDeps, now: Date): Promise<void> {
  const base = { boardSlug: 'press-releases', language: 'en' as const, department: "Spokesperson's Office", translationGroup: null };
  const draft = (title: string, body: string, embargoUntil: Date | null = null) =>
    deps.createRelease({ ...base, title, bodyMarkdown: body, subtitle: [], embargoUntil }, DEMO_ACTOR);

  await draft('Draft: Ministry to host regional disaster-relief logistics seminar in spring', 'Details of the seminar programme are still being confirmed with partner agencies.');
  const inReview = await draft('Minister to visit naval academy graduation ceremony on Friday', 'The Minister will address the graduating class and present commissions.');
  await deps.submitRelease(inReview.release.id, DEMO_ACTOR);
  const scheduled = await draft('Weekly briefing schedule for the coming week', 'The Spokesperson will brief the press on Tuesday and Thursday at 10:30.');
  await deps.submitRelease(scheduled.release.id, DEMO_ACTOR);
  await deps.approveRelease(scheduled.release.id, DEMO_ACTOR);
  await deps.scheduleRelease(scheduled.release.id, seoulTime(now, 1, 10), DEMO_ACTOR);
  const embargoed = await draft('Defence budget proposal for next year submitted to the National Assembly', 'The proposal focuses on readiness, personnel welfare and disaster response.', seoulTime(now, 1, 9));
  await deps.submitRelease(embargoed.release.id, DEMO_ACTOR);
  await deps.approveRelease(embargoed.release.id, DEMO_ACTOR);
  await deps.publishRelease(embargoed.release.id, DEMO_ACTOR);

  // Korean first, English later: the English version of the published Korean meal plan release is
  // still in review, so the Korean page offers no English link yet.
  const translation = await deps.createRelease(
    {
      ...base,
      department: 'Logistics Management Office',
      translationGroup: 'pair-meals',
      title: 'Ministry announces 2027 plan for better meals for service members',
      subtitle: ['Basic meal budget raised to 15,000 won per person per day, reflecting a survey of service members'],
      bodyMarkdown: [
        'The Ministry of National Defense announced on 9 November its 2027 plan to improve meals for service members.',
        'The plan reflects a satisfaction and preference survey of about 12,000 service members in August.',
        '- The basic meal budget rises from 13,000 won to 15,000 won per person per day.',
        '- Choice menus piloted in some units will be extended to all units by the second half of next year.',
        '- 600 civilian cooks will be hired for battalion-level units and above.',
      ].join('\n\n'),
    },
    DEMO_ACTOR,
  );
  await deps.submitRelease(translation.release.id, DEMO_ACTOR);
}

function slugify(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'photo';
}
