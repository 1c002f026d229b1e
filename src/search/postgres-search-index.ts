import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { idList, parseIdList, type SearchDocument, type SearchIndex, type SearchMatch } from './search-index.js';
import type { QueryTerm } from './tokens.js';

/**
 * Builds a tsquery string. Forms hold only letters and digits (tokens.ts), so quoting them
 * as lexemes is enough to make any input safe. `weight` restricts matches to one column.
 */
function toTsQuery(terms: QueryTerm[], join: '&' | '|', weight = ''): string {
  return terms
    .map(
      (t) =>
        `(${t.forms.map((f) => `'${f.replaceAll("'", "''")}'${t.prefix ? ':*' : ':'}${weight}`.replace(/:$/, '')).join(' | ')})`,
    )
    .join(` ${join} `);
}

interface PgRow {
  publication_id: number;
  score: number;
  in_title: boolean;
  lang: string;
  type_id: number;
  year: number;
  author_ids: string;
  topic_ids: string;
}

/** PostgreSQL implementation of SearchIndex: a weighted `simple` tsvector with a GIN index. */
export class PostgresSearchIndex implements SearchIndex {
  private readonly db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.db = db;
  }

  async upsert(doc: SearchDocument): Promise<void> {
    await sql`
      insert into search_documents (publication_id, lang, type_id, year, author_ids, topic_ids, document)
      values (${doc.publicationId}, ${doc.lang}, ${doc.typeId}, ${doc.year}, ${idList(doc.authorIds)}, ${idList(doc.topicIds)},
        setweight(to_tsvector('simple', ${doc.title}), 'A') ||
        setweight(to_tsvector('simple', ${doc.authors}), 'B') ||
        setweight(to_tsvector('simple', ${doc.summary}), 'C') ||
        setweight(to_tsvector('simple', ${doc.body}), 'D'))
      on conflict (publication_id) do update set
        lang = excluded.lang, type_id = excluded.type_id, year = excluded.year,
        author_ids = excluded.author_ids, topic_ids = excluded.topic_ids, document = excluded.document
    `.execute(this.db);
  }

  async remove(publicationId: number): Promise<void> {
    await sql`delete from search_documents where publication_id = ${publicationId}`.execute(this.db);
  }

  async clear(): Promise<void> {
    await sql`delete from search_documents`.execute(this.db);
  }

  async match(terms: QueryTerm[], limit: number): Promise<SearchMatch[]> {
    const query = toTsQuery(terms, '&');
    const titleQuery = toTsQuery(terms, '|', 'A');
    // Weights for D, C, B, A (body, summary, authors, title), matching the SQLite bm25 weights.
    const { rows } = await sql<PgRow>`
      select publication_id, ts_rank('{0.1, 0.3, 0.4, 1.0}', document, q) as score,
             document @@ to_tsquery('simple', ${titleQuery}) as in_title,
             lang, type_id, year, author_ids, topic_ids
      from search_documents, to_tsquery('simple', ${query}) q
      where document @@ q
      order by score desc limit ${limit}
    `.execute(this.db);
    return rows.map((r) => ({
      publicationId: r.publication_id,
      score: Number(r.score),
      inTitle: r.in_title,
      lang: r.lang,
      typeId: r.type_id,
      year: r.year,
      authorIds: parseIdList(r.author_ids),
      topicIds: parseIdList(r.topic_ids),
    }));
  }
}
