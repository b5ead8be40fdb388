import type { Kysely } from 'kysely';
import type { Language } from '../../domain/language.js';
import type { EditionState, ReleaseStatus } from '../../domain/release.js';
import { missingLanguages, type LanguageVersion } from '../../domain/translation.js';
import type { PublicTranslations, PublicVersion, TranslationRepo } from '../../ports/translation-repo.js';
import { listedPublicly } from './public-visibility.js';
import type { Database } from './schema.js';

const date = (ms: number | null) => (ms === null ? null : new Date(Number(ms)));

/** Releases with their board and latest edition's title and update time. */
function versionQuery(db: Kysely<Database>) {
  return db
    .selectFrom('releases')
    .innerJoin('boards', 'boards.id', 'releases.board_id')
    .innerJoin('editions', 'editions.release_id', 'releases.id')
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('editions as later').select('later.id').whereRef('later.release_id', '=', 'releases.id').whereRef('later.edition_no', '>', 'editions.edition_no'))),
    )
    .select([
      'releases.id',
      'releases.language',
      'releases.number',
      'releases.status',
      'releases.public_at',
      'releases.is_authoritative',
      'releases.translation_needed',
      'releases.translation_group',
      'boards.slug',
      'editions.title',
      'editions.updated_at',
      'editions.state',
    ]);
}

type VersionRow = Awaited<ReturnType<ReturnType<typeof versionQuery>['execute']>>[number];

function toVersion(r: VersionRow): LanguageVersion {
  return {
    releaseId: r.id,
    language: r.language as Language,
    boardSlug: r.slug,
    number: r.number === null ? null : Number(r.number),
    status: r.status as ReleaseStatus,
    publicAt: date(r.public_at),
    isAuthoritative: Number(r.is_authoritative) === 1,
    translationNeeded: Number(r.translation_needed) === 1,
    title: r.title,
    editionState: r.state as EditionState,
  };
}

export function makeTranslationRepo(db: Kysely<Database>): TranslationRepo {
  return {
    async versionsOf(releaseId) {
      const self = await db.selectFrom('releases').select('translation_group').where('id', '=', releaseId).executeTakeFirst();
      if (!self) return [];
      const group = self.translation_group;
      const rows = await (group === null ? versionQuery(db).where('releases.id', '=', releaseId) : versionQuery(db).where('releases.translation_group', '=', group)).orderBy('releases.id').execute();
      return rows.map(toVersion);
    },

    async setGroup(releaseId, group) {
      await db.updateTable('releases').set({ translation_group: group }).where('id', '=', releaseId).execute();
    },

    async setTranslationNeeded(releaseId, needed) {
      await db
        .updateTable('releases')
        .set({ translation_needed: needed ? 1 : 0 })
        .where('id', '=', releaseId)
        .execute();
    },

    async setAuthoritative(releaseId) {
      const self = await db.selectFrom('releases').select('translation_group').where('id', '=', releaseId).executeTakeFirst();
      if (self?.translation_group) {
        await db.updateTable('releases').set({ is_authoritative: 0 }).where('translation_group', '=', self.translation_group).execute();
      }
      await db.updateTable('releases').set({ is_authoritative: 1 }).where('id', '=', releaseId).execute();
    },

    async missingTranslations(limit) {
      const flagged = await versionQuery(db).where('releases.translation_needed', '=', 1).orderBy('editions.updated_at', 'desc').orderBy('releases.id', 'desc').execute();
      const groups = flagged.map((r) => r.translation_group).filter((g): g is string => g !== null);
      const grouped = groups.length === 0 ? [] : await db.selectFrom('releases').select(['translation_group', 'language']).where('translation_group', 'in', groups).execute();
      const all = flagged.flatMap((r) => {
        const siblings = r.translation_group === null ? [{ language: r.language }] : grouped.filter((g) => g.translation_group === r.translation_group);
        const missing = missingLanguages(siblings.map((s) => ({ language: s.language as Language })));
        return missing.length === 0 ? [] : [{ ...toVersion(r), missing, updatedAt: new Date(Number(r.updated_at)) }];
      });
      return { rows: all.slice(0, limit), total: all.length };
    },

    async leaveGroup(releaseId) {
      await db.updateTable('releases').set({ translation_group: null, is_authoritative: 0 }).where('id', '=', releaseId).execute();
    },

    async findByNumber(boardSlug, language, number) {
      const row = await db
        .selectFrom('releases')
        .innerJoin('boards', 'boards.id', 'releases.board_id')
        .select('releases.id')
        .where('boards.slug', '=', boardSlug)
        .where('releases.language', '=', language)
        .where('releases.number', '=', number)
        .executeTakeFirst();
      return row ? Number(row.id) : null;
    },

    async unpairedReleases(language, limit) {
      const rows = await versionQuery(db)
        .where('releases.language', '=', language)
        .where(({ or, eb, not, exists, selectFrom }) =>
          or([
            eb('releases.translation_group', 'is', null),
            not(
              exists(
                selectFrom('releases as sibling')
                  .select('sibling.id')
                  .whereRef('sibling.translation_group', '=', 'releases.translation_group')
                  .whereRef('sibling.id', '<>', 'releases.id'),
              ),
            ),
          ]),
        )
        .orderBy('releases.id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toVersion);
    },
  };
}

export function makePublicTranslations(db: Kysely<Database>): PublicTranslations {
  const listed = (now: Date) =>
    db
      .selectFrom('releases')
      .innerJoin('boards', 'boards.id', 'releases.board_id')
      .select(['releases.id', 'releases.language', 'releases.number', 'releases.is_authoritative', 'releases.translation_group', 'boards.slug'])
      .where((eb) => listedPublicly(eb, now))
      .where('releases.translation_group', 'is not', null);
  const toPublic = (r: { id: number; language: string; number: number | null; is_authoritative: number; slug: string }): PublicVersion => ({
    releaseId: r.id,
    language: r.language as Language,
    boardSlug: r.slug,
    number: Number(r.number),
    isAuthoritative: Number(r.is_authoritative) === 1,
  });
  return {
    async listedVersionsOf(releaseId, now) {
      const self = await db.selectFrom('releases').select('translation_group').where('id', '=', releaseId).executeTakeFirst();
      if (!self?.translation_group) return [];
      const rows = await listed(now).where('releases.translation_group', '=', self.translation_group).orderBy('releases.id').execute();
      return rows.map(toPublic);
    },

    async listedGroups(now) {
      const rows = await listed(now)
        .where('releases.translation_group', 'in', (eb) =>
          eb
            .selectFrom('releases')
            .select('releases.translation_group')
            .where((inner) => listedPublicly(inner, now))
            .where('releases.translation_group', 'is not', null)
            .groupBy('releases.translation_group')
            .having((h) => h.fn.countAll(), '>', 1),
        )
        .orderBy('releases.id')
        .execute();
      const groups = new Map<string, PublicVersion[]>();
      for (const r of rows) {
        const key = r.translation_group as string;
        groups.set(key, [...(groups.get(key) ?? []), toPublic(r)]);
      }
      return groups;
    },
  };
}
