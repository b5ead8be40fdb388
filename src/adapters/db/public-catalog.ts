import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Language } from '../../domain/language.js';
import { withContentRemoved, type Release } from '../../domain/release.js';
import type { BoardPage, FeedEntry, ListedRelease, PublicCatalog, PublicFile, ReleaseSummary, TagCount } from '../../ports/public-catalog.js';
import { containsInsensitive } from './dialect.js';
import { makePressContactRepo } from './press-contact.repo.js';
import { toAttachment, toBoard, toEdition, toRelease } from './mappers.js';
import { makePublicFiles } from './public-files.js';
import { listedPublicly, pagePublic } from './public-visibility.js';
import { makeAttachmentRepo } from './attachment.repo.js';
import { makeReleaseRepo } from './release.repo.js';
import { readContentVersion } from './site-state.repo.js';
import type { Database } from './schema.js';

const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];

/**
 * Ids of the `limit` listed releases first published most recently (ties: higher id first).
 * There is no index on first_published_at, and sorting every listed release costs ~100 ms at
 * 100,000; public_at has one, and for a listed release first_published_at <= public_at (public_at is
 * the publication or the later embargo end). So the newest few by public_at are read from that
 * index: once the limit-th best first publication is later than the public_at of the last row read,
 * no unread row can beat it. Otherwise (a long embargo in the way) every row is sorted.
 */
async function newestIds(filtered: SelectQueryBuilder<Database, 'releases', object>, limit: number): Promise<number[]> {
  const byFirstPublication = (a: { id: number; first_published_at: number | null }, b: { id: number; first_published_at: number | null }) =>
    Number(b.first_published_at) - Number(a.first_published_at) || b.id - a.id;
  const read = limit * 2 + 20;
  const candidates = await filtered
    .select(['releases.id', 'releases.first_published_at', 'releases.public_at'])
    .orderBy('releases.public_at', 'desc')
    .limit(read)
    .execute();
  const best = [...candidates].sort(byFirstPublication).slice(0, limit);
  const boundary = candidates.at(-1);
  if (candidates.length < read || (best.length === limit && boundary && Number(best[limit - 1]!.first_published_at) > Number(boundary.public_at))) {
    return best.map((r) => r.id);
  }
  const all = await filtered.select('releases.id').orderBy('releases.first_published_at', 'desc').orderBy('releases.id', 'desc').limit(limit).execute();
  return all.map((r) => r.id);
}

