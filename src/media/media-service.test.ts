import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { crc32, deflateSync } from 'node:zlib';
import pg from 'pg';
import sharp from 'sharp';
import { createDb, type Db, type Engine } from '../db/create-db.js';
import { migrateToLatest } from '../db/migrate.js';
import type { Media } from '../db/schema.js';
import { makePdf, makeWav } from '../seed/demo-files.js';
import { makeMp3, makeOggOpus } from '../../test/support/make-audio.js';
import { makeMp4, makeWebm } from '../../test/support/make-video.js';
import { MediaError, mediaErrorMessage, type MediaErrorCode } from './media-errors.js';
import {
  audioDurationSeconds,
  deleteMedia,
  listMedia,
  mediaFilePaths,
  mediaUrl,
  parseVariants,
  saveUpload,
  toImageSources,
  wavDurationSeconds,
} from './media-service.js';
import { LocalMediaStore, type MediaStore } from './media-store.js';

/** PostgreSQL for the same tests when reachable (as in test/support/test-db.ts); required under CI=true. */
const PG_URL = process.env.DOSSIER_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
async function postgresSkip(): Promise<string | false> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return false;
  } catch {
    if (process.env.CI === 'true')
      throw new Error(`PostgreSQL is required under CI=true but ${PG_URL} is not reachable`);
    return `PostgreSQL not reachable at ${PG_URL}`;
  }
}
const engines: { engine: Engine; skip: string | false }[] = [
  { engine: 'sqlite', skip: false },
  { engine: 'postgres', skip: await postgresSkip() },
];

// Set up afresh by each engine's suite (suites run one after the other).
let dataDir: string;
let db: Db;
let store: LocalMediaStore;

const onDisk = (path: string) => join(dataDir, 'media', ...path.split('/'));

/** Every file under the media folder, relative, sorted. */
function allFiles(): string[] {
  const root = join(dataDir, 'media');
  if (!existsSync(root)) return [];
  return (readdirSync(root, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(root.length + 1))
    .sort();
}

async function countRows(): Promise<number> {
  const { n } = await db.kysely
    .selectFrom('media')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

async function refused<C extends MediaErrorCode>(promise: Promise<unknown>, code: C): Promise<MediaError<C>> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof MediaError, `expected a MediaError, got ${String(err)}`);
    assert.equal(err.code, code, err.message);
    return err as MediaError<C>;
  }
  assert.fail('was accepted');
}

/**
 * A photo-like JPEG, 2000×1000 as stored, left half red and right half blue, with camera
 * EXIF (make, GPS position) and orientation 6: upright it is 1000×2000, red on top.
 */
async function gpsJpeg(): Promise<Buffer> {
  const half = (background: string) =>
    sharp({ create: { width: 1000, height: 1000, channels: 3, background } })
      .png()
      .toBuffer();
  const tagged = await sharp({ create: { width: 2000, height: 1000, channels: 3, background: '#000' } })
    .composite([
      { input: await half('#d01010'), left: 0, top: 0 },
      { input: await half('#1010d0'), left: 1000, top: 0 },
    ])
    .withExif({
      IFD0: { Make: 'SecretCam' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '31/1 46/1 0/1', GPSMapDatum: 'WGS-84' },
    })
    .jpeg()
    .toBuffer();
  return sharp(tagged).withMetadata({ orientation: 6 }).jpeg().toBuffer();
}

