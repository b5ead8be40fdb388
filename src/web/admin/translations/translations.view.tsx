import type { Board } from '../../../domain/board.js';
import { LANGUAGES } from '../../../domain/language.js';
import { authoritativeVersion, missingLanguages, type LanguageVersion } from '../../../domain/translation.js';
import type { MissingTranslation } from '../../../ports/translation-repo.js';
import { urls } from '../../urls.js';
import type { AdminContext } from '../shared/admin-context.js';
import { CsrfField } from '../shared/admin-layout.view.js';
import { formatDateTime, languageLabel, stateLabel, statusLabel } from '../shared/format.js';
import { hasRole } from '../../../domain/user.js';
import { AdminTableHead } from '../shared/admin-table-head.view.js';

/** "Start the English version": a form that creates the other-language draft. */
function StartTranslationForm(props: { ctx: AdminContext; releaseId: number; language: (typeof LANGUAGES)[number] }) {
  const { ctx } = props;
  return (
    <form method="post" action={`/admin/releases/${props.releaseId}/translations`} class="inline-form">
      <CsrfField ctx={ctx} />
      <input type="hidden" name="language" value={props.language} />
      <button type="submit">{ctx.t('adminStartTranslationInto', { language: languageLabel(props.language, ctx.t) })}</button>
    </form>
  );
}

/**
 * A release's language versions on its admin page: each version with its own state, which one is
 * authoritative, the "translation needed" flag, "start translation" for a missing language, and
 * (editors) pairing with an existing release in that language or unpairing.
 */
export function TranslationsSection(props: { ctx: AdminContext; releaseId: number; versions: LanguageVersion[] }) {
  const { ctx, releaseId, versions } = props;
  const { t } = ctx;
  const self = versions.find((v) => v.releaseId === releaseId);
  const canWrite = hasRole(ctx.user, 'writer');
  const canDecide = hasRole(ctx.user, 'editor');
  const authoritative = versions.length > 1 ? authoritativeVersion(versions) : null;
  const missing = missingLanguages(versions);
  return (
    <section aria-labelledby="versions-title">
      <h2 id="versions-title">{t('adminVersionsTitle')}</h2>
      <p class="hint">{t('adminVersionsIntro')}</p>
      {versions.length <= 1 ? (
        <p>{t('adminNoOtherVersions')}</p>
      ) : (
        <table class="admin-table">
          <caption class="visually-hidden">{t('adminVersionsTitle')}</caption>
          <AdminTableHead columns={[t('adminColLanguage'), t('adminColTitle'), t('adminColState'), t('adminAuthoritative')]} />
          <tbody>
            {versions.map((v) => (
              <tr key={v.releaseId}>
                <td lang={v.language}>{languageLabel(v.language, t)}</td>
                <td>
                  {v.releaseId === releaseId ? (
                    <>
                      {v.title} <span class="hint">{t('adminThisVersion')}</span>
                    </>
                  ) : (
                    <a href={`/admin/releases/${v.releaseId}`} lang={v.language}>
                      {v.title || t('adminUntitled')}
                    </a>
                  )}
                  {v.number !== null && v.publicAt && v.publicAt <= ctx.now && v.status === 'published' && (
                    <>
                      {' · '}
                      <a href={urls.release(v.language, v.boardSlug, v.number)}>{t('adminPublicPage')}</a>
                    </>
                  )}
                </td>
                <td>
                  <span class={`state state-${v.editionState}`}>{stateLabel(v.editionState, t)}</span> · {statusLabel(v.status, t)}
                </td>
                <td>
                  {authoritative?.releaseId === v.releaseId ? (
                    <strong>{t('adminAuthoritative')}</strong>
                  ) : (
                    canDecide && (
                      <form method="post" action={`/admin/releases/${v.releaseId}/authoritative`} class="inline-form">
                        <CsrfField ctx={ctx} />
                        <input type="hidden" name="back" value={String(releaseId)} />
                        <button type="submit" class="button-secondary">
                          {t('adminMakeAuthoritative')}
                        </button>
                      </form>
                    )
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canDecide && self && versions.length > 1 && (
        <form method="post" action={`/admin/releases/${releaseId}/unpair`} class="inline-form">
          <CsrfField ctx={ctx} />
          <input type="hidden" name="back" value={String(releaseId)} />
          <button type="submit" class="button-secondary" aria-describedby="unpair-hint">
            {t('adminUnpair')}
          </button>{' '}
          <span class="hint" id="unpair-hint">
            {t('adminUnpairHint')}
          </span>
        </form>
      )}
      {canDecide && self && missing.length > 0 && (
        <p>
          {missing.map((language) => (
            <a key={language} href={`/admin/releases/${releaseId}/pair`}>
              {t('adminPairLink', { language: languageLabel(language, t) })}
            </a>
          ))}
        </p>
      )}
      {canWrite && self && missing.length > 0 && (
        <>
          <form method="post" action={`/admin/releases/${releaseId}/translation-needed`}>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="needed" value="0" />
            <div class="form-group">
              <input type="checkbox" id="field-translationNeeded" name="needed" value="1" checked={self.translationNeeded} aria-describedby="field-translationNeeded-hint" />{' '}
              <label for="field-translationNeeded" class="inline-label">
                {t('adminTranslationNeeded')}
              </label>
              <p class="hint" id="field-translationNeeded-hint">
                {t('adminTranslationNeededHint')}
              </p>
            </div>
            <button type="submit" class="button-secondary">
              {t('adminSaveFlag')}
            </button>
          </form>
          <p class="hint">{t('adminStartTranslationHint')}</p>
          {missing.map((language) => (
            <StartTranslationForm key={language} ctx={ctx} releaseId={releaseId} language={language} />
          ))}
        </>
      )}
    </section>
  );
}

/** The dashboard's list of releases flagged "translation needed" that still miss a version. */
export function MissingTranslationsSection(props: { ctx: AdminContext; boards: Board[]; missing: { rows: MissingTranslation[]; total: number } }) {
  const { ctx } = props;
  const { t } = ctx;
  const canWrite = hasRole(ctx.user, 'writer');
  return (
    <section aria-labelledby="missing-translations">
      <h2 id="missing-translations">
        {t('adminMissingTranslations')} <span class="hint">({props.missing.total})</span>
      </h2>
      {props.missing.rows.length === 0 ? (
        <p>{t('adminNoMissingTranslations')}</p>
      ) : (
        <table class="admin-table">
          <caption class="visually-hidden">{t('adminMissingTranslations')}</caption>
          <AdminTableHead columns={[t('adminColTitle'), t('adminColLanguage'), t('adminMissingLanguages'), t('adminColUpdated')]} />
          <tbody>
            {props.missing.rows.map((row) => (
              <tr key={row.releaseId}>
                <td>
                  <a href={`/admin/releases/${row.releaseId}`} lang={row.language}>
                    {row.title || t('adminUntitled')}
                  </a>
                  <span class="hint"> · {props.boards.find((b) => b.slug === row.boardSlug)?.name[ctx.lang] ?? row.boardSlug}</span>
                </td>
                <td>{languageLabel(row.language, t)}</td>
                <td>
                  {canWrite
                    ? row.missing.map((language) => <StartTranslationForm key={language} ctx={ctx} releaseId={row.releaseId} language={language} />)
                    : row.missing.map((language) => languageLabel(language, t)).join(', ')}
                </td>
                <td>
                  <time datetime={row.updatedAt.toISOString()}>{formatDateTime(row.updatedAt, ctx.timeZone, ctx.lang)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
