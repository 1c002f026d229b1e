import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { inLang } from '../content/bilingual.js';
import type { Lang } from '../db/schema.js';
import { field, type FormBody } from '../editorial/form-body.js';
import type { Mailer } from '../mail/mailer.js';
import { notFound } from '../site/http-errors.js';
import { isLang } from '../site/i18n/index.js';
import { toCachedPage } from '../site/page-cache.js';
import { pageContext, renderDocument, sendPage, type SiteDeps, type View } from '../site/page-handler.js';
import { paths } from '../site/paths.js';
import { notCrossSite } from '../site/same-origin.js';
import type { PageContext } from '../site/views/page-context.js';
import { findEventBySlug } from './event-queries.js';
import { eventView } from './event-page.js';
import { checkRegistrationFields, readRegistrationForm } from './registration-form.js';
import { registrationFromLink } from './registration-links.js';
import { EventMessagePage, type RegistrationFormState } from './registration-views.js';
import { cancelRegistration, submitRegistration, type EventMailDeps, type SubmitOutcome } from './registrations.js';

type RegistrationRequest = FastifyRequest<{
  Params: { lang: string; slug?: string };
  Querystring: Record<string, unknown>;
  Body: FormBody;
}>;

function langOf(request: RegistrationRequest): Lang {
  if (!isLang(request.params.lang)) throw notFound();
  return request.params.lang;
}

/** Sends a page that is never cached: it answers one visitor's form. */
function sendView(request: FastifyRequest, reply: FastifyReply, ctx: PageContext, view: View, status: number) {
  return sendPage(request, reply, toCachedPage(status, renderDocument(ctx, view)), 'no-store');
}

/** A short page answering one visitor (registered, cancelled…): never indexed. */
function messageView(ctx: PageContext, path: string, page: Parameters<typeof EventMessagePage>[0]): View {
  return {
    meta: { title: page.title, description: page.title, path, alternates: {}, noindex: true, noNewsletterBox: true },
    body: <EventMessagePage {...page} ctx={ctx} />,
  };
}

/** Title and text after a registration went through: new or already there, seated or waiting. */
const OUTCOME_MESSAGES = {
  registered: {
    confirmed: ['eventRegConfirmedTitle', 'eventRegConfirmedText'],
    waitlisted: ['eventRegWaitlistedTitle', 'eventRegWaitlistedText'],
  },
  existing: {
    confirmed: ['eventRegAlreadyTitle', 'eventRegAlreadyConfirmed'],
    waitlisted: ['eventRegAlreadyTitle', 'eventRegAlreadyWaitlisted'],
  },
} as const;

function outcomeTexts(
  ctx: PageContext,
  outcome: Extract<SubmitOutcome, { status: unknown }>,
  vars: { title: string; email: string },
) {
  const [title, text] = OUTCOME_MESSAGES[outcome.kind][outcome.status];
  const texts = [ctx.t(text, { ...vars, position: outcome.position })];
  if (outcome.mailError) texts.push(ctx.t('eventRegMailFailed'));
  return { title: ctx.t(title), texts };
}

/** Registration from the event page, and cancellation from the link in the mail. */
export function registerRegistrationRoutes(app: FastifyInstance, site: SiteDeps, mailer: Mailer) {
  const mailDeps: EventMailDeps = { db: site.db, content: site.content, mailer, publicUrl: site.publicUrl };

  app.post('/:lang/events/:slug/register', async (request: RegistrationRequest, reply) => {
    const lang = langOf(request);
    const event = await findEventBySlug(site.db.kysely, lang, request.params.slug ?? '');
    if (!event) throw notFound();
    const ctx = await pageContext(site, lang);
    const form = readRegistrationForm(request.body ?? {});
    const typed: RegistrationFormState = { name: form.name, email: form.email, organisation: form.organisation };
    const refuse = async (status: number, problem?: RegistrationFormState['problem']) =>
      sendView(request, reply, ctx, await eventView(site, ctx, event, { ...typed, problem }), status);

    if (!notCrossSite(request)) return refuse(403, { field: 'form', message: ctx.t('eventRegForeignForm') });
    const invalid = checkRegistrationFields(form);
    if (invalid) return refuse(400, { field: invalid.field, message: ctx.t(invalid.key) });
    const outcome = await submitRegistration(mailDeps, event, form, { lang, ip: request.ip });
    switch (outcome.kind) {
      case 'closed':
        // The page now says "registration is closed" where the form was.
        return refuse(409);
      case 'proof-failed':
        return refuse(400, { field: 'form', message: ctx.t('eventRegProofFailed') });
      case 'too-many':
        reply.header('retry-after', String(outcome.minutes * 60));
        return refuse(429, { field: 'form', message: ctx.t('eventRegTooMany', { minutes: outcome.minutes }) });
    }
    if (outcome.mailError) request.log.error({ err: outcome.mailError }, 'event registration mail failed');
    const slug = inLang(event, 'slug', lang);
    const { title, texts } = outcomeTexts(ctx, outcome, { title: inLang(event, 'title', lang), email: form.email });
    const page = { ctx, title, texts, eventHref: paths.event(lang, slug) };
    return sendView(request, reply, ctx, messageView(ctx, paths.eventRegistration(lang, slug), page), 200);
  });

  registerCancellationRoutes(app, site, mailDeps);
}

