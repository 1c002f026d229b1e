import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { audit } from '../audit/audit-log.js';
import { can } from '../auth/policy.js';
import type { ContentService } from '../content/content-service.js';
import type { RichDoc } from '../content/rich-text.js';
import type { Db } from '../db/create-db.js';
import { LANGUAGES, MEDIA_KINDS, type Database, type DraftOrPublished, type Event, type Lang } from '../db/schema.js';
import { EditorialError, forbidden, notFound, type FieldProblems } from '../editorial/editorial-errors.js';
import type { StaffActor } from '../editorial/publication-store.js';
import { renderBody } from '../editorial/render-body.js';
import { slugify } from '../editorial/slug.js';

/*
 * Saving events as staff edit them: one row holds both languages, so registration and
 * capacity are shared. Every change is audited in its transaction; a change to the time,
 * place or title bumps `ics_sequence`, so calendars that imported the event update it.
 */

export interface EventStoreDeps {
  db: Db;
  content: ContentService;
}

export type Bilingual = Record<Lang, string>;
export type HeldIn = Event['held_in'];
export const HELD_IN = ['en', 'he', 'both'] as const satisfies readonly HeldIn[];

/** Recordings are audio files, or video files once the media library takes them. */
export const RECORDING_KINDS = MEDIA_KINDS.filter((kind) => ['audio', 'video'].includes(kind));

/** The fields staff edit, already validated by the form. */
export interface EventFields {
  title: Bilingual;
  /** Empty in a language means "propose one from that language's title". */
  slug: Bilingual;
  summary: Bilingual;
  body: Record<Lang, RichDoc>;
  venue: Bilingual;
  heldIn: HeldIn;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  onlineUrl: string;
  /** Null is unlimited. */
  capacity: number | null;
  registrationOpen: boolean;
  speakerIds: number[];
  topicIds: number[];
  publicationIds: number[];
  recordingMediaId: number | null;
}

export interface EditableEvent {
  row: Event;
  speakerIds: number[];
  topicIds: number[];
  publicationIds: number[];
}

/** Columns whose change means calendars must update the event (RFC 5545 SEQUENCE). */
const CALENDAR_COLUMNS = [
  'title_en',
  'title_he',
  'starts_at',
  'ends_at',
  'time_zone',
  'venue_en',
  'venue_he',
  'online_url',
] as const;

async function relatedIds(
  db: Kysely<Database>,
  table: 'event_speakers' | 'event_topics' | 'event_publications',
  column: 'person_id' | 'topic_id' | 'publication_id',
  id: number,
): Promise<number[]> {
  const rows = await db
    .selectFrom(table)
    .select(`${column} as related`)
    .where('event_id', '=', id)
    .orderBy('position')
    .execute();
  return rows.map((r) => Number(r.related));
}

export async function findEvent(db: Kysely<Database>, id: number): Promise<EditableEvent | undefined> {
  const row = await db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const [speakerIds, topicIds, publicationIds] = await Promise.all([
    relatedIds(db, 'event_speakers', 'person_id', id),
    relatedIds(db, 'event_topics', 'topic_id', id),
    relatedIds(db, 'event_publications', 'publication_id', id),
  ]);
  return { row, speakerIds, topicIds, publicationIds };
}

/** The event for someone allowed to manage events; 403 before anything is read, then 404. */
export async function getEventFor(db: Kysely<Database>, actor: StaffActor, id: number): Promise<EditableEvent> {
  if (!can(actor, 'events.manage')) throw forbidden();
  const found = await findEvent(db, id);
  if (!found) throw notFound();
  return found;
}

/** What the audit log keeps of an event: everything but the rendered HTML. */
function snapshotOf(event: EditableEvent) {
  const kept: Partial<Event> = { ...event.row };
  delete kept.body_html_en;
  delete kept.body_html_he;
  return {
    ...kept,
    speaker_ids: event.speakerIds,
    topic_ids: event.topicIds,
    publication_ids: event.publicationIds,
  };
}

async function allExist(db: Kysely<Database>, table: 'people' | 'topics', ids: number[]): Promise<boolean> {
  if (ids.length === 0) return true;
  const found = await db.selectFrom(table).select('id').where('id', 'in', ids).execute();
  return found.length === ids.length;
}

async function allPublished(db: Kysely<Database>, ids: number[]): Promise<boolean> {
  if (ids.length === 0) return true;
  const found = await db
    .selectFrom('publications')
    .select('id')
    .where('id', 'in', ids)
    .where('status', '=', 'published')
    .execute();
  return found.length === ids.length;
}

