import sharp, { type Metadata, type Sharp, type SharpOptions } from 'sharp';
import { MediaError } from './media-errors.js';
import { MAX_IMAGE_PIXELS } from './sniff.js';

/**
 * Turns an uploaded image into the files the site serves: for each width, AVIF and WebP for
 * modern browsers and a JPEG (PNG when the image has transparency) fallback, plus the
 * fallback format at the image's own size. Every output is turned upright by its EXIF
 * orientation and carries no metadata at all (sharp drops EXIF, XMP, IPTC and ICC unless
 * asked to keep them) — so no camera GPS position ever reaches the site.
 */

/** Target widths for `srcset`; each is capped at the image's own width (no upscaling). */
export const IMAGE_WIDTHS = [480, 960, 1600] as const;

/**
 * AVIF effort 4 (sharp's default) took ~4 s for a 1600px photo on one core; effort 3 gives
 * nearly the same size in ~0.5 s. All nine files of a 1600×1200 photo take ~0.8 s on two
 * cores, a 24-megapixel photo ~2 s.
 */
const AVIF_OPTIONS = { quality: 55, effort: 3 } as const;
const WEBP_OPTIONS = { quality: 80, effort: 4 } as const;
const JPEG_OPTIONS = { quality: 82, mozjpeg: true } as const;
const PNG_OPTIONS = { compressionLevel: 9 } as const;

export type ImageFormat = 'avif' | 'webp' | 'jpeg' | 'png';

const FORMAT_FILE: Record<ImageFormat, { mime: string; ext: string }> = {
  avif: { mime: 'image/avif', ext: 'avif' },
  webp: { mime: 'image/webp', ext: 'webp' },
  jpeg: { mime: 'image/jpeg', ext: 'jpg' },
  png: { mime: 'image/png', ext: 'png' },
};

/** One encoded file. `label` names it in the stored path: the width ('960') or 'full'. */
export interface ImageOutput {
  label: string;
  format: ImageFormat;
  mime: string;
  ext: string;
  width: number;
  height: number;
  data: Buffer;
}

export interface ProcessedImage {
  /** Upright size of the image. */
  width: number;
  height: number;
  /** The fallback format chosen: 'png' when some pixel is not fully opaque, else 'jpeg'. */
  fallback: 'jpeg' | 'png';
  /** The fallback-format copy at the image's own size: the media row's main file. */
  main: ImageOutput;
  /** The resized copies for `srcset`; includes `main` when the image is no wider than the largest width. */
  variants: ImageOutput[];
}

const INPUT_OPTIONS: SharpOptions = {
  limitInputPixels: MAX_IMAGE_PIXELS,
  // Refuse corrupt pixel data, but tolerate the harmless warnings many camera JPEGs raise.
  failOn: 'error',
  autoOrient: true,
};

/** The widths to make for an image `width` pixels wide: [480, 960, 1600] capped at `width`, without repeats. */
export function variantWidths(width: number): number[] {
  return [...new Set(IMAGE_WIDTHS.map((w) => Math.min(w, width)))];
}

/**
 * Checks the image's size from its header (no decoding), then makes every output. Throws
 * MediaError `too_many_pixels` or `unreadable_image`.
 */
export async function processImage(buffer: Buffer): Promise<ProcessedImage> {
  let meta: Metadata;
  try {
    meta = await sharp(buffer, { limitInputPixels: false }).metadata();
  } catch (err) {
    throw new MediaError('unreadable_image', {}, { cause: err });
  }
  const width = meta.autoOrient?.width ?? meta.width;
  const height = meta.autoOrient?.height ?? meta.height;
  if (!width || !height) throw new MediaError('unreadable_image', {});
  if (width * height > MAX_IMAGE_PIXELS) {
    throw new MediaError('too_many_pixels', { width, height, limit: MAX_IMAGE_PIXELS });
  }
  try {
    return await encodeAll(buffer, width, height, meta.hasAlpha === true);
  } catch (err) {
    if (err instanceof MediaError) throw err;
    if (err instanceof Error && /pixel limit/i.test(err.message)) {
      throw new MediaError('too_many_pixels', { width, height, limit: MAX_IMAGE_PIXELS }, { cause: err });
    }
    throw new MediaError('unreadable_image', {}, { cause: err });
  }
}

async function encodeAll(buffer: Buffer, width: number, height: number, hasAlpha: boolean): Promise<ProcessedImage> {
  const widths = variantWidths(width);
  const baseWidth = Math.max(...widths);
  // Decode once, upright and at the largest variant width, to raw 8-bit sRGB pixels;
  // every variant is resized from this instead of decoding the upload again.
  const base = await sharp(buffer, INPUT_OPTIONS)
    .resize({ width: baseWidth, withoutEnlargement: true })
    .toColourspace('srgb')
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  const raw = { width: base.info.width, height: base.info.height, channels: base.info.channels };
  const fromBase = () => sharp(base.data, { raw });

  const transparent = hasAlpha && base.info.channels % 2 === 0 && !(await fromBase().stats()).isOpaque;
  const fallback = transparent ? 'png' : 'jpeg';

  const jobs: Promise<ImageOutput>[] = [];
  for (const w of widths) {
    for (const format of ['avif', 'webp', fallback] as const) {
      const pipeline = w === raw.width ? fromBase() : fromBase().resize({ width: w });
      jobs.push(encode(pipeline, format, String(w)));
    }
  }
  // An image wider than the largest variant also keeps a fallback copy at its own size.
  if (width > baseWidth) jobs.push(encode(sharp(buffer, INPUT_OPTIONS), fallback, 'full'));
  const outputs = await Promise.all(jobs);

  const variants = outputs.filter((o) => o.label !== 'full');
  const main =
    outputs.find((o) => o.label === 'full') ??
    variants.find((o) => o.format === fallback && o.width === Math.max(...widths));
  if (!main) throw new Error('No main image output');
  return { width: main.width, height: main.height, fallback, main, variants };
}

async function encode(pipeline: Sharp, format: ImageFormat, label: string): Promise<ImageOutput> {
  const encoded =
    format === 'avif'
      ? pipeline.avif(AVIF_OPTIONS)
      : format === 'webp'
        ? pipeline.webp(WEBP_OPTIONS)
        : format === 'png'
          ? pipeline.png(PNG_OPTIONS)
          : pipeline.flatten({ background: '#ffffff' }).jpeg(JPEG_OPTIONS);
  const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
  return { label, format, ...FORMAT_FILE[format], width: info.width, height: info.height, data };
}
