import { diffContent, type FieldDiff } from '../../../app/workflow/revisions.js';
import type { Edition, EditionContent } from '../../../domain/release.js';
import { renderMarkdown } from '../../render/markdown.js';
import type { Language } from '../../../domain/language.js';
import type { MessageKey, Translate } from '../../i18n/messages.js';
import { formatDateTime } from '../shared/format.js';

export const FIELD_LABELS: Record<keyof EditionContent, MessageKey> = {
  title: 'adminColTitle',
  subtitle: 'adminSubtitleLines',
  bodyMarkdown: 'adminBody',
  department: 'department',
  contact: 'pressContact',
  tags: 'adminTags',
};

/** Content as plain text fields, for comparing two versions side by side. */
export function ContentText(props: { content: EditionContent; t: Translate }) {
  const c = props.content;
  const { t } = props;
  return (
    <dl>
      <dt>{t('adminColTitle')}</dt>
      <dd>{c.title}</dd>
      <dt>{t('adminSubtitleLines')}</dt>
      <dd>
        <pre>{c.subtitle.join('\n')}</pre>
      </dd>
      <dt>{t('adminBody')}</dt>
      <dd>
        <pre>{c.bodyMarkdown}</pre>
      </dd>
      <dt>{t('department')}</dt>
      <dd>{c.department}</dd>
      <dt>{t('pressContact')}</dt>
      <dd>{c.contact ? [c.contact.name, c.contact.phone, c.contact.email].filter(Boolean).join(', ') : ''}</dd>
      <dt>{t('adminTags')}</dt>
      <dd>{c.tags.join(', ')}</dd>
    </dl>
  );
}

/** A word diff as <del>/<ins>, readable without colour. */
export function DiffList(props: { diff: FieldDiff[]; t: Translate }) {
  const { t } = props;
  if (props.diff.length === 0) return <p>{t('adminSameContent')}</p>;
  return (
    <dl class="diff">
      {props.diff.map((d) => (
        <>
          <dt key={`${d.field}-t`}>{t(FIELD_LABELS[d.field])}</dt>
          <dd key={`${d.field}-d`}>
            <pre>
              {d.parts.map((p, i) =>
                // Screen readers do not announce <ins>/<del> by themselves: each change says what it is and where it ends.
                p.added ? (
                  <ins key={i}>
                    <span class="visually-hidden">[{t('reviewInserted')} </span>
                    {p.value}
                    <span class="visually-hidden"> {t('reviewDiffEnd')}]</span>
                  </ins>
                ) : p.removed ? (
                  <del key={i}>
                    <span class="visually-hidden">[{t('reviewDeleted')} </span>
                    {p.value}
                    <span class="visually-hidden"> {t('reviewDiffEnd')}]</span>
                  </del>
                ) : (
                  <span key={i}>{p.value}</span>
                ),
              )}
            </pre>
          </dd>
        </>
      ))}
    </dl>
  );
}

/**
 * A lost edit race: both versions side by side, and what changed. The form below keeps what the
 * person typed and carries the new lock version, so saving again after merging works.
 */
export function ConflictPanel(props: { current: Edition; attempted: EditionContent; timeZone: string; t: Translate; lang: Language }) {
  const { t } = props;
  return (
    <section class="notice" aria-labelledby="conflict-title" id="conflict">
      <h2 id="conflict-title">{t('adminConflictTitle')}</h2>
      <p>{t('adminConflictBody')}</p>
      <div class="conflict">
        <section aria-labelledby="conflict-current">
          <h3 id="conflict-current">{t('adminConflictSaved', { version: props.current.lockVersion, at: formatDateTime(props.current.updatedAt, props.timeZone, props.lang) })}</h3>
          <ContentText content={props.current} t={t} />
        </section>
        <section aria-labelledby="conflict-yours">
          <h3 id="conflict-yours">{t('adminConflictYours')}</h3>
          <ContentText content={props.attempted} t={t} />
        </section>
      </div>
      <h3>{t('adminConflictDiff')}</h3>
      <DiffList diff={diffContent(props.current, props.attempted)} t={t} />
    </section>
  );
}

/** The read-only view of an edition that is not a draft (or that this person cannot edit). */
export function EditionReadOnly(props: { edition: Edition; timeZone: string; t: Translate; lang: Language }) {
  const e = props.edition;
  const { t } = props;
  return (
    <section aria-labelledby="content-title">
      <h2 id="content-title">{t('adminContent')}</h2>
      {e.subtitle.length > 0 && (
        <ul class="standfirst">
          {e.subtitle.map((line, i) => (
            <li key={i}>- {line}</li>
          ))}
        </ul>
      )}
      <div class="release-body" dangerouslySetInnerHTML={{ __html: renderMarkdown(e.bodyMarkdown) }} />
      <dl class="release-meta">
        {e.department && (
          <div>
            <dt>{t('department')}</dt>
            <dd>{e.department}</dd>
          </div>
        )}
        {e.contact && (
          <div>
            <dt>{t('pressContact')}</dt>
            <dd>{[e.contact.name, e.contact.phone, e.contact.email].filter(Boolean).join(', ')}</dd>
          </div>
        )}
        {e.tags.length > 0 && (
          <div>
            <dt>{t('adminTags')}</dt>
            <dd>{e.tags.join(', ')}</dd>
          </div>
        )}
        {e.embargoUntil && (
          <div>
            <dt>{t('adminEmbargoedUntil')}</dt>
            <dd>{formatDateTime(e.embargoUntil, props.timeZone, props.lang)}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}
