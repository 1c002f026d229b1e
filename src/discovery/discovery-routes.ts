import { Readable, pipeline } from 'node:stream';
import { createGzip } from 'node:zlib';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/create-db.js';
import { notFound } from '../site/http-errors.js';
import type { SiteDeps } from '../site/page-handler.js';
import { paths } from '../site/paths.js';
import { robotsTxt } from './robots.js';
import { programmeEntries } from './programme-entries.js';
import { countPublications, fixedEntries, publicationEntries, type SitemapEntry } from './sitemap-entries.js';
import { URLSET_CLOSE, URLSET_OPEN, sitemapIndexXml, urlElement } from './sitemap-xml.js';

/**
 * URLs per child sitemap. The protocol allows 50,000 URLs and 50 MB per file; an entry for
 * a Hebrew publication with an 80-letter slug (six bytes a letter once percent-encoded)
 * and its three language links can reach 1.6 KB, so 25,000 keeps every file under 50 MB.
 */
export const URLS_PER_SITEMAP = 25_000;

/** Crawlers fetch these often; an hour of staleness costs nothing. */
const CACHE_CONTROL = 'public, max-age=3600';
const XML = 'application/xml; charset=utf-8';

/** The part of the site's dependencies the sitemap needs. */
export type DiscoveryDeps = Pick<SiteDeps, 'db' | 'content' | 'publicUrl'>;

export interface DiscoveryOptions {
  /** URLs per child sitemap (tests use a handful). Default URLS_PER_SITEMAP. */
  urlsPerSitemap?: number;
}

/** How the sitemap splits right now: the fixed pages first, then publications by id. */
interface SitemapPlan {
  now: string;
  fixed: SitemapEntry[];
  publications: number;
  files: number;
}

async function planSitemap(deps: DiscoveryDeps, perFile: number): Promise<SitemapPlan> {
  const now = new Date().toISOString();
  const fixed = [...fixedEntries(await deps.content.getCatalog()), ...(await programmeEntries(deps.db.kysely))];
  const publications = await countPublications(deps.db.kysely, now);
  return { now, fixed, publications, files: Math.max(1, Math.ceil((fixed.length + publications) / perFile)) };
}

/** Child sitemap `n` (from 1): URLs (n-1)·perFile up to n·perFile of the plan, streamed. */
async function* childSitemap(db: Db, publicUrl: string, plan: SitemapPlan, n: number, perFile: number) {
  const start = (n - 1) * perFile;
  const end = Math.min(start + perFile, plan.fixed.length + plan.publications);
  yield URLSET_OPEN;
  for (const entry of plan.fixed.slice(start, end)) yield urlElement(publicUrl, entry);
  const range = { offset: Math.max(0, start - plan.fixed.length), count: end - Math.max(start, plan.fixed.length) };
  for await (const batch of publicationEntries(db.kysely, range, plan.now)) {
    yield batch.map((entry) => urlElement(publicUrl, entry)).join('');
  }
  yield URLSET_CLOSE;
}

/** The stream as sent: gzipped when the client accepts it (a full child is tens of megabytes). */
function encodedBody(request: FastifyRequest, source: Readable): { body: Readable; gzip: boolean } {
  if (!/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) return { body: source, gzip: false };
  const body = pipeline(source, createGzip(), (error) => {
    if (error) request.log.error({ err: error }, 'sitemap stream failed');
  });
  return { body, gzip: true };
}

/** robots.txt, the sitemap index at /sitemap.xml and its numbered children. */
export function registerDiscoveryRoutes(app: FastifyInstance, deps: DiscoveryDeps, options: DiscoveryOptions = {}) {
  const perFile = options.urlsPerSitemap ?? URLS_PER_SITEMAP;

  app.get(paths.robots(), async (_request, reply) =>
    reply.type('text/plain; charset=utf-8').header('cache-control', CACHE_CONTROL).send(robotsTxt(deps.publicUrl)),
  );

  app.get(paths.sitemapIndex(), async (_request, reply) => {
    const plan = await planSitemap(deps, perFile);
    return reply.type(XML).header('cache-control', CACHE_CONTROL).send(sitemapIndexXml(deps.publicUrl, plan.files));
  });

  app.get('/sitemaps/:file', async (request: FastifyRequest<{ Params: { file: string } }>, reply) => {
    const n = Number(/^([1-9]\d{0,8})\.xml$/.exec(request.params.file)?.[1] ?? 0);
    const plan = await planSitemap(deps, perFile);
    if (n < 1 || n > plan.files) throw notFound();
    const source = Readable.from(childSitemap(deps.db, deps.publicUrl, plan, n, perFile));
    const { body, gzip } = encodedBody(request, source);
    reply.type(XML).header('cache-control', CACHE_CONTROL).header('vary', 'accept-encoding');
    if (gzip) reply.header('content-encoding', 'gzip');
    return reply.send(body);
  });
}
