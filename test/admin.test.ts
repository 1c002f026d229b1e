import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { currentTotp, newTotpSecret } from '../src/auth/totp.js';
import { publishDue } from '../src/editorial/scheduler.js';
import { DEMO_PASSWORD } from '../src/seed/demo-users.js';
import { AdminClient, signIn } from './support/admin-client.js';
import { createTestSite, testEngines, type TestSite } from './support/test-db.js';

const ADMIN = 'admin@meridian.example';
const EDITOR = 'editor@meridian.example';
const AUTHOR = 'author@meridian.example';

function doc(text: string, extra: unknown[] = []) {
  return JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }, ...extra] });
}

for (const { engine, skip } of await testEngines()) {
  describe(`editorial admin on ${engine}`, { skip }, () => {
    let site: TestSite;
    let typeId: string;
    let personId: string;
    const db = () => site.db.kysely;
    const countPublications = async () =>
      Number(
        (
          await db()
            .selectFrom('publications')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    /** Creates a publication through the form as `client`; returns its id. */
    async function create(client: AdminClient, title: string, extra: Record<string, string | string[]> = {}) {
      const res = await client.post('/admin/publications', {
        lang: 'en',
        type_id: typeId,
        title,
        summary: `Summary of ${title}`,
        body_json: doc(`Body of ${title}`),
        author_ids: personId,
        ...extra,
      });
      assert.equal(res.statusCode, 303, res.body.slice(0, 2000));
      return Number(/\/admin\/publications\/(\d+)/.exec(res.headers.location as string)?.[1]);
    }

    before(async () => {
      site = await createTestSite(engine);
      const catalog = await site.content.getCatalog();
      typeId = String(catalog.types[0]!.id);
      personId = String(catalog.people[0]!.id);
    });
    after(async () => {
      await site?.close();
    });

    it('sends visitors to the sign-in page and signs in with the demo account', async () => {
      const anonymous = await site.app.inject({ url: '/admin/publications' });
      assert.equal(anonymous.statusCode, 303);
      assert.match(anonymous.headers.location as string, /^\/admin\/sign-in\?next=/);
      const client = await signIn(site.app, ADMIN);
      const list = await client.get('/admin/publications');
      assert.equal(list.statusCode, 200);
      assert.match(list.body, /Signed in as admin@meridian.example/);
      assert.equal(list.headers['cache-control'], 'no-store');
      const cookie = [...client.cookies.keys()].find((k) => k.includes('session'));
      assert.ok(cookie);
    });

    it('refuses a wrong password with one message for unknown and known accounts', async () => {
      const client = new AdminClient(site.app);
      await client.get('/admin/sign-in');
      const known = await client.post('/admin/sign-in', { email: EDITOR, password: 'not-the-password' });
      const unknown = await client.post('/admin/sign-in', { email: 'nobody@meridian.example', password: 'x' });
      assert.equal(known.statusCode, 401);
      assert.equal(unknown.statusCode, 401);
      assert.match(known.body, /The email or password is not right/);
      assert.match(unknown.body, /The email or password is not right/);
      assert.match(known.body, /value="editor@meridian.example"/, 'the typed email is kept');
    });

    it('locks an account after five failures, even for the right password, and says for how long', async () => {
      const client = new AdminClient(site.app);
      await client.get('/admin/sign-in');
      const email = 'contrib-lock@meridian.example';
      await db()
        .insertInto('users')
        .values({
          email,
          name: 'Lock',
          role: 'contributor',
          password_hash: (
            await db().selectFrom('users').select('password_hash').where('email', '=', ADMIN).executeTakeFirstOrThrow()
          ).password_hash,
          totp_secret: null,
          totp_last_step: null,
          person_id: null,
          created_at: new Date().toISOString(),
        })
        .execute();
      for (let i = 0; i < 5; i++)
        assert.equal((await client.post('/admin/sign-in', { email, password: `wrong-${i}` })).statusCode, 401);
      const locked = await client.post('/admin/sign-in', { email, password: DEMO_PASSWORD });
      assert.equal(locked.statusCode, 429);
      assert.match(locked.body, /Too many failed sign-ins\. Try again in \d+ minutes/);
      assert.ok(Number(locked.headers['retry-after']) > 0);
    });

    it('refuses a state-changing request without the form token or from another origin, and changes nothing', async () => {
      const client = await signIn(site.app, EDITOR);
      const before = await countPublications();
      const noToken = await client.post('/admin/publications', {
        _csrf: '',
        lang: 'en',
        type_id: typeId,
        title: 'Forged',
      });
      assert.equal(noToken.statusCode, 403);
      assert.match(noToken.body, /did not come from this site/);
      const wrongOrigin = await client.post(
        '/admin/publications',
        { lang: 'en', type_id: typeId, title: 'Forged too' },
        { origin: 'https://evil.example' },
      );
      assert.equal(wrongOrigin.statusCode, 403);
      assert.equal(await countPublications(), before);
    });

    it('ends a session after two idle hours and after sign-out', async () => {
      const client = await signIn(site.app, EDITOR);
      await db()
        .updateTable('sessions')
        .set({ last_seen_at: new Date(Date.now() - 3 * 3600_000).toISOString() })
        .execute();
      const expired = await client.get('/admin/publications');
      assert.equal(expired.statusCode, 303);
      assert.match(expired.headers.location as string, /expired=1/);
      const again = await signIn(site.app, EDITOR);
      await again.post('/admin/sign-out', {});
      assert.equal((await again.get('/admin/publications')).statusCode, 303);
    });

    it('keeps everything typed and stores nothing when the form has errors or hostile text', async () => {
      const client = await signIn(site.app, AUTHOR);
      const before = await countPublications();
      const tooLong = 'x'.repeat(301);
      const res = await client.post('/admin/publications', {
        lang: 'en',
        type_id: typeId,
        title: tooLong,
        summary: '<script>alert(1)</script> kept as typed',
        body_json: JSON.stringify({
          type: 'doc',
          content: [
            {
              type: 'paragraph',
              content: [
                { type: 'text', text: 'click', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] },
              ],
            },
          ],
        }),
      });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /301 characters long; the most allowed is 300/);
      assert.match(res.body, /javascript:alert\(1\)/, 'the refused link is named');
      assert.match(
        res.body,
        /&lt;script>alert\(1\)&lt;\/script> kept as typed|&lt;script&gt;alert\(1\)&lt;\/script&gt; kept as typed/,
      );
      assert.doesNotMatch(res.body, /<script>alert/);
      assert.match(res.body, /aria-invalid="true"/);
      const missing = await client.post('/admin/publications', { lang: 'en', type_id: typeId, title: '   ' });
      assert.equal(missing.statusCode, 400);
      assert.match(missing.body, /This field is required/);
      assert.equal(await countPublications(), before);
    });

    it('lets an author write and submit, but not publish; an editor publishes to the site and search at once', async () => {
      const author = await signIn(site.app, AUTHOR);
      const id = await create(author, 'Water diplomacy in the Jordan basin');
      const forbidden = await author.post(`/admin/publications/${id}/workflow`, { step: 'publish' });
      assert.equal(forbidden.statusCode, 403);
      assert.equal((await author.post(`/admin/publications/${id}/workflow`, { step: 'submit' })).statusCode, 303);
      const editor = await signIn(site.app, EDITOR);
      const searchBefore = await site.app.inject({ url: '/en/search?q=jordan+basin+diplomacy' });
      assert.doesNotMatch(searchBefore.body, /water-diplomacy-in-the-jordan-basin/);
      assert.equal((await editor.post(`/admin/publications/${id}/workflow`, { step: 'publish' })).statusCode, 303);
      const row = await db()
        .selectFrom('publications')
        .select(['slug', 'status'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.equal(row.status, 'published');
      const page = await site.app.inject({ url: `/en/publications/${row.slug}` });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Water diplomacy in the Jordan basin/);
      const found = await site.app.inject({ url: '/en/search?q=jordan+basin+diplomacy' });
      assert.match(found.body, new RegExp(`href="/en/publications/${row.slug}"`));
      // An edit of a published piece shows at once (the cached page is dropped).
      const form = await editor.get(`/admin/publications/${id}`);
      const version = /name="version" value="(\d+)"/.exec(form.body)?.[1] ?? '';
      const saved = await editor.post(`/admin/publications/${id}`, {
        version,
        lang: 'en',
        type_id: typeId,
        title: 'Water diplomacy in the Jordan basin, revised',
        slug: row.slug,
        summary: 'Updated summary',
        body_json: doc('Updated body'),
        author_ids: personId,
      });
      assert.equal(saved.statusCode, 303);
      assert.match((await site.app.inject({ url: `/en/publications/${row.slug}` })).body, /Jordan basin, revised/);
    });

    it("hides other people's work from authors and refuses edits to it", async () => {
      const editor = await signIn(site.app, EDITOR);
      const id = await create(editor, 'Editor private draft');
      const author = await signIn(site.app, AUTHOR);
      assert.equal((await author.get(`/admin/publications/${id}`)).statusCode, 403);
      const before = await db()
        .selectFrom('publications')
        .select(['title', 'version'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      const res = await author.post(`/admin/publications/${id}`, {
        version: String(before.version),
        lang: 'en',
        type_id: typeId,
        title: 'Hijacked',
      });
      assert.equal(res.statusCode, 403);
      const afterRow = await db()
        .selectFrom('publications')
        .select('title')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.equal(afterRow.title, 'Editor private draft');
      assert.doesNotMatch((await author.get('/admin/publications')).body, /Editor private draft/);
    });

    it('refuses the second of two saves from the same version and keeps both texts', async () => {
      const a = await signIn(site.app, EDITOR);
      const b = await signIn(site.app, ADMIN);
      const id = await create(a, 'Two editors');
      const version = String(
        (await db().selectFrom('publications').select('version').where('id', '=', id).executeTakeFirstOrThrow())
          .version,
      );
      const base = { version, lang: 'en', type_id: typeId, summary: 's', author_ids: personId };
      assert.equal(
        (await a.post(`/admin/publications/${id}`, { ...base, title: 'Two editors', body_json: doc('Text of A') }))
          .statusCode,
        303,
      );
      const second = await b.post(`/admin/publications/${id}`, {
        ...base,
        title: 'Two editors',
        body_json: doc('Text of B'),
      });
      assert.equal(second.statusCode, 409);
      assert.match(second.body, /Someone else saved this publication/);
      assert.match(second.body, /Text of B/, "the second writer's text is still in the form");
      assert.match(second.body, /Text of A/, 'the saved text is shown beside it');
      const stored = await db()
        .selectFrom('publications')
        .select('body_text')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.equal(stored.body_text, 'Text of A');
    });

    it('publishes a scheduled item exactly once, even when two nodes run the job', async () => {
      const editor = await signIn(site.app, EDITOR);
      const id = await create(editor, 'Scheduled brief on grid resilience');
      const inAnHour = new Date(Date.now() + 3600_000);
      const local = new Intl.DateTimeFormat('sv-SE', {
        timeZone: 'Asia/Jerusalem',
        dateStyle: 'short',
        timeStyle: 'short',
      })
        .format(inAnHour)
        .replace(' ', 'T');
      assert.equal(
        (await editor.post(`/admin/publications/${id}/workflow`, { step: 'schedule', publish_at: local })).statusCode,
        303,
      );
      const row = await db()
        .selectFrom('publications')
        .select(['status', 'publish_at', 'slug'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.equal(row.status, 'scheduled');
      assert.ok(
        Math.abs(Date.parse(row.publish_at!) - inAnHour.getTime()) < 61_000,
        'the local time was read in the institute zone',
      );
      assert.deepEqual(await publishDue({ db: site.db, content: site.content }, new Date()), []);
      const later = new Date(Date.now() + 2 * 3600_000);
      const [first, second] = await Promise.all([
        publishDue({ db: site.db, content: site.content }, later),
        publishDue({ db: site.db, content: site.content }, later),
      ]);
      assert.deepEqual([...first, ...second], [id]);
      const audits = await db()
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'publish-scheduled')
        .where('entity_id', '=', String(id))
        .execute();
      assert.equal(audits.length, 1);
    });

    it('refuses a schedule in the past with a message by the field', async () => {
      const editor = await signIn(site.app, EDITOR);
      const id = await create(editor, 'Past schedule');
      const res = await editor.post(`/admin/publications/${id}/workflow`, {
        step: 'schedule',
        publish_at: '2001-01-01T10:00',
      });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /Choose a time in the future/);
    });

    it('keeps a revision per save, shows the difference and restores an old one', async () => {
      const editor = await signIn(site.app, EDITOR);
      const id = await create(editor, 'Revision test');
      const save = async (title: string) => {
        const version = String(
          (await db().selectFrom('publications').select('version').where('id', '=', id).executeTakeFirstOrThrow())
            .version,
        );
        return editor.post(`/admin/publications/${id}`, {
          version,
          lang: 'en',
          type_id: typeId,
          title,
          summary: 's',
          body_json: doc(title),
          author_ids: personId,
        });
      };
      await save('Revision test, second');
      const list = await editor.get(`/admin/publications/${id}/revisions?from=1&to=2`);
      assert.match(list.body, /<ins[^>]*>, second<\/ins>|<ins[^>]*>second<\/ins>/);
      const current = (
        await db().selectFrom('publications').select('version').where('id', '=', id).executeTakeFirstOrThrow()
      ).version;
      const restored = await editor.post(`/admin/publications/${id}/revisions/1/restore`, { version: String(current) });
      assert.equal(restored.statusCode, 303);
      const row = await db()
        .selectFrom('publications')
        .select(['title', 'version'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.equal(row.title, 'Revision test');
      assert.equal(row.version, current + 1);
    });

    it('adds a translation carrying over type, number, authors and topics', async () => {
      const editor = await signIn(site.app, EDITOR);
      const catalog = await site.content.getCatalog();
      const topicId = String(catalog.topics[0]!.id);
      const id = await create(editor, 'Translated paper', { topic_ids: topicId, series_number: '777' });
      const res = await editor.post(`/admin/publications/${id}/translation`, {});
      assert.equal(res.statusCode, 303);
      const newId = Number(/\/admin\/publications\/(\d+)/.exec(res.headers.location as string)?.[1]);
      const [source, copy] = await Promise.all(
        [id, newId].map((i) =>
          db().selectFrom('publications').selectAll().where('id', '=', i).executeTakeFirstOrThrow(),
        ),
      );
      assert.equal(copy!.lang, 'he');
      assert.equal(copy!.translation_group, source!.translation_group);
      assert.equal(copy!.series_number, 777);
      const topics = await db()
        .selectFrom('publication_topics')
        .select('topic_id')
        .where('publication_id', '=', newId)
        .execute();
      assert.deepEqual(
        topics.map((t) => String(t.topic_id)),
        [topicId],
      );
      assert.equal((await editor.post(`/admin/publications/${id}/translation`, {})).statusCode, 409);
    });

    it('resets a password by a one-time link sent by mail', async () => {
      const client = new AdminClient(site.app);
      await client.get('/admin/password/forgot');
      const sent = await client.post('/admin/password/forgot', { email: AUTHOR });
      assert.match(sent.body, /a reset link is on its way/);
      const unknown = await client.post('/admin/password/forgot', { email: 'nobody@meridian.example' });
      assert.match(unknown.body, /a reset link is on its way/, 'the same answer for unknown emails');
      const mail = site.mail.at(-1);
      assert.equal(mail?.to, AUTHOR);
      const link = /http:\/\/dossier\.test(\/admin\/password\/reset\?token=[\w-]+)/.exec(mail?.text ?? '')?.[1];
      assert.ok(link);
      assert.equal((await client.get(link)).statusCode, 200);
      const token = new URL(link, 'http://x').searchParams.get('token') ?? '';
      const short = await client.post('/admin/password/reset', { token, password: 'short' });
      assert.equal(short.statusCode, 400);
      assert.match(short.body, /at least 12 characters/);
      const done = await client.post('/admin/password/reset', { token, password: 'a brand new passphrase' });
      assert.equal(done.statusCode, 303);
      assert.equal(
        (await client.post('/admin/password/reset', { token, password: 'another passphrase!' })).statusCode,
        410,
      );
      await signIn(site.app, AUTHOR, 'a brand new passphrase');
    });

    it('asks for a TOTP code when the second factor is on, and accepts each code once', async () => {
      const secret = newTotpSecret();
      await db().updateTable('users').set({ totp_secret: secret }).where('email', '=', ADMIN).execute();
      const client = new AdminClient(site.app);
      await client.get('/admin/sign-in');
      const first = await client.post('/admin/sign-in', { email: ADMIN, password: DEMO_PASSWORD });
      assert.equal(first.headers.location, '/admin/sign-in/code');
      assert.equal((await client.get('/admin/publications')).statusCode, 303, 'not in before the code');
      await client.get('/admin/sign-in/code');
      assert.equal((await client.post('/admin/sign-in/code', { code: '000000' })).statusCode, 401);
      const code = currentTotp(secret);
      assert.equal((await client.post('/admin/sign-in/code', { code })).statusCode, 303);
      assert.equal((await client.get('/admin/publications')).statusCode, 200);
      const replay = new AdminClient(site.app);
      await replay.get('/admin/sign-in');
      await replay.post('/admin/sign-in', { email: ADMIN, password: DEMO_PASSWORD });
      await replay.get('/admin/sign-in/code');
      assert.equal((await replay.post('/admin/sign-in/code', { code })).statusCode, 401, 'a used code is refused');
      await db()
        .updateTable('users')
        .set({ totp_secret: null, totp_last_step: null })
        .where('email', '=', ADMIN)
        .execute();
    });

    it('uploads an image into responsive variants and refuses an SVG with a clear message', async () => {
      const client = await signIn(site.app, EDITOR);
      const png = await sharp({ create: { width: 1200, height: 600, channels: 3, background: '#3366aa' } })
        .png()
        .toBuffer();
      const ok = await client.postMultipart(
        '/admin/media',
        { alt_en: 'A blue field', alt_he: 'שדה כחול' },
        { name: 'blue.png', data: png, type: 'image/png' },
      );
      assert.equal(ok.statusCode, 303, ok.body.slice(0, 1500));
      const media = await db()
        .selectFrom('media')
        .selectAll()
        .where('original_name', '=', 'blue.png')
        .executeTakeFirstOrThrow();
      const variants = JSON.parse(media.variants_json) as { mime: string }[];
      assert.ok(variants.some((v) => v.mime === 'image/avif') && variants.some((v) => v.mime === 'image/webp'));
      const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>');
      const refused = await client.postMultipart(
        '/admin/media',
        { alt_en: 'Typed alt', alt_he: '' },
        { name: 'x.png', data: svg, type: 'image/png' },
      );
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /SVG/);
      assert.match(refused.body, /value="Typed alt"/, 'the alt text typed is kept');
      const forged = new AdminClient(site.app);
      for (const [name, value] of client.cookies) forged.cookies.set(name, value);
      forged.csrf = 'forged';
      assert.equal(
        (await forged.postMultipart('/admin/media', {}, { name: 'b.png', data: png, type: 'image/png' })).statusCode,
        403,
      );
    });

    it('records changes in an audit log that only admins can read', async () => {
      const rows = await db().selectFrom('audit_log').select(['action', 'entity', 'user_email']).execute();
      assert.ok(rows.some((r) => r.action === 'publish' && r.user_email === EDITOR));
      assert.ok(rows.some((r) => r.action === 'create' && r.entity === 'publication'));
      const editor = await signIn(site.app, EDITOR);
      assert.equal((await editor.get('/admin/audit')).statusCode, 403);
    });
  });
}