async function isRecording(db: Kysely<Database>, mediaId: number): Promise<boolean> {
  const media = await db.selectFrom('media').select('kind').where('id', '=', mediaId).executeTakeFirst();
  return media !== undefined && RECORDING_KINDS.includes(media.kind);
}

/** Every referenced person, topic, publication and recording exists (and is of the right kind). */
async function checkReferences(db: Kysely<Database>, f: EventFields): Promise<FieldProblems> {
  const problems: FieldProblems = {};
  const unknown = [{ code: 'unknown-choice' }];
  if (!(await allExist(db, 'people', f.speakerIds))) problems.speaker_ids = unknown;
  if (!(await allExist(db, 'topics', f.topicIds))) problems.topic_ids = unknown;
  if (!(await allPublished(db, f.publicationIds))) problems.publication_ids = unknown;
  if (f.recordingMediaId !== null && !(await isRecording(db, f.recordingMediaId)))
    problems.recording_media_id = unknown;
  return problems;
}

/** Fewer places than people already confirmed would leave someone holding a seat that is not there. */
async function checkCapacity(db: Kysely<Database>, eventId: number, capacity: number | null): Promise<FieldProblems> {
  if (capacity === null) return {};
  const row = await db
    .selectFrom('event_registrations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('event_id', '=', eventId)
    .where('status', '=', 'confirmed')
    .executeTakeFirstOrThrow();
  const confirmed = Number(row.n);
  return capacity < confirmed ? { capacity: [{ code: 'event-capacity-below-confirmed', params: { confirmed } }] } : {};
}

/** Paths under /events that are pages of their own (the past events list, cancelling), not events. */
export const RESERVED_EVENT_SLUGS = new Set(['past', 'cancel']);

async function slugTaken(db: Kysely<Database>, lang: Lang, slug: string, exceptId: number | undefined) {
  if (RESERVED_EVENT_SLUGS.has(slug)) return true;
  let q = db.selectFrom('events').select('id').where(`slug_${lang}`, '=', slug);
  if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

/** A typed slug must be free; an empty one is made from the title, with -2, -3… until free. */
async function resolveSlug(db: Kysely<Database>, f: EventFields, lang: Lang, exceptId: number | undefined) {
  const typed = f.slug[lang];
  if (typed !== '') return (await slugTaken(db, lang, typed, exceptId)) ? undefined : typed;
  const base = slugify(f.title[lang]) || 'event';
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await slugTaken(db, lang, candidate, exceptId))) return candidate;
  }
}

/**
 * The edited columns, with free slugs and the bodies rendered once, here; or a 400 with the
 * problems found. `eventId` is the event being edited (none when creating).
 */
async function editedColumns(db: Kysely<Database>, f: EventFields, eventId?: number) {
  const problems = await checkReferences(db, f);
  if (eventId !== undefined) Object.assign(problems, await checkCapacity(db, eventId, f.capacity));
  const slugs: Partial<Bilingual> = {};
  for (const lang of LANGUAGES) {
    slugs[lang] = await resolveSlug(db, f, lang, eventId);
    if (slugs[lang] === undefined) problems[`slug_${lang}`] = [{ code: 'slug-duplicate' }];
  }
  if (Object.keys(problems).length) throw new EditorialError('invalid', 400, { fields: problems });
  const [en, he] = await Promise.all([renderBody(db, f.body.en, 'en'), renderBody(db, f.body.he, 'he')]);
  return {
    title_en: f.title.en,
    title_he: f.title.he,
    slug_en: slugs.en!,
    slug_he: slugs.he!,
    summary_en: f.summary.en,
    summary_he: f.summary.he,
    body_json_en: JSON.stringify(f.body.en),
    body_json_he: JSON.stringify(f.body.he),
    body_html_en: en.html,
    body_html_he: he.html,
    venue_en: f.venue.en,
    venue_he: f.venue.he,
    held_in: f.heldIn,
    starts_at: f.startsAt.toISOString(),
    ends_at: f.endsAt.toISOString(),
    time_zone: f.timeZone,
    online_url: f.onlineUrl,
    capacity: f.capacity,
    registration_open: f.registrationOpen ? 1 : 0,
    recording_media_id: f.recordingMediaId,
  };
}

