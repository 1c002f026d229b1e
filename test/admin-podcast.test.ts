import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseFeed } from '@rowanmanning/feed-parser';
import sharp from 'sharp';
import { signIn, type AdminClient } from './support/admin-client.js';
import { makeMp3 } from './support/make-audio.js';
import { createTestSite, testEngines, type TestSite } from './support/test-db.js';

const EDITOR = 'editor@meridian.example';
const AUTHOR = 'author@meridian.example';
const ITUNES = 'http://www.itunes.com/dtds/podcast-1.0.dtd';
const NOTES = JSON.stringify({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'What sanctions on shipping can and cannot do.' }] }],
});

for (const { engine, skip } of await testEngines()) {
  describe(`podcast admin on ${engine}`, { skip }, () => {
    let site: TestSite;
    let editor: AdminClient;
    const db = () => site.db.kysely;
    const mp3 = makeMp3(9);
    /** The episode the editor creates from an uploaded MP3, followed through the tests. */
    let episodeId: number;

    async function countEpisodes() {
      const row = await db()
        .selectFrom('podcast_episodes')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    }

    async function upload(name: string, data: Buffer, type: string) {
      const res = await editor.postMultipart('/admin/media', { alt_en: name }, { name, data, type });
      assert.equal(res.statusCode, 303, res.body.slice(0, 500));
      return db().selectFrom('media').selectAll().where('original_name', '=', name).executeTakeFirstOrThrow();
    }

    async function feedXml(lang: 'en' | 'he' = 'en') {
      const res = await site.app.inject({ url: `/${lang}/podcast/feed.xml` });
      assert.equal(res.statusCode, 200);
      return res.body;
    }

    before(async () => {
      site = await createTestSite(engine);
      editor = await signIn(site.app, EDITOR);
    });
    after(async () => {
      await site?.close();
    });

    it('refuses authors every podcast page and changes nothing', async () => {
      const author = await signIn(site.app, AUTHOR);
      const before = await countEpisodes();
      const { id } = await db().selectFrom('podcast_episodes').select('id').executeTakeFirstOrThrow();
      for (const url of ['/admin/podcast', '/admin/podcast/new', '/admin/podcast/settings', `/admin/podcast/${id}`])
        assert.equal((await author.get(url)).statusCode, 403, url);
      assert.equal((await author.post('/admin/podcast', { lang: 'en', title: 'Nope' })).statusCode, 403);
      assert.equal((await author.post(`/admin/podcast/${id}/unpublish`, {})).statusCode, 403);
      assert.equal((await author.post('/admin/podcast/settings', { title_en: 'Taken over' })).statusCode, 403);
      assert.equal(await countEpisodes(), before);
      assert.doesNotMatch((await author.get('/admin/publications')).body, /href="\/admin\/podcast"/);
      assert.match((await editor.get('/admin/publications')).body, /href="\/admin\/podcast"/);
    });

    it('lists the episodes with their length', async () => {
      const res = await editor.get('/admin/podcast');
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /Why Hormuz still matters/);
      assert.match(res.body, /סקרים בזמן משבר/);
      assert.match(res.body, /<td dir="ltr">0:06<\/td>/);
    });

    it('keeps everything typed when an episode is refused, field by field', async () => {
      const before = await countEpisodes();
      const refused = await editor.post('/admin/podcast', {
        lang: 'en',
        title: '',
        summary: 'A summary worth keeping',
        transcript: 'HOST: a transcript worth keeping <b>',
        episode_number: 'two',
        notes_json: NOTES,
      });
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /Nothing was saved\. Please correct the 2 problems marked below\./);
      assert.match(refused.body, /id="title-error" class="field-error"><li>This field is required\./);
      assert.match(refused.body, /id="episode_number-error" class="field-error"><li>Enter a whole number/);
      assert.match(refused.body, />A summary worth keeping<\/textarea>/);
      assert.match(refused.body, />HOST: a transcript worth keeping &lt;b><\/textarea>/);
      assert.match(refused.body, /value="two"/);

      const taken = await editor.post('/admin/podcast', {
        lang: 'en',
        title: 'Copy',
        slug: 'why-hormuz-still-matters',
      });
      assert.equal(taken.statusCode, 400);
      assert.match(taken.body, /Another episode in this language already uses this address\./);
      assert.match(taken.body, /value="Copy"/);
      assert.equal(await countEpisodes(), before);
    });

    it('creates an episode from an uploaded MP3, its length read from the file, and publishes it to the feed', async () => {
      const audio = await upload('sanctions.mp3', mp3, 'audio/mpeg');
      assert.equal(audio.mime, 'audio/mpeg');
      assert.equal(audio.duration_seconds, 9);
      const form = await editor.get('/admin/podcast/new');
      assert.match(form.body, new RegExp(`<option value="${audio.id}">sanctions\\.mp3 \\(0:09\\)</option>`));

      const [guest] = await db().selectFrom('people').select('id').where('slug', '=', 'ron-avidan').execute();
      const [topic] = await db().selectFrom('topics').select('id').where('slug_en', '=', 'russia').execute();
      const created = await editor.post('/admin/podcast', {
        lang: 'en',
        title: 'Sanctions at sea: a primer',
        slug: '',
        summary: 'How sanctions reach ships, and where they stop.',
        notes_json: NOTES,
        transcript: 'HOST: Ron, where do sanctions on shipping start?\n\nRON AVIDAN: With insurance.',
        audio_media_id: String(audio.id),
        season: '1',
        episode_number: '3',
        guest_ids: String(guest!.id),
        topic_ids: String(topic!.id),
      });
      assert.equal(created.statusCode, 303, created.body.slice(0, 1500));
      episodeId = Number(/\/admin\/podcast\/(\d+)\?notice=created/.exec(String(created.headers.location))?.[1]);
      const row = await db()
        .selectFrom('podcast_episodes')
        .selectAll()
        .where('id', '=', episodeId)
        .executeTakeFirstOrThrow();
      assert.equal(row.slug, 'sanctions-at-sea-a-primer', 'slug proposed from the title');
      assert.equal(row.status, 'draft');
      assert.match(row.notes_html, /<p>What sanctions on shipping can and cannot do\.<\/p>/);
      assert.match(row.guid, /^[0-9a-f-]{36}$/);
      assert.doesNotMatch(await feedXml(), /Sanctions at sea/, 'a draft is not in the feed');
      assert.equal((await site.app.inject({ url: '/en/podcast/sanctions-at-sea-a-primer' })).statusCode, 404);

      const published = await editor.post(`/admin/podcast/${episodeId}/publish`, {});
      assert.equal(published.statusCode, 303);
      assert.match(
        (await editor.get(String(published.headers.location))).body,
        /Published: the episode is on the site/,
      );
      const feed = parseFeed(await feedXml());
      const item = feed.items.find((i) => i.id === row.guid);
      assert.ok(item, 'the episode is in the feed');
      assert.equal(item.title, 'Sanctions at sea: a primer');
      assert.deepEqual(
        item.media.map((m) => [m.url, m.length, m.mimeType]),
        [[`http://dossier.test/media/${audio.path}`, mp3.length, 'audio/mpeg']],
      );
      const duration = item.element.children.find(
        (c) => typeof c !== 'string' && c.namespaceUri === ITUNES && c.name === 'duration',
      );
      assert.equal(typeof duration === 'object' && duration.textContent, '9');
      const page = await site.app.inject({ url: '/en/podcast/sanctions-at-sea-a-primer' });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<source src="\/media\/[^"]+\.mp3" type="audio\/mpeg"\/>/);

      const actions = await db()
        .selectFrom('audit_log')
        .select('action')
        .where('entity', '=', 'podcast_episode')
        .where('entity_id', '=', String(episodeId))
        .orderBy('id')
        .execute();
      assert.deepEqual(
        actions.map((a) => a.action),
        ['create', 'publish'],
      );
    });

    it('will not publish an episode without audio', async () => {
      const created = await editor.post('/admin/podcast', { lang: 'he', title: 'פרק בלי קול' });
      assert.equal(created.statusCode, 303);
      const id = Number(/\/admin\/podcast\/(\d+)/.exec(String(created.headers.location))?.[1]);
      const refused = await editor.post(`/admin/podcast/${id}/publish`, {});
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /Choose the audio file: a published episode needs one\./);
      const row = await db()
        .selectFrom('podcast_episodes')
        .select(['status', 'slug'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.equal(row.status, 'draft');
      assert.equal(row.slug, 'פרק-בלי-קול');
    });

    it('refuses a save from an old version and keeps the typed text', async () => {
      const page = await editor.get(`/admin/podcast/${episodeId}`);
      const form = {
        lang: 'en',
        title: 'Sanctions at sea: a primer',
        slug: 'sanctions-at-sea-a-primer',
        summary: 'How sanctions reach ships.',
        notes_json: NOTES,
        audio_media_id: /name="audio_media_id"[^]*?<option value="(\d+)" selected/.exec(page.body)?.[1] ?? '',
        version: /name="version" value="(\d+)"/.exec(page.body)?.[1] ?? '',
      };
      assert.equal((await editor.post(`/admin/podcast/${episodeId}`, form)).statusCode, 303);
      const stale = await editor.post(`/admin/podcast/${episodeId}`, { ...form, title: 'My late edit' });
      assert.equal(stale.statusCode, 409);
      assert.match(stale.body, /Someone else saved this episode/);
      assert.match(stale.body, /value="My late edit"/);
      assert.match(stale.body, /How sanctions reach ships\./, 'the saved text is shown too');
    });

    it('saves the show settings, checking the email and the artwork, and the feed follows', async () => {
      const wide = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#345' } })
        .jpeg()
        .toBuffer();
      const banner = await upload('banner.jpg', wide, 'image/jpeg');
      const refused = await editor.post('/admin/podcast/settings', {
        title_en: 'Meridian Briefings',
        owner_email: 'not an address',
        category: 'Government',
        artwork_media_id: String(banner.id),
      });
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /Enter a valid email address\./);
      assert.match(refused.body, /This image is 1600 × 900 pixels\./);
      assert.match(refused.body, /value="Meridian Briefings"/);

      const artwork = await db()
        .selectFrom('media')
        .select('id')
        .where('path', '=', 'demo/podcast-artwork.jpg')
        .executeTakeFirstOrThrow();
      const saved = await editor.post('/admin/podcast/settings', {
        title_en: 'Meridian Briefings',
        owner_email: 'podcast@meridian-institute.example',
        category: 'Government',
        explicit: '1',
        artwork_media_id: String(artwork.id),
      });
      assert.equal(saved.statusCode, 303);
      const xml = await feedXml();
      assert.match(xml, /<title>Meridian Briefings<\/title>/);
      assert.match(xml, /<itunes:category text="Government"\/>/);
      assert.match(xml, /<itunes:explicit>true<\/itunes:explicit>/);
      assert.match(xml, /<itunes:email>podcast@meridian-institute\.example<\/itunes:email>/);
      assert.match(
        await feedXml('he'),
        /<title>הפודקאסט של מכון מרידיאן למחקרי ביטחון<\/title>/,
        'Hebrew keeps its default',
      );
    });

    it('unpublishes: the episode leaves the site and the feed', async () => {
      const res = await editor.post(`/admin/podcast/${episodeId}/unpublish`, {});
      assert.equal(res.statusCode, 303);
      assert.equal((await site.app.inject({ url: '/en/podcast/sanctions-at-sea-a-primer' })).statusCode, 404);
      assert.doesNotMatch(await feedXml(), /Sanctions at sea/);
    });
  });
}
