import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createDb, type Db } from '../src/db/create-db.js';
import { queueIssue } from '../src/newsletter/send-queue.js';
import { startNode, type DossierNode } from './support/dossier-node.js';
import { draftIssue } from './support/newsletter-helpers.js';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.js';

const RECIPIENTS = 20;

/** Starts a POST whose body arrives in two halves; resolves with the status once answered. */
function slowPost(url: string, body: string) {
  const target = new URL(url);
  let sendRest!: () => void;
  const answered = new Promise<number>((resolve, reject) => {
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    const half = Math.floor(body.length / 2);
    req.write(body.slice(0, half));
    sendRest = () => req.end(body.slice(half));
  });
  return { answered, sendRest: () => sendRest() };
}

describe('stopping a node with SIGTERM', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'dossier-stop-'));
  let sink: SmtpSink;
  let node: DossierNode;
  let db: Db;

  before(async () => {
    sink = await startSmtpSink({ delayMs: 150 });
    node = await startNode({
      DATA_DIR: dataDir,
      SEED_DEMO: 'true',
      SMTP_URL: sink.url,
      SCHEDULER_INTERVAL_SECONDS: '1',
      NEWSLETTER_RATE_PER_MINUTE: '6000',
    });
    db = await createDb({ databaseUrl: undefined, dataDir });
  });

  after(async () => {
    await node?.stop('SIGKILL');
    await db?.close();
    await sink?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('finishes the request in flight and the mail in hand, then exits 0 with nothing half-sent', async () => {
    const now = new Date().toISOString();
    await db.kysely
      .insertInto('subscribers')
      .values(
        Array.from({ length: RECIPIENTS }, (_, i) => ({
          email: `stop${i}@example.org`,
          lang: 'en' as const,
          status: 'confirmed' as const,
          link_key: `stop-key-${i}`,
          created_at: now,
        })),
      )
      .execute();
    const picks = await db.kysely
      .selectFrom('publications')
      .select('id')
      .where('status', '=', 'published')
      .limit(2)
      .execute();
    const issueId = await draftIssue(
      db.kysely,
      { subject_en: 'Stop test', subject_he: 'מבחן עצירה' },
      picks.map((p) => p.id),
    );
    assert.equal(await queueIssue(db.kysely, issueId), RECIPIENTS);
    await sink.waitFor(2, 20_000);

    const inFlight = slowPost(`${node.url}/en/newsletter`, 'email=halfway%40example.org&lang=en&website=');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const exited = node.stop('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const refused = await fetch(`${node.url}/healthz`).then(
      () => false,
      () => true,
    );
    inFlight.sendRest();
    const status = await inFlight.answered;
    assert.ok(status > 0 && status < 500, `the request in flight got its answer (${status})`);
    assert.ok(refused, 'no new connection is accepted once stopping');
    assert.equal(await exited, 0, node.output());

    const deliveries = await db.kysely
      .selectFrom('newsletter_deliveries')
      .select(['status'])
      .where('issue_id', '=', issueId)
      .execute();
    const count = (status: string) => deliveries.filter((d) => d.status === status).length;
    assert.equal(count('sending'), 0, 'no mail left claimed but unfinished');
    assert.equal(count('uncertain'), 0);
    const issueMails = sink.messages.filter((m) => m.subject === 'Stop test');
    assert.equal(count('sent'), issueMails.length, 'every mail marked sent was delivered, and no other');
    assert.ok(
      sink.messages.some((m) => m.subject !== 'Stop test' && m.text?.includes('/newsletter/confirm')),
      'the sign-up in flight was completed and its confirmation mailed',
    );
    assert.ok(count('queued') > 0, 'the rest wait for the next start');
  });
});
