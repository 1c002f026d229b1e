import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Lang } from '../db/schema.js';
import { etagMatches } from '../feeds/feed-routes.js';
import { notFound } from '../site/http-errors.js';
import { isLang } from '../site/i18n/index.js';
import { toCachedPage } from '../site/page-cache.js';
import { createPageHandler, type Params, type SiteDeps } from '../site/page-handler.js';
import { FEED_FILES, inBothLanguages, paths, withPage } from '../site/paths.js';
import { sendEncoded } from '../site/send-encoded.js';
import type { FeedLink, PageContext } from '../site/views/page-context.js';
import { feedEpisodes, findEpisode, listEpisodes } from './episode-queries.js';
import { PODCAST_FEED_SIZE, renderPodcastFeed, showGuid } from './podcast-feed.js';
import { loadShow, type Show } from './podcast-settings.js';
import { EpisodePage, ShowPage } from './podcast-views.js';

const PER_PAGE = 12;

/** Apps and browsers revalidate every time; an unchanged feed or transcript costs them a 304. */
const REVALIDATE = 'public, max-age=0, must-revalidate';

/** The podcast feed a page announces in its head. */
function podcastFeedLinks(ctx: PageContext, show: Show): FeedLink[] {
  return [
    {
      title: ctx.t('podcastFeedTitle', { title: show.title }),
      href: paths.feed(paths.podcast(ctx.lang), 'rss'),
      type: 'application/rss+xml',
    },
  ];
}

/**
 * The podcast's public pages under `/:lang/podcast`: the show with its episodes, each
 * episode, its transcript as plain text, and the podcast feed. Everything is cached until
 * content changes. Registered before the site's `/:lang/:slug` static pages.
 */
export function registerPodcastRoutes(app: FastifyInstance, deps: SiteDeps) {
  const page = createPageHandler(deps);
  const db = deps.db.kysely;

  app.get(
    '/:lang/podcast',
    page(async (ctx, _params, _query, pageNumber) => {
      const [show, listing] = await Promise.all([
        loadShow(db, ctx.catalog, ctx.lang),
        listEpisodes(db, ctx.lang, pageNumber, PER_PAGE),
      ]);
      if (pageNumber > 1 && listing.items.length === 0) throw notFound();
      return {
        meta: {
          title: pageNumber > 1 ? `${show.title} (${ctx.t('pageN', { n: pageNumber })})` : show.title,
          description: show.description,
          ...inBothLanguages(ctx.lang, (l) => withPage(paths.podcast(l), pageNumber)),
          feeds: podcastFeedLinks(ctx, show),
        },
        body: <ShowPage ctx={ctx} show={show} listing={listing} />,
      };
    }),
  );

  app.get(`/:lang/podcast/${FEED_FILES.rss}`, async (request: FastifyRequest<{ Params: Params }>, reply) => {
    const lang = languageOf(request);
    return sendCachedText(deps, request, reply, 'application/rss+xml; charset=utf-8', async () => {
      const catalog = await deps.content.getCatalog();
      const [show, episodes, guid] = await Promise.all([
        loadShow(db, catalog, lang),
        feedEpisodes(db, lang, PODCAST_FEED_SIZE),
        showGuid(db, lang, deps.publicUrl),
      ]);
      return renderPodcastFeed({ lang, show, catalog, publicUrl: deps.publicUrl, episodes, guid });
    });
  });

  app.get(
    '/:lang/podcast/:slug',
    page(async (ctx, params) => {
      const detail = await findEpisode(db, ctx.lang, params.slug ?? '');
      if (!detail) throw notFound();
      const show = await loadShow(db, ctx.catalog, ctx.lang);
      const path = paths.episode(ctx.lang, detail.episode.slug);
      return {
        meta: {
          title: detail.episode.title,
          description: detail.episode.summary || show.description,
          path,
          // An episode exists in one language only.
          alternates: { [ctx.lang]: path },
          feeds: podcastFeedLinks(ctx, show),
        },
        body: <EpisodePage ctx={ctx} show={show} detail={detail} />,
      };
    }),
  );

  app.get('/:lang/podcast/:slug/transcript.txt', async (request: FastifyRequest<{ Params: Params }>, reply) => {
    const lang = languageOf(request);
    return sendCachedText(deps, request, reply, 'text/plain; charset=utf-8', async () => {
      const detail = await findEpisode(db, lang, request.params.slug ?? '');
      return detail?.episode.transcript || undefined;
    });
  });
}

function languageOf(request: FastifyRequest<{ Params: Params }>): Lang {
  const lang = request.params.lang ?? '';
  if (!isLang(lang)) throw notFound();
  return lang;
}

/**
 * Sends a text built by `build` (undefined is a 404), from the page cache when it is there,
 * with an ETag so an unchanged text is answered with a 304.
 */
async function sendCachedText(
  deps: SiteDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  contentType: string,
  build: () => Promise<string | undefined>,
) {
  const key = `podcast|${request.routeOptions.url}|${JSON.stringify(request.params)}`;
  let entry = deps.cache.get(key);
  if (!entry) {
    const generation = deps.cache.generation;
    const text = await build();
    if (text === undefined) throw notFound();
    entry = toCachedPage(200, text);
    deps.cache.set(key, entry, generation);
  }
  reply.header('content-type', contentType).header('etag', entry.etag).header('cache-control', REVALIDATE);
  if (etagMatches(request.headers['if-none-match'], entry.etag)) return reply.code(304).send();
  return sendEncoded(request, reply, entry);
}
