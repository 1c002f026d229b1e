import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { Paged } from '../content/publication-queries.js';
import type { Database, DraftOrPublished, Lang, MediaMention } from '../db/schema.js';

/** "In the media": an item about or quoting our people, as lists show it. */
export interface MentionCard {
  id: number;
  outlet: string;
  headline: string;
  url: string;
  /** Language of the item itself. */
  lang: Lang;
  /** YYYY-MM-DD. */
  appearedOn: string;
  status: DraftOrPublished;
  /** The people quoted, in the order staff listed them. */
  personIds: number[];
}

type MentionQuery = SelectQueryBuilder<Database, 'media_mentions', object>;

function newestFirst<O>(q: SelectQueryBuilder<Database, 'media_mentions', O>) {
  return q.orderBy('media_mentions.appeared_on', 'desc').orderBy('media_mentions.id', 'desc');
}

/** Each mention's people, in their listed order. */
async function peopleOf(db: Kysely<Database>, mentionIds: number[]): Promise<Map<number, number[]>> {
  const byMention = new Map<number, number[]>(mentionIds.map((id) => [id, []]));
  if (mentionIds.length === 0) return byMention;
  const rows = await db
    .selectFrom('mention_people')
    .select(['mention_id', 'person_id'])
    .where('mention_id', 'in', mentionIds)
    .orderBy('mention_id')
    .orderBy('position')
    .execute();
  for (const row of rows) byMention.get(row.mention_id)?.push(row.person_id);
  return byMention;
}

async function toCards(db: Kysely<Database>, rows: MediaMention[]): Promise<MentionCard[]> {
  const people = await peopleOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    outlet: r.outlet,
    headline: r.headline,
    url: r.url,
    lang: r.lang,
    appearedOn: r.appeared_on,
    status: r.status,
    personIds: people.get(r.id) ?? [],
  }));
}

async function page(db: Kysely<Database>, base: MentionQuery, pageNumber: number, perPage: number) {
  const [rows, count] = await Promise.all([
    newestFirst(base.selectAll('media_mentions'))
      .limit(perPage)
      .offset((pageNumber - 1) * perPage)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: await toCards(db, rows), total: Number(count.n), page: pageNumber, perPage };
}

const published = (db: Kysely<Database>) => db.selectFrom('media_mentions').where('status', '=', 'published');

/** One page of published mentions, newest first. */
export function listPublishedMentions(
  db: Kysely<Database>,
  pageNumber: number,
  perPage: number,
): Promise<Paged<MentionCard>> {
  return page(db, published(db), pageNumber, perPage);
}

/** One page of every mention, drafts included (the admin list). */
export function listAllMentions(
  db: Kysely<Database>,
  pageNumber: number,
  perPage: number,
): Promise<Paged<MentionCard>> {
  return page(db, db.selectFrom('media_mentions'), pageNumber, perPage);
}

/** The latest published mentions quoting one person (their expert page). */
export async function mentionsOfPerson(db: Kysely<Database>, personId: number, limit: number) {
  const rows = await newestFirst(
    published(db)
      .innerJoin('mention_people', 'mention_people.mention_id', 'media_mentions.id')
      .where('mention_people.person_id', '=', personId)
      .selectAll('media_mentions'),
  )
    .limit(limit)
    .execute();
  return toCards(db, rows);
}

/** Any mention by id, drafts included. */
export async function findMention(db: Kysely<Database>, id: number): Promise<MentionCard | undefined> {
  const row = await db.selectFrom('media_mentions').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? (await toCards(db, [row]))[0] : undefined;
}
