import { Feed, type Extension, type Item } from 'feed';
import { inLang } from '../content/bilingual.js';
import type { Catalog, FeedContent } from '../content/catalog.js';
import type { FeedPublication } from '../content/publication-queries.js';
import type { Lang } from '../db/schema.js';
import { escapeHtml } from '../lib/escape-html.js';
import { paths, type FeedFormat } from '../site/paths.js';

/** How many publications a feed carries: the newest, plenty for a reader that polls daily. */
export const FEED_SIZE = 50;

/** One feed, described independently of its format. URLs are absolute. */
export interface FeedDocument {
  title: string;
  description: string;
  /** Undefined when the items are in both languages. */
  lang: Lang | undefined;
  /** The HTML page listing the same publications. */
  pageUrl: string;
  /** The institute, as the feed's author: Atom needs one for entries without authors. */
  publisher: { name: string; url: string };
  /** The feed's own URL in each format (self links). */
  feedUrls: Record<FeedFormat, string>;
  content: FeedContent;
  /** Newest first. */
  publications: FeedPublication[];
}

/** A publication as every format needs it: plain text, absolute URLs, names in its language. */
interface Entry {
  id: string;
  url: string;
  lang: Lang;
  title: string;
  summary: string;
  bodyHtml: string;
  published: Date;
  updated: Date;
  authors: { name: string; url: string }[];
  topics: { name: string; url: string }[];
}

const JSON_FEED_1_1 = 'https://jsonfeed.org/version/1.1';
const DUBLIN_CORE_NS = 'http://purl.org/dc/elements/1.1/';
const ATOM_NS = 'http://www.w3.org/2005/Atom';
/** The root element exactly as the library writes it. */
const ATOM_ROOT = `<feed xmlns="${ATOM_NS}">`;
/** An empty feed has never changed; a fixed date keeps its bytes, and so its ETag, stable. */
const NEVER = new Date(0);

/** Renders a feed as RSS 2.0, Atom 1.0 or JSON Feed 1.1. */
export function renderFeed(format: FeedFormat, doc: FeedDocument, catalog: Catalog, publicUrl: string): string {
  const entries = doc.publications.map((p) => toEntry(p, catalog, publicUrl));
  const feed = createFeed(doc, entries, format);
  switch (format) {
    case 'rss':
      return withoutXmlInvalidChars(feed.rss2());
    case 'atom':
      return withoutXmlInvalidChars(withAtomLanguages(feed.atom1(), doc.lang, entries));
    case 'json':
      return toJsonFeed11(feed.json1(), doc, entries);
  }
}

function toEntry(p: FeedPublication, catalog: Catalog, publicUrl: string): Entry {
  const published = new Date(p.publishedAt);
  // A publication edited while scheduled has an update older than its publication.
  const updated = new Date(Math.max(published.getTime(), new Date(p.updatedAt).getTime()));
  return {
    id: tagUri(publicUrl, p),
    url: publicUrl + paths.publication(p.lang, p.slug),
    lang: p.lang,
    title: p.title,
    summary: p.summary,
    bodyHtml: withAbsoluteUrls(p.bodyHtml, publicUrl),
    published,
    updated,
    authors: p.authorIds.flatMap((id) => {
      const person = catalog.personById.get(id);
      return person ? [{ name: inLang(person, 'name', p.lang), url: publicUrl + paths.expert(p.lang, person) }] : [];
    }),
    topics: p.topicIds.flatMap((id) => {
      const topic = catalog.topicById.get(id);
      return topic ? [{ name: inLang(topic, 'name', p.lang), url: publicUrl + paths.topic(p.lang, topic) }] : [];
    }),
  };
}

/**
 * A stable item id (RFC 4151 tag URI) from the site's host, the day the publication was
 * created and its row id: retitling or re-slugging it never makes readers show it twice.
 */
function tagUri(publicUrl: string, p: FeedPublication): string {
  return `tag:${new URL(publicUrl).hostname},${p.createdAt.slice(0, 10)}:publication:${p.id}`;
}

function createFeed(doc: FeedDocument, entries: Entry[], format: FeedFormat): Feed {
  const feed = new Feed({
    id: doc.feedUrls[format],
    title: doc.title,
    description: doc.description,
    link: doc.pageUrl,
    language: doc.lang,
    updated: entries.reduce((newest, e) => (e.updated > newest ? e.updated : newest), NEVER),
    generator: 'Dossier',
    feedLinks: doc.feedUrls,
    author: { name: doc.publisher.name, link: doc.publisher.url },
  });
  for (const entry of entries) feed.addItem(toItem(entry, doc.content, format));
  return feed;
}

/**
 * RSS and Atom carry titles and summaries as HTML (the `feed` library puts them in CDATA
 * unescaped), so plain text is escaped for them; JSON Feed's `title` and `summary` are plain.
 */
