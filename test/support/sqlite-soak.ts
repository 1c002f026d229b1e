// Crash durability of SQLite under kill -9 (T10 in SECURITY-PLAN.md): a child process makes
// real app writes and acknowledges each after its commit returns; the parent kills it at a
// random moment, reopens the database with the app's own settings, and checks that it is
// intact and that every acknowledged write is there exactly as sent.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createDb, type Db } from '../../src/db/create-db.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import type { Lang } from '../../src/db/schema.js';
import type { RichDoc } from '../../src/content/rich-text.js';

/** Rows the child refers to, made by the parent before the first round. */
export interface SoakRefs {
  typeId: number;
  personId: number;
  topicIds: number[];
}

export interface ChildSettings {
  file: string;
  round: number;
  refs: SoakRefs;
}

/** A unique, searchable word per write, so the search index can be checked too. */
export function soakWord(round: number, seq: number): string {
  return `soakr${round}s${seq}`;
}

/**
 * What the child saves as publication `seq` of `round`: deterministic, so the parent can
 * compare every stored field with what was sent. A few kilobytes in both scripts, so rows
 * span overflow pages as real articles do.
 */
export function soakPublication(round: number, seq: number, refs: SoakRefs) {
  const word = soakWord(round, seq);
  const lang: Lang = seq % 4 === 0 ? 'en' : 'he';
  const paragraph =
    lang === 'en'
      ? `Paragraph about deterrence and diplomacy, ${word}, written for the crash test. `
      : `פסקה על הרתעה ודיפלומטיה, ${word}, שנכתבה לבדיקת הקריסה. `;
  const body: RichDoc = {
    type: 'doc',
    content: Array.from({ length: 4 + (seq % 5) }, (_, i) => ({
      type: 'paragraph' as const,
      content: [{ type: 'text' as const, text: paragraph.repeat(6 + i) }],
    })),
  };
  return {
    typeId: refs.typeId,
    lang,
    title: `Crash test ${word}`,
    slug: word,
    summary: `Summary of ${word}`,
    body,
    status: 'published' as const,
    publishedAt: new Date(Date.UTC(2024, 0, 1) + seq * 60_000).toISOString(),
    authorIds: [refs.personId],
    topicIds: refs.topicIds.slice(0, 1 + (seq % refs.topicIds.length)),
  };
}

/** The newsletter sign-up the child makes as write `seq` of `round`. */
export function soakSignup(round: number, seq: number, refs: SoakRefs) {
  return {
    email: `${soakWord(round, seq)}@example.org`,
    lang: (seq % 3 === 0 ? 'he' : 'en') as Lang,
    topicIds: refs.topicIds.slice(seq % refs.topicIds.length),
  };
}

/** One acknowledged write: the child printed it after the commit returned. */
interface Ack {
  kind: 'pub' | 'sub';
  id: number;
  round: number;
  seq: number;
}

export interface SoakSummary {
  rounds: number;
  acknowledged: number;
  /** Acknowledged writes missing after a crash. */
  lost: number;
  /** Acknowledged writes present but not as sent (or with parts missing). */
  torn: number;
  /** Rows beyond the acknowledged ones, per round at most the one in flight. */
  unacknowledged: number;
  integrity: string;
  seconds: number;
  problems: string[];
}

const CHILD = join(import.meta.dirname, 'sqlite-writer-child.ts');

/**
 * Compiles the writer and the app code it uses into one file, as tsx would on the fly. A
 * hundred children each loading a hundred TypeScript modules through tsx's loader cost about
 * 1.5 s of CPU apiece; the bundle loads in a third of that. It lives under node_modules so
 * that its package imports (kysely, better-sqlite3, …) resolve as usual.
 */
