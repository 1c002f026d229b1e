import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { FieldProblems } from '../editorial/editorial-errors.js';
import { field, type FormBody } from '../editorial/form-body.js';
import { isPodcastArtwork, isPodcastCategory, SHOW_TEXT_FIELDS } from './podcast-settings.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Reads and checks the show settings form: lengths, the owner's email, a known category,
 * and artwork that podcast apps accept. `values` are ready to store (explicit as '1'/'0').
 */
export async function parseShowForm(
  db: Kysely<Database>,
  body: FormBody,
): Promise<{ values: Record<string, string>; problems: FieldProblems }> {
  const problems: FieldProblems = {};
  const values: Record<string, string> = {};
  for (const { name, max } of SHOW_TEXT_FIELDS) {
    const value = field(body, name).replaceAll('\u0000', '').replace(/\r\n?/g, '\n').trim();
    const length = [...value].length;
    if (length > max) problems[name] = [{ code: 'too-long', params: { max, length } }];
    values[name] = value;
  }
  if (values.owner_email && !EMAIL.test(values.owner_email)) problems.owner_email = [{ code: 'email-invalid' }];
  values.category = field(body, 'category');
  if (!isPodcastCategory(values.category)) problems.category = [{ code: 'unknown-choice' }];
  values.explicit = field(body, 'explicit') === '1' ? '1' : '0';
  values.artwork_media_id = field(body, 'artwork_media_id').trim();
  const artworkProblem = await checkArtwork(db, values.artwork_media_id);
  if (artworkProblem) problems.artwork_media_id = [artworkProblem];
  return { values, problems };
}

async function checkArtwork(db: Kysely<Database>, raw: string) {
  if (raw === '') return undefined;
  const id = /^\d{1,9}$/.test(raw) ? Number(raw) : 0;
  const media = await db
    .selectFrom('media')
    .select(['width', 'height', 'mime'])
    .where('id', '=', id)
    .where('kind', '=', 'image')
    .executeTakeFirst();
  if (!media) return { code: 'unknown-choice' };
  if (isPodcastArtwork(media)) return undefined;
  return { code: 'podcast-artwork-size', params: { width: media.width ?? 0, height: media.height ?? 0 } };
}
