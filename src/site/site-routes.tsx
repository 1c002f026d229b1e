import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  featuredPublications,
  findPublicationBySlug,
  latestPublications,
  type PublicationDetail,
} from '../content/publication-queries.js';
import type { Lang } from '../db/schema.js';
import { OrganizationHead } from '../discovery/entity-heads.js';
import { publicationDiscovery } from '../discovery/publication-head.js';
import { feedLinks } from '../feeds/feed-links.js';
import { search, type SearchFilters } from '../search/search-service.js';
import { badRequest, notFound } from './http-errors.js';
import { isLang, otherLang } from './i18n/index.js';
import { registerListingRoutes } from './listing-routes.js';
import { createPageHandler, preferredLanguage, type Params, type SiteDeps, type View } from './page-handler.js';
import { inBothLanguages, paths } from './paths.js';
import { parseIdParam, parseStringParam } from './query-params.js';
import { HomePage } from './views/home-page.js';
import type { PageContext } from './views/page-context.js';
import { PublicationPage } from './views/publication-page.js';
import { SearchPage } from './views/search-page.js';
import { StaticPage } from './views/static-page.js';

/** Registers the public site: every page under /en and /he, cached until content changes. */
export function registerSiteRoutes(app: FastifyInstance, deps: SiteDeps) {
  const { db, content, cache } = deps;
  const page = createPageHandler(deps);

  app.get('/', async (request, reply) => reply.redirect(paths.home(preferredLanguage(request)), 302));

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
      return {
        meta: {
          title: catalog.settings.instituteName[lang],
          description: catalog.settings.tagline[lang],
          ...inBothLanguages(lang, paths.home),
          feeds: feedLinks(ctx, { kind: 'language', lang }),
          head: <OrganizationHead ctx={ctx} />,
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
      return publicationView(deps, ctx, detail);
    }),
  );

  registerListingRoutes(app, deps);

  // Search results are not cached: the space of queries is unbounded, and caching them
  // would let anyone evict the pages that matter.
  app.get(
    '/:lang/search',
    page(
      async (ctx, _params, query, pageNumber) => {
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
        const outcome = await search(db, q, filters, pageNumber);
        if (outcome.kind === 'results' && outcome.page > outcome.pageCount) throw notFound();
        return {
          meta: {
            title: q ? `${ctx.t('searchTitle')}: ${q.slice(0, 80)}` : ctx.t('searchTitle'),
            description: ctx.t('searchEmpty'),
            ...inBothLanguages(ctx.lang, paths.search),
            noindex: true,
          },
          body: <SearchPage ctx={ctx} q={q} filters={filters} outcome={outcome} />,
        };
      },
      { cacheable: false },
    ),
  );

  // Registered last: static pages live at /:lang/:slug, below every fixed path.
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

/** The publication page; the admin's preview renders drafts through this same view. */
export async function publicationView(deps: SiteDeps, ctx: PageContext, detail: PublicationDetail): Promise<View> {
  const recent = await latestPublications(deps.db.kysely, { lang: ctx.lang }, 6);
  const p = detail.publication;
  const alternates: Partial<Record<Lang, string>> = { [ctx.lang]: paths.publication(ctx.lang, p.slug) };
  if (detail.translation) {
    alternates[detail.translation.lang] = paths.publication(detail.translation.lang, detail.translation.slug);
  }
  return {
    meta: {
      title: p.title,
      description: p.seo_description || p.summary,
      path: paths.publication(ctx.lang, p.slug),
      alternates,
      ...(await publicationDiscovery(deps.db.kysely, ctx, detail)),
    },
    body: <PublicationPage ctx={ctx} detail={detail} recent={recent.filter((c) => c.id !== p.id).slice(0, 5)} />,
  };
}
