import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import sharp from 'sharp';
import { createDb, type Db } from '../src/db/create-db.js';
import { DEMO_PASSWORD } from '../src/seed/demo-users.js';
import { HttpSession, startNode, type DossierNode } from './support/dossier-node.js';
import { testEngines, TEST_PG_URL } from './support/test-db.js';

const EDITOR = 'editor@meridian.example';
const pgSkip = (await testEngines()).find((e) => e.engine === 'postgres')!.skip;

/** Runs SQL on the server's maintenance database (CREATE/DROP DATABASE cannot run in a transaction). */
async function onServer(statement: string) {
  const client = new pg.Client({ connectionString: TEST_PG_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function signIn(node: DossierNode, email: string): Promise<HttpSession> {
  const session = new HttpSession();
  await session.request(`${node.url}/admin/sign-in`);
  const res = await session.request(`${node.url}/admin/sign-in`, { form: { email, password: DEMO_PASSWORD } });
  assert.equal(res.status, 303, `sign-in on ${node.url}: ${res.status}`);
  await session.request(`${node.url}/admin/publications`);
  return session;
}

/** Polls until `check` passes; returns the milliseconds it took. */
async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < ms) {
    if (await check()) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`not true within ${ms} ms`);
}

describe('two app nodes on one PostgreSQL database', { skip: pgSkip }, () => {
  const database = `dossier_nodes_${process.pid}_${Date.now().toString(36)}`;
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${database}`;
  const root = mkdtempSync(join(tmpdir(), 'dossier-nodes-'));
  let a: DossierNode;
  let b: DossierNode;
  let db: Db;

  before(async () => {
    await onServer(`CREATE DATABASE ${database}`);
    const shared = {
      DATABASE_URL: url.toString(),
      MEDIA_DIR: join(root, 'media'),
      SCHEDULER_INTERVAL_SECONDS: '1',
    };
    // A seeds the demo; B starts on the seeded database, as a second node joining would.
    a = await startNode({ ...shared, DATA_DIR: join(root, 'a'), SEED_DEMO: 'true' });
    b = await startNode({ ...shared, DATA_DIR: join(root, 'b'), SEED_DEMO: 'false' });
    db = await createDb({ databaseUrl: url.toString(), dataDir: root });
  });

  after(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await db?.close();
    await onServer(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    rmSync(root, { recursive: true, force: true });
  });

  it('a session started on node A works on node B, form token included', async () => {
    const editor = await signIn(a, EDITOR);
    const list = await editor.request(`${b.url}/admin/publications`);
    assert.equal(list.status, 200);
    assert.match(list.text, /Signed in as editor@meridian.example/);
    const signOut = await editor.request(`${b.url}/admin/sign-out`, { form: {} });
    assert.equal(signOut.status, 303);
    const after = await editor.request(`${a.url}/admin/publications`);
    assert.equal(after.status, 303, 'signed out on B, so A no longer knows the session');
  });

  it('publishing on A shows on B within one second, cached listing included', async () => {
    const editor = await signIn(a, EDITOR);
    const pub = await db.kysely
      .selectFrom('publications as p')
      .innerJoin('publication_types as t', 't.id', 'p.type_id')
      .select(['p.id', 'p.title', 'p.slug', 't.slug as typeSlug'])
      .where('p.status', '=', 'published')
      .where('p.lang', '=', 'en')
      .orderBy('p.published_at', 'desc')
      .executeTakeFirstOrThrow();
    const listing = `${b.url}/en/types/${pub.typeSlug}`;
    const onB = async () => (await fetch(listing).then((r) => r.text())).includes(pub.title);
    assert.ok(await onB(), 'B lists it (and caches the listing)');

    assert.equal(
      (await editor.request(`${a.url}/admin/publications/${pub.id}/workflow`, { form: { step: 'unpublish' } })).status,
      303,
    );
    const goneIn = await within(1000, async () => !(await onB()));
    assert.equal((await fetch(`${b.url}/en/publications/${pub.slug}`)).status, 404);

    assert.equal(
      (await editor.request(`${a.url}/admin/publications/${pub.id}/workflow`, { form: { step: 'publish' } })).status,
      303,
    );
    const backIn = await within(1000, onB);
    assert.equal((await fetch(`${b.url}/en/publications/${pub.slug}`)).status, 200);
    console.log(`# B saw the unpublish after ${goneIn} ms and the publish after ${backIn} ms`);
  });

  it('a file uploaded through A is served by B', async () => {
    const editor = await signIn(a, EDITOR);
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#2a6' } })
      .png()
      .toBuffer();
    const form = new FormData();
    form.append('_csrf', editor.csrf);
    form.append('alt_en', 'Two nodes');
    form.append('alt_he', 'שני שרתים');
    form.append('file', new Blob([png], { type: 'image/png' }), 'two-nodes.png');
    const res = await fetch(`${a.url}/admin/media`, {
      method: 'POST',
      body: form,
      redirect: 'manual',
      headers: { cookie: [...editor.cookies].map(([k, v]) => `${k}=${v}`).join('; '), origin: a.url },
    });
    assert.equal(res.status, 303);
    const media = await db.kysely
      .selectFrom('media')
      .select('path')
      .where('original_name', '=', 'two-nodes.png')
      .executeTakeFirstOrThrow();
    const served = await fetch(`${b.url}/media/${media.path}`);
    assert.equal(served.status, 200);
    const bytes = Buffer.from(await served.arrayBuffer());
    assert.deepEqual((await sharp(bytes).metadata()).width, 40);
  });

  it('scheduled publications are published once although both nodes run the job', async () => {
    const drafts = await db.kysely
      .selectFrom('publications')
      .select(['id', 'slug', 'lang'])
      .where('status', '=', 'published')
      .orderBy('id')
      .limit(4)
      .execute();
    const at = new Date(Date.now() + 1500).toISOString();
    await db.kysely
      .updateTable('publications')
      .set({ status: 'scheduled', publish_at: at })
      .where(
        'id',
        'in',
        drafts.map((d) => d.id),
      )
      .execute();
    await within(10_000, async () => {
      const left = await db.kysely.selectFrom('publications').select('id').where('status', '=', 'scheduled').execute();
      return left.length === 0;
    });
    const published = await db.kysely
      .selectFrom('audit_log')
      .select(['entity_id'])
      .where('action', '=', 'publish-scheduled')
      .execute();
    assert.deepEqual(
      published.map((r) => Number(r.entity_id)).sort((x, y) => x - y),
      drafts.map((d) => d.id),
      'one publish-scheduled entry per publication, whichever node won',
    );
    for (const node of [a, b]) {
      for (const d of drafts) assert.equal((await fetch(`${node.url}/${d.lang}/publications/${d.slug}`)).status, 200);
    }
  });

  it('failed sign-ins are counted across nodes', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12 && !statuses.includes(429); i++) {
      const node = i % 2 ? b : a;
      const session = new HttpSession();
      await session.request(`${node.url}/admin/sign-in`);
      const res = await session.request(`${node.url}/admin/sign-in`, {
        form: { email: 'author@meridian.example', password: `wrong-${i}` },
      });
      statuses.push(res.status);
    }
    assert.ok(statuses.includes(429), `a limit applied: ${statuses.join(',')}`);
    const blockedAt = statuses.indexOf(429);
    assert.ok(blockedAt >= 2, 'both nodes contributed failures before the limit');
    // The other node refuses too, even with the right password: the count is shared.
    const other = blockedAt % 2 ? a : b;
    const session = new HttpSession();
    await session.request(`${other.url}/admin/sign-in`);
    const res = await session.request(`${other.url}/admin/sign-in`, {
      form: { email: 'author@meridian.example', password: DEMO_PASSWORD },
    });
    assert.equal(res.status, 429);
  });
});
