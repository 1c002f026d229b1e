import fastifyFormbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { hashToken } from '../auth/tokens.js';
import type { Lang } from '../db/schema.js';
import type { FormBody } from '../editorial/form-body.js';
import { field } from '../editorial/form-body.js';
import type { Mailer } from '../mail/mailer.js';
import { notFound } from '../site/http-errors.js';
import { notCrossSite } from '../site/same-origin.js';
import { isLang, type MessageKey } from '../site/i18n/index.js';
import { toCachedPage } from '../site/page-cache.js';
import { pageContext, renderDocument, sendPage, type SiteDeps } from '../site/page-handler.js';
import type { PageContext } from '../site/views/page-context.js';
import { newsletterPaths } from './newsletter-paths.js';
import { MessagePage, PreferencesPage, SignupPage } from './newsletter-pages.js';
import { newChallenge } from './proof-of-work.js';
import { checkSignupFields, handleSignup, readSignupForm, type SignupProblem } from './signup.js';
import { emptySignupForm, type SignupFormState } from './signup-form.js';
import { subscriberFromLink } from './subscriber-links.js';
import { confirmSubscription, subscriberTopicIds, unsubscribe, updatePreferences } from './subscribers.js';

export interface NewsletterRouteDeps {
  site: SiteDeps;
  mailer: Mailer;
}

type LangRequest = FastifyRequest<{ Params: { lang: string }; Querystring: Record<string, unknown>; Body: FormBody }>;

const FORM_LIMIT = 16 * 1024;

function langOf(request: LangRequest): Lang {
  const lang = request.params.lang;
  if (!isLang(lang)) throw notFound();
  return lang;
}

function queryToken(request: LangRequest): string {
  const token = request.query.token;
  return typeof token === 'string' ? token : '';
}

/**
 * Newsletter pages are never cached and never indexed, and carry no Referer onwards:
 * their URLs hold tokens.
 */
async function sendNewsletterPage(
  deps: NewsletterRouteDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  build: (ctx: PageContext) => { title: string; body: VNode },
  lang: Lang,
) {
  const ctx = await pageContext(deps.site, lang);
  const { title, body } = build(ctx);
  const path = request.url.split('?')[0] ?? '/';
  const html = renderDocument(ctx, {
    meta: { title, description: title, path, alternates: {}, noindex: true, noNewsletterBox: true },
    body,
  });
  reply.header('referrer-policy', 'no-referrer');
  return sendPage(request, reply, toCachedPage(status, html), 'no-store');
}

function problemMessage(ctx: PageContext, problem: SignupProblem): string {
  return problem.key === 'newsletterTooMany'
    ? ctx.t('newsletterTooMany', { minutes: problem.minutes })
    : ctx.t(problem.key as MessageKey);
}

/** Public newsletter routes: sign-up, confirmation, preferences and one-click unsubscribe. */
export async function registerNewsletterRoutes(app: FastifyInstance, deps: NewsletterRouteDeps) {
  await app.register(async (scope) => {
    await scope.register(fastifyFormbody, { bodyLimit: FORM_LIMIT });
    // RFC 8058 lets a mail provider post the one-click body as multipart; nothing in it is needed.
    scope.addContentTypeParser('multipart/form-data', { parseAs: 'string', bodyLimit: FORM_LIMIT }, (_r, _b, done) =>
      done(null, {}),
    );
    registerSignupRoutes(scope, deps);
    registerSubscriberRoutes(scope, deps);
  });
}

