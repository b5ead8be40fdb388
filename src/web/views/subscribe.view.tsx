import type { Frequency } from '../../domain/subscription.js';
import { FREQUENCIES } from '../../domain/subscription.js';
import type { CriteriaLabel } from '../../ports/email-templates.js';
import { describeCriteria, FREQUENCY_LABEL } from '../email/describe-criteria.js';
import type { MessageKey } from '../i18n/messages.js';
import { urls } from '../urls.js';
import { Breadcrumb, Layout } from './layout.view.js';
import type { PageContext } from './page-context.js';

export interface SubscribeFormValues {
  email: string;
  frequency: Frequency;
  board: string | null;
  tag: string | null;
  q: string | null;
}

function FrequencyChoice(props: { ctx: PageContext; value: Frequency }) {
  return (
    <fieldset>
      <legend>{props.ctx.t('subFrequency')}</legend>
      {FREQUENCIES.map((f) => (
        <div key={f}>
          <input type="radio" id={`frequency-${f}`} name="frequency" value={f} checked={props.value === f} />
          <label for={`frequency-${f}`}>{props.ctx.t(FREQUENCY_LABEL[f])}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** The subscribe form for a site, board, tag or saved search (works without JavaScript). */
export function SubscribeView(props: { ctx: PageContext; values: SubscribeFormValues; criteria: CriteriaLabel; error: MessageKey | null }) {
  const { ctx, values } = props;
  const title = ctx.t('subTitle');
  return (
    <Layout ctx={ctx} meta={{ title, noIndex: true, canonicalPath: urls.subscribe(ctx.lang), otherLanguagePath: urls.subscribe(ctx.lang === 'ko' ? 'en' : 'ko', values) }}>
      <Breadcrumb ctx={ctx} trail={[{ label: ctx.t('newsZone'), href: urls.home(ctx.lang) }, { label: title }]} />
      <h1>{title}</h1>
      {props.error && (
        <div class="notice" role="alert">
          <p id="email-error">{ctx.t(props.error)}</p>
        </div>
      )}
      <p>{ctx.t('subIntro')}</p>
      <p>
        <strong>{describeCriteria(ctx.t, props.criteria)}</strong>
      </p>
      <form class="subscribe-form" method="post" action={urls.subscribe(ctx.lang)}>
        {values.board && <input type="hidden" name="board" value={values.board} />}
        {values.tag && <input type="hidden" name="tag" value={values.tag} />}
        {values.q && <input type="hidden" name="q" value={values.q} />}
        <div>
          <label for="subscribe-email">{ctx.t('subEmail')}</label>
          <input id="subscribe-email" type="text" inputMode="email" autoComplete="email" name="email" value={values.email} maxLength={254} required aria-describedby={props.error ? 'email-error email-hint' : 'email-hint'} aria-invalid={props.error ? 'true' : undefined} />
          <p id="email-hint" class="hint">
            {ctx.t('subEmailHint')}
          </p>
        </div>
        <FrequencyChoice ctx={ctx} value={values.frequency} />
        <button type="submit">{ctx.t('subButton')}</button>
      </form>
    </Layout>
  );
}

/** A short page answering a subscription step: check your inbox, confirmed, unsubscribed, a bad link. */
export function SubscriptionMessageView(props: { ctx: PageContext; title: MessageKey; body?: string; children?: preact.ComponentChildren; status?: 'ok' | 'problem' }) {
  const { ctx } = props;
  const title = ctx.t(props.title);
  return (
    <Layout ctx={ctx} meta={{ title, noIndex: true }}>
      <h1>{title}</h1>
      {props.body && <p class={props.status === 'problem' ? 'notice' : undefined}>{props.body}</p>}
      {props.children}
    </Layout>
  );
}

/** The manage page (reached by a signed link): what the subscription follows, its frequency, unsubscribe. */
export function ManageView(props: { ctx: PageContext; token: string; email: string; criteria: CriteriaLabel; frequency: Frequency; unsubscribeHref: string; saved: boolean }) {
  const { ctx } = props;
  const title = ctx.t('subManageTitle');
  return (
    <Layout ctx={ctx} meta={{ title, noIndex: true }}>
      <h1>{title}</h1>
      {props.saved && (
        <p class="notice" role="status">
          {ctx.t('subSaved')}
        </p>
      )}
      <p>{ctx.t('subManageBody', { criteria: describeCriteria(ctx.t, props.criteria), email: props.email })}</p>
      <form class="subscribe-form" method="post" action={urls.subscriptionManage(ctx.lang, props.token)}>
        <FrequencyChoice ctx={ctx} value={props.frequency} />
        <button type="submit">{ctx.t('subSave')}</button>
      </form>
      <p>
        <a href={props.unsubscribeHref}>{ctx.t('subUnsubscribeButton')}</a>
      </p>
    </Layout>
  );
}

/** GET of an unsubscribe link: a button, so link scanners that fetch every URL unsubscribe nobody. */
export function UnsubscribeView(props: { ctx: PageContext; token: string }) {
  const { ctx } = props;
  const title = ctx.t('subUnsubscribeTitle');
  return (
    <Layout ctx={ctx} meta={{ title, noIndex: true }}>
      <h1>{title}</h1>
      <p>{ctx.t('subUnsubscribeBody')}</p>
      <form method="post" action={urls.unsubscribe(ctx.lang, props.token)}>
        <button type="submit">{ctx.t('subUnsubscribeButton')}</button>
      </form>
    </Layout>
  );
}
