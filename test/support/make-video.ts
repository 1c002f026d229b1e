/**
 * Small video files for tests, built byte by byte because no encoder (ffmpeg) is installed
 * here. They hold no pictures, only the container structure that file-type, the sniffer and
 * music-metadata read: the format, the kinds of track and the length.
 */

/** An ISO BMFF (MP4) box: its size, its type, then its body. */
function box(type: string, ...body: Buffer[]): Buffer {
  const data = Buffer.concat(body);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + data.length, 0);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, data]);
}

/** `length` zero bytes with the given big-endian integers and Latin-1 text written at their offsets. */
function bytes(length: number, ...values: { at: number; u32?: number; u16?: number; text?: string }[]): Buffer {
  const buffer = Buffer.alloc(length);
  for (const { at, u32, u16, text } of values) {
    if (u32 !== undefined) buffer.writeUInt32BE(u32, at);
    if (u16 !== undefined) buffer.writeUInt16BE(u16, at);
    if (text !== undefined) buffer.write(text, at, 'latin1');
  }
  return buffer;
}

export type Mp4Handler = 'vide' | 'soun';

/**
 * An MP4 file `seconds` long with one track per handler ('vide' for pictures, 'soun' for
 * sound), each with the boxes music-metadata reads: header, handler, sample description and
 * (empty) sample sizes. `brand` is the `ftyp` major brand, from which file-type names the format.
 */
export function makeMp4(handlers: Mp4Handler[], seconds = 1, brand = 'isom'): Buffer {
  const scale = { at: 12, u32: 1000 };
  const length = { at: 16, u32: seconds * 1000 };
  // Full boxes of version 0: their first 4 bytes (version and flags) stay zero.
  const mvhd = box('mvhd', bytes(100, scale, length, { at: 96, u32: handlers.length + 1 }));
  const traks = handlers.map((handler, i) =>
    box(
      'trak',
      box('tkhd', bytes(84, { at: 12, u32: i + 1 })),
      box(
        'mdia',
        box('mdhd', bytes(24, scale, length)),
        box('hdlr', bytes(25, { at: 8, text: handler })),
        box(
          'minf',
          box('stbl', box('stsd', bytes(8, { at: 4, u32: 1 }), sampleEntry(handler)), box('stsz', bytes(12))),
        ),
      ),
    ),
  );
  return Buffer.concat([
    box('ftyp', Buffer.from(`${brand}\0\0\0\0isommp42`, 'latin1')),
    box('moov', mvhd, ...traks),
    box('mdat', Buffer.alloc(64)),
  ]);
}

/** An `avc1` picture entry (H.264, 16×16) or an `mp4a` sound entry (AAC, stereo, 48 kHz). */
function sampleEntry(handler: Mp4Handler): Buffer {
  const dataReference = { at: 6, u16: 1 };
  if (handler === 'vide') return box('avc1', bytes(78, dataReference, { at: 24, u16: 16 }, { at: 26, u16: 16 }));
  return box('mp4a', bytes(28, dataReference, { at: 16, u16: 2 }, { at: 18, u16: 16 }, { at: 24, u16: 48000 }));
}

/** An EBML (Matroska) element: its ID, which carries its own length marker, an 8-byte size, then its body. */
function element(id: number, ...body: Buffer[]): Buffer {
  const data = Buffer.concat(body);
  const size = Buffer.alloc(8);
  size[0] = 0x01; // the length marker of an 8-byte size
  size.writeUIntBE(data.length, 2, 6);
  return Buffer.concat([Buffer.from(id.toString(16), 'hex'), size, data]);
}

const uint = (id: number, value: number) => element(id, bytes(4, { at: 0, u32: value }));
const text = (id: number, value: string) => element(id, Buffer.from(value, 'latin1'));

/**
 * A WebM file `seconds` long with one VP9 picture track: the EBML header naming the
 * DocType, then a segment with its info (time scale and duration) and tracks.
 * DocType 'matroska' makes an MKV file instead.
 */
export function makeWebm(seconds = 1, docType = 'webm'): Buffer {
  const duration = Buffer.alloc(8);
  duration.writeDoubleBE(seconds * 1000); // in units of the time scale: milliseconds
  const header = element(
    0x1a45dfa3, // EBML
    uint(0x4286, 1), // EBMLVersion
    uint(0x42f7, 1), // EBMLReadVersion
    uint(0x42f2, 4), // EBMLMaxIDLength
    uint(0x42f3, 8), // EBMLMaxSizeLength
    text(0x4282, docType), // DocType
    uint(0x4287, 4), // DocTypeVersion
    uint(0x4285, 2), // DocTypeReadVersion
  );
  const info = element(
    0x1549a966, // Info
    uint(0x2ad7b1, 1_000_000), // TimecodeScale: 1 ms, in nanoseconds
    element(0x4489, duration), // Duration
    text(0x4d80, 'test'), // MuxingApp
  );
  const track = element(
    0xae, // TrackEntry
    uint(0xd7, 1), // TrackNumber
    uint(0x73c5, 1), // TrackUID
    uint(0x83, 1), // TrackType: video
    text(0x86, 'V_VP9'), // CodecID
    element(0xe0, uint(0xb0, 16), uint(0xba, 16)), // Video: PixelWidth, PixelHeight
  );
  return Buffer.concat([header, element(0x18538067, info, element(0x1654ae6b, track))]); // Segment, Tracks
}
