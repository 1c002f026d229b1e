import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { ParsedMail } from 'mailparser';
import { createDb } from '../src/db/create-db.js';
import {
  fillFreeSeats,
  fillFreeSeatsEverywhere,
  registerForEvent,
  registrationMailQueue,
} from '../src/events/registrations.js';
import { LEASE_MS } from '../src/mail/delivery-policy.js';
import { createMailer, type Mailer } from '../src/mail/mailer.js';
import { settleOutbox } from '../src/mail/outbox.js';
import { sendOutbox } from '../src/mail/outbox-worker.js';
import { signIn } from './support/admin-client.js';
import { insertEvent } from './support/event-helpers.js';
import { formBody, linkIn } from './support/newsletter-helpers.js';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.js';
import { createTestSite, testEngines, TEST_PG_URL, type TestSite } from './support/test-db.js';

const PUBLIC_URL = 'http://dossier.test';
const FROM = 'Meridian <events@meridian.example>';
const BATCH = 30;

/** How many messages each address in `messages` received. */
function countByRecipient(messages: ParsedMail[]): Map<string, number> {
  const received = new Map<string, number>();
  for (const message of messages) {
    const to = JSON.stringify(message.to).match(/[\w.+-]+@example\.org/)![0];
    received.set(to, (received.get(to) ?? 0) + 1);
  }
  return received;
}

