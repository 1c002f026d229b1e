import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { DomUtils, parseDocument } from 'htmlparser2';
import sharp from 'sharp';
import { validateXML } from 'xmllint-wasm';
import type { RichDoc } from '../src/content/rich-text.js';
import { registerDiscoveryRoutes } from '../src/discovery/discovery-routes.js';
import { toJsonLdText } from '../src/discovery/json-ld.js';
import { scholarDate } from '../src/discovery/scholar-tags.js';
import { publicationEntries, type SitemapEntry } from '../src/discovery/sitemap-entries.js';
import { MAX_HEADLINE, toHeadline } from '../src/discovery/structured-data.js';
import { saveUpload } from '../src/media/media-service.js';
import { LocalMediaStore } from '../src/media/media-store.js';
import { createTestSite, testEngines, type TestSite } from './support/test-db.js';

type Element = ReturnType<typeof DomUtils.getElementsByTagName>[number];
type JsonObject = Record<string, unknown>;

const ORIGIN = 'http://dossier.test';

// ---------------------------------------------------------------- schemas

const SITEMAP_XSD = readFileSync(new URL('../node_modules/sitemap/schema/sitemap.xsd', import.meta.url), 'utf8');

/**
 * The `sitemap` package ships sitemap.xsd (urlset) and all.xsd, whose xhtml import points at
 * the W3C site; there is no schema for sitemap indexes and none for xhtml:link offline. These
 * two follow sitemaps.org's siteindex.xsd and Google's documented form of the hreflang link.
 */
const SITEINDEX_XSD = `<?xml version="1.0" encoding="UTF-8"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="http://www.sitemaps.org/schemas/sitemap/0.9"
  xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" elementFormDefault="qualified">
  <xsd:element name="sitemapindex">
    <xsd:complexType><xsd:sequence>
      <xsd:element name="sitemap" maxOccurs="unbounded"><xsd:complexType><xsd:sequence>
        <xsd:element name="loc"><xsd:simpleType><xsd:restriction base="xsd:anyURI">
          <xsd:minLength value="12"/><xsd:maxLength value="2048"/></xsd:restriction></xsd:simpleType></xsd:element>
        <xsd:element name="lastmod" minOccurs="0"><xsd:simpleType><xsd:union memberTypes="xsd:date xsd:dateTime"/></xsd:simpleType></xsd:element>
      </xsd:sequence></xsd:complexType></xsd:element>
    </xsd:sequence></xsd:complexType>
  </xsd:element>
</xsd:schema>`;

const XHTML_LINK_XSD = `<?xml version="1.0" encoding="UTF-8"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="http://www.w3.org/1999/xhtml" elementFormDefault="qualified">
  <xsd:element name="link"><xsd:complexType>
    <xsd:attribute name="rel" use="required"><xsd:simpleType><xsd:restriction base="xsd:string">
      <xsd:enumeration value="alternate"/></xsd:restriction></xsd:simpleType></xsd:attribute>
    <xsd:attribute name="hreflang" type="xsd:language" use="required"/>
    <xsd:attribute name="href" type="xsd:anyURI" use="required"/>
  </xsd:complexType></xsd:element>
</xsd:schema>`;

/** Like the package's all.xsd, but with the local xhtml:link schema instead of the W3C download. */
const URLSET_WITH_LINKS_XSD = `<?xml version="1.0" encoding="UTF-8"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <xsd:import namespace="http://www.sitemaps.org/schemas/sitemap/0.9" schemaLocation="sitemap.xsd"/>
  <xsd:import namespace="http://www.w3.org/1999/xhtml" schemaLocation="xhtml-link.xsd"/>
</xsd:schema>`;

async function assertValid(kind: 'index' | 'urlset', documents: { fileName: string; contents: string }[]) {
  const result = await validateXML({
    xml: documents,
    schema: kind === 'index' ? SITEINDEX_XSD : URLSET_WITH_LINKS_XSD,
    preload: [
      { fileName: 'sitemap.xsd', contents: SITEMAP_XSD },
      { fileName: 'xhtml-link.xsd', contents: XHTML_LINK_XSD },
    ],
    maxMemoryPages: 4096,
  });
  assert.ok(result.valid, result.errors.map((e) => e.rawMessage).join('\n'));
}

