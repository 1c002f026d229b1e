import type { Kysely } from 'kysely';
import { LANGUAGES, type Database } from '../db/schema.js';
import { paths } from '../site/paths.js';
import type { SitemapEntry } from './sitemap-entries.js';

/** The same page in both languages, each naming the other. */
function pair(build: (lang: (typeof LANGUAGES)[number]) => string, lastmod?: string): SitemapEntry[] {
  const alternates = Object.fromEntries(LANGUAGES.map((lang) => [lang, build(lang)]));
  return LANGUAGES.map((lang) => ({ path: build(lang), alternates, ...(lastmod ? { lastmod } : {}) }));
}

/**
 * The events, podcast and media sections: their index pages and every published event,
 * episode and video. Hundreds at most, so they are read whole and join the fixed part of
 * the sitemap.
 */
export async function programmeEntries(db: Kysely<Database>): Promise<SitemapEntry[]> {
  const [events, episodes, videos] = await Promise.all([
    db
      .selectFrom('events')
      .select(['slug_en', 'slug_he', 'updated_at'])
      .where('status', '=', 'published')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('podcast_episodes')
      .select(['lang', 'slug', 'updated_at'])
      .where('status', '=', 'published')
      .orderBy('id')
      .execute(),
    db.selectFrom('videos').select(['id']).where('status', '=', 'published').orderBy('id').execute(),
  ]);
  return [
    ...pair(paths.events),
    ...pair(paths.pastEvents),
    ...pair(paths.podcast),
    ...pair(paths.mediaSection),
    ...pair(paths.inTheMedia),
    ...pair(paths.videos),
    ...events.flatMap((e) => pair((lang) => paths.event(lang, lang === 'he' ? e.slug_he : e.slug_en), e.updated_at)),
    ...episodes.map((e) => {
      const path = paths.episode(e.lang, e.slug);
      return { path, lastmod: e.updated_at, alternates: { [e.lang]: path } };
    }),
    ...videos.flatMap((v) => pair((lang) => paths.video(lang, v.id))),
  ];
}
