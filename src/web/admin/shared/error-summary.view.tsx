import type { FieldIssue } from '../../../domain/errors.js';
import { issueText, type ShownIssue } from '../../i18n/issue-messages.js';
import { translator, type Translate } from '../../i18n/messages.js';

const english = translator('en');

/**
 * An issue's message in the staff member's language: zod issues on form fields from the catalogue
 * in both languages; other refusal reasons as the application wrote them in English, and in
 * Korean from the catalogue by their stable code (`adminIssue_<code>`). See i18n/issue-messages.ts.
 */
export function issueMessage(issue: ShownIssue, t: Translate = english): string {
  return issueText(issue, t);
}

/** The form field id an issue's path points at: "contact.email" -> "field-contactEmail", "tags.2" -> "field-tags". */
export function fieldId(field: string): string {
  const [head, second] = field.split('.');
  if (head === 'contact' && second) return `field-contact${second.charAt(0).toUpperCase()}${second.slice(1)}`;
  return `field-${head}`;
}

/**
 * Every problem at the top of the page, each linking to its field; it takes focus-friendly
 * role="alert" so screen readers announce it after a POST re-renders the page.
 */
export function ErrorSummary(props: { title?: string; issues: FieldIssue[]; linkable?: ReadonlySet<string>; t?: Translate }) {
  if (props.issues.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} id="error-summary">
      <h2 id="error-summary-title">{props.title ?? (props.t ?? english)('adminThereIsAProblem')}</h2>
      <ul>
        {props.issues.map((issue, i) => {
          const id = issue.field ? fieldId(issue.field) : null;
          const text = issueMessage(issue, props.t);
          return <li key={i}>{id && (!props.linkable || props.linkable.has(id)) ? <a href={`#${id}`}>{text}</a> : text}</li>;
        })}
      </ul>
    </div>
  );
}

/** The issues of one field, shown next to it. */
export function issuesFor(issues: FieldIssue[], id: string): FieldIssue[] {
  return issues.filter((i) => i.field && fieldId(i.field) === id);
}

export function FieldErrors(props: { issues: FieldIssue[]; id: string; t?: Translate }) {
  return <ErrorList issues={issuesFor(props.issues, props.id)} id={props.id} t={props.t} />;
}

/** The messages shown under one field; its id links the field's aria-describedby to them. */
export function ErrorList(props: { issues: FieldIssue[]; id: string; t?: Translate }) {
  const mine = props.issues;
  if (mine.length === 0) return null;
  return (
    <div id={`${props.id}-error`}>
      {mine.map((issue, i) => (
        <p class="field-error" key={i}>
          <span class="visually-hidden">{(props.t ?? english)('adminErrorPrefix')}</span>
          {issueMessage(issue, props.t)}
        </p>
      ))}
    </div>
  );
}
