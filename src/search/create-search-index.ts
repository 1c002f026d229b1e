import type { Kysely } from 'kysely';
import type { Engine } from '../db/create-db.js';
import type { Database } from '../db/schema.js';
import { PostgresSearchIndex } from './postgres-search-index.js';
import type { SearchIndex } from './search-index.js';
import { SqliteSearchIndex } from './sqlite-search-index.js';

/** The SearchIndex for an engine, bound to a connection or transaction. */
export function createSearchIndex(engine: Engine, db: Kysely<Database>): SearchIndex {
  return engine === 'sqlite' ? new SqliteSearchIndex(db) : new PostgresSearchIndex(db);
}
