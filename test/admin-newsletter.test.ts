import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Lang, SubscriberStatus } from '../src/db/schema.js';
import type { Mailer, OutgoingMail } from '../src/mail/mailer.js';
import { sendQueued } from '../src/newsletter/send-queue.js';
import { signIn, type AdminClient } from './support/admin-client.js';
import { createTestSite, testEngines, type TestSite } from './support/test-db.js';

const ADMIN = 'admin@meridian.example';
const EDITOR = 'editor@meridian.example';
const AUTHOR = 'author@meridian.example';

/** Demo works published in one language only, and one in both. */
const ENGLISH_ONLY = 'p1-saudi-normalisation';
const HEBREW_ONLY = 'p2-haredi-draft-debate';
const BILINGUAL = 'p1-iran-enrichment-talks';
const NO_TEXTS = { subject_en: '', subject_he: '', intro_en: '', intro_he: '' };
const NOW = new Date().toISOString();

for (const { engine, skip } of await testEngines()) {
  describe(`newsletter admin on ${engine}`, { skip }, () => {
    let site: TestSite;
    let editor: AdminClient;
    /** The issue composed by the editor, followed through sending. */
    let issueId: number;
    const db = () => site.db.kysely;

    async function version(group: string, lang: Lang) {
      return db()
        .selectFrom('publications')
        .select(['id', 'title'])
        .where('translation_group', '=', group)
        .where('lang', '=', lang)
        .executeTakeFirstOrThrow();
    }

    async function addSubscriber(email: string, status: SubscriberStatus, lang: Lang = 'en') {
      const now = new Date().toISOString();
      const row = await db()
        .insertInto('subscribers')
        .values({
          email,
          lang,
          status,
          link_key: randomBytes(16).toString('hex'),
          created_at: now,
          confirmed_at: status === 'pending' ? null : now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    }

    async function count(table: 'newsletter_issues' | 'newsletter_deliveries' | 'subscribers') {
      const row = await db()
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    }

    before(async () => {
      site = await createTestSite(engine);
      editor = await signIn(site.app, EDITOR);
    });
    after(async () => {
      await site?.close();
    });

    it('refuses authors every newsletter and subscriber page, and changes nothing', async () => {
      const author = await signIn(site.app, AUTHOR);
      const subscriberId = await addSubscriber('kept@example.org', 'confirmed');
      const issues = await count('newsletter_issues');
      const { id: pubId } = await version(ENGLISH_ONLY, 'en');
      for (const url of ['/admin/newsletter', '/admin/newsletter/new', '/admin/subscribers', '/admin/subscribers.csv'])
        assert.equal((await author.get(url)).statusCode, 403, url);
      const create = await author.post('/admin/newsletter', { subject_en: 'Nope', publication_ids: String(pubId) });
      assert.equal(create.statusCode, 403);
      const erase = await author.post(`/admin/subscribers/${subscriberId}/delete`, {});
      assert.equal(erase.statusCode, 403);
      const draft = await db()
        .insertInto('newsletter_issues')
        .values({ ...NO_TEXTS, subject_en: 'Staff draft', status: 'draft', created_at: NOW, updated_at: NOW })
        .returning('id')
        .executeTakeFirstOrThrow();
      const send = await author.post(`/admin/newsletter/${draft.id}/send`, { version: '1', checked_previews: '1' });
      assert.equal(send.statusCode, 403);
      assert.equal((await author.get(`/admin/newsletter/${draft.id}/preview?lang=en`)).statusCode, 403);
      assert.equal(await count('newsletter_issues'), issues + 1);
      assert.equal(await count('newsletter_deliveries'), 0);
      assert.ok(await db().selectFrom('subscribers').select('id').where('id', '=', subscriberId).executeTakeFirst());
      const nav = (await author.get('/admin/publications')).body;
      assert.doesNotMatch(nav, /href="\/admin\/newsletter"/);
      assert.doesNotMatch(nav, /href="\/admin\/subscribers"/);
    });

    it('offers recent works one row per work, with both titles', async () => {
      const page = await editor.get('/admin/newsletter/new');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /href="\/admin\/newsletter"/, 'the nav links the newsletter');
      const en = await version(BILINGUAL, 'en');
      const he = await version(BILINGUAL, 'he');
      const row = new RegExp(`value="${en.id}"[^]*?</li>`).exec(page.body)?.[0] ?? '';
      assert.ok(row.includes(en.title) && row.includes(he.title), 'both titles on one row');
      assert.doesNotMatch(page.body, new RegExp(`value="${he.id}"`), 'no second row for the translation');
    });

    it('keeps everything typed when the issue is refused, then saves it newest first', async () => {
      const en = await version(ENGLISH_ONLY, 'en');
      const he = await version(HEBREW_ONLY, 'he');
      const before = await count('newsletter_issues');
      const refused = await editor.post('/admin/newsletter', {
        subject_en: '',
        subject_he: '',
        intro_en: 'An intro worth keeping',
        intro_he: 'x'.repeat(2001),
      });
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /Write a subject in at least one language/);
      assert.match(refused.body, /Choose at least one publication/);
      assert.match(refused.body, /This is 2001 characters long; the most allowed is 2000/);
      assert.match(refused.body, /An intro worth keeping/);
      const tooLong = await editor.post('/admin/newsletter', {
        subject_en: 's'.repeat(201),
        publication_ids: String(en.id),
      });
      assert.equal(tooLong.statusCode, 400);
      assert.match(tooLong.body, new RegExp(`value="${en.id}"[^>]*checked`), 'the ticks are kept');
      assert.equal(await count('newsletter_issues'), before);

      const saved = await editor.post('/admin/newsletter', {
        subject_en: 'Meridian this month',
        subject_he: 'מרידיאן החודש',
        intro_en: 'Two new pieces.',
        intro_he: 'שני פרסומים חדשים.',
        publication_ids: [String(en.id), String(he.id)],
      });
      assert.equal(saved.statusCode, 303, saved.body.slice(0, 2000));
      issueId = Number(/\/admin\/newsletter\/(\d+)/.exec(saved.headers.location as string)?.[1]);
      const items = await db()
        .selectFrom('newsletter_issue_items')
        .select('publication_id')
        .where('issue_id', '=', issueId)
        .orderBy('position')
        .execute();
      // The Hebrew piece (2026) is newer than the English one (2025), so it comes first.
      assert.deepEqual(
        items.map((i) => i.publication_id),
        [he.id, en.id],
      );
    });

    it('refuses a save from an old version and keeps the typed text', async () => {
      const page = await editor.get(`/admin/newsletter/${issueId}`);
      const current = /name="version" value="(\d+)"/.exec(page.body)?.[1];
      const { id: pubId } = await version(ENGLISH_ONLY, 'en');
      const form = { subject_en: 'Meridian this month', publication_ids: String(pubId), version: String(current) };
      assert.equal((await editor.post(`/admin/newsletter/${issueId}`, form)).statusCode, 303);
      const stale = await editor.post(`/admin/newsletter/${issueId}`, { ...form, subject_en: 'My late edit' });
      assert.equal(stale.statusCode, 409);
      assert.match(stale.body, /Someone else saved this issue/);
      assert.match(stale.body, /value="My late edit"/);
      // Put the Hebrew piece back for the tests that follow.
      const { id: hePub } = await version(HEBREW_ONLY, 'he');
      const fresh = /name="version" value="(\d+)"/.exec(stale.body)?.[1];
      const restored = await editor.post(`/admin/newsletter/${issueId}`, {
        subject_en: 'Meridian this month',
        subject_he: 'מרידיאן החודש',
        publication_ids: [String(pubId), String(hePub)],
        version: String(fresh),
      });
      assert.equal(restored.statusCode, 303);
    });

    it('ticks every work published since the last issue, saving nothing', async () => {
      await db()
        .insertInto('newsletter_issues')
        .values({
          ...NO_TEXTS,
          subject_en: 'An earlier issue',
          status: 'sent',
          created_at: '2026-06-14T00:00:00.000Z',
          updated_at: '2026-06-15T00:00:00.000Z',
          queued_at: '2026-06-15T00:00:00.000Z',
          finished_at: '2026-06-15T01:00:00.000Z',
        })
        .execute();
      const before = await count('newsletter_issues');
      const res = await editor.post('/admin/newsletter', { subject_en: 'Typed first', intent: 'since-last' });
      assert.equal(res.statusCode, 200);
      const newer = await version('p2-china-iran-oil', 'en');
      const older = await version(BILINGUAL, 'en');
      assert.match(res.body, new RegExp(`value="${newer.id}"[^>]*checked`));
      assert.doesNotMatch(res.body, new RegExp(`value="${older.id}"[^>]*checked`));
      assert.match(res.body, /value="Typed first"/);
      assert.equal(await count('newsletter_issues'), before);
    });

    it('previews the mail in each language under a policy with no scripts', async () => {
      const en = await editor.get(`/admin/newsletter/${issueId}/preview?lang=en`);
      assert.equal(en.statusCode, 200);
      assert.match(en.headers['content-type'] as string, /^text\/html/);
      const csp = en.headers['content-security-policy'] as string;
      assert.equal(csp, "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; frame-ancestors 'self'");
      assert.doesNotMatch(csp, /script-src/);
      assert.match(en.body, /<html lang="en" dir="ltr"/);
      assert.ok(en.body.includes((await version(ENGLISH_ONLY, 'en')).title));
      assert.match(en.body, /token=preview/);

      const he = await editor.get(`/admin/newsletter/${issueId}/preview?lang=he`);
      assert.equal(he.statusCode, 200);
      assert.match(he.body, /dir="rtl"/);
      assert.ok(he.body.includes((await version(HEBREW_ONLY, 'he')).title));
      assert.ok(he.body.includes('מרידיאן החודש'));

      const text = await editor.get(`/admin/newsletter/${issueId}/preview?lang=he&format=text`);
      assert.match(text.headers['content-type'] as string, /^text\/plain/);
      assert.ok(text.body.includes((await version(HEBREW_ONLY, 'he')).title));

      const page = await editor.get(`/admin/newsletter/${issueId}`);
      assert.match(page.body, new RegExp(`/admin/newsletter/${issueId}/preview\\?lang=he`));
      assert.match(page.body, new RegExp(`/admin/newsletter/${issueId}/preview\\?lang=en&amp;format=text`));
    });

    it("sends a test to the signed-in editor's own address", async () => {
      const before = site.mail.length;
      const res = await editor.post(`/admin/newsletter/${issueId}/test`, { lang: 'he' });
      assert.equal(res.statusCode, 303);
      assert.equal(site.mail.length, before + 1);
      const mail = site.mail.at(-1)!;
      assert.equal(mail.to, EDITOR);
      assert.equal(mail.subject, 'מרידיאן החודש');
      const page = await editor.get(res.headers.location as string);
      assert.match(page.body, /Test sent to editor@meridian\.example/);
    });

    it('queues one mail per confirmed subscriber after the confirm step, and refuses a second send', async () => {
      await addSubscriber('reader-en@example.org', 'confirmed', 'en');
      await addSubscriber('reader-he@example.org', 'confirmed', 'he');
      const pending = await addSubscriber('pending@example.org', 'pending');
      const gone = await addSubscriber('gone@example.org', 'unsubscribed');
      const confirmed = await db().selectFrom('subscribers').select('id').where('status', '=', 'confirmed').execute();
      const page = await editor.get(`/admin/newsletter/${issueId}`);
      const current = /action="\/admin\/newsletter\/\d+\/send"[^]*?name="version" value="(\d+)"/.exec(page.body)?.[1];

      const unconfirmed = await editor.post(`/admin/newsletter/${issueId}/send`, { version: String(current) });
      assert.equal(unconfirmed.statusCode, 400);
      assert.match(unconfirmed.body, /confirm that you have checked the previews/);
      assert.equal(await count('newsletter_deliveries'), 0);

      const form = { version: String(current), checked_previews: '1' };
      const sent = await editor.post(`/admin/newsletter/${issueId}/send`, form);
      assert.equal(sent.statusCode, 303, sent.body.slice(0, 2000));
      const rows = await db()
        .selectFrom('newsletter_deliveries')
        .select('subscriber_id')
        .where('issue_id', '=', issueId)
        .execute();
      assert.deepEqual(rows.map((r) => r.subscriber_id).sort(), confirmed.map((c) => c.id).sort());
      assert.ok(!rows.some((r) => r.subscriber_id === pending || r.subscriber_id === gone));

      const again = await editor.post(`/admin/newsletter/${issueId}/send`, form);
      assert.equal(again.statusCode, 409);
      assert.match(again.body, /already been sent/);
      assert.equal(await count('newsletter_deliveries'), rows.length);
      const edit = await editor.post(`/admin/newsletter/${issueId}`, { subject_en: 'Too late', version: '99' });
      assert.equal(edit.statusCode, 409);

      const audits = await db()
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'newsletter-send')
        .where('entity_id', '=', String(issueId))
        .execute();
      assert.equal(audits.length, 1);
    });

    it('reports each recipient once the queue has run', async () => {
      const delivered: OutgoingMail[] = [];
      const capture: Mailer = { describe: 'capture', send: async (mail) => void delivered.push(mail) };
      await sendQueued({
        db: site.db,
        content: site.content,
        mailer: capture,
        publicUrl: 'http://dossier.test',
        ratePerMinute: 100000,
      });
      assert.deepEqual(delivered.map((m) => m.to).sort(), [
        'kept@example.org',
        'reader-en@example.org',
        'reader-he@example.org',
      ]);
      const report = await editor.get(`/admin/newsletter/${issueId}`);
      assert.equal(report.statusCode, 200);
      assert.match(report.body, /<th scope="row">Sent<\/th><td>3<\/td>/);
      assert.match(report.body, /may or may not have been delivered/);
      const onlySent = await editor.get(`/admin/newsletter/${issueId}?status=sent`);
      assert.match(onlySent.body, /reader-he@example\.org/);
      const onlyFailed = await editor.get(`/admin/newsletter/${issueId}?status=failed`);
      assert.doesNotMatch(onlyFailed.body, /reader-he@example\.org/);
      const list = await editor.get('/admin/newsletter');
      assert.match(list.body, /Meridian this month/);
      assert.match(list.body, /Sent: 3/);
      assert.equal(
        (
          await db()
            .selectFrom('newsletter_issues')
            .select('status')
            .where('id', '=', issueId)
            .executeTakeFirstOrThrow()
        ).status,
        'sent',
      );
    });

    it('searches subscribers by address, taking LIKE wildcards literally, and filters by status', async () => {
      await addSubscriber('under_score@example.org', 'confirmed');
      await addSubscriber('underxscore@example.org', 'confirmed');
      const found = await editor.get('/admin/subscribers?q=under_score');
      assert.equal(found.statusCode, 200);
      assert.match(found.body, /under_score@example\.org/);
      assert.doesNotMatch(found.body, /underxscore@example\.org/);
      const pending = await editor.get('/admin/subscribers?status=pending');
      assert.match(pending.body, /pending@example\.org/);
      assert.doesNotMatch(pending.body, /reader-en@example\.org/);
      assert.doesNotMatch(found.body, /subscribers\.csv/, 'editors are not offered the export');
    });

    it('exports subscribers as CSV for admins only, with formulas neutralised', async () => {
      await addSubscriber('=HYPERLINK("http://evil.example")@example.org', 'confirmed');
      const topic = await db().selectFrom('topics').select(['id', 'slug_en']).orderBy('id').executeTakeFirstOrThrow();
      const reader = await db()
        .selectFrom('subscribers')
        .select('id')
        .where('email', '=', 'reader-en@example.org')
        .executeTakeFirstOrThrow();
      await db().insertInto('subscriber_topics').values({ subscriber_id: reader.id, topic_id: topic.id }).execute();

      assert.equal((await editor.get('/admin/subscribers.csv')).statusCode, 403);
      const admin = await signIn(site.app, ADMIN);
      const res = await admin.get('/admin/subscribers.csv');
      assert.equal(res.statusCode, 200);
      assert.match(res.headers['content-type'] as string, /^text\/csv/);
      assert.match(
        res.headers['content-disposition'] as string,
        /^attachment; filename="subscribers-\d{4}-\d{2}-\d{2}\.csv"$/,
      );
      const lines = res.body.replace(/^\uFEFF/, '').split('\r\n');
      assert.equal(lines[0], 'email,language,status,topics,created_at,confirmed_at');
      const evil = lines.find((l) => l.includes('HYPERLINK')) ?? '';
      assert.ok(evil.startsWith(`"'=HYPERLINK(""http://evil.example"")@example.org",en,confirmed,,`), evil);
      const readerLine = lines.find((l) => l.startsWith('reader-en@example.org,')) ?? '';
      assert.match(readerLine, new RegExp(`^reader-en@example\\.org,en,confirmed,${topic.slug_en},`));
      const audit = await db()
        .selectFrom('audit_log')
        .selectAll()
        .where('entity', '=', 'subscribers')
        .where('action', '=', 'export')
        .executeTakeFirstOrThrow();
      assert.doesNotMatch(JSON.stringify(audit), /@example\.org/);
    });

    it('erases a subscriber with their topics and deliveries, and audits the id only', async () => {
      const email = 'reader-en@example.org';
      const { id } = await db()
        .selectFrom('subscribers')
        .select('id')
        .where('email', '=', email)
        .executeTakeFirstOrThrow();
      const confirm = await editor.get(`/admin/subscribers/${id}/delete`);
      assert.equal(confirm.statusCode, 200);
      assert.match(confirm.body, /reader-en@example\.org/);
      const erased = await editor.post(`/admin/subscribers/${id}/delete`, {});
      assert.equal(erased.statusCode, 303);
      assert.equal((await editor.get(erased.headers.location as string)).statusCode, 200);
      const left = await Promise.all([
        db().selectFrom('subscribers').select('id').where('id', '=', id).execute(),
        db().selectFrom('subscriber_topics').select('topic_id').where('subscriber_id', '=', id).execute(),
        db().selectFrom('newsletter_deliveries').select('id').where('subscriber_id', '=', id).execute(),
      ]);
      assert.deepEqual(left, [[], [], []]);
      const audit = await db()
        .selectFrom('audit_log')
        .selectAll()
        .where('entity', '=', 'subscriber')
        .where('entity_id', '=', String(id))
        .executeTakeFirstOrThrow();
      assert.equal(audit.action, 'erase');
      assert.ok(!JSON.stringify(audit).includes(email));
      assert.equal((await editor.post(`/admin/subscribers/${id}/delete`, {})).statusCode, 404);
    });
  });
}
