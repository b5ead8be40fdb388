import { scopeRefusals } from '../domain/api-scopes.js';
import type { Board } from '../domain/board.js';
import { ForbiddenError, NotFoundError, type FieldIssue } from '../domain/errors.js';
import type { Edition, EditionContent, Release } from '../domain/release.js';
import { roleMayTake, workflowRefusals, type WorkflowAction } from '../domain/workflow.js';
import type { BoardRepo } from '../ports/board-repo.js';
import type { EditionRepo } from '../ports/edition-repo.js';
import type { ReleaseRepo } from '../ports/release-repo.js';
import type { ApiPrincipal, ApiTokens } from './api-tokens/api-tokens.js';
import { editionAuthorIds } from './workflow/edition-authors.js';
import type { NewReleaseInput } from './release.schema.js';
import type { CreateRelease } from './workflow/create-release.js';
import type { PublishOptions, PublishRelease } from './workflow/publish-release.js';
import { EditConflictError, type SaveDraft } from './workflow/save-draft.js';
import type { ScheduleRelease } from './workflow/schedule-release.js';
import type { makeApproveRelease, makeRejectRelease, makeSubmitRelease, makeUnscheduleRelease, makeWithdrawRelease, WithdrawOptions } from './workflow/simple-transitions.js';
import type { makeStartCorrection } from './workflow/start-correction.js';
import type { SeenEdition } from './workflow/seen-edition.js';

/** A release as staff see it through the API: its latest edition, whatever its state. */
export interface StaffReleaseView {
  release: Release;
  board: Board;
  edition: Edition;
}

/** The very commands the admin forms call (src/main/compose.ts `commands`). */
export interface ApiWriteCommands {
  createRelease: CreateRelease;
  saveDraft: SaveDraft;
  submitRelease: ReturnType<typeof makeSubmitRelease>;
  approveRelease: ReturnType<typeof makeApproveRelease>;
  rejectRelease: ReturnType<typeof makeRejectRelease>;
  scheduleRelease: ScheduleRelease;
  unscheduleRelease: ReturnType<typeof makeUnscheduleRelease>;
  publishRelease: PublishRelease;
  startCorrection: ReturnType<typeof makeStartCorrection>;
  withdrawRelease: ReturnType<typeof makeWithdrawRelease>;
}

/** Content fields an update may send; those left out keep their current value. */
export type DraftPatch = Partial<EditionContent> & { embargoUntil?: Date | null };

/**
 * The JSON API's write use cases. Each checks the token (scope) and its owner (role) together,
 * refusing with every reason at once, then runs the same application command as the admin UI,
 * which checks state and rules again inside its transaction and audits as the owner.
 */
