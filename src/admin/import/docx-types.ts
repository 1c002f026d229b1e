/** The import's result, options and the error for a file that cannot be read at all. */
import type { RichDoc } from '../../content/rich-text.js';
import type { ImportNote } from './html-to-rich-doc.js';
import { importNoteMessage } from './import-messages.js';

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
