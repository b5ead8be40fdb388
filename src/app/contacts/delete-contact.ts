import type { Clock } from '../../ports/clock.js';
import type { PressContactUnitOfWork } from '../../ports/press-contacts.js';
import type { StaffActor } from '../workflow/actor.js';
import { announceContactChange, assertMayManageContacts, contactNotFound } from './contact-rules.js';

/** Deletes a directory entry (#16), audited; releases naming it keep the details they were saved with. */
export function makeDeleteContact(deps: { uow: PressContactUnitOfWork; clock: Clock }) {
  return async function deleteContact(id: number, actor: StaffActor): Promise<void> {
    assertMayManageContacts(actor);
    const now = deps.clock.now();
    await deps.uow.run(async (tx) => {
      const before = await tx.contacts.byId(id);
      if (!before) throw contactNotFound(id);
      const releaseIds = await announceContactChange(tx, id, now);
      await tx.contacts.delete(id);
      await tx.audit.record({ at: now, actor, action: 'press_contact.deleted', subjectType: 'press_contact', subjectId: String(id), details: { name: before.name, releases: releaseIds } });
    });
  };
}
export type DeleteContact = ReturnType<typeof makeDeleteContact>;
