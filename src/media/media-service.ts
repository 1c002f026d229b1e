import { sql, type Kysely } from 'kysely';
import type { Db } from '../db/create-db.js';
import { containsPattern } from '../db/like.js';
import type { Database, Media, MediaKind, MediaVariant } from '../db/schema.js';
import { audioDurationSeconds } from './audio-duration.js';
import { mediaFilePaths } from './image-sources.js';
import { processImage } from './image-variants.js';
import { MediaError } from './media-errors.js';
import { newMediaStem, type MediaStore } from './media-store.js';
import { sniffUpload } from './sniff.js';

/**
 * The media library: saving uploads (typed by content, images turned into responsive
 * variants), listing them, and deleting those nothing uses. Files go through a MediaStore;
 * this module never touches the file system itself.
 */

export { mediaFilePaths, mediaUrl, parseVariants, toImageSources } from './image-sources.js';
export { audioDurationSeconds, wavDurationSeconds } from './audio-duration.js';

export interface SaveUploadInput {
  buffer: Buffer;
  /** The name the file had on the uploader's computer: kept for display only, never used in paths. */
  originalName: string;
  altEn?: string;
  altHe?: string;
  now?: Date;
}

interface StoredFile {
  path: string;
  mime: string;
  data: Buffer;
}

/**
 * Checks, processes and stores an upload, then records it. Throws MediaError for anything
 * refused. Either everything is saved or nothing is: files written before a failure are
 * deleted again.
 */
export async function saveUpload(db: Db, store: MediaStore, input: SaveUploadInput): Promise<Media> {
  const sniffed = await sniffUpload(input.buffer, input.originalName);
  const now = input.now ?? new Date();
  const stem = newMediaStem(now);
  const fileName = (variant: string, ext: string) => `${stem}-${variant}.${ext}`;

  let main: StoredFile & { width: number | null; height: number | null };
  const variants: MediaVariant[] = [];
  let durationSeconds: number | null = null;
  const files = new Map<string, StoredFile>();

  if (sniffed.kind === 'image') {
    const image = await processImage(input.buffer);
    for (const v of image.variants) {
      const path = fileName(v.label, v.ext);
      files.set(path, { path, mime: v.mime, data: v.data });
      variants.push({ path, mime: v.mime, width: v.width, height: v.height });
    }
    const path = fileName(image.main.label, image.main.ext);
    main = { path, mime: image.main.mime, data: image.main.data, width: image.width, height: image.height };
  } else {
    // PDFs, audio and video are kept byte for byte; the site serves them with nosniff and a sandbox CSP.
    main = {
      path: fileName('original', sniffed.ext),
      mime: sniffed.mime,
      data: input.buffer,
      width: null,
      height: null,
    };
    if (sniffed.kind === 'audio' || sniffed.kind === 'video') {
      durationSeconds = await audioDurationSeconds(input.buffer, sniffed.mime);
    }
  }
  files.set(main.path, main);

  const written = [...files.values()];
  await putAll(store, written);
  try {
    return await db.kysely
      .insertInto('media')
      .values({
        kind: sniffed.kind,
        path: main.path,
        mime: main.mime,
        bytes: main.data.length,
        width: main.width,
        height: main.height,
        duration_seconds: durationSeconds,
        alt_en: cleanText(input.altEn ?? ''),
        alt_he: cleanText(input.altHe ?? ''),
        created_at: now.toISOString(),
        variants_json: JSON.stringify(variants),
        original_name: cleanOriginalName(input.originalName),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  } catch (err) {
    await deleteQuietly(
      store,
      written.map((f) => f.path),
    );
    throw err;
  }
}

/** Writes every file; if any write fails, removes all of them and rethrows the first failure. */
async function putAll(store: MediaStore, files: StoredFile[]): Promise<void> {
  const results = await Promise.allSettled(files.map((f) => store.put(f.path, f.data, f.mime)));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (!failed) return;
  await deleteQuietly(
    store,
    files.map((f) => f.path),
  );
  throw failed.reason;
}

/** Deletes the paths, returning those that could not be deleted. */
async function deleteQuietly(store: MediaStore, paths: string[]): Promise<string[]> {
  const results = await Promise.allSettled(paths.map((p) => store.delete(p)));
  return paths.filter((_, i) => results[i]?.status === 'rejected');
}

/**
 * Bidirectional formatting characters: they can make "gpj.exe" display as "exe.jpg".
 * Removed along with control characters.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Trimmed, without control or bidi-override characters. */
function cleanText(text: string): string {
  return text.replace(UNSAFE_CHARS, '').trim();
}

/** The uploaded name as shown in the library: cleaned and at most 200 characters. */
export function cleanOriginalName(name: string): string {
  return Array.from(cleanText(name)).slice(0, 200).join('').trim();
}

/** Where a media file is used; empty lists mean it is free to delete. */
export interface MediaUses {
  publications: { id: number; title: string }[];
  pages: { id: number; title: string }[];
  people: { id: number; name: string }[];
  /** Podcast episodes (audio), events (recording) and videos (file or poster). */
  programmes: { id: number; title: string }[];
}

/** The part of a media path shared by all its files (`YYYY/MM/<hex>`), or the whole path for older files. */
function pathStem(path: string): string {
  return /^(\d{4}\/\d{2}\/[0-9a-f]{16})-/.exec(path)?.[1] ?? path;
}

/**
 * Publications (cover, PDF, audio or body), pages (body) and people (photo) using the
 * media. A body uses it when it has `"mediaId":<id>` or mentions one of its file paths.
 */
export async function findMediaUses(
  kysely: Kysely<Database>,
  media: Pick<Media, 'id' | 'path' | 'variants_json'>,
): Promise<MediaUses> {
  const { id } = media;
  const stem = pathStem(media.path);
  const idPattern = new RegExp(`"mediaId":"?${id}(?![0-9])`);
  const inBody = (body: string) => idPattern.test(body) || body.includes(stem);
  const bodyLikes = [`%"mediaId":${id}%`, `%"mediaId":"${id}"%`, `%${stem}%`];

  const publications = await kysely
    .selectFrom('publications')
    .select(['id', 'title', 'body_json', 'cover_media_id', 'pdf_media_id', 'audio_media_id'])
    .where((eb) =>
      eb.or([
        eb('cover_media_id', '=', id),
        eb('pdf_media_id', '=', id),
        eb('audio_media_id', '=', id),
        ...bodyLikes.map((p) => eb('body_json', 'like', p)),
      ]),
    )
    .orderBy('id')
    .execute();
  const pages = await kysely
    .selectFrom('pages')
    .select(['id', 'title', 'body_json'])
    .where((eb) => eb.or(bodyLikes.map((p) => eb('body_json', 'like', p))))
    .orderBy('id')
    .execute();
  const people = await kysely
    .selectFrom('people')
    .select(['id', 'name_en'])
    .where('photo_media_id', '=', id)
    .orderBy('id')
    .execute();

  const programmes = [
    ...(await kysely.selectFrom('podcast_episodes').select(['id', 'title']).where('audio_media_id', '=', id).execute()),
    ...(await kysely
      .selectFrom('events')
      .select(['id', 'title_en as title'])
      .where('recording_media_id', '=', id)
      .execute()),
    ...(await kysely
      .selectFrom('videos')
      .select(['id', 'title_en as title'])
      .where((eb) => eb.or([eb('video_media_id', '=', id), eb('poster_media_id', '=', id)]))
      .execute()),
  ];

  return {
    programmes,
    publications: publications
      .filter((p) => p.cover_media_id === id || p.pdf_media_id === id || p.audio_media_id === id || inBody(p.body_json))
      .map((p) => ({ id: p.id, title: p.title })),
    pages: pages.filter((p) => inBody(p.body_json)).map((p) => ({ id: p.id, title: p.title })),
    people: people.map((p) => ({ id: p.id, name: p.name_en })),
  };
}

export interface DeleteMediaResult {
  media: Media;
  /** Files the store failed to remove (the record is gone regardless); normally empty. */
  filesNotRemoved: string[];
}

/**
 * Deletes a media record and its files. Refuses (MediaError `in_use`) while anything uses
 * it, and `not_found` when there is no such record.
 */
export async function deleteMedia(db: Db, store: MediaStore, id: number): Promise<DeleteMediaResult> {
  const media = await db.kysely.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new MediaError('not_found', { id });
    const uses = await findMediaUses(trx, row);
    if (uses.publications.length + uses.pages.length + uses.people.length + uses.programmes.length > 0) {
      throw new MediaError('in_use', {
        publications: [...new Set(uses.publications.map((p) => p.title))],
        pages: [...new Set(uses.pages.map((p) => p.title))],
        people: uses.people.map((p) => p.name),
        programmes: uses.programmes.map((p) => p.title),
      });
    }
    await trx.deleteFrom('media').where('id', '=', id).execute();
    return row;
  });
  // After the commit: a failed file removal leaves an unused file, never a record without files.
  const filesNotRemoved = await deleteQuietly(store, mediaFilePaths(media));
  return { media, filesNotRemoved };
}