// ---------------------------------------------------------------- parsing

function html(body: string) {
  return parseDocument(body);
}

function all(root: ReturnType<typeof parseDocument> | Element, test: (el: Element) => boolean): Element[] {
  return DomUtils.findAll(test, [root]);
}

const hasClass = (el: Element, name: string) => (el.attribs.class ?? '').split(/\s+/).includes(name);

/** Contents of `<meta name|property=key>`, in document order. */
function metas(doc: ReturnType<typeof parseDocument>, key: string): string[] {
  return all(doc, (el) => el.name === 'meta' && (el.attribs.name === key || el.attribs.property === key)).map(
    (el) => el.attribs.content ?? '',
  );
}

function meta(doc: ReturnType<typeof parseDocument>, key: string): string {
  const values = metas(doc, key);
  assert.equal(values.length, 1, `expected one ${key}, found ${values.length}`);
  return values[0] ?? '';
}

function jsonLd(doc: ReturnType<typeof parseDocument>): JsonObject[] {
  return all(doc, (el) => el.name === 'script' && el.attribs.type === 'application/ld+json').map(
    (el) => JSON.parse(DomUtils.textContent(el)) as JsonObject,
  );
}

function jsonLdOfType(doc: ReturnType<typeof parseDocument>, ...types: string[]): JsonObject {
  const found = jsonLd(doc).filter((block) => types.includes(String(block['@type'])));
  assert.equal(found.length, 1, `expected one JSON-LD block of type ${types.join('/')}`);
  return found[0]!;
}

/** The visible byline: author links (text, href) and the date. */
function byline(doc: ReturnType<typeof parseDocument>) {
  const [line] = all(doc, (el) => el.name === 'p' && hasClass(el, 'byline'));
  assert.ok(line, 'no byline');
  const authors = all(line, (el) => el.name === 'a').map((a) => ({
    name: DomUtils.textContent(a),
    href: a.attribs.href ?? '',
  }));
  const time = all(line, (el) => el.name === 'time')[0];
  return { authors, date: time?.attribs.datetime ?? '' };
}

interface SitemapUrl {
  loc: string;
  lastmod: string | undefined;
  links: Record<string, string>;
}

function sitemapUrls(xml: string): SitemapUrl[] {
  const doc = parseDocument(xml, { xmlMode: true });
  return DomUtils.getElementsByTagName('url', doc).map((url) => {
    const text = (name: string) => {
      const el = DomUtils.getElementsByTagName(name, url)[0];
      return el ? DomUtils.textContent(el) : undefined;
    };
    const links = Object.fromEntries(
      DomUtils.getElementsByTagName('xhtml:link', url).map((l) => [l.attribs.hreflang, l.attribs.href]),
    );
    return { loc: text('loc') ?? '', lastmod: text('lastmod'), links };
  });
}

function sitemapLocs(xml: string): string[] {
  const doc = parseDocument(xml, { xmlMode: true });
  return DomUtils.getElementsByTagName('loc', doc).map((el) => DomUtils.textContent(el));
}

const toPath = (absolute: string) => {
  const url = new URL(absolute);
  assert.equal(url.origin, ORIGIN, `not absolute on the site: ${absolute}`);
  return url.pathname + url.search;
};

const paragraph = (text: string): RichDoc => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

// ---------------------------------------------------------------- pure helpers

describe('discovery helpers', () => {
  it('escapes JSON-LD text so that no markup can end the script element', () => {
    const text = toJsonLdText({ headline: '</script><!-- & \u2028' });
    assert.doesNotMatch(text, /[<>&\u2028]/);
    assert.deepEqual(JSON.parse(text), { headline: '</script><!-- & \u2028' });
  });

  it('cuts headlines at a word boundary to Google’s 110 characters', () => {
    const long = 'word '.repeat(40).trim();
    const headline = toHeadline(long);
    assert.ok(Array.from(headline).length <= MAX_HEADLINE);
    assert.match(headline, /word…$/);
    assert.equal(toHeadline('Short title'), 'Short title');
  });

  it('dates citations by the institute’s calendar day, as YYYY/MM/DD', () => {
    assert.equal(scholarDate('2025-03-04T07:00:00.000Z', 'Asia/Jerusalem'), '2025/03/04');
    assert.equal(scholarDate('2025-03-04T23:30:00.000Z', 'Asia/Jerusalem'), '2025/03/05');
  });
});

