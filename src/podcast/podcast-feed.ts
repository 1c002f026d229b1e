import type { Kysely } from 'kysely';
import { createHash } from 'node:crypto';
import { create } from 'xmlbuilder2';
import { inLang } from '../content/bilingual.js';
import type { Catalog } from '../content/catalog.js';
import type { Database, Lang } from '../db/schema.js';
import { withAbsoluteUrls } from '../feeds/feed-builder.js';
import { escapeHtml } from '../lib/escape-html.js';
import { mediaUrl } from '../media/image-sources.js';
import { paths } from '../site/paths.js';
import type { EpisodeDetail } from './episode-queries.js';
import type { Show } from './podcast-settings.js';

/**
 * The podcast feed of one language: RSS 2.0 with Apple's `itunes:` tags and the
 * Podcasting 2.0 `podcast:` tags that apply (guid, locked, transcript, person). Built
 * with xmlbuilder2; every text and attribute goes through `add`, which escapes it fully.
 */

const NAMESPACES = {
  'xmlns:itunes': 'http://www.itunes.com/dtds/podcast-1.0.dtd',
  'xmlns:podcast': 'https://podcastindex.org/namespace/1.0',
  'xmlns:atom': 'http://www.w3.org/2005/Atom',
  'xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
};

/** Podcasting 2.0's namespace for show guids (podcast-namespace, `<podcast:guid>`). */
const PODCAST_GUID_NAMESPACE = 'ead4c236-bf58-58c6-a2c6-a6b28d128cb6';

/** Apps list the newest episodes first; several hundred keep the whole back catalogue. */
export const PODCAST_FEED_SIZE = 500;

type XmlNode = ReturnType<typeof create>;

/** A name-based UUID, version 5 (RFC 9562 §5.5: SHA-1 of namespace and name). */
export function uuidV5(name: string, namespace: string): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replaceAll('-', ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The show's `podcast:guid` as the spec derives it: a UUIDv5 of the feed URL without its scheme and trailing slashes. */
export function podcastGuid(feedUrl: string): string {
  return uuidV5(feedUrl.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/\/+$/, ''), PODCAST_GUID_NAMESPACE);
}

/** Where a language's show feed lives. */
export function podcastFeedUrl(publicUrl: string, lang: Lang): string {
  return publicUrl + paths.feed(paths.podcast(lang), 'rss');
}

/**
 * The show's guid, derived from the feed URL the first time it is asked for and then kept
 * in the settings table: podcast apps key the show by it, so a later move of the site to
 * another address must not change it.
 */
export async function showGuid(db: Kysely<Database>, lang: Lang, publicUrl: string): Promise<string> {
  const key = `podcast.guid.${lang}`;
  await db
    .insertInto('settings')
    .values({ key, value: podcastGuid(podcastFeedUrl(publicUrl, lang)) })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirstOrThrow();
  return row.value;
}

export interface PodcastFeedInput {
  lang: Lang;
  show: Show;
  catalog: Catalog;
  /** Origin for absolute URLs. */
  publicUrl: string;
  /** Published episodes, newest first; those without an audio file are left out. */
  episodes: EpisodeDetail[];
  /** The show's `podcast:guid`, fixed once (see `showGuid`). */
  guid: string;
}

/** The feed as XML text. Its dates come from the episodes, so an unchanged show gives the same bytes. */
export function renderPodcastFeed(input: PodcastFeedInput): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const channel = doc.ele('rss', { version: '2.0', ...NAMESPACES }).ele('channel');
  addChannel(channel, input);
  for (const detail of input.episodes) {
    if (detail.audio) addItem(add(channel, 'item'), input, detail, detail.audio);
  }
  return doc.end({ prettyPrint: true });
}

/**
 * Characters XML 1.0 cannot carry at all, even escaped (most C0 controls, U+FFFE/FFFF, lone
 * surrogates). xmlbuilder2 writes them as they are, which would make the whole feed unreadable.
 */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const xmlSafe = (text: string) => text.replace(NOT_XML, '');

/**
 * xmlbuilder2 leaves an `&` that starts something entity-like (`&lt;`, `&colon;`, `&#60;`) as
 * it is, so typed "&lt;script&gt;" would reach readers as "<script>" and an unknown name would
 * make the feed unreadable. Every `&` is escaped here; the writer then leaves `&amp;` alone.
 */
const xmlText = (text: string) => xmlSafe(text).replaceAll('&', '&amp;');

