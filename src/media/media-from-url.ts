import type { Db } from '../db/create-db.js';
import type { Media } from '../db/schema.js';
import { safeFetch, type SafeFetchOptions } from '../lib/safe-fetch.js';
import { saveUpload } from './media-service.js';
import type { MediaStore } from './media-store.js';
import { MAX_IMAGE_BYTES } from './sniff.js';

/**
 * "Add from a URL": the file at a public address is fetched through safeFetch and then goes
 * through exactly what an upload goes through (saveUpload: sniffing, size limits, image
 * processing). Errors are FetchRefused for the fetch and MediaError for the file.
 */

/**
 * The body is held in memory, so the cap is the image limit rather than the 200 MB allowed
 * for uploaded audio and video: larger files are better downloaded and uploaded.
 */
export const MEDIA_FETCH_MAX_BYTES = MAX_IMAGE_BYTES;
/** Long enough for a 20 MB file over a modest link; an upload has no such limit. */
export const MEDIA_FETCH_TIMEOUT_MS = 30_000;

export interface SaveFromUrlInput {
  url: string;
  altEn?: string;
  altHe?: string;
  now?: Date;
}

export interface SaveFromUrlResult {
  media: Media;
  /** Where the file really came from, after redirects. */
  sourceUrl: string;
}

/**
 * Fetches and stores the file at `input.url`. `fetchOptions` exist for tests (a fake
 * resolver, a local test server); the admin passes none.
 */
export async function saveFromUrl(
  db: Db,
  store: MediaStore,
  input: SaveFromUrlInput,
  fetchOptions: SafeFetchOptions = {},
): Promise<SaveFromUrlResult> {
  const response = await safeFetch(input.url, {
    maxBytes: MEDIA_FETCH_MAX_BYTES,
    timeoutMs: MEDIA_FETCH_TIMEOUT_MS,
    headers: { accept: 'image/*,application/pdf,audio/*,video/*;q=0.9,*/*;q=0.1' },
    ...fetchOptions,
  });
  const media = await saveUpload(db, store, {
    buffer: response.body,
    originalName: nameFromUrls(response.chain),
    altEn: input.altEn ?? '',
    altHe: input.altHe ?? '',
    now: input.now,
  });
  return { media, sourceUrl: response.url.href };
}

/**
 * The name shown in the library: the last segment of the address's path, decoded. The
 * address as typed wins when it names a file (`report.pdf`); otherwise a redirect target
 * that does (a download link leading to `…/files/report.pdf`), then the host. Display only:
 * saveUpload strips control and bidi characters and never uses it in a path.
 */
export function nameFromUrls(chain: readonly URL[]): string {
  const names = chain.map(lastSegment).filter((n) => n !== '');
  const withExtension = names.find((n) => /\.[a-z0-9]{1,5}$/i.test(n));
  return withExtension ?? names[0] ?? chain[0]?.hostname ?? 'download';
}

function lastSegment(url: URL): string {
  const segment = url.pathname.split('/').filter(Boolean).pop() ?? '';
  let name: string;
  try {
    name = decodeURIComponent(segment);
  } catch {
    name = segment;
  }
  // A decoded %2F or %5C must not read as a folder.
  return name.replace(/[/\\]/g, '_').trim();
}
