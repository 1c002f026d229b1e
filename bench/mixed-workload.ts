// The mixed workload of `npm run bench`: on SQLite and on PostgreSQL in turn, a `dossier serve`
// process under BENCH_MIXED_CONNECTIONS (64) concurrent clients for BENCH_MIXED_SECONDS (60):
// most read pages in both languages, some search, some sign up for the newsletter (each from
// its own address, as real readers would), and one editor saves a published publication every
// BENCH_MIXED_SAVE_MS (1000: each save empties the page caches, so this is the worst case for
// reads; 10000 is closer to a busy newsroom). Prints latency per kind.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { createDb } from '../src/db/create-db.js';
import { DEMO_PASSWORD } from '../src/seed/demo-users.js';

const root = resolve(import.meta.dirname, '..');
const seconds = Number(process.env.BENCH_MIXED_SECONDS ?? 60);
const connections = Number(process.env.BENCH_MIXED_CONNECTIONS ?? 64);
const generated = Number(process.env.BENCH_MIXED_PUBLICATIONS ?? 2000);
const saveEveryMs = Number(process.env.BENCH_MIXED_SAVE_MS ?? 1000);
const pgUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

type Kind = 'read' | 'search' | 'sign-up' | 'editor save';

interface Sample {
  kind: Kind;
  ms: number;
  ok: boolean;
}

const SEARCH_WORDS = ['iran', 'energy', 'gaza', 'water', 'drones', 'ביטחון', 'איראן', 'כלכלה', 'cyber', 'elections'];

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)]!;
}

async function timed(kind: Kind, run: () => Promise<Response>, expected: (status: number) => boolean) {
  const started = performance.now();
  let ok = false;
  try {
    const res = await run();
    await res.arrayBuffer();
    ok = expected(res.status);
  } catch {
    ok = false;
  }
  return { kind, ms: performance.now() - started, ok };
}

function get(url: string, headers: Record<string, string> = {}) {
  return fetch(url, { headers, redirect: 'manual' });
}

function postForm(url: string, form: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(url, {
    method: 'POST',
    body: new URLSearchParams(form).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: new URL(url).origin, ...headers },
    redirect: 'manual',
  });
}

/** Signs the editor in and returns a function that saves one published publication once. */
async function editorSaver(base: string, target: { id: number; slug: string }) {
  const cookies = new Map<string, string>();
  const cookie = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const remember = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
  };
  const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
  const signInPage = await get(`${base}/admin/sign-in`);
  remember(signInPage);
  const signIn = await postForm(
    `${base}/admin/sign-in`,
    { _csrf: csrfOf(await signInPage.text()), email: 'editor@meridian.example', password: DEMO_PASSWORD },
    { cookie: cookie() },
  );
  remember(signIn);
  if (signIn.status !== 303) throw new Error(`editor sign-in failed: ${signIn.status}`);
  let round = 0;
  return async () => {
    const form = await get(`${base}/admin/publications/${target.id}`, { cookie: cookie() });
    const html = await form.text();
    const field = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';
    const selected = (name: string) =>
      new RegExp(`name="${name}"[^>]*>[\\s\\S]*?<option value="(\\d+)" selected`).exec(html)?.[1] ?? '';
    return postForm(
      `${base}/admin/publications/${target.id}`,
      {
        _csrf: csrfOf(html),
        version: field('version'),
        lang: 'en',
        type_id: selected('type_id') || '1',
        title: `Benchmark revision ${++round}`,
        slug: target.slug,
        summary: `Saved by the mixed-workload bench, round ${round}.`,
        body_json: JSON.stringify({
          type: 'doc',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: `Revision ${round}.` }] }],
        }),
        author_ids: '1',
      },
      { cookie: cookie() },
    );
  };
}

async function readTargets(databaseUrl: string | undefined, dataDir: string) {
  const db = await createDb({ databaseUrl, dataDir });
  try {
    const pubs = await db.kysely
      .selectFrom('publications')
      .select(['id', 'slug', 'lang'])
      .where('status', '=', 'published')
      .orderBy('published_at', 'desc')
      .limit(400)
      .execute();
    const topics = await db.kysely.selectFrom('topics').select(['slug_en', 'slug_he']).execute();
    const paths = [
      '/en/',
      '/he/',
      '/en/events',
      '/he/podcast',
      ...pubs.map((p) => `/${p.lang}/publications/${encodeURIComponent(p.slug)}`),
      ...topics.flatMap((t) => [`/en/topics/${t.slug_en}`, `/he/topics/${encodeURIComponent(t.slug_he)}`]),
    ];
    const edited = pubs.find((p) => p.lang === 'en')!;
    return { paths, edited };
  } finally {
    await db.close();
  }
}

