import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.js';
import { ContentService } from '../src/content/content-service.js';
import { createDb, type Db } from '../src/db/create-db.js';
import { LocalMediaStore } from '../src/media/media-store.js';
import { AdminClient, signIn } from './support/admin-client.js';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy.js';
import { createTestSite, testEngines, TEST_PG_URL, type TestSite } from './support/test-db.js';

const pgSkip = (await testEngines()).find((e) => e.engine === 'postgres')!.skip;
/** The pool's client-side query timeout (6 s) plus one second of slack. */
const LONGEST_ANSWER_MS = 7_000;

interface Answer {
  status: number;
  retryAfter: string | undefined;
  ms: number;
}

async function timed(app: FastifyInstance, url: string): Promise<Answer> {
  const started = Date.now();
  const res = await app.inject({ method: 'GET', url });
  return {
    status: res.statusCode,
    retryAfter: res.headers['retry-after'] as string | undefined,
    ms: Date.now() - started,
  };
}

/** Every answer during a fault is a page or a 503 that says when to retry, and none is slow. */
function assertHonest(answers: Answer[]) {
  for (const a of answers) {
    assert.ok(a.status === 200 || a.status === 503, `status ${a.status}`);
    if (a.status === 503) assert.equal(a.retryAfter, '5');
    assert.ok(a.ms < LONGEST_ANSWER_MS, `answered in ${a.ms} ms`);
  }
}

async function until(ms: number, check: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < ms) {
    if (await check()) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`not recovered within ${ms} ms`);
}

describe('PostgreSQL going away under load', { skip: pgSkip }, () => {
  let site: TestSite;
  let proxy: TcpProxy;
  let db: Db;
  let app: FastifyInstance;
  let editor: AdminClient;
  const acknowledged: string[] = [];
  let searches = 0;

  const search = () => timed(app, `/en/search?q=${encodeURIComponent(`energy ${searches++}`)}`);
  const addTopic = async () => {
    const name = `Outage topic ${acknowledged.length}-${Math.random().toString(36).slice(2, 7)}`;
    const res = await editor.post('/admin/topics', {
      name_en: name,
      name_he: `נושא ${name}`,
      slug_en: '',
      slug_he: '',
    });
    if (res.statusCode === 303) acknowledged.push(name);
    return res.statusCode;
  };

  before(async () => {
    site = await createTestSite('postgres');
    proxy = await startTcpProxy('127.0.0.1', Number(new URL(TEST_PG_URL).port || 5432));
    const proxied = new URL(TEST_PG_URL);
    proxied.port = String(proxy.port);
    db = await createDb({ databaseUrl: proxied.toString(), dataDir: site.dataDir, pgSchema: site.pgSchema });
    app = await buildApp({
      config: { publicUrl: 'http://dossier.test', dataDir: site.dataDir, pageCacheMb: 8 },
      db,
      content: new ContentService(db),
      mailer: { describe: 'none', send: async () => {} },
      mediaStore: new LocalMediaStore(join(site.dataDir, 'media')),
    });
    editor = await signIn(app, 'editor@meridian.example');
  });

  after(async () => {
    await app?.close();
    await db?.close();
    await proxy?.close();
    await site?.close();
  });

  it('answers 503 with Retry-After while the database is cut off, and recovers by itself', async () => {
    assert.equal((await search()).status, 200);
    assert.equal(await addTopic(), 303);

    proxy.cut();
    const during: Answer[] = [];
    const writes: number[] = [];
    for (let round = 0; round < 5; round++) {
      during.push(...(await Promise.all([search(), search(), timed(app, '/en/')])));
      writes.push(await addTopic());
    }
    assertHonest(during);
    assert.ok(
      during.some((a) => a.status === 503),
      'the outage was noticed',
    );
    assert.ok(
      writes.every((s) => s === 503 || s === 303),
      `writes during the outage: ${writes.join(',')}`,
    );
    assert.equal((await timed(app, '/healthz')).status, 200, 'the process itself is fine');
    assert.equal((await timed(app, '/readyz')).status, 503, 'but not ready');

    proxy.restore();
    const recoveredIn = await until(5_000, async () => (await search()).status === 200);
    assert.equal((await timed(app, '/readyz')).status, 200);
    assert.equal(await addTopic(), 303);
    console.log(`# recovered ${recoveredIn} ms after the database came back`);
  });

  it('answers within the query timeout when the database hangs', async () => {
    proxy.freeze();
    const during = await Promise.all([search(), search(), timed(app, '/readyz')]);
    proxy.restore();
    assert.ok(
      during.slice(0, 2).every((a) => a.status === 503 && a.ms < LONGEST_ANSWER_MS),
      JSON.stringify(during),
    );
    assert.equal(during[2]!.status, 503, 'the readiness probe gives up after its own 2 s');
    await until(5_000, async () => (await search()).status === 200);
  });

  it('lost no acknowledged write', async () => {
    const stored = await site.db.kysely.selectFrom('topics').select('name_en').execute();
    const names = new Set(stored.map((t) => t.name_en));
    assert.ok(acknowledged.length >= 2);
    for (const name of acknowledged) assert.ok(names.has(name), `${name} was acknowledged but is missing`);
  });
});

describe('SQLite locked by another writer', () => {
  let site: TestSite;
  before(async () => {
    site = await createTestSite('sqlite');
  });
  after(async () => site?.close());

  it('answers 503 with Retry-After instead of an error page, and works once the lock is gone', async () => {
    const editor = await signIn(site.app, 'editor@meridian.example');
    const other = new SqliteDatabase(join(site.dataDir, 'dossier.db'));
    other.exec('BEGIN IMMEDIATE');
    try {
      const res = await editor.post('/admin/topics', {
        name_en: 'Locked out',
        name_he: 'נעול',
        slug_en: '',
        slug_he: '',
      });
      assert.equal(res.statusCode, 503);
      assert.equal(res.headers['retry-after'], '5');
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    const res = await editor.post('/admin/topics', { name_en: 'Let in', name_he: 'נכנס', slug_en: '', slug_he: '' });
    assert.equal(res.statusCode, 303);
  });
});