/** Adds an element with optional text and attributes, leaving out what XML cannot hold. */
function add(parent: XmlNode, name: string, text?: string, attributes: Record<string, string> = {}): XmlNode {
  const safe = Object.fromEntries(Object.entries(attributes).map(([k, v]) => [k, xmlText(v)]));
  const node = parent.ele(name, safe);
  if (text !== undefined) node.txt(xmlText(text));
  return node;
}

function addChannel(channel: XmlNode, { lang, show, publicUrl, episodes, guid }: PodcastFeedInput) {
  const pageUrl = publicUrl + paths.podcast(lang);
  const feedUrl = podcastFeedUrl(publicUrl, lang);
  const newest = episodes[0]?.episode.published_at;
  add(channel, 'title', show.title);
  add(channel, 'link', pageUrl);
  // RSS readers and podcast apps show <description> as HTML: plain text is escaped for it.
  add(channel, 'description', escapeHtml(show.description));
  add(channel, 'language', lang);
  add(channel, 'atom:link', undefined, { href: feedUrl, rel: 'self', type: 'application/rss+xml' });
  if (newest) add(channel, 'pubDate', rfc822(newest));
  if (show.artwork) {
    const artworkUrl = publicUrl + mediaUrl(show.artwork.path);
    const image = add(channel, 'image');
    add(image, 'url', artworkUrl);
    add(image, 'title', show.title);
    add(image, 'link', pageUrl);
    add(channel, 'itunes:image', undefined, { href: artworkUrl });
  }
  add(channel, 'itunes:author', show.author);
  const owner = add(channel, 'itunes:owner');
  add(owner, 'itunes:name', show.ownerName);
  add(owner, 'itunes:email', show.ownerEmail);
  const [category = '', subcategory] = show.category.split('/');
  const parent = add(channel, 'itunes:category', undefined, { text: category });
  if (subcategory) add(parent, 'itunes:category', undefined, { text: subcategory });
  add(channel, 'itunes:explicit', String(show.explicit));
  add(channel, 'itunes:type', 'episodic');
  add(channel, 'itunes:summary', show.description);
  add(channel, 'podcast:guid', guid);
  // "no": other platforms may import the feed; `owner` is whom they would ask.
  add(channel, 'podcast:locked', 'no', show.ownerEmail ? { owner: show.ownerEmail } : {});
}

function addItem(
  item: XmlNode,
  input: PodcastFeedInput,
  detail: EpisodeDetail,
  audio: NonNullable<EpisodeDetail['audio']>,
) {
  const { lang, publicUrl, catalog } = input;
  const e = detail.episode;
  const description = e.summary || e.title;
  add(item, 'title', e.title);
  add(item, 'link', publicUrl + paths.episode(lang, e.slug));
  add(item, 'description', escapeHtml(description));
  if (e.notes_html) add(item, 'content:encoded', withAbsoluteUrls(e.notes_html, publicUrl));
  // Fixed at creation: renaming the episode or changing its slug never makes apps list it twice.
  add(item, 'guid', e.guid, { isPermaLink: 'false' });
  if (e.published_at) add(item, 'pubDate', rfc822(e.published_at));
  const url = publicUrl + mediaUrl(audio.path);
  add(item, 'enclosure', undefined, { url, length: String(audio.bytes), type: audio.mime });
  add(item, 'itunes:title', e.title);
  add(item, 'itunes:episodeType', 'full');
  if (e.episode_number !== null) add(item, 'itunes:episode', String(e.episode_number));
  if (e.season !== null) add(item, 'itunes:season', String(e.season));
  if (audio.duration_seconds !== null) add(item, 'itunes:duration', String(audio.duration_seconds));
  add(item, 'itunes:explicit', String(e.explicit === 1));
  add(item, 'itunes:summary', description);
  if (e.transcript) {
    const transcriptUrl = publicUrl + paths.episodeTranscript(lang, e.slug);
    add(item, 'podcast:transcript', undefined, { url: transcriptUrl, type: 'text/plain', language: lang });
  }
  for (const person of detail.guestIds.flatMap((id) => catalog.personById.get(id) ?? [])) {
    const href = publicUrl + paths.expert(lang, person);
    add(item, 'podcast:person', inLang(person, 'name', lang), { role: 'guest', href });
  }
  for (const topic of detail.topicIds.flatMap((id) => catalog.topicById.get(id) ?? [])) {
    add(item, 'category', inLang(topic, 'name', lang));
  }
}

/** RFC 822 date-time as RSS 2.0 wants it ("Tue, 03 Nov 2026 09:00:00 GMT"). */
function rfc822(iso: string): string {
  return new Date(iso).toUTCString();
}
