import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import {
  LANGUAGES,
  type Database,
  type Lang,
  type Media,
  type Publication,
  type PublicationsTable,
} from '../db/schema.js';

type PublicationQuery<O> = SelectQueryBuilder<Database & { p: PublicationsTable }, 'p', O>;

/** What a listing shows of a publication. */
export interface PublicationCard {
  id: number;
  lang: Lang;
  title: string;
  slug: string;
  summary: string;
  typeId: number;
  seriesNumber: number | null;
  volume: number | null;
  issue: number | null;
  publishedAt: string;
  authorIds: number[];
  hasPdf: boolean;
  hasAudio: boolean;
}

/** Everything the publication page shows. */
export interface PublicationDetail {
  publication: Publication;
  authorIds: number[];
  topicIds: number[];
  pdf: Media | undefined;
  audio: Media | undefined;
  cover: Media | undefined;
  /** The same work in the other language, when published. */
  translation: { lang: Lang; slug: string; title: string } | undefined;
}

export interface ListFilter {
  lang: Lang;
  typeId?: number;
  /** Any of these topics (pass a topic with its descendants). */
  topicIds?: number[];
  personId?: number;
  year?: number;
}

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  perPage: number;
}

const cardColumns = [
  'p.id',
  'p.lang',
  'p.title',
  'p.slug',
  'p.summary',
  'p.type_id',
  'p.series_number',
  'p.volume',
  'p.issue',
  'p.published_at',
  'p.pdf_media_id',
  'p.audio_media_id',
] as const;

/** Publicly visible: published and not dated in the future. */
function visible<O>(qb: PublicationQuery<O>, now: string): PublicationQuery<O> {
  return qb.where('p.status', '=', 'published').where('p.published_at', '<=', now);
}

/** Publications with any of these topics. */
export function inTopics<O>(qb: PublicationQuery<O>, topicIds: number[]): PublicationQuery<O> {
  return qb.where(({ exists, selectFrom }) =>
    exists(
      selectFrom('publication_topics as pt')
        .select('pt.topic_id')
        .whereRef('pt.publication_id', '=', 'p.id')
        .where('pt.topic_id', 'in', topicIds),
    ),
  );
}

/** Publications this person wrote (or co-wrote). */
export function byAuthor<O>(qb: PublicationQuery<O>, personId: number): PublicationQuery<O> {
  return qb.where(({ exists, selectFrom }) =>
    exists(
      selectFrom('publication_authors as pa')
        .select('pa.person_id')
        .whereRef('pa.publication_id', '=', 'p.id')
        .where('pa.person_id', '=', personId),
    ),
  );
}

/** A filter whose language may be left open (feeds covering both languages). */
type AnyLanguageFilter = Omit<ListFilter, 'lang'> & { lang?: Lang };

function applyFilter<O>(qb: PublicationQuery<O>, f: AnyLanguageFilter, now: string): PublicationQuery<O> {
  let q = visible(qb, now);
  if (f.lang !== undefined) q = q.where('p.lang', '=', f.lang);
  if (f.typeId !== undefined) q = q.where('p.type_id', '=', f.typeId);
  if (f.topicIds && f.topicIds.length > 0) q = inTopics(q, f.topicIds);
  if (f.personId !== undefined) q = byAuthor(q, f.personId);
  if (f.year !== undefined) {
    q = q.where('p.published_at', '>=', `${f.year}-01-01`).where('p.published_at', '<', `${f.year + 1}-01-01`);
  }
  return q;
}

type CardRow = {
  id: number;
  lang: string;
  title: string;
  slug: string;
  summary: string;
  type_id: number;
  series_number: number | null;
  volume: number | null;
  issue: number | null;
  published_at: string | null;
  pdf_media_id: number | null;
  audio_media_id: number | null;
};

async function toCards(db: Kysely<Database>, rows: CardRow[]): Promise<PublicationCard[]> {
  const authors = await authorsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    lang: r.lang as Lang,
    title: r.title,
    slug: r.slug,
    summary: r.summary,
    typeId: r.type_id,
    seriesNumber: r.series_number,
    volume: r.volume,
    issue: r.issue,
    publishedAt: r.published_at ?? '',
    authorIds: authors.get(r.id) ?? [],
    hasPdf: r.pdf_media_id !== null,
    hasAudio: r.audio_media_id !== null,
  }));
}

/** Author ids per publication, in byline order. */
async function authorsOf(db: Kysely<Database>, ids: number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('publication_authors')
    .select(['publication_id', 'person_id'])
    .where('publication_id', 'in', ids)
    .orderBy('publication_id')
    .orderBy('position')
    .execute();
  for (const r of rows) out.set(r.publication_id, [...(out.get(r.publication_id) ?? []), r.person_id]);
  return out;
}

/** The newest `limit` publications matching the filter, without counting them all. */
export async function latestPublications(
  db: Kysely<Database>,
  filter: ListFilter,
  limit: number,
  now = new Date().toISOString(),
) {
  const rows = await applyFilter(db.selectFrom('publications as p'), filter, now)
    .select(cardColumns)
    .orderBy('p.published_at', 'desc')
    .orderBy('p.id', 'desc')
    .limit(limit)
    .execute();
  return toCards(db, rows);
}

/** A publication as a feed item carries it: a card plus body, dates and topics. */
export interface FeedPublication extends PublicationCard {
  /** Sanitised HTML of the body. */
  bodyHtml: string;
  createdAt: string;
  updatedAt: string;
  topicIds: number[];
}

/** Which publications a feed follows; without `lang`, both languages. */
export type FeedFilter = Omit<AnyLanguageFilter, 'year'>;

