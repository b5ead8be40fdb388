import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { databaseKinds } from '../support/databases.js';
import { buildBoard, buildRelease } from '../support/factories.js';
import { createTestWeb, type TestWeb } from '../support/web.js';

// `since` / `until` days are calendar days of the site's time zone (Asia/Seoul here), as search's
// `from` / `to` are; an instant (RFC 3339) is taken as it is.
for (const { kind, skip } of databaseKinds()) {
  describe(`GET /api/v1/releases since/until on ${kind}`, { skip }, () => {
    let t: TestWeb;

    before(async () => {
      t = await createTestWeb(kind);
      await buildBoard(t.system, { slug: 'press-releases' });
      // 23:30 on 19 November in Seoul (14:30 UTC), and 00:30 on 20 November in Seoul (still the 19th in UTC).
      await buildRelease(t.system, { boardSlug: 'press-releases', title: 'Late on the 19th', publishedAt: new Date('2026-11-19T14:30:00Z') });
      await buildRelease(t.system, { boardSlug: 'press-releases', title: 'Early on the 20th', publishedAt: new Date('2026-11-19T15:30:00Z') });
      // 23:59:59.999 on 20 November in Seoul: the last instant of that day.
      await buildRelease(t.system, { boardSlug: 'press-releases', title: 'Last moment of the 20th', publishedAt: new Date('2026-11-20T14:59:59.999Z') });
      t.clock.set(new Date('2026-11-21T01:00:00Z'));
    });
    after(async () => t?.close());

    const titles = async (query: string) => {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/releases?${query}` });
      assert.equal(res.statusCode, 200, `${query}: ${res.body}`);
      return (res.json() as { data: { title: string }[] }).data.map((r) => r.title);
    };

    test('a day starts at midnight in the site time zone, not in UTC', async () => {
      assert.deepEqual(await titles('since=2026-11-20'), ['Last moment of the 20th', 'Early on the 20th']);
      assert.deepEqual(await titles('until=2026-11-19'), ['Late on the 19th']);
      assert.deepEqual(await titles('since=2026-11-20&until=2026-11-20'), ['Last moment of the 20th', 'Early on the 20th'], '`until` takes the whole day');
      assert.deepEqual(await titles('since=2026-11-19&until=2026-11-19'), ['Late on the 19th']);
      assert.deepEqual(await titles('since=2026-11-21'), []);
    });

    test('a date-time is an instant: `since` inclusive, `until` exclusive', async () => {
      assert.deepEqual(await titles(`since=${encodeURIComponent('2026-11-20T00:30:00+09:00')}`), ['Last moment of the 20th', 'Early on the 20th']);
      assert.deepEqual(await titles(`until=${encodeURIComponent('2026-11-19T15:30:00Z')}`), ['Late on the 19th']);
    });

    test('days that are not days are refused', async () => {
      for (const query of ['since=2026-02-30', 'until=2026-13-01', 'since=20261120', 'until=tomorrow']) {
        const res = await t.app.inject({ method: 'GET', url: `/api/v1/releases?${query}` });
        assert.equal(res.statusCode, 400, query);
        assert.equal((res.json() as { errors: { field: string }[] }).errors[0]!.field, query.split('=')[0]);
      }
    });
  });
}
