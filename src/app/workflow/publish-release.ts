import { attachmentKind } from '../../domain/attachment.js';
import { altTextProblems } from '../../domain/workflow.js';
import type { FieldIssue } from '../../domain/errors.js';
import { publicTimeFor } from '../../domain/release.js';
import { normaliseText } from '../../domain/text.js';
import type { Clock } from '../../ports/clock.js';
import type { TxRepos, UnitOfWork } from '../../ports/unit-of-work.js';
import { isSystem, type StaffActor } from './actor.js';
import { auditRelease, loadForAction } from './load-for-action.js';
import type { SeenEdition } from './seen-edition.js';

export interface PublishOptions {
  /** Back-dates the publication (imports, demo data); defaults to now. */
  publishedAt?: Date;
  /** For a correction: the public change note ("Updated <date>: <note>"). */
  changeNote?: string | null;
  /** For a correction: publish as a minor edit, with no change note. */
  isMinorChange?: boolean;
  /**
   * Asked first, inside the publication's transaction with the release held: when it answers false,
   * nothing is published and its own writes are kept (the scheduler: does this job still stand?).
   */
  onlyIf?: (tx: TxRepos) => Promise<boolean>;
  /** The edition the person was shown; refused when it changed since. The scheduler has none to carry. */
  seen?: SeenEdition | null;
}

/** What a publication did, so callers word their notice without reading the release again. */
export type PublishOutcome =
  | { published: false }
  | {
      published: true;
      /** A correction of a release that was already live (a new edition replaced the live one). */
      correction: boolean;
      /** The release's permanent number in its board. */
      number: number;
      /** When the release is (or becomes, under embargo) public. */
      publicAt: Date;
      editionNo: number;
    };

/**
 * publish: makes an approved (or scheduled) edition live. First publication gives the release its
 * permanent number; under embargo it is public only from the embargo time. A correction needs a
 * change note unless it is a minor edit. Every reason for a refusal is reported at once. The
 * search outbox records the release in the same transaction, so the index catches up after a crash.
 * Resolves with what it did; `published: false` when `onlyIf` said no.
 */
export function makePublishRelease(deps: { uow: UnitOfWork; clock: Clock; allowSelfApproval?: boolean }) {
  return async function publishRelease(releaseId: number, actor: StaffActor, given: PublishOptions = {}): Promise<PublishOutcome> {
    // The change note is public text: normalised like every other (#13).
    const options = { ...given, changeNote: given.changeNote == null ? given.changeNote : normaliseText(given.changeNote) };
    const now = deps.clock.now();
    const publishedAt = options.publishedAt ?? now;
    return deps.uow.run(async (tx): Promise<PublishOutcome> => {
      if (options.onlyIf) {
        await tx.releases.getReleaseForUpdate(releaseId);
        if (!(await options.onlyIf(tx))) return { published: false };
      }
      const { release, edition } = await loadForAction(tx, releaseId, 'publish', actor, async ({ release, edition }) => {
        const issues: FieldIssue[] = [];
        if (edition.embargoUntil && edition.embargoUntil <= now && !isSystem(actor)) {
          issues.push({ code: 'embargo_in_past', message: 'The embargo time has already passed: clear or move it', field: 'embargoUntil' });
        }
        const attachments = await tx.attachments.attachmentsOf(edition.id);
        issues.push(...altTextProblems(attachments.filter((a) => attachmentKind(a.mimeType) === 'image')));
        const correcting = release.liveEditionId !== null;
        if (correcting && !options.isMinorChange && !options.changeNote?.trim()) {
          issues.push({ code: 'change_note_missing', message: 'Write a public change note, or mark the correction as a minor edit', field: 'changeNote' });
        }
        return issues;
      }, { seen: options.seen, allowSelfApproval: deps.allowSelfApproval });
      const correcting = release.liveEditionId !== null;
      const number = release.number ?? (await tx.releases.allocateNumber(release.boardId, release.language));
      if (correcting && release.liveEditionId !== edition.id) {
        await tx.editions.setEditionState(release.liveEditionId!, 'superseded', null, now);
      }
      await tx.editions.updateEditionWorkflow(
        edition.id,
        {
          state: 'published',
          publishedAt,
          changeNote: correcting && !options.isMinorChange ? options.changeNote!.trim() : null,
          isMinorChange: correcting && Boolean(options.isMinorChange),
        },
        now,
      );
      // A correction never moves an already public release back behind an embargo.
      const publicAt = release.publicAt && release.publicAt <= now ? release.publicAt : publicTimeFor(publishedAt, edition.embargoUntil);
      await tx.releases.markPublished(release.id, {
        liveEditionId: edition.id,
        number,
        firstPublishedAt: release.firstPublishedAt ?? publishedAt,
        publicAt,
        embargoUntil: edition.embargoUntil,
        publicUpdatedAt: correcting && options.isMinorChange ? (release.publicUpdatedAt ?? publishedAt) : publishedAt,
      });
      await tx.jobs.cancelFor(release.id, now);
      await tx.searchOutbox.add([release.id], now);
      tx.events.record({ type: correcting ? 'release.corrected' : 'release.published', releaseId, at: now });
      await auditRelease(tx, actor, correcting ? 'release.corrected' : 'release.published', release.id, now, {
        editionNo: edition.editionNo,
        number,
        ...(edition.embargoUntil ? { embargoUntil: edition.embargoUntil.toISOString() } : {}),
        ...(correcting ? { changeNote: options.isMinorChange ? null : options.changeNote, minor: Boolean(options.isMinorChange) } : {}),
      });
      return { published: true, correction: correcting, number, publicAt, editionNo: edition.editionNo };
    });
  };
}
export type PublishRelease = ReturnType<typeof makePublishRelease>;
