import type { QueryTerm } from './tokens.js';

/** What the index stores about one published publication. */
export interface SearchDocument {
  publicationId: number;
  lang: string;
  typeId: number;
  year: number;
  authorIds: number[];
  /** The publication's topics and their ancestors, so a parent topic filter finds them. */
  topicIds: number[];
  /** Token streams from toIndexTokens(). */
  title: string;
  authors: string;
  summary: string;
  body: string;
}

/** One matching publication with its relevance and facet values. */
export interface SearchMatch {
  publicationId: number;
  /** Higher is more relevant; only comparable within one query. */
  score: number;
  /** At least one query word is in the title: such matches rank first. */
  inTitle: boolean;
  lang: string;
  typeId: number;
  year: number;
  authorIds: number[];
  topicIds: number[];
}

/**
 * The engine-specific part of search: storing token streams and finding matches. Parsing,
 * filtering, facets, ranking tiers, paging and snippets are shared (search-service.ts), so
 * both engines behave the same.
 */
export interface SearchIndex {
  /** Adds or replaces a document. */
  upsert(doc: SearchDocument): Promise<void>;
  remove(publicationId: number): Promise<void>;
  /** Removes every document (before a full rebuild). */
  clear(): Promise<void>;
  /** All documents containing every term (any of its forms), at most `limit` of them. */
  match(terms: QueryTerm[], limit: number): Promise<SearchMatch[]>;
}

export function idList(ids: number[]): string {
  return ids.join(' ');
}

export function parseIdList(value: string): number[] {
  return value === '' ? [] : value.split(' ').map(Number);
}
