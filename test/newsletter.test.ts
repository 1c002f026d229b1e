import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createMailer, type Mailer } from '../src/mail/mailer.js';
import { queueIssue, sendQueued } from '../src/newsletter/send-queue.js';
import { draftIssue, formBody, linkIn, solvedProof } from './support/newsletter-helpers.js';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.js';
import { createTestSite, testEngines, type TestSite } from './support/test-db.js';

const PUBLIC_URL = 'http://dossier.test';

for (const { engine, skip } of await testEngines()) {
  describe(`newsletter on ${engine}`, { skip }, () => {
    let site: TestSite;
    let sink: SmtpSink;
    let siteMailer: Mailer;
    let queueMailer: Mailer;
    let address = 0;
    /** A distinct client address per call unless one is given, so per-address limits stay out of the way. */
    const post = (url: string, fields: Record<string, string | string[]>, ip = `10.0.0.${++address}`) =>
      site.app.inject({
        method: 'POST',
        url,
        remoteAddress: ip,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: formBody(fields),
      });
    const get = (url: string) => site.app.inject({ method: 'GET', url: url.replace(PUBLIC_URL, '') });
    const sendAll = () =>
      sendQueued({
        db: site.db,
        content: site.content,
        mailer: queueMailer,
        publicUrl: PUBLIC_URL,
        ratePerMinute: 100_000,
      });
    const mailsTo = (email: string) => sink.messages.filter((m) => m.to && JSON.stringify(m.to).includes(email));

    /** A published Hebrew publication with a topic, and one with none of that topic's family. */
    async function hebrewPicks() {
      const db = site.db.kysely;
      const catalog = await site.content.getCatalog();
      const withTopics = await db
        .selectFrom('publications as p')
        .innerJoin('publication_topics as pt', 'pt.publication_id', 'p.id')
        .select(['p.id', 'p.title', 'p.translation_group', 'pt.topic_id'])
        .where('p.lang', '=', 'he')
        .where('p.status', '=', 'published')
        .orderBy('p.id')
        .execute();
      const topicsOf = (id: number) => withTopics.filter((r) => r.id === id).map((r) => r.topic_id);
      const familyOf = (topicId: number) => {
        const root = (id: number): number => catalog.topicById.get(id)?.parent_id ?? id;
        return root(topicId);
      };
      const chosen = withTopics[0]!;
      const chosenFamily = familyOf(chosen.topic_id);
      const other = withTopics.find((r) => topicsOf(r.id).every((t) => familyOf(t) !== chosenFamily));
      assert.ok(other, 'demo content has Hebrew publications in two topic areas');
      return { chosen, other, topicId: chosenFamily };
    }

    before(async () => {
      sink = await startSmtpSink();
      siteMailer = createMailer({ smtpUrl: sink.url, from: 'Meridian <news@meridian.example>', dataDir: '' });
      queueMailer = createMailer({ smtpUrl: sink.url, from: 'Meridian <news@meridian.example>', dataDir: '' });
      site = await createTestSite(engine, { mailer: siteMailer });
    });
    after(async () => {
      siteMailer?.close?.();
      queueMailer?.close?.();
      await site?.close();
      await sink?.close();
    });

    it('shows a working sign-up form on every page, in the page language', async () => {
      for (const path of ['/en/', '/he/', '/en/topics', '/he/experts']) {
        const html = (await get(path)).body;
        assert.match(
          html,
          new RegExp(`<form class="newsletter-form" method="post" action="/${path.slice(1, 3)}/newsletter"`),
        );
        assert.match(html, /name="topics"/);
        assert.match(html, /name="website"/, 'honeypot present');
        assert.match(html, /<script src="\/assets\/newsletter-form\.[0-9a-f]{12}\.js" defer><\/script>/);
      }
    });

    it('takes a Hebrew reader from sign-up to an issue with only their topics, then one-click unsubscribe', async () => {
      const { chosen, other, topicId } = await hebrewPicks();
      const signup = await post('/he/newsletter', {
        email: 'Reader.HE@Example.org ',
        lang: 'he',
        topics: [String(topicId)],
        website: '',
        pow: await solvedProof(site),
      });
      assert.equal(signup.statusCode, 200, signup.body);
      assert.match(signup.body, /בדקו את תיבת הדואר/);

      const [confirmation] = await sink.waitFor(1);
      assert.equal(
        confirmation!.subject,
        'אישור ההרשמה לניוזלטר של ' + (await site.content.getCatalog()).settings.instituteName.he,
      );
      assert.match(String(confirmation!.html), /<html lang="he" dir="rtl">/);
      const confirmUrl = linkIn(confirmation!.text ?? '', '/he/newsletter/confirm');

      // Opening the link (as a mail scanner would) confirms nothing; the button does.
      const landing = await get(confirmUrl);
      assert.equal(landing.statusCode, 200);
      const pending = await site.db.kysely.selectFrom('subscribers').selectAll().executeTakeFirstOrThrow();
      assert.equal(pending.status, 'pending');
      assert.equal(pending.email, 'reader.he@example.org');
      const token = new URL(confirmUrl).searchParams.get('token')!;
      const confirmed = await post('/he/newsletter/confirm', { token });
      assert.equal(confirmed.statusCode, 200);
      assert.match(confirmed.body, /נרשמתם בהצלחה/);
      assert.equal((await post('/he/newsletter/confirm', { token })).statusCode, 410, 'a used link is refused');

      const issueId = await draftIssue(
        site.db.kysely,
        { subject_en: 'This week at Meridian', subject_he: 'השבוע במרידיאן', intro_he: 'מבחר מחקרים מהשבוע.' },
        [chosen.id, other!.id],
      );
      assert.equal(await queueIssue(site.db.kysely, issueId), 1);
      assert.equal(await queueIssue(site.db.kysely, issueId), undefined, 'an issue is queued once');
      await sendAll();

      const [mail] = mailsTo('reader.he@example.org').filter((m) => m.subject === 'השבוע במרידיאן');
      assert.ok(mail, 'the issue arrived');
      assert.ok(mail.html && mail.text, 'multipart: HTML and plain text');
      assert.match(mail.html, /dir="rtl"/);
      assert.ok(mail.text.includes(chosen.title), 'the chosen topic is in');
      assert.ok(!mail.text.includes(other!.title), 'other topics are left out');
      assert.doesNotMatch(mail.html, /<img|src="http/, 'no remote resources or trackers');
      const header = (name: string) => mail.headerLines.find((h) => h.key === name)?.line ?? '';
      assert.equal(header('list-unsubscribe-post'), 'List-Unsubscribe-Post: List-Unsubscribe=One-Click');
      const unsubscribeUrl = /<([^>]+)>/.exec(header('list-unsubscribe'))![1]!;

      // RFC 8058: the mail provider POSTs the body below to the List-Unsubscribe URL.
      const oneClick = await site.app.inject({
        method: 'POST',
        url: unsubscribeUrl.replace(PUBLIC_URL, ''),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'List-Unsubscribe=One-Click',
      });
      assert.equal(oneClick.statusCode, 200);
      const after = await site.db.kysely.selectFrom('subscribers').select('status').executeTakeFirstOrThrow();
      assert.equal(after.status, 'unsubscribed');
    });

    it('sends an English reader without topics every English version, with a preferences page that works', async () => {
      const signup = await post('/en/newsletter', { email: 'reader.en@example.org', lang: 'en', website: '', pow: '' });
      assert.equal(signup.statusCode, 200, 'the form works without JavaScript (no proof of work)');
      const [confirmation] = mailsTo('reader.en@example.org');
      const token = new URL(linkIn(confirmation!.text ?? '', '/en/newsletter/confirm')).searchParams.get('token')!;
      assert.equal((await post('/en/newsletter/confirm', { token })).statusCode, 200);

      const { chosen } = await hebrewPicks();
      const english = await site.db.kysely
        .selectFrom('publications')
        .select(['id', 'title'])
        .where('translation_group', '=', chosen.translation_group)
        .where('lang', '=', 'en')
        .executeTakeFirst();
      const issueId = await draftIssue(
        site.db.kysely,
        { subject_en: 'Second issue', subject_he: 'גיליון שני', intro_en: 'Picked for you.' },
        [chosen.id],
      );
      assert.equal(await queueIssue(site.db.kysely, issueId), 1, 'only confirmed subscribers are queued');
      await sendAll();
      const [mail] = mailsTo('reader.en@example.org').filter((m) => m.subject === 'Second issue');
      assert.ok(mail);
      if (english) assert.ok(mail.text!.includes(english.title), 'the Hebrew pick is sent in its English version');
      assert.match(String(mail.html), /<html lang="en" dir="ltr">/);
      assert.equal(mailsTo('reader.he@example.org').filter((m) => m.subject === 'גיליון שני').length, 0);

      const preferencesUrl = linkIn(mail.text!, '/en/newsletter/preferences');
      const page = await get(preferencesUrl);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /reader\.en@example\.org/);
      const prefsToken = new URL(preferencesUrl).searchParams.get('token')!;
      const saved = await post('/en/newsletter/preferences', { token: prefsToken, lang: 'he', topics: [] });
      assert.equal(saved.statusCode, 200);
      const row = await site.db.kysely
        .selectFrom('subscribers')
        .select('lang')
        .where('email', '=', 'reader.en@example.org')
        .executeTakeFirstOrThrow();
      assert.equal(row.lang, 'he');
      const forged = prefsToken.slice(0, -2) + (prefsToken.endsWith('AA') ? 'BB' : 'AA');
      assert.equal((await get(`/en/newsletter/preferences?token=${forged}`)).statusCode, 404);
    });

    it('refuses an expired confirmation link and says how to get a new one', async () => {
      await post('/en/newsletter', { email: 'late@example.org', lang: 'en' });
      const token = new URL(linkIn(mailsTo('late@example.org')[0]!.text ?? '', '/confirm')).searchParams.get('token')!;
      await site.db.kysely
        .updateTable('subscribers')
        .set({ confirm_expires_at: new Date(Date.now() - 1000).toISOString() })
        .where('email', '=', 'late@example.org')
        .execute();
      const landing = await get(`/en/newsletter/confirm?token=${token}`);
      assert.equal(landing.statusCode, 410);
      assert.match(landing.body, /has expired/);
      assert.equal((await post('/en/newsletter/confirm', { token })).statusCode, 410);
      const row = await site.db.kysely
        .selectFrom('subscribers')
        .select('status')
        .where('email', '=', 'late@example.org')
        .executeTakeFirstOrThrow();
      assert.equal(row.status, 'pending');
    });

    it('limits mail to one address, whoever asks, and answers 429 with Retry-After', async () => {
      const before = mailsTo('victim@example.org').length;
      const answers = [];
      for (let i = 0; i < 5; i++)
        answers.push((await post('/en/newsletter', { email: 'victim@example.org', lang: 'en' })).statusCode);
      assert.deepEqual(answers, [200, 200, 200, 429, 429]);
      assert.equal(mailsTo('victim@example.org').length - before, 3);
      const refused = await post('/en/newsletter', { email: 'victim@example.org', lang: 'en' });
      assert.ok(Number(refused.headers['retry-after']) > 0);
      assert.match(refused.body, /value="victim@example.org"/, 'the typed address is kept');
    });

    it('allows fewer sign-ups per connection without a proof of work than with one', async () => {
      const ip = '192.0.2.7';
      const plain = [];
      for (let i = 0; i < 4; i++)
        plain.push((await post('/en/newsletter', { email: `plain${i}@example.org`, lang: 'en' }, ip)).statusCode);
      assert.deepEqual(plain, [200, 200, 200, 429]);
      const proven = await post(
        '/en/newsletter',
        { email: 'proven@example.org', lang: 'en', pow: await solvedProof(site) },
        ip,
      );
      assert.equal(proven.statusCode, 200);
    });

    it('refuses a replayed proof of work, a bad address and a foreign form, and ignores bots in the honeypot', async () => {
      const proof = await solvedProof(site);
      assert.equal((await post('/en/newsletter', { email: 'once@example.org', pow: proof })).statusCode, 200);
      const replay = await post('/en/newsletter', { email: 'twice@example.org', pow: proof });
      assert.equal(replay.statusCode, 400);
      assert.match(replay.body, /spam check did not pass/);

      const bad = await post('/he/newsletter', { email: 'not an address', lang: 'he', topics: ['1'] });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /value="not an address"/);
      assert.match(bad.body, /aria-invalid="true"/);

      const foreign = await site.app.inject({
        method: 'POST',
        url: '/en/newsletter',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
        payload: formBody({ email: 'forged@example.org' }),
      });
      assert.equal(foreign.statusCode, 403);

      const bot = await post('/en/newsletter', { email: 'bot@example.org', website: 'http://spam.example' });
      assert.equal(bot.statusCode, 200, 'bots are told nothing');
      const rows = await site.db.kysely
        .selectFrom('subscribers')
        .select('email')
        .where('email', 'in', ['twice@example.org', 'not an address', 'forged@example.org', 'bot@example.org'])
        .execute();
      assert.deepEqual(rows, []);
      assert.equal(mailsTo('bot@example.org').length, 0);
    });

    it('retries a temporary SMTP refusal and records per-recipient status', async () => {
      await site.db.kysely
        .insertInto('subscribers')
        .values({
          email: 'retry@example.org',
          lang: 'en',
          status: 'confirmed',
          link_key: 'ab12',
          created_at: new Date().toISOString(),
        })
        .execute();
      const { chosen } = await hebrewPicks();
      const issueId = await draftIssue(site.db.kysely, { subject_en: 'Retry issue', subject_he: 'גיליון חוזר' }, [
        chosen.id,
      ]);
      await queueIssue(site.db.kysely, issueId);
      sink.failNext(1, 451);
      await sendAll();
      const deliveries = () =>
        site.db.kysely.selectFrom('newsletter_deliveries').selectAll().where('issue_id', '=', issueId).execute();
      const afterFirst = await deliveries();
      assert.ok(
        afterFirst.some((d) => d.status === 'queued' && d.attempts === 1 && /try again later/.test(d.last_error)),
      );
      await site.db.kysely
        .updateTable('newsletter_deliveries')
        .set({ next_attempt_at: new Date().toISOString() })
        .where('issue_id', '=', issueId)
        .execute();
      await sendAll();
      const finalRows = await deliveries();
      assert.ok(
        finalRows.every((d) => d.status === 'sent' || d.status === 'skipped'),
        JSON.stringify(finalRows),
      );
      const issueRow = await site.db.kysely
        .selectFrom('newsletter_issues')
        .select('status')
        .where('id', '=', issueId)
        .executeTakeFirstOrThrow();
      assert.equal(issueRow.status, 'sent');
      assert.equal(mailsTo('retry@example.org').filter((m) => m.subject === 'Retry issue').length, 1);
    });
  });
}
