import { sql, type Kysely } from 'kysely';
import type { Engine } from '../create-db.js';

/**
 * The search index. Both engines index the same app-normalised token streams (see
 * search/hebrew-tokens.ts); only the storage differs: an FTS5 table on SQLite, a weighted
 * tsvector with a GIN index on PostgreSQL. Facet values ride along so a search needs no join.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  if (engine === 'sqlite') {
    // unicode61 splits our pre-normalised tokens on spaces; the unindexed columns hold facets.
    await sql`
      create virtual table search_fts using fts5(
        title, authors, summary, body,
        lang unindexed, type_id unindexed, year unindexed, author_ids unindexed, topic_ids unindexed,
        tokenize = 'unicode61 remove_diacritics 0'
      )`.execute(db);
    return;
  }
  await sql`
    create table search_documents (
      publication_id integer primary key references publications(id) on delete cascade,
      lang text not null,
      type_id integer not null,
      year integer not null,
      author_ids text not null,
      topic_ids text not null,
      document tsvector not null
    )`.execute(db);
  await sql`create index search_documents_document on search_documents using gin (document)`.execute(db);
}
