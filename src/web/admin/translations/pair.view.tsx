import type { Board } from '../../../domain/board.js';
import type { FieldIssue } from '../../../domain/errors.js';
import { otherLanguage, type LanguageVersion } from '../../../domain/translation.js';
import type { AdminContext } from '../shared/admin-context.js';
import { AdminLayout, CsrfField } from '../shared/admin-layout.view.js';
import { ErrorSummary, FieldErrors } from '../shared/error-summary.view.js';
import { languageLabel, stateLabel, statusLabel } from '../shared/format.js';

export interface PairPageProps {
  ctx: AdminContext;
  /** This release, as a language version. */
  self: LanguageVersion;
  boards: Board[];
  /** Recent releases in the other language that nothing translates yet. */
  candidates: LanguageVersion[];
  /** What the picker was sent, kept so a refused pick comes back as typed. */
  query: { other: string; board: string; number: string };
  /** The release picked, once it is found and may be paired: the confirmation step. */
  other: LanguageVersion | null;
  issues: FieldIssue[];
}

/** "Board name · No. 12", or "no number yet" for a release never published. */
function where(v: LanguageVersion, boards: Board[], ctx: AdminContext): string {
  const board = boards.find((b) => b.slug === v.boardSlug)?.name[ctx.lang] ?? v.boardSlug;
  return `${board} · ${v.number === null ? ctx.t('adminPairNoNumber') : ctx.t('adminNumber', { number: v.number })}`;
}

function VersionRow(props: { ctx: AdminContext; heading: string; version: LanguageVersion; boards: Board[] }) {
  const { ctx, version: v } = props;
  const { t } = ctx;
  return (
    <tr>
      <th scope="row">{props.heading}</th>
      <td>{languageLabel(v.language, t)}</td>
      <td>
        <a href={`/admin/releases/${v.releaseId}`} lang={v.language}>
          {v.title || t('adminUntitled')}
        </a>
      </td>
      <td>{where(v, props.boards, ctx)}</td>
      <td>
        {stateLabel(v.editionState, t)} · {statusLabel(v.status, t)}
      </td>
    </tr>
  );
}

/** Step 2: both releases side by side, which one is authoritative, and the CSRF-protected POST. */
function ConfirmPairing(props: { ctx: AdminContext; self: LanguageVersion; other: LanguageVersion; boards: Board[] }) {
  const { ctx, self, other } = props;
  const { t } = ctx;
  // Default: the earlier created, the one the other was most likely translated from.
  const defaultThis = self.releaseId < other.releaseId;
  return (
    <section aria-labelledby="pair-confirm-title">
      <h2 id="pair-confirm-title">{t('adminPairConfirmTitle')}</h2>
      <p>{t('adminPairConfirmIntro')}</p>
      <table class="admin-table">
        <caption class="visually-hidden">{t('adminPairConfirmTitle')}</caption>
        <thead>
          <tr>
            <td />
            <th scope="col">{t('adminColLanguage')}</th>
            <th scope="col">{t('adminColTitle')}</th>
            <th scope="col">{t('adminColBoard')}</th>
            <th scope="col">{t('adminColState')}</th>
          </tr>
        </thead>
        <tbody>
          <VersionRow ctx={ctx} heading={t('adminPairThis')} version={self} boards={props.boards} />
          <VersionRow ctx={ctx} heading={t('adminPairOther')} version={other} boards={props.boards} />
        </tbody>
      </table>
      <form method="post" action={`/admin/releases/${self.releaseId}/pair`} class="admin-form">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="other" value={String(other.releaseId)} />
        <fieldset aria-describedby="field-authoritative-hint">
          <legend>{t('adminPairWhichAuthoritative')}</legend>
          <p class="hint" id="field-authoritative-hint">
            {t('adminPairAuthoritativeHint')}
          </p>
          {(
            [
              ['this', self],
              ['other', other],
            ] as const
          ).map(([value, v]) => (
            <div key={value}>
              <input type="radio" id={`field-authoritative-${value}`} name="authoritative" value={value} checked={(value === 'this') === defaultThis} />{' '}
              <label class="inline-label" for={`field-authoritative-${value}`}>
                {languageLabel(v.language, t)}: <span lang={v.language}>{v.title || t('adminUntitled')}</span>
              </label>
            </div>
          ))}
        </fieldset>
        <div class="form-buttons">
          <button type="submit">{t('adminPairConfirm')}</button> <a href={`/admin/releases/${self.releaseId}`}>{t('adminPairCancel')}</a>
        </div>
      </form>
    </section>
  );
}