function registerSignupRoutes(app: FastifyInstance, deps: NewsletterRouteDeps) {
  const { db, publicUrl } = deps.site;

  app.get(newsletterPaths.challenge, async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return newChallenge(db);
  });

  app.get('/:lang/newsletter', async (request: LangRequest, reply) => {
    const lang = langOf(request);
    return sendNewsletterPage(deps, request, reply, 200, (ctx) => signupView(ctx, emptySignupForm(lang)), lang);
  });

  app.post('/:lang/newsletter', async (request: LangRequest, reply) => {
    const lang = langOf(request);
    const form = readSignupForm(request.body ?? {}, lang);
    const state: SignupFormState = { email: form.email, lang: form.prefs.lang, topicIds: form.prefs.topicIds };
    const refuse = (status: number, problem: SignupProblem) =>
      sendNewsletterPage(
        deps,
        request,
        reply,
        status,
        (ctx) =>
          signupView(ctx, { ...state, problem: { field: problem.field, message: problemMessage(ctx, problem) } }),
        lang,
      );
    if (!notCrossSite(request)) {
      return sendNewsletterPage(
        deps,
        request,
        reply,
        403,
        (ctx) => messageView(ctx, 'newsletterTitle', 'newsletterForeignForm'),
        lang,
      );
    }
    const catalog = await deps.site.content.getCatalog();
    const invalid = checkSignupFields(catalog, form);
    if (invalid) return refuse(400, invalid);
    const problem = await handleSignup({ db, mailer: deps.mailer, publicUrl }, catalog, form, request.ip);
    if (problem?.key === 'newsletterTooMany') reply.header('retry-after', String(problem.minutes * 60));
    if (problem)
      return refuse(
        problem.key === 'newsletterTooMany' ? 429 : problem.key === 'newsletterMailFailed' ? 503 : 400,
        problem,
      );
    return sendNewsletterPage(
      deps,
      request,
      reply,
      200,
      (ctx) => ({
        title: ctx.t('newsletterCheckInboxTitle'),
        body: (
          <MessagePage
            ctx={ctx}
            title={ctx.t('newsletterCheckInboxTitle')}
            text={ctx.t('newsletterCheckInboxText', { email: form.email })}
          />
        ),
      }),
      lang,
    );
  });
}

function signupView(ctx: PageContext, state: SignupFormState) {
  return { title: ctx.t('newsletterTitle'), body: <SignupPage ctx={ctx} state={state} /> };
}

function messageView(
  ctx: PageContext,
  title: MessageKey,
  text: MessageKey,
  action?: Parameters<typeof MessagePage>[0]['action'],
) {
  return {
    title: ctx.t(title),
    body: <MessagePage ctx={ctx} title={ctx.t(title)} text={ctx.t(text)} action={action} />,
  };
}