async function writeRelations(trx: Transaction<Database>, id: number, f: EventFields) {
  for (const table of ['event_speakers', 'event_topics', 'event_publications'] as const)
    await trx.deleteFrom(table).where('event_id', '=', id).execute();
  if (f.speakerIds.length)
    await trx
      .insertInto('event_speakers')
      .values(f.speakerIds.map((person_id, position) => ({ event_id: id, person_id, position })))
      .execute();
  if (f.topicIds.length)
    await trx
      .insertInto('event_topics')
      .values(f.topicIds.map((topic_id, position) => ({ event_id: id, topic_id, position })))
      .execute();
  if (f.publicationIds.length)
    await trx
      .insertInto('event_publications')
      .values(f.publicationIds.map((publication_id, position) => ({ event_id: id, publication_id, position })))
      .execute();
}

/** Creates a draft event; returns its id. Its calendar UID is fixed here, for good. */
export async function createEvent(deps: EventStoreDeps, actor: StaffActor, f: EventFields): Promise<number> {
  if (!can(actor, 'events.manage')) throw forbidden();
  const db = deps.db.kysely;
  const columns = await editedColumns(db, f);
  const now = new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('events')
      .values({
        ...columns,
        status: 'draft',
        uid: `${randomUUID()}@dossier`,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeRelations(trx, id, f);
    const created = await findEvent(trx, id);
    await audit(trx, actor, { action: 'create', entity: 'event', entityId: id, after: created && snapshotOf(created) });
    return id;
  });
}

function calendarChanged(before: Event, after: Pick<Event, (typeof CALENDAR_COLUMNS)[number]>): boolean {
  return CALENDAR_COLUMNS.some((column) => before[column] !== after[column]);
}

/**
 * Saves an edit. `expectedVersion` is the version the editor loaded: if anyone saved since,
 * nothing is written and a 409 names the current version, so no one's text is lost.
 */
export async function saveEvent(
  deps: EventStoreDeps,
  actor: StaffActor,
  id: number,
  f: EventFields,
  expectedVersion: number,
): Promise<void> {
  const db = deps.db.kysely;
  const before = await getEventFor(db, actor, id);
  const columns = await editedColumns(db, f, id);
  const bump = calendarChanged(before.row, columns) ? 1 : 0;
  await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('events')
      .set((eb) => ({
        ...columns,
        updated_at: new Date().toISOString(),
        version: eb('version', '+', 1),
        ics_sequence: eb('ics_sequence', '+', bump),
      }))
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) {
      const current = await trx.selectFrom('events').select('version').where('id', '=', id).executeTakeFirst();
      throw new EditorialError('event-conflict', 409, { params: { version: current?.version ?? 0 } });
    }
    await writeRelations(trx, id, f);
    const after = await findEvent(trx, id);
    await audit(trx, actor, {
      action: 'update',
      entity: 'event',
      entityId: id,
      before: snapshotOf(before),
      after: after && snapshotOf(after),
    });
  });
  if (before.row.status === 'published') await deps.content.contentChanged();
}

/**
 * One conditional change of state (publish, unpublish, close registration): the update names
 * the state it read, so two clicks change it once. False when it was already so. The version
 * moves too, so a form opened before the change cannot quietly reopen registration.
 */
async function changeState(
  deps: EventStoreDeps,
  actor: StaffActor,
  id: number,
  action: string,
  change: { status: DraftOrPublished } | { registration_open: 0 },
): Promise<boolean> {
  const db = deps.db.kysely;
  const before = (await getEventFor(db, actor, id)).row;
  const [column, value] = Object.entries(change)[0] as ['status' | 'registration_open', string | number];
  if (before[column] === value) return false;
  const changed = await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('events')
      .set((eb) => ({ ...change, updated_at: new Date().toISOString(), version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where(column, '=', before[column])
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await audit(trx, actor, {
      action,
      entity: 'event',
      entityId: id,
      before: { [column]: before[column] },
      after: change,
    });
    return true;
  });
  if (changed && (before.status === 'published' || column === 'status')) await deps.content.contentChanged();
  return changed;
}

export function publishEvent(deps: EventStoreDeps, actor: StaffActor, id: number) {
  return changeState(deps, actor, id, 'publish', { status: 'published' });
}

export function unpublishEvent(deps: EventStoreDeps, actor: StaffActor, id: number) {
  return changeState(deps, actor, id, 'unpublish', { status: 'draft' });
}

/** Stops new sign-ups; people already registered keep their places. */
export function closeRegistration(deps: EventStoreDeps, actor: StaffActor, id: number) {
  return changeState(deps, actor, id, 'close-registration', { registration_open: 0 });
}
