import type { Lang, Person, PublicationType, Topic } from '../db/schema.js';
import { inLang } from '../content/bilingual.js';

/** The feed formats, and the file name each is served under. */
export const FEED_FILES = { rss: 'feed.xml', atom: 'feed.atom', json: 'feed.json' } as const;
export type FeedFormat = keyof typeof FEED_FILES;
export const FEED_FORMATS = Object.keys(FEED_FILES) as FeedFormat[];

/** Every public URL is built here, so routes and links cannot drift apart. */
export const paths = {
  home: (lang: Lang) => `/${lang}/`,
  publication: (lang: Lang, slug: string) => `/${lang}/publications/${encodeURIComponent(slug)}`,
  /** A publication's reference as a BibTeX, RIS or CSL-JSON download. */
  citation: (lang: Lang, slug: string, extension: 'bib' | 'ris' | 'json') =>
    `/${lang}/publications/${encodeURIComponent(slug)}/cite.${extension}`,
  type: (lang: Lang, type: Pick<PublicationType, 'slug'>) => `/${lang}/types/${encodeURIComponent(type.slug)}`,
  topics: (lang: Lang) => `/${lang}/topics`,
  topic: (lang: Lang, topic: Pick<Topic, 'slug_en' | 'slug_he'>) =>
    `/${lang}/topics/${encodeURIComponent(inLang(topic, 'slug', lang))}`,
  experts: (lang: Lang) => `/${lang}/experts`,
  expert: (lang: Lang, person: Pick<Person, 'slug'>) => `/${lang}/experts/${encodeURIComponent(person.slug)}`,
  archive: (lang: Lang) => `/${lang}/archive`,
  year: (lang: Lang, year: number) => `/${lang}/archive/${year}`,
  /** Upcoming events; `past` and `cancel` are therefore not usable as event slugs. */
  events: (lang: Lang) => `/${lang}/events`,
  pastEvents: (lang: Lang) => `/${lang}/events/past`,
  event: (lang: Lang, slug: string) => `/${lang}/events/${encodeURIComponent(slug)}`,
  eventRegistration: (lang: Lang, slug: string) => `/${lang}/events/${encodeURIComponent(slug)}/register`,
  /** One event as an iCalendar file. */
  eventIcs: (lang: Lang, slug: string) => `/${lang}/events/${encodeURIComponent(slug)}/event.ics`,
  /** Every published event of a language, as an iCalendar to subscribe to. */
  eventsCalendar: (lang: Lang) => `/${lang}/events.ics`,
  /** Cancellation link target; the signed token is in `?token=`. */
  cancelRegistration: (lang: Lang) => `/${lang}/events/cancel`,
  /**
   * A feed sits beside the page it follows: `/en/topics/iran` → `/en/topics/iran/feed.atom`,
   * `/en/` → `/en/feed.xml`, and `/` → `/feed.xml` (both languages).
   */
  feed: (pagePath: string, format: FeedFormat) => `${pagePath.replace(/\/$/, '')}/${FEED_FILES[format]}`,
  search: (lang: Lang) => `/${lang}/search`,
  /** The podcast's show page; its RSS feed is `paths.feed(paths.podcast(lang), 'rss')`. */
  podcast: (lang: Lang) => `/${lang}/podcast`,
  episode: (lang: Lang, slug: string) => `/${lang}/podcast/${encodeURIComponent(slug)}`,
  episodeTranscript: (lang: Lang, slug: string) => `/${lang}/podcast/${encodeURIComponent(slug)}/transcript.txt`,
  page: (lang: Lang, slug: string) => `/${lang}/${encodeURIComponent(slug)}`,
  media: (path: string) => `/media/${path.split('/').map(encodeURIComponent).join('/')}`,
  /** The media section (press releases, in the media, videos); `media` above is for stored files. */
  mediaSection: (lang: Lang) => `/${lang}/media`,
  inTheMedia: (lang: Lang) => `/${lang}/media/in-the-media`,
  videos: (lang: Lang) => `/${lang}/media/videos`,
  video: (lang: Lang, id: number) => `/${lang}/media/videos/${id}`,
  robots: () => '/robots.txt',
  sitemapIndex: () => '/sitemap.xml',
  /** One numbered child of the sitemap index, from 1. */
  sitemap: (n: number) => `/sitemaps/${n}.xml`,
};

/** Adds `?page=N` for pages after the first. */
export function withPage(path: string, page: number): string {
  return page > 1 ? `${path}?page=${page}` : path;
}

/** The same path in both languages (for pages that exist in both). */
function bothLanguages(build: (lang: Lang) => string): Partial<Record<Lang, string>> {
  return { en: build('en'), he: build('he') };
}

/** `path` and `alternates` of a page that exists at the same place in both languages. */
export function inBothLanguages(lang: Lang, build: (lang: Lang) => string) {
  return { path: build(lang), alternates: bothLanguages(build) };
}
