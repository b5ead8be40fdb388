import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { makeInMemoryEventBus } from '../../src/adapters/events/in-memory-event-bus.js';
import { wireSystemSubscribers, wireWebSubscribers } from '../../src/main/subscribers.js';
import type { DomainEvent } from '../../src/ports/events.js';

const at = new Date('2026-12-04T09:00:00Z');
const event = (type: DomainEvent['type'], releaseId = 7): DomainEvent => ({ type, releaseId, at });

describe('subscribers.ts wires every side effect of an event', () => {
  test('each event works the search outbox off and, with a shared cache in front, purges the release', () => {
    const events = makeInMemoryEventBus();
    let kicks = 0;
    const purged: number[][] = [];
    const off = wireSystemSubscribers({ events, indexing: { kick: () => void (kicks += 1) }, cdn: { purgesOnEvents: true, releasesChanged: async (ids) => void purged.push([...ids]) } });
    events.publish(event('release.published', 3));
    events.publish(event('release.withdrawn', 4));
    assert.equal(kicks, 2);
    assert.deepEqual(purged, [[3], [4]]);
    off();
    events.publish(event('release.corrected', 5));
    assert.equal(kicks, 2, 'disconnected');
    assert.equal(purged.length, 2);
  });

  test('without a shared cache no purge is looked up', () => {
    const events = makeInMemoryEventBus();
    let purges = 0;
    wireSystemSubscribers({ events, indexing: { kick: () => {} }, cdn: { purgesOnEvents: false, releasesChanged: async () => void (purges += 1) } });
    events.publish(event('release.published'));
    assert.equal(purges, 0);
  });

  test("a web server's caches turn over on every event; its mail loop wakes on publications and corrections only; stop disconnects both", () => {
    const events = makeInMemoryEventBus();
    let changes = 0;
    let wakes = 0;
    const off = wireWebSubscribers({ events, version: { localChange: () => void (changes += 1) }, wakeMail: () => void (wakes += 1) });
    events.publish(event('release.published'));
    events.publish(event('release.corrected'));
    events.publish(event('release.withdrawn'));
    events.publish(event('release.attachment_text_ready'));
    assert.equal(changes, 4);
    assert.equal(wakes, 2);
    off();
    events.publish(event('release.published'));
    assert.equal(changes, 4, 'a stopped server no longer listens (several servers may share one system)');
    assert.equal(wakes, 2);
  });

  test('with the mail loop off, events still turn the caches over', () => {
    const events = makeInMemoryEventBus();
    let changes = 0;
    wireWebSubscribers({ events, version: { localChange: () => void (changes += 1) }, wakeMail: null });
    events.publish(event('release.published'));
    assert.equal(changes, 1);
  });
});
