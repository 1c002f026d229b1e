import { sql, type Kysely } from 'kysely';
import { containsPattern } from '../db/like.js';
import { SUBSCRIBER_STATUSES, type Database, type SubscriberStatus } from '../db/schema.js';
import { csvLine } from '../lib/csv.js';

/* Newsletter subscribers as staff list and export them. */

export const SUBSCRIBERS_PAGE_SIZE = 50;

export interface SubscriberFilters {
  /** Part of the address. */
  q: string;
  status: SubscriberStatus | undefined;
  page: number;
}

export async function listSubscribers(db: Kysely<Database>, f: SubscriberFilters) {
  let q = db.selectFrom('subscribers');
  if (f.status) q = q.where('status', '=', f.status);
  // Addresses are stored in lower case (normaliseEmail), so a lower-case pattern finds them on both engines.
  if (f.q) q = q.where(sql<boolean>`email like ${containsPattern(f.q.toLowerCase())} escape '\\'`);
  const [rows, total] = await Promise.all([
    q
      .select(['id', 'email', 'lang', 'status', 'created_at', 'confirmed_at'])
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(SUBSCRIBERS_PAGE_SIZE)
      .offset((f.page - 1) * SUBSCRIBERS_PAGE_SIZE)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export type SubscriberRow = Awaited<ReturnType<typeof listSubscribers>>['rows'][number];

export async function subscriberCounts(db: Kysely<Database>): Promise<Record<SubscriberStatus, number>> {
  const counts = Object.fromEntries(SUBSCRIBER_STATUSES.map((s) => [s, 0])) as Record<SubscriberStatus, number>;
  const rows = await db
    .selectFrom('subscribers')
    .select((eb) => ['status', eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}

/** Topic slugs (English) per subscriber. */
async function topicSlugs(db: Kysely<Database>): Promise<Map<number, string[]>> {
  const rows = await db
    .selectFrom('subscriber_topics as st')
    .innerJoin('topics as t', 't.id', 'st.topic_id')
    .select(['st.subscriber_id', 't.slug_en'])
    .orderBy('t.slug_en')
    .execute();
  const slugs = new Map<number, string[]>();
  for (const row of rows) slugs.set(row.subscriber_id, [...(slugs.get(row.subscriber_id) ?? []), row.slug_en]);
  return slugs;
}

/**
 * Every subscriber as CSV, with a byte-order mark so spreadsheet programs read it as UTF-8.
 * An empty topics cell means every topic.
 */
export async function subscribersCsv(db: Kysely<Database>): Promise<{ csv: string; rows: number }> {
  const [subscribers, slugs] = await Promise.all([
    db
      .selectFrom('subscribers')
      .select(['id', 'email', 'lang', 'status', 'created_at', 'confirmed_at'])
      .orderBy('id')
      .execute(),
    topicSlugs(db),
  ]);
  const lines = subscribers.map((s) =>
    csvLine([s.email, s.lang, s.status, (slugs.get(s.id) ?? []).join(';'), s.created_at, s.confirmed_at ?? '']),
  );
  const header = csvLine(['email', 'language', 'status', 'topics', 'created_at', 'confirmed_at']);
  return { csv: '\uFEFF' + header + lines.join(''), rows: subscribers.length };
}
