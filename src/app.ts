import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
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
  "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; " +
  // Video players, framed only after the reader presses play (src/site/assets/video-player.js).
  'frame-src https://www.youtube-nocookie.com https://player.vimeo.com';
/** Uploaded files can never run as a page, whatever their content. */
const MEDIA_CSP = "default-src 'none'; sandbox";

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
  const app = Fastify({
    logger: deps.logger ?? false,
    routerOptions: { querystringParser: parseQueryString, ignoreTrailingSlash: false, maxParamLength: 300 },
    disableRequestLogging: true,
    // Behind nginx or a load balancer the client's address comes from X-Forwarded-For, but
    // only when the hop that sent it is one we were told to trust.
    trustProxy: deps.config.trustProxy ?? false,
  });
  recordRoutes(app);
  const assets = loadAssets();
  const site: SiteDeps = {
    db: deps.db,
    content: deps.content,
    publicUrl: deps.config.publicUrl,
    stylesheet: assets.stylesheet.url,
    scripts: assets.scripts,
    cache: new PageCache(deps.config.pageCacheMb * 1024 * 1024),
  };

  app.addHook('onRequest', async (request, reply) => {
    reply
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'strict-origin-when-cross-origin')
      .header('x-frame-options', 'DENY')
      .header('content-security-policy', request.url.startsWith('/media/') ? MEDIA_CSP : PAGE_CSP);
    if ((request.query as Record<symbol, unknown>)[MALFORMED]) throw badRequest('invalidQuery');
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