function startServer(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, [join(root, 'bin', 'dossier.js'), 'serve'], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolvePromise, reject) => {
    let seen = '';
    child.stdout!.on('data', (d: Buffer) => {
      seen += d.toString();
      const m = /running at (http:\/\/[^/\s]+)\//.exec(seen);
      if (m) resolvePromise({ child, base: m[1]! });
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${seen}`)));
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
}

function report(engine: string, samples: Sample[]) {
  console.log(`\n${engine}: ${connections} clients for ${seconds} s`);
  console.log('kind          requests   req/s   errors   p50 ms   p95 ms   p99 ms   max ms');
  for (const kind of ['read', 'search', 'sign-up', 'editor save'] as Kind[]) {
    const mine = samples.filter((s) => s.kind === kind);
    const ms = mine.map((s) => s.ms).sort((a, b) => a - b);
    const cells = [
      kind.padEnd(12),
      String(mine.length).padStart(9),
      (mine.length / seconds).toFixed(0).padStart(7),
      String(mine.filter((s) => !s.ok).length).padStart(8),
      ...[50, 95, 99].map((p) => percentile(ms, p).toFixed(1).padStart(8)),
      (ms.at(-1) ?? NaN).toFixed(1).padStart(8),
    ];
    console.log(cells.join(' '));
  }
}

async function runEngine(engine: 'sqlite' | 'postgres') {
  const dataDir = mkdtempSync(join(tmpdir(), `dossier-mixed-${engine}-`));
  const database = `dossier_bench_${process.pid}`;
  let databaseUrl: string | undefined;
  if (engine === 'postgres') {
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.end();
    const url = new URL(pgUrl);
    url.pathname = `/${database}`;
    databaseUrl = url.toString();
  }
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl ?? '',
    LOG_LEVEL: 'warn',
    // Each simulated reader signs up from its own address, passed on as a proxy would.
    TRUST_PROXY: '127.0.0.1',
  };
  const seed = spawnSync(
    process.execPath,
    [join(root, 'bin', 'dossier.js'), 'seed', '--publications', String(generated)],
    {
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  if (seed.status !== 0) throw new Error(`seeding ${engine} failed`);
  const { paths, edited } = await readTargets(databaseUrl, dataDir);
  const { child, base } = await startServer({ ...env, PORT: '0', SEED_DEMO: 'false' });
  try {
    const save = await editorSaver(base, edited);
    const samples: Sample[] = [];
    const until = Date.now() + seconds * 1000;
    let signUps = 0;
    const reader = async () => {
      while (Date.now() < until) {
        const roll = Math.random();
        if (roll < 0.85) {
          samples.push(
            await timed(
              'read',
              () => get(base + pick(paths)),
              (s) => s === 200,
            ),
          );
        } else if (roll < 0.95) {
          const q = `${pick(SEARCH_WORDS)} ${Math.floor(Math.random() * 1000)}`;
          const lang = /[א-ת]/.test(q) ? 'he' : 'en';
          samples.push(
            await timed(
              'search',
              () => get(`${base}/${lang}/search?q=${encodeURIComponent(q)}`),
              (s) => s === 200,
            ),
          );
        } else {
          const n = ++signUps;
          const address = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
          samples.push(
            await timed(
              'sign-up',
              () =>
                postForm(
                  `${base}/en/newsletter`,
                  { email: `bench${n}-${process.pid}@example.org`, lang: 'en', website: '' },
                  { 'x-forwarded-for': address },
                ),
              (s) => s === 200 || s === 303,
            ),
          );
        }
      }
    };
    const editor = async () => {
      while (Date.now() < until) {
        const started = Date.now();
        samples.push(await timed('editor save', save, (s) => s === 303));
        await new Promise((r) => setTimeout(r, Math.max(0, saveEveryMs - (Date.now() - started))));
      }
    };
    await Promise.all([editor(), ...Array.from({ length: connections - 1 }, reader)]);
    report(engine === 'sqlite' ? 'SQLite' : 'PostgreSQL', samples);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
    if (engine === 'postgres') {
      const admin = new pg.Client({ connectionString: pgUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.end();
    }
  }
}

console.log(
  `Mixed workload: 85% page reads, 10% searches, 5% newsletter sign-ups, one editor saving every ${saveEveryMs / 1000} s; ${generated} generated publications plus the demo.`,
);
for (const engine of ['sqlite', 'postgres'] as const) await runEngine(engine);
