/**
 * Word (.docx) import: turns an uploaded Word file into a rich-text document, a title and a
 * report of what could not be kept.
 *
 * 1. The ZIP package is read here, not by mammoth: sizes and entry count are checked before
 *    anything is unpacked, every entry is unpacked with a hard output limit and checked
 *    against its declared size and CRC, and mammoth then gets a clean re-packed copy. Nothing
 *    is ever fetched or read from disk (linked pictures are reported, not followed).
 * 2. word/document.xml is scanned for what mammoth drops silently: paragraph direction
 *    (`w:bidi`), comments, tracked changes, charts, SmartArt, shapes, text boxes.
 * 3. mammoth converts the document to HTML (pictures go through `saveImage`), and
 *    html-to-rich-doc turns that HTML into a RichDoc.
 */
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import mammoth from 'mammoth';
import type { RichDoc } from '../../content/rich-text.js';
import {
  childElements,
  directionMarker,
  firstChild,
  htmlToRichDoc,
  type ImportNote,
  type MarkupElement,
  parseMarkup,
  quote,
} from './html-to-rich-doc.js';

export type { ImportNote } from './html-to-rich-doc.js';

export interface DocxImportResult {
  doc: RichDoc;
  /** From the Title style or the first Heading 1, if any (then not repeated in the body). */
  title: string | null;
  /** What could not be kept, in reading order (document-wide findings last), deduplicated with `params.count`. */
  report: ImportNote[];
}

export interface SavedImage {
  src: string;
  mediaId: number;
}

export interface DocxImportLimits {
  /** Size of the uploaded file. */
  maxFileBytes: number;
  /** Sum of the unpacked sizes of all entries in the package. */
  maxTotalBytes: number;
  /** Number of entries in the package. */
  maxEntries: number;
}

export const DEFAULT_DOCX_LIMITS: DocxImportLimits = {
  maxFileBytes: 100 * 1024 * 1024,
  maxTotalBytes: 100 * 1024 * 1024,
  maxEntries: 2000,
};

export interface DocxImportOptions {
  /** Stores one picture (PNG, JPEG, GIF or WebP, checked by content) and says where it now lives. */
  saveImage(image: { buffer: Buffer; contentType: string; alt: string }): Promise<SavedImage>;
  /**
   * When `saveImage` fails: return a sentence in both languages to leave that picture out and
   * carry on (it is reported as `image-not-saved`), or null to abort the import with the error.
   * Without this option every such error aborts the import.
   */
  describeImageError?(error: unknown): { en: string; he: string } | null;
  limits?: Partial<DocxImportLimits>;
}

export type DocxImportErrorCode = 'not-a-docx' | 'legacy-doc' | 'too-large' | 'corrupt';

/** A file that cannot be read at all. Show it with `importNoteMessage(error, lang)`. */
export class DocxImportError extends Error {
  readonly code: DocxImportErrorCode;
  readonly params: Record<string, string | number>;

  constructor(code: DocxImportErrorCode, params: Record<string, string | number> = {}) {
    super(importNoteMessage({ code, params }, 'en'));
    this.name = 'DocxImportError';
    this.code = code;
    this.params = params;
  }
}

// ---------------------------------------------------------------------------------------
// Messages

type Params = Record<string, string | number>;
type Message = (p: Params) => string;

const s = (p: Params, key: string) => String(p[key] ?? '');
const count = (p: Params) => Number(p.count ?? 1);
const times = (p: Params, lang: 'en' | 'he') => {
  const n = count(p);
  if (n <= 1) return '';
  return lang === 'en' ? ` (${n} times)` : ` (${n} פעמים)`;
};
const detail = (p: Params) => (p.detail ? ` (${s(p, 'detail')})` : '');

const formatNames: Record<string, { en: string; he: string }> = {
  underline: { en: 'underline', he: 'קו תחתון' },
  strikethrough: { en: 'strikethrough', he: 'קו חוצה' },
  superscript: { en: 'superscript', he: 'כתב עילי' },
  subscript: { en: 'subscript', he: 'כתב תחתי' },
};

