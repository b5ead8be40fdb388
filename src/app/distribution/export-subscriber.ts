import { ValidationError } from '../../domain/errors.js';
import type { DistributionUnitOfWork } from '../../ports/distribution.js';
import { normalizeEmailAddress } from './email-address.js';

/** Everything kept about one address (a subject access request): subscriptions, deliveries, emails. */
export function makeExportSubscriber(deps: { uow: DistributionUnitOfWork }) {
  return async function exportSubscriber(email: string) {
    const address = normalizeEmailAddress(email);
    if (!address.ok) throw new ValidationError(`"${email}" is not an email address (${address.reason})`, [{ code: `email_${address.reason}`, message: 'Give the address as name@example.com', field: 'email' }]);
    return deps.uow.run(async (tx) => {
      const subscriptions = await tx.subscriptions.listByEmail(address.address);
      const withDeliveries = [];
      for (const s of subscriptions) withDeliveries.push({ ...s, deliveries: await tx.alerts.deliveriesOf(s.id) });
      const emails = (await tx.outbox.listByRecipient(address.address)).map((e) => ({ id: e.id, kind: e.kind, subject: e.subject, status: e.status, createdAt: e.createdAt, sentAt: e.sentAt, messageId: e.messageId, attempts: e.attempts, lastError: e.lastError }));
      return { email: address.address, subscriptions: withDeliveries, emails };
    });
  };
}
