import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { findTopicBySlug, topicAncestors, topicWithDescendants } from '../content/catalog.js';
import type { ContentService } from '../content/content-service.js';
import {
  featuredPublications,
  latestPublications,
  findPublicationBySlug,
  listPublications,
  yearsWithCounts,
  type ListFilter,
} from '../content/publication-queries.js';
import type { Db } from '../db/create-db.js';
import type { Lang } from '../db/schema.js';
import { search, type SearchFilters } from '../search/search-service.js';
import { SiteError, badRequest, notFound } from './http-errors.js';
import { isLang, otherLang, translator, type Translate } from './i18n/index.js';
import { PageCache, toCachedPage, type CachedPage } from './page-cache.js';
import { paths, withPage } from './paths.js';
import { parseIdParam, parsePage, parseStringParam } from './query-params.js';
import { HomePage } from './views/home-page.js';
import { Layout } from './views/layout.js';
import {
  ArchivePage,
  ErrorPage,
  ExpertsPage,
  ListingPage,
  StaticPage,
  TopicsIndexPage,
} from './views/listing-pages.js';
import type { PageContext, PageMeta } from './views/page-context.js';
import { PublicationPage } from './views/publication-page.js';
import { SearchPage } from './views/search-page.js';

const PER_PAGE = 12;

export interface SiteDeps {
  db: Db;
  content: ContentService;
  publicUrl: string;
  stylesheet: string;
  cache: PageCache;
}

/** A page ready to render: its head metadata and its main content. */
interface View {
  meta: PageMeta;
  body: VNode;
}

type Params = Record<string, string>;
type Query = Record<string, unknown>;
type Handler = (ctx: PageContext, params: Params, query: Query) => Promise<View>;

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

/** Sends a cached page, honouring If-None-Match and Accept-Encoding. */
export function sendPage(request: FastifyRequest, reply: FastifyReply, page: CachedPage, cacheControl: string) {
  reply
    .header('content-type', 'text/html; charset=utf-8')
    .header('etag', page.etag)
    .header('vary', 'Accept-Encoding')
    .header('cache-control', cacheControl);
  if (page.status === 200 && request.headers['if-none-match'] === page.etag) return reply.code(304).send();
  const accept = request.headers['accept-encoding'] ?? '';
  reply.code(page.status);
  if (/\bbr\b/.test(accept)) return reply.header('content-encoding', 'br').send(page.brotli);
  if (/\bgzip\b/.test(accept)) return reply.header('content-encoding', 'gzip').send(page.gzip);
  return reply.send(page.body);
}

export async function pageContext(deps: SiteDeps, lang: Lang): Promise<PageContext> {
  return {
    lang,
    t: translator(lang),
    catalog: await deps.content.getCatalog(),
    publicUrl: deps.publicUrl,
    stylesheet: deps.stylesheet,
  };
}

/** The same path in both languages (for pages that exist in both). */
function bothLanguages(build: (lang: Lang) => string): Partial<Record<Lang, string>> {
  return { en: build('en'), he: build('he') };
}

function nameIn(lang: Lang, x: { name_en: string; name_he: string }) {
  return lang === 'he' ? x.name_he : x.name_en;
}

function pageTitle(t: Translate, title: string, page: number) {
  return page > 1 ? `${title} (${t('pageN', { n: page })})` : title;
}