/** The newest `limit` publications for a feed, with their bodies and topics. */
export async function feedPublications(
  db: Kysely<Database>,
  filter: FeedFilter,
  limit: number,
  now = new Date().toISOString(),
): Promise<FeedPublication[]> {
  const rows = await applyFilter(db.selectFrom('publications as p'), filter, now)
    .select([...cardColumns, 'p.body_html', 'p.created_at', 'p.updated_at'])
    .orderBy('p.published_at', 'desc')
    .orderBy('p.id', 'desc')
    .limit(limit)
    .execute();
  const ids = rows.map((r) => r.id);
  const [cards, topics] = await Promise.all([toCards(db, rows), topicsOf(db, ids)]);
  // toCards keeps the rows' order.
  return cards.map((card, i) => {
    const row = rows[i]!;
    return {
      ...card,
      bodyHtml: row.body_html,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      topicIds: topics.get(card.id) ?? [],
    };
  });
}

/** Topic ids per publication. */
async function topicsOf(db: Kysely<Database>, ids: number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('publication_topics')
    .select(['publication_id', 'topic_id'])
    .where('publication_id', 'in', ids)
    .orderBy('publication_id')
    .orderBy('topic_id')
    .execute();
  for (const r of rows) out.set(r.publication_id, [...(out.get(r.publication_id) ?? []), r.topic_id]);
  return out;
}

/** Newest first, paged, with the total. `page` is 1-based. */
export async function listPublications(
  db: Kysely<Database>,
  filter: ListFilter,
  page: number,
  perPage: number,
  now = new Date().toISOString(),
): Promise<Paged<PublicationCard>> {
  const base = applyFilter(db.selectFrom('publications as p'), filter, now);
  const [rows, count] = await Promise.all([
    base
      .select(cardColumns)
      .orderBy('p.published_at', 'desc')
      .orderBy('p.id', 'desc')
      .limit(perPage)
      .offset((page - 1) * perPage)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: await toCards(db, rows), total: Number(count.n), page, perPage };
}

/** Cards for the given ids, in the order given (search results). */
export async function cardsByIds(db: Kysely<Database>, ids: number[]): Promise<PublicationCard[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('publications as p').select(cardColumns).where('p.id', 'in', ids).execute();
  const cards = await toCards(db, rows);
  const byId = new Map(cards.map((c) => [c.id, c]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function featuredPublications(
  db: Kysely<Database>,
  lang: Lang,
  limit: number,
  now = new Date().toISOString(),
) {
  const rows = await visible(db.selectFrom('publications as p'), now)
    .where('p.lang', '=', lang)
    .where('p.featured', '=', 1)
    .select(cardColumns)
    .orderBy('p.published_at', 'desc')
    .limit(limit)
    .execute();
  return toCards(db, rows);
}

/** Publication counts per year, newest year first. */
export async function yearsWithCounts(db: Kysely<Database>, lang: Lang, now = new Date().toISOString()) {
  const year = sql<string>`substr(p.published_at, 1, 4)`;
  const rows = await visible(db.selectFrom('publications as p'), now)
    .where('p.lang', '=', lang)
    .select([year.as('year'), (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(year)
    .orderBy(year, 'desc')
    .execute();
  return rows.map((r) => ({ year: Number(r.year), count: Number(r.n) }));
}

/** The publicly visible publication with this slug, or undefined. */
export async function findPublicationBySlug(
  db: Kysely<Database>,
  lang: Lang,
  slug: string,
  now = new Date().toISOString(),
): Promise<PublicationDetail | undefined> {
  const publication = await visible(db.selectFrom('publications as p'), now)
    .where('p.lang', '=', lang)
    .where('p.slug', '=', slug)
    .selectAll('p')
    .executeTakeFirst();
  return publication && publicationDetail(db, publication, now);
}

/** Any publication by id, whatever its status: for staff previews of drafts. */
export async function findPublicationForPreview(
  db: Kysely<Database>,
  id: number,
  now = new Date().toISOString(),
): Promise<PublicationDetail | undefined> {
  const publication = await db.selectFrom('publications').selectAll().where('id', '=', id).executeTakeFirst();
  return publication && publicationDetail(db, publication, now);
}

async function publicationDetail(db: Kysely<Database>, publication: Publication, now: string) {
  const mediaIds = [publication.pdf_media_id, publication.audio_media_id, publication.cover_media_id].filter(
    (id): id is number => id !== null,
  );
  const [authors, topics, media, translation] = await Promise.all([
    authorsOf(db, [publication.id]),
    db.selectFrom('publication_topics').select('topic_id').where('publication_id', '=', publication.id).execute(),
    mediaIds.length ? db.selectFrom('media').selectAll().where('id', 'in', mediaIds).execute() : Promise.resolve([]),
    // Naming the language lets SQLite use the (translation_group, lang) unique index; with
    // the status test alone it picked the status index and read every published row.
    visible(db.selectFrom('publications as p'), now)
      .where('p.translation_group', '=', publication.translation_group)
      .where(
        'p.lang',
        'in',
        LANGUAGES.filter((lang) => lang !== publication.lang),
      )
      .select(['p.lang', 'p.slug', 'p.title'])
      .executeTakeFirst(),
  ]);
  const mediaById = new Map(media.map((m) => [m.id, m]));
  const pick = (id: number | null) => (id === null ? undefined : mediaById.get(id));
  return {
    publication,
    authorIds: authors.get(publication.id) ?? [],
    topicIds: topics.map((t) => t.topic_id),
    pdf: pick(publication.pdf_media_id),
    audio: pick(publication.audio_media_id),
    cover: pick(publication.cover_media_id),
    translation: translation
      ? { lang: translation.lang as Lang, slug: translation.slug, title: translation.title }
      : undefined,
  } satisfies PublicationDetail;
}
