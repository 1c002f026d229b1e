import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Lang } from '../src/db/schema.js';
import { registerForEvent } from '../src/events/registrations.js';
import { signIn, type AdminClient } from './support/admin-client.js';
import { createTestSite, testEngines, type TestSite } from './support/test-db.js';

const EDITOR = 'editor@meridian.example';
const AUTHOR = 'author@meridian.example';
const EMPTY_DOC = JSON.stringify({ type: 'doc', content: [] });
const SEEDED_CONFERENCE = 'annual-security-conference';
const SEEDED_ROUNDTABLE = 'roundtable-reserve-duty-labour-market';

/** A complete, valid event form; tests override what they check. */
function eventForm(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    title_en: 'Water Security in the Jordan Basin',
    title_he: 'ביטחון מים באגן הירדן',
    slug_en: '',
    slug_he: '',
    summary_en: 'Researchers discuss shared water and regional stability.',
    summary_he: 'חוקרים דנים במים משותפים וביציבות אזורית.',
    body_json_en: EMPTY_DOC,
    body_json_he: EMPTY_DOC,
    venue_en: 'Meridian House, Tel Aviv-Yafo',
    venue_he: 'בית מרידיאן, תל אביב-יפו',
    held_in: 'both',
    // March 2031 is before Israel's clocks go forward: UTC+2.
    starts_at: '2031-03-10T18:00',
    ends_at: '2031-03-10T20:00',
    time_zone: 'Asia/Jerusalem',
    online_url: 'https://meet.example.org/water',
    capacity: '40',
    registration_open: '1',
    ...overrides,
  };
}

