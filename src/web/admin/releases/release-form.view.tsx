import type { ComponentChildren } from 'preact';
import type { DirectoryContact } from '../../../domain/press-contact.js';
import type { Board } from '../../../domain/board.js';
import type { FieldIssue } from '../../../domain/errors.js';
import { LANGUAGES, type Language } from '../../../domain/language.js';
import { LIMITS } from '../../../domain/limits.js';
import { characters, isListTitleCut, listTitle } from '../../../domain/release.js';
import { FieldErrors, issuesFor } from '../shared/error-summary.view.js';
import { listTitleScript } from '../shared/list-title-script.js';
import { EditorScripts } from '../editor/editor-scripts.view.js';
import { languageLabel } from '../shared/format.js';
import { translator, type Translate } from '../../i18n/messages.js';
import type { ReleaseFormValues } from './release-form.js';

function describedBy(issues: FieldIssue[], id: string, hint: boolean): string | undefined {
  const ids = [hint ? `${id}-hint` : null, issuesFor(issues, id).length > 0 ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function Field(props: { id: string; label: string; hint?: string; issues: FieldIssue[]; t: Translate; children: (aria: { 'aria-describedby'?: string; 'aria-invalid'?: 'true' }) => ComponentChildren }) {
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
      <FieldErrors issues={props.issues} id={props.id} t={props.t} />
      {props.children(aria)}
    </div>
  );
}

/** How the title will look in board lists (cut at 64 characters), computed on the server. */
export function ListTitleLine(props: { title: string; t?: Translate }) {
  const t = props.t ?? translator('en');
  const count = characters(props.title).length;
  return (
    <p class="list-title-cut" id="list-title-preview" aria-live="polite" data-cut={t('adminListTitleCut')} data-full={t('adminListTitleFull', { count: '{count}', max: '{max}' })}>
      {isListTitleCut(props.title) ? (
        <>
          {t('adminListTitleCut')} <q>{listTitle(props.title)}</q>
        </>
      ) : (
        t('adminListTitleFull', { count, max: LIMITS.listTitleChars })
      )}
    </p>
  );
}

/**
 * The release fields, shared by "new release" and the draft editor. Board and language are chosen
 * once, at creation.
 */
export function ReleaseFields(props: { values: ReleaseFormValues; issues: FieldIssue[]; boards?: Board[]; contacts?: DirectoryContact[]; timeZone: string; t: Translate; lang: Language }) {
  const { values: v, issues, t, lang } = props;
  return (
    <>
      {props.boards && (
        <fieldset>
          <legend>{t('adminWherePublished')}</legend>
          <Field id="field-boardSlug" label={t('adminColBoard')} issues={issues} t={t}>
            {(aria) => (
              <select id="field-boardSlug" name="boardSlug" required {...aria}>
                {props.boards!.map((b) => (
                  <option key={b.slug} value={b.slug} selected={v.boardSlug === b.slug}>
                    {b.name[lang]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="field-language" label={t('adminColLanguage')} issues={issues} t={t}>
            {(aria) => (
              <select id="field-language" name="language" required {...aria}>
                {LANGUAGES.map((l) => (
                  <option key={l} value={l} selected={v.language === l}>
                    {languageLabel(l, t)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </fieldset>
      )}
      <fieldset>
        <legend>{t('adminContent')}</legend>
        <Field id="field-title" label={t('adminColTitle')} hint={t('adminTitleHint', { max: LIMITS.titleMaxChars, list: LIMITS.listTitleChars })} issues={issues} t={t}>
          {(aria) => <input type="text" id="field-title" name="title" value={v.title} maxLength={LIMITS.titleMaxChars} required data-list-chars={LIMITS.listTitleChars} {...aria} />}
        </Field>
        <ListTitleLine title={v.title} t={t} />
        <script src={listTitleScript.href} defer />
        <Field id="field-subtitle" label={t('adminSubtitleLabel')} hint={t('adminSubtitleHint', { max: LIMITS.subtitleMaxLines })} issues={issues} t={t}>
          {(aria) => (
            <textarea id="field-subtitle" name="subtitle" rows={3} {...aria}>
              {v.subtitle}
            </textarea>
          )}
        </Field>
        <Field id="field-bodyMarkdown" label={t('adminBody')} hint={t('adminBodyHint')} issues={issues} t={t}>
          {(aria) => (
            <textarea id="field-bodyMarkdown" name="bodyMarkdown" class="body" rows={18} maxLength={LIMITS.bodyMaxChars} {...aria}>
              {v.bodyMarkdown}
            </textarea>
          )}
        </Field>
        <EditorScripts t={t} />
        <Field id="field-tags" label={t('adminTagsLabel')} hint={t('adminTagsHint')} issues={issues} t={t}>
          {(aria) => <input type="text" id="field-tags" name="tags" value={v.tags} {...aria} />}
        </Field>
      </fieldset>
      <fieldset>
        <legend>{t('adminDeptContact')}</legend>
        <Field id="field-department" label={t('adminDepartmentLabel')} issues={issues} t={t}>
          {(aria) => <input type="text" id="field-department" name="department" value={v.department} maxLength={LIMITS.departmentMaxChars} {...aria} />}
        </Field>
        {props.contacts && props.contacts.length > 0 && <ContactPicker contacts={props.contacts} value={v.contactId} issues={issues} t={t} lang={lang} />}
        <Field id="field-contactName" label={t('adminContactName')} issues={issues} t={t}>
          {(aria) => <input type="text" id="field-contactName" name="contactName" value={v.contactName} autoComplete="off" {...aria} />}
        </Field>
        <Field id="field-contactPhone" label={t('adminContactPhone')} issues={issues} t={t}>
          {(aria) => <input type="tel" id="field-contactPhone" name="contactPhone" value={v.contactPhone} {...aria} />}
        </Field>
        <Field id="field-contactEmail" label={t('adminContactEmail')} issues={issues} t={t}>
          {(aria) => <input type="email" id="field-contactEmail" name="contactEmail" value={v.contactEmail} {...aria} />}
        </Field>
      </fieldset>
      <fieldset>
        <legend>{t('adminEmbargo')}</legend>
        <Field id="field-embargoUntil" label={t('adminEmbargoLabel')} hint={t('adminEmbargoHint', { zone: props.timeZone })} issues={issues} t={t}>
          {(aria) => <input type="datetime-local" id="field-embargoUntil" name="embargoUntil" value={v.embargoUntil} {...aria} />}
        </Field>
      </fieldset>
    </>
  );
}

/** The press-contact directory's entries (#16), this language's first; picking one fills the contact on save. */
function ContactPicker(props: { contacts: DirectoryContact[]; value: string; issues: FieldIssue[]; t: Translate; lang: Language }) {
  const { t } = props;
  const groups = [props.lang, props.lang === 'ko' ? 'en' : 'ko'] as const;
  return (
    <Field id="field-contactId" label={t('adminContactPick')} hint={t('adminContactPickHint')} issues={props.issues} t={t}>
      {(aria) => (
        <select id="field-contactId" name="contactId" {...aria}>
          <option value="">{t('adminContactPickNone')}</option>
          {groups.map((language) => {
            const entries = props.contacts.filter((c) => c.language === language);
            return entries.length === 0 ? null : (
              <optgroup key={language} label={t(language === 'ko' ? 'languageKorean' : 'languageEnglish')}>
                {entries.map((c) => (
                  <option key={c.id} value={String(c.id)} selected={props.value === String(c.id)}>
                    {[c.name, c.role, c.phone].filter(Boolean).join(' · ')}
                  </option>
                ))}
              </optgroup>
            );
          })}
        </select>
      )}
    </Field>
  );
}

/** Rendered Markdown for the "Preview" button, sanitized exactly as the public page does. */
export function BodyPreview(props: { html: string; t: Translate }) {
  return (
    <section class="preview-body" aria-labelledby="preview-title">
      <h2 id="preview-title">{props.t('adminBodyPreview')}</h2>
      <div class="release-body" dangerouslySetInnerHTML={{ __html: props.html }} />
    </section>
  );
}
