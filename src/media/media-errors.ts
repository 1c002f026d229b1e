import type { Lang, MediaKind } from '../db/schema.js';

/**
 * Errors the media library shows to editors. Each carries a `code` and the `params` needed
 * to explain it; `mediaErrorMessage` turns one into an English or Hebrew sentence.
 */
export interface MediaErrorParamsByCode {
  empty: Record<string, never>;
  /** `kind` is absent when the file is larger than any upload may be (before its type is known). */
  too_large: { bytes: number; limit: number; kind?: MediaKind };
  /**
   * `detected`: a key of DETECTED_DESCRIPTIONS or a file extension; absent when the type is unknown.
   * `family`: what sort of thing was detected, which picks the sentence.
   */
  unsupported_type: { detected?: string; family?: 'image' | 'audio' | 'video' | 'other'; name?: string };
  svg: { name?: string };
  too_many_pixels: { width: number; height: number; limit: number };
  unreadable_image: Record<string, never>;
  /** Titles / names of what uses the file. */
  in_use: { publications: string[]; people: string[]; pages: string[]; programmes: string[] };
  not_found: { id: number };
}

export type MediaErrorCode = keyof MediaErrorParamsByCode;

type MediaErrorDetail = { [C in MediaErrorCode]: { code: C; params: MediaErrorParamsByCode[C] } }[MediaErrorCode];

export class MediaError<C extends MediaErrorCode = MediaErrorCode> extends Error {
  readonly code: C;
  readonly params: MediaErrorParamsByCode[C];

  constructor(code: C, params: MediaErrorParamsByCode[C], options?: ErrorOptions) {
    super(format({ code, params } as MediaErrorDetail, 'en'), options);
    this.name = 'MediaError';
    this.code = code;
    this.params = params;
  }
}

export function isMediaError(err: unknown): err is MediaError {
  return err instanceof MediaError;
}

/** A clear sentence for the editor; any other error gets a generic "could not be saved". */
export function mediaErrorMessage(err: unknown, lang: Lang): string {
  if (err instanceof MediaError) return format({ code: err.code, params: err.params } as MediaErrorDetail, lang);
  return lang === 'he' ? 'לא ניתן היה לשמור את הקובץ. נסו שוב.' : 'The file could not be saved. Please try again.';
}

/** What a refused file looks like, for "This file is …". */
const DETECTED_DESCRIPTIONS: Record<string, { en: string; he: string }> = {
  zip: { en: 'a ZIP archive', he: 'ארכיון ZIP' },
  archive: { en: 'a compressed archive', he: 'קובץ דחוס' },
  word: { en: 'a Word document', he: 'מסמך Word' },
  excel: { en: 'an Excel spreadsheet', he: 'גיליון Excel' },
  powerpoint: { en: 'a PowerPoint presentation', he: 'מצגת PowerPoint' },
  office: { en: 'an Office document', he: 'מסמך Office' },
  opendocument: { en: 'an OpenDocument file', he: 'מסמך OpenDocument' },
  epub: { en: 'an e-book (EPUB)', he: 'ספר אלקטרוני (EPUB)' },
  html: { en: 'a web page (HTML)', he: 'דף אינטרנט (HTML)' },
  xml: { en: 'an XML file', he: 'קובץ XML' },
  text: { en: 'a text file', he: 'קובץ טקסט' },
  mp4_without_tracks: { en: 'an MP4 file with no video or sound track', he: 'קובץ MP4 בלי רצועת וידאו או שמע' },
  program: { en: 'a program', he: 'תוכנה' },
  heic: { en: 'a HEIC photo (the iPhone format)', he: 'תמונת HEIC (הפורמט של iPhone)' },
  tiff: { en: 'a TIFF image', he: 'תמונת TIFF' },
  bmp: { en: 'a BMP image', he: 'תמונת BMP' },
  psd: { en: 'a Photoshop file', he: 'קובץ Photoshop' },
  jxl: { en: 'a JPEG XL image', he: 'תמונת JPEG XL' },
  ico: { en: 'an icon file', he: 'קובץ סמל (ICO)' },
  flac: { en: 'a FLAC audio file', he: 'קובץ שמע FLAC' },
  aiff: { en: 'an AIFF audio file', he: 'קובץ שמע AIFF' },
  midi: { en: 'a MIDI file', he: 'קובץ MIDI' },
  font: { en: 'a font', he: 'גופן' },
};

function describe(detected: string, lang: Lang): string {
  const known = DETECTED_DESCRIPTIONS[detected];
  if (known) return known[lang];
  const ext = detected.toUpperCase();
  return lang === 'he' ? `קובץ ${ext}` : `a ${ext} file`;
}

const KIND_PLURAL: Record<MediaKind, { en: string; he: string }> = {
  image: { en: 'images', he: 'לתמונות' },
  pdf: { en: 'PDFs', he: 'לקובצי PDF' },
  audio: { en: 'audio files', he: 'לקובצי שמע' },
  video: { en: 'videos', he: 'לסרטונים' },
};

/** Names of refused video formats, for "a video in … format"; others go by their extension. */
const VIDEO_FORMATS: Record<string, string> = {
  mov: 'QuickTime (MOV)',
  mkv: 'Matroska (MKV)',
  asf: 'Windows Media (WMV)',
};

const MB = 1024 * 1024;

/** "31 MB", "4.2 MB", "800 KB": rounded up, so a file just over a limit never shows as equal to it. */
export function formatBytes(bytes: number): string {
  if (bytes < MB) return `${Math.max(1, Math.ceil(bytes / 1024))} KB`;
  const mb = bytes / MB;
  if (mb < 10) return `${Math.ceil(mb * 10) / 10} MB`;
  return `${Math.ceil(mb)} MB`;
}

