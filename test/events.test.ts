import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import ICAL from 'ical.js';
import type { ParsedMail } from 'mailparser';
import { cancelRegistration } from '../src/events/registrations.js';
import { createMailer, type Mailer } from '../src/mail/mailer.js';
import { daysFromNow, insertEvent } from './support/event-helpers.js';
import { formBody, linkIn, solvedProof } from './support/newsletter-helpers.js';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.js';
import { createTestSite, testEngines, type TestSite } from './support/test-db.js';

const PUBLIC_URL = 'http://dossier.test';
/** 16:00 UTC on a March day before either country moves its clocks: 16:00 in London, 18:00 in Israel. */
type RegistrationFields = { name: string; email: string; organisation?: string; website?: string; pow?: string };

const MARCH_START = '2030-03-12T16:00:00.000Z';

/** The VEVENTs of an iCalendar text, read by ical.js (not by the library that wrote it). */
function veventsOf(text: string) {
  return new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
}

for (const { engine, skip } of await testEngines()) {
  describe(`events on ${engine}`, { skip }, () => {
    let site: TestSite;
    let sink: SmtpSink;
    let mailer: Mailer;
    let address = 0;
    /** A distinct client address per call unless one is given, so per-address limits stay out of the way. */
    const post = (
      url: string,
      fields: Record<string, string>,
      ip = `10.1.${Math.floor(++address / 250)}.${address % 250}`,
    ) =>
      site.app.inject({
        method: 'POST',
        url,
        remoteAddress: ip,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: formBody(fields),
      });
    const get = (url: string) => site.app.inject({ method: 'GET', url: url.replace(PUBLIC_URL, '') });
    /** Sends the registration form as a browser without JavaScript would, unless `pow` is given. */
    const register = (lang: 'en' | 'he', slug: string, fields: RegistrationFields) =>
      post(`/${lang}/events/${encodeURIComponent(slug)}/register`, {
        organisation: '',
        website: '',
        pow: '',
        ...fields,
      });
    const mailsTo = (email: string): ParsedMail[] =>
      sink.messages.filter((m) => JSON.stringify(m.to ?? '').includes(email));
    const outboxOf = (registrationIds: number[]) =>
      site.db.kysely
        .selectFrom('mail_outbox')
        .select(['ref', 'kind', 'status'])
        .where(
          'ref',
          'in',
          registrationIds.map((id) => `registration:${id}`),
        )
        .orderBy('id')
        .execute();
    const registrations = (eventId: number) =>
      site.db.kysely
        .selectFrom('event_registrations')
        .select(['id', 'email', 'status'])
        .where('event_id', '=', eventId)
        .orderBy('id')
        .execute();

    before(async () => {
      sink = await startSmtpSink();
      mailer = createMailer({ smtpUrl: sink.url, from: 'Meridian <events@meridian.example>', dataDir: '' });
      site = await createTestSite(engine, { mailer });
    });
    after(async () => {
      mailer?.close?.();
      await site?.close();
      await sink?.close();
    });

    it('lists upcoming events soonest first and past events newest first, with a paged archive', async () => {
      const db = site.db.kysely;
      const later = await insertEvent(db, 'list-later', { starts_at: daysFromNow(20) });
      const sooner = await insertEvent(db, 'list-sooner', { starts_at: daysFromNow(3) });
      const older = await insertEvent(db, 'list-older', { starts_at: daysFromNow(-40) });
      const newer = await insertEvent(db, 'list-newer', { starts_at: daysFromNow(-5) });
      const draft = await insertEvent(db, 'list-draft', { starts_at: daysFromNow(4), status: 'draft' });
      for (let i = 0; i < 12; i++) await insertEvent(db, `list-filler-${i}`, { starts_at: daysFromNow(-100 - i) });

      const upcoming = (await get('/en/events')).body;
      assert.ok(upcoming.indexOf(sooner.title_en) < upcoming.indexOf(later.title_en), 'soonest first');
      assert.ok(upcoming.indexOf(sooner.title_en) > 0);
      for (const absent of [older, newer, draft]) assert.ok(!upcoming.includes(absent.title_en), absent.title_en);
      assert.match(upcoming, /<a href="\/en\/events\/past">Past events and recordings<\/a>/);
      assert.match(
        upcoming,
        /<link rel="alternate" type="text\/calendar" title="[^"]+" href="http:\/\/dossier\.test\/en\/events\.ics"/,
      );

      const hebrew = await get('/he/events');
      assert.equal(hebrew.statusCode, 200);
      assert.match(hebrew.body, /<html lang="he" dir="rtl">/);
      assert.ok(hebrew.body.includes(sooner.title_he));
      assert.match(hebrew.body, /אירועים קרובים/);

      const past = (await get('/en/events/past')).body;
      assert.ok(
        past.indexOf(newer.title_en) > 0 && past.indexOf(newer.title_en) < past.indexOf(older.title_en),
        'newest first',
      );
      assert.ok(!past.includes(later.title_en));
      assert.match(past, /rel="next"/);
      const secondPage = await get('/en/events/past?page=2');
      assert.equal(secondPage.statusCode, 200);
      assert.match(secondPage.body, /Briefing list-filler-11/, 'the oldest is on the second page');
      assert.equal((await get('/en/events/past?page=9')).statusCode, 404);
    });

    it('shows an event in both languages, in its own time zone and in the institute’s', async () => {
      const db = site.db.kysely;
      const catalog = await site.content.getCatalog();
      const [first, second] = catalog.people;
      const topic = catalog.topics[0]!;
      const publication = await db
        .selectFrom('publications')
        .select(['id', 'title'])
        .where('status', '=', 'published')
        .where('lang', '=', 'en')
        .orderBy('id')
        .executeTakeFirstOrThrow();
      const event = await insertEvent(
        db,
        'london',
        {
          starts_at: MARCH_START,
          ends_at: '2030-03-12T18:00:00.000Z',
          capacity: 80,
          online_url: 'https://meet.example/room',
        },
        { speakerIds: [first!.id, second!.id], topicIds: [topic.id], publicationIds: [publication.id] },
      );

      const page = await get(`/en/events/${event.slug_en}`);
      assert.equal(page.statusCode, 200);
      const html = page.body;
      assert.match(html, /<h1 id="event-title">Briefing london<\/h1>/);
      assert.match(html, /Programme of london\./);
      assert.match(html, /Tuesday, 12 March 2030, 16:00–18:00 \(United Kingdom Time\)/);
      assert.match(html, /That is Tuesday, 12 March 2030, 18:00–20:00 \(Israel Time\)\./);
      assert.match(html, /<time class="event-time" datetime="2030-03-12T16:00:00.000Z">/);
      assert.ok(html.includes(`href="/en/experts/${first!.slug}"`), 'speakers link to their pages');
      assert.ok(html.includes(`href="/en/topics/${topic.slug_en}"`));
      assert.ok(html.includes(publication.title), 'related publication card');
      assert.match(html, /80 of 80 seats left/);
      assert.match(html, /English and Hebrew/);
      assert.match(html, /href="https:\/\/meet\.example\/room"/);
      assert.match(
        html,
        /<form class="registration-form" method="post" action="\/en\/events\/briefing-london\/register" data-challenge="\/newsletter\/challenge"/,
      );
      assert.ok(html.includes(`hreflang="he" href="${PUBLIC_URL}/he/events/${encodeURIComponent(event.slug_he)}"`));
      assert.ok(html.includes(`href="/en/events/briefing-london/event.ics"`));

      const hebrew = await get(`/he/events/${encodeURIComponent(event.slug_he)}`);
      assert.equal(hebrew.statusCode, 200);
      assert.match(hebrew.body, /<html lang="he" dir="rtl">/);
      assert.ok(hebrew.body.includes('תדריך london'));
      assert.match(hebrew.body, /16:00–18:00 \(שעון בריטניה\)/);
      assert.match(hebrew.body, /כלומר [^<]*18:00–20:00 \(שעון ישראל\)\./);
      assert.match(hebrew.body, /נותרו 80 מקומות מתוך 80/);

      // Search engines get the same facts as JSON-LD.
      const block = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1];
      assert.ok(block, 'an Event data block');
      const data = JSON.parse(block) as Record<string, unknown> & {
        performer: { name: string }[];
        location: { '@type': string; url?: string }[];
      };
      assert.equal(data['@type'], 'Event');
      assert.equal(data.name, 'Briefing london');
      assert.equal(data.startDate, MARCH_START);
      assert.equal(data.eventAttendanceMode, 'https://schema.org/MixedEventAttendanceMode');
      assert.deepEqual(
        data.location.map((l) => l['@type']),
        ['Place', 'VirtualLocation'],
      );
      assert.equal(data.performer.length, 2);
      assert.equal(data.url, `${PUBLIC_URL}/en/events/briefing-london`);
    });

    it('hides drafts and shows an event in the institute’s zone only once', async () => {
      const db = site.db.kysely;
      const draft = await insertEvent(db, 'hidden', { status: 'draft' });
      assert.equal((await get(`/en/events/${draft.slug_en}`)).statusCode, 404);
      assert.equal((await get(`/en/events/${draft.slug_en}/event.ics`)).statusCode, 404);
      assert.equal((await get('/en/events/no-such-event')).statusCode, 404);
      const local = await insertEvent(db, 'jerusalem', { time_zone: 'Asia/Jerusalem' });
      const html = (await get(`/en/events/${local.slug_en}`)).body;
      assert.match(html, /\(Israel Time\)/);
      assert.doesNotMatch(html, /That is/);
    });

    it('shows a past event with its recording and without registration', async () => {
      const recording = await site.db.kysely
        .insertInto('media')
        .values({
          kind: 'audio',
          path: 'recordings/briefing.mp3',
          mime: 'audio/mpeg',
          bytes: 1000,
          width: null,
          height: null,
          duration_seconds: 3600,
          alt_en: '',
          alt_he: '',
          created_at: new Date().toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const event = await insertEvent(site.db.kysely, 'recorded', {
        starts_at: daysFromNow(-3),
        capacity: 20,
        recording_media_id: recording.id,
      });
      const html = (await get(`/en/events/${event.slug_en}`)).body;
      assert.match(html, /This event has ended\./);
      assert.match(html, /<audio controls preload="none" src="\/media\/recordings\/briefing\.mp3">/);
      assert.doesNotMatch(html, /registration-form|seats left/);
      assert.match(html, /<a href="\/en\/events\/past">Past events<\/a>/, 'the breadcrumb leads to past events');
    });

    it('never seats more than the capacity when many register at once; the rest wait in line', async () => {
      const event = await insertEvent(site.db.kysely, 'crowd', { capacity: 10 });
      const people = Array.from({ length: 35 }, (_, i) => ({ name: `Person ${i}`, email: `crowd${i}@example.org` }));
      const answers = await Promise.all(people.map((person) => register('en', event.slug_en, person)));
      assert.deepEqual(
        answers.map((a) => a.statusCode),
        people.map(() => 200),
      );
      assert.equal(answers.filter((a) => /You are registered/.test(a.body)).length, 10);
      assert.equal(answers.filter((a) => /You are on the waiting list/.test(a.body)).length, 25);
      const rows = await registrations(event.id);
      assert.equal(rows.filter((r) => r.status === 'confirmed').length, 10);
      assert.equal(rows.filter((r) => r.status === 'waitlisted').length, 25);
      assert.match((await get(`/en/events/${event.slug_en}`)).body, /The hall is full\. You can join the waiting list/);
      const confirmedMail = mailsTo(rows.find((r) => r.status === 'confirmed')!.email)[0]!;
      const waitlistedMail = mailsTo(rows.find((r) => r.status === 'waitlisted')!.email)[0]!;
      assert.match(confirmedMail.subject ?? '', /^Your seat is confirmed: Briefing crowd$/);
      assert.match(waitlistedMail.subject ?? '', /^You are on the waiting list: Briefing crowd$/);
      assert.equal(waitlistedMail.attachments.length, 0, 'no calendar file without a seat');
      // Each mail was queued with its registration and sent through the outbox before the answer.
      const queued = await outboxOf(rows.map((r) => r.id));
      assert.deepEqual(
        queued.map((q) => [q.ref, q.kind, q.status]),
        rows.map((r) => [`registration:${r.id}`, `event-${r.status}`, 'sent']),
      );
      assert.equal(sink.messages.filter((m) => /Briefing crowd$/.test(m.subject ?? '')).length, 35);
    });

    it('gives a freed seat to the first in line and mails them; a scanner opening the link cancels nothing', async () => {
      const event = await insertEvent(site.db.kysely, 'small', { capacity: 1 });
      for (const person of ['first', 'second', 'third'])
        await register('en', event.slug_en, { name: person, email: `${person}.small@example.org` });
      const cancelUrl = linkIn(mailsTo('first.small@example.org')[0]!.text ?? '', '/en/events/cancel');

      const landing = await get(cancelUrl);
      assert.equal(landing.statusCode, 200);
      assert.match(landing.body, /Press the button to cancel the registration of first\.small@example\.org/);
      assert.equal(landing.headers['referrer-policy'], 'no-referrer');
      assert.equal((await registrations(event.id))[0]!.status, 'confirmed', 'opening the link changed nothing');

      const token = new URL(cancelUrl).searchParams.get('token')!;
      const cancelled = await post('/en/events/cancel', { token });
      assert.equal(cancelled.statusCode, 200);
      assert.match(cancelled.body, /Registration cancelled/);
      assert.deepEqual(
        (await registrations(event.id)).map((r) => r.status),
        ['cancelled', 'confirmed', 'waitlisted'],
      );
      const [seatMail] = mailsTo('second.small@example.org').filter((m) => /^A seat is yours/.test(m.subject ?? ''));
      assert.ok(seatMail, 'the promoted registrant is told');
      assert.equal(seatMail.attachments[0]?.contentType, 'text/calendar');

      const first = (await registrations(event.id))[0]!;
      assert.deepEqual(await cancelRegistration({ ...mailDeps(), mailer }, first.id), { promoted: undefined });
      assert.equal((await registrations(event.id))[2]!.status, 'waitlisted', 'cancelling twice frees nothing more');
      const forged = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
      assert.equal((await get(`/en/events/cancel?token=${forged}`)).statusCode, 404);
    });

    it('registers an address once, tells it where it stands, and lets a cancelled one register again', async () => {
      const event = await insertEvent(site.db.kysely, 'twice', { capacity: 1 });
      await register('en', event.slug_en, { name: 'Seated', email: 'seated@example.org' });
      await register('en', event.slug_en, { name: 'Waiting', email: 'waiting@example.org' });
      const again = await register('en', event.slug_en, { name: 'Seated', email: 'Seated@Example.org' });
      assert.equal(again.statusCode, 200);
      assert.match(
        again.body,
        /seated@example\.org is already registered for “Briefing twice”, and its seat is confirmed/,
      );
      const waitingAgain = await register('en', event.slug_en, { name: 'Waiting', email: 'waiting@example.org' });
      assert.match(waitingAgain.body, /already on the waiting list for “Briefing twice”, at number 1/);
      assert.equal((await registrations(event.id)).length, 2, 'no duplicate rows');
      // Straight after the first mail, asking again is taken for a retried request: no second mail.
      assert.equal(mailsTo('seated@example.org').length, 1);
      assert.equal(mailsTo('waiting@example.org').length, 1);

      const seated = (await registrations(event.id))[0]!;
      await cancelRegistration({ ...mailDeps(), mailer }, seated.id);
      const back = await register('en', event.slug_en, { name: 'Seated', email: 'seated@example.org' });
      assert.match(back.body, /You are on the waiting list/, 'back, at the end of the line');
      assert.deepEqual(
        (await registrations(event.id)).map((r) => [r.email, r.status]),
        [
          ['waiting@example.org', 'confirmed'],
          ['seated@example.org', 'waitlisted'],
        ],
      );
    });

    it('refuses registration when it is closed, says so, and writes nothing', async () => {
      const closed = await insertEvent(site.db.kysely, 'closed', { registration_open: 0 });
      const started = await insertEvent(site.db.kysely, 'started', {
        starts_at: new Date(Date.now() - 30 * 60 * 1000).toISOString(),
        ends_at: new Date(Date.now() + 60 * 60 * 1000).toISOString(),
      });
      for (const event of [closed, started]) {
        const page = await get(`/he/events/${encodeURIComponent(event.slug_he)}`);
        assert.match(page.body, /ההרשמה לאירוע הזה סגורה\./);
        assert.doesNotMatch(page.body, /registration-form/);
        const refused = await register('he', event.slug_he, { name: 'מאוחר', email: 'late.comer@example.org' });
        assert.equal(refused.statusCode, 409);
        assert.match(refused.body, /ההרשמה לאירוע הזה סגורה\./);
        assert.deepEqual(await registrations(event.id), []);
      }
      const emailHash = createHash('sha256').update('late.comer@example.org').digest('hex');
      const ledger = await site.db.kysely
        .selectFrom('sign_in_failures')
        .select('key')
        .where('key', '=', `register-email:${emailHash}`)
        .execute();
      assert.deepEqual(ledger, [], 'not even counted against the limits');
      assert.equal(mailsTo('late.comer@example.org').length, 0);
    });

    it('sends bad input back with what was typed, and ignores foreign forms and bots', async () => {
      const event = await insertEvent(site.db.kysely, 'typos');
      const bad = await register('he', event.slug_he, {
        name: 'דנה לוי',
        email: 'not an address',
        organisation: 'מכון',
      });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /value="not an address"/);
      assert.match(bad.body, /value="דנה לוי"/);
      assert.match(bad.body, /value="מכון"/);
      assert.match(bad.body, /aria-invalid="true"/);
      assert.match(bad.body, /הזינו כתובת דואר אלקטרוני תקינה/);
      const nameless = await register('en', event.slug_en, { name: '  ', email: 'someone@example.org' });
      assert.equal(nameless.statusCode, 400);
      assert.match(nameless.body, /Enter your name/);

      const foreign = await site.app.inject({
        method: 'POST',
        url: `/en/events/${event.slug_en}/register`,
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
        payload: formBody({ name: 'Forged', email: 'forged@example.org' }),
      });
      assert.equal(foreign.statusCode, 403);
      const bot = await register('en', event.slug_en, {
        name: 'Bot',
        email: 'bot@example.org',
        website: 'http://spam.example',
      });
      assert.equal(bot.statusCode, 200, 'bots are told nothing');
      assert.deepEqual(await registrations(event.id), []);
      assert.equal(mailsTo('bot@example.org').length, 0);
    });

    it('serves each event and the calendar as iCalendar that an independent parser reads', async () => {
      const event = await insertEvent(site.db.kysely, 'ics', {
        starts_at: MARCH_START,
        ends_at: '2030-03-12T18:00:00.000Z',
        title_he: 'כנס: איראן, חיזבאללה; והמפרץ',
        ics_sequence: 3,
      });
      const draft = await insertEvent(site.db.kysely, 'ics-draft', { status: 'draft' });
      const single = await get(`/he/events/${encodeURIComponent(event.slug_he)}/event.ics`);
      assert.equal(single.statusCode, 200);
      assert.equal(single.headers['content-type'], 'text/calendar; charset=utf-8');
      const [vevent] = veventsOf(single.body);
      assert.equal(vevent!.getFirstPropertyValue('uid'), event.uid);
      assert.equal(vevent!.getFirstPropertyValue('summary'), 'כנס: איראן, חיזבאללה; והמפרץ');
      assert.equal(vevent!.getFirstPropertyValue('sequence'), 3);
      const start = vevent!.getFirstPropertyValue('dtstart') as ICAL.Time;
      assert.equal(start.zone?.tzid, 'UTC');
      assert.equal(start.toString(), '2030-03-12T16:00:00Z');
      assert.equal(
        vevent!.getFirstPropertyValue('url'),
        `${PUBLIC_URL}/he/events/${encodeURIComponent(event.slug_he)}`,
      );

      const feed = await get('/he/events.ics');
      assert.equal(feed.headers['content-type'], 'text/calendar; charset=utf-8');
      const uids = veventsOf(feed.body).map((v) => v.getFirstPropertyValue('uid'));
      assert.ok(uids.includes(event.uid));
      assert.ok(!uids.includes(draft.uid), 'drafts stay out of the calendar');
    });

    it('mails a Hebrew registrant a right-to-left confirmation with the event’s .ics attached', async () => {
      const event = await insertEvent(site.db.kysely, 'mail', {
        starts_at: MARCH_START,
        ends_at: '2030-03-12T18:00:00.000Z',
      });
      const pow = await solvedProof(site);
      const answer = await register('he', event.slug_he, { name: 'נועה כהן', email: 'noa@example.org', pow });
      assert.equal(answer.statusCode, 200);
      assert.match(answer.body, /נרשמתם לאירוע/);
      const [mail] = mailsTo('noa@example.org');
      assert.ok(mail);
      assert.equal(mail.subject, `מקומכם שמור: ${event.title_he}`);
      assert.match(String(mail.html), /<html lang="he" dir="rtl">/);
      assert.match(mail.text ?? '', /שעון בריטניה/);
      assert.match(mail.text ?? '', /שעון ישראל/);
      const ics = mail.attachments.find((a) => a.contentType === 'text/calendar');
      assert.ok(ics, 'the calendar file is attached');
      const [vevent] = veventsOf(ics.content.toString('utf8'));
      assert.equal(vevent!.getFirstPropertyValue('uid'), event.uid);
      assert.equal(vevent!.getFirstPropertyValue('summary'), event.title_he);
      assert.ok(linkIn(mail.text ?? '', '/he/events/cancel?token='));
    });

    function mailDeps() {
      return { db: site.db, content: site.content, publicUrl: PUBLIC_URL };
    }
  });
}
