import { z } from 'zod';
import type { Attachment } from '../domain/attachment.js';
import { NotFoundError } from '../domain/errors.js';
import { LIMITS } from '../domain/limits.js';
import { roleMayTake } from '../domain/workflow.js';
import type { Clock } from '../ports/clock.js';
import type { AttachmentText } from '../ports/attachment-repo.js';
import type { TxRepos, UnitOfWork } from '../ports/unit-of-work.js';
import { text } from './release.schema.js';
import { validate } from './validate.js';
import type { StaffActor } from './workflow/actor.js';
import { auditRelease, loadForAction } from './workflow/load-for-action.js';

/** Caption, credit and alt text as every entry point sends them. */
export const attachmentTextSchema = z.object({
  caption: text().trim().max(LIMITS.captionMaxChars, `A caption has at most ${LIMITS.captionMaxChars} characters`).default(''),
  credit: text().trim().max(200, 'A credit has at most 200 characters').default(''),
  altText: text().trim().max(LIMITS.captionMaxChars, `Alt text has at most ${LIMITS.captionMaxChars} characters`).default(''),
});

export type MoveDirection = 'up' | 'down';

/**
 * Editing a draft's attachments after upload: their texts, their order and removal. Like any edit
 * of the content, only on a draft, by a writer or above; each change is audited with it. An editor
 * may also fix the texts of an edition in review, approved or scheduled (`revise`, #16).
 */
export function makeEditAttachments(deps: { uow: UnitOfWork; clock: Clock }) {
  async function loadOnDraft(tx: TxRepos, releaseId: number, attachmentId: number, actor: StaffActor, action: 'edit' | 'revise' = 'edit') {
    const { edition } = await loadForAction(tx, releaseId, action, actor);
    const attachment = await tx.attachments.getAttachment(attachmentId);
    if (!attachment || attachment.editionId !== edition.id) throw new NotFoundError(`No attachment ${attachmentId} on the draft of release ${releaseId}`);
    return { attachment, edition };
  }

  return {
    /**
     * Sets caption, credit and alt text (alt text is required for images before publishing). On an
     * edition past draft (an editor's fix in review) it is also a revision by the editor, who becomes
     * one of its authors, and it moves the edition's version, so nobody approves texts they never saw.
     */
    update(releaseId: number, attachmentId: number, input: Partial<AttachmentText>, actor: StaffActor): Promise<Attachment> {
      const text = validate(attachmentTextSchema, input);
      return deps.uow.run(async (tx) => {
        const now = deps.clock.now();
        const latest = await tx.editions.latestEdition(releaseId);
        // A writer is told the edition is not a draft any more; an editor fixes it in review.
        const inReview = latest !== null && latest.state !== 'draft' && roleMayTake('revise', actor.role);
        const { attachment: before, edition } = await loadOnDraft(tx, releaseId, attachmentId, actor, inReview ? 'revise' : 'edit');
        const updated = await tx.attachments.updateAttachment(attachmentId, text);
        if (!updated) throw new NotFoundError(`No attachment ${attachmentId}`);
        const changed = (['caption', 'credit', 'altText'] as const).filter((k) => before[k] !== updated[k]);
        if (inReview && changed.length > 0) {
          const { title, subtitle, bodyMarkdown, department, contact, tags } = edition;
          await tx.editions.updateEditionWorkflow(edition.id, {}, now);
          await tx.editions.addRevision(edition.id, { title, subtitle, bodyMarkdown, department, contact, tags }, { id: actor.userId, label: actor.label }, now);
        }
        await auditRelease(tx, actor, 'attachment.updated', releaseId, now, { attachmentId, fileName: before.fileName, changed, ...(inReview ? { state: edition.state } : {}) });
        return updated;
      });
    },

    /** Swaps an attachment with its neighbour; at either end it stays where it is. */
    move(releaseId: number, attachmentId: number, direction: MoveDirection, actor: StaffActor): Promise<void> {
      return deps.uow.run(async (tx) => {
        const { attachment } = await loadOnDraft(tx, releaseId, attachmentId, actor);
        const ids = (await tx.attachments.attachmentsOf(attachment.editionId)).map((a) => a.id);
        const from = ids.indexOf(attachmentId);
        const to = direction === 'up' ? from - 1 : from + 1;
        if (to < 0 || to >= ids.length) return;
        [ids[from], ids[to]] = [ids[to]!, ids[from]!];
        await tx.attachments.setAttachmentOrder(attachment.editionId, ids);
        await auditRelease(tx, actor, 'attachment.reordered', releaseId, deps.clock.now(), { attachmentId, fileName: attachment.fileName, direction, order: ids });
      });
    },

    /** Removes an attachment from the draft; the live edition (if any) keeps its own copy. */
    remove(releaseId: number, attachmentId: number, actor: StaffActor): Promise<void> {
      return deps.uow.run(async (tx) => {
        const { attachment } = await loadOnDraft(tx, releaseId, attachmentId, actor);
        await tx.attachments.removeAttachment(attachmentId);
        const rest = (await tx.attachments.attachmentsOf(attachment.editionId)).map((a) => a.id);
        await tx.attachments.setAttachmentOrder(attachment.editionId, rest);
        await auditRelease(tx, actor, 'attachment.removed', releaseId, deps.clock.now(), { attachmentId, fileName: attachment.fileName, sha256: attachment.sha256 });
      });
    },
  };
}
export type EditAttachments = ReturnType<typeof makeEditAttachments>;