/** Registers the public site: every page under /en and /he, cached until content changes. */
export function registerSiteRoutes(app: FastifyInstance, deps: SiteDeps) {
  const { db, content, cache } = deps;

  /** Wraps a handler with language checking and the page cache. */
  const page =
    (handler: Handler, options: { cacheable: boolean } = { cacheable: true }) =>
    async (request: FastifyRequest<{ Params: Params; Querystring: Query }>, reply: FastifyReply) => {
      const lang = request.params.lang ?? '';
      if (!isLang(lang)) throw notFound();
      const pageNumber = parsePage(request.query);
      const key = `${request.routeOptions.url}|${JSON.stringify(request.params)}|${pageNumber}`;
      const hit = options.cacheable ? cache.get(key) : undefined;
      if (hit) return sendPage(request, reply, hit, 'public, max-age=0, must-revalidate');
      const ctx = await pageContext(deps, lang);
      const view = await handler(ctx, request.params, request.query);
      const rendered = toCachedPage(200, renderDocument(ctx, view));
      if (options.cacheable) cache.set(key, rendered);
      return sendPage(request, reply, rendered, options.cacheable ? 'public, max-age=0, must-revalidate' : 'no-store');
    };

  const listing = async (ctx: PageContext, query: Query, filter: Omit<ListFilter, 'lang'>) => {
    const pageNumber = parsePage(query);
    const result = await listPublications(db.kysely, { ...filter, lang: ctx.lang }, pageNumber, PER_PAGE);
    if (pageNumber > 1 && result.items.length === 0) throw notFound();
    return result;
  };

  app.get('/', async (request, reply) => {
    const prefersHebrew = /^\s*he\b/i.test(request.headers['accept-language'] ?? '');
    return reply.redirect(paths.home(prefersHebrew ? 'he' : 'en'), 302);
  });

  app.get('/:lang', async (request: FastifyRequest<{ Params: Params }>, reply) => {
    if (!isLang(request.params.lang ?? '')) throw notFound();
    return reply.redirect(`/${request.params.lang}/`, 301);
  });

  app.get(
    '/:lang/',
    page(async (ctx) => {
      const { lang, catalog } = ctx;
      const [featured, ...perType] = await Promise.all([
        featuredPublications(db.kysely, lang, 4),
        ...catalog.types.map((type) => latestPublications(db.kysely, { lang, typeId: type.id }, 3)),
      ]);
      const latestByType = catalog.types
        .map((type, i) => ({ type, cards: perType[i] ?? [] }))
        .filter((x) => x.cards.length > 0);
      const name = catalog.settings.instituteName[lang];
      return {
        meta: {
          title: name,
          description: catalog.settings.tagline[lang],
          path: paths.home(lang),
          alternates: bothLanguages(paths.home),
        },
        body: <HomePage ctx={ctx} data={{ featured, latestByType }} />,
      };
    }),
  );

  app.get(
    '/:lang/publications/:slug',
    page(async (ctx, params) => {
      const detail = await findPublicationBySlug(db.kysely, ctx.lang, params.slug ?? '');
      if (!detail) throw notFound();
      const recent = await latestPublications(db.kysely, { lang: ctx.lang }, 6);
      const p = detail.publication;
      const alternates: Partial<Record<Lang, string>> = { [ctx.lang]: paths.publication(ctx.lang, p.slug) };
      if (detail.translation)
        alternates[detail.translation.lang] = paths.publication(detail.translation.lang, detail.translation.slug);
      return {
        meta: {
          title: p.title,
          description: p.seo_description || p.summary,
          path: paths.publication(ctx.lang, p.slug),
          alternates,
        },
        body: <PublicationPage ctx={ctx} detail={detail} recent={recent.filter((c) => c.id !== p.id).slice(0, 5)} />,
      };
    }),
  );

  app.get(
    '/:lang/types/:slug',
    page(async (ctx, params, query) => {
      const type = ctx.catalog.typeBySlug.get(params.slug ?? '');
      if (!type) throw notFound();
      const base = paths.type(ctx.lang, type);
      const result = await listing(ctx, query, { typeId: type.id });
      const title = ctx.lang === 'he' ? type.plural_he : type.plural_en;
      return {
        meta: {
          title: pageTitle(ctx.t, title, result.page),
          description: title,
          path: withPage(base, result.page),
          alternates: bothLanguages((l) => withPage(paths.type(l, type), result.page)),
        },
        body: <ListingPage ctx={ctx} title={title} crumbs={[{ label: title }]} listing={result} basePath={base} />,
      };
    }),
  );

  app.get(
    '/:lang/topics',
    page(async (ctx) => ({
      meta: {
        title: ctx.t('allTopics'),
        description: ctx.t('allTopics'),
        path: paths.topics(ctx.lang),
        alternates: bothLanguages(paths.topics),
      },
      body: <TopicsIndexPage ctx={ctx} />,
    })),
  );

  app.get(
    '/:lang/topics/:slug',
    page(async (ctx, params, query) => {
      const topic = findTopicBySlug(ctx.catalog, ctx.lang, params.slug ?? '');
      if (!topic) throw notFound();
      const base = paths.topic(ctx.lang, topic);
      const result = await listing(ctx, query, { topicIds: topicWithDescendants(ctx.catalog, topic.id) });
      const title = nameIn(ctx.lang, topic);
      const children = ctx.catalog.topicChildren.get(topic.id) ?? [];
      return {
        meta: {
          title: pageTitle(ctx.t, title, result.page),
          description: ctx.lang === 'he' ? topic.description_he : topic.description_en,
          path: withPage(base, result.page),
          alternates: bothLanguages((l) => withPage(paths.topic(l, topic), result.page)),
        },
        body: (
          <ListingPage
            ctx={ctx}
            title={title}
            intro={ctx.lang === 'he' ? topic.description_he : topic.description_en}
            crumbs={[
              { label: ctx.t('topics'), href: paths.topics(ctx.lang) },
              ...topicAncestors(ctx.catalog, topic).map((a) => ({
                label: nameIn(ctx.lang, a),
                href: paths.topic(ctx.lang, a),
              })),
              { label: title },
            ]}
            listing={result}
            basePath={base}
          >
            {children.length > 0 ? (
              <ul class="tags">
                {children.map((c) => (
                  <li key={c.id}>
                    <a href={paths.topic(ctx.lang, c)}>{nameIn(ctx.lang, c)}</a>
                  </li>
                ))}
              </ul>
            ) : null}
          </ListingPage>
        ),
      };
    }),
  );

  app.get(
    '/:lang/experts',
    page(async (ctx) => ({
      meta: {
        title: ctx.t('experts'),
        description: ctx.t('expertsIntro'),
        path: paths.experts(ctx.lang),
        alternates: bothLanguages(paths.experts),
      },
      body: <ExpertsPage ctx={ctx} />,
    })),
  );

  app.get(
    '/:lang/experts/:slug',
    page(async (ctx, params, query) => {
      const person = ctx.catalog.personBySlug.get(params.slug ?? '');
      if (!person) throw notFound();
      const base = paths.expert(ctx.lang, person);
      const result = await listing(ctx, query, { personId: person.id });
      const name = nameIn(ctx.lang, person);
      const role = ctx.lang === 'he' ? person.role_he : person.role_en;
      const bio = ctx.lang === 'he' ? person.bio_he : person.bio_en;
      return {
        meta: {
          title: pageTitle(ctx.t, name, result.page),
          description: `${role}. ${bio}`.slice(0, 300),
          path: withPage(base, result.page),
          alternates: bothLanguages((l) => withPage(paths.expert(l, person), result.page)),
        },
        body: (
          <ListingPage
            ctx={ctx}
            title={name}
            intro={role}
            crumbs={[{ label: ctx.t('experts'), href: paths.experts(ctx.lang) }, { label: name }]}
            listing={result}
            basePath={base}
          >
            <p class="bio">{bio}</p>
            <h2>{ctx.t('publicationsBy', { name })}</h2>
          </ListingPage>
        ),
      };
    }),
  );

  app.get(
    '/:lang/archive',
    page(async (ctx) => ({
      meta: {
        title: ctx.t('archive'),
        description: ctx.t('archiveIntro'),
        path: paths.archive(ctx.lang),
        alternates: bothLanguages(paths.archive),
      },
      body: <ArchivePage ctx={ctx} years={await yearsWithCounts(db.kysely, ctx.lang)} />,
    })),
  );

  app.get(
    '/:lang/archive/:year',
    page(async (ctx, params, query) => {
      const raw = params.year ?? '';
      if (!/^\d{4}$/.test(raw)) throw notFound();
      const year = Number(raw);
      const base = paths.year(ctx.lang, year);
      const result = await listing(ctx, query, { year });
      if (result.total === 0) throw notFound();
      const title = ctx.t('yearTitle', { year });
      return {
        meta: {
          title: pageTitle(ctx.t, title, result.page),
          description: title,
          path: withPage(base, result.page),
          alternates: bothLanguages((l) => withPage(paths.year(l, year), result.page)),
        },
        body: (
          <ListingPage
            ctx={ctx}
            title={title}
            crumbs={[{ label: ctx.t('archive'), href: paths.archive(ctx.lang) }, { label: String(year) }]}
            listing={result}
            basePath={base}
          />
        ),
      };
    }),
  );

  // Search results are not cached: the space of queries is unbounded, and caching them
  // would let anyone evict the pages that matter.
  app.get(
    '/:lang/search',
    page(
      async (ctx, _params, query) => {
        const { catalog } = ctx;
        const q = parseStringParam(query, 'q');
        const language = parseStringParam(query, 'language');
        if (language !== '' && !isLang(language)) throw badRequest('invalidFilter', { name: 'language' });
        const yearRaw = parseStringParam(query, 'year');
        if (yearRaw !== '' && !/^\d{4}$/.test(yearRaw)) throw badRequest('invalidFilter', { name: 'year' });
        const filters: SearchFilters = {
          type: parseIdParam(query, 'type', (id) => catalog.typeById.has(id)),
          topic: parseIdParam(query, 'topic', (id) => catalog.topicById.has(id)),
          author: parseIdParam(query, 'author', (id) => catalog.personById.has(id)),
          year: yearRaw === '' ? undefined : Number(yearRaw),
          language: language === '' ? undefined : (language as Lang),
        };
        const outcome = await search(db, q, filters, parsePage(query));
        if (outcome.kind === 'results' && outcome.page > outcome.pageCount) throw notFound();
        return {
          meta: {
            title: q ? `${ctx.t('searchTitle')}: ${q.slice(0, 80)}` : ctx.t('searchTitle'),
            description: ctx.t('searchEmpty'),
            path: paths.search(ctx.lang),
            alternates: bothLanguages(paths.search),
            noindex: true,
          },
          body: <SearchPage ctx={ctx} q={q} filters={filters} outcome={outcome} />,
        };
      },
      { cacheable: false },
    ),
  );

  app.get(
    '/:lang/:slug',
    page(async (ctx, params) => {
      const found = ctx.catalog.pages.find((p) => p.lang === ctx.lang && p.slug === params.slug);
      if (!found) throw notFound();
      const other = ctx.catalog.pages.find(
        (p) => p.translation_group === found.translation_group && p.lang === otherLang(ctx.lang),
      );
      const alternates: Partial<Record<Lang, string>> = { [ctx.lang]: paths.page(ctx.lang, found.slug) };
      if (other) alternates[other.lang] = paths.page(other.lang, other.slug);
      return {
        meta: { title: found.title, description: found.title, path: paths.page(ctx.lang, found.slug), alternates },
        body: <StaticPage ctx={ctx} page={found} />,
      };
    }),
  );

  content.onChange(() => cache.clear());
}

/** The visitor's language for an error page: the URL prefix, else Accept-Language. */
export function errorLanguage(request: FastifyRequest): Lang {
  const prefix = /^\/(en|he)(\/|$)/.exec(request.url)?.[1];
  if (prefix && isLang(prefix)) return prefix;
  return /^\s*he\b/i.test(request.headers['accept-language'] ?? '') ? 'he' : 'en';
}

/** Renders the 400/404/500 page in the visitor's language. */
export async function renderErrorPage(
  deps: SiteDeps,
  request: FastifyRequest,
  error: SiteError | { status: 500 },
): Promise<string> {
  const lang = errorLanguage(request);
  const ctx = await pageContext(deps, lang);
  const reason = error instanceof SiteError && error.reason ? ctx.t(error.reason, error.vars) : undefined;
  const title =
    error.status === 404
      ? ctx.t('notFoundTitle')
      : error.status >= 500
        ? ctx.t('errorTitle')
        : ctx.t('badRequestTitle');
  return renderDocument(ctx, {
    meta: { title, description: title, path: request.url.split('?')[0] ?? '/', alternates: {}, noindex: true },
    body: <ErrorPage ctx={ctx} status={error.status} reason={reason} />,
  });
}