const messages: Record<string, { en: Message; he: Message }> = {
  // Files that cannot be imported at all
  'not-a-docx': {
    en: (p) =>
      p.reason === 'no-document'
        ? 'This file is a ZIP archive but not a Word document: it has no word/document.xml. Save the document from Word as “Word Document (.docx)” and import that file.'
        : 'This file is not a Word document (.docx). Save the document from Word as “Word Document (.docx)” and import that file.',
    he: (p) =>
      p.reason === 'no-document'
        ? 'הקובץ הוא ארכיון ZIP אבל לא מסמך Word: אין בו word/document.xml. יש לשמור את המסמך ב-Word בתור "מסמך Word" (docx) ולייבא את הקובץ הזה.'
        : 'הקובץ אינו מסמך Word מסוג docx. יש לשמור את המסמך ב-Word בתור "מסמך Word" (docx) ולייבא את הקובץ הזה.',
  },
  'legacy-doc': {
    en: () =>
      'This is an older Word file (.doc) or a password-protected document, which cannot be imported. Open it in Word, remove any password, save it as “Word Document (.docx)” and import that file.',
    he: () =>
      'זהו קובץ Word ישן (doc) או מסמך מוגן בסיסמה, ולכן אי אפשר לייבא אותו. יש לפתוח אותו ב-Word, להסיר את הסיסמה אם יש, לשמור אותו בתור "מסמך Word" (docx) ולייבא את הקובץ הזה.',
  },
  'too-large': {
    en: (p) =>
      p.reason === 'entries'
        ? `This document has too many internal parts${p.limit ? ` (more than ${s(p, 'limit')})` : ''} to be imported safely.`
        : p.reason === 'file'
          ? `This file is too large to import${p.limit ? ` (the limit is ${s(p, 'limit')})` : ''}.`
          : `This document is too large to import${p.limit ? `: unpacked, it would take more than ${s(p, 'limit')}` : ''}. Large pictures are the usual cause; compress them in Word (Picture Format → Compress Pictures) and try again.`,
    he: (p) =>
      p.reason === 'entries'
        ? `במסמך יש יותר מדי חלקים פנימיים${p.limit ? ` (יותר מ-${s(p, 'limit')})` : ''}, ולכן אי אפשר לייבא אותו בבטחה.`
        : p.reason === 'file'
          ? `הקובץ גדול מכדי לייבא אותו${p.limit ? ` (המגבלה היא ${s(p, 'limit')})` : ''}.`
          : `המסמך גדול מכדי לייבא אותו${p.limit ? `: לאחר פריסה הוא תופס יותר מ-${s(p, 'limit')}` : ''}. בדרך כלל הסיבה היא תמונות גדולות; אפשר לדחוס אותן ב-Word (עיצוב תמונה ← דחיסת תמונות) ולנסות שוב.`,
  },
  corrupt: {
    en: (p) =>
      `This file is damaged and cannot be read${detail(p)}. Open it in Word, save it again as .docx and import the new file.`,
    he: (p) =>
      `הקובץ פגום ואי אפשר לקרוא אותו${detail(p)}. יש לפתוח אותו ב-Word, לשמור אותו שוב כ-docx ולייבא את הקובץ החדש.`,
  },

  // Things left out of an imported document
  'link-dropped': {
    en: (p) =>
      `A link to “${s(p, 'href')}” was removed: only web (http, https) and email links are allowed. Its text was kept.${times(p, 'en')}`,
    he: (p) =>
      `קישור אל "${s(p, 'href')}" הוסר: מותרים רק קישורי אינטרנט (http,‏ https) וקישורי דואר אלקטרוני. הטקסט שלו נשמר.${times(p, 'he')}`,
  },
  'internal-link-dropped': {
    en: (p) =>
      count(p) > 1
        ? `${count(p)} links to places inside the document (a table of contents or cross-references) were removed; their text was kept.`
        : 'A link to a place inside the document (a table of contents entry or cross-reference) was removed; its text was kept.',
    he: (p) =>
      count(p) > 1
        ? `${count(p)} קישורים למקומות בתוך המסמך (תוכן עניינים או הפניות) הוסרו; הטקסט שלהם נשמר.`
        : 'קישור למקום בתוך המסמך (בתוכן עניינים או בהפניה) הוסר; הטקסט שלו נשמר.',
  },
  'image-no-alt': {
    en: (p) => `Image ${s(p, 'image')} has no alt text — add it before saving.`,
    he: (p) => `לתמונה ${s(p, 'image')} אין טקסט חלופי — יש להוסיף אותו לפני השמירה.`,
  },
  'image-alt-generated': {
    en: (p) => `The alt text of image ${s(p, 'image')} was written automatically by Word — check it before saving.`,
    he: (p) => `הטקסט החלופי של תמונה ${s(p, 'image')} נוצר אוטומטית ב-Word — יש לבדוק אותו לפני השמירה.`,
  },
  'image-linked': {
    en: (p) =>
      `Image ${s(p, 'image')} is linked to an outside file (“${s(p, 'target')}”) instead of being inside the document, so it was left out. Insert the picture into the document in Word and import again, or add it here by hand.`,
    he: (p) =>
      `תמונה ${s(p, 'image')} מקושרת לקובץ חיצוני ("${s(p, 'target')}") ואינה שמורה בתוך המסמך, ולכן לא יובאה. יש להכניס את התמונה למסמך ב-Word ולייבא שוב, או להוסיף אותה כאן ידנית.`,
  },
  'image-unsupported': {
    en: (p) =>
      `Image ${s(p, 'image')} is in a format the site cannot show (${s(p, 'type')}), so it was left out. Save it as PNG or JPEG and add it by hand.`,
    he: (p) =>
      `תמונה ${s(p, 'image')} שמורה בפורמט שהאתר אינו יכול להציג (${s(p, 'type')}), ולכן לא יובאה. יש לשמור אותה כ-PNG או כ-JPEG ולהוסיף אותה ידנית.`,
  },
  'image-unreadable': {
    en: (p) => `Image ${s(p, 'image')} could not be read from the document, so it was left out.`,
    he: (p) => `לא ניתן היה לקרוא את תמונה ${s(p, 'image')} מתוך המסמך, ולכן היא לא יובאה.`,
  },
  'image-not-saved': {
    en: (p) => `Image ${s(p, 'image')} could not be saved, so it was left out: ${s(p, 'reason')}`,
    he: (p) =>
      `לא ניתן היה לשמור את תמונה ${s(p, 'image')}, ולכן היא לא יובאה: ${s(p, p.reasonHe ? 'reasonHe' : 'reason')}`,
  },
  'image-link-dropped': {
    en: (p) => `The link on image ${s(p, 'image')} (“${s(p, 'href')}”) was removed; the image was kept.`,
    he: (p) => `הקישור שהיה על תמונה ${s(p, 'image')} ("${s(p, 'href')}") הוסר; התמונה עצמה נשמרה.`,
  },
  'note-image-dropped': {
    en: (p) => `A picture inside a footnote was left out; footnotes keep only their text.${times(p, 'en')}`,
    he: (p) => `תמונה שהייתה בתוך הערת שוליים לא יובאה; בהערות השוליים נשמר רק הטקסט.${times(p, 'he')}`,
  },
  'title-footnote-dropped': {
    en: (p) =>
      `The footnote on the document title was removed: “${s(p, 'content')}”. Add it to the text if it is needed.`,
    he: (p) => `הערת השוליים שהייתה על כותרת המסמך הוסרה: "${s(p, 'content')}". אם צריך, יש להוסיף אותה לגוף הטקסט.`,
  },
  'caption-footnote-dropped': {
    en: (p) => `A footnote on a picture caption was removed: “${s(p, 'content')}”.`,
    he: (p) => `הערת שוליים שהייתה על כיתוב של תמונה הוסרה: "${s(p, 'content')}".`,
  },
  'formatting-dropped': {
    en: (p) =>
      `${capitalise(formatNames[s(p, 'format')]?.en ?? s(p, 'format'))} formatting is not available and was removed; the text was kept.${times(p, 'en')}`,
    he: (p) =>
      `העיצוב "${formatNames[s(p, 'format')]?.he ?? s(p, 'format')}" אינו זמין והוסר; הטקסט נשמר.${times(p, 'he')}`,
  },
  'heading-flattened': {
    en: (p) =>
      `The site has three heading levels; ${count(p) > 1 ? `${count(p)} deeper headings were` : 'a deeper heading was'} imported at the lowest level.`,
    he: (p) =>
      `באתר יש שלוש רמות כותרת; ${count(p) > 1 ? `${count(p)} כותרות עמוקות יותר יובאו` : 'כותרת עמוקה יותר יובאה'} ברמה הנמוכה ביותר.`,
  },
  'comments-dropped': {
    en: (p) => (count(p) > 1 ? `${count(p)} Word comments were not imported.` : 'A Word comment was not imported.'),
    he: (p) =>
      count(p) > 1 ? `${count(p)} הערות עריכה (Comments) של Word לא יובאו.` : 'הערת עריכה (Comment) של Word לא יובאה.',
  },
  'tracked-changes-accepted': {
    en: () =>
      'The document has tracked changes. They were imported as if all were accepted (insertions kept, deletions removed); check the text.',
    he: () => 'במסמך יש שינויים במעקב. הם יובאו כאילו כולם התקבלו (תוספות נשמרו, מחיקות הוסרו); כדאי לבדוק את הטקסט.',
  },
  'text-box-moved': {
    en: (p) =>
      `The text of ${count(p) > 1 ? `${count(p)} text boxes was` : 'a text box was'} imported as ordinary paragraphs, after the paragraph the box was anchored to.`,
    he: (p) =>
      `הטקסט של ${count(p) > 1 ? `${count(p)} תיבות טקסט יובא` : 'תיבת טקסט יובא'} כפסקאות רגילות, אחרי הפסקה שאליה התיבה הייתה מעוגנת.`,
  },
  'text-box-dropped': {
    en: (p) => `A text box could not be read and was left out.${times(p, 'en')}`,
    he: (p) => `לא ניתן היה לקרוא תיבת טקסט, והיא לא יובאה.${times(p, 'he')}`,
  },
  'chart-dropped': {
    en: (p) => `A chart was left out; add it as a picture.${times(p, 'en')}`,
    he: (p) => `תרשים לא יובא; אפשר להוסיף אותו כתמונה.${times(p, 'he')}`,
  },
  'diagram-dropped': {
    en: (p) => `A SmartArt diagram was left out; add it as a picture.${times(p, 'en')}`,
    he: (p) => `גרפיקת SmartArt לא יובאה; אפשר להוסיף אותה כתמונה.${times(p, 'he')}`,
  },
  'shape-dropped': {
    en: (p) => `A drawing or shape was left out.${times(p, 'en')}`,
    he: (p) => `ציור או צורה לא יובאו.${times(p, 'he')}`,
  },
  'equation-dropped': {
    en: (p) => `An equation was left out; add it as a picture or as text.${times(p, 'en')}`,
    he: (p) => `משוואה לא יובאה; אפשר להוסיף אותה כתמונה או כטקסט.${times(p, 'he')}`,
  },
  'element-dropped': {
    en: (p) => `Word content of a kind the import does not handle (${s(p, 'element')}) was left out.${times(p, 'en')}`,
    he: (p) => `תוכן Word מסוג שהייבוא אינו מטפל בו (${s(p, 'element')}) לא יובא.${times(p, 'he')}`,
  },
  'style-not-kept': {
    en: (p) =>
      `The Word style “${s(p, 'style')}” has no equivalent here; its text was imported with ordinary formatting.${times(p, 'en')}`,
    he: (p) => `לסגנון ה-Word "${s(p, 'style')}" אין מקבילה כאן; הטקסט שלו יובא בעיצוב רגיל.${times(p, 'he')}`,
  },
  'converter-warning': {
    en: (p) => `Conversion warning: ${s(p, 'message')}${times(p, 'en')}`,
    he: (p) => `אזהרה בהמרת המסמך: ${s(p, 'message')}${times(p, 'he')}`,
  },
  'converter-error': {
    en: (p) => `Part of the document could not be converted: ${s(p, 'message')}${times(p, 'en')}`,
    he: (p) => `חלק מהמסמך לא הומר: ${s(p, 'message')}${times(p, 'he')}`,
  },
};

