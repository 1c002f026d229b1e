import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Transaction } from 'kysely';
import sharp from 'sharp';
import { renderRichText } from '../content/rich-text.js';
import type { Db } from '../db/create-db.js';
import type { Database, MediaKind } from '../db/schema.js';
import { audioDurationSeconds } from '../media/audio-duration.js';
import { ARTWORK_MIN } from '../podcast/podcast-settings.js';
import { blocksToRichText } from './blocks-to-rich-text.js';
import { makeWav } from './demo-files.js';
import { demoEpisodes, demoShowDescription, type DemoEpisode } from './demo/demo-podcast-episodes.js';

interface DemoMediaFile {
  kind: MediaKind;
  /** Path under DATA_DIR/media. */
  path: string;
  mime: string;
  data: Buffer;
  width?: number;
  height?: number;
  durationSeconds?: number | null;
  alt?: { en: string; he: string };
}

/** Writes a file under DATA_DIR/media and records it in the library. */
async function addDemoMedia(trx: Transaction<Database>, mediaDir: string, file: DemoMediaFile): Promise<number> {
  const target = join(mediaDir, ...file.path.split('/'));
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, file.data);
  const { id } = await trx
    .insertInto('media')
    .values({
      kind: file.kind,
      path: file.path,
      mime: file.mime,
      bytes: file.data.length,
      width: file.width ?? null,
      height: file.height ?? null,
      duration_seconds: file.durationSeconds ?? null,
      alt_en: file.alt?.en ?? '',
      alt_he: file.alt?.he ?? '',
      created_at: new Date().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/**
 * Square show artwork at the smallest size podcast apps accept: sound-wave bars in the
 * site's accent colour, drawn from shapes only (no text, so no fonts are needed).
 */
async function makeArtwork(): Promise<Buffer> {
  const size = ARTWORK_MIN;
  const heights = [240, 420, 620, 820, 980, 820, 620, 420, 240];
  const bars = heights
    .map((h, i) => `<rect x="${250 + i * 100}" y="${(size - h) / 2}" width="60" height="${h}" rx="30" fill="#ffffff"/>`)
    .join('');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}">` +
    `<rect width="100%" height="100%" fill="#0b4f7c"/>` +
    `<circle cx="700" cy="700" r="620" fill="none" stroke="#ffffff" stroke-opacity="0.3" stroke-width="24"/>` +
    `${bars}</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

async function insertEpisode(
  trx: Transaction<Database>,
  mediaDir: string,
  ep: DemoEpisode,
  ids: { people: Map<string, number>; topics: Map<string, number> },
) {
  const audio = makeWav(ep.seconds, ep.frequency);
  const audioMediaId = await addDemoMedia(trx, mediaDir, {
    kind: 'audio',
    path: `demo/podcast-${ep.lang}-${ep.season}-${ep.number}.wav`,
    mime: 'audio/wav',
    data: audio,
    durationSeconds: await audioDurationSeconds(audio, 'audio/wav'),
  });
  const notes = blocksToRichText(ep.notes);
  const at = new Date(`${ep.date}T06:00:00Z`).toISOString();
  const { id } = await trx
    .insertInto('podcast_episodes')
    .values({
      lang: ep.lang,
      slug: ep.slug,
      title: ep.title,
      summary: ep.summary,
      notes_json: JSON.stringify(notes),
      notes_html: renderRichText(notes, ep.lang),
      transcript: ep.transcript,
      audio_media_id: audioMediaId,
      episode_number: ep.number,
      season: ep.season,
      explicit: 0,
      guid: randomUUID(),
      status: 'published',
      published_at: at,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const need = (map: Map<string, number>, key: string) => {
    const found = map.get(key);
    if (found === undefined) throw new Error(`Demo episode "${ep.slug}" names unknown "${key}"`);
    return found;
  };
  await trx
    .insertInto('episode_guests')
    .values(ep.guests.map((slug, position) => ({ episode_id: id, person_id: need(ids.people, slug), position })))
    .execute();
  await trx
    .insertInto('episode_topics')
    .values(ep.topics.map((slug, position) => ({ episode_id: id, topic_id: need(ids.topics, slug), position })))
    .execute();
}

/**
 * Seeds the demo podcast: the show's settings and artwork, and three published episodes
 * with generated audio, show notes, transcripts, guests and topics. Runs after the demo
 * people and topics exist; the caller announces the content change.
 */
export async function seedDemoPodcast(db: Db, mediaDir: string): Promise<void> {
  const artwork = await makeArtwork();
  await db.kysely.transaction().execute(async (trx) => {
    const artworkId = await addDemoMedia(trx, mediaDir, {
      kind: 'image',
      path: 'demo/podcast-artwork.jpg',
      mime: 'image/jpeg',
      data: artwork,
      width: ARTWORK_MIN,
      height: ARTWORK_MIN,
      alt: { en: 'Podcast artwork: sound-wave bars', he: 'עטיפת הפודקאסט: גלי קול' },
    });
    await trx
      .insertInto('settings')
      .values([
        { key: 'podcast.description.en', value: demoShowDescription.en },
        { key: 'podcast.description.he', value: demoShowDescription.he },
        { key: 'podcast.category', value: 'News/Politics' },
        { key: 'podcast.artwork_media_id', value: String(artworkId) },
      ])
      .execute();
    const [people, topics] = await Promise.all([
      trx.selectFrom('people').select(['id', 'slug']).execute(),
      trx.selectFrom('topics').select(['id', 'slug_en']).execute(),
    ]);
    const ids = {
      people: new Map(people.map((p) => [p.slug, p.id])),
      topics: new Map(topics.map((t) => [t.slug_en, t.id])),
    };
    for (const ep of demoEpisodes) await insertEpisode(trx, mediaDir, ep, ids);
  });
}
