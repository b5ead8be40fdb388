import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { ConfirmResult } from '../../app/distribution/confirm-subscription.js';
import { displayEmailAddress, normalizeEmailAddress } from '../../app/distribution/email-address.js';
import type { ManageSubscription } from '../../app/distribution/manage-subscription.js';
import type { Subscribe } from '../../app/distribution/subscribe.js';
import type { UnsubscribeResult } from '../../app/distribution/unsubscribe.js';
import { NotFoundError, ValidationError } from '../../domain/errors.js';
import { LANGUAGES, type Language } from '../../domain/language.js';
import { FREQUENCIES, SUBSCRIPTION_LIMITS } from '../../domain/subscription.js';
import type { BoardRepo } from '../../ports/board-repo.js';
import { createHash } from 'node:crypto';
import { makeTokenThrottle } from '../api/token-throttle.js';
import type { RateWindows } from '../../ports/rate-windows.js';
import type { MessageKey } from '../i18n/messages.js';
import { renderPage } from '../render/page.js';
import { urls } from '../urls.js';
import { describeCriteria } from '../email/describe-criteria.js';
import { ManageView, SubscribeView, SubscriptionMessageView, UnsubscribeView, type SubscribeFormValues } from '../views/subscribe.view.js';
import type { SiteContext } from './site-context.js';

export interface SubscriptionRouteDeps {
  subscribe: Subscribe;
  confirm: (token: string) => Promise<ConfirmResult>;
  manage: ManageSubscription;
  unsubscribe: (token: string) => Promise<UnsubscribeResult>;
  boards: BoardRepo;
  contextFor: SiteContext;
  now: () => number;
  /** Where subscribe requests are counted: the database, shared by every server (#18). */
  rateWindows: RateWindows;
  /** Subscribe requests allowed per address and per client address in an hour. */
  throttle?: { perAddress: number; perClient: number };
}

const langParam = z.object({ lang: z.enum(LANGUAGES) });

/** The page's language from its URL; any other first segment is a 404, like every unknown page. */
function languageOf(params: unknown): Language {
  const parsed = langParam.safeParse(params);
  if (!parsed.success) throw new NotFoundError('No such page');
  return parsed.data.lang;
}
const text = (max: number) => z.string().trim().max(max).optional().transform((v) => v || null).catch(null);
const criteriaQuery = z.object({ board: text(60), tag: text(SUBSCRIPTION_LIMITS.tagMaxChars), q: text(SUBSCRIPTION_LIMITS.queryMaxChars) });
const subscribeBody = criteriaQuery.extend({ email: z.string().max(1000).catch(''), frequency: z.enum(FREQUENCIES).catch('immediate') });
const tokenQuery = z.object({ token: z.string().max(200).catch('') });
const manageBody = z.object({ frequency: z.enum(FREQUENCIES) });

const EMAIL_ERRORS: Record<string, MessageKey> = {
  email_empty: 'subEmail_empty',
  email_malformed: 'subEmail_malformed',
  email_too_long: 'subEmail_too_long',
  email_local_part_not_ascii: 'subEmail_local_part_not_ascii',
  email_bad_domain: 'subEmail_bad_domain',
  board_unknown: 'subBoardUnknown',
};

const send = (reply: FastifyReply, html: string, status = 200) => reply.code(status).header('Cache-Control', 'no-store').type('text/html; charset=utf-8').send(html);

/**
 * Public email alerts (#14): the subscribe form (per site, board, tag, saved search), the confirm,
 * manage and unsubscribe links. No cookies and no CSRF token: the signed token in each link is
 * the authority, so RFC 8058 one-click POSTs from mail providers work. Subscribing answers the
 * same whatever the address's state, and is throttled per address and per client.
 */