for (const { engine, skip } of await testEngines()) {
  describe(`events admin on ${engine}`, { skip }, () => {
    let site: TestSite;
    let editor: AdminClient;
    /** The event the editor creates, followed through edits and publishing. */
    let eventId: number;
    const db = () => site.db.kysely;

    const findBySlug = (slug: string) =>
      db().selectFrom('events').selectAll().where('slug_en', '=', slug).executeTakeFirstOrThrow();
    const findById = (id: number) =>
      db().selectFrom('events').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const idOf = (location: unknown) => Number(/\/admin\/events\/(\d+)/.exec(String(location))?.[1]);

    async function tables() {
      const [events, registrations, links] = await Promise.all([
        db().selectFrom('events').selectAll().orderBy('id').execute(),
        db().selectFrom('event_registrations').selectAll().orderBy('id').execute(),
        db().selectFrom('event_speakers').selectAll().orderBy('event_id').orderBy('person_id').execute(),
      ]);
      return { events, registrations, links };
    }

    async function register(eventId: number, name: string, email: string, lang: Lang = 'en') {
      const result = await registerForEvent(site.db, eventId, { name, email, organisation: '', lang });
      assert.notEqual(result.kind, 'closed', `registering ${email}`);
      return result.kind === 'closed' ? 0 : result.registration.id;
    }

    before(async () => {
      site = await createTestSite(engine);
      editor = await signIn(site.app, EDITOR);
    });
    after(async () => {
      await site?.close();
    });

    it('seeds four published demo events written in both languages', async () => {
      const events = await db().selectFrom('events').selectAll().orderBy('starts_at').execute();
      assert.equal(events.length, 4);
      for (const e of events) {
        for (const lang of ['en', 'he'] as const) {
          assert.ok(e[`title_${lang}`] && e[`slug_${lang}`] && e[`summary_${lang}`], `${e.slug_en} ${lang} texts`);
          assert.match(e[`body_html_${lang}`], /<p/, `${e.slug_en} ${lang} description`);
        }
        assert.equal(e.status, 'published');
      }
      const now = new Date().toISOString();
      const [past, ...upcoming] = events;
      assert.ok(past!.ends_at < now && past!.recording_media_id !== null, 'a past event with its recording');
      const recording = await db()
        .selectFrom('media')
        .select('kind')
        .where('id', '=', past!.recording_media_id!)
        .executeTakeFirstOrThrow();
      assert.equal(recording.kind, 'audio');
      assert.ok(upcoming.every((e) => e.starts_at > now));
      assert.equal((await findBySlug(SEEDED_CONFERENCE)).capacity, 120);
      assert.ok(
        upcoming.some((e) => e.online_url.startsWith('https://') && e.capacity === null),
        'an online briefing',
      );
      const roundtable = await findBySlug(SEEDED_ROUNDTABLE);
      const seats = await db()
        .selectFrom('event_registrations')
        .select('status')
        .where('event_id', '=', roundtable.id)
        .execute();
      assert.equal(roundtable.capacity, 3);
      assert.deepEqual(
        seats.map((s) => s.status),
        ['confirmed', 'confirmed'],
        'nearly full',
      );
      const speakers = await db().selectFrom('event_speakers').select('event_id').distinct().execute();
      assert.equal(speakers.length, 4, 'every demo event has speakers');
    });

    it('refuses authors every events page and action, and changes nothing', async () => {
      const author = await signIn(site.app, AUTHOR);
      const roundtable = await findBySlug(SEEDED_ROUNDTABLE);
      const registration = await db()
        .selectFrom('event_registrations')
        .select('id')
        .where('event_id', '=', roundtable.id)
        .executeTakeFirstOrThrow();
      const base = `/admin/events/${roundtable.id}`;
      const cancel = `${base}/registrations/${registration.id}/cancel`;
      const before = await tables();
      for (const url of [
        '/admin/events',
        '/admin/events/new',
        base,
        `${base}/registrations`,
        `${base}/registrations.csv`,
        cancel,
      ])
        assert.equal((await author.get(url)).statusCode, 403, url);
      const posts: [string, Record<string, string | string[]>][] = [
        ['/admin/events', eventForm()],
        [base, eventForm({ version: String(roundtable.version) })],
        [`${base}/publish`, {}],
        [`${base}/unpublish`, {}],
        [`${base}/close-registration`, {}],
        [cancel, {}],
      ];
      for (const [url, form] of posts) assert.equal((await author.post(url, form)).statusCode, 403, url);
      assert.deepEqual(await tables(), before);
      assert.doesNotMatch((await author.get('/admin/publications')).body, /href="\/admin\/events"/);
    });

    it('creates a draft event in both languages, with its links in order', async () => {
      const list = await editor.get('/admin/events');
      assert.equal(list.statusCode, 200);
      assert.match(list.body, /href="\/admin\/events"/, 'the nav links events');
      assert.match(list.body, /Annual Security Conference/);
      assert.equal((await editor.get('/admin/events/new')).statusCode, 200);
      const people = await db().selectFrom('people').select('id').orderBy('id').limit(2).execute();
      const topic = await db().selectFrom('topics').select('id').orderBy('id').executeTakeFirstOrThrow();
      const publication = await db()
        .selectFrom('publications')
        .select('id')
        .where('status', '=', 'published')
        .where('lang', '=', 'en')
        .executeTakeFirstOrThrow();
      const audio = await db().selectFrom('media').select('id').where('kind', '=', 'audio').executeTakeFirstOrThrow();
      const created = await editor.post(
        '/admin/events',
        eventForm({
          speaker_ids: String(people[1]!.id),
          speaker_ids_1: String(people[0]!.id),
          topic_ids: String(topic.id),
          publication_ids: String(publication.id),
          recording_media_id: String(audio.id),
        }),
      );
      assert.equal(created.statusCode, 303, created.body.slice(0, 3000));
      eventId = idOf(created.headers.location);
      const row = await findById(eventId);
      assert.equal(row.title_en, 'Water Security in the Jordan Basin');
      assert.equal(row.title_he, 'ביטחון מים באגן הירדן');
      assert.equal(row.slug_en, 'water-security-in-the-jordan-basin');
      assert.equal(row.slug_he, 'ביטחון-מים-באגן-הירדן');
      assert.equal(row.starts_at, '2031-03-10T16:00:00.000Z');
      assert.equal(row.ends_at, '2031-03-10T18:00:00.000Z');
      assert.deepEqual(
        [row.status, row.capacity, row.registration_open, row.version, row.ics_sequence, row.recording_media_id],
        ['draft', 40, 1, 1, 0, audio.id],
      );
      assert.match(row.uid, /^[0-9a-f-]{36}@dossier$/);
      const speakers = await db()
        .selectFrom('event_speakers')
        .select('person_id')
        .where('event_id', '=', eventId)
        .orderBy('position')
        .execute();
      assert.deepEqual(
        speakers.map((s) => s.person_id),
        [people[1]!.id, people[0]!.id],
      );
      const logged = await db()
        .selectFrom('audit_log')
        .selectAll()
        .where('entity', '=', 'event')
        .where('entity_id', '=', String(eventId))
        .execute();
      assert.deepEqual(
        logged.map((l) => l.action),
        ['create'],
      );
      const page = await editor.get(`/admin/events/${eventId}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /value="2031-03-10T18:00"/, 'the time shown in the event’s zone');
      assert.match(page.body, /ביטחון מים באגן הירדן/);
    });

    it('refuses a bad form with 400 and keeps every typed value', async () => {
      const before = await tables();
      const refused = await editor.post(
        '/admin/events',
        eventForm({
          title_he: '',
          summary_en: 'A summary worth keeping',
          online_url: 'javascript:alert(1)',
          capacity: '0',
          venue_he: '',
          starts_at: '2031-05-01T12:00',
          ends_at: '2031-05-01T11:00',
        }),
      );
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /This field is required/);
      assert.match(refused.body, /Enter an address starting with https:\/\/ or http:\/\//);
      assert.match(refused.body, /Enter a whole number of places from 1/);
      assert.match(refused.body, /The event must end after it starts/);
      assert.match(refused.body, /A summary worth keeping/);
      assert.match(refused.body, /value="javascript:alert\(1\)"/);
      assert.match(refused.body, /value="2031-05-01T11:00"/);
      assert.match(refused.body, /value="Water Security in the Jordan Basin"/);
      assert.deepEqual(await tables(), before, 'nothing written');
    });

    it('refuses an end before the start on its own', async () => {
      const refused = await editor.post('/admin/events', eventForm({ ends_at: '2031-03-10T17:59' }));
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /id="ends_at-error"[^]*?The event must end after it starts/);
    });

    it('refuses a slug another event uses, and one the site needs', async () => {
      const clash = await editor.post('/admin/events', eventForm({ slug_en: SEEDED_CONFERENCE }));
      assert.equal(clash.statusCode, 400);
      assert.match(clash.body, /Another item already uses this address/);
      assert.match(clash.body, new RegExp(`value="${SEEDED_CONFERENCE}"`));
      const reserved = await editor.post('/admin/events', eventForm({ slug_en: 'past' }));
      assert.equal(reserved.statusCode, 400);
      assert.match(reserved.body, /The site uses this address for its own pages/);
      const taken = await editor.post(
        `/admin/events/${eventId}`,
        eventForm({ version: '1', slug_he: 'כנס-הביטחון-השנתי' }),
      );
      assert.equal(taken.statusCode, 400);
      assert.equal((await findById(eventId)).version, 1);
    });

    it('refuses a save over a newer version with 409, keeping the typed text', async () => {
      const first = await editor.post(
        `/admin/events/${eventId}`,
        eventForm({ version: '1', summary_en: 'Saved first.' }),
      );
      assert.equal(first.statusCode, 303, first.body.slice(0, 3000));
      const stale = await editor.post(
        `/admin/events/${eventId}`,
        eventForm({ version: '1', summary_en: 'My late edit, not to be lost.' }),
      );
      assert.equal(stale.statusCode, 409);
      assert.match(stale.body, /Someone else saved this event while you were editing \(now version 2\)/);
      assert.match(stale.body, /My late edit, not to be lost\./);
      assert.match(stale.body, /Saved first\./, 'the saved text beside it');
      assert.match(stale.body, /name="version" value="2"/);
      assert.equal((await findById(eventId)).summary_en, 'Saved first.');
    });

    it('bumps the calendar sequence when the time changes, not for a summary', async () => {
      const { version, ics_sequence } = await findById(eventId);
      const summaryOnly = await editor.post(
        `/admin/events/${eventId}`,
        eventForm({ version: String(version), summary_en: 'Saved first, then again.' }),
      );
      assert.equal(summaryOnly.statusCode, 303);
      assert.equal((await findById(eventId)).ics_sequence, ics_sequence);
      const moved = await editor.post(
        `/admin/events/${eventId}`,
        eventForm({ version: String(version + 1), starts_at: '2031-03-10T18:30', ends_at: '2031-03-10T20:30' }),
      );
      assert.equal(moved.statusCode, 303);
      const row = await findById(eventId);
      assert.equal(row.ics_sequence, ics_sequence + 1);
      assert.equal(row.starts_at, '2031-03-10T16:30:00.000Z');
    });

    it('publishes the event to the site in both languages, and closes registration', async () => {
      const row = await findById(eventId);
      assert.equal((await site.app.inject(`/en/events/${row.slug_en}`)).statusCode, 404, 'a draft is not public');
      const published = await editor.post(`/admin/events/${eventId}/publish`, {});
      assert.equal(published.statusCode, 303);
      assert.equal((await findById(eventId)).status, 'published');
      const en = await site.app.inject(`/en/events/${row.slug_en}`);
      assert.equal(en.statusCode, 200);
      assert.match(en.body, /Water Security in the Jordan Basin/);
      const he = await site.app.inject(`/he/events/${encodeURIComponent(row.slug_he)}`);
      assert.equal(he.statusCode, 200);
      assert.match(he.body, /ביטחון מים באגן הירדן/);
      const closed = await editor.post(`/admin/events/${eventId}/close-registration`, {});
      assert.equal(closed.statusCode, 303);
      assert.equal((await findById(eventId)).registration_open, 0);
      const actions = await db()
        .selectFrom('audit_log')
        .select('action')
        .where('entity', '=', 'event')
        .where('entity_id', '=', String(eventId))
        .orderBy('id')
        .execute();
      assert.deepEqual(
        actions.map((a) => a.action),
        ['create', 'update', 'update', 'update', 'publish', 'close-registration'],
      );
    });

    it('lists and exports registrations, with formula cells neutralised and no one in the audit log', async () => {
      const roundtable = await findBySlug(SEEDED_ROUNDTABLE);
      await register(roundtable.id, '=HYPERLINK("https://evil.example","x")', 'formula@example.org');
      await register(roundtable.id, 'Waiting Person', 'waiting@example.org');
      const page = await editor.get(`/admin/events/${roundtable.id}/registrations`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Confirmed: 3/);
      assert.match(page.body, /On the waiting list: 1/);
      assert.match(page.body, /Places left: 0/);
      assert.match(page.body, /waiting@example\.org/);
      const waiting = await editor.get(`/admin/events/${roundtable.id}/registrations?status=waitlisted`);
      assert.match(waiting.body, /waiting@example\.org/);
      assert.doesNotMatch(waiting.body, /formula@example\.org/);
      const csv = await editor.get(`/admin/events/${roundtable.id}/registrations.csv`);
      assert.equal(csv.statusCode, 200);
      assert.match(String(csv.headers['content-type']), /^text\/csv/);
      assert.match(String(csv.headers['content-disposition']), /attachment/);
      const lines = csv.body.replace(/^\uFEFF/, '').split('\r\n');
      assert.equal(lines[0], 'name,email,organisation,language,status,registered_at');
      const formula = lines.find((line) => line.includes('formula@example.org')) ?? '';
      assert.ok(
        formula.startsWith(`"'=HYPERLINK(""https://evil.example"",""x"")",formula@example.org,,en,confirmed,`),
        formula,
      );
      const exported = await db()
        .selectFrom('audit_log')
        .selectAll()
        .where('entity', '=', 'event_registrations')
        .executeTakeFirstOrThrow();
      assert.equal(exported.action, 'export');
      assert.doesNotMatch(JSON.stringify(exported), /@example\.org|HYPERLINK|Waiting Person/);
    });

    it('refuses fewer places than people already confirmed', async () => {
      const roundtable = await findBySlug(SEEDED_ROUNDTABLE);
      const fewer = await editor.post(
        `/admin/events/${roundtable.id}`,
        eventForm({ version: String(roundtable.version), capacity: '2' }),
      );
      assert.equal(fewer.statusCode, 400);
      assert.match(fewer.body, /3 people already hold confirmed places/);
      assert.deepEqual(await findBySlug(SEEDED_ROUNDTABLE), roundtable);
    });

    it('lets staff cancel a registration, after confirming, and gives the seat to the first waiting', async () => {
      const roundtable = await findBySlug(SEEDED_ROUNDTABLE);
      await register(roundtable.id, 'Second Waiting', 'second@example.org', 'he');
      const rows = await db()
        .selectFrom('event_registrations')
        .select(['id', 'email', 'status'])
        .where('event_id', '=', roundtable.id)
        .orderBy('id')
        .execute();
      const seated = rows.find((r) => r.email === 'formula@example.org')!;
      const base = `/admin/events/${roundtable.id}/registrations/${seated.id}/cancel`;
      const confirm = await editor.get(base);
      assert.equal(confirm.statusCode, 200);
      assert.match(confirm.body, /Yes, cancel the registration/);
      assert.equal(await findRegistrationStatus(seated.id), 'confirmed', 'the confirm page changes nothing');
      const mailsBefore = site.mail.length;
      const cancelled = await editor.post(base, {});
      assert.equal(cancelled.statusCode, 303);
      assert.equal(await findRegistrationStatus(seated.id), 'cancelled');
      const first = rows.find((r) => r.email === 'waiting@example.org')!;
      const second = rows.find((r) => r.email === 'second@example.org')!;
      assert.equal(await findRegistrationStatus(first.id), 'confirmed');
      assert.equal(await findRegistrationStatus(second.id), 'waitlisted');
      assert.deepEqual(
        site.mail.slice(mailsBefore).map((m) => m.to),
        ['waiting@example.org'],
      );
      const logged = await db()
        .selectFrom('audit_log')
        .selectAll()
        .where('entity', '=', 'event_registration')
        .executeTakeFirstOrThrow();
      assert.equal(logged.action, 'cancel');
      assert.match(String(logged.after_json), new RegExp(`"promoted_registration_id":${first.id}`));
      assert.doesNotMatch(JSON.stringify(logged), /@example\.org/);
      const again = await editor.post(base, {});
      assert.equal(again.statusCode, 303, 'a second click changes nothing');
      assert.equal(await findRegistrationStatus(second.id), 'waitlisted');
    });

    it('gives new places to the waiting list, in order, when staff raise the capacity', async () => {
      const roundtable = await findBySlug(SEEDED_ROUNDTABLE);
      const waiting = await db()
        .selectFrom('event_registrations')
        .select(['id', 'email'])
        .where('event_id', '=', roundtable.id)
        .where('status', '=', 'waitlisted')
        .orderBy('id')
        .execute();
      assert.ok(waiting.length > 0, 'someone is waiting');
      const mailsBefore = site.mail.length;
      const saved = await editor.post(
        `/admin/events/${roundtable.id}`,
        eventForm({ version: String(roundtable.version), capacity: '10' }),
      );
      assert.equal(saved.statusCode, 303);
      for (const row of waiting) assert.equal(await findRegistrationStatus(row.id), 'confirmed');
      assert.deepEqual(
        site.mail.slice(mailsBefore).map((m) => m.to),
        waiting.map((w) => w.email),
      );
    });

    async function findRegistrationStatus(id: number) {
      const row = await db().selectFrom('event_registrations').select('status').where('id', '=', id).executeTakeFirst();
      return row?.status;
    }
  });
}
