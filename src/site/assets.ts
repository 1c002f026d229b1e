import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { EncodedBody } from './send-encoded.js';
import { brotliCompressSync, gzipSync } from 'node:zlib';

/** A static asset held in memory under a content-hashed name. */
export interface Asset extends EncodedBody {
  url: string;
  contentType: string;
}

function loadAsset(file: string, extension: string, contentType: string): Asset {
  const body = readFileSync(new URL(`./assets/${file}.${extension}`, import.meta.url));
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return {
    url: `/assets/${file}.${hash}.${extension}`,
    contentType,
    body,
    gzip: gzipSync(body),
    brotli: brotliCompressSync(body),
  };
}

/** The public site's stylesheet and scripts, named by content hash so they can be cached for a year. */
export function loadAssets(): {
  stylesheet: Asset;
  newsletterScript: Asset;
  videoScript: Asset;
  byUrl: Map<string, Asset>;
} {
  const stylesheet = loadAsset('site', 'css', 'text/css; charset=utf-8');
  const newsletterScript = loadAsset('newsletter-form', 'js', 'text/javascript; charset=utf-8');
  /** Swaps a video poster for the provider's player on click (video pages only). */
  const videoScript = loadAsset('video-player', 'js', 'text/javascript; charset=utf-8');
  return {
    stylesheet,
    newsletterScript,
    videoScript,
    byUrl: new Map([stylesheet, newsletterScript, videoScript].map((asset) => [asset.url, asset])),
  };
}
