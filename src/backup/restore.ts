import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { sql, type Kysely } from 'kysely';
import { ContentService } from '../content/content-service.js';
import type { Db } from '../db/create-db.js';
import { migrateToLatest } from '../db/migrate.js';
import type { Database } from '../db/schema.js';
import { createSearchIndex } from '../search/create-search-index.js';
import { unpackArchive, type UnpackedArchive } from './archive-reader.js';
import { readMigrations } from './backup.js';
import { BackupError } from './backup-error.js';
import type { Manifest } from './manifest.js';
import { listFiles } from './media-files.js';
import { readSchema, selfReferences, type TableInfo } from './schema-info.js';
import { digestTable } from './table-dump.js';

export interface RestoreOptions {
  /** The target database. Stop the site first: a running server keeps stale caches. */
  db: Db;
  mediaDir: string;
  file: string;
  /** Replace whatever the target database and media folder hold. */
  force?: boolean;
  pageSize?: number;
  warn?: (message: string) => void;
}

export interface RestoreResult {
  manifest: Manifest;
  rows: number;
  mediaFiles: number;
  /** Publications put back into the search index. */
  indexed: number;
}

/**
 * Tables a freshly migrated database already has rows in (001-content writes the content
 * version); they do not make a database count as in use.
 */
const SEEDED_BY_MIGRATIONS = new Set(['site_state']);

/** Most values bound in one INSERT: below SQLite's oldest limit of 999 variables. */
const MAX_VARIABLES = 900;

/**
 * Restores an archive made by `createBackup`, into either engine. Everything is checked
 * before the database is touched (unpackArchive); the database is then replaced in one
 * transaction that also re-reads every table and compares it with the manifest before it
 * commits, so on any error the database is left as it was. The search index is rebuilt
 * rather than restored. Media files go into place last, once the data is committed.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const { db } = options;
  const warn = options.warn ?? ((message: string) => console.warn(message));
  const mediaDir = resolve(options.mediaDir);
  await mkdir(dirname(mediaDir), { recursive: true });
  // Beside the media folder, so moving the files into place is a rename on the same disk.
  const staging = await mkdtemp(join(dirname(mediaDir), `.${basename(mediaDir)}.restore-`));
  try {
    const archive = await unpackArchive(resolve(options.file), staging);
    const { manifest } = archive;

    await migrateToLatest(db);
    const k = db.kysely as unknown as Kysely<unknown>;
    const known = await readMigrations(k);
    const unknown = manifest.migrations.filter((m) => !known.includes(m));
    if (unknown.length > 0)
      throw new BackupError(
        `This backup was made by a newer Dossier (${manifest.dossier_version}): its database has migrations this ` +
          `version does not know (${unknown.join(', ')}). Upgrade Dossier, then restore.`,
      );
    if (manifest.migrations.some((m, i) => known[i] !== m))
      throw new BackupError(
        `The backup's migrations (${manifest.migrations.join(', ')}) do not match this Dossier's ` +
          `(${known.join(', ')}); it cannot be restored by this version.`,
      );
    if (manifest.migrations.length < known.length)
      warn(
        `The backup predates migrations ${known.slice(manifest.migrations.length).join(', ')}; ` +
          'columns added since take their defaults.',
      );

    const schema = await readSchema(k, db.engine);
    checkTablesFit(manifest, schema);
    if (manifest.missing_media.length > 0)
      warn(
        `The backup lacks ${manifest.missing_media.length} media file(s) its database refers to ` +
          `(${manifest.missing_media.slice(0, 5).join(', ')}); they were already missing when it was made.`,
      );

    if (!options.force) {
      const present = (await listFiles(mediaDir)).files.length;
      if (present > 0)
        throw new BackupError(
          `The media folder ${mediaDir} is not empty (${present} files). Restore into a fresh data folder, ` +
            'or pass --force to replace its contents.',
        );
    }

    const { rows, indexed } = await db.kysely.transaction().execute(async (trx) => {
      const t = trx as unknown as Kysely<unknown>;
      if (!options.force) await assertEmpty(t, schema);
      for (const table of [...schema].reverse()) await wipeTable(t, table);
      let rows = 0;
      for (const table of schema) {
        if (manifest.tables[table.name]) rows += await insertTable(t, table, archive);
      }
      await resetSequences(t, db.engine, schema, manifest);
      await verifyTables(t, db.engine, schema, manifest, options.pageSize);
      const indexed = await rebuildSearchIndex(db, trx);
      return { rows, indexed };
    });

    await putMediaInPlace(archive.mediaDir, mediaDir, staging);
    return { manifest, rows, mediaFiles: Object.keys(manifest.media).length, indexed };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * Empties a table. A reference to the same table is cleared first: with ON DELETE RESTRICT
 * (topics.parent_id) SQLite checks each row as it goes, so deleting a parent before its
 * child in one statement would fail.
 */
