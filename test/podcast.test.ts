import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseFeed } from '@rowanmanning/feed-parser';
import { validateXML } from 'xmllint-wasm';
import type { Lang } from '../src/db/schema.js';
import { parseEpisodeForm } from '../src/podcast/episode-form.js';
import { loadEpisode, saveEpisode } from '../src/podcast/episode-store.js';
import { podcastGuid } from '../src/podcast/podcast-feed.js';
import { episodeValues } from '../src/admin/views/podcast-views.js';
import { createTestSite, testEngines, type TestSite } from './support/test-db.js';

const ORIGIN = 'http://dossier.test';
const ITUNES = 'http://www.itunes.com/dtds/podcast-1.0.dtd';
const PODCAST = 'https://podcastindex.org/namespace/1.0';
const HORMUZ = '/en/podcast/why-hormuz-still-matters';
const HEBREW_SLUG = 'סקרים-בזמן-משבר';

type FeedElement = ReturnType<typeof parseFeed>['element'];

/** The children of `parent` in namespace `ns` named `name` (the parser lower-cases local names). */
function children(parent: FeedElement, ns: string | null, name: string): FeedElement[] {
  return parent.children.filter(
    (c): c is FeedElement => typeof c !== 'string' && c.namespaceUri === ns && c.name === name.toLowerCase(),
  );
}

function child(parent: FeedElement, ns: string | null, name: string): FeedElement {
  const found = children(parent, ns, name)[0];
  assert.ok(found, `<${name}> in ${ns ?? 'RSS'}`);
  return found;
}

/** libxml2 is strict where feed readers forgive: namespaces and escaping must be right. */
async function assertWellFormed(xml: string) {
  const result = await validateXML({ xml: [{ fileName: 'podcast.xml', contents: xml }], normalization: 'format' });
  assert.deepEqual(
    result.errors.map((e) => e.message),
    [],
  );
}

describe('podcast guid', () => {
  it('is the UUIDv5 of the feed URL without scheme or trailing slashes (the Podcasting 2.0 examples)', () => {
    assert.equal(podcastGuid('https://mp3s.nashownotes.com/pc20rss.xml'), '917393e3-1b1e-5cef-ace4-edaa54e1f810');
    assert.equal(podcastGuid('https://podnews.net/rss////'), '9b024349-ccf0-5f69-a609-6b82873eab3c');
  });
});

