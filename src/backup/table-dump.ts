import { createHash } from 'node:crypto';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Engine } from '../db/create-db.js';
import type { TableInfo } from './schema-info.js';

/**
 * Rows read per statement. PostgreSQL cancels any statement after 5 s (see create-db.ts), so
 * big tables are read in pages by primary key rather than in one query.
 */
export const DEFAULT_PAGE_SIZE = 500;

export type Row = Record<string, string | number | null>;

/**
 * One row as a line of canonical JSON: keys sorted, values only text, numbers or null. Both
 * engines store the same shapes (ISO date strings, 0/1 booleans; see db/schema.ts), so a
 * table dumps to the same bytes on either, and its hash can be compared across engines.
 */
export function canonicalLine(table: string, row: Record<string, unknown>, columns: string[]): string {
  const out: Row = {};
  for (const column of [...columns].sort()) {
    const value = row[column];
    if (value === null || typeof value === 'string') out[column] = value;
    else if (typeof value === 'number' && Number.isFinite(value)) out[column] = value;
    else if (typeof value === 'bigint') out[column] = Number(value);
    else
      throw new Error(
        `${table}.${column} holds a value of type ${value === undefined ? 'undefined' : typeof value}, ` +
          'which a backup cannot represent',
      );
  }
  return JSON.stringify(out);
}

/** A column usable in ORDER BY and comparisons, ordering text byte-wise on both engines. */
function keyRef(engine: Engine, table: TableInfo, column: string): RawBuilder<unknown> {
  // SQLite compares text with memcmp (BINARY); PostgreSQL uses the database's locale unless
  // told otherwise, and "C" is the byte order that matches SQLite's.
  return engine === 'postgres' && table.textKeys.has(column)
    ? sql`${sql.id(column)} collate "C"`
    : sql`${sql.id(column)}`;
}

/**
 * Streams a table's rows in primary-key order, one page per statement, through `trx` (which
 * must be the snapshot transaction: each page sees the same data). Keyset paging keeps every
 * statement short however large the table; a table without a key falls back to offsets.
 */
export async function* readTable(
  trx: Kysely<unknown>,
  engine: Engine,
  table: TableInfo,
  pageSize = DEFAULT_PAGE_SIZE,
): AsyncGenerator<Record<string, unknown>[]> {
  const columns = sql.join(table.columns.map((c) => sql.id(c)));
  const from = sql.id(table.name);
  const key = table.primaryKey.length > 0 ? table.primaryKey : table.columns;
  const order = sql.join(key.map((c) => keyRef(engine, table, c)));
  let last: Record<string, unknown> | undefined;
  let offset = 0;
  for (;;) {
    let query: RawBuilder<Record<string, unknown>>;
    if (table.primaryKey.length === 0) {
      query = sql`select ${columns} from ${from} order by ${order} limit ${pageSize} offset ${offset}`;
    } else if (!last) {
      query = sql`select ${columns} from ${from} order by ${order} limit ${pageSize}`;
    } else {
      const previous = last;
      const after =
        key.length === 1
          ? sql`${keyRef(engine, table, key[0]!)} > ${previous[key[0]!]}`
          : sql`(${order}) > (${sql.join(key.map((c) => previous[c]))})`;
      query = sql`select ${columns} from ${from} where ${after} order by ${order} limit ${pageSize}`;
    }
    const { rows } = await query.execute(trx);
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < pageSize) return;
    last = rows[rows.length - 1];
    offset += rows.length;
  }
}

/** Row count and SHA-256 of a table's canonical lines. */
export interface TableDigest {
  rows: number;
  sha256: string;
}

/**
 * Hashes a table as `dumpTable` would write it, and hands each page of lines to `write`
 * (omit it to only hash, as the restore's final check does).
 */
export async function digestTable(
  trx: Kysely<unknown>,
  engine: Engine,
  table: TableInfo,
  options: {
    pageSize?: number;
    columns?: string[];
    write?: (chunk: string) => Promise<void>;
    onRow?: (row: Record<string, unknown>) => void;
  } = {},
): Promise<TableDigest> {
  const hash = createHash('sha256');
  const columns = options.columns ?? table.columns;
  let rows = 0;
  for await (const page of readTable(trx, engine, table, options.pageSize)) {
    let chunk = '';
    for (const row of page) {
      chunk += `${canonicalLine(table.name, row, columns)}\n`;
      options.onRow?.(row);
    }
    rows += page.length;
    hash.update(chunk);
    if (options.write) await options.write(chunk);
  }
  return { rows, sha256: hash.digest('hex') };
}
