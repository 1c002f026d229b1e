import { sql, type Kysely } from 'kysely';
import { can } from '../auth/policy.js';
import { byAuthor, inTopics } from '../content/publication-queries.js';
import { containsPattern } from '../db/like.js';
import type { Database, Lang, PublicationStatus } from '../db/schema.js';
import type { StaffActor } from './publication-store.js';

/** The admin list's filters, every one optional. */
export interface StaffListFilters {
  status: PublicationStatus | undefined;
  lang: Lang | undefined;
  typeId: number | undefined;
  personId: number | undefined;
  topicId: number | undefined;
  /** Part of the title. */
  q: string;
  page: number;
}

export const STAFF_PAGE_SIZE = 30;

/**
 * Publications in any state, newest edit first, as the admin lists them. Authors and
 * contributors see only their own.
 */
export async function listStaffPublications(db: Kysely<Database>, actor: StaffActor, f: StaffListFilters) {
  let q = db.selectFrom('publications as p');
  if (!can(actor, 'publication.viewAll')) q = q.where('p.owner_user_id', '=', actor.id);
  if (f.status) q = q.where('p.status', '=', f.status);
  if (f.lang) q = q.where('p.lang', '=', f.lang);
  if (f.typeId) q = q.where('p.type_id', '=', f.typeId);
  if (f.personId) q = byAuthor(q, f.personId);
  if (f.topicId) q = inTopics(q, [f.topicId]);
  if (f.q) q = q.where(sql<boolean>`lower(p.title) like ${containsPattern(f.q.toLowerCase())} escape '\\'`);
  const [rows, total] = await Promise.all([
    q
      .select(['p.id', 'p.title', 'p.lang', 'p.type_id', 'p.status', 'p.updated_at', 'p.publish_at'])
      .orderBy('p.updated_at', 'desc')
      .orderBy('p.id', 'desc')
      .limit(STAFF_PAGE_SIZE)
      .offset((f.page - 1) * STAFF_PAGE_SIZE)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}
