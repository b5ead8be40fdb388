import type { Clock } from '../../ports/clock.js';
import type { PressContactUnitOfWork } from '../../ports/press-contacts.js';
import { validate } from '../validate.js';
import type { StaffActor } from '../workflow/actor.js';
import { directoryContactSchema, type DirectoryContactInput } from './contact.schema.js';
import { announceContactChange, assertMayManageContacts, contactNotFound } from './contact-rules.js';

const FIELDS = ['language', 'name', 'role', 'phone', 'email'] as const;

/**
 * Edits a directory entry (#16), audited with what changed. Every release naming it shows the new
 * details, published ones included ("edit once"): their pages change in the same transaction.
 */
export function makeUpdateContact(deps: { uow: PressContactUnitOfWork; clock: Clock }) {
  return async function updateContact(id: number, input: DirectoryContactInput, actor: StaffActor): Promise<void> {
    assertMayManageContacts(actor);
    const fields = validate(directoryContactSchema, input);
    const now = deps.clock.now();
    await deps.uow.run(async (tx) => {
      const before = await tx.contacts.byId(id);
      if (!before || !(await tx.contacts.update(id, fields, now))) throw contactNotFound(id);
      const releaseIds = await announceContactChange(tx, id, now);
      const changed = Object.fromEntries(FIELDS.filter((k) => before[k] !== fields[k]).map((k) => [k, { from: before[k], to: fields[k] }]));
      await tx.audit.record({ at: now, actor, action: 'press_contact.updated', subjectType: 'press_contact', subjectId: String(id), details: { name: fields.name, changed, releases: releaseIds } });
    });
  };
}
export type UpdateContact = ReturnType<typeof makeUpdateContact>;
