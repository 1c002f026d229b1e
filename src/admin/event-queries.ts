import type { Kysely } from 'kysely';
import type { Database, DraftOrPublished } from '../db/schema.js';
import { RECORDING_KINDS } from '../events/event-store.js';

/* Events as staff list them, and the recordings the form offers. */

export const EVENTS_PAGE_SIZE = 30;
export const EVENT_PERIODS = ['upcoming', 'past'] as const;
export type EventPeriod = (typeof EVENT_PERIODS)[number];
export const EVENT_STATUSES = ['draft', 'published'] as const satisfies readonly DraftOrPublished[];

export interface EventListFilters {
  /** Upcoming includes events under way: they end in the future. */
  period: EventPeriod;
  status: DraftOrPublished | undefined;
  page: number;
}

/** One page of events: upcoming soonest first, past most recent first, with confirmed seats per event. */
export async function listEvents(db: Kysely<Database>, f: EventListFilters, now = new Date()) {
  const nowIso = now.toISOString();
  let q = db.selectFrom('events').where('ends_at', f.period === 'upcoming' ? '>=' : '<', nowIso);
  if (f.status) q = q.where('status', '=', f.status);
  const order = f.period === 'upcoming' ? 'asc' : 'desc';
  const [rows, total] = await Promise.all([
    q
      .select(['id', 'title_en', 'title_he', 'starts_at', 'time_zone', 'status', 'registration_open', 'capacity'])
      .orderBy('starts_at', order)
      .orderBy('id', order)
      .limit(EVENTS_PAGE_SIZE)
      .offset((f.page - 1) * EVENTS_PAGE_SIZE)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    rows,
    total: Number(total.n),
    confirmed: await confirmedCounts(
      db,
      rows.map((r) => r.id),
    ),
  };
}

export type EventListRow = Awaited<ReturnType<typeof listEvents>>['rows'][number];

async function confirmedCounts(db: Kysely<Database>, eventIds: number[]): Promise<Map<number, number>> {
  if (eventIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('event_registrations')
    .select((eb) => ['event_id', eb.fn.countAll<number>().as('n')])
    .where('event_id', 'in', eventIds)
    .where('status', '=', 'confirmed')
    .groupBy('event_id')
    .execute();
  return new Map(rows.map((r) => [r.event_id, Number(r.n)]));
}

/** Audio (and video) files a recording can be, newest first. */
export function recordingChoices(db: Kysely<Database>) {
  return db
    .selectFrom('media')
    .select(['id', 'kind', 'path', 'original_name', 'alt_en', 'alt_he'])
    .where('kind', 'in', RECORDING_KINDS)
    .orderBy('id', 'desc')
    .limit(500)
    .execute();
}

export type RecordingChoice = Awaited<ReturnType<typeof recordingChoices>>[number];
