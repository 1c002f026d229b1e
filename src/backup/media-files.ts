import { createHash } from 'node:crypto';
import { constants, createReadStream } from 'node:fs';
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { assertSafeMediaPath } from '../media/media-store.js';

export interface MediaEntry {
  bytes: number;
  sha256: string;
}

/** LocalMediaStore writes `<file>.<random hex>.tmp` and renames it into place. */
const TEMP_FILE = /\.[0-9a-f]+\.tmp$/;

export async function hashFile(file: string): Promise<MediaEntry> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { bytes, sha256: hash.digest('hex') };
}

/** Relative paths (forward slashes) of the regular files under `root`, sorted; [] when it does not exist. */
export async function listFiles(root: string): Promise<{ files: string[]; other: string[] }> {
  const files: string[] = [];
  const other: string[] = [];
  const walk = async (dir: string, prefix: string) => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for (const entry of entries) {
      const rel = prefix + entry.name;
      if (entry.isDirectory()) await walk(join(dir, entry.name), `${rel}/`);
      else if (entry.isFile()) files.push(rel);
      else other.push(rel);
    }
  };
  await walk(root, '');
  const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return { files: files.sort(byCodePoint), other: other.sort(byCodePoint) };
}

/**
 * Copies the media folder into `dest`, hashing each copy. Uploads are written beside their
 * final name and renamed into place, never changed in place, so each copy is a whole file;
 * hashing the copy (not the original) makes the recorded hash match what is archived even if
 * a file is replaced meanwhile. Half-written temp files are left out; so are names the media
 * store could never have made, with a warning.
 */
export async function copyMediaFolder(
  mediaDir: string,
  dest: string,
  warn: (message: string) => void,
): Promise<Record<string, MediaEntry>> {
  const { files, other } = await listFiles(mediaDir);
  for (const rel of other) warn(`Left out ${rel} from the media folder: not a regular file.`);
  const out: Record<string, MediaEntry> = {};
  for (const rel of files) {
    if (TEMP_FILE.test(rel)) continue;
    try {
      assertSafeMediaPath(rel);
    } catch {
      warn(`Left out ${JSON.stringify(rel)} from the media folder: not a name Dossier makes.`);
      continue;
    }
    const target = join(dest, ...rel.split('/'));
    await mkdir(dirname(target), { recursive: true });
    try {
      // A reflink where the file system has them, a plain copy elsewhere.
      await copyFile(join(mediaDir, ...rel.split('/')), target, constants.COPYFILE_FICLONE);
    } catch (error) {
      // Deleted since the folder was listed; if the snapshot still needs it, it is reported missing.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    out[rel] = await hashFile(target);
  }
  return out;
}

/** The files a `media` row needs: the upload itself and its resized variants. */
export function mediaRowFiles(row: Record<string, unknown>): string[] {
  const files = typeof row.path === 'string' ? [row.path] : [];
  if (typeof row.variants_json === 'string') {
    try {
      const variants = JSON.parse(row.variants_json) as { path?: unknown }[];
      for (const v of Array.isArray(variants) ? variants : []) if (typeof v?.path === 'string') files.push(v.path);
    } catch {
      // A malformed variants list is the app's problem, not the backup's: the row is kept as it is.
    }
  }
  return files;
}
