import { attachmentKind } from '../domain/attachment.js';
import { InvalidStateError, NotFoundError, type FieldIssue } from '../domain/errors.js';
import { publicTimeFor } from '../domain/release.js';
import type { Clock } from '../ports/clock.js';
import type { EventBus } from '../ports/events.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';

export interface PublishOptions {
  /** Under embargo the release is public only from this time. */
  embargoUntil?: Date | null;
  /** Back-dates the publication (imports, demo data); defaults to now. */
  publishedAt?: Date;
}

/**
 * Publishes a release's latest edition: gives it its permanent number on first publication, makes
 * the edition live and records when the public may see it. Refusals list every reason at once.
 */
export function makePublishRelease(deps: { uow: UnitOfWork; clock: Clock; events: EventBus }) {
  return async function publishRelease(releaseId: number, options: PublishOptions = {}): Promise<void> {
    const now = deps.clock.now();
    const publishedAt = options.publishedAt ?? now;
    const embargoUntil = options.embargoUntil ?? null;
    await deps.uow.run(async (tx) => {
      const release = await tx.releases.getRelease(releaseId);
      if (!release) throw new NotFoundError(`No release ${releaseId}`);
      const edition = await tx.releases.latestEdition(releaseId);
      if (!edition) throw new NotFoundError(`Release ${releaseId} has no edition`);
      const issues: FieldIssue[] = [];
      if (edition.state === 'published') issues.push({ code: 'already_published', message: 'The latest edition is already published' });
      if (release.status === 'withdrawn') issues.push({ code: 'withdrawn', message: 'A withdrawn release cannot be published again' });
      if (embargoUntil && embargoUntil <= now) issues.push({ code: 'embargo_in_past', message: 'The embargo time has already passed', field: 'embargoUntil' });
      const attachments = await tx.releases.attachmentsOf(edition.id);
      attachments
        .filter((a) => attachmentKind(a.mimeType) === 'image' && a.altText.trim() === '')
        .forEach((a) => issues.push({ code: 'alt_text_missing', message: `Add alt text to the image "${a.fileName}"`, field: `attachments.${a.id}.altText` }));
      if (issues.length > 0) throw new InvalidStateError('The release cannot be published', issues);

      const number = release.number ?? (await tx.releases.allocateNumber(release.boardId, release.language));
      if (release.liveEditionId !== null && release.liveEditionId !== edition.id) {
        await tx.releases.setEditionState(release.liveEditionId, 'superseded', null, now);
      }
      await tx.releases.setEditionState(edition.id, 'published', publishedAt, now);
      await tx.releases.markPublished(release.id, {
        liveEditionId: edition.id,
        number,
        firstPublishedAt: release.firstPublishedAt ?? publishedAt,
        publicAt: release.publicAt && release.publicAt <= now ? release.publicAt : publicTimeFor(publishedAt, embargoUntil),
        embargoUntil,
        publicUpdatedAt: publishedAt,
      });
      await tx.releases.bumpContentVersion();
    });
    deps.events.publish({ type: 'release.published', releaseId, at: now });
  };
}
export type PublishRelease = ReturnType<typeof makePublishRelease>;
