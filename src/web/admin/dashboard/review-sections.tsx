import { hasRole, type User } from '../../../domain/user.js';
import type { AdminReleaseQuery, AdminReleaseRow } from '../../../ports/admin-catalog.js';
import type { AdminContext } from '../shared/admin-context.js';

type Query = Omit<AdminReleaseQuery, 'limit' | 'offset'>;

/** One review section of the dashboard: its heading, what it lists, and where "all" leads. */
export interface ReviewSection {
  id: string;
  title: 'reviewAwaitingMe' | 'reviewAssignedToMe' | 'reviewMySubmissions';
  empty: 'reviewNothingAwaiting' | 'reviewNothingAssigned' | 'reviewNothingSubmitted';
  more: string;
  query: Query;
}

/**
 * What awaits this person in review (#16): an editor sees what is theirs to review (asked of them, or
 * of nobody, and not their own) and what was assigned to them; a writer sees their own releases in
 * review, which they may still recall.
 */
export function reviewSectionsFor(user: Pick<User, 'id' | 'role'>): ReviewSection[] {
  if (hasRole(user, 'editor')) {
    return [
      { id: 'awaiting-my-review', title: 'reviewAwaitingMe', empty: 'reviewNothingAwaiting', more: '/admin/releases?state=in_review', query: { state: 'in_review', awaitingReviewBy: user.id } },
      { id: 'assigned-to-me', title: 'reviewAssignedToMe', empty: 'reviewNothingAssigned', more: '/admin/releases?state=in_review', query: { state: 'in_review', reviewerId: user.id } },
    ];
  }
  return [{ id: 'my-submissions', title: 'reviewMySubmissions', empty: 'reviewNothingSubmitted', more: '/admin/releases?state=in_review', query: { state: 'in_review', submittedBy: user.id } }];
}

/** The writer's editions an editor sent back, with the editor's comment. */
export const sentBackQuery = (userId: number): Query => ({ state: 'draft', createdBy: userId, sentBack: true });

/** "Sent back: <comment>" for each of this person's returned editions, linking to it (#16). */
export function SentBackSection(props: { ctx: AdminContext; rows: AdminReleaseRow[] }) {
  const { t } = props.ctx;
  if (props.rows.length === 0) return null;
  return (
    <section aria-labelledby="sent-back" class="notice">
      <h2 id="sent-back">
        {t('reviewSentBackTitle')} <span class="hint">({props.rows.length})</span>
      </h2>
      <ul class="sent-back">
        {props.rows.map((row) => (
          <li key={row.releaseId}>
            <a href={`/admin/releases/${row.releaseId}`}>{row.title || t('adminUntitledRelease')}</a>
            <p>{t('reviewSentBackComment', { comment: row.reviewComment ?? '' })}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
