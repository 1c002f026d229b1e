import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { currentTotp } from '../src/auth/totp.js';
import { AdminClient, signIn } from './support/admin-client.js';
import { createTestSite, testEngines, type TestSite } from './support/test-db.js';

const ADMIN = 'admin@meridian.example';
const EDITOR = 'editor@meridian.example';
const AUTHOR = 'author@meridian.example';

function doc(text: string) {
  return JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
}

const idFrom = (location: unknown, path: string) =>
  Number(new RegExp(`/admin/${path}/(\\d+)`).exec(String(location))?.[1]);

for (const { engine, skip } of await testEngines()) {
  describe(`admin structure, users and account on ${engine}`, { skip }, () => {
    let site: TestSite;
    let admin: AdminClient;
    let editor: AdminClient;
    const db = () => site.db.kysely;
    const lastAudit = (entity: string) =>
      db().selectFrom('audit_log').selectAll().where('entity', '=', entity).orderBy('id', 'desc').executeTakeFirst();

    before(async () => {
      site = await createTestSite(engine);
      admin = await signIn(site.app, ADMIN);
      editor = await signIn(site.app, EDITOR);
    });
    after(async () => {
      await site?.close();
    });

    it('lets only editors and admins manage structure, and only admins the settings, users and audit log', async () => {
      const author = await signIn(site.app, AUTHOR);
      for (const path of [
        '/admin/people',
        '/admin/topics/new',
        '/admin/types',
        '/admin/pages',
        '/admin/menus',
        '/admin/settings',
      ]) {
        assert.equal((await author.get(path)).statusCode, 403, path);
      }
      const before = Number(
        (
          await db()
            .selectFrom('people')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
      const refused = await author.post('/admin/people', { name_en: 'Sneaky', name_he: 'חמקן' });
      assert.equal(refused.statusCode, 403);
      const after = Number(
        (
          await db()
            .selectFrom('people')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
      assert.equal(after, before);
      assert.equal((await editor.get('/admin/people')).statusCode, 200);
      for (const path of ['/admin/settings', '/admin/users', '/admin/audit']) {
        assert.equal((await editor.get(path)).statusCode, 403, path);
        assert.equal((await admin.get(path)).statusCode, 200, path);
      }
      assert.equal((await author.get('/admin/account')).statusCode, 200);
    });

    it('creates a person, keeping what was typed when refused, and shows them on the site', async () => {
      const refused = await editor.post('/admin/people', {
        name_en: '',
        name_he: 'דנה',
        bio_en: 'b'.repeat(5001),
        slug: 'Bad Slug',
      });
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /This field is required/);
      assert.match(refused.body, /5001 characters long; the most allowed is 5000/);
      assert.match(refused.body, /Use lowercase Latin letters/);
      assert.match(refused.body, /value="דנה"/);
      assert.match(refused.body, /<input[^>]*id="name_he"[^>]*dir="rtl"/);
      const created = await editor.post('/admin/people', {
        name_en: 'Noa <b>Levi</b>',
        name_he: 'נועה לוי',
        role_en: 'Fellow',
        role_he: 'עמיתה',
      });
      assert.equal(created.statusCode, 303, created.body.slice(0, 1500));
      const person = await db()
        .selectFrom('people')
        .selectAll()
        .where('name_en', '=', 'Noa <b>Levi</b>')
        .executeTakeFirstOrThrow();
      assert.equal(person.slug, 'noa-b-levi-b');
      const page = await site.app.inject({ url: '/en/experts' });
      assert.match(page.body, /Noa &lt;b>Levi&lt;\/b>/);
      const audit = await lastAudit('person');
      assert.equal(audit?.action, 'create');
      assert.equal(audit?.user_email, EDITOR);
      // A typed slug that is taken is a field error, not a 500.
      const clash = await editor.post('/admin/people', { name_en: 'Other', name_he: 'אחר', slug: person.slug });
      assert.equal(clash.statusCode, 400);
      assert.match(clash.body, /Another item already uses this address/);
      // The same name again gets a free slug of its own.
      assert.equal(
        (await editor.post('/admin/people', { name_en: 'Noa <b>Levi</b>', name_he: 'נועה' })).statusCode,
        303,
      );
      const second = await db()
        .selectFrom('people')
        .select('slug')
        .where('name_he', '=', 'נועה')
        .executeTakeFirstOrThrow();
      assert.equal(second.slug, 'noa-b-levi-b-2');
    });

    it('refuses to delete a person or a type still used by publications, saying how many', async () => {
      const used = await db()
        .selectFrom('publication_authors')
        .select(['person_id', (eb) => eb.fn.countAll().as('n')])
        .groupBy('person_id')
        .executeTakeFirstOrThrow();
      const res = await editor.post(`/admin/people/${used.person_id}/delete`, {});
      assert.equal(res.statusCode, 409);
      assert.match(res.body, new RegExp(`still used by ${Number(used.n)} publications`));
      assert.ok(await db().selectFrom('people').select('id').where('id', '=', used.person_id).executeTakeFirst());
      const type = await db().selectFrom('publications').select('type_id').executeTakeFirstOrThrow();
      const typeRes = await editor.post(`/admin/types/${type.type_id}/delete`, {});
      assert.equal(typeRes.statusCode, 409);
      assert.match(typeRes.body, /still used by \d+ publications/);
      // An unused type goes.
      const created = await editor.post('/admin/types', {
        name_en: 'Memo',
        name_he: 'מזכר',
        plural_en: 'Memos',
        plural_he: 'מזכרים',
        numbered: '1',
      });
      assert.equal(created.statusCode, 303, created.body.slice(0, 1500));
      const memo = await db()
        .selectFrom('publication_types')
        .selectAll()
        .where('slug', '=', 'memo')
        .executeTakeFirstOrThrow();
      assert.equal(memo.numbered, 1);
      assert.equal(memo.has_pdf, 0);
      assert.equal((await editor.post(`/admin/types/${memo.id}/delete`, {})).statusCode, 303);
      assert.equal((await lastAudit('publication-type'))?.action, 'delete');
    });

    it('keeps the topic tree free of cycles and refuses to delete a topic with subtopics', async () => {
      const parent = await editor.post('/admin/topics', { name_en: 'Energy', name_he: 'אנרגיה' });
      assert.equal(parent.statusCode, 303, parent.body.slice(0, 1500));
      const energy = await db()
        .selectFrom('topics')
        .selectAll()
        .where('name_en', '=', 'Energy')
        .executeTakeFirstOrThrow();
      assert.equal(energy.slug_en, 'energy');
      assert.equal(energy.slug_he, 'אנרגיה');
      const child = await editor.post('/admin/topics', {
        name_en: 'Gas',
        name_he: 'גז',
        parent_id: String(energy.id),
      });
      assert.equal(child.statusCode, 303);
      const gas = await db().selectFrom('topics').selectAll().where('name_en', '=', 'Gas').executeTakeFirstOrThrow();
      assert.equal(gas.parent_id, energy.id);
      const cycle = await editor.post(`/admin/topics/${energy.id}`, {
        name_en: 'Energy',
        name_he: 'אנרגיה',
        slug_en: 'energy',
        slug_he: 'אנרגיה',
        parent_id: String(gas.id),
      });
      assert.equal(cycle.statusCode, 400);
      assert.match(cycle.body, /cannot be placed under itself or under one of its own subtopics/);
      const self = await editor.post(`/admin/topics/${energy.id}`, {
        name_en: 'Energy',
        name_he: 'אנרגיה',
        parent_id: String(energy.id),
      });
      assert.equal(self.statusCode, 400);
      const blocked = await editor.post(`/admin/topics/${energy.id}/delete`, {});
      assert.equal(blocked.statusCode, 409);
      assert.match(blocked.body, /has 1 subtopics/);
      // The edit form does not offer the topic itself or its subtopics as a parent.
      const form = await editor.get(`/admin/topics/${energy.id}`);
      assert.doesNotMatch(form.body, new RegExp(`<option value="${gas.id}"`));
      assert.equal((await editor.post(`/admin/topics/${gas.id}/delete`, {})).statusCode, 303);
      assert.equal((await editor.post(`/admin/topics/${energy.id}/delete`, {})).statusCode, 303);
    });

    it('accepts only site paths and https addresses as menu links', async () => {
      for (const target of [
        'javascript:alert(1)',
        '//evil.example/x',
        'http://example.org',
        'data:text/html,x',
        ' /x y',
      ]) {
        const res = await editor.post('/admin/menus', { menu: 'main', label_en: 'Bad', label_he: 'רע', target });
        assert.equal(res.statusCode, 400, target);
        assert.match(res.body, /Use a path starting with \/ or an https:\/\/ address/);
      }
      const ok = await editor.post('/admin/menus', {
        menu: 'footer',
        label_en: 'Careers',
        label_he: 'קריירה',
        target: '/careers',
      });
      assert.equal(ok.statusCode, 303);
      const external = await editor.post('/admin/menus', {
        menu: 'footer',
        label_en: 'Blog',
        label_he: 'בלוג',
        target: 'https://blog.example/',
      });
      assert.equal(external.statusCode, 303);
      const home = await site.app.inject({ url: '/en/' });
      assert.match(home.body, /href="\/en\/careers">Careers</);
      assert.match(home.body, /href="https:\/\/blog.example\/">Blog</);
      const item = await db()
        .selectFrom('menu_items')
        .selectAll()
        .where('label_en', '=', 'Blog')
        .executeTakeFirstOrThrow();
      const careers = await db()
        .selectFrom('menu_items')
        .selectAll()
        .where('label_en', '=', 'Careers')
        .executeTakeFirstOrThrow();
      assert.equal(item.position, careers.position + 1, 'an empty position means after the last in that menu');
    });

    it('creates static pages with the rich-text body, in both languages, refusing taken and reserved addresses', async () => {
      const form = await editor.get('/admin/pages/new');
      assert.match(form.body, /data-rich-editor/);
      const reserved = await editor.post('/admin/pages', {
        lang: 'en',
        title: 'Search',
        slug: 'search',
        body_json: doc('x'),
      });
      assert.equal(reserved.statusCode, 400);
      assert.match(reserved.body, /The site uses this address/);
      const unsafe = await editor.post('/admin/pages', {
        lang: 'en',
        title: 'Unsafe',
        body_json: JSON.stringify({
          type: 'doc',
          content: [
            {
              type: 'paragraph',
              content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }],
            },
          ],
        }),
      });
      assert.equal(unsafe.statusCode, 400);
      assert.match(unsafe.body, /value="Unsafe"/);
      const created = await editor.post('/admin/pages', {
        lang: 'en',
        title: 'Visiting us',
        body_json: doc('Take the train.'),
      });
      assert.equal(created.statusCode, 303, created.body.slice(0, 1500));
      const id = idFrom(created.headers.location, 'pages');
      const page = await site.app.inject({ url: '/en/visiting-us' });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Take the train\./);
      const taken = await editor.post('/admin/pages', {
        lang: 'en',
        title: 'Other',
        slug: 'visiting-us',
        body_json: doc('y'),
      });
      assert.equal(taken.statusCode, 400);
      assert.match(taken.body, /Another item already uses this address/);
      // The Hebrew version joins the same translation group.
      const translationForm = await editor.get(`/admin/pages/new?translation_of=${id}`);
      assert.match(translationForm.body, /name="translation_of" value="\d+"/);
      const he = await editor.post('/admin/pages', {
        translation_of: String(id),
        lang: 'he',
        title: 'ביקור אצלנו',
        body_json: doc('סעו ברכבת.'),
      });
      assert.equal(he.statusCode, 303, he.body.slice(0, 1500));
      const again = await editor.post('/admin/pages', {
        translation_of: String(id),
        lang: 'he',
        title: 'שוב',
        body_json: doc('x'),
      });
      assert.equal(again.statusCode, 400);
      assert.match(again.body, /already has a version in that language/);
      const hePage = await site.app.inject({ url: `/he/${encodeURIComponent('ביקור-אצלנו')}` });
      assert.equal(hePage.statusCode, 200);
      assert.match(hePage.body, /hreflang="en" href="http:\/\/dossier.test\/en\/visiting-us"/);
      assert.equal((await editor.post(`/admin/pages/${id}/delete`, {})).statusCode, 303);
      assert.equal((await site.app.inject({ url: '/en/visiting-us' })).statusCode, 404);
    });

    it('saves the settings, refusing an unknown time zone', async () => {
      const form = await admin.get('/admin/settings');
      const value = (name: string) =>
        /value="([^"]*)"/.exec(form.body.slice(form.body.indexOf(`id="${name}"`)))?.[1] ?? '';
      const fields = {
        institute_name_en: 'Harbor Policy Institute',
        institute_name_he: 'מכון נמל למדיניות',
        tagline_en: value('tagline_en'),
        tagline_he: value('tagline_he'),
        address_en: 'Street 1',
        address_he: 'רחוב 1',
        email: 'info@harbor.example',
        phone: '+972-3-0000000',
        time_zone: 'Mars/Olympus',
      };
      const refused = await admin.post('/admin/settings', fields);
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /not a time zone name this server knows/);
      assert.match(refused.body, /value="Harbor Policy Institute"/);
      const saved = await admin.post('/admin/settings', { ...fields, time_zone: 'Europe/London' });
      assert.equal(saved.statusCode, 303, saved.body.slice(0, 1500));
      const home = await site.app.inject({ url: '/en/' });
      assert.match(home.body, /Harbor Policy Institute/);
      assert.equal((await site.content.getCatalog()).settings.timeZone, 'Europe/London');
      const audit = await lastAudit('settings');
      assert.match(audit?.after_json ?? '', /Harbor Policy Institute/);
    });

    it('creates a user with a one-time first password, who then manages their own account', async () => {
      const refused = await admin.post('/admin/users', { email: 'not-an-email', name: '', role: 'editor' });
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /Enter a valid email address/);
      assert.match(refused.body, /value="not-an-email"/);
      const created = await admin.post('/admin/users', {
        email: 'New.Writer@Meridian.example',
        name: 'New Writer',
        role: 'author',
      });
      assert.equal(created.statusCode, 201, created.body.slice(0, 1500));
      const password = /<code dir="ltr" class="secret">([^<]+)<\/code>/.exec(created.body)?.[1];
      assert.ok(password && password.length >= 20);
      const dup = await admin.post('/admin/users', {
        email: 'new.writer@meridian.example',
        name: 'Again',
        role: 'author',
      });
      assert.equal(dup.statusCode, 400);
      assert.match(dup.body, /already exists/);
      const list = await admin.get('/admin/users');
      assert.match(list.body, /new.writer@meridian.example/);
      assert.match(list.body, /<th scope="col">Second factor<\/th>/);

      const writer = await signIn(site.app, 'new.writer@meridian.example', password);
      const wrong = await writer.post('/admin/account/password', {
        current_password: 'nope',
        new_password: 'a brand new passphrase',
      });
      assert.equal(wrong.statusCode, 400);
      assert.match(wrong.body, /The current password is not right/);
      const changed = await writer.post('/admin/account/password', {
        current_password: password,
        new_password: 'a brand new passphrase',
      });
      assert.equal(changed.statusCode, 303);
      // This browser stays signed in with a new session; the old password no longer works.
      const account = await writer.get('/admin/account?notice=passwordChanged');
      assert.equal(account.statusCode, 200);
      assert.match(account.body, /Password changed/);
      await assert.rejects(signIn(site.app, 'new.writer@meridian.example', password));

      // Two-step sign-in: a wrong code keeps the same key; the right one turns it on.
      const secret = /name="secret" value="([A-Z2-7]+)"/.exec(account.body)?.[1];
      assert.ok(secret);
      assert.match(account.body, /otpauth:\/\/totp\//);
      const badCode = await writer.post('/admin/account/totp/enable', {
        secret,
        code: '000000' === currentTotp(secret) ? '111111' : '000000',
      });
      assert.equal(badCode.statusCode, 400);
      assert.match(badCode.body, new RegExp(`name="secret" value="${secret}"`));
      const on = await writer.post('/admin/account/totp/enable', { secret, code: currentTotp(secret) });
      assert.equal(on.statusCode, 303);
      const row = await db()
        .selectFrom('users')
        .selectAll()
        .where('email', '=', 'new.writer@meridian.example')
        .executeTakeFirstOrThrow();
      assert.equal(row.totp_secret, secret);
      assert.ok(row.totp_last_step, 'the code used to turn it on cannot be used again');
      const offWrong = await writer.post('/admin/account/totp/disable', { totp_password: 'wrong password' });
      assert.equal(offWrong.statusCode, 400);
      const off = await writer.post('/admin/account/totp/disable', { totp_password: 'a brand new passphrase' });
      assert.equal(off.statusCode, 303);

      const hebrew = await writer.post('/admin/account/language', { ui_lang: 'he' });
      assert.equal(hebrew.statusCode, 303);
      assert.match((await writer.get('/admin/account')).body, /<html lang="he" dir="rtl">/);

      // The admin edits the account; an admin cannot demote or disable themselves.
      const adminRow = await db().selectFrom('users').select('id').where('email', '=', ADMIN).executeTakeFirstOrThrow();
      const demote = await admin.post(`/admin/users/${adminRow.id}`, {
        name: 'Dana Admin',
        role: 'editor',
        disabled: '1',
      });
      assert.equal(demote.statusCode, 400);
      assert.match(demote.body, /cannot remove your own admin role/);
      assert.match(demote.body, /cannot disable your own account/);
      const disable = await admin.post(`/admin/users/${row.id}`, { name: 'New Writer', role: 'author', disabled: '1' });
      assert.equal(disable.statusCode, 303);
      assert.equal((await writer.get('/admin/account')).statusCode, 303, 'a disabled user is signed out');
    });

    it('shows the audit log newest first, filtered, with the JSON as text', async () => {
      const log = await admin.get('/admin/audit?entity=person');
      assert.equal(log.statusCode, 200);
      assert.match(log.body, /<details>/);
      assert.match(log.body, /Noa &lt;b>Levi&lt;\/b>/);
      assert.doesNotMatch(log.body, /<b>Levi/);
      const newer = log.body.indexOf('noa-b-levi-b-2');
      assert.ok(newer > 0 && newer < log.body.indexOf('noa-b-levi-b&quot;'), 'newest first');
      assert.doesNotMatch(log.body, /entity="settings"|settings #site/);
      const byUser = await admin.get(`/admin/audit?user=${encodeURIComponent(ADMIN)}`);
      assert.match(byUser.body, /settings #site/);
      assert.doesNotMatch(byUser.body, /person #/);
    });
  });
}
