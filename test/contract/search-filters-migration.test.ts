// Migration 2026112809 rebuilds the search tables with the filter columns. It must carry an existing
// index over (search keeps working with no `pressroom reindex`) and leave out what must not be found.
import assert from 'node:assert/strict';
import { Migrator, sql } from 'kysely';
import { after, before, describe, test } from 'node:test';
import { migrations } from '../../src/adapters/db/migrations/index.js';
import { indexText } from '../../src/domain/search-text.js';
import { databaseKinds } from '../support/databases.js';
import { buildBoard, buildRelease } from '../support/factories.js';
import { createTestSystem, type TestSystem } from '../support/system.js';

for (const { kind, skip } of databaseKinds()) {
  describe(`search filters migration on ${kind}`, { skip }, () => {
    let t: TestSystem;
    const ids: Record<string, number> = {};

    before(async () => {
      t = await createTestSystem(kind);
      await buildBoard(t.system, { slug: 'press-releases' });
      await buildBoard(t.system, { slug: 'statements', kind: 'statement' });
      ids.en = (await buildRelease(t.system, { boardSlug: 'press-releases', title: 'Canal locks reopen', department: 'Waterways Office', tags: ['canal'] })).release.id;
      ids.ko = (await buildRelease(t.system, { boardSlug: 'statements', language: 'ko', title: '운하 갑문 재개통', department: '수로과', tags: ['운하'] })).release.id;
      ids.withdrawn = (await buildRelease(t.system, { boardSlug: 'press-releases', state: 'withdrawn', title: 'Canal closure notice' })).release.id;
      await t.system.search.idle();

      // Back to the 2026112805 tables, filled the way the previous indexer filled them (including a
      // stale entry for the withdrawn release), then up again.
      const migrator = new Migrator({ db: t.system.db, provider: { getMigrations: async () => migrations } });
      const down = await migrator.migrateTo('2026112808-translations');
      assert.equal(down.error, undefined);
      const db = t.system.db;
      for (const id of Object.values(ids)) {
        const r = await db.selectFrom('releases').innerJoin('editions', 'editions.release_id', 'releases.id').select(['editions.title', 'editions.body_markdown']).where('releases.id', '=', id).executeTakeFirstOrThrow();
        const title = indexText(r.title);
        const body = indexText(r.body_markdown);
        if (kind === 'sqlite') await sql`insert into search_fts (rowid, title, body) values (${id}, ${title}, ${body})`.execute(db);
        else await sql`insert into search_documents (release_id, document) values (${id}, setweight(to_tsvector('simple', ${title}), 'A') || setweight(to_tsvector('simple', ${body}), 'B'))`.execute(db);
      }
      const up = await migrator.migrateToLatest();
      assert.equal(up.error, undefined);
    });
    after(async () => t?.close());

    const find = async (query: string, more: Record<string, unknown> = {}) =>
      (await t.system.search.releases({ query, language: null, board: null, from: null, to: null, sort: 'newest', page: 1, ...more })).items.map((i) => i.releaseId);

    test('the carried-over index finds what it found, with every filter, and never the withdrawn release', async () => {
      assert.deepEqual(await find('canal'), [ids.en]);
      assert.deepEqual(await find('canal', { language: 'en', board: 'press-releases', department: 'Waterways Office', tag: 'canal' }), [ids.en]);
      assert.deepEqual(await find('canal', { board: 'statements' }), []);
      assert.deepEqual(await find('운하', { language: 'ko', board: 'statements', department: '수로과', tag: '운하' }), [ids.ko]);
      assert.deepEqual(await find('운하', { language: 'en' }), []);
      assert.deepEqual(await find('closure'), []);
    });

    test('the carried-over entries are those a rebuild writes', async () => {
      const table = kind === 'sqlite' ? 'search_fts_entries' : 'search_documents';
      const read = async () =>
        (await sql<Record<string, unknown>>`select release_id, language, board_id, first_published_at, public_at, department, tags from ${sql.table(table)} order by release_id`.execute(t.system.db)).rows.map((r) => JSON.stringify(Object.values(r).map(String)));
      const migrated = await read();
      assert.equal(migrated.length, 2);
      await t.system.search.index.rebuild();
      assert.deepEqual(await read(), migrated);
      assert.deepEqual(await find('canal', { tag: 'canal' }), [ids.en]);
    });
  });
}
