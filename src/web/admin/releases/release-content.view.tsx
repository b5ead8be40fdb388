import { diffContent, type FieldDiff } from '../../../app/workflow/revisions.js';
import type { Edition, EditionContent } from '../../../domain/release.js';
import { renderMarkdown } from '../../render/markdown.js';
import { formatDateTime } from '../shared/format.js';

export const FIELD_LABELS: Record<keyof EditionContent, string> = {
  title: 'Title',
  subtitle: 'Subtitle lines',
  bodyMarkdown: 'Body',
  department: 'Department',
  contact: 'Press contact',
  tags: 'Tags',
};

/** Content as plain text fields, for comparing two versions side by side. */
export function ContentText(props: { content: EditionContent }) {
  const c = props.content;
  return (
    <dl>
      <dt>Title</dt>
      <dd>{c.title}</dd>
      <dt>Subtitle lines</dt>
      <dd>
        <pre>{c.subtitle.join('\n')}</pre>
      </dd>
      <dt>Body</dt>
      <dd>
        <pre>{c.bodyMarkdown}</pre>
      </dd>
      <dt>Department</dt>
      <dd>{c.department}</dd>
      <dt>Press contact</dt>
      <dd>{c.contact ? [c.contact.name, c.contact.phone, c.contact.email].filter(Boolean).join(', ') : ''}</dd>
      <dt>Tags</dt>
      <dd>{c.tags.join(', ')}</dd>
    </dl>
  );
}

/** A word diff as <del>/<ins>, readable without colour. */
export function DiffList(props: { diff: FieldDiff[] }) {
  if (props.diff.length === 0) return <p>The two versions have the same content.</p>;
  return (
    <dl class="diff">
      {props.diff.map((d) => (
        <>
          <dt key={`${d.field}-t`}>{FIELD_LABELS[d.field]}</dt>
          <dd key={`${d.field}-d`}>
            <pre>
              {d.parts.map((p, i) =>
                p.added ? (
                  <ins key={i}>{p.value}</ins>
                ) : p.removed ? (
                  <del key={i}>{p.value}</del>
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
export function ConflictPanel(props: { current: Edition; attempted: EditionContent; timeZone: string }) {
  return (
    <section class="notice" aria-labelledby="conflict-title" id="conflict">
      <h2 id="conflict-title">Someone else saved this release while you were editing it</h2>
      <p>
        Nothing you typed has been lost: it is still in the form below. Compare both versions, bring what you need from the saved version into the form, then save again.
      </p>
      <div class="conflict">
        <section aria-labelledby="conflict-current">
          <h3 id="conflict-current">Saved version (version {props.current.lockVersion}, {formatDateTime(props.current.updatedAt, props.timeZone)})</h3>
          <ContentText content={props.current} />
        </section>
        <section aria-labelledby="conflict-yours">
          <h3 id="conflict-yours">Your version (not saved)</h3>
          <ContentText content={props.attempted} />
        </section>
      </div>
      <h3>What differs (saved → yours)</h3>
      <DiffList diff={diffContent(props.current, props.attempted)} />
    </section>
  );
}

/** The read-only view of an edition that is not a draft (or that this person cannot edit). */
export function EditionReadOnly(props: { edition: Edition; timeZone: string }) {
  const e = props.edition;
  return (
    <section aria-labelledby="content-title">
      <h2 id="content-title">Content</h2>
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
            <dt>Department</dt>
            <dd>{e.department}</dd>
          </div>
        )}
        {e.contact && (
          <div>
            <dt>Press contact</dt>
            <dd>{[e.contact.name, e.contact.phone, e.contact.email].filter(Boolean).join(', ')}</dd>
          </div>
        )}
        {e.tags.length > 0 && (
          <div>
            <dt>Tags</dt>
            <dd>{e.tags.join(', ')}</dd>
          </div>
        )}
        {e.embargoUntil && (
          <div>
            <dt>Embargoed until</dt>
            <dd>{formatDateTime(e.embargoUntil, props.timeZone)}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}
