import { randomBytes } from 'node:crypto';
import { chmod, mkdir, mkdtemp, open, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { sql, type Kysely } from 'kysely';
import * as tar from 'tar';
import type { Db } from '../db/create-db.js';
import { BackupError } from './backup-error.js';
import { dossierVersion, FORMAT, FORMAT_VERSION, type Manifest } from './manifest.js';
import { copyMediaFolder, mediaRowFiles } from './media-files.js';
import { readSchema, type TableInfo } from './schema-info.js';
import { digestTable } from './table-dump.js';

export interface BackupOptions {
  /**
   * The database to read. On SQLite give the backup its own connection (the CLI runs in its
   * own process): the snapshot transaction holds the connection, so app writes sharing it
   * would wait for the whole backup.
   */
  db: Db;
  mediaDir: string;
  /** Where to write the archive (.tar.gz). Written beside and renamed, so it is never half there. */
  file: string;
  /** Rows per statement (tests use small pages to interleave with writers). */
  pageSize?: number;
  warn?: (message: string) => void;
}

export interface BackupResult {
  file: string;
  manifest: Manifest;
  /** Size of the archive in bytes. */
  bytes: number;
}

interface Snapshot {
  migrations: string[];
  tables: Manifest['tables'];
  referencedMedia: Set<string>;
}

/**
 * Writes one archive holding the whole site: every table as canonical JSON lines, read in one
 * snapshot transaction so the dump is consistent under write load, then the media folder,
 * with a manifest of counts and SHA-256 hashes. Layout:
 *
 *   manifest.json            format, versions, engine, migrations, per-table rows and hashes, media hashes
 *   tables/<table>.jsonl     one canonical JSON object per row, rows in primary-key order
 *   media/<path>             the media folder (MEDIA_DIR), as the site serves it
 */
export async function createBackup(options: BackupOptions): Promise<BackupResult> {
  const file = resolve(options.file);
  const warn = options.warn ?? ((message: string) => console.warn(message));
  await mkdir(dirname(file), { recursive: true });
  // Staged beside the archive, so it lands on the same file system and the final rename is atomic.
  const staging = await mkdtemp(join(dirname(file), `.${basename(file)}.staging-`));
  try {
    await mkdir(join(staging, 'tables'));
    const snapshot = await dumpSnapshot(options.db, join(staging, 'tables'), options.pageSize);
    // After the snapshot: any file a snapshot row references was uploaded before that row was
    // committed, so it is on disk now unless it was deleted since.
    const media = await copyMediaFolder(options.mediaDir, join(staging, 'media'), warn);
    const missing = [...snapshot.referencedMedia].filter((path) => !media[path]).sort();
    if (missing.length > 0)
      warn(
        `${missing.length} media file(s) the database refers to are not in ${options.mediaDir}: ` +
          `${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}. They are listed as ` +
          'missing_media in the manifest; if they were deleted during the backup, run it again.',
      );
    const manifest: Manifest = {
      format: FORMAT,
      format_version: FORMAT_VERSION,
      dossier_version: dossierVersion(),
      engine: options.db.engine,
      created_at: new Date().toISOString(),
      migrations: snapshot.migrations,
      tables: snapshot.tables,
      media,
      missing_media: missing,
    };
    await writeFile(join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    // Inside the staging folder (mkdtemp makes it private to this user) until it is complete:
    // the archive holds password hashes, site secrets and subscribers' addresses.
    const partial = join(staging, `${randomBytes(4).toString('hex')}.partial`);
    try {
      await tar.create({ gzip: true, portable: true, cwd: staging, file: partial }, [
        'manifest.json',
        'tables',
        ...(Object.keys(media).length > 0 ? ['media'] : []),
      ]);
      // On disk before it takes the real name, so a crash never leaves a truncated backup there.
      await chmod(partial, 0o600);
      const handle = await open(partial, 'r');
      await handle.sync();
      await handle.close();
      await rename(partial, file);
      // And the new name on disk too.
      const folder = await open(dirname(file), 'r');
      await folder.sync();
      await folder.close();
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
    return { file, manifest, bytes: (await stat(file)).size };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * Reads every table inside one transaction. SQLite in WAL mode gives a read transaction a
 * snapshot that writers on other connections do not disturb; PostgreSQL needs REPEATABLE READ
 * for every statement of the transaction to see the same snapshot.
 */
async function dumpSnapshot(db: Db, dir: string, pageSize: number | undefined): Promise<Snapshot> {
  let transaction = db.kysely.transaction();
  if (db.engine === 'postgres')
    transaction = transaction.setIsolationLevel('repeatable read').setAccessMode('read only');
  return transaction.execute(async (trx) => {
    const k = trx as unknown as Kysely<unknown>;
    const migrations = await readMigrations(k);
    const schema = await readSchema(k, db.engine);
    const lastIds = await readLastIds(k, db.engine, schema);
    const referencedMedia = new Set<string>();
    const tables: Manifest['tables'] = {};
    for (const table of schema) {
      const handle = await open(join(dir, `${table.name}.jsonl`), 'wx');
      try {
        const digest = await digestTable(k, db.engine, table, {
          pageSize,
          write: async (chunk) => void (await handle.write(chunk)),
          onRow:
            table.name === 'media'
              ? (row) => mediaRowFiles(row).forEach((path) => referencedMedia.add(path))
              : undefined,
        });
        const lastId = lastIds.get(table.name);
        tables[table.name] = {
          ...digest,
          columns: table.columns,
          ...(lastId !== undefined ? { last_id: lastId } : {}),
        };
      } finally {
        await handle.close();
      }
    }
    return { migrations, tables, referencedMedia };
  });
}

/** The applied migrations, oldest first. */
export async function readMigrations(db: Kysely<unknown>): Promise<string[]> {
  try {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
    return rows.map((r) => r.name);
  } catch (error) {
    throw new BackupError(
      'The database has no Dossier schema (no migration table). Run "dossier migrate" first, or check DATABASE_URL.',
      { cause: error },
    );
  }
}

/**
 * The highest id each auto-numbered table has handed out, which may be above its current
 * max(id) when rows were deleted; a restore continues from there so ids are never reused.
 */
async function readLastIds(db: Kysely<unknown>, engine: Db['engine'], schema: TableInfo[]) {
  const out = new Map<string, number>();
  if (engine === 'sqlite') {
    const { rows: exists } = await sql<{ n: number }>`
      select count(*) as n from sqlite_master where name = 'sqlite_sequence'`.execute(db);
    if (!exists[0]?.n) return out;
    const { rows } = await sql<{ name: string; seq: number }>`select name, seq from sqlite_sequence`.execute(db);
    for (const r of rows) if (schema.some((t) => t.name === r.name && t.serialColumn)) out.set(r.name, Number(r.seq));
    return out;
  }
  for (const table of schema) {
    if (!table.serialColumn) continue;
    // Sequences are outside MVCC, so this may be ahead of the snapshot, which is harmless.
    const { rows } = await sql<{ last: number | null }>`
      select s.last_value as last from pg_sequences s
      where format('%I.%I', s.schemaname, s.sequencename)::regclass
            = pg_get_serial_sequence(quote_ident(${table.name}), ${table.serialColumn})::regclass`.execute(db);
    out.set(table.name, Number(rows[0]?.last ?? 0));
  }
  return out;
}
