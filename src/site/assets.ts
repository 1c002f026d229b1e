import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { EncodedBody } from './send-encoded.js';
import { brotliCompressSync, gzipSync } from 'node:zlib';

/** A static asset held in memory under a content-hashed name. */
export interface Asset extends EncodedBody {
  url: string;
  contentType: string;
}

/** Loads the stylesheet and names it by content hash, so it can be cached for a year. */
export function loadAssets(): Map<string, Asset> {
  const css = readFileSync(new URL('./assets/site.css', import.meta.url));
  const hash = createHash('sha256').update(css).digest('hex').slice(0, 12);
  const asset: Asset = {
    url: `/assets/site.${hash}.css`,
    contentType: 'text/css; charset=utf-8',
    body: css,
    gzip: gzipSync(css),
    brotli: brotliCompressSync(css),
  };
  return new Map([[asset.url, asset]]);
}
