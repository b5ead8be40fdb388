import type { SubscriptionCriteria } from '../../domain/subscription.js';
import type { BoardRepo } from '../../ports/board-repo.js';
import type { CriteriaLabel } from '../../ports/email-templates.js';

/** The criteria with the board's names, for pages and emails that describe a subscription. */
export async function criteriaLabel(boards: BoardRepo, c: SubscriptionCriteria): Promise<CriteriaLabel> {
  const board = c.boardId === null ? null : ((await boards.list()).find((b) => b.id === c.boardId) ?? null);
  return { language: c.language, boardId: c.boardId, tag: c.tag, query: c.query, boardName: board?.name ?? null };
}