/** Step 1: pick the release, from recent unpaired ones or by board and number; a plain GET form. */
function PickRelease(props: PairPageProps) {
  const { ctx, self, query, issues } = props;
  const { t } = ctx;
  const language = languageLabel(otherLanguage(self.language), t);
  return (
    <section aria-labelledby="pair-choose-title">
      <h2 id="pair-choose-title">{t('adminPairChoose')}</h2>
      <form method="get" action={`/admin/releases/${self.releaseId}/pair`} class="admin-form">
        <div class="form-group">
          <label for="field-other">{t('adminPairRecent', { language })}</label>
          <span class="hint" id="field-other-hint">
            {props.candidates.length === 0 ? t('adminPairNoCandidates', { language }) : t('adminPairRecentHint', { count: props.candidates.length, language })}
          </span>
          <FieldErrors issues={issues} id="field-other" t={t} />
          <select id="field-other" name="other" aria-describedby="field-other-hint">
            <option value="">{t('adminPairNoneChosen')}</option>
            {props.candidates.map((v) => (
              <option key={v.releaseId} value={String(v.releaseId)} selected={query.other === String(v.releaseId)}>
                {`${v.title || t('adminUntitled')} (${where(v, props.boards, ctx)}, ${stateLabel(v.editionState, t)})`}
              </option>
            ))}
          </select>
        </div>
        <fieldset>
          <legend>{t('adminPairOr')}</legend>
          <div class="form-group">
            <label for="field-board">{t('adminPairBoard')}</label>
            <select id="field-board" name="board">
              {props.boards.map((b) => (
                <option key={b.slug} value={b.slug} selected={(query.board || self.boardSlug) === b.slug}>
                  {b.name[ctx.lang]}
                </option>
              ))}
            </select>
          </div>
          <div class="form-group">
            <label for="field-number">{t('adminPairNumber')}</label>
            <span class="hint" id="field-number-hint">
              {t('adminPairNumberHint', { language })}
            </span>
            <FieldErrors issues={issues} id="field-number" t={t} />
            <input type="text" inputMode="numeric" id="field-number" name="number" value={query.number} class="input-short" aria-describedby="field-number-hint" />
          </div>
        </fieldset>
        <div class="form-buttons">
          <button type="submit">{t('adminPairContinue')}</button> <a href={`/admin/releases/${self.releaseId}`}>{t('adminPairCancel')}</a>
        </div>
      </form>
    </section>
  );
}

/** GET /admin/releases/:id/pair: pair this release with an existing one in the other language. */
export function PairView(props: PairPageProps) {
  const { ctx, self } = props;
  const { t } = ctx;
  const language = languageLabel(otherLanguage(self.language), t);
  return (
    <AdminLayout ctx={ctx} title={`${t('adminPairTitle')}: ${self.title || t('adminUntitled')}`} hasErrors={props.issues.length > 0}>
      <p>
        <a href={`/admin/releases/${self.releaseId}`}>{t('adminBackToRelease')}</a>
      </p>
      <ErrorSummary issues={props.issues} title={t('adminPairRefused')} t={t} />
      <h1>{t('adminPairTitle')}</h1>
      <p>{t('adminPairIntro', { language })}</p>
      {props.other && props.issues.length === 0 ? <ConfirmPairing ctx={ctx} self={self} other={props.other} boards={props.boards} /> : <PickRelease {...props} />}
    </AdminLayout>
  );
}
