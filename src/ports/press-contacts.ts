import type { DirectoryContact, DirectoryContactFields } from '../domain/press-contact.js';
import type { AuditLog } from './audit-log.js';
import type { TxEvents } from './unit-of-work.js';

/** A directory entry with how many releases' latest or live editions name it. */
export interface DirectoryContactUse {
  contact: DirectoryContact;
  editions: number;
}

/** The press-contact directory (#16). */
export interface PressContactRepo {
  /** Every entry, by language then name (a newsroom keeps tens, not thousands). */
  list(): Promise<DirectoryContact[]>;
  /** Every entry with the number of editions naming it. */
  listWithUse(): Promise<DirectoryContactUse[]>;
  byId(id: number): Promise<DirectoryContact | null>;
  create(fields: DirectoryContactFields, at: Date): Promise<DirectoryContact>;
  /** False when there is no such entry. */
  update(id: number, fields: DirectoryContactFields, at: Date): Promise<boolean>;
  /** Removes the entry; editions naming it keep the details they were saved with. False when there was none. */
  delete(id: number): Promise<boolean>;
  /** Releases whose live edition names the entry: their public pages change with it. */
  releasesShowing(id: number): Promise<number[]>;
}

/** What one directory write sees: the directory, the audit trail and the events of its transaction. */
export interface PressContactTx {
  contacts: PressContactRepo;
  audit: AuditLog;
  events: TxEvents;
}

/** Runs a directory write in one transaction; recorded events move the content version and are published after commit. */
export interface PressContactUnitOfWork {
  run<T>(work: (tx: PressContactTx) => Promise<T>): Promise<T>;
}