async function bundleChild(): Promise<string> {
  const { build } = await import('esbuild');
  const outfile = join(import.meta.dirname, '../../node_modules/.cache/dossier-soak', `writer-${process.pid}.mjs`);
  await build({
    entryPoints: [CHILD],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

/** Starts a writer; it loads its modules at once, and opens the database on `go`. */
function startChild(bundle: string, settings: ChildSettings): { child: ChildProcess; lines: AsyncIterator<string> } {
  const child = spawn(process.execPath, [bundle], {
    env: { ...process.env, SOAK_CHILD: JSON.stringify(settings) },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  child.stdout!.setEncoding('utf8');
  // Only whole lines count: a line cut short by the kill was never acknowledged.
  const lines = (async function* () {
    let buffer = '';
    for await (const chunk of child.stdout! as AsyncIterable<string>) {
      buffer += chunk;
      let nl;
      while ((nl = buffer.indexOf('\n')) !== -1) {
        yield buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
      }
    }
  })();
  return { child, lines };
}

async function expectLine(lines: AsyncIterator<string>, expected: string): Promise<void> {
  const next = await lines.next();
  if (next.done || next.value !== expected)
    throw new Error(`writer child said ${JSON.stringify(next.value)}, expected ${expected}`);
}

/**
 * Runs `rounds` kill -9 rounds against one SQLite file. The next child is started while the
 * current one writes, so its start-up (loading TypeScript) overlaps and each round costs
 * about the kill delay plus the checks.
 */
export async function runSoak(options: {
  rounds: number;
  onRound?: (round: number, acks: number) => void;
}): Promise<SoakSummary> {
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'dossier-soak-'));
  const file = join(dir, 'dossier.db');
  const summary: SoakSummary = {
    rounds: 0,
    acknowledged: 0,
    lost: 0,
    torn: 0,
    unacknowledged: 0,
    integrity: 'ok',
    seconds: 0,
    problems: [],
  };
  const allAcks: Ack[] = [];
  let refs: SoakRefs;
  {
    const db = await createDb({ databaseUrl: `sqlite:${file}`, dataDir: dir });
    await migrateToLatest(db);
    refs = await makeRefs(db);
    await db.close();
  }
  const bundle = await bundleChild();
  const live = new Set<ChildProcess>();
  const start = (round: number) => {
    const started = startChild(bundle, { file, round, refs });
    live.add(started.child);
    started.child.once('exit', () => live.delete(started.child));
    return started;
  };
  let next = start(1);
  try {
    for (let round = 1; round <= options.rounds; round++) {
      const { child, lines } = next;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      await expectLine(lines, 'loaded');
      child.stdin!.write('go\n');
      await expectLine(lines, 'ready');
      // Start the next writer now, so it has loaded by the time this one is dead.
      if (round < options.rounds) next = start(round + 1);
      const delay = 200 + Math.random() * 800;
      const timer = setTimeout(() => child.kill('SIGKILL'), delay);
      const acks: Ack[] = [];
      for (let line = await lines.next(); !line.done; line = await lines.next()) {
        const [word, kind, id, seq] = line.value.split(' ');
        if (word !== 'ack' || (kind !== 'pub' && kind !== 'sub')) throw new Error(`writer child said ${line.value}`);
        acks.push({ kind, id: Number(id), round, seq: Number(seq) });
      }
      await exited;
      clearTimeout(timer);
      if (child.signalCode !== 'SIGKILL') throw new Error(`writer child exited by itself (${child.exitCode})`);

      const db = await createDb({ databaseUrl: `sqlite:${file}`, dataDir: dir });
      try {
        const integrity = await checkIntegrity(db);
        if (integrity !== 'ok') {
          summary.integrity = integrity;
          summary.problems.push(`round ${round}: integrity ${integrity}`);
        }
        const result = await checkAcks(db, acks, refs);
        summary.lost += result.lost;
        summary.torn += result.torn;
        summary.problems.push(...result.problems.map((p) => `round ${round}: ${p}`));
        const extra = (await countRound(db, round)) - acks.length;
        summary.unacknowledged += Math.max(0, extra);
        if (extra < 0 || extra > 1)
          summary.problems.push(`round ${round}: ${extra} rows beyond the ${acks.length} acknowledged`);
      } finally {
        await db.close();
      }
      allAcks.push(...acks);
      summary.rounds = round;
      summary.acknowledged += acks.length;
      options.onRound?.(round, acks.length);
    }
    // A last look at everything acknowledged in every round: later crashes lost nothing earlier.
    const db = await createDb({ databaseUrl: `sqlite:${file}`, dataDir: dir });
    try {
      const final = await checkAcks(db, allAcks, refs);
      summary.lost += final.lost;
      summary.torn += final.torn;
      summary.problems.push(...final.problems.map((p) => `final check: ${p}`));
    } finally {
      await db.close();
    }
  } finally {
    for (const child of live) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    rmSync(bundle, { force: true });
  }
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
}

async function makeRefs(db: Db): Promise<SoakRefs> {
  const k = db.kysely;
  const { id: typeId } = await k
    .insertInto('publication_types')
    .values({
      slug: 'analysis',
      name_en: 'Analysis',
      name_he: 'ניתוח',
      plural_en: 'Analyses',
      plural_he: 'ניתוחים',
      numbered: 0,
      has_volumes: 0,
      has_pdf: 0,
      position: 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id: personId } = await k
    .insertInto('people')
    .values({
      slug: 'noa-levi',
      name_en: 'Noa Levi',
      name_he: 'נועה לוי',
      role_en: '',
      role_he: '',
      bio_en: '',
      bio_he: '',
      photo_media_id: null,
      position: 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const topicIds: number[] = [];
  for (const [en, he] of [
    ['iran', 'איראן'],
    ['water', 'מים'],
    ['cyber', 'סייבר'],
  ]) {
    const { id } = await k
      .insertInto('topics')
      .values({
        slug_en: en!,
        slug_he: he!,
        name_en: en!,
        name_he: he!,
        description_en: '',
        description_he: '',
        parent_id: null,
        position: 0,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    topicIds.push(id);
  }
  return { typeId, personId, topicIds };
}

/** SQLite's own check of every page and index, the foreign keys, and FTS5's check of the search index. */
async function checkIntegrity(db: Db): Promise<string> {
  const { rows } = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db.kysely);
  const result = rows.map((r) => r.integrity_check).join('; ');
  if (result !== 'ok') return result;
  const { rows: fk } = await sql`pragma foreign_key_check`.execute(db.kysely);
  if (fk.length > 0) return `${fk.length} foreign key violations`;
  try {
    await sql`insert into search_fts(search_fts) values ('integrity-check')`.execute(db.kysely);
  } catch (error) {
    return `search index: ${(error as Error).message}`;
  }
  return 'ok';
}

async function countRound(db: Db, round: number): Promise<number> {
  const prefix = `soakr${round}s%`;
  const [pubs, subs] = await Promise.all([
    db.kysely
      .selectFrom('publications')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .where('slug', 'like', prefix)
      .executeTakeFirstOrThrow(),
    db.kysely
      .selectFrom('subscribers')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .where('email', 'like', prefix)
      .executeTakeFirstOrThrow(),
  ]);
  return Number(pubs.n) + Number(subs.n);
}

/** Each acknowledged write must be present with every field and related row as sent. */
async function checkAcks(
  db: Db,
  acks: Ack[],
  refs: SoakRefs,
): Promise<{ lost: number; torn: number; problems: string[] }> {
  const k = db.kysely;
  let lost = 0;
  let torn = 0;
  const problems: string[] = [];
  for (const ack of acks) {
    const word = soakWord(ack.round, ack.seq);
    if (ack.kind === 'pub') {
      const sent = soakPublication(ack.round, ack.seq, refs);
      const row = await k.selectFrom('publications').selectAll().where('id', '=', ack.id).executeTakeFirst();
      if (!row) {
        lost++;
        problems.push(`publication ${ack.id} (${word}) lost`);
        continue;
      }
      const [authors, topics, indexed] = await Promise.all([
        k.selectFrom('publication_authors').select('person_id').where('publication_id', '=', ack.id).execute(),
        k
          .selectFrom('publication_topics')
          .select('topic_id')
          .where('publication_id', '=', ack.id)
          .orderBy('topic_id')
          .execute(),
        sql<{ rowid: number }>`select rowid from search_fts where search_fts match ${word}`.execute(k),
      ]);
      const intact =
        row.title === sent.title &&
        row.slug === sent.slug &&
        row.lang === sent.lang &&
        row.summary === sent.summary &&
        row.body_json === JSON.stringify(sent.body) &&
        row.published_at === sent.publishedAt &&
        row.status === 'published' &&
        JSON.stringify(authors.map((a) => a.person_id)) === JSON.stringify(sent.authorIds) &&
        JSON.stringify(topics.map((t) => t.topic_id)) === JSON.stringify(sent.topicIds) &&
        indexed.rows.length === 1 &&
        indexed.rows[0]!.rowid === ack.id;
      if (!intact) {
        torn++;
        problems.push(`publication ${ack.id} (${word}) is not as sent`);
      }
    } else {
      const sent = soakSignup(ack.round, ack.seq, refs);
      const row = await k.selectFrom('subscribers').selectAll().where('id', '=', ack.id).executeTakeFirst();
      if (!row) {
        lost++;
        problems.push(`subscriber ${ack.id} (${word}) lost`);
        continue;
      }
      const topics = await k
        .selectFrom('subscriber_topics')
        .select('topic_id')
        .where('subscriber_id', '=', ack.id)
        .orderBy('topic_id')
        .execute();
      const intact =
        row.email === sent.email &&
        row.lang === sent.lang &&
        row.status === 'pending' &&
        row.confirm_token_hash !== null &&
        JSON.stringify(topics.map((t) => t.topic_id)) === JSON.stringify(sent.topicIds);
      if (!intact) {
        torn++;
        problems.push(`subscriber ${ack.id} (${word}) is not as sent`);
      }
    }
  }
  return { lost, torn, problems };
}
