import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { extractFromJson, extractFromXml } from '@extractus/feed-extractor';
import { parseFeed } from '@rowanmanning/feed-parser';
import { validateXML } from 'xmllint-wasm';
import type { PublicationInput } from '../src/content/content-service.js';
import type { RichDoc } from '../src/content/rich-text.js';
import { topicWithDescendants } from '../src/content/catalog.js';
import type { Lang } from '../src/db/schema.js';
import { signIn } from './support/admin-client.js';
import { createTestSite, testEngines, type TestSite } from './support/test-db.js';

const ORIGIN = 'http://dossier.test';
const FORMATS = [
  { file: 'feed.xml', type: 'application/rss+xml; charset=utf-8' },
  { file: 'feed.atom', type: 'application/atom+xml; charset=utf-8' },
  { file: 'feed.json', type: 'application/feed+json; charset=utf-8' },
] as const;

/** What a feed reader gets out of a feed, whatever its format. */
interface ReadItem {
  id: string;
  title: string;
  url: string;
  published: Date | null;
  authors: string[];
  categories: string[];
  summary: string | null;
  content: string | null;
}
interface ReadFeed {
  title: string | null;
  language: string | null;
  self: string | null;
  url: string | null;
  items: ReadItem[];
}

/** Reads RSS or Atom with @rowanmanning/feed-parser, checking @extractus/feed-extractor agrees. */
function readXmlFeed(xml: string): ReadFeed {
  const feed = parseFeed(xml);
  const items = feed.items.map((item) => ({
    id: item.id ?? '',
    title: item.title ?? '',
    url: item.url ?? '',
    published: item.published,
    authors: item.authors.map((a) => a.name ?? ''),
    categories: item.categories.map((c) => c.label ?? ''),
    summary: item.description,
    content: item.content,
  }));
  const extracted = extractFromXml(xml, { descriptionMaxLen: 0 });
  assert.deepEqual(
    extracted.entries?.map((e) => [e.id, e.title, e.link]),
    items.map((i) => [i.id, i.title, i.url]),
  );
  assert.equal(extracted.title, feed.title);
  return { title: feed.title, language: feed.language, self: feed.self, url: feed.url, items };
}

interface JsonFeedItem {
  id: unknown;
  url?: string;
  title?: string;
  summary?: string;
  content_html?: string;
  content_text?: string;
  date_published?: string;
  date_modified?: string;
  authors?: { name?: string; url?: string }[];
  tags?: string[];
  language?: string;
}