async function wipeTable(db: Kysely<unknown>, table: TableInfo): Promise<void> {
  const own = selfReferences(table);
  if (own.length > 0)
    await sql`update ${sql.id(table.name)} set ${sql.join(own.map((c) => sql`${sql.id(c)} = null`))}`.execute(db);
  await sql`delete from ${sql.id(table.name)}`.execute(db);
}

/** Every table and column of the archive must exist here (newer tables may stay empty). */
function checkTablesFit(manifest: Manifest, schema: TableInfo[]): void {
  for (const [name, table] of Object.entries(manifest.tables)) {
    const here = schema.find((t) => t.name === name);
    if (!here) throw new BackupError(`The backup has a table "${name}" that this version of Dossier does not have.`);
    const extra = table.columns.filter((c) => !here.columns.includes(c));
    if (extra.length > 0)
      throw new BackupError(
        `The backup's table "${name}" has columns this version of Dossier does not have: ${extra.join(', ')}.`,
      );
  }
}

async function assertEmpty(db: Kysely<unknown>, schema: TableInfo[]): Promise<void> {
  const used: string[] = [];
  for (const table of schema) {
    if (SEEDED_BY_MIGRATIONS.has(table.name)) continue;
    const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.id(table.name)}`.execute(db);
    const n = Number(rows[0]?.n ?? 0);
    if (n > 0) used.push(`${n} in ${table.name}`);
  }
  if (used.length > 0)
    throw new BackupError(
      `The target database is not empty (rows: ${used.slice(0, 6).join(', ')}${used.length > 6 ? ', …' : ''}). ` +
        'Restore into a fresh database, or pass --force to replace everything in it.',
    );
}

/**
 * Inserts a table's rows from its JSON lines in batches. A column referencing its own table
 * (topics.parent_id) is filled in afterwards, so rows may come in any order.
 */
async function insertTable(db: Kysely<unknown>, table: TableInfo, archive: UnpackedArchive): Promise<number> {
  try {
    return await insertRows(db, table, archive);
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(
      `Restoring table ${table.name} failed: ${(error as Error).message}. Nothing was restored: ` +
        'the database is as it was.',
      { cause: error },
    );
  }
}

async function insertRows(db: Kysely<unknown>, table: TableInfo, archive: UnpackedArchive): Promise<number> {
  const columns = archive.manifest.tables[table.name]!.columns;
  const deferred = selfReferences(table).filter((c) => columns.includes(c));
  const key = table.primaryKey;
  if (deferred.length > 0 && key.length === 0)
    throw new BackupError(`Table ${table.name} refers to itself but has no primary key; it cannot be restored.`);
  const perBatch = Math.max(1, Math.floor(MAX_VARIABLES / columns.length));
  const later: Record<string, unknown>[] = [];
  let batch: Record<string, unknown>[] = [];
  let count = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const values = batch.map((row) => sql`(${sql.join(columns.map((c) => (deferred.includes(c) ? null : row[c])))})`);
    await sql`insert into ${sql.id(table.name)} (${sql.join(columns.map((c) => sql.id(c)))}) values ${sql.join(values)}`.execute(
      db,
    );
    batch = [];
  };
  const lines = createInterface({
    input: createReadStream(join(archive.tablesDir, `${table.name}.jsonl`), 'utf8'),
    crlfDelay: Infinity,
  });
  for await (const line of lines) {
    if (line === '') continue;
    const row = JSON.parse(line) as Record<string, unknown>;
    for (const column of columns) {
      const value = row[column];
      if (!(value === null || typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))))
        throw new BackupError(`Table ${table.name}, column ${column}: the backup holds a value of an unexpected type.`);
    }
    batch.push(row);
    if (deferred.some((c) => row[c] !== null && row[c] !== undefined)) later.push(row);
    count++;
    if (batch.length >= perBatch) await flush();
  }
  await flush();
  for (const row of later) {
    const set = sql.join(deferred.map((c) => sql`${sql.id(c)} = ${row[c]}`));
    const where = sql.join(
      key.map((c) => sql`${sql.id(c)} = ${row[c]}`),
      sql` and `,
    );
    await sql`update ${sql.id(table.name)} set ${set} where ${where}`.execute(db);
  }
  return count;
}

/**
 * New rows must continue after the highest id the original ever handed out: PostgreSQL's
 * sequences do not move when ids are inserted explicitly, and SQLite's AUTOINCREMENT counter
 * only follows max(id), which forgets deleted rows.
 */
async function resetSequences(db: Kysely<unknown>, engine: Db['engine'], schema: TableInfo[], manifest: Manifest) {
  for (const table of schema) {
    const column = table.serialColumn;
    if (!column) continue;
    const { rows } = await sql<{ max: number | null }>`
      select max(${sql.id(column)}) as max from ${sql.id(table.name)}`.execute(db);
    const last = Math.max(Number(rows[0]?.max ?? 0), manifest.tables[table.name]?.last_id ?? 0);
    if (engine === 'postgres') {
      await sql`select setval(pg_get_serial_sequence(quote_ident(${table.name}), ${column}), ${Math.max(last, 1)}, ${last > 0})`.execute(
        db,
      );
    } else {
      const updated = await sql`update sqlite_sequence set seq = ${last} where name = ${table.name}`.execute(db);
      if (!updated.numAffectedRows)
        await sql`insert into sqlite_sequence (name, seq) values (${table.name}, ${last})`.execute(db);
    }
  }
}

/** Re-reads every restored table through the transaction and compares it with the manifest. */
async function verifyTables(
  db: Kysely<unknown>,
  engine: Db['engine'],
  schema: TableInfo[],
  manifest: Manifest,
  pageSize: number | undefined,
): Promise<void> {
  for (const table of schema) {
    const expected = manifest.tables[table.name];
    if (!expected) continue;
    const got = await digestTable(db, engine, table, { pageSize, columns: expected.columns });
    if (got.rows !== expected.rows || got.sha256 !== expected.sha256)
      throw new BackupError(
        `After restoring, table ${table.name} does not match the backup (${got.rows} rows, expected ` +
          `${expected.rows}${got.rows === expected.rows ? '; same count, different content' : ''}). Nothing was restored.`,
      );
  }
}

/** The search index is derived data: rebuilt from the restored publications, in the same transaction. */
async function rebuildSearchIndex(db: Db, trx: Kysely<Database>): Promise<number> {
  const content = new ContentService(db);
  await createSearchIndex(db.engine, trx).clear();
  const topics = await trx.selectFrom('topics').select(['id', 'parent_id']).execute();
  const parents = new Map(topics.map((t) => [t.id, t.parent_id]));
  const published = await trx
    .selectFrom('publications')
    .select('id')
    .where('status', '=', 'published')
    .orderBy('id')
    .execute();
  for (const { id } of published) await content.indexPublication(trx, id, parents);
  return published.length;
}

/** Swaps the verified media files into the media folder, replacing what was there (only with --force). */
async function putMediaInPlace(from: string, mediaDir: string, staging: string): Promise<void> {
  const existing = await readdir(mediaDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (existing) await rename(mediaDir, join(staging, 'replaced-media'));
  await rename(from, mediaDir);
}
