import fastifyFormbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Lang } from '../db/schema.js';
import type { Mailer } from '../mail/mailer.js';
import { notFound } from '../site/http-errors.js';
import { isLang, translator } from '../site/i18n/index.js';
import { createPageHandler, type SiteDeps } from '../site/page-handler.js';
import { inBothLanguages, paths, withPage } from '../site/paths.js';
import { calendarIcs, eventIcs, ICS_CONTENT_TYPE } from './event-calendar.js';
import { calendarLink, eventView } from './event-page.js';
import { calendarEvents, findEventBySlug, listEvents, type EventPeriod } from './event-queries.js';
import { EventListPage } from './event-views.js';
import { registerRegistrationRoutes } from './registration-routes.js';
import { emptyRegistrationForm } from './registration-views.js';

const PER_PAGE = 12;
const FORM_LIMIT = 16 * 1024;
/** Calendar apps poll subscriptions; five minutes of staleness spares us their traffic. */
const ICS_CACHE = 'public, max-age=300';

export interface EventRouteDeps {
  site: SiteDeps;
  mailer: Mailer;
}

/**
 * Public events: listings, event pages, iCalendar files, registration and cancellation.
 * `/:lang/events…` are fixed paths, so the site's `/:lang/:slug` catch-all never takes them.
 */
export async function registerEventRoutes(app: FastifyInstance, deps: EventRouteDeps) {
  await app.register(async (scope) => {
    await scope.register(fastifyFormbody, { bodyLimit: FORM_LIMIT });
    registerEventPages(scope, deps.site);
    registerCalendarRoutes(scope, deps.site);
    registerRegistrationRoutes(scope, deps.site, deps.mailer);
  });
}

/**
 * Events pages are not cached: seats left and "upcoming" change without any content
 * change, and a stale "seats left" would mislead. Each is a handful of indexed queries.
 */
function registerEventPages(app: FastifyInstance, site: SiteDeps) {
  const page = createPageHandler(site);
  const uncached = { cacheable: false };
  const listing = (period: EventPeriod, pathFor: (lang: Lang) => string) =>
    page(async (ctx, _params, _query, pageNumber) => {
      const result = await listEvents(site.db.kysely, { lang: ctx.lang, period }, pageNumber, PER_PAGE);
      if (pageNumber > 1 && result.items.length === 0) throw notFound();
      const title = period === 'upcoming' ? ctx.t('eventsUpcoming') : ctx.t('eventsPast');
      return {
        meta: {
          title: pageNumber > 1 ? `${title} (${ctx.t('pageN', { n: pageNumber })})` : title,
          description: period === 'upcoming' ? ctx.t('eventsIntro') : ctx.t('eventsPastIntro'),
          ...inBothLanguages(ctx.lang, (l) => withPage(pathFor(l), pageNumber)),
          feeds: [calendarLink(ctx)],
        },
        body: <EventListPage ctx={ctx} period={period} listing={result} />,
      };
    }, uncached);

  app.get('/:lang/events', listing('upcoming', paths.events));
  app.get('/:lang/events/past', listing('past', paths.pastEvents));
  app.get(
    '/:lang/events/:slug',
    page(async (ctx, params) => {
      const event = await findEventBySlug(site.db.kysely, ctx.lang, params.slug ?? '');
      if (!event) throw notFound();
      return eventView(site, ctx, event, emptyRegistrationForm);
    }, uncached),
  );
}

type IcsRequest = FastifyRequest<{ Params: { lang: string; slug?: string } }>;

function icsLang(request: IcsRequest): Lang {
  if (!isLang(request.params.lang)) throw notFound();
  return request.params.lang;
}

function sendIcs(reply: FastifyReply, body: string) {
  return reply.header('content-type', ICS_CONTENT_TYPE).header('cache-control', ICS_CACHE).send(body);
}

function registerCalendarRoutes(app: FastifyInstance, site: SiteDeps) {
  app.get('/:lang/events/:slug/event.ics', async (request: IcsRequest, reply) => {
    const lang = icsLang(request);
    const event = await findEventBySlug(site.db.kysely, lang, request.params.slug ?? '');
    if (!event) throw notFound();
    reply.header('content-disposition', 'attachment; filename="event.ics"');
    return sendIcs(reply, eventIcs(event, lang, site.publicUrl));
  });

  app.get('/:lang/events.ics', async (request: IcsRequest, reply) => {
    const lang = icsLang(request);
    const institute = (await site.content.getCatalog()).settings.instituteName[lang];
    const name = translator(lang)('eventsCalendarTitle', { institute });
    const events = await calendarEvents(site.db.kysely, lang);
    return sendIcs(reply, calendarIcs(events, lang, site.publicUrl, name));
  });
}