function megapixels(pixels: number): string {
  const mp = pixels / 1_000_000;
  return String(mp < 10 ? Math.round(mp * 10) / 10 : Math.round(mp));
}

/** A short list of names: the first five, then "and N more". */
function list(names: string[], lang: Lang): string {
  const quoted = names.slice(0, 5).map((n) => (lang === 'he' ? `„${n}”` : `“${n}”`));
  const more = names.length - quoted.length;
  if (more > 0) quoted.push(lang === 'he' ? `ועוד ${more}` : `and ${more} more`);
  return quoted.join(', ');
}

const ACCEPTED_EN = 'images (JPEG, PNG, WebP, GIF, AVIF), PDFs, audio (MP3, M4A, WAV, Ogg) or video (MP4, WebM)';
const ACCEPTED_HE =
  'תמונות (JPEG, PNG, WebP, GIF, AVIF), קובצי PDF, קובצי שמע (MP3, M4A, WAV, Ogg) או סרטונים (MP4, WebM)';

/** Why a video in another format is refused, and what to do instead. */
function refusedVideo(format: string, lang: Lang): string {
  return lang === 'he'
    ? `הקובץ הוא סרטון בפורמט ${format}\u200e, שלא כל הדפדפנים יודעים להציג. יש להמיר אותו ל-MP4 (H.264)\u200e או ל-WebM ולהעלות את הקובץ החדש.`
    : `This file is a video in ${format} format, which not every browser plays. Convert it to MP4 (H.264) or WebM and upload that.`;
}

function format(detail: MediaErrorDetail, lang: Lang): string {
  const he = lang === 'he';
  switch (detail.code) {
    case 'empty':
      return he ? 'הקובץ ריק.' : 'The file is empty.';
    case 'too_large': {
      const { bytes, limit, kind } = detail.params;
      if (kind) {
        return he
          ? `הקובץ בגודל ${formatBytes(bytes)}; הגודל המרבי ${KIND_PLURAL[kind].he} הוא ${formatBytes(limit)}.`
          : `The file is ${formatBytes(bytes)}; ${KIND_PLURAL[kind].en} can be at most ${formatBytes(limit)}.`;
      }
      return he
        ? `הקובץ בגודל ${formatBytes(bytes)}; הגודל המרבי להעלאה הוא ${formatBytes(limit)}.`
        : `The file is ${formatBytes(bytes)}; uploads can be at most ${formatBytes(limit)}.`;
    }
    case 'unsupported_type': {
      const { detected, family } = detail.params;
      if (!detected) {
        return he
          ? `לא ניתן לזהות את סוג הקובץ. אפשר להעלות ${ACCEPTED_HE}.`
          : `This file’s type could not be recognised. You can upload ${ACCEPTED_EN}.`;
      }
      if (family === 'video') return refusedVideo(VIDEO_FORMATS[detected] ?? detected.toUpperCase(), lang);
      const what = describe(detected, lang);
      if (family === 'image' || family === 'audio') {
        return he
          ? `הקובץ הוא ${what}, פורמט שלא ניתן להעלות. אפשר להעלות ${ACCEPTED_HE}.`
          : `This file is ${what}, a format that can’t be uploaded. You can upload ${ACCEPTED_EN}.`;
      }
      return he
        ? `הקובץ הוא ${what}, לא תמונה, PDF, קובץ שמע או סרטון.`
        : `This file is ${what}, not an image, PDF, audio or video file.`;
    }
    case 'svg':
      return he
        ? 'תמונות SVG אינן מתקבלות, כי הן עלולות להכיל קוד. יש לייצא את התמונה כ-PNG ולהעלות אותה.'
        : 'SVG images are not accepted, because they can contain scripts. Export the image as PNG and upload that.';
    case 'too_many_pixels': {
      const { width, height, limit } = detail.params;
      const size = `${width} × ${height}`;
      return he
        ? `התמונה בגודל ${size} פיקסלים (${megapixels(width * height)} מגה-פיקסל); הגודל המרבי לתמונה הוא ${megapixels(limit)} מגה-פיקסל.`
        : `The image is ${size} pixels (${megapixels(width * height)} megapixels); images can be at most ${megapixels(limit)} megapixels.`;
    }
    case 'unreadable_image':
      return he
        ? 'לא ניתן לקרוא את התמונה; ייתכן שהקובץ פגום. נסו לשמור אותה שוב כ-JPEG או PNG.'
        : 'The image could not be read; the file may be damaged. Try saving it again as JPEG or PNG.';
    case 'in_use': {
      const { publications, people, pages, programmes } = detail.params;
      const parts: string[] = [];
      if (publications.length > 0) parts.push(`${he ? 'פרסומים' : 'publications'}: ${list(publications, lang)}`);
      if (pages.length > 0) parts.push(`${he ? 'עמודים' : 'pages'}: ${list(pages, lang)}`);
      if (people.length > 0) parts.push(`${he ? 'אנשים' : 'people'}: ${list(people, lang)}`);
      if (programmes.length > 0)
        parts.push(`${he ? 'אירועים, פרקים וסרטונים' : 'events, episodes and videos'}: ${list(programmes, lang)}`);
      return he
        ? `לא ניתן למחוק את הקובץ כי הוא עדיין בשימוש (${parts.join('; ')}). יש להסיר אותו משם תחילה.`
        : `This file can’t be deleted because it is still in use (${parts.join('; ')}). Remove it from there first.`;
    }
    case 'not_found':
      return he ? 'הקובץ לא נמצא; ייתכן שכבר נמחק.' : 'The file was not found; it may already have been deleted.';
  }
}
