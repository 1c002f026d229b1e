import type { Kysely } from 'kysely';
import type { Database, Lang } from '../db/schema.js';

const MAX_SLUG_LENGTH = 80;

/**
 * A URL slug from a title, in either script: Hebrew letters stay (browsers show them
 * decoded), niqqud and punctuation go, words are joined by hyphens.
 */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f\u0591-\u05c7]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, '');
}

/** A slug is what slugify would keep: letters, digits and single hyphens. */
export function isValidSlug(slug: string): boolean {
  return (
    slug.length > 0 && slug.length <= MAX_SLUG_LENGTH && /^[\p{Ll}\p{Lo}\p{N}]+(-[\p{Ll}\p{Lo}\p{N}]+)*$/u.test(slug)
  );
}

export async function slugTaken(db: Kysely<Database>, lang: Lang, slug: string, exceptId?: number): Promise<boolean> {
  let q = db.selectFrom('publications').select('id').where('lang', '=', lang).where('slug', '=', slug);
  if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

/** The proposed slug for a title, with -2, -3… added until it is free in that language. */
export async function proposeSlug(db: Kysely<Database>, lang: Lang, title: string, exceptId?: number) {
  const base = slugify(title) || 'publication';
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await slugTaken(db, lang, candidate, exceptId))) return candidate;
  }
}
