import { diffWords } from 'diff';
import { NotFoundError } from '../../domain/errors.js';
import type { Edition, EditionContent } from '../../domain/release.js';
import type { Revision } from '../../ports/edition-repo.js';
import type { UnitOfWork } from '../../ports/unit-of-work.js';
import type { StaffActor } from './actor.js';
import type { SaveDraft } from './save-draft.js';

export interface FieldDiff {
  field: keyof EditionContent;
  parts: { value: string; added: boolean; removed: boolean }[];
}

function asText(content: EditionContent, field: keyof EditionContent): string {
  const value = content[field];
  if (Array.isArray(value)) return value.join('\n');
  if (value && typeof value === 'object') return `${value.name} ${value.phone} ${value.email}`.trim();
  return String(value ?? '');
}

/** A word-level diff of every field that differs between two revisions. */
export function diffContent(from: EditionContent, to: EditionContent): FieldDiff[] {
  const fields: (keyof EditionContent)[] = ['title', 'subtitle', 'bodyMarkdown', 'department', 'contact', 'tags'];
  return fields.flatMap((field) => {
    const a = asText(from, field);
    const b = asText(to, field);
    if (a === b) return [];
    return [{ field, parts: diffWords(a, b).map((p) => ({ value: p.value, added: Boolean(p.added), removed: Boolean(p.removed) })) }];
  });
}

/** Revision history: every save is a revision; any two compare; restoring saves a new revision. */
export function makeRevisions(deps: { uow: UnitOfWork; saveDraft: SaveDraft }) {
  return {
    list: (editionId: number): Promise<Revision[]> => deps.uow.run((tx) => tx.editions.revisions(editionId)),

    async compare(fromId: number, toId: number): Promise<{ from: Revision; to: Revision; diff: FieldDiff[] }> {
      const [from, to] = await deps.uow.run((tx) => Promise.all([tx.editions.getRevision(fromId), tx.editions.getRevision(toId)]));
      if (!from || !to) throw new NotFoundError('No such revision');
      return { from, to, diff: diffContent(from.content, to.content) };
    },

    async restore(releaseId: number, revisionId: number, lockVersion: number, actor: StaffActor): Promise<Edition> {
      const revision = await deps.uow.run((tx) => tx.editions.getRevision(revisionId));
      if (!revision) throw new NotFoundError('No such revision');
      const edition = await deps.uow.run((tx) => tx.editions.getEdition(revision.editionId));
      return deps.saveDraft(releaseId, { ...revision.content, embargoUntil: edition?.embargoUntil ?? null, lockVersion }, actor);
    },
  };
}
export type Revisions = ReturnType<typeof makeRevisions>;
