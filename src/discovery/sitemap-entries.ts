import type { Kysely } from 'kysely';
import type { Catalog } from '../content/catalog.js';
import { LANGUAGES, type Database, type Lang, type PublicationStatus } from '../db/schema.js';
import { paths } from '../site/paths.js';
import { modifiedAt } from './publication-dates.js';

/** One URL of the sitemap with its language versions. */
export interface SitemapEntry {
  /** Site-relative path. */
  path: string;
  /** ISO-8601 time of the last change, when known. */
  lastmod?: string;
  /** Path of the same page in each language it exists in (this one included). */
  alternates: Partial<Record<Lang, string>>;
}

/** One entry per language for a page that exists at the same place in both. */
function inEveryLanguage(build: (lang: Lang) => string): SitemapEntry[] {
  const alternates = Object.fromEntries(LANGUAGES.map((lang) => [lang, build(lang)]));
  return LANGUAGES.map((lang) => ({ path: build(lang), alternates }));
}

/** Static pages, paired with their translations. */
function staticPageEntries(catalog: Catalog): SitemapEntry[] {
  const groups = new Map<string, Partial<Record<Lang, string>>>();
  for (const page of catalog.pages) {
    groups.set(page.translation_group, {
      ...groups.get(page.translation_group),
      [page.lang]: paths.page(page.lang, page.slug),
    });
  }
  return catalog.pages.map((page) => ({
    path: paths.page(page.lang, page.slug),
    lastmod: page.updated_at,
    alternates: groups.get(page.translation_group) ?? {},
  }));
}

/**
 * Every indexable page that is not a publication: home pages, the indexes, the listings per
 * type, topic and expert, and static pages. Small (it comes from the in-memory catalog), so
 * it always leads the sitemap. Search pages are left out: they are noindex.
 */
export function fixedEntries(catalog: Catalog): SitemapEntry[] {
  return [
    ...inEveryLanguage(paths.home),
    ...inEveryLanguage(paths.topics),
    ...inEveryLanguage(paths.experts),
    ...inEveryLanguage(paths.archive),
    ...catalog.types.flatMap((type) => inEveryLanguage((lang) => paths.type(lang, type))),
    ...catalog.topics.flatMap((topic) => inEveryLanguage((lang) => paths.topic(lang, topic))),
    ...catalog.people.flatMap((person) => inEveryLanguage((lang) => paths.expert(lang, person))),
    ...staticPageEntries(catalog),
  ];
}

/**
 * Publicly visible publications: the rule of `visible` in content/publication-queries.ts.
 * The language test excludes nothing, but with it SQLite answers from the listing index
 * (lang, status, published_at), which holds every column these queries read; without it,
 * it reads each 100k-row table row, bodies and all (measured: 500 ms against 7 ms).
 */
function visiblePublications(db: Kysely<Database>, now: string) {
  return db
    .selectFrom('publications as p')
    .where('p.lang', 'in', [...LANGUAGES])
    .where('p.status', '=', 'published')
    .where('p.published_at', '<=', now);
}

function isVisible(status: PublicationStatus | null, publishedAt: string | null, now: string): boolean {
  return status === 'published' && publishedAt !== null && publishedAt <= now;
}

export async function countPublications(db: Kysely<Database>, now: string): Promise<number> {
  const row = await visiblePublications(db, now)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The rows of these publications with their translation, if any. The join names only the
 * unique (translation_group, lang) index; a condition on the translation's status would
 * make SQLite (which has no statistics here) look translations up by status instead.
 */
function rowsWithTranslations(db: Kysely<Database>, ids: number[]) {
  return db
    .selectFrom('publications as p')
    .leftJoin('publications as t', (join) =>
      join.onRef('t.translation_group', '=', 'p.translation_group').onRef('t.lang', '<>', 'p.lang'),
    )
    .where('p.id', 'in', ids)
    .select([
      'p.id',
      'p.lang',
      'p.slug',
      'p.published_at',
      'p.created_at',
      'p.updated_at',
      't.lang as t_lang',
      't.slug as t_slug',
      't.status as t_status',
      't.published_at as t_published_at',
    ])
    .orderBy('p.id')
    .execute();
}

type PublicationRow = Awaited<ReturnType<typeof rowsWithTranslations>>[number];

function toEntry(row: PublicationRow, now: string): SitemapEntry {
  const path = paths.publication(row.lang, row.slug);
  const alternates: Partial<Record<Lang, string>> = { [row.lang]: path };
  if (row.t_lang && row.t_slug && isVisible(row.t_status, row.t_published_at, now)) {
    alternates[row.t_lang] = paths.publication(row.t_lang, row.t_slug);
  }
  return { path, lastmod: modifiedAt(row), alternates };
}

/**
 * Publications `offset` to `offset + count` in id order, a batch at a time: the first batch
 * is found by OFFSET, the rest by id (keyset), so memory stays at one batch whatever the
 * size of the archive. Each batch takes its ids from the index, then reads just those rows.
 */
export async function* publicationEntries(
  db: Kysely<Database>,
  range: { offset: number; count: number },
  now: string,
  batchSize = 1000,
): AsyncGenerator<SitemapEntry[]> {
  let remaining = range.count;
  let afterId: number | undefined;
  while (remaining > 0) {
    const limit = Math.min(batchSize, remaining);
    const base = visiblePublications(db, now).select('p.id').orderBy('p.id').limit(limit);
    const batch = await (
      afterId === undefined ? base.offset(range.offset) : base.where('p.id', '>', afterId)
    ).execute();
    const ids = batch.map((row) => row.id);
    if (ids.length > 0) yield (await rowsWithTranslations(db, ids)).map((row) => toEntry(row, now));
    if (ids.length < limit) return;
    remaining -= ids.length;
    afterId = ids.at(-1);
  }
}