export function makeApiWrites(deps: { commands: ApiWriteCommands; releases: Pick<ReleaseRepo, 'getRelease'>; editions: Pick<EditionRepo, 'latestEdition' | 'revisions'>; boards: BoardRepo; tokens: ApiTokens; allowSelfApproval?: boolean }) {
  const { commands } = deps;

  async function view(releaseId: number): Promise<StaffReleaseView> {
    const release = await deps.releases.getRelease(releaseId);
    const edition = release && (await deps.editions.latestEdition(releaseId));
    const board = release && (await deps.boards.byId(release.boardId));
    if (!release || !edition || !board) throw new NotFoundError(`No release ${releaseId}`);
    return { release, edition, board };
  }

  /**
   * Permission = the owner's role AND the token's scope. When either is missing the request is
   * refused (403) listing every reason, state ones included; otherwise the command decides.
   */
  async function authorize(principal: ApiPrincipal, action: WorkflowAction, releaseId: number | null): Promise<void> {
    const role = principal.owner.role;
    let reasons: FieldIssue[];
    if (releaseId === null) {
      reasons = roleMayTake(action, role) ? [] : [{ code: 'role_not_allowed', message: `A ${role} cannot ${action.replace('_', ' ')} a release` }];
    } else {
      const { release, edition } = await view(releaseId);
      reasons = workflowRefusals(action, {
        role,
        isAuthor: action === 'approve' ? (await editionAuthorIds(deps.editions, edition)).has(principal.owner.id) : edition.createdBy === principal.owner.id,
        editionState: edition.state,
        releaseStatus: release.status,
        allowSelfApproval: deps.allowSelfApproval,
      });
    }
    const scope = scopeRefusals(action, principal.token.scopes);
    if (scope.length === 0 && !reasons.some((r) => r.code === 'role_not_allowed')) return;
    const issues = [...scope, ...reasons];
    await deps.tokens.recordRefusal(principal, action, { type: 'release', id: releaseId === null ? null : String(releaseId) }, issues);
    throw new ForbiddenError(`This token cannot ${action.replace('_', ' ')} this release`, issues);
  }

  async function act(principal: ApiPrincipal, releaseId: number, action: WorkflowAction, run: () => Promise<unknown>): Promise<StaffReleaseView> {
    await authorize(principal, action, releaseId);
    await run();
    return view(releaseId);
  }

  return {
    /** The release's latest edition; any valid token may read it (its owner is staff). */
    get: (_principal: ApiPrincipal, releaseId: number) => view(releaseId),

    async createDraft(principal: ApiPrincipal, input: NewReleaseInput): Promise<StaffReleaseView> {
      await authorize(principal, 'edit', null);
      const { release } = await commands.createRelease(input, principal.actor);
      return view(release.id);
    },

    /**
     * Saves a draft with optimistic locking: `version` is the edition version the client started
     * from (and `editionNo`, when known, the edition); a stale one is refused (EditConflictError,
     * with the current edition) and nothing is written. Fields left out keep their current value.
     */
    async updateDraft(principal: ApiPrincipal, releaseId: number, patch: DraftPatch, version: number, editionNo: number | null = null): Promise<StaffReleaseView> {
      return act(principal, releaseId, 'edit', async () => {
        const { edition } = await view(releaseId);
        const { title, subtitle, bodyMarkdown, department, contact, tags, embargoUntil } = edition;
        const current = { title, subtitle, bodyMarkdown, department, contact, tags, embargoUntil };
        const merged = Object.fromEntries(Object.entries({ ...current, ...patch }).map(([k, v]) => [k, v === undefined ? current[k as keyof typeof current] : v])) as typeof current;
        // A version of another edition (say, of the published one before a correction began) is stale too.
        if (editionNo !== null && editionNo !== edition.editionNo) throw new EditConflictError(edition, merged);
        await commands.saveDraft(releaseId, { ...merged, lockVersion: version }, principal.actor);
      });
    },

    // `seen`: the edition version the client was shown; the command refuses a changed edition (409).
    submit: (p: ApiPrincipal, id: number, seen?: SeenEdition | null) => act(p, id, 'submit', () => commands.submitRelease(id, p.actor, seen)),
    approve: (p: ApiPrincipal, id: number, seen: SeenEdition | null) => act(p, id, 'approve', () => commands.approveRelease(id, p.actor, seen)),
    reject: (p: ApiPrincipal, id: number, comment: string, seen?: SeenEdition | null) => act(p, id, 'reject', () => commands.rejectRelease(id, comment, p.actor, seen)),
    schedule: (p: ApiPrincipal, id: number, at: Date, seen: SeenEdition | null) => act(p, id, 'schedule', () => commands.scheduleRelease(id, at, p.actor, seen)),
    unschedule: (p: ApiPrincipal, id: number, seen?: SeenEdition | null) => act(p, id, 'unschedule', () => commands.unscheduleRelease(id, p.actor, seen)),
    publish: (p: ApiPrincipal, id: number, options: Pick<PublishOptions, 'changeNote' | 'isMinorChange' | 'seen'>) => act(p, id, 'publish', () => commands.publishRelease(id, p.actor, options)),
    withdraw: (p: ApiPrincipal, id: number, reason: string, options: WithdrawOptions = {}) => act(p, id, 'withdraw', () => commands.withdrawRelease(id, reason, p.actor, options)),
    startCorrection: (p: ApiPrincipal, id: number, seen?: SeenEdition | null) => act(p, id, 'correct', () => commands.startCorrection(id, p.actor, seen)),
  };
}
export type ApiWrites = ReturnType<typeof makeApiWrites>;
