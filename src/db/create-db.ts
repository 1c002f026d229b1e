import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { listenForNotifications, type PgListener } from './pg-listener.js';
import type { Database } from './schema.js';

export type Engine = 'sqlite' | 'postgres';

/** An open database: the Kysely handle, which engine is behind it, and how to close it. */
export interface Db {
  kysely: Kysely<Database>;
  engine: Engine;
  /** Human-readable location for start-up messages (never includes a password). */
  describe: string;
  /** The PostgreSQL schema this Db is confined to, when one was given. */
  schema?: string;
  /** PostgreSQL only: a dedicated connection receiving NOTIFY on `channel` (see pg-listener). */
  listen?(channel: string, handlers: Parameters<typeof listenForNotifications>[2]): PgListener;
  close(): Promise<void>;
}

export interface DbOptions {
  /** postgres:// URL, `sqlite:PATH`, or undefined for `<dataDir>/dossier.db`. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** PostgreSQL only: schema to use (tests run each in its own). Created if missing. */
  pgSchema?: string;
}

// pg returns COUNT(*) and other int8 as strings; our counts fit in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/** Opens SQLite (WAL, foreign keys on) or a PostgreSQL pool, depending on the URL. */
export async function createDb(options: DbOptions): Promise<Db> {
  const url = options.databaseUrl;
  if (url && /^postgres(ql)?:\/\//.test(url)) return createPostgres(url, options.pgSchema);
  const file = url?.startsWith('sqlite:') ? url.slice('sqlite:'.length) : join(options.dataDir, 'dossier.db');
  return createSqlite(file);
}

function createSqlite(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  // NORMAL is durable across application crashes in WAL mode; only an OS crash can lose
  // the last transactions, which is the trade-off the SQLite docs recommend for WAL.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    kysely,
    engine: 'sqlite',
    describe: `SQLite at ${file}`,
    close: () => kysely.destroy(),
  };
}

async function createPostgres(url: string, schema: string | undefined): Promise<Db> {
  if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Invalid schema name: ${schema}`);
  if (schema) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    // A stuck database must not hang requests: the server cancels a statement after 5 s, and
    // the client gives up after 6 s even when the server cannot answer at all (frozen host,
    // dropped network), so no request waits longer than that on one query.
    statement_timeout: 5_000,
    query_timeout: 6_000,
    connectionTimeoutMillis: 3_000,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client losing its connection emits 'error' on the pool; without a listener
  // that would crash the process. The next query gets a fresh connection instead.
  pool.on('error', () => {});
  // A client that is checked out (mid-transaction, say) when its connection drops emits
  // 'error' on itself, not on the pool; the query in hand fails and the request gets a 503.
  pool.on('connect', (client) => client.on('error', () => {}));
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const safe = new URL(url);
  safe.password = '';
  return {
    kysely,
    engine: 'postgres',
    describe: `PostgreSQL at ${safe.host}${safe.pathname}${schema ? ` (schema ${schema})` : ''}`,
    ...(schema ? { schema } : {}),
    listen: (channel, handlers) => listenForNotifications(url, channel, handlers),
    close: () => kysely.destroy(),
  };
}
