import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { buildApp } from '../../src/app.js';
import { ContentService } from '../../src/content/content-service.js';
import { createDb, type Db, type Engine } from '../../src/db/create-db.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import type { Mailer, OutgoingMail } from '../../src/mail/mailer.js';
import { LocalMediaStore } from '../../src/media/media-store.js';
import { seedDemo } from '../../src/seed/seed-demo.js';

/** PostgreSQL server for tests; each test file gets its own schema in it. */
export const TEST_PG_URL = process.env.DOSSIER_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: TEST_PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/**
 * The engines to run against. SQLite always; PostgreSQL when reachable. Under CI=true a
 * missing PostgreSQL is an error, never a silent skip.
 */
export async function testEngines(): Promise<{ engine: Engine; skip: string | false }[]> {
  const hasPg = await postgresReachable();
  if (!hasPg && process.env.CI === 'true')
    throw new Error(`PostgreSQL is required under CI=true but ${TEST_PG_URL} is not reachable`);
  return [
    { engine: 'sqlite', skip: false },
    { engine: 'postgres', skip: hasPg ? false : `PostgreSQL not reachable at ${TEST_PG_URL}` },
  ];
}

export interface TestSite {
  db: Db;
  content: ContentService;
  app: Awaited<ReturnType<typeof buildApp>>;
  dataDir: string;
  /** The PostgreSQL schema of this site, for a second process to open the same database. */
  pgSchema: string | undefined;
  /** Mail the app sent, newest last. */
  mail: OutgoingMail[];
  close(): Promise<void>;
}

/** A fresh database (SQLite file or PostgreSQL schema), migrated, optionally seeded, with the app on top. */
export async function createTestSite(
  engine: Engine,
  options: { seed?: boolean; mailer?: Mailer } = {},
): Promise<TestSite> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dossier-test-'));
  const schema = `test_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const db = await createDb({
    databaseUrl: engine === 'postgres' ? TEST_PG_URL : undefined,
    dataDir,
    pgSchema: engine === 'postgres' ? schema : undefined,
  });
  await migrateToLatest(db);
  const content = new ContentService(db);
  if (options.seed !== false) await seedDemo(db, content, join(dataDir, 'media'));
  const mail: OutgoingMail[] = [];
  const mailer: Mailer = options.mailer ?? { describe: 'test capture', send: async (m) => void mail.push(m) };
  const mediaStore = new LocalMediaStore(join(dataDir, 'media'));
  const app = await buildApp({
    config: { publicUrl: 'http://dossier.test', dataDir, pageCacheMb: 8 },
    db,
    content,
    mailer,
    mediaStore,
  });
  return {
    db,
    content,
    app,
    dataDir,
    pgSchema: engine === 'postgres' ? schema : undefined,
    mail,
    async close() {
      await app.close();
      await db.close();
      if (engine === 'postgres') {
        const client = new pg.Client({ connectionString: TEST_PG_URL });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await client.end();
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
