import type { Db } from '../db/create-db.js';
import type { Lang } from '../db/schema.js';
import { cardsByIds, type PublicationCard } from '../content/publication-queries.js';
import { createSearchIndex } from './create-search-index.js';
import { highlight, snippet } from './highlight.js';
import type { SearchMatch } from './search-index.js';
import { parseQueryTerms } from './tokens.js';

/** Longest accepted query, in characters. */
export const MAX_QUERY_LENGTH = 500;
/** Matches considered per query; beyond this the best-scoring ones are kept. */
export const MAX_MATCHES = 2000;
export const RESULTS_PER_PAGE = 10;

export interface SearchFilters {
  type?: number;
  topic?: number;
  author?: number;
  year?: number;
  language?: Lang;
}

export type FacetName = keyof SearchFilters;
export const FACET_NAMES: FacetName[] = ['language', 'type', 'topic', 'author', 'year'];

export interface SearchHit {
  card: PublicationCard;
  titleHtml: string;
  snippetHtml: string;
}

export type SearchOutcome =
  | { kind: 'empty' }
  | { kind: 'too-long'; length: number }
  | { kind: 'no-words' }
  | {
      kind: 'results';
      total: number;
      /** True when more than MAX_MATCHES publications matched. */
      capped: boolean;
      hits: SearchHit[];
      /** Counts per facet value, each computed with the other facets' filters applied. */
      facets: Record<FacetName, Map<string | number, number>>;
      page: number;
      pageCount: number;
    };

function facetValues(m: SearchMatch, facet: FacetName): (string | number)[] {
  switch (facet) {
    case 'language':
      return [m.lang];
    case 'type':
      return [m.typeId];
    case 'topic':
      return m.topicIds;
    case 'author':
      return m.authorIds;
    case 'year':
      return [m.year];
  }
}

function passes(m: SearchMatch, filters: SearchFilters, except?: FacetName): boolean {
  return FACET_NAMES.every((f) => {
    const wanted = filters[f];
    return f === except || wanted === undefined || facetValues(m, f).includes(wanted);
  });
}

/** Full-text search with facets, ranking tiers and snippets; identical on both engines. */
export async function search(db: Db, query: string, filters: SearchFilters, page: number): Promise<SearchOutcome> {
  const trimmed = query.trim();
  if (trimmed === '') return { kind: 'empty' };
  if (trimmed.length > MAX_QUERY_LENGTH) return { kind: 'too-long', length: trimmed.length };
  const terms = parseQueryTerms(trimmed);
  if (terms.length === 0) return { kind: 'no-words' };

  const matches = await createSearchIndex(db.engine, db.kysely).match(terms, MAX_MATCHES + 1);
  const capped = matches.length > MAX_MATCHES;
  const considered = capped ? matches.slice(0, MAX_MATCHES) : matches;

  const facets = {} as Record<FacetName, Map<string | number, number>>;
  for (const facet of FACET_NAMES) {
    const counts = new Map<string | number, number>();
    for (const m of considered) {
      if (!passes(m, filters, facet)) continue;
      for (const v of facetValues(m, facet)) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    facets[facet] = counts;
  }

  const ranked = considered
    .filter((m) => passes(m, filters))
    .sort((a, b) => Number(b.inTitle) - Number(a.inTitle) || b.score - a.score || b.publicationId - a.publicationId);
  const pageCount = Math.max(1, Math.ceil(ranked.length / RESULTS_PER_PAGE));
  const pageIds = ranked.slice((page - 1) * RESULTS_PER_PAGE, page * RESULTS_PER_PAGE).map((m) => m.publicationId);

  const [cards, texts] = await Promise.all([
    cardsByIds(db.kysely, pageIds),
    pageIds.length
      ? db.kysely.selectFrom('publications').select(['id', 'body_text']).where('id', 'in', pageIds).execute()
      : Promise.resolve([]),
  ]);
  const bodyById = new Map(texts.map((t) => [t.id, t.body_text]));
  const hits = cards.map((card) => ({
    card,
    titleHtml: highlight(card.title, terms),
    snippetHtml: snippet(`${card.summary} ${bodyById.get(card.id) ?? ''}`, terms),
  }));
  return { kind: 'results', total: ranked.length, capped, hits, facets, page, pageCount };
}
