import { fileTypeFromBuffer, type FileTypeResult } from 'file-type';
import type { MediaKind } from '../db/schema.js';
import { MediaError } from './media-errors.js';

/**
 * Decides what an upload is from its bytes, never from its name: a ZIP named `photo.jpg`
 * is a ZIP. Only the formats browsers show or play natively are accepted; SVG, HTML and any
 * other text are refused (they can carry scripts).
 */

const MB = 1024 * 1024;
export const MAX_IMAGE_BYTES = 20 * MB;
export const MAX_PDF_BYTES = 50 * MB;
export const MAX_AUDIO_BYTES = 200 * MB;
/**
 * As for audio, so the HTTP limit does not grow: about 15 minutes of 720p. Longer recordings
 * belong on YouTube or Vimeo, which the video gallery links to.
 */
export const MAX_VIDEO_BYTES = 200 * MB;
export const MAX_BYTES_BY_KIND: Readonly<Record<MediaKind, number>> = {
  image: MAX_IMAGE_BYTES,
  pdf: MAX_PDF_BYTES,
  audio: MAX_AUDIO_BYTES,
  video: MAX_VIDEO_BYTES,
};
/** The largest upload of any kind: the limit for the HTTP layer (multipart `fileSize`). */
export const MAX_UPLOAD_BYTES = Math.max(...Object.values(MAX_BYTES_BY_KIND));
/** Images with more pixels than this are refused before decoding (decompression bombs). */
export const MAX_IMAGE_PIXELS = 50_000_000;

/** An accepted upload: its kind, the MIME type to store and serve, and the file extension to store it under. */
export interface SniffedFile {
  kind: MediaKind;
  mime: string;
  ext: string;
}

/**
 * Identifies the upload and checks its size against the limit for its kind. Throws a
 * MediaError (`empty`, `too_large`, `svg`, `unsupported_type`) for anything refused.
 * `originalName` is used only to word errors; it never decides the type.
 */
export async function sniffUpload(buffer: Buffer, originalName: string): Promise<SniffedFile> {
  if (buffer.length === 0) throw new MediaError('empty', {});
  if (buffer.length > MAX_UPLOAD_BYTES) {
    throw new MediaError('too_large', { bytes: buffer.length, limit: MAX_UPLOAD_BYTES });
  }
  const detected = await fileTypeFromBuffer(buffer);
  const accepted = detected ? acceptedType(detected, buffer) : undefined;
  if (!accepted) {
    const text = !detected || detected.mime === 'application/xml' ? classifyText(buffer) : undefined;
    if (text === 'svg') throw new MediaError('svg', { name: originalName });
    if (text) throw new MediaError('unsupported_type', { detected: text, family: 'other', name: originalName });
    if (!detected) throw new MediaError('unsupported_type', { name: originalName });
    throw new MediaError('unsupported_type', { ...describeDetected(detected), name: originalName });
  }
  const limit = MAX_BYTES_BY_KIND[accepted.kind];
  if (buffer.length > limit) throw new MediaError('too_large', { bytes: buffer.length, limit, kind: accepted.kind });
  return accepted;
}

function acceptedType({ mime, ext }: FileTypeResult, buffer: Buffer): SniffedFile | undefined {
  switch (mime) {
    case 'image/jpeg':
      return { kind: 'image', mime, ext: 'jpg' };
    case 'image/png':
    case 'image/apng': // Read as a still PNG (its first frame).
      return { kind: 'image', mime: 'image/png', ext: 'png' };
    case 'image/webp':
    case 'image/gif':
    case 'image/avif':
      return { kind: 'image', mime, ext };
    case 'application/pdf':
      return { kind: 'pdf', mime, ext: 'pdf' };
    case 'audio/mpeg':
      return ext === 'mp3' ? { kind: 'audio', mime, ext } : undefined;
    case 'audio/mp4':
    case 'audio/x-m4a':
      return { kind: 'audio', mime: 'audio/mp4', ext: 'm4a' };
    case 'video/mp4':
      return mp4Type(buffer);
    case 'video/webm':
      return { kind: 'video', mime, ext: 'webm' };
    case 'audio/aac':
      return { kind: 'audio', mime, ext: 'aac' };
    case 'audio/wav':
      return { kind: 'audio', mime, ext: 'wav' };
    case 'audio/ogg; codecs=opus':
      return { kind: 'audio', mime: 'audio/ogg', ext: 'opus' };
    case 'audio/ogg':
      // Vorbis only: FLAC and Speex in Ogg do not play in every browser.
      return ext === 'ogg' ? { kind: 'audio', mime, ext } : undefined;
    default:
      return undefined;
  }
}