function toItem(entry: Entry, content: FeedContent, format: FeedFormat): Item {
  const encodeText = format === 'json' ? (s: string) => s : escapeHtml;
  return {
    title: encodeText(entry.title),
    id: entry.id,
    guid: entry.id,
    link: entry.url,
    date: entry.updated,
    published: entry.published,
    description: entry.summary ? encodeText(entry.summary) : undefined,
    // `]]>` would end the CDATA section early; `]]&gt;` reads the same as HTML.
    content: content === 'full' ? entry.bodyHtml.replaceAll(']]>', ']]&gt;') : undefined,
    // RSS's own <author> must be an email address; names go in Dublin Core's creator instead.
    // An empty list is left out: the feed library's JSON Feed writer reads its first entry.
    author:
      format === 'rss' || entry.authors.length === 0
        ? undefined
        : entry.authors.map((a) => ({ name: a.name, link: a.url })),
    category: entry.topics.map((t) => {
      // The library escapes `&` but not `<` in Atom's category attributes, where XML forbids it.
      const term = format === 'atom' ? t.name.replaceAll('<', '\uFF1C') : t.name;
      return { name: term, term, domain: t.url, scheme: t.url };
    }),
    extensions: format === 'rss' ? rssDublinCore(entry) : undefined,
  };
}

/**
 * An RSS item's language and authors, which RSS itself cannot state, as Dublin Core
 * elements. Each declares the namespace: the library declares it on the root only in
 * full-text feeds.
 */
function rssDublinCore(entry: Entry): Extension[] {
  // xml-js writes an array as repeated elements, though the library's type admits one object.
  const elements = (texts: string[]) =>
    texts.map((text) => ({
      _attributes: { 'xmlns:dc': DUBLIN_CORE_NS },
      _text: text,
    })) as unknown as Extension['objects'];
  return [
    { name: 'dc:language', objects: elements([entry.lang]) },
    { name: 'dc:creator', objects: elements(entry.authors.map((a) => a.name)) },
  ];
}

/**
 * Atom states languages with `xml:lang`, which the library never writes: on the feed when
 * it has one language, and on every entry. Only the library's own tags can match: titles
 * and summaries are escaped, and bodies are sanitised HTML, where `<entry>` cannot occur.
 */
function withAtomLanguages(xml: string, lang: Lang | undefined, entries: Entry[]): string {
  let i = 0;
  const tagged = xml.replace(/<entry>/g, () => `<entry xml:lang="${entries[i++]?.lang ?? ''}">`);
  return lang ? tagged.replace(ATOM_ROOT, `<feed xmlns="${ATOM_NS}" xml:lang="${lang}">`) : tagged;
}

/** XML 1.0 forbids most control characters even in CDATA; text pasted from Word can carry them. */
function withoutXmlInvalidChars(xml: string): string {
  // eslint-disable-next-line no-control-regex
  return xml.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

interface JsonFeedAuthor {
  name?: string;
  url?: string;
}

interface JsonFeedItem {
  content_html?: string;
  content_text?: string;
  summary?: string;
  author?: unknown;
  authors?: Entry['authors'];
  language?: Lang;
}

/**
 * The library writes JSON Feed 1.0. Version 1.1 adds `language` and replaces the single
 * `author` with `authors`; a summary-only item carries its summary as text, not as HTML.
 */
function toJsonFeed11(json: string, doc: FeedDocument, entries: Entry[]): string {
  const feed = JSON.parse(json) as {
    version: string;
    language?: Lang;
    author?: JsonFeedAuthor;
    authors?: JsonFeedAuthor[];
    items: JsonFeedItem[];
  };
  feed.version = JSON_FEED_1_1;
  if (doc.lang) feed.language = doc.lang;
  if (feed.author) feed.authors = [feed.author];
  delete feed.author;
  feed.items.forEach((item, i) => {
    const entry = entries[i];
    if (!entry) return;
    delete item.author;
    item.authors = entry.authors;
    item.language = entry.lang;
    if (doc.content === 'summary') {
      delete item.content_html;
      item.content_text = entry.summary;
    }
  });
  return JSON.stringify(feed);
}

/** Absolute URLs in a body, so images and links work inside a feed reader. */
export function withAbsoluteUrls(html: string, publicUrl: string): string {
  const absolute = (url: string) => (url.startsWith('/') && !url.startsWith('//') ? publicUrl + url : url);
  return html.replace(/ (href|src|srcset)="([^"]*)"/g, (_, name: string, value: string) => {
    const rewritten = name === 'srcset' ? value.split(/,\s*/).map(absolute).join(', ') : absolute(value);
    return ` ${name}="${rewritten}"`;
  });
}