export const MEDIA_PAGE_SIZE = 40;

export interface ListMediaOptions {
  kind?: MediaKind;
  /** Matches the uploaded name or either alt text (case-insensitive for Latin letters). */
  q?: string;
  /** 1-based. */
  page?: number;
}

export interface MediaPage {
  items: Media[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

/** One page of the library, newest first. */
export async function listMedia(db: Db, options: ListMediaOptions = {}): Promise<MediaPage> {
  const page = Math.max(1, Math.floor(options.page ?? 1) || 1);
  const kind = options.kind;
  const q = cleanText(options.q ?? '');
  const pattern = containsPattern(q);
  const like = sql.raw(db.engine === 'postgres' ? 'ilike' : 'like');
  const base = db.kysely
    .selectFrom('media')
    .$if(kind !== undefined, (qb) => qb.where('kind', '=', kind as MediaKind))
    .$if(q !== '', (qb) =>
      qb.where((eb) =>
        eb.or(
          (['original_name', 'alt_en', 'alt_he'] as const).map(
            (col) => sql<boolean>`${sql.ref(col)} ${like} ${pattern} escape '\\'`,
          ),
        ),
      ),
    );
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const items = await base
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(MEDIA_PAGE_SIZE)
    .offset((page - 1) * MEDIA_PAGE_SIZE)
    .execute();
  const count = Number(total);
  return {
    items,
    total: count,
    page,
    pageSize: MEDIA_PAGE_SIZE,
    pageCount: Math.max(1, Math.ceil(count / MEDIA_PAGE_SIZE)),
  };
}
