import { createHash } from 'node:crypto';
import { ValidationError } from '../../domain/errors.js';
import type { Actor } from '../../ports/audit-log.js';
import type { Clock } from '../../ports/clock.js';
import type { DistributionUnitOfWork } from '../../ports/distribution.js';
import { normalizeEmailAddress } from './email-address.js';

/**
 * Erases one address on request: its subscriptions (with their delivery records) and every email
 * to it in the outbox. The audit entry keeps counts and a hash of the address, never the address.
 */
export function makeEraseSubscriber(deps: { uow: DistributionUnitOfWork; clock: Clock }) {
  return async function eraseSubscriber(email: string, actor: Actor): Promise<{ subscriptions: number; emails: number }> {
    const address = normalizeEmailAddress(email);
    if (!address.ok) throw new ValidationError(`"${email}" is not an email address (${address.reason})`, [{ code: `email_${address.reason}`, message: 'Give the address as name@example.com', field: 'email' }]);
    const now = deps.clock.now();
    return deps.uow.run(async (tx) => {
      const subscriptions = await tx.subscriptions.removeByEmail(address.address);
      const emails = await tx.outbox.removeByRecipient(address.address);
      const addressHash = createHash('sha256').update(address.address).digest('hex').slice(0, 16);
      await tx.audit.record({ at: now, actor, action: 'subscriber.erased', subjectType: 'subscriber', subjectId: addressHash, details: { subscriptions, emails } });
      return { subscriptions, emails };
    });
  };
}
