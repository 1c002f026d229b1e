import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { createMailer } from '../src/mail/mailer.js';
import { LEASE_MS, queueIssue, sendQueued, settleQueue } from '../src/newsletter/send-queue.js';
import { draftIssue } from './support/newsletter-helpers.js';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.js';
import { createTestSite, testEngines, TEST_PG_URL, type TestSite } from './support/test-db.js';

const RECIPIENTS = 30;

for (const { engine, skip } of await testEngines()) {
  describe(`newsletter sending after a crash on ${engine}`, { skip }, () => {
    let site: TestSite;
    let sink: SmtpSink;

    before(async () => {
      sink = await startSmtpSink({ delayMs: 40 });
      site = await createTestSite(engine);
    });
    after(async () => {
      await site?.close();
      await sink?.close();
    });

    it('resumes after the sender is killed mid-send, and mails nobody twice', async () => {
      const db = site.db.kysely;
      const now = new Date().toISOString();
      await db
        .insertInto('subscribers')
        .values(
          Array.from({ length: RECIPIENTS }, (_, i) => ({
            email: `reader${i}@example.org`,
            lang: i % 2 ? ('he' as const) : ('en' as const),
            status: 'confirmed' as const,
            link_key: `key${i}`,
            created_at: now,
          })),
        )
        .execute();
      const picks = await db
        .selectFrom('publications')
        .select(['id'])
        .where('status', '=', 'published')
        .limit(3)
        .execute();
      const issueId = await draftIssue(
        db,
        { subject_en: 'Crash test', subject_he: 'מבחן קריסה' },
        picks.map((p) => p.id),
      );
      assert.equal(await queueIssue(db, issueId), RECIPIENTS);

      const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/newsletter-send-child.ts'], {
        env: {
          ...process.env,
          NEWSLETTER_CHILD: JSON.stringify({
            databaseUrl: engine === 'postgres' ? TEST_PG_URL : undefined,
            pgSchema: site.pgSchema,
            dataDir: site.dataDir,
            smtpUrl: sink.url,
          }),
        },
        stdio: 'inherit',
      });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await sink.waitFor(8, 60_000);
      child.kill('SIGKILL');
      await exited;
      const deliveredBeforeCrash = sink.messages.length;
      assert.ok(deliveredBeforeCrash < RECIPIENTS, 'the sender was stopped part-way');

      // After the lease, the row the dead sender held is marked uncertain; the rest resumes.
      await settleQueue(db, new Date(Date.now() + LEASE_MS + 1000));
      const mailer = createMailer({
        smtpUrl: sink.url,
        from: 'Meridian <news@meridian.example>',
        dataDir: site.dataDir,
      });
      await sendQueued({
        db: site.db,
        content: site.content,
        mailer,
        publicUrl: 'http://dossier.test',
        ratePerMinute: 100_000,
      });
      mailer.close?.();

      const received = new Map<string, number>();
      for (const message of sink.messages) {
        const to = JSON.stringify(message.to).match(/reader\d+@example\.org/)![0];
        received.set(to, (received.get(to) ?? 0) + 1);
      }
      assert.ok(
        [...received.values()].every((n) => n === 1),
        `nobody twice: ${JSON.stringify([...received])}`,
      );
      const rows = await db
        .selectFrom('newsletter_deliveries as d')
        .innerJoin('subscribers as s', 's.id', 'd.subscriber_id')
        .select(['s.email', 'd.status'])
        .where('d.issue_id', '=', issueId)
        .execute();
      const uncertain = rows.filter((r) => r.status === 'uncertain');
      assert.ok(uncertain.length <= 1, 'at most the one mail in flight is uncertain');
      for (const row of rows) {
        if (row.status === 'sent') assert.equal(received.get(row.email), 1, `${row.email} marked sent was received`);
        else assert.equal(row.status, 'uncertain', `${row.email} is ${row.status}`);
      }
      assert.equal(
        received.size + uncertain.filter((r) => !received.has(r.email)).length,
        RECIPIENTS,
        'everyone else got it',
      );
      const finished = await db
        .selectFrom('newsletter_issues')
        .select('status')
        .where('id', '=', issueId)
        .executeTakeFirstOrThrow();
      assert.equal(finished.status, 'sent');
    });
  });
}
