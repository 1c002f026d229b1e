import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { SiteScripts } from './assets.js';
import type { ContentService } from '../content/content-service.js';
import type { Db } from '../db/create-db.js';
import type { Lang } from '../db/schema.js';
import { SiteError, notFound } from './http-errors.js';
import { isLang, translator } from './i18n/index.js';
import { PageCache, toCachedPage, type CachedPage } from './page-cache.js';
import { parsePage } from './query-params.js';
import { sendEncoded } from './send-encoded.js';
import { Layout } from './views/layout.js';
import { ErrorPage, errorTitle } from './views/error-page.js';
import type { PageContext, PageMeta } from './views/page-context.js';

export interface SiteDeps {
  db: Db;
  content: ContentService;
  publicUrl: string;
  stylesheet: string;
  scripts: SiteScripts;
  cache: PageCache;
}

/** A page ready to render: its head metadata and its main content. */
export interface View {
  meta: PageMeta;
  body: VNode;
}

export type Params = Record<string, string>;
export type Query = Record<string, unknown>;
/** Builds one page; `page` is the validated `?page=` number. */
export type Handler = (ctx: PageContext, params: Params, query: Query, page: number) => Promise<View>;

const REVALIDATE = 'public, max-age=0, must-revalidate';

export function renderDocument(ctx: PageContext, view: View): string {
  return (
    '<!doctype html>' +
    renderToString(
      <Layout ctx={ctx} meta={view.meta}>
        {view.body}
      </Layout>,
    )
  );
}

/** Sends a rendered page, honouring If-None-Match and Accept-Encoding. */
export function sendPage(request: FastifyRequest, reply: FastifyReply, page: CachedPage, cacheControl: string) {
  reply
    .header('content-type', 'text/html; charset=utf-8')
    .header('etag', page.etag)
    .header('cache-control', cacheControl);
  if (page.status === 200 && request.headers['if-none-match'] === page.etag) return reply.code(304).send();
  return sendEncoded(request, reply.code(page.status), page);
}

export async function pageContext(deps: SiteDeps, lang: Lang): Promise<PageContext> {
  return {
    lang,
    t: translator(lang),
    catalog: await deps.content.getCatalog(),
    publicUrl: deps.publicUrl,
    stylesheet: deps.stylesheet,
    scripts: deps.scripts,
  };
}

/**
 * Turns a Handler into a route handler: checks the language, validates `?page=`, and
 * serves from the page cache when `cacheable`. The cache key ignores other query
 * parameters, so tracking parameters cannot multiply cache entries.
 */
export function createPageHandler(deps: SiteDeps) {
  return (handler: Handler, options: { cacheable: boolean } = { cacheable: true }) =>
    async (request: FastifyRequest<{ Params: Params; Querystring: Query }>, reply: FastifyReply) => {
      const lang = request.params.lang ?? '';
      if (!isLang(lang)) throw notFound();
      const pageNumber = parsePage(request.query);
      const key = `${request.routeOptions.url}|${JSON.stringify(request.params)}|${pageNumber}`;
      const hit = options.cacheable ? deps.cache.get(key) : undefined;
      if (hit) return sendPage(request, reply, hit, REVALIDATE);
      const generation = deps.cache.generation;
      const ctx = await pageContext(deps, lang);
      const view = await handler(ctx, request.params, request.query, pageNumber);
      const rendered = toCachedPage(200, renderDocument(ctx, view));
      if (options.cacheable) deps.cache.set(key, rendered, generation);
      return sendPage(request, reply, rendered, options.cacheable ? REVALIDATE : 'no-store');
    };
}

/** The browser's preferred site language from Accept-Language (Hebrew if listed first). */
export function preferredLanguage(request: FastifyRequest): Lang {
  return /^\s*he\b/i.test(request.headers['accept-language'] ?? '') ? 'he' : 'en';
}

/** The visitor's language for an error page: the URL prefix, else Accept-Language. */
function errorLanguage(request: FastifyRequest): Lang {
  const prefix = /^\/(en|he)(\/|$)/.exec(request.url)?.[1];
  return prefix && isLang(prefix) ? prefix : preferredLanguage(request);
}

/** Renders the 400/404/500 page in the visitor's language. */
export async function renderErrorPage(
  deps: SiteDeps,
  request: FastifyRequest,
  error: SiteError | { status: 500 },
): Promise<string> {
  const ctx = await pageContext(deps, errorLanguage(request));
  const reason = error instanceof SiteError && error.reason ? ctx.t(error.reason, error.vars) : undefined;
  const title = errorTitle(ctx.t, error.status);
  return renderDocument(ctx, {
    meta: { title, description: title, path: request.url.split('?')[0] ?? '/', alternates: {}, noindex: true },
    body: <ErrorPage ctx={ctx} status={error.status} reason={reason} />,
  });
}