/**
 * An MP4 (ISO BMFF) file is a video when it has a picture track, and M4A audio when all its
 * tracks are sound (many encoders label M4A with a generic MP4 brand). A `hdlr` box's handler
 * type sits 8 bytes after the box type (version/flags, pre_defined).
 */
function mp4Type(buffer: Buffer): SniffedFile | undefined {
  let sound = false;
  for (let at = buffer.indexOf('hdlr'); at !== -1; at = buffer.indexOf('hdlr', at + 4)) {
    const handler = buffer.toString('latin1', at + 12, at + 16);
    if (handler === 'vide') return { kind: 'video', mime: 'video/mp4', ext: 'mp4' };
    if (handler === 'soun') sound = true;
  }
  return sound ? { kind: 'audio', mime: 'audio/mp4', ext: 'm4a' } : undefined;
}

const DETECTED_KEYS: Record<string, string> = {
  zip: 'zip',
  rar: 'archive',
  '7z': 'archive',
  gz: 'archive',
  tar: 'archive',
  bz2: 'archive',
  xz: 'archive',
  zst: 'archive',
  lz: 'archive',
  cab: 'archive',
  docx: 'word',
  xlsx: 'excel',
  pptx: 'powerpoint',
  cfb: 'office',
  odt: 'opendocument',
  ods: 'opendocument',
  odp: 'opendocument',
  epub: 'epub',
  xml: 'xml',
  exe: 'program',
  elf: 'program',
  msi: 'program',
  dmg: 'archive',
  apk: 'program',
  heic: 'heic',
  tif: 'tiff',
  bmp: 'bmp',
  psd: 'psd',
  jxl: 'jxl',
  ico: 'ico',
  flac: 'flac',
  oga: 'flac',
  aif: 'aiff',
  mid: 'midi',
  woff: 'font',
  woff2: 'font',
  ttf: 'font',
  otf: 'font',
};

function describeDetected({ mime, ext }: FileTypeResult): {
  detected: string;
  family: 'image' | 'audio' | 'video' | 'other';
} {
  // An MP4 refused here has neither a picture nor a sound track.
  if (mime === 'video/mp4') return { detected: 'mp4_without_tracks', family: 'other' };
  // Other video formats (MOV, AVI, MKV…) are refused because not every browser plays them.
  if (mime.startsWith('video/')) return { detected: ext, family: 'video' };
  const family = mime.startsWith('image/') ? 'image' : mime.startsWith('audio/') ? 'audio' : 'other';
  return { detected: DETECTED_KEYS[ext] ?? ext, family };
}

/**
 * For files file-type does not recognise: 'svg', 'html', 'xml' or 'text' when the start of
 * the file is text, undefined when it is binary.
 */
function classifyText(buffer: Buffer): 'svg' | 'html' | 'xml' | 'text' | undefined {
  const sample = buffer.subarray(0, 64 * 1024);
  let text: string;
  try {
    if (sample[0] === 0xff && sample[1] === 0xfe) text = new TextDecoder('utf-16le').decode(sample.subarray(2));
    else if (sample[0] === 0xfe && sample[1] === 0xff) text = new TextDecoder('utf-16be').decode(sample.subarray(2));
    // `stream` keeps a character cut at the end of the sample from counting as invalid.
    else text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(sample, { stream: true });
  } catch {
    return undefined;
  }
  // Binary: control characters other than tab, newlines and form feed.
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x08\x0b\x0e-\x1f\x7f]/.test(text)) return undefined;
  const start = text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (start.startsWith('<')) {
    if (/^<!doctype html|^<html[\s>]/.test(start)) return 'html';
    if (/<svg[\s>/]/.test(start)) return 'svg';
    return start.startsWith('<?xml') ? 'xml' : 'html';
  }
  return /<(html|script|body|head|iframe)[\s>/]/.test(start) ? 'html' : 'text';
}
