import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { idList, parseIdList, type SearchDocument, type SearchIndex, type SearchMatch } from './search-index.js';
import type { QueryTerm } from './tokens.js';

/** Relative weight of each FTS5 column in bm25: title, authors, summary, body. */
const COLUMN_WEIGHTS = sql.raw('10.0, 4.0, 3.0, 1.0');

/** Builds an FTS5 expression. Forms are letters and digits only, but are quoted regardless. */
function toFtsExpression(terms: QueryTerm[], join: 'AND' | 'OR'): string {
  return terms
    .map((t) => `(${t.forms.map((f) => `"${f.replaceAll('"', '""')}"${t.prefix ? '*' : ''}`).join(' OR ')})`)
    .join(` ${join} `);
}

interface FtsRow {
  rowid: number;
  rank: number;
  lang: string;
  type_id: number;
  year: number;
  author_ids: string;
  topic_ids: string;
}

/** SQLite FTS5 implementation of SearchIndex. */
export class SqliteSearchIndex implements SearchIndex {
  private readonly db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.db = db;
  }

  async upsert(doc: SearchDocument): Promise<void> {
    await this.remove(doc.publicationId);
    await sql`
      insert into search_fts (rowid, title, authors, summary, body, lang, type_id, year, author_ids, topic_ids)
      values (${doc.publicationId}, ${doc.title}, ${doc.authors}, ${doc.summary}, ${doc.body},
              ${doc.lang}, ${doc.typeId}, ${doc.year}, ${idList(doc.authorIds)}, ${idList(doc.topicIds)})
    `.execute(this.db);
  }

  async remove(publicationId: number): Promise<void> {
    await sql`delete from search_fts where rowid = ${publicationId}`.execute(this.db);
  }

  async clear(): Promise<void> {
    await sql`delete from search_fts`.execute(this.db);
  }

  async match(terms: QueryTerm[], limit: number): Promise<SearchMatch[]> {
    const expression = toFtsExpression(terms, 'AND');
    const { rows } = await sql<FtsRow>`
      select rowid, bm25(search_fts, ${COLUMN_WEIGHTS}) as rank, lang, type_id, year, author_ids, topic_ids
      from search_fts where search_fts match ${expression}
      order by rank limit ${limit}
    `.execute(this.db);
    if (rows.length === 0) return [];
    const titleExpression = `{title} : (${toFtsExpression(terms, 'OR')})`;
    const inTitle = await sql<{ rowid: number }>`
      select rowid from search_fts where search_fts match ${titleExpression}
    `.execute(this.db);
    const titleIds = new Set(inTitle.rows.map((r) => r.rowid));
    return rows.map((r) => ({
      publicationId: r.rowid,
      // bm25() is lower-is-better and negative; flip it so higher is better.
      score: -r.rank,
      inTitle: titleIds.has(r.rowid),
      lang: r.lang,
      typeId: Number(r.type_id),
      year: Number(r.year),
      authorIds: parseIdList(r.author_ids),
      topicIds: parseIdList(r.topic_ids),
    }));
  }
}