/** The registration a cancellation token names, with its event; undefined for a bad token. */
async function findCancellation(site: SiteDeps, token: string) {
  const registration = await registrationFromLink(site.db, token);
  if (!registration) return undefined;
  const event = await site.db.kysely
    .selectFrom('events')
    .selectAll()
    .where('id', '=', registration.event_id)
    .executeTakeFirst();
  return event && { registration, event };
}

type Cancellation = NonNullable<Awaited<ReturnType<typeof findCancellation>>>;

/** "Press the button to cancel" while the registration stands, "cancelled" once it does not. */
function cancellationView(ctx: PageContext, found: Cancellation, token: string): View {
  const { t, lang } = ctx;
  const { registration, event } = found;
  const title = inLang(event, 'title', lang) || inLang(event, 'title', registration.lang);
  const slug = inLang(event, 'slug', lang);
  const eventHref = slug && event.status === 'published' ? paths.event(lang, slug) : undefined;
  const path = paths.cancelRegistration(lang);
  if (registration.status === 'cancelled') {
    const texts = [t('eventCancelledText', { title })];
    return messageView(ctx, path, { ctx, title: t('eventCancelledTitle'), texts, eventHref });
  }
  return messageView(ctx, path, {
    ctx,
    title: t('eventCancelTitle'),
    texts: [t('eventCancelText', { email: registration.email, title })],
    action: { url: path, label: t('eventCancelButton'), fields: { token } },
    eventHref,
  });
}

function refusalView(ctx: PageContext, message: 'eventCancelInvalid' | 'eventRegForeignForm'): View {
  const title = ctx.t('eventCancelTitle');
  return messageView(ctx, paths.cancelRegistration(ctx.lang), { ctx, title, texts: [ctx.t(message)] });
}

/**
 * The link in every registration mail. Opening it shows a button; only the button's POST
 * cancels, so mail scanners that follow links cancel nothing. The URL holds the token, so
 * these pages pass no Referer on.
 */
function registerCancellationRoutes(app: FastifyInstance, site: SiteDeps, mailDeps: EventMailDeps) {
  app.get('/:lang/events/cancel', async (request: RegistrationRequest, reply) => {
    const ctx = await pageContext(site, langOf(request));
    const token = typeof request.query.token === 'string' ? request.query.token : '';
    const found = await findCancellation(site, token);
    reply.header('referrer-policy', 'no-referrer');
    if (!found) return sendView(request, reply, ctx, refusalView(ctx, 'eventCancelInvalid'), 404);
    return sendView(request, reply, ctx, cancellationView(ctx, found, token), 200);
  });

  app.post('/:lang/events/cancel', async (request: RegistrationRequest, reply) => {
    const ctx = await pageContext(site, langOf(request));
    reply.header('referrer-policy', 'no-referrer');
    if (!notCrossSite(request)) return sendView(request, reply, ctx, refusalView(ctx, 'eventRegForeignForm'), 403);
    const token = field(request.body ?? {}, 'token');
    const found = await findCancellation(site, token);
    if (!found) return sendView(request, reply, ctx, refusalView(ctx, 'eventCancelInvalid'), 404);
    try {
      const { mailError } = await cancelRegistration(mailDeps, found.registration.id);
      // Queued with the promotion: the outbox tries again.
      if (mailError) request.log.warn({ err: mailError }, 'waiting-list promotion mail not sent yet');
    } catch (error) {
      // Once committed, only the promoted person's mail can have failed (refused for good):
      // the cancellation stands, and staff see the failure on the registrations page.
      if ((await findCancellation(site, token))?.registration.status !== 'cancelled') throw error;
      request.log.error({ err: error }, 'waiting-list promotion mail failed');
    }
    const cancelled = { ...found, registration: { ...found.registration, status: 'cancelled' as const } };
    return sendView(request, reply, ctx, cancellationView(ctx, cancelled, token), 200);
  });
}
