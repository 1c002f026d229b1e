import type { RichDoc } from '../content/rich-text.js';
import { LANGUAGES, type Lang } from '../db/schema.js';
import type { FieldProblem, FieldProblems } from '../editorial/editorial-errors.js';
import { field, fieldList, readRichDocField, type FormBody } from '../editorial/form-body.js';
import { utcToZonedLocal, zonedLocalToUtc } from '../editorial/local-time.js';
import { isValidSlug } from '../editorial/slug.js';
import {
  HELD_IN,
  RESERVED_EVENT_SLUGS,
  type Bilingual,
  type EditableEvent,
  type EventFields,
  type HeldIn,
} from '../events/event-store.js';
import { clean, textProblem } from './structure/structure-fields.js';

/* The event form: reading and checking what was posted, and a saved event as form values. */

export const EVENT_LIMITS = { title: 300, summary: 2000, venue: 300, url: 2048, slug: 80 } as const;
/** The most selects offered for speakers (more appear once these are used). */
export const SPEAKER_SLOTS = 6;
const MAX_CAPACITY = 100_000;
const MAX_PICKED = 500;

/** Zones offered in the form: where the institute's events are usually held or followed from. */
const COMMON_TIME_ZONES = [
  'Asia/Jerusalem',
  'Europe/London',
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/Brussels',
  'Europe/Moscow',
  'Europe/Istanbul',
  'Asia/Amman',
  'Asia/Dubai',
  'Asia/Riyadh',
  'Africa/Cairo',
  'Asia/Kolkata',
  'Asia/Singapore',
  'Asia/Shanghai',
  'Asia/Tokyo',
  'Australia/Sydney',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'America/Toronto',
  'UTC',
];

/** The zones the form offers: the common ones, the institute's, and the event's own if it is another. */
export function timeZoneChoices(instituteZone: string, eventZone?: string): string[] {
  return [...new Set([instituteZone, ...(eventZone ? [eventZone] : []), ...COMMON_TIME_ZONES])];
}

/** Repeated selects are named `name`, `name_1`, `name_2`…; gathers the chosen ids in order under `name`. */
export function collectOrdered(body: FormBody, name: string): FormBody {
  const ordered = [field(body, name)];
  for (let i = 1; body[`${name}_${i}`] !== undefined && i < MAX_PICKED; i++) ordered.push(field(body, `${name}_${i}`));
  return { ...body, [name]: ordered.filter((id) => id !== '') };
}

function idList(raw: string[]): number[] {
  const ids = raw.filter((r) => /^\d{1,9}$/.test(r)).map(Number);
  return [...new Set(ids.filter((n) => n > 0))].slice(0, MAX_PICKED);
}

function bilingualText(body: FormBody, name: string, max: number, required: boolean, problems: FieldProblems) {
  const out = {} as Bilingual;
  for (const lang of LANGUAGES) {
    out[lang] = clean(field(body, `${name}_${lang}`));
    const problem = textProblem(out[lang], max, required);
    if (problem) problems[`${name}_${lang}`] = [problem];
  }
  return out;
}

function slugs(body: FormBody, problems: FieldProblems): Bilingual {
  const out = {} as Bilingual;
  for (const lang of LANGUAGES) {
    out[lang] = clean(field(body, `slug_${lang}`))
      .normalize('NFC')
      .toLowerCase();
    if (out[lang] !== '' && !isValidSlug(out[lang])) problems[`slug_${lang}`] = [{ code: 'slug-invalid' }];
    else if (RESERVED_EVENT_SLUGS.has(out[lang])) problems[`slug_${lang}`] = [{ code: 'slug-reserved' }];
  }
  return out;
}

/** A `datetime-local` value in `zone` as an instant, or the problem with it. */
function localTime(raw: string, zone: string): Date | FieldProblem {
  if (raw.trim() === '') return { code: 'required' };
  return zonedLocalToUtc(raw, zone) ?? { code: 'event-time-invalid' };
}

function readTimes(body: FormBody, zone: string | undefined, problems: FieldProblems) {
  // Without a known zone the typed times cannot be placed; the zone's own problem says why.
  const starts = localTime(field(body, 'starts_at'), zone ?? 'UTC');
  const ends = localTime(field(body, 'ends_at'), zone ?? 'UTC');
  if (!(starts instanceof Date)) problems.starts_at = [starts];
  if (!(ends instanceof Date)) problems.ends_at = [ends];
  else if (starts instanceof Date && ends.getTime() <= starts.getTime())
    problems.ends_at = [{ code: 'event-ends-before-start' }];
  const fallback = new Date(0);
  return { startsAt: starts instanceof Date ? starts : fallback, endsAt: ends instanceof Date ? ends : fallback };
}

