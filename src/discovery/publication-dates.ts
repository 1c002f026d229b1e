import type { Publication } from '../db/schema.js';

type Dates = Pick<Publication, 'published_at' | 'created_at'>;

/** When the work went public; drafts seen in the admin preview fall back to their creation. */
export function publishedAt(p: Dates): string {
  return p.published_at ?? p.created_at;
}

/** The last change readers can see: a work scheduled ahead was last saved before it went live. */
export function modifiedAt(p: Dates & Pick<Publication, 'updated_at'>): string {
  const published = publishedAt(p);
  return p.updated_at > published ? p.updated_at : published;
}
