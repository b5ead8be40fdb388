// The unit of work owns a write's side effects (#20 item 4): events recorded in a transaction are
// published only after it commits, a recorded change moves the public content version (every
// server's page cache) in the same transaction, and work that joins a transaction records into it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { inTransaction, makeUnitOfWork } from '../../src/adapters/db/unit-of-work.js';
import type { DomainEvent, EventBus } from '../../src/ports/events.js';
import { databaseKinds } from '../support/databases.js';
import { createTestSystem, type TestSystem } from '../support/system.js';

function recordingBus(): EventBus & { seen: DomainEvent[] } {
  const seen: DomainEvent[] = [];
  return { seen, publish: (event) => void seen.push(event), subscribe: () => () => undefined };
}

for (const { kind, skip } of databaseKinds()) {
  describe(`unit of work events (${kind})`, { skip }, () => {
    let t: TestSystem;
    before(async () => {
      t = await createTestSystem(kind);
    });
    after(async () => t?.close());

    const version = async () => (await t.system.db.selectFrom('site_state').select('content_version').where('id', '=', 1).executeTakeFirstOrThrow()).content_version;
    const event = (releaseId: number): DomainEvent => ({ type: 'release.published', releaseId, at: new Date('2026-11-20T01:00:00Z') });

    test('a committed change is published after the commit and moves the content version once', async () => {
      const bus = recordingBus();
      const uow = makeUnitOfWork(t.system.db, bus);
      const before = Number(await version());
      await uow.run(async (tx) => {
        tx.events.record(event(1));
        tx.events.record(event(2));
        assert.deepEqual(bus.seen, [], 'nothing is published while the transaction is open');
      });
      assert.deepEqual(bus.seen.map((e) => e.releaseId), [1, 2]);
      assert.equal(Number(await version()), before + 1);
    });

    test('a rolled-back change publishes nothing and leaves the content version', async () => {
      const bus = recordingBus();
      const uow = makeUnitOfWork(t.system.db, bus);
      const before = Number(await version());
      await assert.rejects(
        uow.run(async (tx) => {
          tx.events.record(event(3));
          throw new Error('refused half-way');
        }),
        /refused half-way/,
      );
      assert.deepEqual(bus.seen, []);
      assert.equal(Number(await version()), before);
    });

    test('a read-only transaction leaves the content version alone; contentChanged() moves it without an event', async () => {
      const bus = recordingBus();
      const uow = makeUnitOfWork(t.system.db, bus);
      const before = Number(await version());
      await uow.run(async (tx) => void (await tx.boards.list()));
      assert.equal(Number(await version()), before);
      await uow.run(async (tx) => tx.events.contentChanged());
      assert.equal(Number(await version()), before + 1);
      assert.deepEqual(bus.seen, []);
    });

    test('work joining a transaction records into it: its events wait for the outer commit', async () => {
      const bus = recordingBus();
      await inTransaction(t.system.db, bus, async (trx) => {
        await makeUnitOfWork(trx, bus).run(async (tx) => tx.events.record(event(4)));
        assert.deepEqual(bus.seen, [], 'the inner unit of work did not publish before the outer commit');
      });
      assert.deepEqual(bus.seen.map((e) => e.releaseId), [4]);
    });
  });
}
