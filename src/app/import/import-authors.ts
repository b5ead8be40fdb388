import { normaliseEmail } from '../../domain/user.js';
import type { Actor } from '../../ports/audit-log.js';
import type { Clock } from '../../ports/clock.js';
import type { AccountsUnitOfWork } from '../../ports/user-repo.js';
import { emailSchema } from '../accounts/account.schema.js';
import type { AuthorReport, CandidateAuthor } from './import-item.js';

/**
 * Stored instead of a password hash for imported authors: it matches no password (the hasher reads
 * it as malformed and answers false), so the account cannot sign in until a password is set.
 */
export const NO_PASSWORD = '!imported-without-password';

/** Imported authors become writers; they write, and an editor still reviews. */
const AUTHOR_ROLE = 'writer' as const;

/**
 * Makes a staff account without a password for each author a source names (WordPress), or finds
 * the existing account with the same email address. Each in its own transaction, audited.
 */
export async function importAuthors(
  deps: { uow: AccountsUnitOfWork; clock: Clock; actor: Actor },
  authors: CandidateAuthor[],
  dryRun: boolean,
): Promise<{ login: string; report: AuthorReport }[]> {
  const results: { login: string; report: AuthorReport }[] = [];
  for (const author of authors) {
    const parsed = emailSchema.safeParse(author.email);
    if (!parsed.success) {
      results.push({ login: author.login, report: { email: author.email, outcome: 'refused', reason: `"${author.email}" is not an email address: no account made; their posts are imported without an author`, userId: null } });
      continue;
    }
    const email = normaliseEmail(parsed.data);
    const name = author.name.trim().slice(0, 120) || author.login || email;
    const report = await deps.uow.run(async (tx): Promise<AuthorReport> => {
      const existing = await tx.users.byEmail(email);
      if (existing) return { email, outcome: 'existing', reason: `an account with this address exists (${existing.role}); posts are credited to it`, userId: existing.id };
      if (dryRun) return { email, outcome: 'created', reason: `would be created as a ${AUTHOR_ROLE} without a password`, userId: null };
      const now = deps.clock.now();
      const user = await tx.users.create({ email, name, role: AUTHOR_ROLE, passwordHash: NO_PASSWORD, createdAt: now });
      if (!user) return { email, outcome: 'existing', reason: 'created meanwhile by someone else', userId: (await tx.users.byEmail(email))?.id ?? null };
      await tx.audit.record({ at: now, actor: deps.actor, action: 'user.created', subjectType: 'user', subjectId: String(user.id), details: { email, role: AUTHOR_ROLE, imported: true, password: false } });
      return { email, outcome: 'created', reason: `created as a ${AUTHOR_ROLE} without a password: it cannot sign in until a password is set`, userId: user.id };
    });
    results.push({ login: author.login, report });
  }
  return results;
}
