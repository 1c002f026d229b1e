import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import { registerAdmin } from './admin/admin-plugin.js';
import { registerCitationRoutes } from './citations/citation-routes.js';
import type { Config } from './config.js';
import type { ContentService } from './content/content-service.js';
import type { Db } from './db/create-db.js';
import type { Mailer } from './mail/mailer.js';
import type { MediaStore } from './media/media-store.js';
import { loadAssets } from './site/assets.js';
import { SiteError, badRequest } from './site/http-errors.js';
import { PageCache, toCachedPage } from './site/page-cache.js';
import { renderErrorPage, sendPage, type SiteDeps } from './site/page-handler.js';
import { sendEncoded } from './site/send-encoded.js';
import { registerSiteRoutes } from './site/site-routes.js';
import { registerNewsletterRoutes } from './newsletter/newsletter-routes.js';
import { registerDiscoveryRoutes } from './discovery/discovery-routes.js';
import { registerFeedRoutes } from './feeds/feed-routes.js';
import { registerEventRoutes } from './events/event-routes.js';
import { registerPodcastRoutes } from './podcast/podcast-routes.js';
import { registerMediaSectionRoutes } from './press/media-section-routes.js';
import { recordRoutes } from './site/route-list.js';
import { registerHealthRoutes } from './site/health-routes.js';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from './db/db-unavailable.js';

export interface AppDeps {
  config: Pick<Config, 'publicUrl' | 'dataDir' | 'pageCacheMb'> & Partial<Pick<Config, 'trustProxy' | 'mediaDir'>>;
  db: Db;
  content: ContentService;
  mailer: Mailer;
  mediaStore: MediaStore;
  logger?: FastifyServerOptions['logger'];
}

/** Strict policy for pages: nothing from other hosts (but two video players, framed on request), no inline script or style. */
const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self'; font-src 'self'; " +
  // base-uri 'none' (ASVS 5.0 3.4.3): no page uses <base>, so an injected one can move nothing.
  "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; " +
  // Video players, framed only after the reader presses play (src/site/assets/video-player.js).
  'frame-src https://www.youtube-nocookie.com https://player.vimeo.com';
/** Uploaded files can never run as a page, whatever their content. */
const MEDIA_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox";
/** One year, subdomains included (ASVS 3.4.1); sent only on requests that came over HTTPS. */
const HSTS = 'max-age=31536000; includeSubDomains';
/**
 * Uploads a browser may show in place: raster images, audio and video (players, <img>).
 * Anything else, PDFs included (their links already say `download`), is served as an attachment.
 */
const INLINE_MEDIA = /^(image\/(png|jpeg|gif|webp|avif)|audio\/|video\/)/i;

const isMediaUrl = (url: string) => url.startsWith('/media/');

/** The headers every response carries, error pages and malformed requests included. */
function setSecurityHeaders(request: FastifyRequest, reply: FastifyReply, httpsSite: boolean) {
  reply
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'strict-origin-when-cross-origin')
    .header('x-frame-options', 'DENY')
    .header('content-security-policy', isMediaUrl(request.url) ? MEDIA_CSP : PAGE_CSP);
  // request.protocol honours X-Forwarded-Proto only from a hop TRUST_PROXY names.
  if (httpsSite || request.protocol === 'https') reply.header('strict-transport-security', HSTS);
}

/** U+0000 in any input: PostgreSQL cannot store it (a 500 there), and no text needs it. */
function hasNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\0');
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value) || depth > 8) return false;
  return Object.values(value).some((v) => hasNul(v, depth + 1));
}

const MALFORMED = Symbol('malformed query string');

/** Parses a query string, flagging malformed percent-encoding instead of guessing. */
function parseQueryString(raw: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const pair of raw.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    let key: string;
    let value: string;
    try {
      key = decodeURIComponent((eq === -1 ? pair : pair.slice(0, eq)).replaceAll('+', ' '));
      value = eq === -1 ? '' : decodeURIComponent(pair.slice(eq + 1).replaceAll('+', ' '));
    } catch {
      return Object.assign(Object.create(null), { [MALFORMED]: true });
    }
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    const existing = out[key];
    out[key] = existing === undefined ? value : ([] as string[]).concat(existing, value);
  }
  return out;
}

