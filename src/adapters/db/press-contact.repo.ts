import type { Kysely } from 'kysely';
import type { Language } from '../../domain/language.js';
import type { DirectoryContact } from '../../domain/press-contact.js';
import type { EventBus } from '../../ports/events.js';
import type { PressContactRepo, PressContactUnitOfWork } from '../../ports/press-contacts.js';
import { makeAuditLog } from './audit-log.js';
import type { Database, PressContactsTable } from './schema.js';
import { inTransaction } from './unit-of-work.js';

type Row = { [K in keyof PressContactsTable]: K extends 'id' ? number : PressContactsTable[K] };

function toContact(row: Row): DirectoryContact {
  return {
    id: row.id,
    language: row.language as Language,
    name: row.name,
    role: row.role,
    phone: row.phone,
    email: row.email,
    createdAt: new Date(Number(row.created_at)),
    updatedAt: new Date(Number(row.updated_at)),
  };
}

/** The press-contact directory on SQLite or PostgreSQL (#16). */
export function makePressContactRepo(db: Kysely<Database>): PressContactRepo {
  return {
    async list() {
      const rows = await db.selectFrom('press_contacts').selectAll().orderBy('language').orderBy('name').orderBy('id').execute();
      return rows.map(toContact);
    },
    async listWithUse() {
      const [contacts, counts] = await Promise.all([
        this.list(),
        db.selectFrom('editions').select(['contact_id', (eb) => eb.fn.countAll<number>().as('n')]).where('contact_id', 'is not', null).groupBy('contact_id').execute(),
      ]);
      const used = new Map(counts.map((c) => [Number(c.contact_id), Number(c.n)]));
      return contacts.map((contact) => ({ contact, editions: used.get(contact.id) ?? 0 }));
    },
    async byId(id) {
      const row = await db.selectFrom('press_contacts').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toContact(row) : null;
    },
    async create(fields, at) {
      const row = await db
        .insertInto('press_contacts')
        .values({ ...fields, created_at: at.getTime(), updated_at: at.getTime() })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toContact(row);
    },
    async update(id, fields, at) {
      const result = await db.updateTable('press_contacts').set({ ...fields, updated_at: at.getTime() }).where('id', '=', id).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async delete(id) {
      // Editions keep the details they were saved with; only the link goes.
      await db.updateTable('editions').set({ contact_id: null }).where('contact_id', '=', id).execute();
      const result = await db.deleteFrom('press_contacts').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async releasesShowing(id) {
      const rows = await db
        .selectFrom('releases')
        .innerJoin('editions', 'editions.id', 'releases.live_edition_id')
        .select('releases.id')
        .where('editions.contact_id', '=', id)
        .where('releases.status', '=', 'published')
        .orderBy('releases.id')
        .execute();
      return rows.map((r) => r.id);
    },
  };
}

/** Directory writes in one transaction, with the audit trail and events of the shared unit of work. */
export function makePressContactUnitOfWork(db: Kysely<Database>, bus: EventBus): PressContactUnitOfWork {
  return { run: (work) => inTransaction(db, bus, (trx, events) => work({ contacts: makePressContactRepo(trx), audit: makeAuditLog(trx), events })) };
}