export function makePublicCatalog(db: Kysely<Database>): PublicCatalog {
  /** Titles, attachment markers and thumbnails for a handful of releases, in the given order. */
  async function summaries(ids: number[]): Promise<ReleaseSummary[]> {
    if (ids.length === 0) return [];
    const rows = await db
      .selectFrom('releases')
      .innerJoin('editions', 'editions.id', 'releases.live_edition_id')
      .select(['releases.id', 'releases.number', 'releases.first_published_at', 'releases.view_count', 'editions.title', 'editions.id as edition_id'])
      .where('releases.id', 'in', ids)
      .execute();
    const files = await db
      .selectFrom('attachments')
      .select(['edition_id', 'sha256', 'file_name', 'alt_text', 'mime_type', 'position'])
      .where(
        'edition_id',
        'in',
        rows.map((r) => r.edition_id),
      )
      .orderBy('position')
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const r = byId.get(id);
      if (!r) return [];
      const own = files.filter((f) => f.edition_id === r.edition_id);
      const image = own.find((f) => IMAGE_TYPES.includes(f.mime_type));
      return [
        {
          releaseId: r.id,
          number: Number(r.number),
          title: r.title,
          firstPublishedAt: new Date(Number(r.first_published_at)),
          viewCount: Number(r.view_count),
          hasAttachments: own.length > 0,
          thumbnail: image ? { sha256: image.sha256.trim(), fileName: image.file_name, altText: image.alt_text } : null,
        },
      ];
    });
  }

  return {
    async boardPage(q): Promise<BoardPage> {
      let base = db
        .selectFrom('releases')
        .where('releases.board_id', '=', q.boardId)
        .where('releases.language', '=', q.language)
        .where((eb) => listedPublicly(eb, q.now));
      if (q.filter) {
        const filter = q.filter;
        base = base
          .innerJoin('editions', 'editions.id', 'releases.live_edition_id')
          .where((eb) => eb.or([containsInsensitive(eb.ref('editions.title'), filter), containsInsensitive(eb.ref('editions.body_markdown'), filter)]));
      }
      const [countRow, idRows] = await Promise.all([
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
        // Only ids are read while skipping to the page, straight from the covering index; the
        // few rows on the page are then fetched by id, so page 500 costs about what page 1 does.
        base
          .select('releases.id')
          .orderBy('releases.number', 'desc')
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize)
          .execute(),
      ]);
      return { items: await summaries(idRows.map((r) => r.id)), total: Number(countRow?.n ?? 0) };
    },

    async latest(boardId: number, language: Language, limit: number, now: Date) {
      const rows = await db
        .selectFrom('releases')
        .select('id')
        .where('board_id', '=', boardId)
        .where('language', '=', language)
        .where((eb) => listedPublicly(eb, now))
        .orderBy('number', 'desc')
        .limit(limit)
        .execute();
      return summaries(rows.map((r) => r.id));
    },

    async release(boardId, language, number, now) {
      const row = await db
        .selectFrom('releases')
        .selectAll()
        .where('board_id', '=', boardId)
        .where('language', '=', language)
        .where('number', '=', number)
        .where((eb) => pagePublic(eb, now))
        .executeTakeFirst();
      if (!row || row.live_edition_id === null) return null;
      if (row.content_removed_at !== null) {
        // A takedown: only the title, dates and notice stay public; files and notes are not even read.
        const [edition, board] = await Promise.all([
          db.selectFrom('editions').selectAll().where('id', '=', row.live_edition_id).executeTakeFirstOrThrow(),
          db.selectFrom('boards').selectAll().where('id', '=', row.board_id).executeTakeFirstOrThrow(),
        ]);
        return { release: toRelease(row), edition: withContentRemoved(toEdition(edition)), board: toBoard(board), attachments: [], derivatives: [], changeNotes: [] };
      }
      const [edition, board, attachments, notes] = await Promise.all([
        db.selectFrom('editions').selectAll().where('id', '=', row.live_edition_id).executeTakeFirstOrThrow(),
        db.selectFrom('boards').selectAll().where('id', '=', row.board_id).executeTakeFirstOrThrow(),
        db.selectFrom('attachments').selectAll().where('edition_id', '=', row.live_edition_id).orderBy('position').execute(),
        makeReleaseRepo(db).changeNotes(row.id),
      ]);
      const [derivatives, contact] = await Promise.all([
        makeAttachmentRepo(db).imageDerivativesOf(attachments.filter((a) => IMAGE_TYPES.includes(a.mime_type)).map((a) => a.sha256.trim())),
        edition.contact_id === null ? null : makePressContactRepo(db).byId(edition.contact_id),
      ]);
      // A contact picked from the directory shows its current details (#16); a deleted entry, the saved ones.
      const live = toEdition(edition);
      if (contact) live.contact = { name: contact.name, phone: contact.phone, email: contact.email, contactId: contact.id, role: contact.role };
      return { release: toRelease(row), edition: live, board: toBoard(board), attachments: attachments.map(toAttachment), derivatives, changeNotes: notes };
    },

    async neighbours(release: Release, now: Date) {
      const number = release.number ?? 0;
      const side = (direction: 'older' | 'newer') =>
        db
          .selectFrom('releases')
          .innerJoin('editions', 'editions.id', 'releases.live_edition_id')
          .select(['releases.number', 'editions.title'])
          .where('releases.board_id', '=', release.boardId)
          .where('releases.language', '=', release.language)
          .where((eb) => listedPublicly(eb, now))
          .where('releases.number', direction === 'older' ? '<' : '>', number)
          .orderBy('releases.number', direction === 'older' ? 'desc' : 'asc')
          .limit(1)
          .executeTakeFirst();
      const [older, newer] = await Promise.all([side('older'), side('newer')]);
      const pick = (r: { number: number | null; title: string } | undefined) => (r ? { number: Number(r.number), title: r.title } : null);
      return { previous: pick(older), next: pick(newer) };
    },

    ...makePublicFiles(db),

    async nextPublicTransition(now) {
      const row = await db
        .selectFrom('releases')
        .select((eb) => eb.fn.min('public_at').as('t'))
        .where('status', 'in', ['published', 'withdrawn'])
        .where('public_at', '>', now.getTime())
        .executeTakeFirst();
      return row?.t == null ? null : new Date(Number(row.t));
    },

    async contentVersion() {
      return readContentVersion(db);
    },

    async feedEntries(q): Promise<FeedEntry[]> {
      let query = db
        .selectFrom('releases')
        .innerJoin('editions', 'editions.id', 'releases.live_edition_id')
        .innerJoin('boards', 'boards.id', 'releases.board_id')
        .select([
          'releases.id',
          'releases.language',
          'releases.number',
          'releases.first_published_at',
          'releases.public_updated_at',
          'releases.public_at',
          'boards.slug',
          'editions.id as edition_id',
          'editions.title',
          'editions.subtitle',
          'editions.body_markdown',
          'editions.tags',
        ])
        .where('releases.language', '=', q.language)
        .where((eb) => listedPublicly(eb, q.now));
      if (q.boardId !== null) query = query.where('releases.board_id', '=', q.boardId);
      if (q.tag !== null) {
        // Tags are stored as a JSON array: the tag's own JSON string (quotes included) occurs in it
        // exactly when it is one of the tags. replace() is case-sensitive on both databases.
        const needle = JSON.stringify(q.tag);
        query = query.where(sql<boolean>`replace(editions.tags, ${needle}, '') <> editions.tags`);
      }
      const rows = await query.orderBy('releases.public_at', 'desc').orderBy('releases.id', 'desc').limit(q.limit).execute();
      if (rows.length === 0) return [];
      const files = await db
        .selectFrom('attachments')
        .select(['edition_id', 'sha256', 'file_name', 'mime_type', 'byte_size'])
        .where(
          'edition_id',
          'in',
          rows.map((r) => r.edition_id),
        )
        .orderBy('position')
        .execute();
      return rows.map((r) => {
        const firstPublishedAt = new Date(Number(r.first_published_at ?? r.public_at));
        return {
          releaseId: r.id,
          boardSlug: r.slug,
          language: r.language as Language,
          number: Number(r.number),
          title: r.title,
          subtitle: JSON.parse(r.subtitle) as string[],
          bodyMarkdown: r.body_markdown,
          tags: JSON.parse(r.tags) as string[],
          firstPublishedAt,
          publicUpdatedAt: r.public_updated_at == null ? firstPublishedAt : new Date(Number(r.public_updated_at)),
          publicAt: new Date(Number(r.public_at)),
          attachments: files
            .filter((f) => f.edition_id === r.edition_id)
            .map((f): PublicFile => ({ sha256: f.sha256.trim(), fileName: f.file_name, mimeType: f.mime_type, byteSize: Number(f.byte_size) })),
        };
      });
    },

    async listedCount(now) {
      const row = await db
        .selectFrom('releases')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where((eb) => listedPublicly(eb, now))
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },

    async sitemapReleases(now, offset, limit) {
      const rows = await db
        .selectFrom('releases')
        .innerJoin('boards', 'boards.id', 'releases.board_id')
        .select(['boards.slug', 'releases.language', 'releases.number', 'releases.public_updated_at', 'releases.first_published_at', 'releases.public_at'])
        .where((eb) => listedPublicly(eb, now))
        .orderBy('releases.board_id')
        .orderBy('releases.language')
        .orderBy('releases.number')
        .limit(limit)
        .offset(offset)
        .execute();
      return rows.map((r) => ({
        boardSlug: r.slug,
        language: r.language as Language,
        number: Number(r.number),
        lastModified: new Date(Number(r.public_updated_at ?? r.first_published_at ?? r.public_at)),
      }));
    },

    async boardsLastModified(now) {
      const rows = await db
        .selectFrom('releases')
        .select(['releases.board_id', 'releases.language', (eb) => eb.fn.max('releases.public_updated_at').as('updated'), (eb) => eb.fn.max('releases.public_at').as('shown')])
        .where((eb) => listedPublicly(eb, now))
        .groupBy(['releases.board_id', 'releases.language'])
        .execute();
      // A list changes when an item is corrected and also when one appears (an embargo ends).
      return rows.map((r) => ({
        boardId: Number(r.board_id),
        language: r.language as Language,
        lastModified: new Date(Math.max(Number(r.updated ?? 0), Number(r.shown ?? 0))),
      }));
    },

    async listedReleases(q): Promise<ListedRelease[]> {
      // Phase 1, the ids: from `releases` alone (an edition only for a tag filter), so the sort never
      // carries titles and subtitles. Phase 2 reads the page's rows by id.
      let filtered = db.selectFrom('releases').where((eb) => listedPublicly(eb, q.now));
      if (q.boardId !== null) filtered = filtered.where('releases.board_id', '=', q.boardId);
      if (q.language !== null) filtered = filtered.where('releases.language', '=', q.language);
      if (q.tag !== null) {
        // Same exact-tag test as feedEntries: the tag's JSON string occurs in the stored array.
        const needle = JSON.stringify(q.tag);
        filtered = filtered.where((eb) =>
          eb.exists(
            eb
              .selectFrom('editions')
              .select('editions.id')
              .whereRef('editions.id', '=', 'releases.live_edition_id')
              .where(sql<boolean>`replace(editions.tags, ${needle}, '') <> editions.tags`),
          ),
        );
      }
      if (q.since !== null) filtered = filtered.where('releases.first_published_at', '>=', q.since.getTime());
      if (q.until !== null) filtered = filtered.where('releases.first_published_at', '<', q.until.getTime());
      if (q.after !== null) {
        const { firstPublishedAt, releaseId } = q.after;
        filtered = filtered.where((eb) =>
          eb.or([
            eb('releases.first_published_at', '<', firstPublishedAt.getTime()),
            eb.and([eb('releases.first_published_at', '=', firstPublishedAt.getTime()), eb('releases.id', '<', releaseId)]),
          ]),
        );
      }
      const ids = await newestIds(filtered, q.limit);
      if (ids.length === 0) return [];

      const rows = await db
        .selectFrom('releases')
        .innerJoin('editions', 'editions.id', 'releases.live_edition_id')
        .innerJoin('boards', 'boards.id', 'releases.board_id')
        .select([
          'releases.id',
          'releases.language',
          'releases.number',
          'releases.first_published_at',
          'releases.public_updated_at',
          'releases.public_at',
          'boards.slug',
          'editions.title',
          'editions.subtitle',
          'editions.department',
          'editions.tags',
          (eb) => eb.exists(eb.selectFrom('attachments').select('attachments.id').whereRef('attachments.edition_id', '=', 'editions.id')).as('has_attachments'),
        ])
        .where('releases.id', 'in', ids)
        // The rule again: a release withdrawn between the two reads is not listed.
        .where((eb) => listedPublicly(eb, q.now))
        .execute();
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.flatMap((id) => {
        const r = byId.get(id);
        if (!r) return [];
        const firstPublishedAt = new Date(Number(r.first_published_at ?? r.public_at));
        return [
          {
            releaseId: r.id,
            boardSlug: r.slug,
            language: r.language as Language,
            number: Number(r.number),
            title: r.title,
            subtitle: JSON.parse(r.subtitle) as string[],
            department: r.department,
            tags: JSON.parse(r.tags) as string[],
            firstPublishedAt,
            publicUpdatedAt: r.public_updated_at == null ? firstPublishedAt : new Date(Number(r.public_updated_at)),
            hasAttachments: Boolean(r.has_attachments),
          },
        ];
      });
    },

    async tagCounts(language, now): Promise<TagCount[]> {
      // Tags are a JSON array per edition; they are counted here rather than with json_each /
      // jsonb_array_elements_text so one query serves both databases.
      let query = db
        .selectFrom('releases')
        .innerJoin('editions', 'editions.id', 'releases.live_edition_id')
        .select('editions.tags')
        .where((eb) => listedPublicly(eb, now))
        .where('editions.tags', '<>', '[]');
      if (language !== null) query = query.where('releases.language', '=', language);
      const counts = new Map<string, number>();
      for (const row of await query.execute()) {
        for (const tag of new Set(JSON.parse(row.tags) as string[])) counts.set(tag, (counts.get(tag) ?? 0) + 1);
      }
      return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
    },
  };
}
