import type { Kysely } from 'kysely';
import type { Paged } from '../content/publication-queries.js';
import type { Database, Lang, Media, PodcastEpisode } from '../db/schema.js';

/**
 * Reading published podcast episodes for the public pages and the feed. An episode is
 * public once its status is 'published'; drafts are never returned here.
 */

/** One episode in the show's list. */
export interface EpisodeSummary {
  id: number;
  slug: string;
  title: string;
  summary: string;
  publishedAt: string;
  episodeNumber: number | null;
  season: number | null;
  durationSeconds: number | null;
}

/** An episode with everything its page and its feed item show. */
export interface EpisodeDetail {
  episode: PodcastEpisode;
  audio: Media | undefined;
  guestIds: number[];
  topicIds: number[];
}

/** The published episodes of one language, newest first. */
function published(db: Kysely<Database>, lang: Lang) {
  return db
    .selectFrom('podcast_episodes as e')
    .where('e.lang', '=', lang)
    .where('e.status', '=', 'published')
    .where('e.published_at', 'is not', null);
}

/** One page of the show's episodes in a language. */
export async function listEpisodes(
  db: Kysely<Database>,
  lang: Lang,
  page: number,
  perPage: number,
): Promise<Paged<EpisodeSummary>> {
  const [rows, count] = await Promise.all([
    published(db, lang)
      .leftJoin('media as m', 'm.id', 'e.audio_media_id')
      .select([
        'e.id',
        'e.slug',
        'e.title',
        'e.summary',
        'e.published_at',
        'e.episode_number',
        'e.season',
        'm.duration_seconds',
      ])
      .orderBy('e.published_at', 'desc')
      .orderBy('e.id', 'desc')
      .limit(perPage)
      .offset((page - 1) * perPage)
      .execute(),
    published(db, lang)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      title: r.title,
      summary: r.summary,
      publishedAt: r.published_at ?? '',
      episodeNumber: r.episode_number,
      season: r.season,
      durationSeconds: r.duration_seconds,
    })),
    // countAll is a number on SQLite and a string on PostgreSQL.
    total: Number(count.n),
    page,
    perPage,
  };
}

/** A published episode by its slug in a language. */
export async function findEpisode(db: Kysely<Database>, lang: Lang, slug: string): Promise<EpisodeDetail | undefined> {
  const episode = await published(db, lang).selectAll('e').where('e.slug', '=', slug).executeTakeFirst();
  if (!episode) return undefined;
  const [detail] = await withDetails(db, [episode]);
  return detail;
}

/** The newest published episodes of a language with their audio, guests and topics, for the feed. */
export async function feedEpisodes(db: Kysely<Database>, lang: Lang, limit: number): Promise<EpisodeDetail[]> {
  const episodes = await published(db, lang)
    .selectAll('e')
    .orderBy('e.published_at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(limit)
    .execute();
  return withDetails(db, episodes);
}

/** Adds the audio file, guests and topics to each episode, with one query per kind. */
async function withDetails(db: Kysely<Database>, episodes: PodcastEpisode[]): Promise<EpisodeDetail[]> {
  if (episodes.length === 0) return [];
  const ids = episodes.map((e) => e.id);
  const mediaIds = episodes.flatMap((e) => (e.audio_media_id === null ? [] : [e.audio_media_id]));
  const [media, guests, topics] = await Promise.all([
    mediaIds.length ? db.selectFrom('media').selectAll().where('id', 'in', mediaIds).execute() : [],
    db
      .selectFrom('episode_guests')
      .select(['episode_id', 'person_id'])
      .where('episode_id', 'in', ids)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('episode_topics')
      .select(['episode_id', 'topic_id'])
      .where('episode_id', 'in', ids)
      .orderBy('position')
      .execute(),
  ]);
  const mediaById = new Map(media.map((m) => [m.id, m]));
  return episodes.map((episode) => ({
    episode,
    audio: episode.audio_media_id === null ? undefined : mediaById.get(episode.audio_media_id),
    guestIds: guests.filter((g) => g.episode_id === episode.id).map((g) => g.person_id),
    topicIds: topics.filter((t) => t.episode_id === episode.id).map((t) => t.topic_id),
  }));
}
