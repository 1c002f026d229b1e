import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';

/**
 * Where media files live. Paths are relative, with forward slashes, and always made by the
 * server (see `newMediaStem`); an S3-compatible store can implement the same two methods
 * (object key = path), which is why nothing outside LocalMediaStore touches the file system.
 */
export interface MediaStore {
  /** Writes (or replaces) the file at `relPath`. */
  put(relPath: string, data: Buffer, contentType: string): Promise<void>;
  /** Removes the file at `relPath`; a file that is already gone is not an error. */
  delete(relPath: string): Promise<void>;
}

/** Path segments: letters, digits, dot, dash, underscore; never starting with a dot (no `..`, no hidden files). */
const SAFE_PATH = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/;

/** Throws unless `relPath` is a plain relative path a store may use. */
export function assertSafeMediaPath(relPath: string): void {
  if (relPath.length > 300 || !SAFE_PATH.test(relPath))
    throw new Error(`Unsafe media path: ${JSON.stringify(relPath)}`);
}

/**
 * A new, unguessable file stem: `YYYY/MM/<16 hex>` (UTC month of `now`). Files of one
 * upload are `<stem>-<variant>.<ext>`.
 */
export function newMediaStem(now: Date): string {
  const year = String(now.getUTCFullYear()).padStart(4, '0');
  const month = String(now.getUTCMonth() + 1).padStart(2, '0');
  return `${year}/${month}/${randomBytes(8).toString('hex')}`;
}

/** Files under a local folder: `<DATA_DIR>/media`, which the site serves at `/media/`. */
export class LocalMediaStore implements MediaStore {
  readonly rootDir: string;

  constructor(rootDir: string) {
    this.rootDir = resolve(rootDir);
  }

  /** The absolute file for `relPath`, refusing anything that would leave the root. */
  filePath(relPath: string): string {
    assertSafeMediaPath(relPath);
    const file = resolve(this.rootDir, ...relPath.split('/'));
    if (!file.startsWith(this.rootDir + sep)) throw new Error(`Unsafe media path: ${JSON.stringify(relPath)}`);
    return file;
  }

  async put(relPath: string, data: Buffer, _contentType: string): Promise<void> {
    const file = this.filePath(relPath);
    await mkdir(dirname(file), { recursive: true });
    // Write beside the target and rename, so the site never serves a half-written file.
    const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temp, data, { flag: 'wx' });
      await rename(temp, file);
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
  }

  async delete(relPath: string): Promise<void> {
    await rm(this.filePath(relPath), { force: true });
  }
}