// ---------------------------------------------------------------- over HTTP

for (const { engine, skip } of await testEngines()) {
  describe(`discovery on ${engine}`, { skip }, () => {
    let site: TestSite;
    const get = (url: string, headers: Record<string, string> = {}) => site.app.inject({ method: 'GET', url, headers });
    const page = async (url: string) => {
      const res = await get(url);
      assert.equal(res.statusCode, 200, url);
      return { raw: res.body, doc: html(res.body) };
    };
    const firstPublicationPath = async (listing: string) => {
      const href = /href="(\/(?:en|he)\/publications\/[^"]+)"/.exec((await get(listing)).body)?.[1];
      assert.ok(href, `no publication on ${listing}`);
      return href;
    };
    const visibleCount = async () => {
      const row = await site.db.kysely
        .selectFrom('publications')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '=', 'published')
        .where('published_at', '<=', new Date().toISOString())
        .executeTakeFirstOrThrow();
      return Number(row.n);
    };

    before(async () => {
      site = await createTestSite(engine);
    });
    after(async () => {
      await site?.close();
    });

    it('serves robots.txt that keeps crawlers out of the admin and search and names the sitemap', async () => {
      const res = await get('/robots.txt');
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^text\/plain/);
      const lines = res.body.split('\n');
      for (const line of [
        'User-agent: *',
        'Allow: /',
        'Disallow: /admin',
        'Disallow: /en/search$',
        'Disallow: /en/search?',
        'Disallow: /he/search$',
        'Disallow: /he/search?',
        `Sitemap: ${ORIGIN}/sitemap.xml`,
      ]) {
        assert.ok(lines.includes(line), `robots.txt lacks "${line}"`);
      }
    });

    it('serves a sitemap index and child sitemaps that validate against the sitemap schemas', async () => {
      const index = await get('/sitemap.xml');
      assert.equal(index.statusCode, 200);
      assert.match(String(index.headers['content-type']), /^application\/xml/);
      await assertValid('index', [{ fileName: 'sitemap.xml', contents: index.body }]);
      const children = sitemapLocs(index.body);
      assert.deepEqual(children, [`${ORIGIN}/sitemaps/1.xml`]);
      const child = await get(toPath(children[0]!));
      assert.equal(child.statusCode, 200);
      await assertValid('urlset', [{ fileName: '1.xml', contents: child.body }]);
      for (const missing of ['/sitemaps/2.xml', '/sitemaps/0.xml', '/sitemaps/one.xml', '/sitemaps/1.txt']) {
        assert.equal((await get(missing)).statusCode, 404, missing);
      }
    });

    it('lists every indexable page once, with lastmod on publications and reciprocal hreflang links', async () => {
      const type = await site.db.kysely
        .selectFrom('publication_types')
        .select('id')
        .where('slug', '=', 'post')
        .executeTakeFirstOrThrow();
      const unlisted = {
        typeId: type.id,
        lang: 'en' as const,
        summary: 'Not yet.',
        body: paragraph('Not yet.'),
        authorIds: [],
        topicIds: [],
      };
      await site.content.createPublication({
        ...unlisted,
        title: 'A draft',
        slug: 'a-draft',
        status: 'draft',
        publishedAt: null,
      });
      const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
      await site.content.createPublication({
        ...unlisted,
        title: 'Tomorrow',
        slug: 'tomorrow',
        status: 'published',
        publishedAt: tomorrow,
      });

      const urls = sitemapUrls((await get('/sitemaps/1.xml')).body);
      const locs = urls.map((u) => u.loc);
      assert.equal(new Set(locs).size, locs.length, 'a URL is listed twice');
      for (const expected of [
        '/en/',
        '/he/',
        '/en/types/policy-paper',
        '/en/topics/iran',
        '/en/experts/dana-levin',
        '/en/about',
        `/he/${encodeURIComponent('הצהרת-נגישות')}`,
      ]) {
        assert.ok(locs.includes(ORIGIN + expected), `sitemap lacks ${expected}`);
      }
      assert.ok(!locs.some((l) => /\/search/.test(l)), 'search pages are noindex');
      assert.ok(!locs.some((l) => /\/(a-draft|tomorrow)$/.test(l)), 'drafts and future publications are not listed');

      const publications = urls.filter((u) => u.loc.includes('/publications/'));
      assert.equal(publications.length, await visibleCount());
      for (const u of publications) assert.match(u.lastmod ?? '', /^\d{4}-\d\d-\d\dT/, u.loc);

      const byLoc = new Map(urls.map((u) => [u.loc, u]));
      const paired = urls.filter((u) => Object.keys(u.links).length > 0);
      assert.ok(paired.length > 50, 'most pages exist in both languages');
      for (const u of paired) {
        const lang = new URL(u.loc).pathname.slice(1, 3);
        assert.equal(u.links[lang], u.loc, `${u.loc} does not list itself`);
        assert.equal(u.links['x-default'], u.links.en, u.loc);
        for (const [other, href] of Object.entries(u.links)) {
          if (other === 'x-default') continue;
          const back = byLoc.get(href);
          assert.ok(back, `${href} (from ${u.loc}) is not in the sitemap`);
          assert.equal(back.links[lang], u.loc, `${href} does not link back to ${u.loc}`);
        }
      }
    });

    it('answers 200 for every URL the sitemap lists', async () => {
      const urls = sitemapUrls((await get('/sitemaps/1.xml')).body);
      for (const u of urls) {
        const res = await get(toPath(u.loc));
        assert.equal(res.statusCode, 200, u.loc);
      }
    });

    it('splits the sitemap into numbered children of at most the given size, each URL exactly once', async () => {
      const limit = 7;
      const small = Fastify();
      registerDiscoveryRoutes(
        small,
        { db: site.db, content: site.content, publicUrl: ORIGIN },
        { urlsPerSitemap: limit },
      );
      try {
        const whole = sitemapLocs((await get('/sitemaps/1.xml')).body);
        const index = await small.inject({ method: 'GET', url: '/sitemap.xml' });
        await assertValid('index', [{ fileName: 'sitemap.xml', contents: index.body }]);
        const children = sitemapLocs(index.body);
        assert.equal(children.length, Math.ceil(whole.length / limit));
        assert.deepEqual(
          children,
          children.map((_, i) => `${ORIGIN}/sitemaps/${i + 1}.xml`),
        );
        const bodies: { fileName: string; contents: string }[] = [];
        const seen: string[] = [];
        for (const child of children) {
          const res = await small.inject({ method: 'GET', url: toPath(child) });
          assert.equal(res.statusCode, 200, child);
          const locs = sitemapLocs(res.body);
          assert.ok(locs.length > 0 && locs.length <= limit, `${child} has ${locs.length} URLs`);
          seen.push(...locs);
          bodies.push({ fileName: child.split('/').at(-1)!, contents: res.body });
        }
        await assertValid('urlset', bodies);
        assert.equal(new Set(seen).size, seen.length, 'a URL appears in two children');
        assert.deepEqual([...seen].sort(), [...whole].sort());
      } finally {
        await small.close();
      }
    });

    it('reads publications for the sitemap in batches without skipping or repeating any', async () => {
      const now = new Date().toISOString();
      const collect = async (batchSize: number, offset: number, count: number) => {
        const out: SitemapEntry[] = [];
        for await (const batch of publicationEntries(site.db.kysely, { offset, count }, now, batchSize)) {
          assert.ok(batch.length <= batchSize);
          out.push(...batch);
        }
        return out.map((e) => e.path);
      };
      const total = await visibleCount();
      const everything = await collect(1000, 0, total);
      assert.equal(everything.length, total);
      assert.deepEqual(await collect(3, 0, total), everything);
      assert.deepEqual(await collect(4, 5, 11), everything.slice(5, 16));
      assert.deepEqual(await collect(4, total - 2, 10), everything.slice(total - 2));
    });

    it('compresses a child sitemap for clients that accept gzip', async () => {
      const plain = await get('/sitemaps/1.xml');
      const gzipped = await get('/sitemaps/1.xml', { 'accept-encoding': 'gzip, br' });
      assert.equal(gzipped.headers['content-encoding'], 'gzip');
      assert.equal(gunzipSync(gzipped.rawPayload).toString(), plain.body);
    });

    it('describes a policy paper as a ScholarlyArticle that matches the visible page', async () => {
      const { doc } = await page(await firstPublicationPath('/en/types/policy-paper'));
      const article = jsonLdOfType(doc, 'ScholarlyArticle', 'Article');
      assert.equal(article['@context'], 'https://schema.org');
      assert.equal(article['@type'], 'ScholarlyArticle');
      const title = DomUtils.textContent(all(doc, (el) => el.attribs.id === 'publication-title')[0]!);
      assert.equal(article.name, title);
      assert.ok(Array.from(String(article.headline)).length <= MAX_HEADLINE);
      const visible = byline(doc);
      const authors = article.author as JsonObject[];
      assert.ok(visible.authors.length > 0);
      assert.deepEqual(
        authors.map((a) => [a.honorificPrefix, a.name].filter(Boolean).join(' ')),
        visible.authors.map((a) => a.name),
      );
      assert.deepEqual(
        authors.map((a) => a.url),
        visible.authors.map((a) => ORIGIN + a.href),
      );
      assert.equal(String(article.datePublished).slice(0, 10), visible.date);
      assert.ok(String(article.dateModified) >= String(article.datePublished));
      assert.equal(article.inLanguage, 'en');
      assert.equal((article.publisher as JsonObject).name, 'Meridian Institute for Security Studies');
      const canonical = all(doc, (el) => el.name === 'link' && el.attribs.rel === 'canonical')[0]!.attribs.href;
      assert.equal(article.url, canonical);
      assert.equal((article.mainEntityOfPage as JsonObject)['@id'], canonical);
      assert.equal((article.isPartOf as JsonObject)['@type'], 'CreativeWorkSeries');
      assert.equal((article.isPartOf as JsonObject).name, 'Policy Papers');
      assert.ok((article.about as JsonObject[]).length > 0);
      assert.equal(article.image, undefined, 'the demo has no covers');
      const translation = article.workTranslation as JsonObject;
      assert.equal(translation.inLanguage, 'he');
      const heAlternate = all(doc, (el) => el.name === 'link' && el.attribs.hreflang === 'he')[0]!.attribs.href;
      assert.equal(translation.url, heAlternate);

      const crumbs = jsonLdOfType(doc, 'BreadcrumbList').itemListElement as JsonObject[];
      const nav = all(doc, (el) => el.name === 'nav' && hasClass(el, 'breadcrumbs'))[0]!;
      const items = all(nav, (el) => el.name === 'li');
      assert.deepEqual(
        crumbs.map((c) => c.name),
        items.map((li) => DomUtils.textContent(li)),
      );
      items.forEach((li, i) => {
        const href = all(li, (el) => el.name === 'a')[0]?.attribs.href;
        assert.equal(crumbs[i]!.item, ORIGIN + (href ?? toPath(canonical!)));
        assert.equal(crumbs[i]!.position, i + 1);
      });
    });

    it('describes a short post as an Article, and a Hebrew translation as translated from the original', async () => {
      const post = jsonLdOfType(
        (await page(await firstPublicationPath('/en/types/post'))).doc,
        'Article',
        'ScholarlyArticle',
      );
      assert.equal(post['@type'], 'Article');
      assert.equal(post.isPartOf, undefined);
      const en = (await page(await firstPublicationPath('/en/types/policy-paper'))).doc;
      const heHref = all(en, (el) => el.name === 'link' && el.attribs.hreflang === 'he')[0]!.attribs.href!;
      const he = await page(toPath(heHref));
      const article = jsonLdOfType(he.doc, 'ScholarlyArticle');
      assert.equal(article.inLanguage, 'he');
      assert.equal((article.translationOfWork as JsonObject).inLanguage, 'en');
      assert.deepEqual(
        (article.author as JsonObject[]).map((a) => [a.honorificPrefix, a.name].filter(Boolean).join(' ')),
        byline(he.doc).authors.map((a) => a.name),
      );
    });

    it('escapes JSON-LD so that a hostile title cannot break out of the script element', async () => {
      const path = await firstPublicationPath('/en/types/insight');
      const slug = decodeURIComponent(path.split('/').at(-1)!);
      const hostile = `</script><script>alert(1)</script><!-- "quoted" & 'single' ${'long '.repeat(30)}end`;
      await site.db.kysely.updateTable('publications').set({ title: hostile }).where('slug', '=', slug).execute();
      await site.content.contentChanged();
      const { raw, doc } = await page(path);
      assert.ok(!raw.includes('<script>alert(1)'), 'the title opened a script element');
      const scripts = all(doc, (el) => el.name === 'script');
      for (const script of scripts) {
        assert.ok(script.attribs.type === 'application/ld+json' || script.attribs.src, 'an inline script appeared');
        assert.doesNotMatch(DomUtils.textContent(script), /<|-->/);
      }
      const article = jsonLdOfType(doc, 'ScholarlyArticle');
      assert.equal(article.name, hostile);
      assert.ok(Array.from(String(article.headline)).length <= MAX_HEADLINE);
      assert.ok(hostile.startsWith(String(article.headline).replace(/…$/, '')));
      const crumbs = jsonLdOfType(doc, 'BreadcrumbList').itemListElement as JsonObject[];
      assert.equal(crumbs.at(-1)!.name, hostile);
      assert.equal(meta(doc, 'citation_title'), hostile);
      assert.equal(meta(doc, 'og:title'), hostile);
    });

    it('gives Google Scholar Highwire tags: authors in byline order, dates as YYYY/MM/DD, a PDF that resolves', async () => {
      const path = await firstPublicationPath('/en/types/policy-paper');
      const { doc } = await page(path);
      assert.equal(
        meta(doc, 'citation_title'),
        DomUtils.textContent(all(doc, (el) => el.attribs.id === 'publication-title')[0]!),
      );
      const visible = byline(doc);
      const authors = metas(doc, 'citation_author');
      assert.equal(authors.length, visible.authors.length);
      authors.forEach((author, i) => {
        assert.ok(visible.authors[i]!.name.endsWith(author), `${author} is not author ${i + 1}`);
        assert.doesNotMatch(author, /^(Dr|Prof|Brig)\./, 'titles are left out');
      });
      const date = meta(doc, 'citation_publication_date');
      assert.match(date, /^\d{4}\/\d\d\/\d\d$/);
      assert.equal(date, visible.date.replaceAll('-', '/'));
      assert.equal(meta(doc, 'citation_online_date'), date);
      assert.equal(meta(doc, 'citation_language'), 'en');
      assert.equal(meta(doc, 'citation_abstract_html_url'), ORIGIN + path);
      const kicker = DomUtils.textContent(all(doc, (el) => hasClass(el, 'kicker'))[0]!);
      assert.equal(kicker, `Policy Paper No. ${meta(doc, 'citation_technical_report_number')}`);
      assert.equal(meta(doc, 'citation_technical_report_institution'), 'Meridian Institute for Security Studies');
      assert.ok(metas(doc, 'citation_keywords').length > 0);
      const pdf = meta(doc, 'citation_pdf_url');
      assert.match(pdf, /^http:\/\/dossier\.test\/media\/.+\.pdf$/);
      const pdfRes = await get(toPath(pdf));
      assert.equal(pdfRes.statusCode, 200);
      assert.match(pdfRes.body.slice(0, 8), /^%PDF-1\./);

      const journal = (await page(await firstPublicationPath('/en/types/journal-article'))).doc;
      assert.equal(meta(journal, 'citation_journal_title'), 'Strategic Review');
      const issueLabel = DomUtils.textContent(all(journal, (el) => hasClass(el, 'kicker'))[0]!);
      assert.match(
        issueLabel,
        new RegExp(`Vol\\. ${meta(journal, 'citation_volume')}, No\\. ${meta(journal, 'citation_issue')}$`),
      );
      const issue = jsonLdOfType(journal, 'ScholarlyArticle').isPartOf as JsonObject;
      assert.equal(issue['@type'], 'PublicationIssue');

      const he = (await page(await firstPublicationPath('/he/types/policy-paper'))).doc;
      assert.equal(meta(he, 'citation_language'), 'he');
      const heAuthors = metas(he, 'citation_author');
      assert.ok(heAuthors.length > 0);
      for (const author of heAuthors) assert.doesNotMatch(author, /^(ד״ר|פרופ׳|תא״ל)/);
    });

    it('puts Open Graph and Twitter card tags with absolute URLs on every kind of page', async () => {
      const pages = [
        '/en/',
        '/he/',
        '/en/types/insight',
        '/he/topics',
        '/en/experts/dana-levin',
        '/en/about',
        '/en/search?q=iran',
      ];
      for (const path of pages) {
        const { doc } = await page(path);
        const canonical = all(doc, (el) => el.name === 'link' && el.attribs.rel === 'canonical')[0]!.attribs.href;
        assert.equal(meta(doc, 'og:url'), canonical, path);
        assert.match(meta(doc, 'og:url'), /^http:\/\/dossier\.test\//, path);
        assert.equal(meta(doc, 'og:type'), 'website', path);
        assert.ok(meta(doc, 'og:title').length > 0, path);
        assert.ok(meta(doc, 'og:description').length > 0, path);
        const lang = path.slice(1, 3);
        assert.equal(
          meta(doc, 'og:site_name'),
          lang === 'he' ? 'מכון מרידיאן למחקרי ביטחון' : 'Meridian Institute for Security Studies',
        );
        assert.equal(meta(doc, 'og:locale'), lang === 'he' ? 'he_IL' : 'en_GB', path);
        assert.deepEqual(metas(doc, 'og:locale:alternate'), [lang === 'he' ? 'en_GB' : 'he_IL'], path);
        assert.equal(meta(doc, 'twitter:card'), 'summary', path);
      }
      const { doc } = await page(await firstPublicationPath('/en/types/memorandum'));
      assert.equal(meta(doc, 'og:type'), 'article');
      assert.match(meta(doc, 'article:published_time'), /^\d{4}-\d\d-\d\dT/);
      for (const author of metas(doc, 'article:author')) assert.match(author, /^http:\/\/dossier\.test\/en\/experts\//);
      assert.equal(metas(doc, 'og:image').length, 0);
    });

    it('shows a publication’s cover as og:image with a large Twitter card and in the JSON-LD', async () => {
      const path = await firstPublicationPath('/en/types/special-publication');
      const slug = decodeURIComponent(path.split('/').at(-1)!);
      const buffer = await sharp({ create: { width: 1800, height: 945, channels: 3, background: '#2b4c7e' } })
        .jpeg()
        .toBuffer();
      const cover = await saveUpload(site.db, new LocalMediaStore(join(site.dataDir, 'media')), {
        buffer,
        originalName: 'cover.jpg',
        altEn: 'Map of the region',
      });
      await site.db.kysely
        .updateTable('publications')
        .set({ cover_media_id: cover.id })
        .where('slug', '=', slug)
        .execute();
      await site.content.contentChanged();

      const { doc } = await page(path);
      const image = meta(doc, 'og:image');
      assert.match(image, /^http:\/\/dossier\.test\/media\//);
      assert.equal((await get(toPath(image))).statusCode, 200);
      assert.ok(Number(meta(doc, 'og:image:width')) >= 1200);
      assert.ok(Number(meta(doc, 'og:image:height')) > 0);
      assert.equal(meta(doc, 'og:image:alt'), 'Map of the region');
      assert.equal(meta(doc, 'twitter:card'), 'summary_large_image');
      assert.deepEqual(jsonLdOfType(doc, 'ScholarlyArticle').image, [image]);
    });

    it('describes experts as a Person and the institute as an Organization', async () => {
      const { doc } = await page('/en/experts/dana-levin');
      const person = jsonLdOfType(doc, 'Person');
      assert.equal(person['@context'], 'https://schema.org');
      assert.equal(
        `${person.honorificPrefix} ${person.name}`,
        DomUtils.textContent(all(doc, (el) => el.name === 'h1')[0]!),
      );
      assert.equal(person.url, `${ORIGIN}/en/experts/dana-levin`);
      assert.ok(String(person.jobTitle).length > 0);
      assert.equal((person.worksFor as JsonObject).name, 'Meridian Institute for Security Studies');

      const home = jsonLdOfType((await page('/he/')).doc, 'Organization');
      assert.equal(home['@context'], 'https://schema.org');
      assert.equal(home.name, 'מכון מרידיאן למחקרי ביטחון');
      assert.equal(home.url, `${ORIGIN}/he/`);
    });
  });
}
