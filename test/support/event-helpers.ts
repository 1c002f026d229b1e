import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, EventsTable } from '../../src/db/schema.js';

type EventFields = Partial<Omit<EventsTable, 'id' | 'version' | 'ics_sequence'>> & { ics_sequence?: number };

const DAY_MS = 24 * 60 * 60 * 1000;

/** An ISO time `days` from now (negative: in the past), on the hour. */
export function daysFromNow(days: number, hourUtc = 16): string {
  const at = new Date(Date.now() + days * DAY_MS);
  at.setUTCHours(hourUtc, 0, 0, 0);
  return at.toISOString();
}

/**
 * Inserts an event as staff would publish it (the admin is another part's work): written
 * in both languages, in London, two hours long, registration open, unlimited seats.
 * `key` makes the slugs, titles and UID distinct.
 */
export async function insertEvent(
  db: Kysely<Database>,
  key: string,
  fields: EventFields = {},
  links: { speakerIds?: number[]; topicIds?: number[]; publicationIds?: number[] } = {},
): Promise<{ id: number; uid: string; slug_en: string; slug_he: string; title_en: string; title_he: string }> {
  const now = new Date().toISOString();
  const startsAt = fields.starts_at ?? daysFromNow(10);
  const row = await db
    .insertInto('events')
    .values({
      title_en: `Briefing ${key}`,
      title_he: `תדריך ${key}`,
      slug_en: `briefing-${key}`,
      slug_he: `תדריך-${key}`,
      summary_en: `What the ${key} briefing covers.`,
      summary_he: `על מה ידובר בתדריך ${key}.`,
      body_json_en: '',
      body_json_he: '',
      body_html_en: `<p>Programme of ${key}.</p>`,
      body_html_he: `<p>התוכנית של ${key}.</p>`,
      venue_en: 'Conference hall, 40 Haim Levanon St, Tel Aviv',
      venue_he: 'אולם הכנסים, רחוב חיים לבנון 40, תל אביב',
      held_in: 'both',
      starts_at: startsAt,
      ends_at: new Date(Date.parse(startsAt) + 2 * 60 * 60 * 1000).toISOString(),
      time_zone: 'Europe/London',
      online_url: '',
      capacity: null,
      registration_open: 1,
      recording_media_id: null,
      status: 'published',
      uid: `${randomUUID()}@dossier.test`,
      created_at: now,
      updated_at: now,
      ...fields,
    })
    .returning(['id', 'uid', 'slug_en', 'slug_he', 'title_en', 'title_he'])
    .executeTakeFirstOrThrow();
  const rows = <T>(ids: number[] | undefined, make: (id: number, position: number) => T) =>
    (ids ?? []).map((id, position) => make(id, position));
  const speakers = rows(links.speakerIds, (person_id, position) => ({ event_id: row.id, person_id, position }));
  const topics = rows(links.topicIds, (topic_id, position) => ({ event_id: row.id, topic_id, position }));
  const publications = rows(links.publicationIds, (publication_id, position) => ({
    event_id: row.id,
    publication_id,
    position,
  }));
  if (speakers.length > 0) await db.insertInto('event_speakers').values(speakers).execute();
  if (topics.length > 0) await db.insertInto('event_topics').values(topics).execute();
  if (publications.length > 0) await db.insertInto('event_publications').values(publications).execute();
  return row;
}
