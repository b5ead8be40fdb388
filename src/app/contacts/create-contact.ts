import type { DirectoryContact } from '../../domain/press-contact.js';
import type { Clock } from '../../ports/clock.js';
import type { PressContactUnitOfWork } from '../../ports/press-contacts.js';
import { validate } from '../validate.js';
import type { StaffActor } from '../workflow/actor.js';
import { directoryContactSchema, type DirectoryContactInput } from './contact.schema.js';
import { assertMayManageContacts } from './contact-rules.js';

/** Adds a press contact to the directory (#16), audited. */
export function makeCreateContact(deps: { uow: PressContactUnitOfWork; clock: Clock }) {
  return async function createContact(input: DirectoryContactInput, actor: StaffActor): Promise<DirectoryContact> {
    assertMayManageContacts(actor);
    const fields = validate(directoryContactSchema, input);
    const now = deps.clock.now();
    return deps.uow.run(async (tx) => {
      const contact = await tx.contacts.create(fields, now);
      await tx.audit.record({ at: now, actor, action: 'press_contact.created', subjectType: 'press_contact', subjectId: String(contact.id), details: { name: contact.name, language: contact.language } });
      return contact;
    });
  };
}
export type CreateContact = ReturnType<typeof makeCreateContact>;