export function registerSubscriptionRoutes(app: FastifyInstance, deps: SubscriptionRouteDeps): void {
  const hour = 3_600_000;
  const perAddress = makeTokenThrottle({ scope: 'subscribe-address', store: deps.rateWindows, now: deps.now, policy: { maxFailures: deps.throttle?.perAddress ?? 5, windowMs: hour } });
  const perClient = makeTokenThrottle({ scope: 'subscribe-client', store: deps.rateWindows, now: deps.now, policy: { maxFailures: deps.throttle?.perClient ?? 30, windowMs: hour } });
  // Counted by a digest of the address: the throttle table never holds the addresses people type in.
  const addressKey = (address: string) => createHash('sha256').update(address).digest('hex');

  async function criteriaOf(language: Language, values: Pick<SubscribeFormValues, 'board' | 'tag' | 'q'>) {
    const board = values.board ? await deps.boards.bySlug(values.board) : null;
    return { language, boardId: board?.id ?? null, tag: values.tag, query: values.q, boardName: board?.name ?? null };
  }
  async function form(reply: FastifyReply, language: Language, values: SubscribeFormValues, error: MessageKey | null, status = 200) {
    const ctx = await deps.contextFor(language);
    return send(reply, renderPage(<SubscribeView ctx={ctx} values={values} criteria={await criteriaOf(language, values)} error={error} />), status);
  }
  async function message(reply: FastifyReply, language: Language, title: MessageKey, body?: string, status = 200) {
    const ctx = await deps.contextFor(language);
    return send(reply, renderPage(<SubscriptionMessageView ctx={ctx} title={title} body={body} status={status === 200 ? 'ok' : 'problem'} />), status);
  }

  app.get('/:lang/subscribe', async (request, reply) => {
    const language = languageOf(request.params);
    const c = criteriaQuery.parse(request.query ?? {});
    return form(reply, language, { email: '', frequency: 'immediate', ...c }, null);
  });

  app.post('/:lang/subscribe', async (request, reply) => {
    const language = languageOf(request.params);
    const body = subscribeBody.parse(request.body ?? {});
    const values: SubscribeFormValues = { email: body.email, frequency: body.frequency, board: body.board, tag: body.tag, q: body.q };
    if ((await perClient.retryAfterMs(request.ip)) > 0) return message(reply, language, 'subTitle', (await deps.contextFor(language)).t('subThrottled'), 429);
    await perClient.fail(request.ip);
    const address = normalizeEmailAddress(body.email);
    // Past the per-address allowance the answer is the same page, but no email is sent (no mail bombing).
    const quiet = address.ok && (await perAddress.retryAfterMs(addressKey(address.address))) > 0;
    if (address.ok) await perAddress.fail(addressKey(address.address));
    try {
      if (!quiet) await deps.subscribe({ email: body.email, language, boardSlug: body.board, tag: body.tag, query: body.q, frequency: body.frequency });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return form(reply, language, values, EMAIL_ERRORS[error.issues[0]?.code ?? ''] ?? 'subEmail_malformed', 400);
    }
    const ctx = await deps.contextFor(language);
    return message(reply, language, 'subCheckTitle', ctx.t('subCheckBody', { email: address.ok ? displayEmailAddress(address.address) : body.email }));
  });

  app.get('/:lang/subscriptions/confirm', async (request, reply) => {
    const language = languageOf(request.params);
    const { token } = tokenQuery.parse(request.query ?? {});
    const result = await deps.confirm(token);
    if (result.status === 'invalid') return message(reply, language, 'subInvalidTitle', (await deps.contextFor(language)).t('subInvalidBody'), 400);
    if (result.status === 'expired') return message(reply, language, 'subExpiredTitle', (await deps.contextFor(language)).t('subExpiredBody'), 410);
    const ctx = await deps.contextFor(result.subscription.language);
    const s = result.subscription;
    const board = s.boardId === null ? undefined : (await deps.boards.list()).find((b) => b.id === s.boardId);
    const named = { language: s.language, boardId: s.boardId, tag: s.tag, query: s.query, boardName: board?.name ?? null };
    return send(
      reply,
      renderPage(
        <SubscriptionMessageView ctx={ctx} title={result.status === 'confirmed' ? 'subConfirmedTitle' : 'subAlreadyConfirmedTitle'} body={ctx.t('subConfirmedBody', { criteria: describeCriteria(ctx.t, named) })}>
          <p>
            <a href={urls.subscriptionManage(ctx.lang, result.manageToken)}>{ctx.t('subManageLink')}</a>
          </p>
        </SubscriptionMessageView>,
      ),
    );
  });

  async function managePage(reply: FastifyReply, language: Language, token: string, saved: boolean, view: Awaited<ReturnType<ManageSubscription['load']>>) {
    if (view.status !== 'ok') return message(reply, language, 'subInvalidTitle', (await deps.contextFor(language)).t('subInvalidBody'), 400);
    const ctx = await deps.contextFor(view.subscription.language);
    const s = view.subscription;
    return send(reply, renderPage(<ManageView ctx={ctx} token={token} email={displayEmailAddress(s.email)} criteria={view.criteria} frequency={s.frequency} unsubscribeHref={urls.unsubscribe(s.language, view.unsubscribeToken)} saved={saved} />));
  }

  app.get('/:lang/subscriptions/manage', async (request, reply) => {
    const language = languageOf(request.params);
    const { token } = tokenQuery.parse(request.query ?? {});
    return managePage(reply, language, token, false, await deps.manage.load(token));
  });

  app.post('/:lang/subscriptions/manage', async (request, reply) => {
    const language = languageOf(request.params);
    const { token } = tokenQuery.parse(request.query ?? {});
    const parsed = manageBody.safeParse(request.body ?? {});
    if (!parsed.success) return managePage(reply, language, token, false, await deps.manage.load(token));
    return managePage(reply, language, token, true, await deps.manage.setFrequency(token, parsed.data.frequency));
  });

  app.get('/:lang/subscriptions/unsubscribe', async (request, reply) => {
    const language = languageOf(request.params);
    const { token } = tokenQuery.parse(request.query ?? {});
    return send(reply, renderPage(<UnsubscribeView ctx={await deps.contextFor(language)} token={token} />));
  });

  // RFC 8058: mail providers POST "List-Unsubscribe=One-Click" to the link itself, with no cookies.
  app.post('/:lang/subscriptions/unsubscribe', async (request, reply) => {
    const language = languageOf(request.params);
    const { token } = tokenQuery.parse(request.query ?? {});
    const result = await deps.unsubscribe(token);
    if (result.status === 'invalid') return message(reply, language, 'subInvalidTitle', (await deps.contextFor(language)).t('subInvalidBody'), 400);
    if (result.status === 'already_gone') return message(reply, language, 'subAlreadyGoneTitle', (await deps.contextFor(language)).t('subUnsubscribedBody'));
    return message(reply, result.language, 'subUnsubscribedTitle', (await deps.contextFor(result.language)).t('subUnsubscribedBody'));
  });
}
