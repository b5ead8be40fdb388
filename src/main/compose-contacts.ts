import type { Kysely } from 'kysely';
import { makePressContactRepo, makePressContactUnitOfWork } from '../adapters/db/press-contact.repo.js';
import type { Database } from '../adapters/db/schema.js';
import { makeCreateContact } from '../app/contacts/create-contact.js';
import { makeDeleteContact } from '../app/contacts/delete-contact.js';
import { makeUpdateContact } from '../app/contacts/update-contact.js';
import type { Clock } from '../ports/clock.js';
import type { EventBus } from '../ports/events.js';

/** The press-contact directory (#16): its reads and the three audited writes. */
export function composeContacts(deps: { db: Kysely<Database>; events: EventBus; clock: Clock }) {
  const uow = makePressContactUnitOfWork(deps.db, deps.events);
  return {
    repo: makePressContactRepo(deps.db),
    createContact: makeCreateContact({ uow, clock: deps.clock }),
    updateContact: makeUpdateContact({ uow, clock: deps.clock }),
    deleteContact: makeDeleteContact({ uow, clock: deps.clock }),
  };
}