/** Builds the application without listening, so tests can use `inject()`. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const httpsSite = deps.config.publicUrl.startsWith('https://');
  const app = Fastify({
    logger: deps.logger ?? false,
    routerOptions: { querystringParser: parseQueryString, ignoreTrailingSlash: false, maxParamLength: 300 },
    disableRequestLogging: true,
    // Behind nginx or a load balancer the client's address comes from X-Forwarded-For, but
    // only when the hop that sent it is one we were told to trust.
    trustProxy: deps.config.trustProxy ?? false,
    // A path that cannot be decoded, or a parameter over maxParamLength, is answered before any
    // hook runs; without this it would be Fastify's JSON, echoing the path, with no security headers.
    frameworkErrors: (error, request, reply: FastifyReply) => {
      setSecurityHeaders(request, reply, httpsSite);
      reply
        .code(error.statusCode === 414 ? 414 : 400)
        .header('cache-control', 'no-store')
        .type('text/plain; charset=utf-8')
        .send('Bad request');
    },
  });
  recordRoutes(app);
  // Every form on the site and in the admin is urlencoded or multipart. A JSON body would hand
  // handlers objects and arrays where they read strings: refuse it (415) everywhere.
  app.removeContentTypeParser('application/json');
  const assets = loadAssets();
  const site: SiteDeps = {
    db: deps.db,
    content: deps.content,
    publicUrl: deps.config.publicUrl,
    stylesheet: assets.stylesheet.url,
    scripts: assets.scripts,
    cache: new PageCache(deps.config.pageCacheMb * 1024 * 1024),
  };

  // Set before any route or plugin scope is registered: a scope copies the handler it finds,
  // and the events and newsletter scopes would otherwise answer a 500 with Fastify's JSON,
  // database error message included.
  app.setErrorHandler(async (error: Error & { statusCode?: number }, request, reply) => {
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      return sendDatabaseUnavailable(reply);
    }
    const known = error instanceof SiteError ? error : undefined;
    // Fastify's own client errors (bad JSON, oversized URL…) keep their 4xx status.
    const status = known?.status ?? (typeof error.statusCode === 'number' && error.statusCode < 500 ? 400 : 500);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    const pageError = known ?? (status === 400 ? badRequest('invalidQuery') : { status: 500 as const });
    try {
      const html = await renderErrorPage(site, request, pageError);
      return sendPage(request, reply, toCachedPage(status, html), 'no-store');
    } catch (renderError) {
      // The database itself may be what failed; answer in plain text rather than not at all.
      request.log.error({ err: renderError }, 'error page failed');
      return reply
        .code(status)
        .type('text/plain; charset=utf-8')
        .send(status === 404 ? 'Not found' : 'Server error');
    }
  });

  // Malformed input is answered here, with the site's 400 page, whatever scope the route is
  // in: admin's error handler runs before its cookies are parsed and knows no SiteError.
  const answerBadRequest = async (request: FastifyRequest, reply: FastifyReply, reason?: 'invalidQuery') => {
    const html = await renderErrorPage(site, request, new SiteError(400, reason));
    return sendPage(request, reply, toCachedPage(400, html), 'no-store');
  };

  app.addHook('onRequest', async (request, reply) => {
    setSecurityHeaders(request, reply, httpsSite);
    if ((request.query as Record<symbol, unknown>)[MALFORMED] || request.url.includes('%00'))
      return answerBadRequest(request, reply, 'invalidQuery');
  });
  app.addHook('preValidation', async (request, reply) => {
    if (hasNul(request.body)) return answerBadRequest(request, reply);
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const type = String(reply.getHeader('content-type') ?? '');
    if (isMediaUrl(request.url) && (reply.statusCode === 200 || reply.statusCode === 206) && !INLINE_MEDIA.test(type))
      reply.header('content-disposition', 'attachment');
    return payload;
  });

  app.get('/assets/:file', async (request, reply) => {
    const asset = assets.byUrl.get(request.url.split('?')[0] ?? '');
    if (!asset) throw new SiteError(404);
    reply.header('content-type', asset.contentType).header('cache-control', 'public, max-age=31536000, immutable');
    return sendEncoded(request, reply, asset);
  });

  await app.register(fastifyStatic, {
    root: deps.config.mediaDir ?? join(deps.config.dataDir, 'media'),
    prefix: '/media/',
    decorateReply: false,
    index: false,
    dotfiles: 'deny',
    maxAge: '7d',
  });

  registerHealthRoutes(app, deps.db);

  await registerAdmin(app, {
    db: deps.db,
    content: deps.content,
    mailer: deps.mailer,
    mediaStore: deps.mediaStore,
    site,
    publicUrl: deps.config.publicUrl,
  });
  await registerNewsletterRoutes(app, { site, mailer: deps.mailer });
  await registerEventRoutes(app, { site, mailer: deps.mailer });
  registerMediaSectionRoutes(app, site);
  registerPodcastRoutes(app, site);
  registerSiteRoutes(app, site);
  registerCitationRoutes(app, site);
  registerDiscoveryRoutes(app, site);
  registerFeedRoutes(app, site);

  app.setNotFoundHandler(async (request, reply) => {
    const html = await renderErrorPage(site, request, new SiteError(404));
    return sendPage(request, reply, toCachedPage(404, html), 'no-store');
  });

  return app;
}

/** A page that needs nothing from the database, in both languages, asking to retry shortly. */
function sendDatabaseUnavailable(reply: FastifyReply) {
  return reply
    .code(503)
    .header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS))
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Back in a moment</title></head><body>' +
        '<h1>Back in a moment</h1><p>The site cannot reach its database just now. Please try again in a few seconds.</p>' +
        '<div lang="he" dir="rtl"><h1>נחזור בעוד רגע</h1><p>האתר אינו מגיע כרגע למסד הנתונים. נסו שוב בעוד כמה שניות.</p></div>' +
        '</body></html>',
    );
}
