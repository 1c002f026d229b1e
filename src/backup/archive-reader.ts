import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as tar from 'tar';
import { assertSafeMediaPath } from '../media/media-store.js';
import { BackupError } from './backup-error.js';
import { parseManifest, type Manifest } from './manifest.js';
import type { MediaEntry } from './media-files.js';

/** What an archive held, unpacked into a staging folder and checked against its manifest. */
export interface UnpackedArchive {
  manifest: Manifest;
  /** `tables/<name>.jsonl` for each table. */
  tablesDir: string;
  /** The media files, laid out as in the media folder. */
  mediaDir: string;
}

const TABLE_ENTRY = /^tables\/([a-z_][a-z0-9_]*)\.jsonl$/;
/** manifest.json is small; anything bigger is not ours. */
const MAX_MANIFEST_BYTES = 256 * 1024 * 1024;

/**
 * Unpacks `file` into `staging` and verifies it completely — the manifest, the SHA-256 and row
 * count of every table, the SHA-256 and size of every media file, and that nothing is missing
 * or extra — before the caller touches the database. Only plain files at the expected paths
 * are accepted: no links, no absolute or `..` paths, no names the media store could not make.
 */
export async function unpackArchive(file: string, staging: string): Promise<UnpackedArchive> {
  try {
    if (!(await stat(file)).isFile()) throw new BackupError(`${file} is not a file.`);
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`Cannot read ${file}: ${(error as Error).message}`, { cause: error });
  }
  const tablesDir = join(staging, 'tables');
  const mediaDir = join(staging, 'media');
  await mkdir(tablesDir, { recursive: true });
  await mkdir(mediaDir, { recursive: true });
  const tables = new Map<string, MediaEntry & { lines: number }>();
  const media = new Map<string, MediaEntry>();
  let manifestText: string | undefined;
  let manifestSeen = false;
  const problems: string[] = [];
  const writes: Promise<void>[] = [];
  const aborts = new Set<() => void>();

  // Set once reading failed: the parser may still hand over entries it had decoded, and
  // none may be written while the staging folder is being removed.
  let failed = false;
  const onReadEntry = (entry: tar.ReadEntry) => {
    if (failed) return entry.resume();
    const path = entry.path.replace(/^\.\//, '');
    if (entry.type === 'Directory') return entry.resume();
    const problem = (message: string) => {
      problems.push(message);
      entry.resume();
    };
    if (entry.type !== 'File' && entry.type !== 'OldFile' && entry.type !== 'ContiguousFile')
      return problem(`unexpected ${entry.type} entry ${JSON.stringify(path)}`);
    let target: string;
    let record: (digest: MediaEntry, lines: number) => void;
    const table = TABLE_ENTRY.exec(path)?.[1];
    if (path === 'manifest.json') {
      if (manifestSeen) return problem('manifest.json appears twice');
      if ((entry.size ?? 0) > MAX_MANIFEST_BYTES) return problem('manifest.json is implausibly large');
      manifestSeen = true;
      target = join(staging, 'manifest.json');
      record = () => undefined;
    } else if (table) {
      if (tables.has(table)) return problem(`${path} appears twice`);
      target = join(tablesDir, `${table}.jsonl`);
      record = (digest, lines) => tables.set(table, { ...digest, lines });
    } else if (path.startsWith('media/')) {
      const rel = path.slice('media/'.length);
      try {
        assertSafeMediaPath(rel);
      } catch {
        return problem(`unsafe media path ${JSON.stringify(path)}`);
      }
      if (media.has(rel)) return problem(`${path} appears twice`);
      media.set(rel, { bytes: -1, sha256: '' });
      target = join(mediaDir, ...rel.split('/'));
      record = (digest) => media.set(rel, digest);
    } else {
      return problem(`unexpected entry ${JSON.stringify(path)}`);
    }
    // Hash while writing, pausing the archive while the disk catches up. The entry stays
    // paused (noResume below) until its file is open, so no data passes unseen.
    const written = (async () => {
      try {
        await mkdir(dirname(target), { recursive: true });
        if (failed) throw new Error('archive ended early');
        await new Promise<void>((done, fail) => {
          const out = createWriteStream(target, { flags: 'wx' });
          const hash = createHash('sha256');
          let bytes = 0;
          let lines = 0;
          out.on('error', fail);
          // A broken archive can end in the middle of an entry, which then never ends.
          aborts.add(() => {
            entry.removeAllListeners('data');
            out.destroy();
            fail(new Error('archive ended early'));
          });
          entry.on('data', (chunk: Buffer) => {
            hash.update(chunk);
            bytes += chunk.length;
            for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
            if (!out.write(chunk)) {
              entry.pause();
              out.once('drain', () => entry.resume());
            }
          });
          entry.on('end', () => {
            record({ bytes, sha256: hash.digest('hex') }, lines);
            out.end(done);
          });
          entry.resume();
        });
      } catch (error) {
        // Drain the entry, or the archive would wait for it forever.
        entry.removeAllListeners('data');
        entry.resume();
        throw error;
      }
    })();
    // Awaited after the listing; until then a failure must not count as unhandled.
    written.catch(() => undefined);
    writes.push(written);
  };

  try {
    await tar.list({ file, strict: true, noResume: true, onReadEntry });
    await Promise.all(writes);
  } catch (error) {
    // Close every file still being written before the caller removes the staging folder.
    failed = true;
    for (const abort of aborts) abort();
    await Promise.allSettled(writes);
    throw new BackupError(`${file} is not a readable Dossier backup: ${describeTarError(error)}.`, { cause: error });
  }
  if (problems.length > 0)
    throw new BackupError(`${file} is not a valid Dossier backup: ${problems.slice(0, 5).join('; ')}.`);

  try {
    manifestText = await readFile(join(staging, 'manifest.json'), 'utf8');
  } catch {
    throw new BackupError(`${file} has no manifest.json: it is not a Dossier backup.`);
  }
  let manifest: Manifest;
  try {
    manifest = parseManifest(JSON.parse(manifestText));
  } catch (error) {
    throw new BackupError(`${file} cannot be restored: ${(error as Error).message}.`, { cause: error });
  }

  const mismatches: string[] = [];
  for (const [name, expected] of Object.entries(manifest.tables)) {
    const got = tables.get(name);
    if (!got) mismatches.push(`table ${name} is missing`);
    else if (got.sha256 !== expected.sha256) mismatches.push(`table ${name} does not match its checksum`);
    else if (got.lines !== expected.rows)
      mismatches.push(`table ${name} has ${got.lines} rows, the manifest says ${expected.rows}`);
  }
  for (const name of tables.keys()) if (!manifest.tables[name]) mismatches.push(`table ${name} is not in the manifest`);
  for (const [path, expected] of Object.entries(manifest.media)) {
    const got = media.get(path);
    if (!got) mismatches.push(`media file ${path} is missing`);
    else if (got.sha256 !== expected.sha256 || got.bytes !== expected.bytes)
      mismatches.push(`media file ${path} does not match its checksum`);
  }
  for (const path of media.keys())
    if (!manifest.media[path]) mismatches.push(`media file ${path} is not in the manifest`);
  if (mismatches.length > 0)
    throw new BackupError(
      `${file} is damaged or was altered (checksum mismatch): ${mismatches.slice(0, 5).join('; ')}` +
        `${mismatches.length > 5 ? `; and ${mismatches.length - 5} more` : ''}. Nothing was restored; use another backup.`,
    );
  return { manifest, tablesDir, mediaDir };
}

/** tar and zlib errors, in words an operator can act on. */
function describeTarError(error: unknown): string {
  const e = error as { code?: string; tarCode?: string; message?: string };
  const code = e.tarCode ?? e.code ?? '';
  if (
    code.startsWith('Z_') ||
    /zlib|incorrect header|unexpected end of file|invalid (block|distance|stored)/i.test(e.message ?? '')
  )
    return `the compressed data is damaged or truncated (${e.message})`;
  if (code === 'TAR_BAD_ARCHIVE' || code === 'TAR_ENTRY_INVALID' || code === 'TAR_ENTRY_ERROR')
    return `it is not a tar.gz archive, or it is damaged or truncated (${e.message})`;
  return e.message ?? String(error);
}
