import { ValidationError } from '../domain/errors.js';
import type { Actor } from '../ports/audit-log.js';

interface SubscriberSystem {
  distribution: {
    exportSubscriber(email: string): Promise<unknown>;
    eraseSubscriber(email: string, actor: Actor): Promise<{ subscriptions: number; emails: number }>;
  };
}

const EXPORT_USAGE = `Usage: pressroom subscriber export EMAIL
Prints, as JSON, everything kept about one email subscriber: subscriptions (criteria, language,
frequency, times), delivery records, and the emails written to the outbox for the address.`;
const ERASE_USAGE = `Usage: pressroom subscriber erase EMAIL
Deletes every subscription of the address, its delivery records and its emails in the outbox.
The audit trail records the erasure with a hash of the address, never the address itself.`;

function oneAddress(argv: string[], usage: string): string | null {
  if (argv.length !== 1 || argv[0]!.startsWith('-')) {
    console.error(usage);
    return null;
  }
  return argv[0]!;
}

function refused(error: unknown): number {
  if (!(error instanceof ValidationError)) throw error;
  console.error(`${error.message}. Give the address as name@example.com.`);
  return 2;
}

/** `pressroom subscriber export EMAIL`: a subject access request, answered as JSON on stdout. */
export const subscriberExportCommand = {
  name: 'subscriber-export',
  summary: 'Print everything kept about one email subscriber as JSON',
  async run(system: SubscriberSystem, argv: string[]): Promise<number> {
    const email = oneAddress(argv, EXPORT_USAGE);
    if (email === null) return 2;
    try {
      console.log(JSON.stringify(await system.distribution.exportSubscriber(email), null, 2));
      return 0;
    } catch (error) {
      return refused(error);
    }
  },
};

/** `pressroom subscriber erase EMAIL`: deletes an address's subscriptions and emails, audited. */
export const subscriberEraseCommand = {
  name: 'subscriber-erase',
  summary: 'Erase one email subscriber (subscriptions, deliveries, outbox emails)',
  async run(system: SubscriberSystem, argv: string[]): Promise<number> {
    const email = oneAddress(argv, ERASE_USAGE);
    if (email === null) return 2;
    try {
      const done = await system.distribution.eraseSubscriber(email, { userId: null, label: 'cli:subscriber-erase', ip: null });
      console.log(`Erased ${done.subscriptions} subscription${done.subscriptions === 1 ? '' : 's'} and ${done.emails} email${done.emails === 1 ? '' : 's'} of ${email}.`);
      return 0;
    } catch (error) {
      return refused(error);
    }
  },
};