/** Every code `importNoteMessage` knows (report notes and DocxImportError codes). */
export const IMPORT_NOTE_CODES: readonly string[] = Object.keys(messages);

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A clear sentence for a report note or a DocxImportError, in English or Hebrew. */
export function importNoteMessage(note: ImportNote, lang: 'en' | 'he'): string {
  const message = messages[note.code];
  const params = note.params ?? {};
  if (message) return message[lang](params);
  const extra = Object.entries(params)
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ');
  return `${note.code}${extra ? ` (${extra})` : ''}`;
}

// ---------------------------------------------------------------------------------------
// The ZIP package

const inflateRaw = promisify(zlib.inflateRaw);

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_END64 = 0x06064b50;
const SIG_END64_LOCATOR = 0x07064b50;
const MAX32 = 0xffffffff;

interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** A limit as people read it: "100 MB", "50 KB". */
const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

function corrupt(detailText: string): DocxImportError {
  return new DocxImportError('corrupt', { detail: detailText });
}

/** Reads the central directory without unpacking anything. */
function readCentralDirectory(file: Buffer, limits: DocxImportLimits): ZipEntry[] {
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
function readZip64Extra(extra: Buffer, entry: ZipEntry) {
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
async function readPackage(file: Buffer, limits: DocxImportLimits): Promise<Map<string, Buffer>> {
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
function storedZip(parts: Map<string, Buffer>): Buffer {
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

// ---------------------------------------------------------------------------------------
// Package parts (found the way mammoth finds them, so both read the same parts)

const REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function xmlText(data: Buffer | undefined): string | undefined {
  return data?.toString('utf8').replace(/^\uFEFF/, '');
}

function relationshipTargets(parts: Map<string, Buffer>, relsPath: string, type: string): string[] {
  const xml = xmlText(parts.get(relsPath));
  if (!xml) return [];
  const root = parseMarkup(xml, { xml: true });
  const rels = childElements(root).flatMap((el) => childElements(el));
  return rels
    .filter((el) => el.name.replace(/^.*:/, '') === 'Relationship' && el.attrs.Type === type)
    .map((el) => el.attrs.Target ?? '');
}

function joinPartPath(base: string, target: string): string {
  const joined = target.startsWith('/') ? target : [base, target].filter(Boolean).join('/');
  return joined.replace(/^\//, '');
}

function findPart(parts: Map<string, Buffer>, relsPath: string, base: string, type: string, fallback: string) {
  const found = relationshipTargets(parts, relsPath, `${REL_TYPE}/${type}`)
    .map((target) => joinPartPath(base, target))
    .find((path) => parts.has(path));
  return found ?? fallback;
}

function splitPath(path: string): { dir: string; base: string } {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? { dir: '', base: path } : { dir: path.slice(0, slash), base: path.slice(slash + 1) };
}

/**
 * Mammoth skips the text inside `w:fldSimple` (simple fields such as figure numbers) and
 * `w:dir` / `w:bdo` (explicit bidirectional runs); unwrapping them keeps their text.
 */
const UNWRAP = /<\/?w:(?:fldSimple|dir|bdo)(?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*\/?>/g;

// ---------------------------------------------------------------------------------------
// The WordprocessingML scan

const NAMESPACES: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing': 'wp',
  'http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing': 'wp',
  'http://schemas.openxmlformats.org/drawingml/2006/main': 'a',
  'http://purl.oclc.org/ooxml/drawingml/main': 'a',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'urn:schemas-microsoft-com:vml': 'v',
};

/** Renames elements and attributes to the usual prefixes (w:, a:, …) whatever the document used. */
function canonicalise(el: MarkupElement, scope: Map<string, string>) {
  let local = scope;
  for (const [key, value] of Object.entries(el.attrs)) {
    if (key === 'xmlns' || key.startsWith('xmlns:')) {
      if (local === scope) local = new Map(scope);
      local.set(key === 'xmlns' ? '' : key.slice(6), value);
    }
  }
  const rename = (name: string, isElement: boolean) => {
    const colon = name.indexOf(':');
    if (colon < 0 && !isElement) return name;
    const uri = local.get(colon < 0 ? '' : name.slice(0, colon));
    const prefix = uri === undefined ? undefined : NAMESPACES[uri];
    return prefix ? `${prefix}:${name.slice(colon + 1)}` : name;
  };
  el.name = rename(el.name, true);
  const attrs: Record<string, string> = {};
  for (const [key, value] of Object.entries(el.attrs))
    attrs[key.startsWith('xmlns') ? key : rename(key, false)] = value;
  el.attrs = attrs;
  for (const child of childElements(el)) canonicalise(child, local);
}

function parseWordXml(xml: string): MarkupElement {
  const root = parseMarkup(xml, { xml: true });
  canonicalise(root, new Map());
  return root;
}

/** `<w:bidi/>`-style switches: present means on unless w:val says 0/false/off. */
function onOff(el: MarkupElement | undefined): boolean | undefined {
  if (!el) return undefined;
  const value = el.attrs['w:val'];
  return !(value === '0' || value === 'false' || value === 'off');
}

interface StyleDirections {
  styles: Map<string, { basedOn?: string; bidi?: boolean }>;
  defaultStyle?: string;
  documentDefault: boolean;
}

function readStyleDirections(xml: string | undefined): StyleDirections {
  const result: StyleDirections = { styles: new Map(), documentDefault: false };
  if (!xml) return result;
  const root = childElements(parseWordXml(xml)).find((el) => el.name === 'w:styles');
  if (!root) return result;
  const defaults = firstChild(root, 'w:docDefaults');
  const defaultPPr = defaults && firstChild(defaults, 'w:pPrDefault');
  const pPr = defaultPPr && firstChild(defaultPPr, 'w:pPr');
  result.documentDefault = (pPr && onOff(firstChild(pPr, 'w:bidi'))) ?? false;
  for (const style of childElements(root)) {
    if (style.name !== 'w:style' || style.attrs['w:type'] !== 'paragraph') continue;
    const id = style.attrs['w:styleId'];
    if (id === undefined) continue;
    const stylePPr = firstChild(style, 'w:pPr');
    result.styles.set(id, {
      basedOn: firstChild(style, 'w:basedOn')?.attrs['w:val'],
      bidi: stylePPr && onOff(firstChild(stylePPr, 'w:bidi')),
    });
    if (['1', 'true', 'on'].includes(style.attrs['w:default'] ?? '')) {
      result.defaultStyle = id;
    }
  }
  return result;
}

function styleBidi(directions: StyleDirections, id: string | undefined): boolean {
  for (let depth = 0; id !== undefined && depth < 20; depth++) {
    const style = directions.styles.get(id);
    if (!style) break;
    if (style.bidi !== undefined) return style.bidi;
    id = style.basedOn;
  }
  return directions.documentDefault;
}

interface DocumentScan {
  /** For every paragraph mammoth will read, in its order: whether it is right-to-left. */
  paragraphBidi: boolean[];
  findings: Map<string, number>;
}

/** Containers mammoth reads into (it skips the content of any other element). */
const READ_INTO = new Set([
  'w:body',
  'w:r',
  'w:hyperlink',
  'w:tbl',
  'w:tc',
  'w:sdtContent',
  'w:customXml',
  'w:smartTag',
  'w:object',
  'w:drawing',
  'w:pict',
  'v:roundrect',
  'v:shape',
  'v:textbox',
  'v:group',
  'v:rect',
]);

const GRAPHIC_KINDS: Record<string, string> = {
  'http://schemas.openxmlformats.org/drawingml/2006/picture': 'picture',
  'http://purl.oclc.org/ooxml/drawingml/picture': 'picture',
  'http://schemas.openxmlformats.org/drawingml/2006/chart': 'chart-dropped',
  'http://schemas.microsoft.com/office/drawing/2014/chartex': 'chart-dropped',
  'http://schemas.openxmlformats.org/drawingml/2006/diagram': 'diagram-dropped',
};

function descendants(el: MarkupElement, name: string): MarkupElement[] {
  return childElements(el).flatMap((c) => (c.name === name ? [c, ...descendants(c, name)] : descendants(c, name)));
}

/** What a drawing that mammoth will not read contains (a chart, SmartArt, a shape or text box). */
function droppedDrawing(el: MarkupElement): string | undefined {
  const graphic = descendants(el, 'a:graphicData')[0];
  if (!graphic) return descendants(el, 'w:txbxContent').length > 0 ? 'text-box-dropped' : undefined;
  const kind = GRAPHIC_KINDS[graphic.attrs.uri ?? ''] ?? 'shape-dropped';
  if (kind === 'picture') return undefined;
  if (kind === 'shape-dropped' && descendants(graphic, 'w:txbxContent').length > 0) return 'text-box-dropped';
  return kind;
}

/**
 * Walks word/document.xml the way mammoth's body reader does, recording each paragraph's
 * direction in the same order and counting what mammoth leaves out without a warning.
 */
function scanDocument(xml: string, directions: StyleDirections): DocumentScan {
  const root = childElements(parseWordXml(xml)).find((el) => el.name === 'w:document');
  if (!root) throw new DocxImportError('not-a-docx', { reason: 'no-document' });
  const body = firstChild(root, 'w:body');
  if (!body) throw corrupt('the document has no body');

  const paragraphBidi: boolean[] = [];
  const findings = new Map<string, number>();
  const found = (code: string) => findings.set(code, (findings.get(code) ?? 0) + 1);

  const visitChildren = (el: MarkupElement) => childElements(el).forEach(visit);
  const visit = (el: MarkupElement): void => {
    switch (el.name) {
      case 'mc:AlternateContent': {
        const fallback = firstChild(el, 'mc:Fallback');
        if (fallback) visitChildren(fallback);
        else {
          const dropped = droppedDrawing(el);
          if (dropped) found(dropped);
        }
        return;
      }
      case 'w:p': {
        const pPr = firstChild(el, 'w:pPr');
        const rPr = pPr && firstChild(pPr, 'w:rPr');
        if (rPr && firstChild(rPr, 'w:del')) {
          found('tracked-changes-accepted'); // a deleted paragraph mark: mammoth joins it to the next
        } else {
          const explicit = pPr && onOff(firstChild(pPr, 'w:bidi'));
          const styleId = (pPr && firstChild(pPr, 'w:pStyle')?.attrs['w:val']) ?? directions.defaultStyle;
          paragraphBidi.push(explicit ?? styleBidi(directions, styleId));
        }
        visitChildren(el);
        return;
      }
      case 'w:tr': {
        const trPr = firstChild(el, 'w:trPr');
        if (trPr && firstChild(trPr, 'w:del')) found('tracked-changes-accepted');
        else visitChildren(el);
        return;
      }
      case 'w:sdt': {
        const content = firstChild(el, 'w:sdtContent');
        if (content) visitChildren(content);
        return;
      }
      case 'w:ins':
      case 'w:moveTo':
        found('tracked-changes-accepted');
        visitChildren(el);
        return;
      case 'w:del':
      case 'w:moveFrom':
        found('tracked-changes-accepted');
        return;
      case 'w:commentReference':
        found('comments-dropped');
        return;
      case 'wp:inline':
      case 'wp:anchor': {
        const dropped = droppedDrawing(el);
        if (dropped) found(dropped);
        return;
      }
      case 'w:txbxContent':
        found('text-box-moved');
        visitChildren(el);
        return;
      default:
        if (READ_INTO.has(el.name)) visitChildren(el);
    }
  };
  visit(body);
  // Each insertion or deletion is counted; one note says they were accepted.
  if (findings.has('tracked-changes-accepted')) findings.set('tracked-changes-accepted', 1);
  return { paragraphBidi, findings };
}

// ---------------------------------------------------------------------------------------
// Mammoth

/** Mammoth's document model, as far as the direction markers need it. */
interface MammothNode {
  type: string;
  value?: string;
  children?: MammothNode[];
}

function hasVisibleContent(node: MammothNode): boolean {
  if (node.type === 'text') return (node.value ?? '') !== '';
  if (['image', 'noteReference', 'checkbox', 'tab'].includes(node.type)) return true;
  return (node.children ?? []).some(hasVisibleContent);
}

/**
 * Puts a direction marker at the start of each paragraph, matching mammoth's paragraphs to
 * the scanned ones by order. Returns false (and marks nothing) when the counts disagree.
 */
function markDirections(document: MammothNode, paragraphBidi: boolean[], nonce: string): boolean {
  const paragraphs: MammothNode[] = [];
  const visit = (node: MammothNode) => {
    if (node.type === 'paragraph') paragraphs.push(node);
    node.children?.forEach(visit);
  };
  document.children?.forEach(visit);
  if (paragraphs.length !== paragraphBidi.length) return false;
  if (!paragraphBidi.includes(true)) return true; // all left-to-right: nothing to mark
  paragraphs.forEach((paragraph, i) => {
    if (!hasVisibleContent(paragraph)) return;
    const marker = directionMarker(nonce, paragraphBidi[i] ? 'rtl' : 'ltr');
    paragraph.children?.unshift({ type: 'text', value: marker });
  });
  return true;
}

const listRules = (kind: 'ordered' | 'unordered', tag: 'ol' | 'ul') =>
  Array.from({ length: 9 }, (_, i) => {
    const path = [...Array.from({ length: i }, () => 'ul|ol > li'), `${tag} > li:fresh`].join(' > ');
    return `p:${kind}-list(${i + 1}) => ${path}`;
  });

/**
 * Word styles → HTML. Headings come first (numbered headings must stay headings), then
 * lists, then common styles that are ordinary paragraphs here. Levels are shifted later.
 */
const STYLE_MAP = [
  "p[style-name='Title'] => h1.docx-title:fresh",
  'p.Title => h1.docx-title:fresh',
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((n) => [
    `p[style-name='heading ${n}'] => h${Math.min(n, 6)}:fresh`,
    `p.Heading${n} => h${Math.min(n, 6)}:fresh`,
  ]),
  "p[style-name='Subtitle'] => p:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Block Text'] => blockquote > p:fresh",
  "p[style-name='caption'] => p.docx-caption:fresh",
  ...listRules('unordered', 'ul'),
  ...listRules('ordered', 'ol'),
  "p[style-name^='List'] => p:fresh",
  "p[style-name='No Spacing'] => p:fresh",
  "p[style-name^='Body Text'] => p:fresh",
  "p[style-name='Normal (Web)'] => p:fresh",
  "p[style-name='Plain Text'] => p:fresh",
  "p[style-name='Default'] => p:fresh",
  "p[style-name^='toc '] => p:fresh",
  "p[style-name='TOC Heading'] => p:fresh",
  "r[style-name='Emphasis'] => em",
  "r[style-name='Subtle Emphasis'] => em",
  "r[style-name='Intense Emphasis'] => strong > em",
  "r[style-name='Strong'] => strong",
  "r[style-name='FollowedHyperlink'] =>",
  "r[style-name='Default Paragraph Font'] =>",
  'u => u',
];

function mammothNote(message: { type: string; message: string }): ImportNote | null {
  const text = message.message;
  const element = /^An unrecognised element was ignored: (.+)$/.exec(text)?.[1];
  if (element !== undefined) {
    const local = element.replace(/^\{[^}]*\}/, '').replace(/^[\w-]+:/, '');
    if (local === 'oMath' || local === 'oMathPara') return { code: 'equation-dropped' };
    return { code: 'element-dropped', params: { element: quote(element.replace(/^\{[^}]*\}/, ''), 80) } };
  }
  const style =
    /^Unrecognised (?:paragraph|run) style: '(.*)' \(Style ID: (.*)\)$/.exec(text) ??
    /^(?:Paragraph|Run|Table) style with ID (.*) was referenced but not defined/.exec(text);
  if (style) {
    const name = style[1] && style[1] !== 'null' ? style[1] : (style[2] ?? '');
    return { code: 'style-not-kept', params: { style: quote(name, 80) } };
  }
  if (/^Image of type .* is unlikely to display/.test(text)) return null; // reported per image
  return { code: message.type === 'error' ? 'converter-error' : 'converter-warning', params: { message: quote(text) } };
}

// ---------------------------------------------------------------------------------------
// Pictures

type PendingImage =
  | { kind: 'ok'; buffer: Buffer; contentType: string }
  | { kind: 'linked'; target: string }
  | { kind: 'unsupported'; type: string }
  | { kind: 'unreadable' };

/** The picture formats browsers show, by content (not by the name or declared type). */
function sniffImageType(data: Buffer): string | undefined {
  if (data.length >= 8 && data.readUInt32BE(0) === 0x89504e47 && data.readUInt32BE(4) === 0x0d0a1a0a) {
    return 'image/png';
  }
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  const head = data.subarray(0, 12).toString('latin1');
  if (head.startsWith('GIF87a') || head.startsWith('GIF89a')) return 'image/gif';
  if (head.startsWith('RIFF') && head.slice(8, 12) === 'WEBP') return 'image/webp';
  return undefined;
}

async function readImage(image: { contentType: string; readAsBuffer(): Promise<Buffer> }): Promise<PendingImage> {
  let buffer: Buffer;
  try {
    buffer = await image.readAsBuffer();
  } catch (error) {
    // Linked pictures: mammoth (with external file access off) refuses to open them.
    const target = /external image '(.*)'/.exec(error instanceof Error ? error.message : '')?.[1];
    return target !== undefined ? { kind: 'linked', target } : { kind: 'unreadable' };
  }
  const contentType = sniffImageType(buffer);
  if (contentType) return { kind: 'ok', buffer, contentType };
  return { kind: 'unsupported', type: image.contentType || 'unknown' };
}

// ---------------------------------------------------------------------------------------

/** Merges equal notes (same code and parameters) into one with `params.count`, keeping first-seen order. */
function deduplicate(notes: ImportNote[]): ImportNote[] {
  const byKey = new Map<string, { code: string; params: Params }>();
  for (const note of notes) {
    const { count: n = 1, ...rest } = note.params ?? {};
    const key = `${note.code}\u0000${JSON.stringify(rest)}`;
    const existing = byKey.get(key);
    if (existing) existing.params.count = Number(existing.params.count) + Number(n);
    else byKey.set(key, { code: note.code, params: { ...rest, count: Number(n) } });
  }
  return [...byKey.values()];
}

/** Imports a Word file. Throws DocxImportError for files that cannot be read at all. */
export async function importDocx(file: Buffer, options: DocxImportOptions): Promise<DocxImportResult> {
  const limits: DocxImportLimits = { ...DEFAULT_DOCX_LIMITS, ...options.limits };
  if (file.length > limits.maxFileBytes) {
    throw new DocxImportError('too-large', { reason: 'file', limit: sizeText(limits.maxFileBytes) });
  }
  const parts = await readPackage(file, limits);

  const mainPath = findPart(parts, '_rels/.rels', '', 'officeDocument', 'word/document.xml');
  if (!parts.has(mainPath)) throw new DocxImportError('not-a-docx', { reason: 'no-document' });
  for (const [name, data] of parts) {
    if (!name.endsWith('.xml') || !/w:(?:fldSimple|dir|bdo)\b/.test(data.toString('latin1'))) continue;
    parts.set(name, Buffer.from((xmlText(data) ?? '').replace(UNWRAP, ''), 'utf8'));
  }
  const { dir, base } = splitPath(mainPath);
  const stylesPath = findPart(parts, `${dir ? `${dir}/` : ''}_rels/${base}.rels`, dir, 'styles', 'word/styles.xml');
  const scan = scanDocument(xmlText(parts.get(mainPath)) ?? '', readStyleDirections(xmlText(parts.get(stylesPath))));

  const nonce = randomBytes(8).toString('hex');
  const idPrefix = `docx-${nonce}-`;
  const images = new Map<string, PendingImage>();
  let directionsMarked = false;
  let converted: { value: string; messages: { type: string; message: string }[] };
  try {
    converted = await mammoth.convertToHtml(
      { buffer: storedZip(parts) },
      {
        styleMap: STYLE_MAP,
        includeEmbeddedStyleMap: false, // a style map inside the file is not ours to trust
        externalFileAccess: false,
        idPrefix,
        convertImage: mammoth.images.imgElement(async (image) => {
          const src = `docx-image:${nonce}:${images.size + 1}`;
          images.set(src, { kind: 'unreadable' });
          images.set(src, await readImage(image));
          return { src };
        }),
        transformDocument: (document: MammothNode) => {
          directionsMarked = markDirections(document, scan.paragraphBidi, nonce);
          return document;
        },
      },
    );
  } catch (error) {
    throw corrupt(quote(error instanceof Error ? error.message : String(error), 120));
  }

  const result = await htmlToRichDoc(converted.value, {
    idPrefix,
    markerNonce: nonce,
    guessDirection: !directionsMarked,
    async resolveImage({ src, alt, number }, report) {
      const pending = images.get(src) ?? { kind: 'unreadable' };
      switch (pending.kind) {
        case 'linked':
          report({ code: 'image-linked', params: { image: number, target: quote(pending.target) } });
          return null;
        case 'unsupported':
          report({ code: 'image-unsupported', params: { image: number, type: quote(pending.type, 60) } });
          return null;
        case 'unreadable':
          report({ code: 'image-unreadable', params: { image: number } });
          return null;
        case 'ok':
          try {
            return await options.saveImage({ buffer: pending.buffer, contentType: pending.contentType, alt });
          } catch (error) {
            const reason = options.describeImageError?.(error);
            if (!reason) throw error;
            report({ code: 'image-not-saved', params: { image: number, reason: reason.en, reasonHe: reason.he } });
            return null;
          }
      }
    },
  });

  const documentNotes = [...scan.findings].map(([code, n]): ImportNote => ({ code, params: { count: n } }));
  const converterNotes = converted.messages.map(mammothNote).filter((n): n is ImportNote => n !== null);
  return {
    doc: result.doc,
    title: result.title,
    report: deduplicate([...result.notes, ...documentNotes, ...converterNotes]),
  };
}
