import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { findTopicBySlug, type Catalog } from '../content/catalog.js';
import { feedPublications } from '../content/publication-queries.js';
import type { Lang } from '../db/schema.js';
import { notFound } from '../site/http-errors.js';
import { isLang } from '../site/i18n/index.js';
import { toCachedPage, type CachedPage } from '../site/page-cache.js';
import type { Params, SiteDeps } from '../site/page-handler.js';
import { FEED_FILES, FEED_FORMATS, paths, type FeedFormat } from '../site/paths.js';
import { sendEncoded } from '../site/send-encoded.js';
import { FEED_SIZE, renderFeed, type FeedDocument } from './feed-builder.js';
import { FEED_MEDIA_TYPES } from './feed-links.js';
import {
  subjectDescription,
  subjectFilter,
  subjectLanguage,
  subjectPagePath,
  subjectPublisher,
  subjectTitle,
  type FeedSubject,
} from './feed-subject.js';

/** Finds what a feed URL follows; undefined is a 404. */
type Resolve = (catalog: Catalog, params: Params) => FeedSubject | undefined;

/** Readers revalidate every poll; an unchanged feed costs them a 304. */
const REVALIDATE = 'public, max-age=0, must-revalidate';

/** A resolver for feeds under `/:lang`: an unknown language is a 404 like an unknown slug. */
function inLanguage(resolve: (catalog: Catalog, lang: Lang, slug: string) => FeedSubject | undefined): Resolve {
  return (catalog, params) => {
    const lang = params.lang ?? '';
    return isLang(lang) ? resolve(catalog, lang, params.slug ?? '') : undefined;
  };
}

/** Each feed's route below its file name, and what it follows. */
const FEED_ROUTES: { prefix: string; resolve: Resolve }[] = [
  { prefix: '', resolve: () => ({ kind: 'site' }) },
  { prefix: '/:lang', resolve: inLanguage((_catalog, lang) => ({ kind: 'language', lang })) },
  {
    prefix: '/:lang/types/:slug',
    resolve: inLanguage((catalog, lang, slug) => {
      const type = catalog.typeBySlug.get(slug);
      return type && { kind: 'type', lang, type };
    }),
  },
  {
    prefix: '/:lang/topics/:slug',
    resolve: inLanguage((catalog, lang, slug) => {
      const topic = findTopicBySlug(catalog, lang, slug);
      return topic && { kind: 'topic', lang, topic };
    }),
  },
  {
    prefix: '/:lang/experts/:slug',
    resolve: inLanguage((catalog, lang, slug) => {
      const person = catalog.personBySlug.get(slug);
      return person && { kind: 'author', lang, person };
    }),
  },
];

/**
 * Registers RSS, Atom and JSON Feed routes for the site, each language, type, topic and
 * author (URLs in `paths.feed`). A built feed stays in the page cache until content changes.
 */
export function registerFeedRoutes(app: FastifyInstance, deps: SiteDeps) {
  for (const format of FEED_FORMATS) {
    for (const { prefix, resolve } of FEED_ROUTES) {
      app.get(`${prefix}/${FEED_FILES[format]}`, feedHandler(deps, format, resolve));
    }
  }
}

function feedHandler(deps: SiteDeps, format: FeedFormat, resolve: Resolve) {
  return async (request: FastifyRequest<{ Params: Params }>, reply: FastifyReply) => {
    const key = `feed|${request.routeOptions.url}|${JSON.stringify(request.params)}`;
    let feed = deps.cache.get(key);
    if (!feed) {
      const generation = deps.cache.generation;
      const catalog = await deps.content.getCatalog();
      const subject = resolve(catalog, request.params);
      if (!subject) throw notFound();
      feed = await buildFeed(deps, catalog, subject, format);
      deps.cache.set(key, feed, generation);
    }
    return sendFeed(request, reply, feed, format);
  };
}

async function buildFeed(deps: SiteDeps, catalog: Catalog, subject: FeedSubject, format: FeedFormat) {
  const pagePath = subjectPagePath(subject);
  const publisher = subjectPublisher(catalog, subject);
  const doc: FeedDocument = {
    title: subjectTitle(catalog, subject),
    description: subjectDescription(catalog, subject),
    lang: subjectLanguage(subject),
    pageUrl: deps.publicUrl + pagePath,
    publisher: { name: publisher.name, url: deps.publicUrl + publisher.path },
    feedUrls: {
      rss: deps.publicUrl + paths.feed(pagePath, 'rss'),
      atom: deps.publicUrl + paths.feed(pagePath, 'atom'),
      json: deps.publicUrl + paths.feed(pagePath, 'json'),
    },
    content: catalog.settings.feedContent,
    publications: await feedPublications(deps.db.kysely, subjectFilter(catalog, subject), FEED_SIZE),
  };
  return toCachedPage(200, renderFeed(format, doc, catalog, deps.publicUrl));
}

/** Sends a built feed with its media type, answering 304 when the reader has this version. */
function sendFeed(request: FastifyRequest, reply: FastifyReply, feed: CachedPage, format: FeedFormat) {
  reply
    .header('content-type', `${FEED_MEDIA_TYPES[format]}; charset=utf-8`)
    .header('etag', feed.etag)
    .header('cache-control', REVALIDATE);
  if (etagMatches(request.headers['if-none-match'], feed.etag)) return reply.code(304).send();
  return sendEncoded(request, reply, feed);
}

/** If-None-Match may list several tags, or weak ones (RFC 9110 §13.1.2: weak comparison). */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === etag;
  });
}