for (const { engine, skip } of await testEngines()) {
  describe(`mail outbox on ${engine}`, { skip }, () => {
    let site: TestSite;
    let sink: SmtpSink;
    let mailer: Mailer;
    let address = 0;
    const db = () => site.db.kysely;
    const eventDeps = (m: Mailer = mailer) => ({
      db: site.db,
      content: site.content,
      mailer: m,
      publicUrl: PUBLIC_URL,
    });
    /** A distinct client address per call, so per-address limits stay out of the way. */
    const post = (url: string, fields: Record<string, string>) =>
      site.app.inject({
        method: 'POST',
        url,
        remoteAddress: `10.2.${Math.floor(++address / 250)}.${address % 250}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: formBody(fields),
      });
    const register = (slug: string, name: string, email: string) =>
      post(`/en/events/${slug}/register`, { name, email, organisation: '', website: '', pow: '' });
    const mailsTo = (email: string, from: SmtpSink = sink) =>
      from.messages.filter((m) => JSON.stringify(m.to ?? '').includes(email));
    const registrationOf = (eventId: number, email: string) =>
      db()
        .selectFrom('event_registrations')
        .select(['id', 'status', 'email'])
        .where('event_id', '=', eventId)
        .where('email', '=', email)
        .executeTakeFirst();
    const outboxFor = (recipients: string[]) =>
      db().selectFrom('mail_outbox').selectAll().where('recipient', 'in', recipients).orderBy('id').execute();

    /** Registers `count` people without sending anything: their confirmations wait in the outbox. */
    async function queueRegistrations(key: string, count: number): Promise<string[]> {
      const event = await insertEvent(db(), key);
      const now = new Date().toISOString();
      const queue = await registrationMailQueue(eventDeps(), now);
      const emails = Array.from({ length: count }, (_, i) => `${key}${i}@example.org`);
      for (const [i, email] of emails.entries()) {
        const lang = i % 2 ? ('he' as const) : ('en' as const);
        const result = await registerForEvent(
          site.db,
          event.id,
          { name: `P${i}`, email, organisation: '', lang },
          now,
          queue,
        );
        assert.equal(result.kind, 'registered');
      }
      return emails;
    }

    /** Makes the database refuse outbox rows for addresses starting with "refused", until the returned function runs. */
    async function refuseOutboxMailToRefused(): Promise<() => Promise<void>> {
      if (engine === 'sqlite') {
        await sql`CREATE TRIGGER outbox_refuses BEFORE INSERT ON mail_outbox WHEN NEW.recipient LIKE 'refused%'
          BEGIN SELECT RAISE(ABORT, 'the outbox refuses this mail'); END`.execute(db());
        return async () => void (await sql`DROP TRIGGER outbox_refuses`.execute(db()));
      }
      await sql`CREATE FUNCTION outbox_refuses() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.recipient LIKE 'refused%' THEN RAISE EXCEPTION 'the outbox refuses this mail'; END IF;
          RETURN NEW;
        END $$`.execute(db());
      await sql`CREATE TRIGGER outbox_refuses BEFORE INSERT ON mail_outbox
        FOR EACH ROW EXECUTE FUNCTION outbox_refuses()`.execute(db());
      return async () => {
        await sql`DROP TRIGGER outbox_refuses ON mail_outbox`.execute(db());
        await sql`DROP FUNCTION outbox_refuses()`.execute(db());
      };
    }

    /** A second app node's view of the same database: its own connection or pool. */
    const openSecondDb = () =>
      createDb({
        databaseUrl: engine === 'postgres' ? TEST_PG_URL : undefined,
        dataDir: site.dataDir,
        pgSchema: site.pgSchema,
      });

    before(async () => {
      sink = await startSmtpSink();
      mailer = createMailer({ smtpUrl: sink.url, from: FROM, dataDir: '' });
      site = await createTestSite(engine, { mailer });
    });
    after(async () => {
      mailer?.close?.();
      await site?.close();
      await sink?.close();
    });

    it('queues one confirmation per registration; the worker sends it once and a retried request adds none', async () => {
      const event = await insertEvent(db(), 'outbox-one', { capacity: 5 });

      // The normal case: queued with the seat, sent before the answer, nothing left for the worker.
      assert.equal((await register(event.slug_en, 'Bo', 'bo.outbox@example.org')).statusCode, 200);
      const bo = (await registrationOf(event.id, 'bo.outbox@example.org'))!;
      const [boRow, ...boMore] = await outboxFor(['bo.outbox@example.org']);
      assert.deepEqual(boMore, []);
      assert.equal(boRow!.dedupe_key, `registration:${bo.id}:confirmed:v1`);
      assert.equal(boRow!.status, 'sent');
      assert.equal(mailsTo('bo.outbox@example.org').length, 1);

      // The mail server answers 451 to the immediate send: the seat and the queued mail stand.
      sink.failNext(1, 451);
      const answer = await register(event.slug_en, 'Ada', 'ada.outbox@example.org');
      assert.equal(answer.statusCode, 200);
      assert.match(answer.body, /You are registered/);
      assert.match(answer.body, /could not send the mail just now/);
      const ada = (await registrationOf(event.id, 'ada.outbox@example.org'))!;
      assert.equal(ada.status, 'confirmed');
      const [queued, ...more] = await outboxFor(['ada.outbox@example.org']);
      assert.deepEqual(more, [], 'exactly one mail queued');
      assert.equal(queued!.kind, 'event-confirmed');
      assert.equal(queued!.ref, `registration:${ada.id}`);
      assert.equal(queued!.dedupe_key, `registration:${ada.id}:confirmed:v1`);
      assert.equal(queued!.status, 'queued');
      assert.equal(queued!.attempts, 1);
      assert.match(queued!.last_error, /451/);
      assert.ok(Date.parse(queued!.next_attempt_at) > Date.now() + 50_000, 'tried again after a minute');
      assert.equal(mailsTo('ada.outbox@example.org').length, 0);

      // The same form sent again (a retried request) finds the registration and queues nothing.
      assert.equal((await register(event.slug_en, 'Ada', 'ada.outbox@example.org')).statusCode, 200);
      assert.equal((await outboxFor(['ada.outbox@example.org'])).length, 1);

      assert.equal(await sendOutbox({ db: site.db, mailer }), 0, 'nothing is due before the back-off');
      const inAMinute = () => new Date(Date.now() + 61_000);
      assert.equal(await sendOutbox({ db: site.db, mailer }, { now: inAMinute }), 1);
      const [sent] = await outboxFor(['ada.outbox@example.org']);
      assert.equal(sent!.status, 'sent');
      assert.equal(sent!.attempts, 2);
      assert.equal(sent!.last_error, '');
      const [mail, ...twice] = mailsTo('ada.outbox@example.org');
      assert.deepEqual(twice, []);
      assert.equal(mail!.subject, 'Your seat is confirmed: Briefing outbox-one');
      assert.equal(mail!.messageId, `<registration.${ada.id}.confirmed.v1@dossier.test>`);
      const ics = mail!.attachments.find((a) => a.contentType === 'text/calendar');
      assert.match(ics!.content.toString('utf8'), /BEGIN:VEVENT/, 'the .ics survives the trip through the outbox');
      assert.ok(linkIn(mail!.text ?? '', '/en/events/cancel?token='));

      const inAnHour = () => new Date(Date.now() + 3_600_000);
      assert.equal(await sendOutbox({ db: site.db, mailer }, { now: inAnHour }), 0, 'a second run sends nothing');
      assert.equal(mailsTo('ada.outbox@example.org').length, 1);
    });

    it('fails a refused mail for good and shows it on the event’s registrations page', async () => {
      const event = await insertEvent(db(), 'outbox-refused');
      sink.failNext(1, 550);
      assert.equal((await register(event.slug_en, 'Cy', 'cy.outbox@example.org')).statusCode, 200);
      const [row] = await outboxFor(['cy.outbox@example.org']);
      assert.equal(row!.status, 'failed');
      assert.equal(await sendOutbox({ db: site.db, mailer }, { now: () => new Date(Date.now() + 3_600_000) }), 0);
      assert.equal(mailsTo('cy.outbox@example.org').length, 0);
      const editor = await signIn(site.app, 'editor@meridian.example');
      const page = await editor.get(`/admin/events/${event.id}/registrations`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /cy\.outbox@example\.org/);
      assert.match(page.body, /Mail not delivered; please tell them yourself/);
    });

    it('sends each of 30 mails exactly once when two nodes send at the same time', async () => {
      const slowSink = await startSmtpSink({ delayMs: 10 });
      const second = await openSecondDb();
      const mailers = [0, 1].map(() => createMailer({ smtpUrl: slowSink.url, from: FROM, dataDir: '' }));
      try {
        const emails = await queueRegistrations('pair', BATCH);
        const handled = await Promise.all([
          sendOutbox({ db: site.db, mailer: mailers[0]! }),
          sendOutbox({ db: second, mailer: mailers[1]! }),
        ]);
        assert.equal(handled[0]! + handled[1]!, BATCH);
        assert.ok(
          handled.every((n) => n > 0),
          `both nodes sent some: ${handled.join(' + ')}`,
        );
        const received = countByRecipient(slowSink.messages);
        assert.deepEqual(
          emails.filter((e) => received.get(e) !== 1),
          [],
          'everyone exactly once',
        );
        assert.equal(slowSink.messages.length, BATCH);
        const rows = await outboxFor(emails);
        assert.deepEqual(new Set(rows.map((r) => r.status)), new Set(['sent']));
        assert.deepEqual(new Set(rows.map((r) => r.attempts)), new Set([1]));
      } finally {
        for (const m of mailers) m.close?.();
        await second.close();
        await slowSink.close();
      }
    });

    it('resumes after a sender is killed mid-send, and mails nobody twice', async () => {
      const slowSink = await startSmtpSink({ delayMs: 40 });
      const crashMailer = createMailer({ smtpUrl: slowSink.url, from: FROM, dataDir: '' });
      try {
        const emails = await queueRegistrations('crash', BATCH);
        const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/outbox-send-child.ts'], {
          env: {
            ...process.env,
            OUTBOX_CHILD: JSON.stringify({
              databaseUrl: engine === 'postgres' ? TEST_PG_URL : undefined,
              pgSchema: site.pgSchema,
              dataDir: site.dataDir,
              smtpUrl: slowSink.url,
            }),
          },
          stdio: 'inherit',
        });
        const exited = new Promise((resolve) => child.once('exit', resolve));
        await slowSink.waitFor(8, 60_000);
        child.kill('SIGKILL');
        await exited;
        assert.ok(slowSink.messages.length < BATCH, 'the sender was stopped part-way');

        // Another node right away: it sends what was still queued, never the row the dead one held.
        await sendOutbox({ db: site.db, mailer: crashMailer });
        const held = (await outboxFor(emails)).filter((r) => r.status === 'sending');
        assert.ok(held.length <= 1, 'at most the mail in flight is still claimed');
        // After the lease that row is uncertain, and nothing is left to send.
        await settleOutbox(db(), new Date(Date.now() + LEASE_MS + 1000));
        assert.equal(await sendOutbox({ db: site.db, mailer: crashMailer }), 0);

        const received = countByRecipient(slowSink.messages);
        assert.ok(
          [...received.values()].every((n) => n === 1),
          `nobody twice: ${JSON.stringify([...received])}`,
        );
        const rows = await outboxFor(emails);
        const uncertain = rows.filter((r) => r.status === 'uncertain');
        assert.ok(uncertain.length <= 1, 'at most the one mail in flight is uncertain');
        assert.equal(uncertain.length, held.length);
        for (const row of rows) {
          if (row.status === 'sent') assert.equal(received.get(row.recipient), 1, `${row.recipient} sent, received`);
          else assert.equal(row.status, 'uncertain', `${row.recipient} is ${row.status}`);
        }
        assert.equal(
          received.size + uncertain.filter((r) => !received.has(r.recipient)).length,
          BATCH,
          'everyone else got it',
        );
      } finally {
        crashMailer.close?.();
        await slowSink.close();
      }
    });

    it('leaves no outbox row, and no change, when the transaction fails', async () => {
      const event = await insertEvent(db(), 'outbox-rollback', { capacity: 1 });
      await register(event.slug_en, 'Seated', 'seated.rollback@example.org');
      await register(event.slug_en, 'Refused waiting', 'refused.waiting@example.org');
      const cancelUrl = linkIn(mailsTo('seated.rollback@example.org')[0]!.text ?? '', '/en/events/cancel');
      const token = new URL(cancelUrl).searchParams.get('token')!;
      const allowAgain = await refuseOutboxMailToRefused();
      try {
        // A registration whose mail cannot be queued is not made.
        const refused = await register(event.slug_en, 'Refused', 'refused.new@example.org');
        assert.equal(refused.statusCode, 500);
        assert.equal(await registrationOf(event.id, 'refused.new@example.org'), undefined);
        assert.deepEqual(await outboxFor(['refused.new@example.org']), []);

        // Nor is a cancellation whose promotion mail cannot be.
        assert.equal((await post('/en/events/cancel', { token })).statusCode, 500);
        assert.equal((await registrationOf(event.id, 'seated.rollback@example.org'))!.status, 'confirmed');
        assert.equal((await registrationOf(event.id, 'refused.waiting@example.org'))!.status, 'waitlisted');
        assert.deepEqual(
          (await outboxFor(['refused.waiting@example.org'])).map((r) => r.kind),
          ['event-waitlisted'],
        );

        // More seats: the first promotion's row is rolled back with the second's failure.
        const wider = await insertEvent(db(), 'outbox-wider', { capacity: 1 });
        for (const email of ['holder.wider@example.org', 'first.wider@example.org', 'refused.wider@example.org']) {
          const result = await registerForEvent(site.db, wider.id, { name: 'W', email, organisation: '', lang: 'en' });
          assert.notEqual(result.kind, 'closed');
        }
        await db().updateTable('events').set({ capacity: 3 }).where('id', '=', wider.id).execute();
        await assert.rejects(fillFreeSeats(eventDeps(), wider.id), /the outbox refuses this mail/);
        for (const email of ['first.wider@example.org', 'refused.wider@example.org'])
          assert.equal((await registrationOf(wider.id, email))!.status, 'waitlisted');
        assert.deepEqual(await outboxFor(['first.wider@example.org', 'refused.wider@example.org']), []);
      } finally {
        await allowAgain();
      }

      // Tried again once the fault is gone: the cancellation, the promotion and one mail.
      assert.equal((await post('/en/events/cancel', { token })).statusCode, 200);
      assert.equal((await registrationOf(event.id, 'seated.rollback@example.org'))!.status, 'cancelled');
      assert.deepEqual(
        (await outboxFor(['refused.waiting@example.org'])).map((r) => [r.kind, r.status]),
        [
          ['event-waitlisted', 'sent'],
          ['event-promoted', 'sent'],
        ],
      );
    });

    it('queues both promotion mails with the cancellations that free the seats, each once', async () => {
      const event = await insertEvent(db(), 'outbox-swap', { capacity: 2 });
      const people = ['seat1', 'seat2', 'wait1', 'wait2'].map((p) => `${p}.swap@example.org`);
      for (const email of people) assert.equal((await register(event.slug_en, 'Swap', email)).statusCode, 200);
      const tokenOf = (email: string) =>
        new URL(linkIn(mailsTo(email)[0]!.text ?? '', '/en/events/cancel')).searchParams.get('token')!;
      const [seat1, seat2] = [tokenOf(people[0]!), tokenOf(people[1]!)];

      // Both seated people cancel at once, and the first's request arrives twice.
      const answers = await Promise.all([seat1, seat2, seat1].map((token) => post('/en/events/cancel', { token })));
      assert.deepEqual(
        answers.map((a) => a.statusCode),
        [200, 200, 200],
      );
      const statuses = await Promise.all(people.map(async (email) => (await registrationOf(event.id, email))!.status));
      assert.deepEqual(statuses, ['cancelled', 'cancelled', 'confirmed', 'confirmed']);

      const rows = await outboxFor(people);
      const promoted = rows.filter((r) => r.kind === 'event-promoted');
      assert.deepEqual(promoted.map((r) => [r.recipient, r.status]).sort(), [
        [people[2], 'sent'],
        [people[3], 'sent'],
      ]);
      assert.equal(rows.length, 6, 'four status mails on registering, two promotions, nothing else');
      assert.equal(await sendOutbox({ db: site.db, mailer }, { now: () => new Date(Date.now() + 3_600_000) }), 0);
      for (const email of people.slice(2)) {
        assert.deepEqual(
          mailsTo(email).map((m) => m.subject),
          ['You are on the waiting list: Briefing outbox-swap', 'A seat is yours: Briefing outbox-swap'],
        );
      }
      for (const email of people.slice(0, 2)) assert.equal(mailsTo(email).length, 1, 'the confirmation only');
    });

    it('seats the waiting list later when a node died between a capacity save and the promotion', async () => {
      const event = await insertEvent(db(), 'outbox-sweep', { capacity: 1 });
      const people = ['holder.sweep@example.org', 'next.sweep@example.org', 'last.sweep@example.org'];
      for (const email of people)
        await registerForEvent(site.db, event.id, { name: 'S', email, organisation: '', lang: 'en' });
      // The save committed, the promotion never ran.
      await db().updateTable('events').set({ capacity: 2 }).where('id', '=', event.id).execute();
      // Two nodes sweep at once, then one again: the free seat is given once, to the first waiting.
      await Promise.all([fillFreeSeatsEverywhere(eventDeps()), fillFreeSeatsEverywhere(eventDeps())]);
      await fillFreeSeatsEverywhere(eventDeps());
      assert.equal((await registrationOf(event.id, 'next.sweep@example.org'))!.status, 'confirmed');
      assert.equal((await registrationOf(event.id, 'last.sweep@example.org'))!.status, 'waitlisted');
      assert.deepEqual(
        (await outboxFor(people)).map((r) => [r.recipient, r.kind]),
        [['next.sweep@example.org', 'event-promoted']],
      );
    });
  });
}
