import { sql, type Kysely } from 'kysely';
import type { Engine } from '../db/create-db.js';

/** What a backup needs to know about one table, read from the live database. */
export interface TableInfo {
  name: string;
  /** Column names in declaration order. */
  columns: string[];
  /** Primary-key columns in key order; empty when the table has none. */
  primaryKey: string[];
  /** The primary-key columns holding text (they are ordered byte-wise on both engines). */
  textKeys: Set<string>;
  foreignKeys: { columns: string[]; table: string }[];
  /** The auto-numbered id column (SQLite AUTOINCREMENT, PostgreSQL serial), if any. */
  serialColumn: string | undefined;
}

/**
 * Tables that are not backed up: the migrator's own bookkeeping (recorded in the manifest as
 * a list of names instead) and the search index, which is derived from the publications and
 * rebuilt on restore. The index is stored differently on each engine (an FTS5 table with
 * shadow tables on SQLite, a tsvector table on PostgreSQL), so dumping it would tie a backup
 * to the engine it came from.
 */
const SKIPPED = /^(kysely_migration|kysely_migration_lock|search_fts(_.*)?|search_documents|sqlite_.*)$/;

/** Table names are used in file names inside the archive, so only plain identifiers pass. */
export const TABLE_NAME = /^[a-z_][a-z0-9_]*$/;

/** Every data table of the schema, in an order where each table comes after those it references. */
export async function readSchema(db: Kysely<unknown>, engine: Engine): Promise<TableInfo[]> {
  const tables = engine === 'sqlite' ? await readSqliteSchema(db) : await readPostgresSchema(db);
  return foreignKeyOrder(tables);
}

async function readSqliteSchema(db: Kysely<unknown>): Promise<TableInfo[]> {
  const { rows: names } = await sql<{ name: string; sql: string | null }>`
    select name, sql from sqlite_master where type = 'table' order by name`.execute(db);
  const virtual = names.filter((t) => /^\s*create\s+virtual\s+table/i.test(t.sql ?? '')).map((t) => t.name);
  const autoincrement = new Set<string>();
  for (const t of names) if (/\bautoincrement\b/i.test(t.sql ?? '')) autoincrement.add(t.name);
  const result: TableInfo[] = [];
  for (const { name } of names) {
    // FTS5 keeps its data in ordinary tables named after the virtual one.
    if (SKIPPED.test(name) || virtual.some((v) => name === v || name.startsWith(`${v}_`))) continue;
    assertTableName(name);
    const { rows: cols } = await sql<{ name: string; type: string; pk: number }>`
      select name, type, pk from pragma_table_info(${name}) order by cid`.execute(db);
    const { rows: fks } = await sql<{ id: number; seq: number; table: string; from: string }>`
      select id, seq, "table", "from" from pragma_foreign_key_list(${name}) order by id, seq`.execute(db);
    const primaryKey = cols
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => c.name);
    const byId = new Map<number, { columns: string[]; table: string }>();
    for (const fk of fks) {
      const entry = byId.get(fk.id) ?? { columns: [], table: fk.table };
      entry.columns.push(fk.from);
      byId.set(fk.id, entry);
    }
    result.push({
      name,
      columns: cols.map((c) => c.name),
      primaryKey,
      textKeys: new Set(cols.filter((c) => c.pk > 0 && /char|clob|text/i.test(c.type)).map((c) => c.name)),
      foreignKeys: [...byId.values()],
      serialColumn: autoincrement.has(name) && primaryKey.length === 1 ? primaryKey[0] : undefined,
    });
  }
  return result;
}

async function readPostgresSchema(db: Kysely<unknown>): Promise<TableInfo[]> {
  const { rows: names } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const { rows: cols } = await sql<{ table: string; name: string; type: string; serial: string | null }>`
    select table_name as "table", column_name as name, data_type as type,
           pg_get_serial_sequence(quote_ident(table_name), column_name) as serial
    from information_schema.columns where table_schema = current_schema()
    order by table_name, ordinal_position`.execute(db);
  const { rows: keys } = await sql<{ table: string; name: string }>`
    select c.relname as "table", a.attname::text as name
    from pg_index i
    join pg_class c on c.oid = i.indrelid
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey::int2[])
    where i.indisprimary and n.nspname = current_schema()
    order by c.relname, array_position(i.indkey::int2[], a.attnum)`.execute(db);
  const { rows: fks } = await sql<{ table: string; name: string; target: string; columns: string[] }>`
    select c.relname as "table", con.conname as name, f.relname as target,
           array(select a.attname::text from unnest(con.conkey) with ordinality k(attnum, ord)
                 join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum
                 order by k.ord)::text[] as columns
    from pg_constraint con
    join pg_class c on c.oid = con.conrelid
    join pg_namespace n on n.oid = c.relnamespace
    join pg_class f on f.oid = con.confrelid
    where con.contype = 'f' and n.nspname = current_schema()
    order by c.relname, con.conname`.execute(db);
  const result: TableInfo[] = [];
  for (const { name } of names) {
    if (SKIPPED.test(name)) continue;
    assertTableName(name);
    const own = cols.filter((c) => c.table === name);
    const primaryKey = keys.filter((k) => k.table === name).map((k) => k.name);
    const textTypes = new Set(own.filter((c) => /char|text/.test(c.type)).map((c) => c.name));
    result.push({
      name,
      columns: own.map((c) => c.name),
      primaryKey,
      textKeys: new Set(primaryKey.filter((k) => textTypes.has(k))),
      foreignKeys: fks.filter((f) => f.table === name).map((f) => ({ columns: f.columns, table: f.target })),
      serialColumn: own.find((c) => c.serial !== null)?.name,
    });
  }
  return result;
}

function assertTableName(name: string): void {
  if (!TABLE_NAME.test(name)) throw new Error(`Unexpected table name ${JSON.stringify(name)} in the database`);
}

/**
 * Orders tables so every table follows the ones it references (a table referencing itself,
 * like topics.parent_id, is handled row by row on restore). Ties keep alphabetical order so
 * the result is the same on both engines.
 */
export function foreignKeyOrder(tables: TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const sorted: TableInfo[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (t: TableInfo, path: string[]) => {
    const seen = state.get(t.name);
    if (seen === 'done') return;
    if (seen === 'visiting') throw new Error(`Foreign keys form a cycle: ${[...path, t.name].join(' → ')}`);
    state.set(t.name, 'visiting');
    for (const fk of t.foreignKeys) {
      const target = byName.get(fk.table);
      if (target && target.name !== t.name) visit(target, [...path, t.name]);
    }
    state.set(t.name, 'done');
    sorted.push(t);
  };
  for (const t of [...tables].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) visit(t, []);
  return sorted;
}

/** Foreign keys of a table that point back at the table itself. */
export function selfReferences(table: TableInfo): string[] {
  return table.foreignKeys.filter((fk) => fk.table === table.name).flatMap((fk) => fk.columns);
}
