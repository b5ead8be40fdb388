import type { Language } from '../domain/language.js';
import type { AuditLog } from './audit-log.js';
import type { OutboxRepo } from './distribution.js';

export interface JournalistList {
  id: number;
  name: string;
  members: number;
  accredited: number;
}

export interface JournalistInput {
  name: string;
  outlet: string;
  email: string;
  language: Language;
  accredited: boolean;
}

export interface Journalist extends JournalistInput {
  id: number;
  listId: number;
}

/** Staff-kept journalist lists (#14). */
export interface JournalistRepo {
  lists(): Promise<JournalistList[]>;
  list(id: number): Promise<JournalistList | null>;
  createList(name: string, at: Date): Promise<number>;
  renameList(id: number, name: string, at: Date): Promise<boolean>;
  removeList(id: number): Promise<boolean>;
  members(listId: number): Promise<Journalist[]>;
  get(id: number): Promise<Journalist | null>;
  /** Null when the list already has this address. */
  add(listId: number, input: JournalistInput, at: Date): Promise<number | null>;
  /** False when the list already has another journalist with this address. */
  update(id: number, input: JournalistInput, at: Date): Promise<boolean>;
  remove(id: number): Promise<boolean>;
}

export interface EmbargoSend {
  id: number;
  releaseId: number;
  editionId: number;
  email: string;
  language: Language;
  journalistName: string;
  previewLinkId: number;
  /** The planned public time the journalist was last told. */
  announcedPublicAt: Date | null;
}

/** One record per (address, release, edition) mailed: never twice, and what each was told. */
export interface EmbargoSendRepo {
  exists(email: string, releaseId: number, editionId: number): Promise<boolean>;
  /** False when the address already has this edition (another send won). */
  add(row: Omit<EmbargoSend, 'id'> & { outboxId: number; createdBy: number | null; createdAt: Date }): Promise<boolean>;
  listFor(releaseId: number): Promise<EmbargoSend[]>;
  /** Records not settled yet (the release is not public, or its notices are still due), by id after `afterId`. */
  unsettled(afterId: number, limit: number): Promise<EmbargoSend[]>;
  /** Moves the told time from `from` to `to`; false when another process already moved it (compare-and-set). */
  announce(id: number, from: Date | null, to: Date | null): Promise<boolean>;
  settle(id: number): Promise<void>;
}

export interface JournalistTx {
  journalists: JournalistRepo;
  sends: EmbargoSendRepo;
  outbox: OutboxRepo;
  audit: AuditLog;
}

/** Journalist writes in one transaction (a send record and its outbox row together). */
export interface JournalistUnitOfWork {
  run<T>(work: (tx: JournalistTx) => Promise<T>): Promise<T>;
}