/** A PNG "bomb": a tiny file that claims 10000×10000 pixels (100 megapixels) of real, all-zero data. */
function pixelBombPng(size = 10_000): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // greyscale
  const rows = deflateSync(Buffer.alloc((1 + size / 8) * size), { level: 9 });
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', rows),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function addPublication(values: { title: string; cover?: number; body?: unknown }): Promise<number> {
  const type =
    (await db.kysely.selectFrom('publication_types').select('id').executeTakeFirst()) ??
    (await db.kysely
      .insertInto('publication_types')
      .values({
        slug: 'report',
        name_en: 'Report',
        name_he: 'דוח',
        plural_en: 'Reports',
        plural_he: 'דוחות',
        numbered: 0,
        has_volumes: 0,
        has_pdf: 1,
        position: 0,
      })
      .returning('id')
      .executeTakeFirstOrThrow());
  const now = new Date().toISOString();
  const slug = `p-${Math.random().toString(36).slice(2)}`;
  const { id } = await db.kysely
    .insertInto('publications')
    .values({
      type_id: type.id,
      translation_group: slug,
      lang: 'en',
      series_number: null,
      volume: null,
      issue: null,
      title: values.title,
      slug,
      summary: '',
      body_json: JSON.stringify(values.body ?? { type: 'doc', content: [] }),
      body_html: '',
      body_text: '',
      seo_description: '',
      status: 'draft',
      featured: 0,
      published_at: null,
      updated_at: now,
      created_at: now,
      cover_media_id: values.cover ?? null,
      pdf_media_id: null,
      audio_media_id: null,
      owner_user_id: null,
      publish_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

for (const { engine, skip } of engines) {
  describe(`media library (${engine})`, { skip }, () => {
    const schema = `test_media_${process.pid}_${Date.now().toString(36)}`;

    before(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'dossier-media-'));
      db = await createDb({
        databaseUrl: engine === 'postgres' ? PG_URL : undefined,
        dataDir,
        pgSchema: engine === 'postgres' ? schema : undefined,
      });
      await migrateToLatest(db);
      store = new LocalMediaStore(join(dataDir, 'media'));
    });

    after(async () => {
      await db.close();
      if (engine === 'postgres') {
        const client = new pg.Client({ connectionString: PG_URL });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await client.end();
      }
      rmSync(dataDir, { recursive: true, force: true });
    });

    let photo: Media;

    it('turns a JPEG into upright AVIF/WebP/JPEG variants with no EXIF or GPS left', async (t) => {
      const input = await gpsJpeg();
      const inMeta = await sharp(input).metadata();
      assert.equal(inMeta.orientation, 6);
      assert.ok(inMeta.exif?.includes('WGS-84') && inMeta.exif.includes('SecretCam'), 'the fixture carries GPS EXIF');

      const started = performance.now();
      photo = await saveUpload(db, store, {
        buffer: input,
        originalName: '  ../../etc/passwd\u202Egpj.exe\n',
        altEn: ' Red over blue ',
        altHe: 'אדום מעל כחול',
        now: new Date('2025-03-09T10:00:00Z'),
      });
      t.diagnostic(`2000×1000 JPEG → 9 files in ${Math.round(performance.now() - started)} ms`);

      assert.equal(photo.kind, 'image');
      assert.equal(photo.mime, 'image/jpeg');
      assert.equal(photo.width, 1000);
      assert.equal(photo.height, 2000);
      assert.equal(photo.alt_en, 'Red over blue');
      assert.equal(photo.alt_he, 'אדום מעל כחול');
      assert.equal(photo.original_name, '../../etc/passwdgpj.exe');
      assert.equal(photo.created_at, '2025-03-09T10:00:00.000Z');
      assert.match(photo.path, /^2025\/03\/[0-9a-f]{16}-1000\.jpg$/);

      const variants = parseVariants(photo);
      // Widths capped at the upright width: 1600 becomes 1000.
      assert.deepEqual(
        variants.map((v) => `${v.width}x${v.height} ${v.mime}`),
        ['480', '960', '1000'].flatMap((w) =>
          ['image/avif', 'image/webp', 'image/jpeg'].map((m) => `${w}x${Number(w) * 2} ${m}`),
        ),
      );
      const stem = photo.path.replace(/-1000\.jpg$/, '');
      assert.ok(variants.every((v) => v.path.startsWith(`${stem}-`)));
      assert.ok(
        variants.some((v) => v.path === photo.path),
        'the main file is the largest JPEG variant',
      );
      assert.deepEqual(allFiles(), mediaFilePaths(photo).sort());

      const decoder = { 'image/avif': 'heif', 'image/webp': 'webp', 'image/jpeg': 'jpeg' } as Record<string, string>;
      for (const v of variants) {
        const file = readFileSync(onDisk(v.path));
        const meta = await sharp(file).metadata();
        assert.equal(meta.format, decoder[v.mime], v.path);
        assert.equal(meta.width, v.width);
        assert.equal(meta.height, v.height);
        assert.equal(meta.exif, undefined, `${v.path} has no EXIF`);
        assert.equal(meta.xmp, undefined, `${v.path} has no XMP`);
        assert.equal(meta.orientation, undefined);
        assert.ok(!file.includes('WGS-84') && !file.includes('SecretCam'), `${v.path} has no camera data`);
        // Upright: the left (red) half of the stored image is now on top.
        const { data } = await sharp(file).removeAlpha().raw().toBuffer({ resolveWithObject: true });
        const at = (x: number, y: number) => [...data.subarray((y * v.width + x) * 3, (y * v.width + x) * 3 + 3)];
        const [r1, , b1] = at(v.width >> 1, v.height >> 3);
        const [r2, , b2] = at(v.width >> 1, v.height - (v.height >> 3));
        assert.ok(r1! > 150 && b1! < 80, `${v.path}: red on top`);
        assert.ok(b2! > 150 && r2! < 80, `${v.path}: blue below`);
      }
    });

    it('gives <picture> sources for an image, null for other kinds', () => {
      const sources = toImageSources(photo);
      assert.ok(sources);
      const stem = `/media/${photo.path.replace(/-1000\.jpg$/, '')}`;
      assert.deepEqual(sources, {
        src: `${stem}-1000.jpg`,
        width: 1000,
        height: 2000,
        srcset: `${stem}-480.jpg 480w, ${stem}-960.jpg 960w, ${stem}-1000.jpg 1000w`,
        sources: [
          { type: 'image/avif', srcset: `${stem}-480.avif 480w, ${stem}-960.avif 960w, ${stem}-1000.avif 1000w` },
          { type: 'image/webp', srcset: `${stem}-480.webp 480w, ${stem}-960.webp 960w, ${stem}-1000.webp 1000w` },
        ],
      });
      assert.equal(toImageSources({ ...photo, kind: 'pdf' }), null);
    });

    it('keeps transparency: a PNG fallback, and a full-size copy when wider than 1600', async (t) => {
      const input = await sharp({
        create: { width: 1800, height: 900, channels: 4, background: { r: 20, g: 120, b: 60, alpha: 0.4 } },
      })
        .png()
        .toBuffer();
      const started = performance.now();
      const media = await saveUpload(db, store, { buffer: input, originalName: 'logo.png' });
      t.diagnostic(`1800×900 PNG with alpha → 10 files in ${Math.round(performance.now() - started)} ms`);
      assert.equal(media.mime, 'image/png');
      assert.match(media.path, /-full\.png$/);
      assert.equal(media.width, 1800);
      assert.equal(media.height, 900);
      const variants = parseVariants(media);
      assert.deepEqual([...new Set(variants.map((v) => v.width))], [480, 960, 1600]);
      assert.deepEqual([...new Set(variants.map((v) => v.mime))], ['image/avif', 'image/webp', 'image/png']);
      for (const path of mediaFilePaths(media)) {
        const meta = await sharp(readFileSync(onDisk(path))).metadata();
        assert.equal(meta.hasAlpha, true, `${path} keeps its alpha channel`);
      }
      const main = await sharp(readFileSync(onDisk(media.path))).metadata();
      assert.equal(main.width, 1800);
      assert.equal(toImageSources(media)?.src.endsWith('-1600.png'), true);
    });

    it('makes a single width for a small image', async () => {
      const input = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#abc' } })
        .webp()
        .toBuffer();
      const media = await saveUpload(db, store, { buffer: input, originalName: 'x'.repeat(300) + '.webp' });
      assert.deepEqual(
        parseVariants(media).map((v) => `${v.width} ${v.mime}`),
        ['300 image/avif', '300 image/webp', '300 image/jpeg'],
      );
      assert.equal(media.original_name.length, 200);
      assert.match(media.path, /-300\.jpg$/);
    });

    it('stores a PDF and a WAV as they are, with the WAV’s duration', async () => {
      const pdfBytes = makePdf(['Annual report']);
      const pdf = await saveUpload(db, store, { buffer: pdfBytes, originalName: 'report.pdf' });
      assert.equal(pdf.kind, 'pdf');
      assert.equal(pdf.mime, 'application/pdf');
      assert.match(pdf.path, /^\d{4}\/\d{2}\/[0-9a-f]{16}-original\.pdf$/);
      assert.equal(pdf.bytes, pdfBytes.length);
      assert.deepEqual(readFileSync(onDisk(pdf.path)), pdfBytes);
      assert.equal(pdf.variants_json, '[]');
      assert.equal(pdf.width, null);

      const wavBytes = makeWav(3);
      const wav = await saveUpload(db, store, { buffer: wavBytes, originalName: 'tone.wav' });
      assert.equal(wav.kind, 'audio');
      assert.equal(wav.mime, 'audio/wav');
      assert.equal(wav.duration_seconds, 3);
      assert.match(wav.path, /-original\.wav$/);
      assert.deepEqual(readFileSync(onDisk(wav.path)), wavBytes);
      assert.equal(wavDurationSeconds(makeWav(12.4)), 12);
      assert.equal(wavDurationSeconds(Buffer.from('RIFF')), null);
    });

    it('refuses what it must, writing nothing', async () => {
      const filesBefore = allFiles();
      const rowsBefore = await countRows();

      await refused(
        saveUpload(db, store, { buffer: Buffer.from('<svg onload="alert(1)"/>'), originalName: 'a.svg' }),
        'svg',
      );
      await refused(
        saveUpload(db, store, { buffer: Buffer.from('<html><body>hi</body></html>'), originalName: 'photo.jpg' }),
        'unsupported_type',
      );
      const noise = Buffer.alloc(2048, 0);
      for (let i = 1; i < noise.length; i++) noise[i] = (i * 7919) % 251;
      await refused(saveUpload(db, store, { buffer: noise, originalName: 'report.pdf' }), 'unsupported_type');

      // Too large: refused from the size alone (this is a JPEG signature and zeros, which would not decode).
      const big = Buffer.alloc(21 * 1024 * 1024);
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]).copy(big);
      const puts: string[] = [];
      const watching: MediaStore = {
        put: (p, d, c) => (puts.push(p), store.put(p, d, c)),
        delete: (p) => store.delete(p),
      };
      const tooLarge = await refused(saveUpload(db, watching, { buffer: big, originalName: 'big.jpg' }), 'too_large');
      assert.equal(tooLarge.message, 'The file is 21 MB; images can be at most 20 MB.');
      assert.deepEqual(puts, []);

      const bomb = pixelBombPng();
      assert.ok(bomb.length < 100_000, `the bomb is small (${bomb.length} bytes)`);
      const started = performance.now();
      const pixels = await refused(
        saveUpload(db, store, { buffer: bomb, originalName: 'bomb.png' }),
        'too_many_pixels',
      );
      assert.ok(performance.now() - started < 1000, 'refused from the header, without decoding');
      assert.equal(
        pixels.message,
        'The image is 10000 × 10000 pixels (100 megapixels); images can be at most 50 megapixels.',
      );
      assert.match(mediaErrorMessage(pixels, 'he'), /10000 × 10000 פיקסלים \(100 מגה-פיקסל\)/);

      const broken = (
        await sharp({ create: { width: 64, height: 64, channels: 3, background: '#333' } })
          .png()
          .toBuffer()
      ).subarray(0, 60);
      await refused(saveUpload(db, store, { buffer: broken, originalName: 'broken.png' }), 'unreadable_image');

      assert.deepEqual(allFiles(), filesBefore);
      assert.equal(await countRows(), rowsBefore);
    });

    it('removes every file it wrote when storing fails part-way', async () => {
      const filesBefore = allFiles();
      const rowsBefore = await countRows();
      const failing: MediaStore = {
        put: (p, d, c) => (p.endsWith('-960.webp') ? Promise.reject(new Error('disk full')) : store.put(p, d, c)),
        delete: (p) => store.delete(p),
      };
      const input = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#888' } })
        .jpeg()
        .toBuffer();
      await assert.rejects(saveUpload(db, failing, { buffer: input, originalName: 'a.jpg' }), /disk full/);
      assert.deepEqual(allFiles(), filesBefore);
      assert.equal(await countRows(), rowsBefore);
    });

    it('lists the library newest first, by kind and by search', async () => {
      const all = await listMedia(db, {});
      assert.equal(all.total, 5);
      assert.equal(all.items.length, 5);
      assert.equal(all.pageSize, 40);
      assert.equal(all.pageCount, 1);
      const times = all.items.map((m) => m.created_at);
      assert.deepEqual(times, [...times].sort().reverse());
      assert.equal(all.items.at(-1)?.id, photo.id, 'the photo dated 2025-03 is the oldest');

      const images = await listMedia(db, { kind: 'image' });
      assert.equal(images.total, 3);
      assert.ok(images.items.every((m) => m.kind === 'image'));

      assert.deepEqual(
        (await listMedia(db, { q: 'REPORT' })).items.map((m) => m.original_name),
        ['report.pdf'],
      );
      assert.deepEqual(
        (await listMedia(db, { q: 'כחול' })).items.map((m) => m.id),
        [photo.id],
      );
      assert.equal((await listMedia(db, { q: '100%' })).total, 0, '% is literal');
      assert.equal((await listMedia(db, { q: 'tone', kind: 'pdf' })).total, 0);
      const page2 = await listMedia(db, { page: 2 });
      assert.deepEqual([page2.items.length, page2.total, page2.page], [0, 5, 2]);
    });

    it('refuses to delete media in use, and deletes it with its files once free', async () => {
      const pubId = await addPublication({ title: 'Water policy', cover: photo.id });
      const inUse = await refused(deleteMedia(db, store, photo.id), 'in_use');
      assert.deepEqual(inUse.params, { publications: ['Water policy'], pages: [], people: [], programmes: [] });
      assert.equal(
        inUse.message,
        'This file can’t be deleted because it is still in use (publications: “Water policy”). Remove it from there first.',
      );
      assert.match(
        mediaErrorMessage(inUse, 'he'),
        /לא ניתן למחוק את הקובץ כי הוא עדיין בשימוש \(פרסומים: „Water policy”\)/,
      );
      assert.ok(
        mediaFilePaths(photo).every((p) => existsSync(onDisk(p))),
        'files untouched',
      );

      // Used in a body (by id) is in use too; a different id that starts with the same digits is not.
      await db.kysely.updateTable('publications').set({ cover_media_id: null }).where('id', '=', pubId).execute();
      const image = (id: number) => ({ type: 'doc', content: [{ type: 'image', attrs: { mediaId: id, alt: '' } }] });
      const bodyPub = await addPublication({ title: 'Body user', body: image(photo.id) });
      await addPublication({ title: 'Other image', body: image(Number(`${photo.id}9`)) });
      const inBody = await refused(deleteMedia(db, store, photo.id), 'in_use');
      assert.deepEqual(inBody.params.publications, ['Body user']);
      await db.kysely.deleteFrom('publications').where('id', '=', bodyPub).execute();

      // A video's poster is in use as well.
      const now = new Date().toISOString();
      const video = await db.kysely
        .insertInto('videos')
        .values({
          title_en: 'Panel recording',
          title_he: 'הקלטת הפאנל',
          description_en: '',
          description_he: '',
          provider: 'youtube',
          external_id: 'aaaaaaaaaaa',
          poster_media_id: photo.id,
          recorded_on: '2026-01-01',
          status: 'draft',
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const asPoster = await refused(deleteMedia(db, store, photo.id), 'in_use');
      assert.deepEqual(asPoster.params.programmes, ['Panel recording']);
      assert.match(asPoster.message, /events, episodes and videos: “Panel recording”/);
      await db.kysely.deleteFrom('videos').where('id', '=', video.id).execute();

      const result = await deleteMedia(db, store, photo.id);
      assert.deepEqual(result.filesNotRemoved, []);
      assert.ok(
        mediaFilePaths(photo).every((p) => !existsSync(onDisk(p))),
        'files removed',
      );
      assert.equal(
        await db.kysely.selectFrom('media').select('id').where('id', '=', photo.id).executeTakeFirst(),
        undefined,
      );
      await refused(deleteMedia(db, store, photo.id), 'not_found');
    });

    it('reads the duration of MP3 and Ogg Opus uploads from the file', async () => {
      const mp3Bytes = makeMp3(7);
      const mp3 = await saveUpload(db, store, { buffer: mp3Bytes, originalName: 'interview.mp3' });
      assert.equal(mp3.kind, 'audio');
      assert.equal(mp3.mime, 'audio/mpeg');
      assert.equal(mp3.duration_seconds, 7);
      assert.equal(mp3.bytes, mp3Bytes.length);
      assert.match(mp3.path, /-original\.mp3$/);

      // 70 s spans 16 Ogg pages: the length is on the last one, past where a quick parse stops.
      const opus = await saveUpload(db, store, { buffer: makeOggOpus(70), originalName: 'talk.opus' });
      assert.equal(opus.mime, 'audio/ogg');
      assert.equal(opus.duration_seconds, 70);

      assert.equal(await audioDurationSeconds(makeWav(4), 'audio/wav'), 4);
      assert.equal(await audioDurationSeconds(makeMp3(3600), 'audio/mpeg'), 3600);
      assert.equal(await audioDurationSeconds(Buffer.from('ID3 but nothing else'), 'audio/mpeg'), null);
    });

    it('stores MP4 and WebM videos as they are, with their duration, served under /media/ like audio', async () => {
      const mp4Bytes = makeMp4(['vide', 'soun'], 95);
      const mp4 = await saveUpload(db, store, { buffer: mp4Bytes, originalName: 'panel.mp4' });
      assert.equal(mp4.kind, 'video');
      assert.equal(mp4.mime, 'video/mp4');
      assert.equal(mp4.duration_seconds, 95);
      assert.match(mp4.path, /^\d{4}\/\d{2}\/[0-9a-f]{16}-original\.mp4$/);
      assert.equal(mediaUrl(mp4.path), `/media/${mp4.path}`);
      assert.deepEqual(readFileSync(onDisk(mp4.path)), mp4Bytes);
      assert.deepEqual([mp4.variants_json, mp4.width, mp4.height], ['[]', null, null]);
      assert.equal(toImageSources(mp4), null);

      const webm = await saveUpload(db, store, { buffer: makeWebm(42), originalName: 'talk.webm' });
      assert.deepEqual([webm.kind, webm.mime, webm.duration_seconds], ['video', 'video/webm', 42]);
      assert.match(webm.path, /-original\.webm$/);

      // music-metadata measures an MP4 by its sound track: a silent one has no length.
      const silent = await saveUpload(db, store, { buffer: makeMp4(['vide'], 10), originalName: 'b-roll.mp4' });
      assert.equal(silent.duration_seconds, null);

      assert.deepEqual(
        (await listMedia(db, { kind: 'video' })).items.map((m) => m.original_name),
        ['b-roll.mp4', 'talk.webm', 'panel.mp4'],
      );
    });

    it('keeps stored paths inside the media folder', async () => {
      for (const bad of ['../x.jpg', '/etc/passwd', 'a/../../x', '.hidden', 'a\\b', '']) {
        await assert.rejects(store.put(bad, Buffer.from('x'), 'text/plain'), /Unsafe media path/, bad);
        await assert.rejects(store.delete(bad), /Unsafe media path/, bad);
      }
    });
  });
}
