import type { Kysely } from 'kysely';
import { cardsByIds, type Paged, type PublicationCard } from '../content/publication-queries.js';
import type { Database, Event, Lang, Media } from '../db/schema.js';

/** What a listing shows of an event. */
export type EventCard = Pick<
  Event,
  | 'id'
  | 'title_en'
  | 'title_he'
  | 'slug_en'
  | 'slug_he'
  | 'summary_en'
  | 'summary_he'
  | 'venue_en'
  | 'venue_he'
  | 'held_in'
  | 'starts_at'
  | 'ends_at'
  | 'time_zone'
  | 'online_url'
  | 'capacity'
  | 'registration_open'
> & { confirmed: number };

/** Everything the event page shows. */
export interface EventDetail {
  event: Event;
  speakerIds: number[];
  topicIds: number[];
  /** Related publications that are public, in the order staff gave. */
  publications: PublicationCard[];
  recording: Media | undefined;
  /** Confirmed registrations: the seats taken. */
  confirmed: number;
}

/** Upcoming: not yet over (an event in progress is still upcoming). Past: over. */
export type EventPeriod = 'upcoming' | 'past';

const slugColumn = (lang: Lang) => (lang === 'en' ? 'slug_en' : 'slug_he');
const titleColumn = (lang: Lang) => (lang === 'en' ? 'title_en' : 'title_he');

/** Published events written in `lang`: an event without a title or slug there has no page there. */
function publishedIn(db: Kysely<Database>, lang: Lang) {
  return db
    .selectFrom('events')
    .where('status', '=', 'published')
    .where(slugColumn(lang), '<>', '')
    .where(titleColumn(lang), '<>', '');
}

const CARD_COLUMNS = [
  'id',
  'title_en',
  'title_he',
  'slug_en',
  'slug_he',
  'summary_en',
  'summary_he',
  'venue_en',
  'venue_he',
  'held_in',
  'starts_at',
  'ends_at',
  'time_zone',
  'online_url',
  'capacity',
  'registration_open',
] as const;

/** Upcoming events soonest first, or past events newest first; one page with the total. */
export async function listEvents(
  db: Kysely<Database>,
  filter: { lang: Lang; period: EventPeriod },
  page: number,
  perPage: number,
  now = new Date().toISOString(),
): Promise<Paged<EventCard>> {
  const upcoming = filter.period === 'upcoming';
  const base = publishedIn(db, filter.lang).where('ends_at', upcoming ? '>' : '<=', now);
  const [rows, count] = await Promise.all([
    base
      .select(CARD_COLUMNS)
      .orderBy('starts_at', upcoming ? 'asc' : 'desc')
      .orderBy('id', upcoming ? 'asc' : 'desc')
      .limit(perPage)
      .offset((page - 1) * perPage)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const confirmed = await confirmedCounts(
    db,
    rows.map((r) => r.id),
  );
  const items = rows.map((r) => ({ ...r, confirmed: confirmed.get(r.id) ?? 0 }));
  return { items, total: Number(count.n), page, perPage };
}

/** Seats taken per event. */
async function confirmedCounts(db: Kysely<Database>, eventIds: number[]): Promise<Map<number, number>> {
  if (eventIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('event_registrations')
    .select(['event_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('event_id', 'in', eventIds)
    .where('status', '=', 'confirmed')
    .groupBy('event_id')
    .execute();
  return new Map(rows.map((r) => [r.event_id, Number(r.n)]));
}

/** The published event with this slug in `lang`, or undefined (a draft is not found). */
export async function findEventBySlug(db: Kysely<Database>, lang: Lang, slug: string): Promise<Event | undefined> {
  return publishedIn(db, lang).where(slugColumn(lang), '=', slug).selectAll().executeTakeFirst();
}

/** Speakers, topics, related publications, recording and seats taken of one event. */
export async function eventDetail(
  db: Kysely<Database>,
  event: Event,
  now = new Date().toISOString(),
): Promise<EventDetail> {
  const [speakers, topics, publicationIds, recording, confirmed] = await Promise.all([
    db.selectFrom('event_speakers').select('person_id').where('event_id', '=', event.id).orderBy('position').execute(),
    db.selectFrom('event_topics').select('topic_id').where('event_id', '=', event.id).orderBy('position').execute(),
    visibleRelatedPublicationIds(db, event.id, now),
    event.recording_media_id === null
      ? undefined
      : db.selectFrom('media').selectAll().where('id', '=', event.recording_media_id).executeTakeFirst(),
    confirmedCounts(db, [event.id]),
  ]);
  return {
    event,
    speakerIds: speakers.map((s) => s.person_id),
    topicIds: topics.map((t) => t.topic_id),
    publications: await cardsByIds(db, publicationIds),
    recording,
    confirmed: confirmed.get(event.id) ?? 0,
  };
}

/** Related publications readers may see: published and not dated in the future. */
async function visibleRelatedPublicationIds(db: Kysely<Database>, eventId: number, now: string): Promise<number[]> {
  const rows = await db
    .selectFrom('event_publications as ep')
    .innerJoin('publications as p', 'p.id', 'ep.publication_id')
    .select('p.id')
    .where('ep.event_id', '=', eventId)
    .where('p.status', '=', 'published')
    .where('p.published_at', '<=', now)
    .orderBy('ep.position')
    .execute();
  return rows.map((r) => r.id);
}

/** The calendar feed's events: the `limit` latest-starting published ones, so upcoming events come first. */
export async function calendarEvents(db: Kysely<Database>, lang: Lang, limit = 500): Promise<Event[]> {
  return publishedIn(db, lang).selectAll().orderBy('starts_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}
