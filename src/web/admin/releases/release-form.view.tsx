import type { ComponentChildren } from 'preact';
import type { Board } from '../../../domain/board.js';
import type { FieldIssue } from '../../../domain/errors.js';
import { LANGUAGES } from '../../../domain/language.js';
import { LIMITS } from '../../../domain/limits.js';
import { characters, isListTitleCut, listTitle } from '../../../domain/release.js';
import { FieldErrors, issuesFor } from '../shared/error-summary.view.js';
import { listTitleScript } from '../shared/list-title-script.js';
import { EditorScripts } from '../editor/editor-scripts.view.js';
import { LANGUAGE_LABELS } from '../shared/format.js';
import type { ReleaseFormValues } from './release-form.js';

function describedBy(issues: FieldIssue[], id: string, hint: boolean): string | undefined {
  const ids = [hint ? `${id}-hint` : null, issuesFor(issues, id).length > 0 ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function Field(props: { id: string; label: string; hint?: string; issues: FieldIssue[]; children: (aria: { 'aria-describedby'?: string; 'aria-invalid'?: 'true' }) => ComponentChildren }) {
  const hasError = issuesFor(props.issues, props.id).length > 0;
  const aria = { 'aria-describedby': describedBy(props.issues, props.id, Boolean(props.hint)), ...(hasError ? { 'aria-invalid': 'true' as const } : {}) };
  return (
    <div class={hasError ? 'form-group form-group-error' : 'form-group'}>
      <label for={props.id}>{props.label}</label>
      {props.hint && (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      <FieldErrors issues={props.issues} id={props.id} />
      {props.children(aria)}
    </div>
  );
}

/** How the title will look in board lists (cut at 64 characters), computed on the server. */
export function ListTitleLine(props: { title: string }) {
  const count = characters(props.title).length;
  return (
    <p class="list-title-cut" id="list-title-preview" aria-live="polite">
      {isListTitleCut(props.title) ? (
        <>
          In lists the title is cut to: <q>{listTitle(props.title)}</q>
        </>
      ) : (
        `Shown in full in lists (${count} of ${LIMITS.listTitleChars} characters).`
      )}
    </p>
  );
}

/**
 * The release fields, shared by "new release" and the draft editor. Board and language are chosen
 * once, at creation.
 */
export function ReleaseFields(props: { values: ReleaseFormValues; issues: FieldIssue[]; boards?: Board[]; timeZone: string }) {
  const { values: v, issues } = props;
  return (
    <>
      {props.boards && (
        <fieldset>
          <legend>Where it is published</legend>
          <Field id="field-boardSlug" label="Board" issues={issues}>
            {(aria) => (
              <select id="field-boardSlug" name="boardSlug" required {...aria}>
                {props.boards!.map((b) => (
                  <option key={b.slug} value={b.slug} selected={v.boardSlug === b.slug}>
                    {b.name.en}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="field-language" label="Language" issues={issues}>
            {(aria) => (
              <select id="field-language" name="language" required {...aria}>
                {LANGUAGES.map((l) => (
                  <option key={l} value={l} selected={v.language === l}>
                    {LANGUAGE_LABELS[l]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </fieldset>
      )}
      <fieldset>
        <legend>Content</legend>
        <Field id="field-title" label="Title" hint={`At most ${LIMITS.titleMaxChars} characters. Board lists show the first ${LIMITS.listTitleChars}.`} issues={issues}>
          {(aria) => <input type="text" id="field-title" name="title" value={v.title} maxLength={LIMITS.titleMaxChars} required data-list-chars={LIMITS.listTitleChars} {...aria} />}
        </Field>
        <ListTitleLine title={v.title} />
        <script src={listTitleScript.href} defer />
        <Field id="field-subtitle" label="Subtitle lines (optional)" hint={`One line each, up to ${LIMITS.subtitleMaxLines}; a leading dash is added on the page.`} issues={issues}>
          {(aria) => (
            <textarea id="field-subtitle" name="subtitle" rows={3} {...aria}>
              {v.subtitle}
            </textarea>
          )}
        </Field>
        <Field id="field-bodyMarkdown" label="Body" hint="Markdown: blank line between paragraphs, ## for a heading, - for a list item." issues={issues}>
          {(aria) => (
            <textarea id="field-bodyMarkdown" name="bodyMarkdown" class="body" rows={18} maxLength={LIMITS.bodyMaxChars} {...aria}>
              {v.bodyMarkdown}
            </textarea>
          )}
        </Field>
        <EditorScripts />
        <Field id="field-tags" label="Tags (optional)" hint="Separate tags with commas." issues={issues}>
          {(aria) => <input type="text" id="field-tags" name="tags" value={v.tags} {...aria} />}
        </Field>
      </fieldset>
      <fieldset>
        <legend>Department and press contact</legend>
        <Field id="field-department" label="Department (optional)" issues={issues}>
          {(aria) => <input type="text" id="field-department" name="department" value={v.department} maxLength={LIMITS.departmentMaxChars} {...aria} />}
        </Field>
        <Field id="field-contactName" label="Contact name" issues={issues}>
          {(aria) => <input type="text" id="field-contactName" name="contactName" value={v.contactName} autoComplete="off" {...aria} />}
        </Field>
        <Field id="field-contactPhone" label="Contact phone" issues={issues}>
          {(aria) => <input type="tel" id="field-contactPhone" name="contactPhone" value={v.contactPhone} {...aria} />}
        </Field>
        <Field id="field-contactEmail" label="Contact email" issues={issues}>
          {(aria) => <input type="email" id="field-contactEmail" name="contactEmail" value={v.contactEmail} {...aria} />}
        </Field>
      </fieldset>
      <fieldset>
        <legend>Embargo</legend>
        <Field id="field-embargoUntil" label="Embargoed until (optional)" hint={`Date and time in ${props.timeZone}. Once published, the release is public only from this time.`} issues={issues}>
          {(aria) => <input type="datetime-local" id="field-embargoUntil" name="embargoUntil" value={v.embargoUntil} {...aria} />}
        </Field>
      </fieldset>
    </>
  );
}

/** Rendered Markdown for the "Preview" button, sanitized exactly as the public page does. */
export function BodyPreview(props: { html: string }) {
  return (
    <section class="preview-body" aria-labelledby="preview-title">
      <h2 id="preview-title">Preview of the body</h2>
      <div class="release-body" dangerouslySetInnerHTML={{ __html: props.html }} />
    </section>
  );
}
