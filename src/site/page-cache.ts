import { createHash } from 'node:crypto';
import type { EncodedBody } from './send-encoded.js';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';

/** A rendered response, with its compressed forms made once at insertion. */
export interface CachedPage extends EncodedBody {
  status: number;
  etag: string;
}

/** Builds the cache entry (ETag and compressed bodies) for a rendered HTML page. */
export function toCachedPage(status: number, html: string): CachedPage {
  const body = Buffer.from(html);
  return {
    status,
    body,
    gzip: gzipSync(body, { level: 6 }),
    brotli: brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } }),
    etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`,
  };
}

/**
 * In-process LRU of rendered pages, bounded by bytes. Emptied whenever content changes,
 * so a page is never served stale. Map iteration order is insertion order, which makes
 * "delete then set" a cheap recency bump.
 */
export class PageCache {
  private readonly entries = new Map<string, CachedPage>();
  private bytes = 0;
  /**
   * Bumped by every clear. A page rendered from content read before a clear must not be
   * stored after it (another node may have published meanwhile), so `set` takes the
   * generation its render started in.
   */
  private currentGeneration = 0;

  private readonly maxBytes: number;

  constructor(maxBytes: number) {
    this.maxBytes = maxBytes;
  }

  get(key: string): CachedPage | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  get generation(): number {
    return this.currentGeneration;
  }

  set(key: string, page: CachedPage, renderStartedIn: number): void {
    if (renderStartedIn !== this.currentGeneration) return;
    const size = page.body.length + page.gzip.length + page.brotli.length + key.length;
    if (size > this.maxBytes) return;
    this.delete(key);
    this.entries.set(key, page);
    this.bytes += size;
    for (const oldest of this.entries.keys()) {
      if (this.bytes <= this.maxBytes) break;
      this.delete(oldest);
    }
  }

  clear(): void {
    this.currentGeneration++;
    this.entries.clear();
    this.bytes = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  private delete(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.bytes -= e.body.length + e.gzip.length + e.brotli.length + key.length;
    this.entries.delete(key);
  }
}
