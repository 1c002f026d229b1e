import type { ImageSources } from '../content/rich-text.js';
import type { Media, MediaVariant } from '../db/schema.js';

/**
 * Reading stored media for display: URLs, recorded variants and `<picture>` sources. Kept
 * apart from the upload code so rendering pages never loads sharp.
 */

/** The URL the site serves a stored file at. */
export function mediaUrl(path: string): string {
  return `/media/${path.split('/').map(encodeURIComponent).join('/')}`;
}

/** The variants recorded for a media row; [] when none or unreadable. */
export function parseVariants(media: Pick<Media, 'variants_json'>): MediaVariant[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(media.variants_json);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.filter(
    (v): v is MediaVariant =>
      typeof v === 'object' &&
      v !== null &&
      typeof v.path === 'string' &&
      typeof v.mime === 'string' &&
      typeof v.width === 'number' &&
      typeof v.height === 'number',
  );
}

/** Every stored file of a media row: the main file and its variants. */
export function mediaFilePaths(media: Pick<Media, 'path' | 'variants_json'>): string[] {
  return [...new Set([media.path, ...parseVariants(media).map((v) => v.path)])];
}

/**
 * What `<picture>` needs to show an image: AVIF and WebP sources and the JPEG/PNG fallback,
 * each with `<width>w` descriptors. Null for PDFs and audio. An image without variants
 * (recorded before they existed) gets just its own file.
 */
export function toImageSources(
  media: Pick<Media, 'kind' | 'path' | 'mime' | 'width' | 'height' | 'variants_json'>,
): ImageSources | null {
  if (media.kind !== 'image') return null;
  const variants = parseVariants(media).sort((a, b) => a.width - b.width);
  const byMime = (mime: string) => variants.filter((v) => v.mime === mime);
  const srcset = (list: MediaVariant[]) => list.map((v) => `${mediaUrl(v.path)} ${v.width}w`).join(', ');
  const fallbacks = byMime(media.mime === 'image/png' ? 'image/png' : 'image/jpeg');
  const largest = fallbacks.at(-1);
  if (!largest) {
    if (!media.width || !media.height) return null;
    const src = mediaUrl(media.path);
    return { src, width: media.width, height: media.height, srcset: `${src} ${media.width}w`, sources: [] };
  }
  const sources = ['image/avif', 'image/webp']
    .map((type) => ({ type, srcset: srcset(byMime(type)) }))
    .filter((s) => s.srcset !== '');
  return {
    src: mediaUrl(largest.path),
    width: largest.width,
    height: largest.height,
    srcset: srcset(fallbacks),
    sources,
  };
}
