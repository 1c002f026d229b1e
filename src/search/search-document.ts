import type { Publication } from '../db/schema.js';
import type { SearchDocument } from './search-index.js';
import { toIndexTokens } from './tokens.js';

export type IndexablePublication = Pick<Publication, 'id' | 'lang' | 'type_id' | 'title' | 'summary' | 'body_text'> & {
  published_at: string;
};

export interface IndexableAuthor {
  id: number;
  name_en: string;
  name_he: string;
}

/**
 * The search document of a published publication. Author names go in both languages, so
 * a reader finds an author whichever script they type; topics carry their ancestors, so
 * filtering by an area finds its sub-topics' publications.
 */
export function toSearchDocument(
  p: IndexablePublication,
  authors: IndexableAuthor[],
  topicIds: number[],
  parentOf: (topicId: number) => number | null | undefined,
): SearchDocument {
  const withAncestors = new Set<number>();
  for (const topicId of topicIds) {
    for (let t: number | null | undefined = topicId; t != null; t = parentOf(t)) withAncestors.add(t);
  }
  return {
    publicationId: p.id,
    lang: p.lang,
    typeId: p.type_id,
    year: Number(p.published_at.slice(0, 4)),
    authorIds: authors.map((a) => a.id),
    topicIds: [...withAncestors],
    title: toIndexTokens(p.title),
    authors: toIndexTokens(authors.map((a) => `${a.name_en} ${a.name_he}`).join(' ')),
    summary: toIndexTokens(p.summary),
    body: toIndexTokens(p.body_text),
  };
}
