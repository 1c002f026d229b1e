import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import pg from 'pg';
import * as tar from 'tar';
import { buildApp } from '../src/app.js';
import { audit } from '../src/audit/audit-log.js';
import { unpackArchive } from '../src/backup/archive-reader.js';
import { createBackup, type BackupResult } from '../src/backup/backup.js';
import { BackupError } from '../src/backup/backup-error.js';
import type { Manifest } from '../src/backup/manifest.js';
import { hashFile, listFiles } from '../src/backup/media-files.js';
import { restoreBackup } from '../src/backup/restore.js';
import { readSchema, type TableInfo } from '../src/backup/schema-info.js';
import { digestTable } from '../src/backup/table-dump.js';
import { ContentService } from '../src/content/content-service.js';
import { createDb, type Db, type Engine } from '../src/db/create-db.js';
import { LocalMediaStore } from '../src/media/media-store.js';
import { confirmSubscription, signUp, unsubscribe } from '../src/newsletter/subscribers.js';
import { search } from '../src/search/search-service.js';
import { signIn } from './support/admin-client.js';
import { createTestSite, testEngines, TEST_PG_URL, type TestSite } from './support/test-db.js';

const engines = await testEngines();
const pgSkip = engines.find((e) => e.engine === 'postgres')!.skip;
const SEARCHES = ['iran', 'water', 'איראן', 'חיזבאללה'];

/** An empty database and data folder to restore into, and a site over it once restored. */
interface Target {
  engine: Engine;
  db: Db;
  dataDir: string;
  mediaDir: string;
  app?: FastifyInstance;
  close(): Promise<void>;
}

