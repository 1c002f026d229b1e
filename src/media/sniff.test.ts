import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import JSZip from 'jszip';
import sharp from 'sharp';
import { makePdf, makeWav } from '../seed/demo-files.js';
import { makeMp4, makeWebm } from '../../test/support/make-video.js';
import { MediaError, mediaErrorMessage, type MediaErrorCode } from './media-errors.js';
import { MAX_IMAGE_BYTES, MAX_UPLOAD_BYTES, sniffUpload } from './sniff.js';

/** Asserts that sniffing refuses the buffer with `code`, and returns the error. */
async function refused<C extends MediaErrorCode>(buffer: Buffer, name: string, code: C): Promise<MediaError<C>> {
  try {
    await sniffUpload(buffer, name);
  } catch (err) {
    assert.ok(err instanceof MediaError, `expected a MediaError, got ${String(err)}`);
    assert.equal(err.code, code, err.message);
    return err as MediaError<C>;
  }
  assert.fail(`${name} was accepted`);
}

describe('sniffUpload', () => {
  it('accepts images, PDFs, audio and video by their content', async () => {
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    const jpeg = await sharp(png).jpeg().toBuffer();
    const webp = await sharp(png).webp().toBuffer();
    const gif = await sharp(png).gif().toBuffer();
    const avif = await sharp(png).avif().toBuffer();
    const mp3 = Buffer.concat([Buffer.from([0xff, 0xfb, 0x90, 0x64]), Buffer.alloc(600)]);
    const opus = Buffer.concat([Buffer.from('OggS'), Buffer.alloc(24), Buffer.from('OpusHead'), Buffer.alloc(40)]);

    const cases: [Buffer, string, string, string, string][] = [
      [jpeg, 'photo.png', 'image', 'image/jpeg', 'jpg'],
      [png, 'chart', 'image', 'image/png', 'png'],
      [webp, 'a.webp', 'image', 'image/webp', 'webp'],
      [gif, 'a.gif', 'image', 'image/gif', 'gif'],
      [avif, 'a.avif', 'image', 'image/avif', 'avif'],
      [makePdf(['Hello']), 'report.doc', 'pdf', 'application/pdf', 'pdf'],
      [makeWav(1), 'tone.wav', 'audio', 'audio/wav', 'wav'],
      [mp3, 'talk.mp3', 'audio', 'audio/mpeg', 'mp3'],
      [makeMp4(['soun'], 1, 'M4A '), 'talk.m4a', 'audio', 'audio/mp4', 'm4a'],
      [makeMp4(['soun']), 'talk.m4a', 'audio', 'audio/mp4', 'm4a'],
      [opus, 'talk.opus', 'audio', 'audio/ogg', 'opus'],
      // An MP4 with a picture track is a video, whatever its brand or name says.
      [makeMp4(['vide', 'soun']), 'talk.m4a', 'video', 'video/mp4', 'mp4'],
      [makeMp4(['soun', 'vide'], 1, 'mp42'), 'panel.mov', 'video', 'video/mp4', 'mp4'],
      [makeMp4(['vide']), 'silent.mp4', 'video', 'video/mp4', 'mp4'],
      [makeWebm(), 'talk.mp4', 'video', 'video/webm', 'webm'],
    ];
    for (const [buffer, name, kind, mime, ext] of cases) {
      assert.deepEqual(await sniffUpload(buffer, name), { kind, mime, ext }, `${name} as ${mime}`);
    }
  });

  it('refuses SVG, with or without an XML declaration', async () => {
    const plain = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const xml = Buffer.from('\uFEFF<?xml version="1.0"?>\n<!-- x -->\n<svg xmlns="http://www.w3.org/2000/svg"/>');
    for (const svg of [plain, xml]) {
      const err = await refused(svg, 'logo.png', 'svg');
      assert.match(err.message, /SVG images are not accepted/);
      assert.match(mediaErrorMessage(err, 'he'), /SVG/);
    }
  });

  it('refuses HTML and text whatever they are named', async () => {
    const html = await refused(
      Buffer.from('<!DOCTYPE html><html><script>x()</script></html>'),
      'photo.jpg',
      'unsupported_type',
    );
    assert.equal(html.message, 'This file is a web page (HTML), not an image, PDF, audio or video file.');
    assert.equal(mediaErrorMessage(html, 'he'), 'הקובץ הוא דף אינטרנט (HTML), לא תמונה, PDF, קובץ שמע או סרטון.');
    const text = await refused(Buffer.from('Just some notes\nsecond line'), 'notes.pdf', 'unsupported_type');
    assert.equal(text.message, 'This file is a text file, not an image, PDF, audio or video file.');
  });

  it('says what a refused file is when it is known', async () => {
    const zip = await new JSZip().file('a.txt', 'hello').generateAsync({ type: 'nodebuffer' });
    const err = await refused(zip, 'photo.jpg', 'unsupported_type');
    assert.equal(err.message, 'This file is a ZIP archive, not an image, PDF, audio or video file.');
    assert.equal(mediaErrorMessage(err, 'he'), 'הקובץ הוא ארכיון ZIP, לא תמונה, PDF, קובץ שמע או סרטון.');

    const empty = await refused(makeMp4([]), 'talk.mp4', 'unsupported_type');
    assert.equal(
      empty.message,
      'This file is an MP4 file with no video or sound track, not an image, PDF, audio or video file.',
    );

    const tiff = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } })
      .tiff()
      .toBuffer();
    const tiffErr = await refused(tiff, 'scan.jpg', 'unsupported_type');
    assert.match(
      tiffErr.message,
      /^This file is a TIFF image, a format that can’t be uploaded\. You can upload images/,
    );
  });

  it('refuses video formats that not every browser plays, saying which to use', async () => {
    const avi = Buffer.concat([
      Buffer.from('RIFF'),
      Buffer.from([100, 0, 0, 0]),
      Buffer.from('AVI LIST'),
      Buffer.alloc(92),
    ]);
    const cases: [Buffer, string][] = [
      [makeMp4(['vide', 'soun'], 1, 'qt  '), 'QuickTime (MOV)'],
      [makeWebm(1, 'matroska'), 'Matroska (MKV)'],
      [avi, 'AVI'],
    ];
    for (const [buffer, format] of cases) {
      const err = await refused(buffer, 'talk.mp4', 'unsupported_type');
      assert.equal(err.params.family, 'video');
      assert.equal(
        err.message,
        `This file is a video in ${format} format, which not every browser plays. Convert it to MP4 (H.264) or WebM and upload that.`,
      );
      assert.equal(
        mediaErrorMessage(err, 'he'),
        `הקובץ הוא סרטון בפורמט ${format}\u200e, שלא כל הדפדפנים יודעים להציג. יש להמיר אותו ל-MP4 (H.264)\u200e או ל-WebM ולהעלות את הקובץ החדש.`,
      );
    }
  });

  it('refuses bytes of no known type, whatever the name', async () => {
    // Deterministic noise that starts with no known signature.
    const bytes = Buffer.alloc(4096);
    let x = 12345;
    for (let i = 0; i < bytes.length; i++) {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      bytes[i] = x >> 16;
    }
    bytes[0] = 0x00;
    const err = await refused(bytes, 'report.pdf', 'unsupported_type');
    assert.equal(err.params.detected, undefined);
    assert.match(err.message, /could not be recognised\. You can upload .*, audio .* or video \(MP4, WebM\)\.$/);
    assert.match(mediaErrorMessage(err, 'he'), /^לא ניתן לזהות .* או סרטונים \(MP4, WebM\)\.$/);
    await refused(Buffer.alloc(0), 'empty.jpg', 'empty');
  });

  it('refuses a file over its kind’s limit from the size alone', async () => {
    // A JPEG signature and then nothing: never decoded, so the only possible refusal is the size.
    const big = Buffer.alloc(31 * 1024 * 1024);
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]).copy(big);
    const err = await refused(big, 'huge.jpg', 'too_large');
    assert.deepEqual(err.params, { bytes: big.length, limit: MAX_IMAGE_BYTES, kind: 'image' });
    assert.equal(err.message, 'The file is 31 MB; images can be at most 20 MB.');
    assert.equal(mediaErrorMessage(err, 'he'), 'הקובץ בגודל 31 MB; הגודל המרבי לתמונות הוא 20 MB.');
    // The same size is fine for audio (a WAV header in front).
    const wav = makeWav(1);
    wav.copy(big);
    big.writeUInt32LE(big.length - 8, 4);
    assert.equal((await sniffUpload(big, 'long.wav')).kind, 'audio');
    assert.equal(MAX_UPLOAD_BYTES, 200 * 1024 * 1024);
  });

  it('gives a generic message for errors that are not MediaErrors', () => {
    assert.equal(mediaErrorMessage(new Error('disk full'), 'en'), 'The file could not be saved. Please try again.');
    assert.equal(mediaErrorMessage(new Error('disk full'), 'he'), 'לא ניתן היה לשמור את הקובץ. נסו שוב.');
  });
});