function registerSubscriberRoutes(app: FastifyInstance, deps: NewsletterRouteDeps) {
  const { db } = deps.site;
  const page = (
    request: LangRequest,
    reply: FastifyReply,
    status: number,
    build: Parameters<typeof sendNewsletterPage>[4],
  ) => sendNewsletterPage(deps, request, reply, status, build, langOf(request));

  // Mail scanners open links; only the button's POST confirms, so a scan confirms nothing.
  app.get('/:lang/newsletter/confirm', async (request: LangRequest, reply) => {
    const token = queryToken(request);
    const state = await db.kysely
      .selectFrom('subscribers')
      .select(['confirm_expires_at'])
      .where('confirm_token_hash', '=', hashToken(token))
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (!state)
      return page(request, reply, 410, (ctx) => messageView(ctx, 'newsletterConfirmTitle', 'newsletterLinkInvalid'));
    if ((state.confirm_expires_at ?? '') <= new Date().toISOString())
      return page(request, reply, 410, (ctx) => messageView(ctx, 'newsletterConfirmTitle', 'newsletterLinkExpired'));
    return page(request, reply, 200, (ctx) =>
      messageView(ctx, 'newsletterConfirmTitle', 'newsletterConfirmText', {
        url: newsletterPaths.confirm(ctx.lang),
        label: ctx.t('newsletterConfirmButton'),
        fields: { token },
      }),
    );
  });

  app.post('/:lang/newsletter/confirm', async (request: LangRequest, reply) => {
    const result = await confirmSubscription(db.kysely, field(request.body ?? {}, 'token'));
    if (result.kind === 'expired')
      return page(request, reply, 410, (ctx) => messageView(ctx, 'newsletterConfirmTitle', 'newsletterLinkExpired'));
    if (result.kind === 'invalid')
      return page(request, reply, 410, (ctx) => messageView(ctx, 'newsletterConfirmTitle', 'newsletterLinkInvalid'));
    return page(request, reply, 200, (ctx) => messageView(ctx, 'newsletterConfirmedTitle', 'newsletterConfirmedText'));
  });

  const preferencesPage = async (request: LangRequest, reply: FastifyReply, token: string, saved: boolean) => {
    const subscriber = await subscriberFromLink(db, token);
    if (!subscriber)
      return page(request, reply, 404, (ctx) => messageView(ctx, 'newsletterPrefsTitle', 'newsletterLinkInvalid'));
    const topicIds = await subscriberTopicIds(db.kysely, subscriber.id);
    return page(request, reply, 200, (ctx) => ({
      title: ctx.t('newsletterPrefsTitle'),
      body: (
        <PreferencesPage
          ctx={ctx}
          email={subscriber.email}
          token={token}
          state={{ email: subscriber.email, lang: subscriber.lang, topicIds }}
          unsubscribed={subscriber.status !== 'confirmed'}
          saved={saved}
        />
      ),
    }));
  };

  app.get('/:lang/newsletter/preferences', async (request: LangRequest, reply) =>
    preferencesPage(request, reply, queryToken(request), false),
  );

  app.post('/:lang/newsletter/preferences', async (request: LangRequest, reply) => {
    const body = request.body ?? {};
    const token = field(body, 'token');
    const subscriber = await subscriberFromLink(db, token);
    if (!subscriber || !notCrossSite(request))
      return page(request, reply, 403, (ctx) => messageView(ctx, 'newsletterPrefsTitle', 'newsletterLinkInvalid'));
    const form = readSignupForm({ ...body, email: subscriber.email }, subscriber.lang);
    const problem = checkSignupFields(await deps.site.content.getCatalog(), form);
    if (problem)
      return page(request, reply, 400, (ctx) => messageView(ctx, 'newsletterPrefsTitle', problem.key as MessageKey));
    await updatePreferences(db.kysely, subscriber.id, form.prefs);
    return preferencesPage(request, reply, token, true);
  });

  app.get('/:lang/newsletter/unsubscribe', async (request: LangRequest, reply) => {
    const subscriber = await subscriberFromLink(db, queryToken(request));
    if (!subscriber)
      return page(request, reply, 404, (ctx) =>
        messageView(ctx, 'newsletterUnsubscribeTitle', 'newsletterLinkInvalid'),
      );
    return page(request, reply, 200, (ctx) => ({
      title: ctx.t('newsletterUnsubscribeTitle'),
      body: (
        <MessagePage
          ctx={ctx}
          title={ctx.t('newsletterUnsubscribeTitle')}
          text={ctx.t('newsletterUnsubscribeText', { email: subscriber.email })}
          action={{
            url: `${newsletterPaths.unsubscribe(ctx.lang)}?token=${encodeURIComponent(queryToken(request))}`,
            label: ctx.t('newsletterUnsubscribeButton'),
            fields: {},
          }}
        />
      ),
    }));
  });

  // The one-click endpoint of RFC 8058: a POST to the List-Unsubscribe URL, authorised by
  // the signed token alone (mail providers send it from their own servers).
  app.post('/:lang/newsletter/unsubscribe', async (request: LangRequest, reply) => {
    const subscriber = await subscriberFromLink(db, queryToken(request));
    if (!subscriber)
      return page(request, reply, 404, (ctx) =>
        messageView(ctx, 'newsletterUnsubscribeTitle', 'newsletterLinkInvalid'),
      );
    await unsubscribe(db.kysely, subscriber.id);
    return page(request, reply, 200, (ctx) =>
      messageView(ctx, 'newsletterUnsubscribedTitle', 'newsletterUnsubscribedText'),
    );
  });
}
