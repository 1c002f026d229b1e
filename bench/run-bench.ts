// npm run bench: builds (once) a database of BENCH_PUBLICATIONS generated publications,
// starts Dossier and a bare Node server in their own processes, and loads both with
// autocannon from this process. Prints requests/s and p50/p99 side by side.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { buildApp } from '../src/app.js';
import { ContentService } from '../src/content/content-service.js';
import { createDb } from '../src/db/create-db.js';
import { LocalMediaStore } from '../src/media/media-store.js';

const root = resolve(import.meta.dirname, '..');
const dataDir = join(root, 'bench', '.data');
const publications = Number(process.env.BENCH_PUBLICATIONS ?? 100_000);
const duration = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '' };

async function publicationCount(): Promise<number> {
  if (!existsSync(join(dataDir, 'dossier.db'))) return 0;
  const db = await createDb({ databaseUrl: undefined, dataDir });
  try {
    const row = await db.kysely
      .selectFrom('publications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  } catch {
    return 0;
  } finally {
    await db.close();
  }
}

function waitForLine(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let seen = '';
    child.stdout?.on('data', (d: Buffer) => {
      seen += d.toString();
      const m = pattern.exec(seen);
      if (m) resolvePromise(m[1] ?? m[0]);
    });
    child.once('exit', (code) => reject(new Error(`process exited (${code}) before printing ${pattern}: ${seen}`)));
  });
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

interface Row {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function load(name: string, url: string, clients = connections): Promise<Row> {
  const result = await autocannon({ url, connections: clients, duration });
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

/** CPU time of one uncached render of `path`, averaged, through the whole app without its cache. */
async function uncachedRenderCpuMs(path: string): Promise<number> {
  const db = await createDb({ databaseUrl: undefined, dataDir });
  const app = await buildApp({
    config: { publicUrl: 'http://localhost', dataDir, pageCacheMb: 0 },
    db,
    content: new ContentService(db),
    mailer: { describe: 'none', send: async () => {} },
    mediaStore: new LocalMediaStore(join(dataDir, 'media')),
  });
  for (let i = 0; i < 200; i++) await app.inject({ url: path });
  const rounds = 1000;
  const start = process.cpuUsage();
  for (let i = 0; i < rounds; i++) await app.inject({ url: path });
  const used = process.cpuUsage(start);
  await app.close();
  await db.close();
  return (used.user + used.system) / 1000 / rounds;
}

const existing = await publicationCount();
if (existing < publications) {
  console.log(`Building the bench database: ${publications} generated publications in ${dataDir} …`);
  rmSync(dataDir, { recursive: true, force: true });
  const started = Date.now();
  const seed = spawnSync(
    process.execPath,
    [join(root, 'bin', 'dossier.js'), 'seed', '--publications', String(publications)],
    { env, stdio: 'inherit' },
  );
  if (seed.status !== 0) process.exit(seed.status ?? 1);
  console.log(`Built in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}

const dossier = spawn(process.execPath, [join(root, 'bin', 'dossier.js'), 'serve'], {
  env: { ...env, PORT: '0', SEED_DEMO: 'false' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const base = await waitForLine(dossier, /running at (http:\/\/[^/\s]+)\//);
try {
  const db = await createDb({ databaseUrl: undefined, dataDir });
  const demo = await db.kysely
    .selectFrom('publications')
    .select('slug')
    .where('lang', '=', 'en')
    .where('slug', 'not like', '%generated%')
    .orderBy('published_at', 'desc')
    .executeTakeFirstOrThrow();
  await db.close();
  const publicationPath = `/en/publications/${encodeURIComponent(demo.slug)}`;
  const targets: [string, string][] = [
    ['publication page', publicationPath],
    ['home page', '/en/'],
    ['topic listing', '/en/topics/regional'],
    ['Hebrew search (uncached)', `/he/search?q=${encodeURIComponent('במסדרון')}`],
  ];
  const page = Buffer.from(await (await fetch(base + publicationPath)).arrayBuffer());
  const ceiling = spawn(process.execPath, ['--import', 'tsx', join(root, 'bench', 'ceiling-server.ts')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  ceiling.stdin?.end(page);
  const ceilingPort = await waitForLine(ceiling, /^(\d+)\n/);

  console.log(
    `\nLoad: autocannon, ${connections} connections, ${duration} s per target; ${publications} generated publications (SQLite).`,
  );
  const rows: Row[] = [];
  rows.push(await load('bare node http (ceiling, same bytes)', `http://127.0.0.1:${ceilingPort}/`));
  for (const [name, path] of targets) rows.push(await load(name, base + path));
  // Search latency for one reader at a time, apart from queueing behind 31 others.
  rows.push(await load('Hebrew search, 1 connection', base + (targets[3]?.[1] ?? ''), 1));
  const rss = rssMb(dossier.pid ?? 0);
  ceiling.kill();

  const ceilingRps = rows[0]?.rps ?? 1;
  console.log('\n| target | req/s | p50 ms | p99 ms | errors | vs ceiling |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows)
    console.log(
      `| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} | ${((r.rps / ceilingRps) * 100).toFixed(0)}% |`,
    );
  console.log(`\nDossier resident memory after the load: ${rss.toFixed(0)} MB`);
  console.log(`Publication page size: ${page.length} bytes`);
  console.log(
    `Uncached render of the publication page (whole request, in-process): ${(await uncachedRenderCpuMs(publicationPath)).toFixed(3)} ms CPU`,
  );
} finally {
  dossier.kill('SIGTERM');
}
