/**
 * The ZIP package, read by us rather than mammoth: sizes and entry count are checked before
 * anything is unpacked, every entry is unpacked with a hard limit and checked against its
 * declared size and CRC, and mammoth gets a clean re-packed copy.
 */
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { quote } from './html-to-rich-doc.js';
import { DocxImportError, type DocxImportLimits } from './docx-types.js';

export const inflateRaw = promisify(zlib.inflateRaw);

export const SIG_LOCAL = 0x04034b50;
export const SIG_CENTRAL = 0x02014b50;
export const SIG_END = 0x06054b50;
export const SIG_END64 = 0x06064b50;
export const SIG_END64_LOCATOR = 0x07064b50;
export const MAX32 = 0xffffffff;

export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** A limit as people read it: "100 MB", "50 KB". */
export const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

export function corrupt(detailText: string): DocxImportError {
  return new DocxImportError('corrupt', { detail: detailText });
}

/** Reads the central directory without unpacking anything. */
export function readCentralDirectory(file: Buffer, limits: DocxImportLimits): ZipEntry[] {
  if (file.length >= 8 && file.readUInt32BE(0) === 0xd0cf11e0 && file.readUInt32BE(4) === 0xa1b11ae1) {
    throw new DocxImportError('legacy-doc');
  }
  let end = -1;
  for (let i = file.length - 22; i >= Math.max(0, file.length - 22 - 0xffff); i--) {
    if (file.readUInt32LE(i) === SIG_END) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new DocxImportError('not-a-docx', { reason: 'not-zip' });
  if (file.readUInt16LE(end + 4) !== 0 || file.readUInt16LE(end + 6) !== 0) throw corrupt('split archive');

  let entryCount = file.readUInt16LE(end + 10);
  let directorySize = file.readUInt32LE(end + 12);
  let directoryOffset = file.readUInt32LE(end + 16);
  if (entryCount === 0xffff || directorySize === MAX32 || directoryOffset === MAX32) {
    const locator = end - 20;
    if (locator < 0 || file.readUInt32LE(locator) !== SIG_END64_LOCATOR) throw corrupt('bad ZIP64 record');
    const end64 = Number(file.readBigUInt64LE(locator + 8));
    if (end64 + 56 > file.length || file.readUInt32LE(end64) !== SIG_END64) throw corrupt('bad ZIP64 record');
    entryCount = Number(file.readBigUInt64LE(end64 + 32));
    directorySize = Number(file.readBigUInt64LE(end64 + 40));
    directoryOffset = Number(file.readBigUInt64LE(end64 + 48));
  }
  if (entryCount > limits.maxEntries) {
    throw new DocxImportError('too-large', { reason: 'entries', limit: limits.maxEntries });
  }
  if (directoryOffset + directorySize > file.length) throw corrupt('central directory out of range');

  const entries: ZipEntry[] = [];
  let total = 0;
  let p = directoryOffset;
  for (let i = 0; i < entryCount; i++) {
    if (p + 46 > file.length || file.readUInt32LE(p) !== SIG_CENTRAL) throw corrupt('bad central directory');
    const flags = file.readUInt16LE(p + 8);
    const nameLength = file.readUInt16LE(p + 28);
    const extraLength = file.readUInt16LE(p + 30);
    const commentLength = file.readUInt16LE(p + 32);
    if (p + 46 + nameLength + extraLength > file.length) throw corrupt('bad central directory');
    const nameBytes = file.subarray(p + 46, p + 46 + nameLength);
    const entry: ZipEntry = {
      name: nameBytes.toString(flags & 0x800 ? 'utf8' : 'latin1'),
      flags,
      method: file.readUInt16LE(p + 10),
      crc: file.readUInt32LE(p + 16),
      compressedSize: file.readUInt32LE(p + 20),
      size: file.readUInt32LE(p + 24),
      localOffset: file.readUInt32LE(p + 42),
    };
    if (entry.size === MAX32 || entry.compressedSize === MAX32 || entry.localOffset === MAX32) {
      readZip64Extra(file.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength), entry);
    }
    total += entry.size;
    if (total > limits.maxTotalBytes) {
      throw new DocxImportError('too-large', { reason: 'unpacked', limit: sizeText(limits.maxTotalBytes) });
    }
    entries.push(entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Fills in the 64-bit sizes and offset that a ZIP64 entry keeps in its extra field. */
export function readZip64Extra(extra: Buffer, entry: ZipEntry) {
  for (let i = 0; i + 4 <= extra.length;) {
    const id = extra.readUInt16LE(i);
    const length = extra.readUInt16LE(i + 2);
    if (id === 0x0001) {
      let q = i + 4;
      const next = () => {
        if (q + 8 > i + 4 + length || q + 8 > extra.length) throw corrupt('bad ZIP64 field');
        const value = Number(extra.readBigUInt64LE(q));
        q += 8;
        return value;
      };
      if (entry.size === MAX32) entry.size = next();
      if (entry.compressedSize === MAX32) entry.compressedSize = next();
      if (entry.localOffset === MAX32) entry.localOffset = next();
      return;
    }
    i += 4 + length;
  }
  throw corrupt('missing ZIP64 field');
}

/**
 * Unpacks every entry. Declared sizes were already checked against the limits; here each
 * entry may not unpack to more than it declared, and must match its CRC.
 */
export async function readPackage(file: Buffer, limits: DocxImportLimits): Promise<Map<string, Buffer>> {
  const parts = new Map<string, Buffer>();
  for (const entry of readCentralDirectory(file, limits)) {
    if (entry.name.endsWith('/')) continue;
    if (parts.has(entry.name)) throw corrupt(`duplicate entry ${quote(entry.name, 80)}`);
    if (entry.flags & 0x1) throw corrupt('encrypted entry');
    const local = entry.localOffset;
    if (local + 30 > file.length || file.readUInt32LE(local) !== SIG_LOCAL) throw corrupt('bad entry header');
    const start = local + 30 + file.readUInt16LE(local + 26) + file.readUInt16LE(local + 28);
    const data = file.subarray(start, start + entry.compressedSize);
    if (data.length !== entry.compressedSize) throw corrupt('truncated entry');
    let content: Buffer;
    if (entry.method === 0) {
      content = data;
    } else if (entry.method === 8) {
      try {
        content = await inflateRaw(data, { maxOutputLength: Math.max(1, entry.size) });
      } catch {
        throw corrupt(`entry ${quote(entry.name, 80)} does not unpack to its declared size`);
      }
    } else {
      throw corrupt(`unsupported compression method ${entry.method}`);
    }
    if (content.length !== entry.size) throw corrupt(`entry ${quote(entry.name, 80)} does not match its declared size`);
    if (zlib.crc32(content) >>> 0 !== entry.crc >>> 0)
      throw corrupt(`entry ${quote(entry.name, 80)} fails its checksum`);
    parts.set(entry.name, content);
  }
  return parts;
}

/** A plain (stored, uncompressed) ZIP of `parts`, for mammoth. */
export function storedZip(parts: Map<string, Buffer>): Buffer {
  const chunks: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of parts) {
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = zlib.crc32(data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(SIG_LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(SIG_CENTRAL, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    chunks.push(local, nameBytes, data);
    directory.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directorySize = directory.reduce((sum, b) => sum + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(SIG_END, 0);
  end.writeUInt16LE(parts.size, 8);
  end.writeUInt16LE(parts.size, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...directory, end]);
}
