/**
 * Small but real compressed audio files for tests, built byte by byte because no encoder
 * (ffmpeg, lame, opusenc) is installed here. Both are silent, valid streams that players and
 * parsers accept: every MP3 frame and every Ogg page is well-formed.
 */

const MP3_FRAME_BYTES = 417; // 144 × 128 000 / 44 100, rounded down: frames without the padding byte
const MP3_SAMPLES_PER_FRAME = 1152;

/** A silent MPEG-1 Layer III file (128 kbit/s, 44.1 kHz, mono, constant bit rate), `seconds` long. */
export function makeMp3(seconds: number): Buffer {
  const frame = Buffer.alloc(MP3_FRAME_BYTES);
  // Frame sync + MPEG-1 Layer III without CRC; 128 kbit/s, 44.1 kHz, no padding; mono. The
  // zeroed side information and main data decode as silence.
  frame.set([0xff, 0xfb, 0x90, 0xc0]);
  const frames = Math.round((seconds * 44_100) / MP3_SAMPLES_PER_FRAME);
  return Buffer.concat(Array.from({ length: frames }, () => frame));
}

const OPUS_RATE = 48_000;
const OPUS_PRE_SKIP = 312;
const OPUS_PACKET_SAMPLES = 960; // 20 ms
const OGG_SERIAL = 0x0d055132;
const MAX_PACKETS_PER_PAGE = 255;

/**
 * A silent Ogg Opus file (mono), `seconds` long: the identification and comment headers,
 * then 20 ms packets that each carry only a TOC byte (an empty frame, played as silence),
 * on as many pages as needed, the last one marked end-of-stream.
 */
export function makeOggOpus(seconds: number): Buffer {
  const head = Buffer.alloc(19);
  head.write('OpusHead');
  head[8] = 1; // version
  head[9] = 1; // channels
  head.writeUInt16LE(OPUS_PRE_SKIP, 10);
  head.writeUInt32LE(OPUS_RATE, 12);
  const vendor = 'dossier tests';
  const tags = Buffer.alloc(8 + 4 + vendor.length + 4);
  tags.write('OpusTags');
  tags.writeUInt32LE(vendor.length, 8);
  tags.write(vendor, 12);

  const packetCount = Math.round((seconds * OPUS_RATE) / OPUS_PACKET_SAMPLES);
  const pages = [oggPage(0, 0x02, 0n, [head]), oggPage(1, 0x00, 0n, [tags])];
  for (let done = 0; done < packetCount; done += MAX_PACKETS_PER_PAGE) {
    const count = Math.min(MAX_PACKETS_PER_PAGE, packetCount - done);
    const last = done + count === packetCount;
    const granule = BigInt(OPUS_PRE_SKIP + (done + count) * OPUS_PACKET_SAMPLES);
    // TOC 0xF8: configuration 31 (CELT, fullband, 20 ms), mono, one frame.
    const packets = Array.from({ length: count }, () => Buffer.from([0xf8]));
    pages.push(oggPage(pages.length, last ? 0x04 : 0x00, granule, packets));
  }
  return Buffer.concat(pages);
}

/** One Ogg page (RFC 3533) holding whole packets shorter than 255 bytes. */
function oggPage(sequence: number, flags: number, granule: bigint, packets: Buffer[]): Buffer {
  const header = Buffer.alloc(27 + packets.length);
  header.write('OggS');
  header[5] = flags;
  header.writeBigInt64LE(granule, 6);
  header.writeUInt32LE(OGG_SERIAL, 14);
  header.writeUInt32LE(sequence, 18);
  header[26] = packets.length;
  packets.forEach((p, i) => (header[27 + i] = p.length));
  const page = Buffer.concat([header, ...packets]);
  page.writeUInt32LE(oggCrc(page), 22);
  return page;
}

/** Ogg's CRC-32: polynomial 0x04C11DB7, not reflected, initial value 0, computed with the CRC field zeroed. */
function oggCrc(data: Buffer): number {
  let crc = 0;
  for (const byte of data) {
    crc ^= byte << 24;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x80000000 ? (crc << 1) ^ 0x04c11db7 : crc << 1;
  }
  return crc >>> 0;
}