for (const { engine, skip } of await testEngines()) {
  describe(`podcast on ${engine}`, { skip }, () => {
    let site: TestSite;
    const get = (url: string, headers: Record<string, string> = {}) => site.app.inject({ method: 'GET', url, headers });
    const db = () => site.db.kysely;

    async function readFeed(lang: Lang) {
      const res = await get(`/${lang}/podcast/feed.xml`);
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'application/rss+xml; charset=utf-8');
      await assertWellFormed(res.body);
      return { res, feed: parseFeed(res.body) };
    }

    async function addDraft() {
      const audio = await db().selectFrom('media').select('id').where('kind', '=', 'audio').executeTakeFirstOrThrow();
      const now = new Date().toISOString();
      await db()
        .insertInto('podcast_episodes')
        .values({
          lang: 'en',
          slug: 'unreleased-draft',
          title: 'Unreleased draft',
          summary: 'Not yet',
          notes_json: '',
          notes_html: '',
          transcript: 'Secret transcript',
          audio_media_id: audio.id,
          explicit: 0,
          guid: 'draft-guid-0001',
          status: 'draft',
          created_at: now,
          updated_at: now,
        })
        .execute();
    }

    before(async () => {
      site = await createTestSite(engine);
    });
    after(async () => {
      await site?.close();
    });

    it('shows the show in English, newest episode first, with its artwork and feed', async () => {
      const res = await get('/en/podcast');
      assert.equal(res.statusCode, 200);
      const html = res.body;
      assert.match(html, /<html lang="en" dir="ltr">/);
      assert.match(html, /<h1>The Meridian Institute for Security Studies Podcast<\/h1>/);
      assert.match(
        html,
        /<link rel="alternate" type="application\/rss\+xml" title="[^"]+ \(podcast feed\)" href="http:\/\/dossier\.test\/en\/podcast\/feed\.xml"\/>/,
      );
      assert.match(html, />http:\/\/dossier\.test\/en\/podcast\/feed\.xml<\/a>/);
      assert.match(html, /<img src="\/media\/demo\/podcast-artwork\.jpg"[^>]* width="1400" height="1400" alt\/>/);
      const drones = html.indexOf('Drones, cheap and everywhere');
      const hormuz = html.indexOf('Why Hormuz still matters');
      assert.ok(drones > 0 && hormuz > drones, 'newest first');
      assert.match(html, /Season 1, episode 2 · <time datetime="2026-11-05">/);
      assert.doesNotMatch(html, /סקרים בזמן משבר/, 'only this language’s episodes');
      assert.equal((await get('/en/podcast?page=2')).statusCode, 404);
      assert.equal((await get('/fr/podcast')).statusCode, 404);
    });

    it('shows the show in Hebrew, right to left', async () => {
      const res = await get('/he/podcast');
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /<html lang="he" dir="rtl">/);
      assert.match(res.body, /<h1>הפודקאסט של מכון מרידיאן למחקרי ביטחון<\/h1>/);
      assert.match(res.body, /סקרים בזמן משבר: מה הם יכולים לומר ומה לא/);
      assert.match(res.body, /עונה 1, פרק 1/);
      assert.doesNotMatch(res.body, /Why Hormuz/);
    });

    it('gives an episode a labelled player with a download link, its length, notes, guests, topics and transcript', async () => {
      const res = await get(HORMUZ);
      assert.equal(res.statusCode, 200);
      const html = res.body;
      const player = /<audio ([^>]*)>([\s\S]*?)<\/audio>/.exec(html);
      assert.ok(player, 'an audio element');
      assert.match(player[1]!, /\bcontrols\b/);
      assert.match(player[1]!, /preload="none"/);
      assert.match(player[1]!, /aria-label="Audio player: Why Hormuz still matters"/);
      assert.match(player[2]!, /<source src="\/media\/demo\/podcast-en-1-1\.wav" type="audio\/wav"\/>/);
      assert.match(player[2]!, /<a href="\/media\/demo\/podcast-en-1-1\.wav">/, 'fallback link inside the player');
      assert.match(
        html,
        /<a href="\/media\/demo\/podcast-en-1-1\.wav" type="audio\/wav" download>Download the episode \(WAV, /,
      );
      assert.match(html, /Duration: <time datetime="PT6S" dir="ltr">0:06<\/time>/);
      assert.match(html, /<h2 id="notes-title">Show notes<\/h2><div class="body"><p>In this episode/);
      assert.match(
        html,
        /Guests: <a href="\/en\/experts\/shira-navon">Dr\. Shira Navon<\/a> and <a href="\/en\/experts\/ron-avidan">/,
      );
      assert.match(html, /href="\/en\/topics\/gulf-states">/);
      assert.match(html, /<h2 id="transcript-title">Transcript<\/h2><details><summary>Read the transcript<\/summary>/);
      assert.match(html, /<p>SHIRA NAVON: Because so much passes through it\./);
      assert.match(html, /type="application\/rss\+xml" [^>]*href="http:\/\/dossier\.test\/en\/podcast\/feed\.xml"/);

      const text = await get(`${HORMUZ}/transcript.txt`);
      assert.equal(text.statusCode, 200);
      assert.equal(text.headers['content-type'], 'text/plain; charset=utf-8');
      assert.match(text.body, /^HOST: Welcome to the Meridian podcast\./);
    });

    it('serves the Hebrew episode under its Hebrew address', async () => {
      const res = await get(`/he/podcast/${encodeURIComponent(HEBREW_SLUG)}`);
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /aria-label="נגן שמע: סקרים בזמן משבר: מה הם יכולים לומר ומה לא"/);
      assert.match(res.body, /<h2 id="transcript-title">תמליל<\/h2>/);
      assert.match(res.body, /נועה פרידמן: הם נעשים חשובים יותר/);
      assert.match(res.body, /משך: <time datetime="PT5S" dir="ltr">0:05<\/time>/);
      assert.equal((await get(`/en/podcast/${encodeURIComponent(HEBREW_SLUG)}`)).statusCode, 404);
    });

    it('keeps drafts off the site and out of the feed', async () => {
      await addDraft();
      await site.content.contentChanged();
      assert.equal((await get('/en/podcast/unreleased-draft')).statusCode, 404);
      assert.equal((await get('/en/podcast/unreleased-draft/transcript.txt')).statusCode, 404);
      assert.doesNotMatch((await get('/en/podcast')).body, /Unreleased draft/);
      const { res } = await readFeed('en');
      assert.doesNotMatch(res.body, /Unreleased draft|draft-guid-0001/);
      assert.equal((await get('/en/podcast/no-such-episode')).statusCode, 404);
    });

    it('publishes a podcast feed that an independent parser reads, with every tag apps need', async () => {
      const { res, feed } = await readFeed('en');
      assert.equal(feed.title, 'The Meridian Institute for Security Studies Podcast');
      assert.equal(feed.url, `${ORIGIN}/en/podcast`);
      assert.equal(feed.language, 'en');
      assert.equal(feed.self, `${ORIGIN}/en/podcast/feed.xml`);
      assert.match(feed.description ?? '', /^Conversations with Meridian researchers/);

      const channel = feed.element;
      const artwork = child(channel, ITUNES, 'image').getAttribute('href') ?? '';
      assert.match(artwork, /^http:\/\/dossier\.test\/media\/.+\.jpg$/);
      assert.equal((await get(artwork.slice(ORIGIN.length))).statusCode, 200);
      const category = child(channel, ITUNES, 'category');
      assert.equal(category.getAttribute('text'), 'News');
      assert.equal(child(category, ITUNES, 'category').getAttribute('text'), 'Politics');
      assert.equal(child(channel, ITUNES, 'explicit').textContent, 'false');
      assert.equal(child(channel, ITUNES, 'type').textContent, 'episodic');
      assert.equal(child(channel, ITUNES, 'author').textContent, 'Meridian Institute for Security Studies');
      assert.equal(
        child(child(channel, ITUNES, 'owner'), ITUNES, 'email').textContent,
        'info@meridian-institute.example',
      );
      assert.equal(child(channel, PODCAST, 'guid').textContent, podcastGuid(`${ORIGIN}/en/podcast/feed.xml`));
      assert.equal(child(channel, PODCAST, 'locked').textContent, 'no');

      const episodes = await db()
        .selectFrom('podcast_episodes as e')
        .innerJoin('media as m', 'm.id', 'e.audio_media_id')
        .select(['e.slug', 'e.guid', 'm.path', 'm.bytes', 'm.mime', 'm.duration_seconds'])
        .where('e.lang', '=', 'en')
        .where('e.status', '=', 'published')
        .orderBy('e.published_at', 'desc')
        .execute();
      assert.equal(feed.items.length, 2);
      for (const [i, item] of feed.items.entries()) {
        const row = episodes[i]!;
        const [enclosure] = item.media;
        assert.ok(enclosure, 'an enclosure');
        assert.equal(enclosure.url, `${ORIGIN}/media/${row.path}`);
        assert.equal(enclosure.mimeType, row.mime);
        const file = await get(enclosure.url.slice(ORIGIN.length));
        assert.equal(file.statusCode, 200);
        const onDisk = readFileSync(join(site.dataDir, 'media', ...row.path.split('/')));
        assert.equal(enclosure.length, onDisk.length, 'length is the exact byte size');
        assert.equal(file.rawPayload.length, onDisk.length);
        assert.equal(item.id, row.guid);
        assert.equal(child(item.element, null, 'guid').getAttribute('ispermalink'), 'false');
        assert.equal(item.url, `${ORIGIN}/en/podcast/${row.slug}`);
        assert.ok(item.published instanceof Date);
        assert.equal(child(item.element, ITUNES, 'duration').textContent, String(row.duration_seconds));
        assert.ok((row.duration_seconds ?? 0) > 0);
        const transcript = child(item.element, PODCAST, 'transcript');
        assert.equal(transcript.getAttribute('type'), 'text/plain');
        assert.equal((await get(transcript.getAttribute('url')!.slice(ORIGIN.length))).statusCode, 200);
        assert.equal(children(item.element, PODCAST, 'person').length, 2);
      }
      assert.match(res.body, /<pubDate>Thu, 05 Nov 2026 06:00:00 GMT<\/pubDate>/);
      const again = await get('/en/podcast/feed.xml', { 'if-none-match': String(res.headers.etag) });
      assert.equal(again.statusCode, 304);
    });

    it('keeps the show guid it first made, even if the site moves', async () => {
      await get('/en/podcast/feed.xml');
      const kept = await db()
        .selectFrom('settings')
        .select('value')
        .where('key', '=', 'podcast.guid.en')
        .executeTakeFirstOrThrow();
      assert.equal(kept.value, podcastGuid(`${ORIGIN}/en/podcast/feed.xml`));
      await db()
        .updateTable('settings')
        .set({ value: 'ead4c236-bf58-58c6-a2c6-a6b28d128cb6' })
        .where('key', '=', 'podcast.guid.en')
        .execute();
      await site.content.contentChanged();
      assert.match(
        (await get('/en/podcast/feed.xml')).body,
        /<podcast:guid>ead4c236-bf58-58c6-a2c6-a6b28d128cb6<\/podcast:guid>/,
      );
    });

    it('keeps Hebrew intact in the Hebrew feed', async () => {
      const { feed } = await readFeed('he');
      assert.equal(feed.title, 'הפודקאסט של מכון מרידיאן למחקרי ביטחון');
      assert.equal(feed.language, 'he');
      assert.equal(feed.items.length, 1);
      const item = feed.items[0]!;
      assert.equal(item.title, 'סקרים בזמן משבר: מה הם יכולים לומר ומה לא');
      assert.equal(item.url, `${ORIGIN}/he/podcast/${encodeURIComponent(HEBREW_SLUG)}`);
      assert.deepEqual(
        children(item.element, PODCAST, 'person').map((p) => p.textContent),
        ['נועה פרידמן', 'אל״מ (במיל׳) גדעון טל'],
      );
    });

    it('keeps an episode’s guid when its title and slug change, and updates the feed at once, as valid XML', async () => {
      const row = await db()
        .selectFrom('podcast_episodes')
        .selectAll()
        .where('slug', '=', 'why-hormuz-still-matters')
        .executeTakeFirstOrThrow();
      const editor = await db()
        .selectFrom('users')
        .select(['id', 'email', 'role'])
        .where('email', '=', 'editor@meridian.example')
        .executeTakeFirstOrThrow();
      const values = episodeValues((await loadEpisode(db(), row.id))!);
      // A control character pasted into the title must not make the feed unreadable XML.
      const parsed = parseEpisodeForm({ ...values, title: 'Hormuz,\u0007 revisited', slug: 'hormuz-revisited' });
      assert.ok(parsed.ok);
      await saveEpisode({ db: site.db, content: site.content }, editor, row.id, parsed.fields, row.version);

      const { feed } = await readFeed('en');
      const item = feed.items.find((i) => i.id === row.guid);
      assert.ok(item, 'the same guid is still in the feed');
      assert.equal(item.title, 'Hormuz, revisited');
      assert.equal(item.url, `${ORIGIN}/en/podcast/hormuz-revisited`);
      assert.equal(feed.items.length, 2, 'not listed twice');
      assert.equal((await get(HORMUZ)).statusCode, 404);
      assert.equal((await get('/en/podcast/hormuz-revisited')).statusCode, 200);
    });
  });
}
