import { ForbiddenError, NotFoundError } from '../../domain/errors.js';
import { hasRole } from '../../domain/user.js';
import type { PressContactTx } from '../../ports/press-contacts.js';
import type { StaffActor } from '../workflow/actor.js';

/** Editors and administrators keep the press-contact directory (#16); writers pick from it. */
export function assertMayManageContacts(actor: StaffActor): void {
  if (!hasRole(actor, 'editor')) throw new ForbiddenError('Only editors and administrators manage press contacts', [{ code: 'role_not_allowed', message: 'Only editors and administrators manage press contacts' }]);
}

/** Public pages of releases whose live edition names the entry change with it: one event each (page caches, CDN purge). */
export async function announceContactChange(tx: PressContactTx, contactId: number, at: Date): Promise<number[]> {
  const releaseIds = await tx.contacts.releasesShowing(contactId);
  for (const releaseId of releaseIds) tx.events.record({ type: 'release.contact_changed', releaseId, at });
  return releaseIds;
}

/** The error for an entry that is gone (deleted in another tab). */
export const contactNotFound = (id: number) => new NotFoundError(`No press contact ${id}`, [{ code: 'NOT_FOUND', message: 'That press contact no longer exists: reload the directory' }]);