async function freshTarget(engine: Engine): Promise<Target> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dossier-restore-'));
  const schema = engine === 'postgres' ? `restore_${process.pid}_${randomBytes(4).toString('hex')}` : undefined;
  const db = await createDb({
    databaseUrl: engine === 'postgres' ? TEST_PG_URL : undefined,
    dataDir,
    pgSchema: schema,
  });
  const target: Target = {
    engine,
    db,
    dataDir,
    mediaDir: join(dataDir, 'media'),
    async close() {
      await target.app?.close();
      await db.close();
      if (schema) {
        const client = new pg.Client({ connectionString: TEST_PG_URL });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await client.end();
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return target;
}

/** The site over a restored database, built exactly as createTestSite builds the original. */
async function serve(target: Target): Promise<FastifyInstance> {
  target.app = await buildApp({
    config: { publicUrl: 'http://dossier.test', dataDir: target.dataDir, pageCacheMb: 8 },
    db: target.db,
    content: new ContentService(target.db),
    mailer: { describe: 'test capture', send: async () => undefined },
    mediaStore: new LocalMediaStore(target.mediaDir),
  });
  return target.app;
}

/** Every table's row count and hash, to show a failed restore changed nothing. */
async function fingerprint(db: Db): Promise<Record<string, string>> {
  const k = db.kysely as unknown as Kysely<unknown>;
  const out: Record<string, string> = {};
  for (const table of await readSchema(k, db.engine)) {
    const d = await digestTable(k, db.engine, table);
    out[table.name] = `${d.rows}:${d.sha256}`;
  }
  return out;
}

/** Pages a reader sees: home, publications, listings, search, in both languages, plus a media file. */
async function sitePaths(site: TestSite): Promise<string[]> {
  const db = site.db.kysely;
  const paths = ['/en/', '/he/', '/en/archive', '/he/archive', '/en/topics', '/he/topics', '/en/experts'];
  paths.push('/he/experts', '/en/events', '/he/events', '/en/podcast', '/en/feed.xml', '/sitemap.xml');
  for (const lang of ['en', 'he'] as const) {
    const pubs = await db
      .selectFrom('publications')
      .select('slug')
      .where('lang', '=', lang)
      .where('status', '=', 'published')
      .orderBy('id')
      .limit(2)
      .execute();
    for (const p of pubs) paths.push(`/${lang}/publications/${encodeURIComponent(p.slug)}`);
    const type = await db.selectFrom('publication_types').select('slug').orderBy('id').executeTakeFirstOrThrow();
    paths.push(`/${lang}/types/${type.slug}`);
    for (const q of SEARCHES) paths.push(`/${lang}/search?q=${encodeURIComponent(q)}`);
  }
  const media = await db.selectFrom('media').select('path').where('kind', '=', 'pdf').orderBy('id').limit(2).execute();
  for (const m of media) paths.push(`/media/${m.path}`);
  return paths;
}

async function assertSameSite(source: TestSite, target: Target, options: { sameEngine: boolean }) {
  const app = target.app ?? (await serve(target));
  for (const path of await sitePaths(source)) {
    const [a, b] = await Promise.all([source.app.inject({ url: path }), app.inject({ url: path })]);
    assert.equal(a.statusCode, 200, `${path} on the original`);
    assert.equal(b.statusCode, a.statusCode, `${path} status`);
    assert.equal(b.headers['content-type'], a.headers['content-type'], `${path} type`);
    // Nothing is masked: pages carry no per-request randomness (no nonces; forms get their
    // tokens from the same site secrets, which are restored), and the clock moves too little
    // between the two requests to change any date shown.
    if (path.includes('/search?')) {
      // Search pages list hits by each engine's own relevance formula, so across engines only
      // the matches are compared (below). On one engine, facet entries with equal counts keep
      // the order the index returned them in, which on PostgreSQL follows the physical row
      // order (a rebuilt index differs from an updated one), so within a facet they are
      // compared as a set.
      if (options.sameEngine)
        assert.equal(sortFacetItems(b.body), sortFacetItems(a.body), `${path} differs after restore`);
      continue;
    }
    assert.ok(b.rawPayload.equals(a.rawPayload), `${path} differs after restore`);
  }
  for (const q of SEARCHES) {
    const [a, b] = await Promise.all([search(source.db, q, {}, 1), search(target.db, q, {}, 1)]);
    assert.equal(a.kind, 'results', `search ${q}`);
    if (options.sameEngine) assert.deepEqual(b, a, `search ${q}`);
    else {
      // Each engine ranks with its own formula (bm25 / ts_rank), so pages may order hits
      // differently; the same publications must match, with the same facet counts.
      assert.deepEqual(await allMatches(target.db, q), await allMatches(source.db, q), `search ${q}`);
      assert.ok(a.kind === 'results' && b.kind === 'results');
      assert.deepEqual(b.facets, a.facets, `facets of ${q}`);
    }
  }
  for (const table of ['users', 'subscribers', 'audit_log'] as const) {
    const read = (db: Db) => db.kysely.selectFrom(table).selectAll().orderBy('id').execute();
    assert.deepEqual(await read(target.db), await read(source.db), `${table} rows`);
  }
  const topicsOf = (db: Db) =>
    db.kysely.selectFrom('subscriber_topics').selectAll().orderBy('subscriber_id').orderBy('topic_id').execute();
  assert.deepEqual(await topicsOf(target.db), await topicsOf(source.db), 'subscriber topics');
  // The restored password hashes still verify: sign in through the real form.
  const admin = await signIn(app, 'admin@meridian.example');
  const page = await admin.get('/admin/publications');
  assert.equal(page.statusCode, 200);
}

function sortFacetItems(html: string): string {
  return html.replace(
    /(<section class="facet">.*?<ul>)(.*?)(<\/ul>)/g,
    (_, open: string, items: string, close: string) =>
      open + (items.match(/<li>.*?<\/li>/g) ?? []).sort().join('') + close,
  );
}

/** A live site with more than the demo: subscribers in every state, an audit entry, a self-reference. */
async function seededSite(engine: Engine): Promise<TestSite> {
  const site = await createTestSite(engine);
  const db = site.db.kysely;
  const topics = await db.selectFrom('topics').select('id').orderBy('id').execute();
  for (let i = 0; i < 6; i++) {
    const result = await signUp(db, `reader${i}@example.org`, {
      lang: i % 2 ? 'he' : 'en',
      topicIds: topics.slice(i, i + 2).map((t) => t.id),
    });
    if (result.kind === 'confirmation-needed' && i < 4) await confirmSubscription(db, result.confirmToken);
    if (i === 3) await unsubscribe(db, result.subscriber.id);
  }
  await audit(
    db,
    { id: 1, email: 'admin@meridian.example' },
    { action: 'update', entity: 'settings', entityId: 'site.name', before: { a: 'א' }, after: { a: 'ב' } },
  );
  // A parent with a higher id than its child, so a restore cannot rely on key order for topics.
  const leaf = await db
    .selectFrom('topics as t')
    .select('t.id')
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('topics as c').select('c.id').whereRef('c.parent_id', '=', 't.id'))),
    )
    .orderBy('t.id')
    .executeTakeFirstOrThrow();
  const { id: parent } = await db
    .insertInto('topics')
    .values({
      slug_en: 'backup-test-parent',
      slug_he: 'הורה-לבדיקה',
      name_en: 'Backup test parent',
      name_he: 'הורה לבדיקה',
      description_en: '',
      description_he: '',
      position: 99,
      parent_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.updateTable('topics').set({ parent_id: parent }).where('id', '=', leaf.id).execute();
  // Search documents carry each topic's ancestors, and this update went round the app: bring
  // the original's index up to date, as the restore's rebuilt one will be.
  await site.content.reindexAll();
  await site.content.contentChanged();
  return site;
}

/** Folders this file made for archives, removed when it ends. */
const scratch: string[] = [];
after(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

function scratchDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  scratch.push(dir);
  return dir;
}

function tempFile(name: string): string {
  return join(scratchDir('dossier-backup-'), name);
}

/** Rewrites an archive: `edit` may change the unpacked files; hashes are recomputed when asked. */
async function alterArchive(
  file: string,
  edit: (dir: string, manifest: Manifest) => Promise<void>,
  options: { rehash: boolean },
): Promise<string> {
  const dir = scratchDir('dossier-alter-');
  await tar.extract({ file, cwd: dir });
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  await edit(dir, manifest);
  if (options.rehash) {
    for (const name of Object.keys(manifest.tables)) {
      const text = await readFile(join(dir, 'tables', `${name}.jsonl`), 'utf8');
      manifest.tables[name]!.rows = text === '' ? 0 : text.split('\n').length - 1;
      manifest.tables[name]!.sha256 = (await hashFile(join(dir, 'tables', `${name}.jsonl`))).sha256;
    }
  }
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
  const out = tempFile('altered.tar.gz');
  const entries = await readdir(dir);
  await tar.create({ gzip: true, cwd: dir, file: out }, entries);
  return out;
}

for (const { engine, skip } of engines) {
  const other: Engine = engine === 'sqlite' ? 'postgres' : 'sqlite';
  describe(`backup and restore on ${engine}`, { skip }, () => {
    let site: TestSite;
    let backup: BackupResult;
    let backupMs = 0;

    before(async () => {
      site = await seededSite(engine);
      const started = Date.now();
      backup = await createBackup({
        db: site.db,
        mediaDir: join(site.dataDir, 'media'),
        file: tempFile('site.tar.gz'),
      });
      backupMs = Date.now() - started;
    });
    after(async () => {
      await site?.close();
    });

    it('archives every table and media file with counts and hashes', async () => {
      const { manifest } = backup;
      // It holds password hashes, site secrets and subscribers' addresses.
      assert.equal(statSync(backup.file).mode & 0o077, 0, 'readable by its owner only');
      assert.equal(manifest.format, 'dossier-backup');
      assert.equal(manifest.engine, engine);
      assert.ok(manifest.migrations.includes('001-content'));
      const k = site.db.kysely as unknown as Kysely<unknown>;
      const schema = await readSchema(k, engine);
      assert.deepEqual(Object.keys(manifest.tables).sort(), schema.map((t) => t.name).sort());
      for (const name of ['publications', 'users', 'subscribers', 'settings', 'site_secrets', 'media', 'topics'])
        assert.ok(manifest.tables[name], name);
      assert.ok(!Object.keys(manifest.tables).some((t) => /search|kysely/.test(t)), 'no index or migrator tables');
      assert.equal(manifest.tables.subscribers!.rows, 6);
      const onDisk = (await listFiles(join(site.dataDir, 'media'))).files;
      assert.deepEqual(Object.keys(manifest.media), onDisk);
      assert.deepEqual(manifest.missing_media, []);
      const referenced = await site.db.kysely.selectFrom('media').select('path').execute();
      for (const { path } of referenced) assert.ok(manifest.media[path], `${path} archived`);
    });

    it('restores into a fresh database a site that serves the same pages, search, subscribers and users', async (t) => {
      const target = await freshTarget(engine);
      try {
        const started = Date.now();
        const result = await restoreBackup({ db: target.db, mediaDir: target.mediaDir, file: backup.file });
        t.diagnostic(
          `${engine}: backup of ${(backup.bytes / 1024).toFixed(0)} KB took ${backupMs} ms; restore of ${result.rows} rows and ` +
            `${result.mediaFiles} files took ${Date.now() - started} ms`,
        );
        assert.equal(result.indexed, await publishedCount(site.db));
        await assertSameSite(site, target, { sameEngine: true });
        // New rows continue after the restored ids.
        const { id } = await target.db.kysely
          .insertInto('subscribers')
          .values({ email: 'new@example.org', lang: 'en', status: 'pending', link_key: 'k', created_at: 'x' })
          .returning('id')
          .executeTakeFirstOrThrow();
        assert.equal(id, backup.manifest.tables.subscribers!.last_id! + 1);
      } finally {
        await target.close();
      }
    });

    it(`restores into ${other}, the same site`, { skip: pgSkip }, async () => {
      const target = await freshTarget(other);
      try {
        await restoreBackup({ db: target.db, mediaDir: target.mediaDir, file: backup.file });
        // Backed up again on the other engine, every table hashes the same.
        const again = await createBackup({ db: target.db, mediaDir: target.mediaDir, file: tempFile('again.tar.gz') });
        for (const [name, table] of Object.entries(backup.manifest.tables))
          assert.equal(again.manifest.tables[name]?.sha256, table.sha256, `${name} hashes the same on ${other}`);
        assert.deepEqual(again.manifest.media, backup.manifest.media);
        await assertSameSite(site, target, { sameEngine: false });
      } finally {
        await target.close();
      }
    });

    it('takes one consistent snapshot while a writer keeps inserting', async () => {
      // The writer has its own connection, as the running site would.
      const writerDb = await createDb({
        databaseUrl: engine === 'postgres' ? TEST_PG_URL : undefined,
        dataDir: site.dataDir,
        pgSchema: site.pgSchema,
      });
      const topics = (await site.db.kysely.selectFrom('topics').select('id').orderBy('id').limit(2).execute()).map(
        (t) => t.id,
      );
      let stop = false;
      let written = 0;
      let duringBackup = 0;
      let backingUp = false;
      const writer = (async () => {
        while (!stop) {
          // A sign-up writes the subscriber and its topics in one transaction.
          await signUp(writerDb.kysely, `load${written}@example.org`, { lang: 'en', topicIds: topics });
          await audit(
            writerDb.kysely,
            { id: null, email: 'system' },
            { action: 'load', entity: 'x', entityId: written },
          );
          written++;
          if (backingUp) duringBackup++;
          await new Promise((resolve) => setImmediate(resolve));
        }
      })();
      const target = await freshTarget(engine);
      try {
        while (written < 5) await new Promise((resolve) => setTimeout(resolve, 5));
        backingUp = true;
        // Tiny pages: many statements, so the writer commits between them.
        const load = await createBackup({
          db: site.db,
          mediaDir: join(site.dataDir, 'media'),
          file: tempFile('load.tar.gz'),
          pageSize: 3,
        });
        backingUp = false;
        while (written < 20 + duringBackup) await new Promise((resolve) => setTimeout(resolve, 5));
        stop = true;
        await writer;
        assert.ok(duringBackup > 0, 'the writer committed while the backup ran');
        const manifest = load.manifest;
        const total = await site.db.kysely
          .selectFrom('subscribers')
          .select(({ fn }) => fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        assert.ok(manifest.tables.subscribers!.rows < Number(total.n), 'later writes are not in the snapshot');

        // Internally consistent: every reference resolves, every sign-up is whole.
        const staging = scratchDir('dossier-unpack-');
        const unpacked = await unpackArchive(load.file, staging);
        const schema = await readSchema(site.db.kysely as unknown as Kysely<unknown>, engine);
        const rows = (name: string) =>
          readFileSync(join(unpacked.tablesDir, `${name}.jsonl`), 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((line) => JSON.parse(line) as Record<string, unknown>);
        assertReferencesResolve(schema, rows);
        const subscribers = rows('subscribers').filter((s) => String(s.email).startsWith('load'));
        const topicRows = rows('subscriber_topics');
        for (const s of subscribers)
          assert.equal(topicRows.filter((r) => r.subscriber_id === s.id).length, 2, `${String(s.email)} is whole`);
        const audits = rows('audit_log').filter((a) => a.action === 'load').length;
        assert.ok(Math.abs(audits - subscribers.length) <= 1, 'audit rows and sign-ups from the same moment');
        rmSync(staging, { recursive: true, force: true });

        // What the manifest promises is what a restore yields.
        await restoreBackup({ db: target.db, mediaDir: target.mediaDir, file: load.file });
        const k = target.db.kysely as unknown as Kysely<unknown>;
        for (const table of await readSchema(k, engine)) {
          const expected = manifest.tables[table.name];
          if (!expected) continue;
          const got = await digestTable(k, engine, table);
          assert.deepEqual(got, { rows: expected.rows, sha256: expected.sha256 }, table.name);
        }
      } finally {
        stop = true;
        await writer.catch(() => undefined);
        await writerDb.close();
        await target.close();
      }
    });

    it('refuses damaged or altered archives and leaves the target as it was', async () => {
      const target = await freshTarget(engine);
      try {
        // A target already holding a site, replaced only by a restore that fully succeeds.
        await restoreBackup({ db: target.db, mediaDir: target.mediaDir, file: backup.file });
        await target.db.kysely
          .insertInto('subscribers')
          .values({ email: 'only-here@example.org', lang: 'he', status: 'confirmed', link_key: 'k', created_at: 'x' })
          .execute();
        await writeFile(join(target.mediaDir, 'only-here.txt'), 'kept');
        const before = await fingerprint(target.db);
        const mediaBefore = (await listFiles(target.mediaDir)).files;

        const attempt = async (file: string, expected: RegExp, force = true) => {
          await assert.rejects(
            restoreBackup({ db: target.db, mediaDir: target.mediaDir, file, force, warn: () => undefined }),
            (error: Error) => {
              assert.match(error.message, expected);
              return true;
            },
          );
          assert.deepEqual(await fingerprint(target.db), before, `database untouched after ${expected}`);
          assert.deepEqual((await listFiles(target.mediaDir)).files, mediaBefore, 'media untouched');
        };

        // Not ours at all.
        const text = tempFile('notes.tar.gz');
        writeFileSync(text, 'these are not the droids you are looking for\n'.repeat(50));
        await attempt(text, /notes\.tar\.gz is not a readable Dossier backup: it is not a tar\.gz archive/);
        await attempt(join(tmpdir(), 'no-such-backup.tar.gz'), /Cannot read .*no-such-backup/);

        // Bytes damaged in the middle of the compressed stream.
        const damaged = tempFile('damaged.tar.gz');
        const bytes = readFileSync(backup.file);
        for (let i = 0; i < 64; i++) bytes[Math.floor(bytes.length / 2) + i * 7]! ^= 0x5a;
        writeFileSync(damaged, bytes);
        await attempt(damaged, /not a readable Dossier backup|checksum mismatch/);

        // Cut short.
        const truncated = tempFile('truncated.tar.gz');
        writeFileSync(truncated, readFileSync(backup.file).subarray(0, Math.floor(bytes.length * 0.7)));
        await attempt(truncated, /not a readable Dossier backup: .*(damaged or truncated)/);

        // A well-formed archive whose table was edited after the backup.
        const edited = await alterArchive(
          backup.file,
          async (dir) => {
            const file = join(dir, 'tables', 'users.jsonl');
            await writeFile(file, (await readFile(file, 'utf8')).replace('"role":"author"', '"role":"admin"'));
          },
          { rehash: false },
        );
        await attempt(edited, /checksum mismatch.*table users does not match its checksum/);

        // A media file swapped.
        const swapped = await alterArchive(
          backup.file,
          async (dir, manifest) => {
            const path = Object.keys(manifest.media)[0]!;
            await writeFile(join(dir, 'media', ...path.split('/')), 'not the original');
          },
          { rehash: false },
        );
        await attempt(swapped, /checksum mismatch.*media file .* does not match its checksum/);

        // A path escaping the media folder.
        const escaping = await alterArchive(
          backup.file,
          async (dir) => {
            await mkdir(join(dir, 'media'), { recursive: true });
            await writeFile(join(dir, 'media', '.hidden'), 'x');
          },
          { rehash: false },
        );
        await attempt(escaping, /unsafe media path/);

        // Consistent checksums, but data the database refuses half-way through (a duplicate
        // e-mail): the transaction rolls back everything already inserted.
        const conflicting = await alterArchive(
          backup.file,
          async (dir) => {
            const file = join(dir, 'tables', 'subscribers.jsonl');
            const lines = (await readFile(file, 'utf8')).split('\n').filter(Boolean);
            const copy = { ...(JSON.parse(lines[0]!) as Record<string, unknown>), id: 9999 };
            await writeFile(file, [...lines, JSON.stringify(copy)].join('\n') + '\n');
          },
          { rehash: true },
        );
        await attempt(conflicting, /Restoring table subscribers failed.*Nothing was restored/);

        // Made by a newer Dossier.
        const newer = await alterArchive(
          backup.file,
          async (_dir, manifest) => void manifest.migrations.push('999-from-the-future'),
          { rehash: false },
        );
        await attempt(newer, /newer Dossier.*999-from-the-future.*Upgrade Dossier/);

        // A full, valid backup is still refused over existing data without --force.
        await attempt(backup.file, /not empty.*--force/, false);
      } finally {
        await target.close();
      }
    });

    it('with --force replaces the database and media folder it restores into', async () => {
      const target = await freshTarget(engine);
      try {
        await restoreBackup({ db: target.db, mediaDir: target.mediaDir, file: backup.file });
        await target.db.kysely.deleteFrom('subscriber_topics').execute();
        await target.db.kysely.deleteFrom('subscribers').execute();
        await writeFile(join(target.mediaDir, 'stray.txt'), 'gone after restore');
        await restoreBackup({ db: target.db, mediaDir: target.mediaDir, file: backup.file, force: true });
        const expected = Object.fromEntries(
          Object.entries(backup.manifest.tables).map(([name, t]) => [name, `${t.rows}:${t.sha256}`]),
        );
        assert.deepEqual(await fingerprint(target.db), expected);
        assert.deepEqual((await listFiles(target.mediaDir)).files, Object.keys(backup.manifest.media));
      } finally {
        await target.close();
      }
    });
  });
}

/** Ids of every publication a search matches, across all result pages. */
async function allMatches(db: Db, q: string): Promise<number[]> {
  const ids: number[] = [];
  for (let page = 1; ; page++) {
    const outcome = await search(db, q, {}, page);
    if (outcome.kind !== 'results') return ids;
    ids.push(...outcome.hits.map((h) => h.card.id));
    if (page >= outcome.pageCount) return ids.sort((x, y) => x - y);
  }
}

async function publishedCount(db: Db): Promise<number> {
  const rows = await db.kysely.selectFrom('publications').select('id').where('status', '=', 'published').execute();
  return rows.length;
}

/** Every foreign key in the dump points at a row that is also in the dump. */
function assertReferencesResolve(schema: TableInfo[], rows: (name: string) => Record<string, unknown>[]) {
  const keys = new Map<string, Set<unknown>>();
  const keysOf = (table: string) => {
    let set = keys.get(table);
    if (!set) {
      const pk = schema.find((t) => t.name === table)!.primaryKey;
      assert.equal(pk.length, 1, `${table} has a one-column key`);
      set = new Set(rows(table).map((r) => r[pk[0]!]));
      keys.set(table, set);
    }
    return set;
  };
  let checked = 0;
  for (const table of schema) {
    for (const fk of table.foreignKeys) {
      assert.equal(fk.columns.length, 1);
      const column = fk.columns[0]!;
      for (const row of rows(table.name)) {
        if (row[column] === null) continue;
        assert.ok(keysOf(fk.table).has(row[column]), `${table.name}.${column} = ${String(row[column])} resolves`);
        checked++;
      }
    }
  }
  assert.ok(checked > 100, 'references were checked');
}

describe('backup errors', () => {
  it('are BackupErrors with the file named', async () => {
    const staging = mkdtempSync(join(tmpdir(), 'dossier-unpack-'));
    const file = join(staging, 'empty.tar.gz');
    writeFileSync(file, '');
    await assert.rejects(unpackArchive(file, join(staging, 'x')), (error: Error) => {
      assert.ok(error instanceof BackupError);
      assert.match(error.message, /empty\.tar\.gz/);
      return true;
    });
    rmSync(staging, { recursive: true, force: true });
  });
});
