import type { FastifyInstance } from 'fastify';
import { inLang } from '../content/bilingual.js';
import { latestPublications } from '../content/publication-queries.js';
import type { Lang } from '../db/schema.js';
import { notFound } from '../site/http-errors.js';
import { createPageHandler, type SiteDeps, type View } from '../site/page-handler.js';
import { inBothLanguages, paths, withPage } from '../site/paths.js';
import type { PageContext } from '../site/views/page-context.js';
import { InTheMediaPage, MediaLandingPage, VideoPage, VideosPage } from './media-section-views.js';
import { listPublishedMentions } from './mention-queries.js';
import { PRESS_RELEASE_TYPE } from './press-release-type.js';
import { findPublishedVideo, listPublishedVideos } from './video-queries.js';

const PER_PAGE = 20;
/** Items of each kind on the landing page. */
const LATEST = 3;

/** Head metadata of a paged list page; later pages say which page they are. */
function listMeta(ctx: PageContext, title: string, description: string, pathFor: (lang: Lang) => string, page: number) {
  return {
    title: page > 1 ? `${title} (${ctx.t('pageN', { n: page })})` : title,
    description,
    ...inBothLanguages(ctx.lang, (l) => withPage(pathFor(l), page)),
  };
}

/** A page past the last is a 404, not an empty list. */
function requireItems<T extends { items: unknown[] }>(listing: T, page: number): T {
  if (page > 1 && listing.items.length === 0) throw notFound();
  return listing;
}

/**
 * The public media section: the landing page, "In the media" and the video gallery.
 * Only video pages load the video-player script.
 */
export function registerMediaSectionRoutes(app: FastifyInstance, deps: SiteDeps) {
  const page = createPageHandler(deps);
  const db = deps.db.kysely;

  app.get(
    '/:lang/media',
    page(async (ctx) => {
      const pressType = ctx.catalog.typeBySlug.get(PRESS_RELEASE_TYPE);
      const [pressReleases, mentions, videos] = await Promise.all([
        pressType ? latestPublications(db, { lang: ctx.lang, typeId: pressType.id }, LATEST) : [],
        listPublishedMentions(db, 1, LATEST),
        listPublishedVideos(db, 1, LATEST),
      ]);
      const data = { pressType, pressReleases, mentions: mentions.items, videos: videos.items };
      return {
        meta: {
          title: ctx.t('mediaSectionTitle'),
          description: ctx.t('mediaSectionIntro'),
          ...inBothLanguages(ctx.lang, paths.mediaSection),
        },
        body: <MediaLandingPage ctx={ctx} data={data} />,
      };
    }),
  );

  app.get(
    '/:lang/media/in-the-media',
    page(async (ctx, _params, _query, pageNumber) => {
      const listing = requireItems(await listPublishedMentions(db, pageNumber, PER_PAGE), pageNumber);
      const { t } = ctx;
      return {
        meta: listMeta(ctx, t('mediaInTheMedia'), t('mediaInTheMediaIntro'), paths.inTheMedia, pageNumber),
        body: <InTheMediaPage ctx={ctx} listing={listing} />,
      };
    }),
  );

  app.get(
    '/:lang/media/videos',
    page(async (ctx, _params, _query, pageNumber) => {
      const listing = requireItems(await listPublishedVideos(db, pageNumber, PER_PAGE), pageNumber);
      const { t } = ctx;
      return {
        meta: listMeta(ctx, t('mediaVideos'), t('mediaVideosIntro'), paths.videos, pageNumber),
        body: <VideosPage ctx={ctx} listing={listing} />,
      };
    }),
  );

  app.get(
    '/:lang/media/videos/:id',
    page(async (ctx, params): Promise<View> => {
      const raw = params.id ?? '';
      const item = /^\d{1,9}$/.test(raw) ? await findPublishedVideo(db, Number(raw)) : undefined;
      if (!item) throw notFound();
      const { video } = item;
      const title = inLang(video, 'title', ctx.lang);
      return {
        meta: {
          title,
          description: inLang(video, 'description', ctx.lang).slice(0, 300) || title,
          ...inBothLanguages(ctx.lang, (l) => paths.video(l, video.id)),
          head: video.provider === 'file' ? undefined : <script src={ctx.scripts.video} defer />,
        },
        body: <VideoPage ctx={ctx} item={item} />,
      };
    }),
  );
}
