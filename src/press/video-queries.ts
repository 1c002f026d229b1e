import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { Paged } from '../content/publication-queries.js';
import type { Database, Media, Video } from '../db/schema.js';

/** A video with the library files it shows: the poster image and, for `file` videos, the video. */
export interface VideoWithMedia {
  video: Video;
  poster: Media | undefined;
  file: Media | undefined;
}

type VideoQuery = SelectQueryBuilder<Database, 'videos', object>;

async function withMedia(db: Kysely<Database>, videos: Video[]): Promise<VideoWithMedia[]> {
  const ids = [...new Set(videos.flatMap((v) => [v.poster_media_id, v.video_media_id]))].filter(
    (id): id is number => id !== null,
  );
  const media = ids.length ? await db.selectFrom('media').selectAll().where('id', 'in', ids).execute() : [];
  const byId = new Map(media.map((m) => [m.id, m]));
  const lookup = (id: number | null) => (id === null ? undefined : byId.get(id));
  return videos.map((video) => ({
    video,
    poster: lookup(video.poster_media_id),
    file: lookup(video.video_media_id),
  }));
}

async function page(db: Kysely<Database>, base: VideoQuery, pageNumber: number, perPage: number) {
  const [rows, count] = await Promise.all([
    base
      .selectAll()
      .orderBy('recorded_on', 'desc')
      .orderBy('id', 'desc')
      .limit(perPage)
      .offset((pageNumber - 1) * perPage)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: await withMedia(db, rows), total: Number(count.n), page: pageNumber, perPage };
}

/** One page of published videos, most recently recorded first. */
export function listPublishedVideos(
  db: Kysely<Database>,
  pageNumber: number,
  perPage: number,
): Promise<Paged<VideoWithMedia>> {
  return page(db, db.selectFrom('videos').where('status', '=', 'published'), pageNumber, perPage);
}

/** One page of every video, drafts included (the admin list). */
export function listAllVideos(
  db: Kysely<Database>,
  pageNumber: number,
  perPage: number,
): Promise<Paged<VideoWithMedia>> {
  return page(db, db.selectFrom('videos'), pageNumber, perPage);
}

/** A published video by id, for its public page. */
export async function findPublishedVideo(db: Kysely<Database>, id: number): Promise<VideoWithMedia | undefined> {
  const row = await db
    .selectFrom('videos')
    .selectAll()
    .where('id', '=', id)
    .where('status', '=', 'published')
    .executeTakeFirst();
  return row ? (await withMedia(db, [row]))[0] : undefined;
}

/** Any video by id, drafts included. */
export function findVideo(db: Kysely<Database>, id: number): Promise<Video | undefined> {
  return db.selectFrom('videos').selectAll().where('id', '=', id).executeTakeFirst();
}
