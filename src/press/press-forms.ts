import type { Kysely } from 'kysely';
import type { Database, DraftOrPublished, Lang, VideoProvider } from '../db/schema.js';
import type { FieldProblems } from '../editorial/editorial-errors.js';
import { field, fieldList, type FormBody } from '../editorial/form-body.js';
import { isExternalProvider, isValidExternalId, VIDEO_PROVIDERS } from './video-embed.js';

/*
 * Reading the admin's mention and video forms. Each reader returns the clean values and the
 * problems per field; the route shows the form again with what was typed when there are any.
 */

export interface MentionFields {
  outlet: string;
  headline: string;
  url: string;
  lang: Lang;
  appeared_on: string;
  status: DraftOrPublished;
  personIds: number[];
}

export interface VideoFields {
  title_en: string;
  title_he: string;
  description_en: string;
  description_he: string;
  provider: VideoProvider;
  external_id: string;
  video_media_id: number | null;
  poster_media_id: number | null;
  recorded_on: string;
  status: DraftOrPublished;
}

function text(body: FormBody, name: string, max: number, problems: FieldProblems, required: boolean): string {
  const value = field(body, name).trim();
  if (required && value === '') problems[name] = [{ code: 'required' }];
  else if (value.length > max) problems[name] = [{ code: 'too-long', params: { length: value.length, max } }];
  return value;
}

/** A calendar date as YYYY-MM-DD that really exists (no 31 February). */
function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

function isoDate(body: FormBody, name: string, problems: FieldProblems): string {
  const value = field(body, name).trim();
  if (value === '') problems[name] = [{ code: 'required' }];
  else if (!isCalendarDate(value)) problems[name] = [{ code: 'press-date-invalid' }];
  return value;
}

/** An http(s) address with a host; anything else (javascript:, data:, relative) is refused. */
function webUrl(body: FormBody, name: string, problems: FieldProblems): string {
  const value = text(body, name, 2048, problems, true);
  if (problems[name]) return value;
  try {
    const url = new URL(value);
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '') return url.href;
  } catch {
    // Not a URL at all: reported below like any other refused address.
  }
  problems[name] = [{ code: 'press-url-invalid' }];
  return value;
}

function status(body: FormBody): DraftOrPublished {
  return field(body, 'published') === '1' ? 'published' : 'draft';
}

function optionalId(body: FormBody, name: string): number | null {
  const raw = field(body, name);
  return /^\d{1,9}$/.test(raw) && Number(raw) > 0 ? Number(raw) : null;
}

export function readMentionForm(body: FormBody, knownPeople: ReadonlySet<number>) {
  const problems: FieldProblems = {};
  const lang = field(body, 'lang');
  if (lang !== 'en' && lang !== 'he') problems.lang = [{ code: 'unknown-choice' }];
  const personIds = [...new Set(fieldList(body, 'person_ids').map(Number))];
  if (personIds.some((id) => !knownPeople.has(id))) problems.person_ids = [{ code: 'unknown-choice' }];
  const fields: MentionFields = {
    outlet: text(body, 'outlet', 200, problems, true),
    headline: text(body, 'headline', 500, problems, true),
    url: webUrl(body, 'url', problems),
    lang: lang === 'he' ? 'he' : 'en',
    appeared_on: isoDate(body, 'appeared_on', problems),
    status: status(body),
    personIds,
  };
  return { fields, problems };
}

/** The provider's id: strictly the shape that provider uses, and empty for library files. */
function externalId(body: FormBody, provider: VideoProvider, problems: FieldProblems): string {
  if (!isExternalProvider(provider)) return '';
  const value = field(body, 'external_id').trim();
  if (value === '') problems.external_id = [{ code: 'required' }];
  else if (!isValidExternalId(provider, value)) problems.external_id = [{ code: `press-${provider}-id-invalid` }];
  return value;
}

/** A chosen library file, checked to exist and to be of the expected kind. */
async function mediaChoice(
  db: Kysely<Database>,
  id: number | null,
  fits: (media: { kind: string; mime: string }) => boolean,
): Promise<string | undefined> {
  if (id === null) return 'required';
  const media = await db.selectFrom('media').select(['kind', 'mime']).where('id', '=', id).executeTakeFirst();
  return media && fits(media) ? undefined : 'unknown-choice';
}

export async function readVideoForm(db: Kysely<Database>, body: FormBody) {
  const problems: FieldProblems = {};
  const rawProvider = field(body, 'provider');
  const provider = (VIDEO_PROVIDERS as readonly string[]).includes(rawProvider)
    ? (rawProvider as VideoProvider)
    : undefined;
  if (!provider) problems.provider = [{ code: 'unknown-choice' }];
  const fields: VideoFields = {
    title_en: text(body, 'title_en', 300, problems, true),
    title_he: text(body, 'title_he', 300, problems, true),
    description_en: text(body, 'description_en', 2000, problems, false),
    description_he: text(body, 'description_he', 2000, problems, false),
    // With any problem nothing is written, so this stand-in never reaches the database.
    provider: provider ?? 'youtube',
    external_id: provider ? externalId(body, provider, problems) : '',
    video_media_id: provider === 'file' ? optionalId(body, 'video_media_id') : null,
    poster_media_id: optionalId(body, 'poster_media_id'),
    recorded_on: isoDate(body, 'recorded_on', problems),
    status: status(body),
  };
  const poster = await mediaChoice(db, fields.poster_media_id, (m) => m.kind === 'image');
  if (poster) problems.poster_media_id = [{ code: poster }];
  if (provider === 'file') {
    const file = await mediaChoice(db, fields.video_media_id, (m) => m.mime.startsWith('video/'));
    if (file) problems.video_media_id = [{ code: file }];
  }
  return { fields, problems };
}