/** Checks JSON Feed 1.1's required fields and reads it; @extractus/feed-extractor must agree. */
function readJsonFeed(json: string): ReadFeed {
  const feed = JSON.parse(json) as Record<string, unknown> & { items: JsonFeedItem[] };
  assert.equal(feed.version, 'https://jsonfeed.org/version/1.1');
  assert.equal(typeof feed.title, 'string');
  assert.ok(Array.isArray(feed.items));
  for (const key of ['home_page_url', 'feed_url'] as const)
    assert.match(String(feed[key]), /^http:\/\/dossier\.test\//);
  const ids = feed.items.map((item) => item.id);
  assert.equal(new Set(ids).size, ids.length, 'item ids are unique');
  for (const item of feed.items) {
    assert.equal(typeof item.id, 'string');
    assert.ok(typeof item.content_html === 'string' || typeof item.content_text === 'string', 'content is required');
    for (const date of [item.date_published, item.date_modified]) assert.ok(!Number.isNaN(Date.parse(date ?? '')));
    assert.ok(item.authors?.every((a) => typeof a.name === 'string' && a.name.length > 0));
    assert.ok(item.language === 'en' || item.language === 'he');
  }
  const extracted = extractFromJson(json, { descriptionMaxLen: 0 });
  assert.deepEqual(
    extracted.entries?.map((e) => [e.id, e.title, e.link]),
    feed.items.map((i) => [i.id, i.title, i.url]),
  );
  return {
    title: String(feed.title),
    language: typeof feed.language === 'string' ? feed.language : null,
    self: String(feed.feed_url),
    url: String(feed.home_page_url),
    items: feed.items.map((item) => ({
      id: String(item.id),
      title: item.title ?? '',
      url: item.url ?? '',
      published: item.date_published ? new Date(item.date_published) : null,
      authors: (item.authors ?? []).map((a) => a.name ?? ''),
      categories: item.tags ?? [],
      summary: item.summary ?? item.content_text ?? null,
      content: item.content_html ?? null,
    })),
  };
}

/** Feed parsers forgive; libxml2 does not. Every XML feed must be well-formed, namespaces included. */
async function assertWellFormed(xml: string) {
  const result = await validateXML({ xml: [{ fileName: 'feed.xml', contents: xml }], normalization: 'format' });
  assert.deepEqual(
    result.errors.map((e) => e.message),
    [],
  );
}

const readFeed = (file: string, body: string) => (file === 'feed.json' ? readJsonFeed(body) : readXmlFeed(body));

const paragraph = (text: string): RichDoc => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

for (const { engine, skip } of await testEngines()) {
  describe(`feeds on ${engine}`, { skip }, () => {
    let site: TestSite;
    const get = (url: string, headers: Record<string, string> = {}) => site.app.inject({ method: 'GET', url, headers });
    const catalog = () => site.content.getCatalog();

    /** Fetches a feed in one format, checks its media type, and reads it as a reader would. */
    const fetchFeed = async (path: string, file: string) => {
      const res = await get(`${path}/${file}`);
      assert.equal(res.statusCode, 200, `${path}/${file}`);
      assert.equal(res.headers['content-type'], FORMATS.find((f) => f.file === file)?.type);
      return readFeed(file, res.body);
    };

    /** The publications a reader should find, newest first: published, in the past. */
    const visiblePublications = (lang?: Lang) => {
      let q = site.db.kysely
        .selectFrom('publications')
        .select(['id', 'lang', 'title', 'slug', 'summary'])
        .where('status', '=', 'published')
        .where('published_at', '<=', new Date().toISOString());
      if (lang) q = q.where('lang', '=', lang);
      return q.orderBy('published_at', 'desc').orderBy('id', 'desc').limit(50).execute();
    };

    const publish = async (overrides: Partial<PublicationInput>) => {
      const cat = await catalog();
      return site.content.createPublication({
        typeId: cat.types[0]!.id,
        lang: 'en',
        title: 'A new publication',
        slug: `new-${Math.random().toString(36).slice(2, 8)}`,
        summary: 'A summary.',
        body: paragraph('The body.'),
        status: 'published',
        publishedAt: new Date(Date.now() - 1000).toISOString(),
        authorIds: [cat.people[0]!.id],
        topicIds: [],
        ...overrides,
      });
    };

    before(async () => {
      site = await createTestSite(engine);
    });
    after(async () => {
      await site?.close();
    });

    it('serves every feed in RSS, Atom and JSON Feed, each naming itself and its page', async () => {
      const cases = [
        { path: '', page: '/', lang: null },
        { path: '/en', page: '/en/', lang: 'en' },
        { path: '/he', page: '/he/', lang: 'he' },
        { path: '/en/types/policy-paper', page: '/en/types/policy-paper', lang: 'en' },
        {
          path: `/he/topics/${encodeURIComponent('איראן')}`,
          page: `/he/topics/${encodeURIComponent('איראן')}`,
          lang: 'he',
        },
        { path: '/en/experts/dana-levin', page: '/en/experts/dana-levin', lang: 'en' },
      ];
      for (const { path, page, lang } of cases) {
        for (const { file } of FORMATS) {
          const feed = await fetchFeed(path, file);
          if (file !== 'feed.json') await assertWellFormed((await get(`${path}/${file}`)).body);
          assert.ok(feed.items.length > 0, `${path}/${file} has items`);
          assert.equal(feed.self, `${ORIGIN}${path}/${file}`);
          assert.equal(feed.url, ORIGIN + page);
          assert.equal(feed.language, lang);
        }
      }
    });

    it('titles feeds "<institute> — <subject>" and keeps English and Hebrew titles intact', async () => {
      for (const lang of ['en', 'he'] as const) {
        const expected = (await visiblePublications(lang)).map((p) => p.title);
        for (const { file } of FORMATS) {
          const feed = await fetchFeed(`/${lang}`, file);
          assert.deepEqual(
            feed.items.map((i) => i.title),
            expected,
          );
        }
      }
      const iran = await fetchFeed(`/he/topics/${encodeURIComponent('איראן')}`, 'feed.atom');
      assert.equal(iran.title, 'מכון מרידיאן למחקרי ביטחון — איראן');
      const papers = await fetchFeed('/en/types/policy-paper', 'feed.xml');
      assert.equal(papers.title, 'Meridian Institute for Security Studies — Policy Papers');
    });

    it('links every item to its publication with an absolute URL that resolves', async () => {
      const feed = await fetchFeed('', 'feed.xml');
      assert.equal(feed.items.length, (await visiblePublications()).length);
      for (const item of feed.items) {
        assert.ok(item.url.startsWith(`${ORIGIN}/`), item.url);
        assert.equal((await get(item.url.slice(ORIGIN.length))).statusCode, 200, item.url);
        assert.ok(item.authors.length > 0 && item.authors.every((name) => name.length > 0), item.title);
      }
    });

    it('gives a topic feed the publications of the topic page, sub-topics included', async () => {
      const cat = await catalog();
      const regional = cat.topics.find((t) => t.slug_en === 'regional')!;
      const topicIds = topicWithDescendants(cat, regional.id);
      const tagged = await site.db.kysely
        .selectFrom('publication_topics')
        .select(['publication_id', 'topic_id'])
        .where('topic_id', 'in', topicIds)
        .execute();
      const onlySubTopics = tagged.filter(
        (t) => !tagged.some((o) => o.publication_id === t.publication_id && o.topic_id === regional.id),
      );
      assert.ok(onlySubTopics.length > 0, 'the demo has publications tagged with a sub-topic only');
      const expected = (await visiblePublications('en'))
        .filter((p) => tagged.some((t) => t.publication_id === p.id))
        .map((p) => `${ORIGIN}/en/publications/${encodeURIComponent(p.slug)}`);
      for (const { file } of FORMATS) {
        const feed = await fetchFeed('/en/topics/regional', file);
        assert.deepEqual(
          feed.items.map((i) => i.url),
          expected,
        );
        const names = new Set(topicIds.map((id) => cat.topicById.get(id)!.name_en));
        for (const item of feed.items)
          assert.ok(
            item.categories.some((c) => names.has(c)),
            item.title,
          );
      }
    });

    it('keeps a language feed to its language and an author feed to its author', async () => {
      for (const { file } of FORMATS) {
        const he = await fetchFeed('/he', file);
        for (const item of he.items) assert.ok(item.url.startsWith(`${ORIGIN}/he/publications/`), item.url);
      }
      const both = (await get('/feed.atom')).body;
      const newestOfBoth = await visiblePublications();
      assert.equal(
        (both.match(/<entry xml:lang="he">/g) ?? []).length,
        newestOfBoth.filter((p) => p.lang === 'he').length,
        'the Hebrew share of the 50 newest',
      );
      const mixed = JSON.parse((await get('/feed.json')).body) as { items: { language: string; url: string }[] };
      for (const item of mixed.items) assert.ok(item.url.startsWith(`${ORIGIN}/${item.language}/`));

      const cat = await catalog();
      const dana = cat.personBySlug.get('dana-levin')!;
      const hers = await site.db.kysely
        .selectFrom('publication_authors')
        .select('publication_id')
        .where('person_id', '=', dana.id)
        .execute();
      const expected = (await visiblePublications('he')).filter((p) => hers.some((h) => h.publication_id === p.id));
      for (const { file } of FORMATS) {
        const feed = await fetchFeed('/he/experts/dana-levin', file);
        assert.deepEqual(
          feed.items.map((i) => i.title),
          expected.map((p) => p.title),
        );
        for (const item of feed.items) assert.ok(item.authors.includes(dana.name_he), item.title);
      }
    });

    it('announces existing feeds on the home, type, topic and expert pages', async () => {
      const pages = [
        '/en/',
        '/he/',
        '/en/types/insight',
        `/he/topics/${encodeURIComponent('איראן')}`,
        '/en/experts/gideon-tal',
      ];
      for (const page of pages) {
        const html = (await get(page)).body;
        const links = [...html.matchAll(/<link rel="alternate" type="([^"]+)" title="([^"]+)" href="([^"]+)"/g)];
        assert.deepEqual(
          links.map((l) => l[1]),
          ['application/rss+xml', 'application/atom+xml', 'application/feed+json'],
          page,
        );
        for (const [, type, title, href] of links) {
          assert.ok(href!.startsWith(`${ORIGIN}${page.replace(/\/$/, '')}/feed.`), href);
          const feed = await get(href!.slice(ORIGIN.length));
          assert.equal(feed.statusCode, 200, href);
          assert.equal(feed.headers['content-type'], `${type}; charset=utf-8`);
          assert.ok(title!.startsWith(readFeed(href!.split('/').pop()!, feed.body).title!), title);
        }
      }
      const listing = (await get('/he/experts/gideon-tal')).body;
      assert.match(listing, /הרשמה לעדכונים:/);
      assert.match(listing, /<a href="\/he\/experts\/gideon-tal\/feed\.xml" type="application\/rss\+xml">RSS<\/a>/);
    });

    it('answers 404 for an unknown type, topic, author or language', async () => {
      for (const path of [
        '/en/types/no-such-type/feed.xml',
        '/en/topics/no-such-topic/feed.atom',
        // Topic slugs are per language: the English slug does not name a Hebrew topic.
        '/he/topics/iran/feed.xml',
        '/en/experts/no-one/feed.json',
        '/fr/feed.xml',
      ]) {
        assert.equal((await get(path)).statusCode, 404, path);
      }
    });

    it('answers a matching If-None-Match with 304 and compresses like pages', async () => {
      const first = await get('/en/feed.atom');
      const etag = String(first.headers.etag);
      assert.match(etag, /^"[\w-]+"$/);
      assert.equal(first.headers['cache-control'], 'public, max-age=0, must-revalidate');
      for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`]) {
        const again = await get('/en/feed.atom', { 'if-none-match': ifNoneMatch });
        assert.equal(again.statusCode, 304, ifNoneMatch);
        assert.equal(again.body, '');
      }
      assert.equal((await get('/en/feed.atom', { 'if-none-match': '"stale"' })).statusCode, 200);
      const gzipped = await get('/en/feed.atom', { 'accept-encoding': 'gzip' });
      assert.equal(gzipped.headers['content-encoding'], 'gzip');
      assert.equal(gzipped.headers.etag, etag);
    });

    it('shows a publication published through the content service at once, with a new ETag', async () => {
      const before = await get('/en/feed.xml');
      const id = await publish({ title: 'Fresh analysis of the northern front', slug: 'fresh-analysis' });
      const afterPublish = await get('/en/feed.xml');
      assert.notEqual(afterPublish.headers.etag, before.headers.etag);
      const feed = readXmlFeed(afterPublish.body);
      assert.equal(feed.items[0]?.title, 'Fresh analysis of the northern front');
      assert.equal(feed.items[0]?.url, `${ORIGIN}/en/publications/fresh-analysis`);
      assert.match(feed.items[0]?.id ?? '', new RegExp(`^tag:dossier\\.test,\\d{4}-\\d\\d-\\d\\d:publication:${id}$`));
    });

    it('keeps an item id when its title and slug change', async () => {
      const id = await publish({ title: 'Before the rename', slug: 'before-rename' });
      const idOf = async () =>
        readJsonFeed((await get('/en/feed.json')).body).items.find((i) => i.id.endsWith(`:${id}`));
      const original = await idOf();
      await site.db.kysely
        .updateTable('publications')
        .set({ title: 'After the rename', slug: 'after-rename' })
        .where('id', '=', id)
        .execute();
      await site.content.contentChanged();
      const renamed = await idOf();
      assert.equal(renamed?.id, original?.id);
      assert.equal(renamed?.title, 'After the rename');
      assert.equal(renamed?.url, `${ORIGIN}/en/publications/after-rename`);
    });

    it('escapes markup and ampersands in titles and summaries, which readers get back as text', async () => {
      const title = '<script>alert("x")</script> Q&A: R&amp;D <b>now</b> ]]> — שאלות & תשובות';
      const summary = 'Costs < benefits & "quotes" <img src=x onerror=alert(1)>';
      const topic = await site.db.kysely
        .insertInto('topics')
        .values({
          parent_id: null,
          slug_en: 'q-and-a',
          slug_he: 'שאלות-ותשובות',
          name_en: 'Q&A <live>',
          name_he: 'שאלות & תשובות',
          description_en: '',
          description_he: '',
          position: 99,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await publish({ title, summary, slug: 'escaping', topicIds: [topic.id] });
      for (const { file } of FORMATS) {
        const res = await get(`/en/${file}`);
        // JSON Feed titles are plain text by definition; XML must be well-formed and never carry the markup raw.
        if (file !== 'feed.json') {
          await assertWellFormed(res.body);
          assert.ok(!res.body.includes('<script>'), `${file} carries raw markup`);
        }
        const item = (await fetchFeed('/en', file)).items.find((i) => i.url.endsWith('/escaping'));
        assert.equal(item?.title, title, file);
        assert.equal(item?.summary, summary, file);
        // Atom's category is an attribute, where the feed library cannot escape `<`: it becomes a look-alike.
        assert.deepEqual(item?.categories, [file === 'feed.atom' ? 'Q&A \uFF1Clive>' : 'Q&A <live>'], file);
      }
      const rss = (await get('/en/feed.xml')).body;
      const extracted = extractFromXml(rss, { descriptionMaxLen: 0 }).entries?.find((e) =>
        e.link?.endsWith('/escaping'),
      );
      assert.equal(extracted?.title, title);
    });

    it('carries the full text or only the summary, as staff choose in the settings', async () => {
      const full = await fetchFeed('/en/types/policy-paper', 'feed.atom');
      const paper = full.items[0]!;
      assert.match(paper.content ?? '', /<p>/);
      assert.doesNotMatch(paper.content ?? '', / (href|src)="\/[^/]/, 'body URLs are absolute');
      assert.ok(paper.summary);

      const admin = await signIn(site.app, 'admin@meridian.example');
      const form = await admin.get('/admin/settings');
      assert.match(form.body, /<select[^>]*name="feed_content"/);
      assert.match(form.body, /<option value="full" selected/);
      const { settings } = await catalog();
      const saved = await admin.post('/admin/settings', {
        institute_name_en: settings.instituteName.en,
        institute_name_he: settings.instituteName.he,
        tagline_en: settings.tagline.en,
        tagline_he: settings.tagline.he,
        address_en: settings.address.en,
        address_he: settings.address.he,
        email: settings.email,
        phone: settings.phone,
        time_zone: settings.timeZone,
        feed_content: 'summary',
      });
      assert.equal(saved.statusCode, 303);

      for (const { file } of FORMATS) {
        const feed = await fetchFeed('/en/types/policy-paper', file);
        const item = feed.items.find((i) => i.id === paper.id);
        assert.equal(item?.content, null, file);
        assert.equal(item?.summary, paper.summary, file);
      }
      assert.doesNotMatch((await get('/en/types/policy-paper/feed.xml')).body, /content:encoded/);
    });

    it('lists a publication without authors in every format (the JSON Feed writer needs care)', async () => {
      await publish({ title: 'Unsigned note from the institute', authorIds: [] });
      for (const { file } of FORMATS) {
        const feed = await fetchFeed('/en', file);
        assert.ok(
          JSON.stringify(feed).includes('Unsigned note from the institute'),
          `${file} lists the unsigned publication`,
        );
      }
    });
  });
}
