import type { Kysely } from 'kysely';
import type { Catalog } from '../content/catalog.js';
import { LANGUAGES, type Database, type Lang } from '../db/schema.js';
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

/** Published publications, joined to their published translation. Same rule as `visible` in publication-queries. */
function visiblePublications(db: Kysely<Database>, now: string) {
  return db
    .selectFrom('publications as p')
    .leftJoin('publications as t', (join) =>
      join
        .onRef('t.translation_group', '=', 'p.translation_group')
        .onRef('t.lang', '<>', 'p.lang')
        .on('t.status', '=', 'published')
        .on('t.published_at', '<=', now),
    )
    .where('p.status', '=', 'published')
    .where('p.published_at', '<=', now);
}

export async function countPublications(db: Kysely<Database>, now: string): Promise<number> {
  const row = await visiblePublications(db, now)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

interface PublicationRow {
  id: number;
  lang: Lang;
  slug: string;
  published_at: string | null;
  created_at: string;
  updated_at: string;
  t_lang: Lang | null;
  t_slug: string | null;
}

function toEntry(row: PublicationRow): SitemapEntry {
  const path = paths.publication(row.lang, row.slug);
  const alternates: Partial<Record<Lang, string>> = { [row.lang]: path };
  if (row.t_lang && row.t_slug) alternates[row.t_lang] = paths.publication(row.t_lang, row.t_slug);
  return { path, lastmod: modifiedAt(row), alternates };
}

/**
 * Publications `offset` to `offset + count` in id order, a batch at a time: the first batch
 * is found by OFFSET, the rest by id (keyset), so memory stays at one batch whatever the
 * size of the archive.
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
    const base = visiblePublications(db, now)
      .select([
        'p.id',
        'p.lang',
        'p.slug',
        'p.published_at',
        'p.created_at',
        'p.updated_at',
        't.lang as t_lang',
        't.slug as t_slug',
      ])
      .orderBy('p.id')
      .limit(limit);
    const rows = await (afterId === undefined ? base.offset(range.offset) : base.where('p.id', '>', afterId)).execute();
    if (rows.length > 0) yield rows.map(toEntry);
    const last = rows.at(-1);
    if (!last || rows.length < limit) return;
    remaining -= rows.length;
    afterId = last.id;
  }
}