/** An http(s) address with a host and no credentials; anything else (javascript:, mailto:) is refused. */
export function isOnlineUrl(raw: string): boolean {
  if (raw.length > EVENT_LIMITS.url || /[\s\p{Cc}]/u.test(raw)) return false;
  try {
    const url = new URL(raw);
    return ['http:', 'https:'].includes(url.protocol) && url.hostname !== '' && !url.username && !url.password;
  } catch {
    return false;
  }
}

function readCapacity(raw: string, problems: FieldProblems): number | null {
  if (raw === '') return null;
  const n = /^\d{1,6}$/.test(raw) ? Number(raw) : NaN;
  if (n >= 1 && n <= MAX_CAPACITY) return n;
  problems.capacity = [{ code: 'event-capacity-invalid', params: { max: MAX_CAPACITY } }];
  return null;
}

/** Venue in both languages or neither, and a venue or an online link at least. */
function checkPlace(venue: Bilingual, onlineUrl: string, problems: FieldProblems) {
  for (const lang of LANGUAGES) {
    const other: Lang = lang === 'en' ? 'he' : 'en';
    if (venue[lang] === '' && venue[other] !== '') problems[`venue_${lang}`] ??= [{ code: 'required' }];
  }
  if (venue.en === '' && venue.he === '' && onlineUrl === '') problems.venue_en = [{ code: 'event-place-required' }];
}

/**
 * Reads and checks the event form. `zones` are the time zones offered. Problems come back
 * per field; the caller shows them beside what was typed, so nothing is lost.
 */
export function parseEventForm(
  body: FormBody,
  zones: string[],
): { ok: true; fields: EventFields } | { ok: false; problems: FieldProblems } {
  const problems: FieldProblems = {};
  const timeZone = field(body, 'time_zone');
  if (!zones.includes(timeZone)) problems.time_zone = [{ code: 'unknown-choice' }];
  const heldIn = field(body, 'held_in');
  if (!(HELD_IN as readonly string[]).includes(heldIn)) problems.held_in = [{ code: 'unknown-choice' }];
  const onlineUrl = clean(field(body, 'online_url'));
  if (onlineUrl !== '' && !isOnlineUrl(onlineUrl)) problems.online_url = [{ code: 'event-url-invalid' }];
  const venue = bilingualText(body, 'venue', EVENT_LIMITS.venue, false, problems);
  checkPlace(venue, onlineUrl, problems);
  const description: Record<Lang, RichDoc> = {
    en: readRichDocField(body, 'body_json_en', problems),
    he: readRichDocField(body, 'body_json_he', problems),
  };
  const fields: EventFields = {
    title: bilingualText(body, 'title', EVENT_LIMITS.title, true, problems),
    slug: slugs(body, problems),
    summary: bilingualText(body, 'summary', EVENT_LIMITS.summary, false, problems),
    body: description,
    venue,
    heldIn: heldIn as HeldIn,
    ...readTimes(body, problems.time_zone ? undefined : timeZone, problems),
    timeZone,
    onlineUrl,
    capacity: readCapacity(clean(field(body, 'capacity')), problems),
    registrationOpen: field(body, 'registration_open') === '1',
    speakerIds: idList(fieldList(body, 'speaker_ids')),
    topicIds: idList(fieldList(body, 'topic_ids')),
    publicationIds: idList(fieldList(body, 'publication_ids')),
    recordingMediaId: idList([field(body, 'recording_media_id')])[0] ?? null,
  };
  return Object.keys(problems).length ? { ok: false, problems } : { ok: true, fields };
}

/** A saved event as form values (times as local times in the event's zone). */
export function eventValues(event: EditableEvent): FormBody {
  const r = event.row;
  return {
    version: String(r.version),
    title_en: r.title_en,
    title_he: r.title_he,
    slug_en: r.slug_en,
    slug_he: r.slug_he,
    summary_en: r.summary_en,
    summary_he: r.summary_he,
    body_json_en: r.body_json_en,
    body_json_he: r.body_json_he,
    venue_en: r.venue_en,
    venue_he: r.venue_he,
    held_in: r.held_in,
    starts_at: utcToZonedLocal(r.starts_at, r.time_zone),
    ends_at: utcToZonedLocal(r.ends_at, r.time_zone),
    time_zone: r.time_zone,
    online_url: r.online_url,
    capacity: r.capacity === null ? '' : String(r.capacity),
    registration_open: r.registration_open ? '1' : '',
    speaker_ids: event.speakerIds.map(String),
    topic_ids: event.topicIds.map(String),
    publication_ids: event.publicationIds.map(String),
    recording_media_id: r.recording_media_id === null ? '' : String(r.recording_media_id),
  };
}
