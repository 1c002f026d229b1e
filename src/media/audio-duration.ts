/**
 * How long an audio or video upload plays, in whole seconds, read from the file itself with
 * music-metadata: MP3 (Xing/VBRI header, else every frame counted), MP4/M4A (the sound
 * track's `mdhd`, so a silent MP4 video has none), WebM (the segment's duration), Ogg Vorbis
 * and Opus (the last page's granule position), ADTS AAC and WAV. Null when the file does not
 * tell; a WAV that music-metadata cannot read is measured from its chunks.
 */
export async function audioDurationSeconds(buffer: Buffer, mime: string): Promise<number | null> {
  const seconds = await parsedDuration(buffer, mime);
  if (seconds !== undefined) return Math.round(seconds);
  return mime === 'audio/wav' ? wavDurationSeconds(buffer) : null;
}

async function parsedDuration(buffer: Buffer, mime: string): Promise<number | undefined> {
  // Loaded on first use: only uploads (and the demo seed) need it, not a process serving pages.
  const { parseBuffer } = await import('music-metadata');
  try {
    // `duration: true` reads to the end when the headers do not say: without it an Ogg file
    // longer than a dozen pages, or an MP3 without a Xing header, gets no or a guessed length.
    const { format } = await parseBuffer(
      buffer,
      { mimeType: mime, size: buffer.length },
      { duration: true, skipCovers: true },
    );
    const { duration } = format;
    return duration !== undefined && Number.isFinite(duration) && duration >= 0 ? duration : undefined;
  } catch {
    // The upload was accepted by its signature; damaged metadata only costs the duration.
    return undefined;
  }
}

/** Duration of a PCM WAV from its `fmt ` and `data` chunks, rounded to whole seconds; null if unreadable. */
export function wavDurationSeconds(buffer: Buffer): number | null {
  if (buffer.length < 12 || buffer.toString('latin1', 0, 4) !== 'RIFF' || buffer.toString('latin1', 8, 12) !== 'WAVE')
    return null;
  let byteRate = 0;
  let offset = 12;
  while (offset + 8 <= buffer.length) {
    const id = buffer.toString('latin1', offset, offset + 4);
    const size = buffer.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ' && size >= 16 && body + 16 <= buffer.length) byteRate = buffer.readUInt32LE(body + 8);
    if (id === 'data') {
      if (byteRate === 0) return null;
      // Streaming writers may leave the size as 0xFFFFFFFF: count only what is there.
      return Math.round(Math.min(size, buffer.length - body) / byteRate);
    }
    offset = body + size + (size % 2);
  }
  return null;
}
