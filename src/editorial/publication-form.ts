import { LANGUAGES, type Lang } from '../db/schema.js';
import type { RichDoc } from '../content/rich-text.js';
import type { FieldProblems } from './editorial-errors.js';
import { field, fieldList, readRichDocField, type FormBody } from './form-body.js';
import { isValidSlug } from './slug.js';

/** The editable fields of a publication, validated. */
export interface PublicationFields {
  typeId: number;
  lang: Lang;
  seriesNumber: number | null;
  volume: number | null;
  issue: number | null;
  title: string;
  /** Empty means "propose one from the title". */
  slug: string;
  summary: string;
  seoDescription: string;
  body: RichDoc;
  featured: boolean;
  authorIds: number[];
  topicIds: number[];
  coverMediaId: number | null;
  pdfMediaId: number | null;
  audioMediaId: number | null;
}

export const LIMITS = { title: 300, summary: 2000, seoDescription: 300 } as const;

function optionalInt(raw: string, problems: FieldProblems, name: string, max = 1_000_000): number | null {
  if (raw.trim() === '') return null;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > max) {
    problems[name] = [{ code: 'whole-number', params: { max } }];
    return null;
  }
  return n;
}

function ids(raw: string[]): number[] {
  const out: number[] = [];
  for (const r of raw) {
    const n = Number(r);
    if (r !== '' && Number.isInteger(n) && n > 0 && !out.includes(n)) out.push(n);
  }
  return out;
}

function text(raw: string, problems: FieldProblems, name: string, max: number, required: boolean): string {
  const value = raw.replace(/\r\n/g, '\n').trim();
  if (required && value === '') problems[name] = [{ code: 'required' }];
  else if ([...value].length > max) problems[name] = [{ code: 'too-long', params: { max, length: [...value].length } }];
  return value;
}

/**
 * Reads and checks the publication form. Problems come back per field; the caller shows
 * them beside the inputs with what was typed, so nothing is lost.
 */
export function parsePublicationForm(
  body: FormBody,
): { ok: true; fields: PublicationFields } | { ok: false; problems: FieldProblems } {
  const problems: FieldProblems = {};
  const lang = field(body, 'lang');
  if (!(LANGUAGES as readonly string[]).includes(lang)) problems.lang = [{ code: 'required' }];
  const typeId = Number(field(body, 'type_id'));
  if (!Number.isInteger(typeId) || typeId <= 0) problems.type_id = [{ code: 'required' }];
  const slug = field(body, 'slug').trim().toLowerCase();
  if (slug !== '' && !isValidSlug(slug)) problems.slug = [{ code: 'slug-invalid' }];

  const doc = readRichDocField(body, 'body_json', problems);

  const fields: PublicationFields = {
    typeId,
    lang: lang as Lang,
    seriesNumber: optionalInt(field(body, 'series_number'), problems, 'series_number'),
    volume: optionalInt(field(body, 'volume'), problems, 'volume', 10_000),
    issue: optionalInt(field(body, 'issue'), problems, 'issue', 10_000),
    title: text(field(body, 'title'), problems, 'title', LIMITS.title, true),
    slug,
    summary: text(field(body, 'summary'), problems, 'summary', LIMITS.summary, false),
    seoDescription: text(field(body, 'seo_description'), problems, 'seo_description', LIMITS.seoDescription, false),
    body: doc,
    featured: field(body, 'featured') === '1',
    authorIds: ids(fieldList(body, 'author_ids')),
    topicIds: ids(fieldList(body, 'topic_ids')),
    coverMediaId: ids([field(body, 'cover_media_id')])[0] ?? null,
    pdfMediaId: ids([field(body, 'pdf_media_id')])[0] ?? null,
    audioMediaId: ids([field(body, 'audio_media_id')])[0] ?? null,
  };
  return Object.keys(problems).length ? { ok: false, problems } : { ok: true, fields };
}
