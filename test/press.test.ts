import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { VideoProvider } from '../src/db/schema.js';
import { signIn, type AdminClient } from './support/admin-client.js';
import { createTestSite, testEngines, type TestSite } from './support/test-db.js';

const EDITOR = 'editor@meridian.example';
const AUTHOR = 'author@meridian.example';
/** The demo's YouTube video id (made up, but shaped like a real one). */
const DEMO_YOUTUBE_ID = 'Qm3vT8xLw2A';

/** Every value of `src`, `srcset` and `poster` attributes: what a browser fetches on its own. */
function fetchedUrls(html: string): string[] {
  return [...html.matchAll(/\s(?:src|srcset|poster)="([^"]*)"/g)].map((m) => m[1]!);
}

for (const { engine, skip } of await testEngines()) {
  describe(`media section on ${engine}`, { skip }, () => {
    let site: TestSite;
    let editor: AdminClient;
    const db = () => site.db.kysely;
    const get = (url: string) => site.app.inject({ method: 'GET', url });

    async function videoId(provider: VideoProvider): Promise<number> {
      const row = await db()
        .selectFrom('videos')
        .select('id')
        .where('provider', '=', provider)
        .executeTakeFirstOrThrow();
      return row.id;
    }

    async function posterId(): Promise<number> {
      const row = await db().selectFrom('videos').select('poster_media_id').executeTakeFirstOrThrow();
      return row.poster_media_id!;
    }

    async function count(table: 'videos' | 'media_mentions'): Promise<number> {
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

    it('lists press releases as their own publication type in both languages, and on the media page', async () => {
      const en = await get('/en/types/press-release');
      assert.equal(en.statusCode, 200);
      assert.match(en.body, /<h1>Press Releases<\/h1>/);
      assert.match(en.body, /Annual Conference on Iran to Convene in Tel Aviv on 10 March/);
      assert.equal(en.body.match(/class="card-title"/g)?.length, 3);
      const he = await get('/he/types/press-release');
      assert.equal(he.statusCode, 200);
      assert.match(he.body, /<h1>הודעות לעיתונות<\/h1>/);
      assert.match(he.body, /הכנס השנתי על איראן יתקיים בתל אביב ב־10 במרץ/);
      const release = /href="(\/en\/publications\/[^"]+)"/.exec(en.body)?.[1];
      assert.equal((await get(release!)).statusCode, 200);

      const landing = await get('/en/media');
      assert.equal(landing.statusCode, 200);
      assert.match(landing.body, /<h1>Media<\/h1>/);
      for (const href of ['/en/types/press-release', '/en/media/in-the-media', '/en/media/videos'])
        assert.match(landing.body, new RegExp(`href="${href}"`));
      assert.match(landing.body, /Artificial Intelligence and National Security/);
      assert.match(landing.body, /What Tehran’s new enrichment figures tell us/);
      assert.match(landing.body, /Iran after the snapback/);
      const heLanding = await get('/he/media');
      assert.match(heLanding.body, /<h1>מדיה<\/h1>/);
      assert.match(heLanding.body, /<html lang="he" dir="rtl">/);
    });

    it('lists media mentions newest first, linking out in the item’s language and to the people quoted', async () => {
      const res = await get('/en/media/in-the-media');
      assert.equal(res.statusCode, 200);
      const html = res.body;
      const order = [
        'What Tehran’s new enrichment figures',
        'משרתי המילואים שחוקים',
        'Why Gulf investors',
        'סקר: רוב הציבור',
      ];
      const positions = order.map((headline) => html.indexOf(headline));
      assert.ok(positions.every((p) => p > 0));
      assert.deepEqual(
        positions,
        [...positions].sort((a, b) => a - b),
      );
      assert.match(
        html,
        /<a href="https:\/\/www\.kol-hamishor\.example\/programmes\/reserve-duty-law" rel="noopener" hreflang="he" lang="he" dir="rtl">/,
      );
      assert.match(html, /\(in Hebrew\)/);
      assert.match(html, /class="mention-outlet"><bdi>רדיו קול המישור<\/bdi>/);
      assert.match(
        html,
        /href="\/en\/experts\/ron-avidan">Dr\. Ron Avidan<\/a> and <a href="\/en\/experts\/shira-navon">/,
      );
      const he = await get('/he/media/in-the-media');
      assert.match(he.body, /<h1>בתקשורת<\/h1>/);
      assert.match(he.body, /\(באנגלית\)/);
      assert.equal((await get('/en/media/in-the-media?page=2')).statusCode, 404);
    });

    it('shows an expert’s latest mentions on their page, and nothing for an expert without any', async () => {
      const quoted = await get('/en/experts/gideon-tal');
      assert.equal(quoted.statusCode, 200);
      assert.match(quoted.body, /id="expert-mentions-title">In the media</);
      assert.match(quoted.body, /משרתי המילואים שחוקים/);
      const he = await get('/he/experts/gideon-tal');
      assert.match(he.body, /id="expert-mentions-title">בתקשורת</);
      const unquoted = await get('/en/experts/hila-mor');
      assert.equal(unquoted.statusCode, 200);
      assert.doesNotMatch(unquoted.body, /expert-mentions/);
    });

    it('shows a video page that fetches nothing from the provider before play, under a CSP framing only the two players', async () => {
      const id = await videoId('youtube');
      const res = await get(`/en/media/videos/${id}`);
      assert.equal(res.statusCode, 200);
      const html = res.body;
      assert.deepEqual(
        fetchedUrls(html).filter((url) => /youtube|vimeo/i.test(url)),
        [],
      );
      assert.doesNotMatch(html, /<iframe/);
      assert.match(
        html,
        new RegExp(`data-video-embed="https://www\\.youtube-nocookie\\.com/embed/${DEMO_YOUTUBE_ID}\\?autoplay=1"`),
      );
      assert.match(
        html,
        new RegExp(`class="video-play" href="https://www\\.youtube\\.com/watch\\?v=${DEMO_YOUTUBE_ID}"`),
      );
      assert.match(
        html,
        /<img src="\/media\/demo\/video-iran-after-snapback\.jpg"[^>]* alt="Title card of the conversation/,
      );
      const script = /<script src="(\/assets\/video-player\.[0-9a-f]+\.js)" defer/.exec(html)?.[1];
      assert.ok(script, 'the player script is loaded from this site, deferred');
      assert.equal((await get(script)).statusCode, 200);
      const csp = String(res.headers['content-security-policy']);
      assert.match(csp, /frame-src https:\/\/www\.youtube-nocookie\.com https:\/\/player\.vimeo\.com(;|$)/);
      assert.match(csp, /script-src 'self';/);

      const vimeo = await get(`/he/media/videos/${await videoId('vimeo')}`);
      assert.equal(vimeo.statusCode, 200);
      assert.match(vimeo.body, /data-video-embed="https:\/\/player\.vimeo\.com\/video\/918273645\?autoplay=1"/);
      assert.deepEqual(
        fetchedUrls(vimeo.body).filter((url) => /youtube|vimeo/i.test(url)),
        [],
      );
      const gallery = await get('/en/media/videos');
      assert.match(gallery.body, new RegExp(`href="/en/media/videos/${id}"`));
      assert.equal((await get('/en/media/videos/abc')).statusCode, 404);
      assert.equal((await get('/en/media/videos/999999')).statusCode, 404);
    });

    it('plays a video file from the library with the browser’s own player, fetching nothing until play', async () => {
      // Uploads do not accept video yet, so a row with a video MIME type stands in for one.
      const { id: fileId } = await db()
        .insertInto('media')
        .values({
          kind: 'audio',
          path: 'demo/briefing.mp4',
          mime: 'video/mp4',
          bytes: 1,
          width: null,
          height: null,
          duration_seconds: null,
          alt_en: '',
          alt_he: '',
          created_at: new Date().toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const { id } = await db()
        .insertInto('videos')
        .values({
          title_en: 'A briefing on file',
          title_he: 'תדריך מקובץ',
          description_en: '',
          description_he: '',
          provider: 'file',
          external_id: '',
          video_media_id: fileId,
          poster_media_id: await posterId(),
          recorded_on: '2026-01-05',
          status: 'published',
          created_at: new Date().toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await site.content.contentChanged();
      const res = await get(`/en/media/videos/${id}`);
      assert.equal(res.statusCode, 200);
      assert.match(
        res.body,
        /<video class="video-stage" controls preload="none" poster="\/media\/demo\/video-[a-z-]+\.jpg"><source src="\/media\/demo\/briefing\.mp4" type="video\/mp4"/,
      );
      assert.doesNotMatch(res.body, /video-player\.[0-9a-f]+\.js/, 'no player script for a local file');
      await db().deleteFrom('videos').where('id', '=', id).execute();
      await db().deleteFrom('media').where('id', '=', fileId).execute();
      await site.content.contentChanged();
    });

    it('refuses a malformed YouTube or Vimeo id in the admin, keeping what was typed, and saves a good one', async () => {
      const before = await count('videos');
      const blank = await editor.get('/admin/press/videos/new');
      assert.equal(blank.statusCode, 200);
      assert.match(blank.body, new RegExp(`<option value="${await posterId()}"[^>]*>Title card of the`));
      const form = {
        title_en: 'Typed title worth keeping',
        title_he: 'כותרת שהוקלדה',
        description_en: '',
        description_he: '',
        poster_media_id: String(await posterId()),
        recorded_on: '2026-04-01',
        published: '1',
      };
      const badIds: [string, string, RegExp][] = [
        ['youtube', 'https://youtu.be/Qm3vT8xLw2A', /A YouTube id is 11 characters/],
        ['youtube', 'Qm3vT8xLw2', /A YouTube id is 11 characters/],
        ['youtube', '"><script>x', /A YouTube id is 11 characters/],
        ['vimeo', '12ab34', /A Vimeo id has digits only/],
      ];
      for (const [provider, externalId, message] of badIds) {
        const res = await editor.post('/admin/press/videos', { ...form, provider, external_id: externalId });
        assert.equal(res.statusCode, 400, `${provider} ${externalId}`);
        assert.match(res.body, message);
        assert.match(res.body, /value="Typed title worth keeping"/);
        assert.ok(res.body.includes(`value="${externalId.replaceAll('"', '&quot;').replaceAll('<', '&lt;')}"`));
      }
      const noPoster = await editor.post('/admin/press/videos', {
        ...form,
        provider: 'youtube',
        external_id: DEMO_YOUTUBE_ID,
        poster_media_id: '',
      });
      assert.equal(noPoster.statusCode, 400);
      assert.equal(await count('videos'), before);

      const saved = await editor.post('/admin/press/videos', { ...form, provider: 'vimeo', external_id: '76979871' });
      assert.equal(saved.statusCode, 303);
      const id = /\/admin\/press\/videos\/(\d+)/.exec(String(saved.headers.location))?.[1];
      const page = await get(`/en/media/videos/${id}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Typed title worth keeping/);
    });

    it('lets editors but not authors manage mentions; a published mention shows on the site and is audited', async () => {
      const author = await signIn(site.app, AUTHOR);
      assert.equal((await author.get('/admin/press/mentions')).statusCode, 403);
      assert.equal((await author.get('/admin/press/videos/new')).statusCode, 403);
      const before = await count('media_mentions');
      const sneaky = { outlet: 'X', headline: 'Y', url: 'https://x.example/', lang: 'en', appeared_on: '2026-01-01' };
      assert.equal((await author.post('/admin/press/mentions', sneaky)).statusCode, 403);
      assert.doesNotMatch((await author.get('/admin/publications')).body, /href="\/admin\/press"/);
      assert.equal(await count('media_mentions'), before);

      const list = await editor.get('/admin/press/mentions');
      assert.equal(list.statusCode, 200);
      assert.match(list.body, /href="\/admin\/press"/);
      const dana = await db()
        .selectFrom('people')
        .select('id')
        .where('slug', '=', 'dana-levin')
        .executeTakeFirstOrThrow();
      const typed = {
        outlet: 'The Harbour Times',
        headline: 'A headline worth keeping',
        url: 'javascript:alert(1)',
        lang: 'en',
        appeared_on: '2026-02-30',
        person_ids: String(dana.id),
        published: '1',
      };
      const refused = await editor.post('/admin/press/mentions', typed);
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /Enter a web address starting with https:\/\/ or http:\/\//);
      assert.match(refused.body, /Enter a real date as YYYY-MM-DD/);
      assert.match(refused.body, /value="A headline worth keeping"/);
      assert.match(refused.body, /value="The Harbour Times"/);
      assert.match(refused.body, /value="javascript:alert\(1\)"/);
      assert.match(refused.body, new RegExp(`value="${dana.id}"[^>]*checked`));
      assert.equal(await count('media_mentions'), before);

      const created = await editor.post('/admin/press/mentions', {
        ...typed,
        url: 'https://harbour-times.example/interviews/levin',
        appeared_on: '2026-11-25',
      });
      assert.equal(created.statusCode, 303);
      const id = Number(/\/admin\/press\/mentions\/(\d+)/.exec(String(created.headers.location))?.[1]);
      const listing = await get('/en/media/in-the-media');
      assert.match(
        listing.body,
        /href="https:\/\/harbour-times\.example\/interviews\/levin" rel="noopener" hreflang="en"/,
      );
      assert.ok(
        listing.body.indexOf('A headline worth keeping') < listing.body.indexOf('What Tehran’s new'),
        'newest first',
      );
      assert.match((await get('/en/experts/dana-levin')).body, /A headline worth keeping/);

      // Unticking "Published": the checkbox is then absent from the form.
      const hidden = await editor.post(`/admin/press/mentions/${id}`, {
        outlet: typed.outlet,
        headline: typed.headline,
        url: 'https://harbour-times.example/interviews/levin',
        lang: 'en',
        appeared_on: '2026-11-25',
        person_ids: typed.person_ids,
      });
      assert.equal(hidden.statusCode, 303);
      assert.doesNotMatch((await get('/en/media/in-the-media')).body, /A headline worth keeping/);
      const actions = await db()
        .selectFrom('audit_log')
        .select(['action', 'user_email'])
        .where('entity', '=', 'media_mention')
        .where('entity_id', '=', String(id))
        .orderBy('id')
        .execute();
      assert.deepEqual(actions, [
        { action: 'create', user_email: EDITOR },
        { action: 'unpublish', user_email: EDITOR },
      ]);
    });
  });
}
