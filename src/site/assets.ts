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
/** The public site's small scripts; pages work without each of them. */
export interface SiteScripts {
  /** Solves the newsletter and registration forms' proof of work (every page). */
  newsletter: string;
  /** Swaps a video poster for the provider's player on click (video pages only). */
  video: string;
  /** Adds an event's times in the visitor's own zone where it differs (event pages only). */
  eventTimes: string;
}

export function loadAssets(): { stylesheet: Asset; scripts: SiteScripts; byUrl: Map<string, Asset> } {
  const stylesheet = loadAsset('site', 'css', 'text/css; charset=utf-8');
  const script = (file: string) => loadAsset(file, 'js', 'text/javascript; charset=utf-8');
  const newsletter = script('newsletter-form');
  const video = script('video-player');
  const eventTimes = script('event-times');
  return {
    stylesheet,
    scripts: { newsletter: newsletter.url, video: video.url, eventTimes: eventTimes.url },
    byUrl: new Map([stylesheet, newsletter, video, eventTimes].map((asset) => [asset.url, asset])),
  };
}
