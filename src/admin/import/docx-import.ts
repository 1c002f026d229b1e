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
import mammoth from 'mammoth';
import { htmlToRichDoc, type ImportNote, quote } from './html-to-rich-doc.js';
import {
  DEFAULT_DOCX_LIMITS,
  DocxImportError,
  type DocxImportLimits,
  type DocxImportOptions,
  type DocxImportResult,
} from './docx-types.js';
import type { Params } from './import-messages.js';
import { corrupt, readPackage, sizeText, storedZip } from './docx-package.js';
import { findPart, readStyleDirections, scanDocument, splitPath, UNWRAP, xmlText } from './word-scan.js';
import { directionMarker } from './direction-markers.js';

export type { ImportNote } from './html-to-rich-doc.js';
export { DocxImportError, DEFAULT_DOCX_LIMITS } from './docx-types.js';
export type {
  DocxImportResult,
  DocxImportOptions,
  DocxImportLimits,
  SavedImage,
  DocxImportErrorCode,
} from './docx-types.js';
export { importNoteMessage, IMPORT_NOTE_CODES } from './import-messages.js';

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
