import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildBoard, buildRelease, TEST_ACTOR } from '../support/factories.js';
import { createTestWeb, type TestWeb } from '../support/web.js';

/** Search answers (page and API) are cached per query, content version and index generation (#17). */
describe('search cache', () => {
  let t: TestWeb;
  let searches = 0;
  let gate: Promise<void> | null = null;

  before(async () => {
    t = await createTestWeb();
    await buildBoard(t.system, { slug: 'press-releases' });
    await buildBoard(t.system, { slug: 'news' });
    await buildRelease(t.system, { boardSlug: 'press-releases', title: 'Frigate launched', bodyMarkdown: 'The navy launched a frigate.' });
    await t.system.search.idle();
    await t.settled();
    // Count the searches that reach the index, and let a test hold index updates back.
    const index = t.system.search.index;
    const search = index.search.bind(index);
    index.search = async (input) => {
      searches += 1;
      return search(input);
    };
    // Publications reach the index through the search outbox, in batches.
    const indexReleases = index.indexReleases.bind(index);
    index.indexReleases = async (ids) => {
      if (gate) await gate;
      return indexReleases(ids);
    };
  });
  after(async () => t?.close());

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  test('a repeated search is answered from the cache; anything that changes the answer is its own entry', async () => {
    const before = searches;
    const first = await get('/en/search?q=frigate');
    assert.match(first.body, /Frigate launched/);
    assert.equal((await get('/en/search?q=frigate')).body, first.body);
    assert.equal(searches, before + 1, 'the second search did not reach the index');
    for (const url of ['/en/search?q=frigate&sort=relevance', '/en/search?q=frigate&board=news', '/en/search?q=frigate&from=2020-01-01', '/en/search?q=frigate&from=2020-13-01', '/ko/search?q=frigate', '/en/search?q=navy']) {
      await get(url);
    }
    assert.equal(searches, before + 7, 'each variant searched once');
    assert.equal((await get('/en/search?q=frigate')).headers['cache-control'], 'no-store', 'kept by the server, not by browsers');
  });

  test('the API: cached without credentials, never with them', async () => {
    const before = searches;
    await get('/api/v1/search?q=frigate');
    await get('/api/v1/search?q=frigate');
    assert.equal(searches, before + 1);
    await get('/api/v1/search?q=frigate', { authorization: 'Bearer pr_nothing' });
    await get('/api/v1/search?q=frigate', { authorization: 'Bearer pr_nothing' });
    assert.equal(searches, before + 3);
  });

  test('a publication shows up even when the index catches up after the content version moved', async () => {
    let open!: () => void;
    gate = new Promise((resolve) => (open = resolve));
    const { release } = await buildRelease(t.system, { boardSlug: 'press-releases', title: 'Second frigate commissioned', bodyMarkdown: 'Another frigate.' });
    await t.settled();
    // The version moved but the index has not caught up: this answer lacks the new release.
    assert.doesNotMatch((await get('/en/search?q=frigate')).body, /Second frigate/);
    gate = null;
    open();
    await t.system.search.idle();
    assert.match((await get('/en/search?q=frigate')).body, /Second frigate commissioned/);
    assert.match((await get('/api/v1/search?q=frigate')).body, /Second frigate commissioned/);

    // A withdrawal leaves no cached answer showing the release.
    await t.system.commands.withdrawRelease(release.id, 'Issued in error', TEST_ACTOR);
    await t.system.search.idle();
    await t.settled();
    assert.doesNotMatch((await get('/en/search?q=frigate')).body, /Second frigate/);
    assert.doesNotMatch((await get('/api/v1/search?q=frigate')).body, /Second frigate/);
  });
});
