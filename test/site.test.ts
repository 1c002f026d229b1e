import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { createTestSite, testEngines, type TestSite } from './support/test-db.js';

for (const { engine, skip } of await testEngines()) {
  describe(`public site on ${engine}`, { skip }, () => {
    let site: TestSite;
    const get = (url: string, headers: Record<string, string> = {}) => site.app.inject({ method: 'GET', url, headers });
    /** Path of the first publication linked from a listing page. */
    const firstPublicationPath = async (listing: string) => {
      const html = (await get(listing)).body;
      const href = /href="(\/(?:en|he)\/publications\/[^"]+)"/.exec(html)?.[1];
      assert.ok(href, `no publication link on ${listing}`);
      return href;
    };

    before(async () => {
      site = await createTestSite(engine);
    });
    after(async () => {
      await site?.close();
    });

    it('redirects the root to a language, preferring Hebrew when the browser asks for it', async () => {
      assert.equal((await get('/')).headers.location, '/en/');
      assert.equal((await get('/', { 'accept-language': 'he-IL,he;q=0.9' })).headers.location, '/he/');
    });

    it('serves the home page in English (ltr) and Hebrew (rtl) with featured, latest and topics', async () => {
      const en = await get('/en/');
      assert.equal(en.statusCode, 200);
      assert.match(en.body, /<html lang="en" dir="ltr">/);
      assert.match(en.body, /Meridian Institute for Security Studies/);
      assert.match(en.body, /id="featured-title">Featured</);
      assert.match(en.body, /Policy Papers/);
      assert.match(en.body, /href="\/en\/topics\/iran"/);
      const he = await get('/he/');
      assert.match(he.body, /<html lang="he" dir="rtl">/);
      assert.match(he.body, /מכון מרידיאן למחקרי ביטחון/);
      assert.match(he.body, /דילוג לתוכן/);
      assert.match(he.body, /hreflang="en" href="http:\/\/dossier.test\/en\/"/);
    });

    it('shows every element of a publication page, with the link to its translation', async () => {
      const res = await get('/en/types/policy-paper');
      assert.equal(res.statusCode, 200);
      const path = await firstPublicationPath('/en/types/policy-paper');
      const page = await get(path);
      assert.equal(page.statusCode, 200);
      const html = page.body;
      assert.match(html, /class="breadcrumbs"/);
      assert.match(html, /<h1 id="publication-title">/);
      assert.match(html, /Policy Paper No\. \d+/);
      assert.match(html, /By <a href="\/en\/experts\/[a-z-]+">/);
      assert.match(html, /<time datetime="\d{4}-\d\d-\d\d">\d{1,2} [A-Z][a-z]+ \d{4}<\/time>/);
      assert.match(html, /Download the PDF edition/);
      assert.match(html, /class="footnotes"/);
      assert.match(html, /id="fn-1"/);
      assert.match(html, /Recent publications/);
      assert.match(html, /id="newsletter-title">Newsletter/);
      assert.match(html, /info@meridian-institute\.example/);
      assert.match(html, /<link rel="canonical" href="http:\/\/dossier\.test\/en\/publications\//);
      assert.ok(/No audio version is available/.test(html) || /<audio controls/.test(html));
      const pdf = /href="(\/media\/[^"]+\.pdf)"/.exec(html)?.[1];
      assert.ok(pdf);
      const pdfRes = await get(pdf);
      assert.equal(pdfRes.statusCode, 200);
      assert.match(pdfRes.body.slice(0, 8), /^%PDF-1\./);
    });

    it('links translations both ways, with hreflang alternates', async () => {
      const rows = await site.db.kysely
        .selectFrom('publications as a')
        .innerJoin('publications as b', (j) =>
          j.onRef('a.translation_group', '=', 'b.translation_group').on('b.lang', '=', 'he'),
        )
        .where('a.lang', '=', 'en')
        .select(['a.slug as en', 'b.slug as he', 'b.title as heTitle'])
        .execute();
      assert.ok(rows.length >= 15, `expected at least 15 translated pairs, found ${rows.length}`);
      const pair = rows[0]!;
      const en = await get(`/en/publications/${encodeURIComponent(pair.en)}`);
      assert.ok(en.body.includes(`href="/he/publications/${encodeURIComponent(pair.he)}"`));
      assert.ok(
        en.body.includes(`hreflang="he" href="http://dossier.test/he/publications/${encodeURIComponent(pair.he)}"`),
      );
      const he = await get(`/he/publications/${encodeURIComponent(pair.he)}`);
      assert.equal(he.statusCode, 200);
      assert.match(he.body, /<html lang="he" dir="rtl">/);
      assert.match(he.body, /לקריאה באנגלית/);
      assert.ok(he.body.includes(`href="/en/publications/${encodeURIComponent(pair.en)}"`));
      assert.match(he.body, /<time datetime="[\d-]+">\d{1,2} ב[א-ת]+ \d{4}<\/time>/);
    });

    it('plays the audio version when there is one', async () => {
      const withAudio = await site.db.kysely
        .selectFrom('publications')
        .select(['slug', 'lang'])
        .where('audio_media_id', 'is not', null)
        .where('lang', '=', 'en')
        .executeTakeFirstOrThrow();
      const html = (await get(`/en/publications/${encodeURIComponent(withAudio.slug)}`)).body;
      const src = /<audio controls preload="none" src="([^"]+)"/.exec(html)?.[1];
      assert.ok(src);
      const audio = await get(src);
      assert.equal(audio.statusCode, 200);
      assert.equal(audio.headers['content-type'], 'audio/wav');
      assert.match(String(audio.headers['content-security-policy']), /sandbox/);
    });

    it('lists per type, topic (parent includes children), author and year, paged', async () => {
      const child = await get('/en/topics/iran');
      const parent = await get('/en/topics/regional');
      const count = (html: string) => Number(/class="count">(\d+) publications/.exec(html)?.[1]);
      assert.ok(count(child.body) > 0);
      assert.ok(count(parent.body) > count(child.body), 'an area lists its sub-topics’ publications');
      const heTopic = await get(`/he/topics/${encodeURIComponent('איראן')}`);
      assert.equal(heTopic.statusCode, 200);
      assert.match(heTopic.body, /<h1>איראן<\/h1>/);
      const author = await get('/en/experts/dana-levin');
      assert.match(author.body, /Publications by Dr\. Dana Levin/);
      assert.ok(count(author.body) > 0);
      const year = await get('/en/archive/2025');
      assert.ok(count(year.body) > 0);
      const all = await get('/en/archive');
      assert.match(all.body, /href="\/en\/archive\/2026"/);
      const paged = await get('/en/archive/2025?page=2');
      assert.equal(paged.statusCode, count(year.body) > 12 ? 200 : 404);
    });

    it('serves the experts directory and static pages in both languages', async () => {
      const experts = await get('/he/experts');
      assert.match(experts.body, /ד״ר דנה לוין|דנה לוין/);
      for (const path of [
        '/en/about',
        '/en/accessibility',
        '/en/privacy',
        `/he/${encodeURIComponent('הצהרת-נגישות')}`,
      ]) {
        const res = await get(path);
        assert.equal(res.statusCode, 200, path);
        assert.match(res.body, /<h1 id="page-title">/);
      }
    });

    it('answers unknown paths and slugs with a 404 page in the visitor’s language', async () => {
      const en = await get('/en/publications/no-such-thing');
      assert.equal(en.statusCode, 404);
      assert.match(en.body, /Page not found/);
      const he = await get('/he/topics/no-such-topic');
      assert.equal(he.statusCode, 404);
      assert.match(he.body, /<html lang="he" dir="rtl">/);
      assert.match(he.body, /העמוד לא נמצא/);
      const other = await get('/xx/whatever', { 'accept-language': 'he' });
      assert.equal(other.statusCode, 404);
      assert.match(other.body, /העמוד לא נמצא/);
    });

    it('answers malformed query strings with a 400 and a reason, never a 500', async () => {
      const cases = [
        '/en/types/insight?page=abc',
        '/en/types/insight?page=0',
        '/en/types/insight?page=1&page=2',
        '/en/search?q=%E0%A4%A',
        '/en/search?q=x&type=999',
        '/he/search?q=x&year=20x5',
      ];
      for (const url of cases) {
        const res = await get(url);
        assert.equal(res.statusCode, 400, url);
        assert.match(res.body, /The page number|filter|malformed|מספר העמוד|למסנן|פגומה/, url);
      }
      assert.match((await get('/he/types/insight?page=-1')).body, /מספר העמוד צריך להיות/);
    });

    it('sends ETags, answers 304 on revalidation, compresses and caches until content changes', async () => {
      const first = await get('/en/types/insight', { 'accept-encoding': 'gzip' });
      assert.equal(first.headers['content-encoding'], 'gzip');
      const html = gunzipSync(first.rawPayload).toString();
      assert.match(html, /<h1>Insights<\/h1>/);
      const etag = String(first.headers.etag);
      assert.equal((await get('/en/types/insight', { 'if-none-match': etag })).statusCode, 304);

      const type = await site.db.kysely
        .selectFrom('publication_types')
        .select('id')
        .where('slug', '=', 'insight')
        .executeTakeFirstOrThrow();
      await site.content.createPublication({
        typeId: type.id,
        lang: 'en',
        seriesNumber: 1999,
        title: 'A freshly published insight',
        slug: 'a-freshly-published-insight',
        summary: 'Published during the test.',
        body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Fresh text.' }] }] },
        status: 'published',
        publishedAt: new Date().toISOString(),
        authorIds: [],
        topicIds: [],
      });
      const after = await get('/en/types/insight', { 'if-none-match': etag });
      assert.equal(after.statusCode, 200);
      assert.match(after.body, /A freshly published insight/);
    });

    it('serves the stylesheet under a fingerprinted name with a long cache lifetime', async () => {
      const css = /href="(\/assets\/site\.[0-9a-f]{12}\.css)"/.exec((await get('/en/')).body)?.[1];
      assert.ok(css);
      const res = await get(css);
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['cache-control']), /max-age=31536000, immutable/);
      assert.doesNotMatch(res.body, /margin-left|margin-right|padding-left|padding-right|text-align: left/);
    });

    it('sets a strict content security policy and names no third-party host in its pages', async () => {
      const res = await get('/en/');
      assert.match(String(res.headers['content-security-policy']), /default-src 'self'/);
      assert.doesNotMatch(String(res.headers['content-security-policy']), /unsafe-inline/);
      for (const url of ['/en/', '/he/', '/en/search?q=iran']) {
        const html = (await get(url)).body;
        const external = [...html.matchAll(/(?:src|href)="(https?:\/\/[^"]+)"/g)]
          .map((m) => m[1])
          .filter((u) => !u?.startsWith('http://dossier.test'));
        assert.deepEqual(external, [], url);
      }
    });
  });
}
