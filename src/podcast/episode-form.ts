import type { RichDoc } from '../content/rich-text.js';
import { LANGUAGES, type Lang } from '../db/schema.js';
import type { FieldProblems } from '../editorial/editorial-errors.js';
import { field, fieldList, readRichDocField, type FormBody } from '../editorial/form-body.js';
import { isValidSlug } from '../editorial/slug.js';

/** The editable fields of an episode, checked. */
export interface EpisodeFields {
  lang: Lang;
  title: string;
  /** Empty means "propose one from the title". */
  slug: string;
  summary: string;
  notes: RichDoc;
  transcript: string;
  audioMediaId: number | null;
  episodeNumber: number | null;
  season: number | null;
  explicit: boolean;
  guestIds: number[];
  topicIds: number[];
}

/** Characters allowed per text field (a transcript of two hours of talk is about 150 000). */
export const EPISODE_LIMITS = { title: 300, summary: 4000, transcript: 400_000, number: 100_000 } as const;

/** Trimmed, Windows line ends made plain, and NUL removed (PostgreSQL refuses it in text). */
function cleanText(raw: string): string {
  return raw.replaceAll('\u0000', '').replace(/\r\n?/g, '\n').trim();
}

function text(body: FormBody, name: string, max: number, problems: FieldProblems, required = false): string {
  const value = cleanText(field(body, name));
  const length = [...value].length;
  if (required && value === '') problems[name] = [{ code: 'required' }];
  else if (length > max) problems[name] = [{ code: 'too-long', params: { max, length } }];
  return value;
}

function optionalNumber(body: FormBody, name: string, problems: FieldProblems): number | null {
  const raw = field(body, name).trim();
  if (raw === '') return null;
  const n = Number(raw);
  if (/^\d+$/.test(raw) && n >= 1 && n <= EPISODE_LIMITS.number) return n;
  problems[name] = [{ code: 'whole-number', params: { max: EPISODE_LIMITS.number } }];
  return null;
}

/** Positive ids in the order given, without repeats; anything else is dropped. */
function ids(raw: string[]): number[] {
  const out: number[] = [];
  for (const r of raw) {
    const n = Number(r);
    if (/^\d{1,9}$/.test(r) && n > 0 && !out.includes(n)) out.push(n);
  }
  return out;
}

/**
 * Reads and checks the episode form. Problems come back per field so the form can show
 * them beside the inputs, with what was typed.
 */
export function parseEpisodeForm(
  body: FormBody,
): { ok: true; fields: EpisodeFields } | { ok: false; problems: FieldProblems } {
  const problems: FieldProblems = {};
  const lang = field(body, 'lang');
  if (!(LANGUAGES as readonly string[]).includes(lang)) problems.lang = [{ code: 'required' }];
  const slug = field(body, 'slug').trim().toLowerCase();
  if (slug !== '' && !isValidSlug(slug)) problems.slug = [{ code: 'slug-invalid' }];
  const fields: EpisodeFields = {
    lang: lang as Lang,
    title: text(body, 'title', EPISODE_LIMITS.title, problems, true),
    slug,
    summary: text(body, 'summary', EPISODE_LIMITS.summary, problems),
    notes: readRichDocField(body, 'notes_json', problems),
    transcript: text(body, 'transcript', EPISODE_LIMITS.transcript, problems),
    audioMediaId: ids([field(body, 'audio_media_id')])[0] ?? null,
    episodeNumber: optionalNumber(body, 'episode_number', problems),
    season: optionalNumber(body, 'season', problems),
    explicit: field(body, 'explicit') === '1',
    guestIds: ids(fieldList(body, 'guest_ids')),
    topicIds: ids(fieldList(body, 'topic_ids')),
  };
  return Object.keys(problems).length ? { ok: false, problems } : { ok: true, fields };
}
