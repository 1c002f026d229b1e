import type {
  Mark,
  RichBlock,
  RichDoc,
  RichImageAttrs,
  RichInline,
  RichListItem,
  RichTableCell,
  RichTableRow,
  TextDirection,
} from './rich-text.js';

/*
 * Strict validation of rich-text documents posted by the admin editor (or by anyone who can
 * post the form: treat the input as hostile). Only the node and mark types the renderer knows
 * are accepted; attributes TipTap adds that we do not keep (link target/rel/class, cell
 * colwidth/align, list type, null defaults) are dropped; anything a writer must fix (an unsafe
 * link, an image without alternative text) is an error, never silently "repaired".
 *
 * This module has no Node.js dependencies: the browser editor bundles it to share the URL rules.
 */

export type RichDocErrorCode =
  | 'invalid_json'
  | 'not_a_document'
  | 'too_large'
  | 'too_deep'
  | 'unknown_node'
  | 'unknown_mark'
  | 'misplaced_node'
  | 'invalid_node'
  | 'text_too_long'
  | 'unsafe_link'
  | 'link_too_long'
  | 'image_alt_missing'
  | 'image_src_invalid'
  | 'alt_too_long'
  | 'caption_too_long'
  | 'footnote_empty'
  | 'footnote_too_long'
  | 'more_errors';

export interface RichDocError {
  /** One of `RichDocErrorCode`; typed as string so stored or relayed codes can be passed back in. */
  code: string;
  params?: Record<string, string | number>;
}

export type ParseRichDocResult = { ok: true; doc: RichDoc } | { ok: false; errors: RichDocError[] };

export const RICH_DOC_LIMITS = {
  /** Size of the document as JSON, in UTF-8 bytes. */
  maxBytes: 2_000_000,
  /** Levels of nested nodes (doc → list → item → paragraph → text is 4). */
  maxDepth: 32,
  /** Characters in one text node (a run of text with the same formatting). */
  maxTextLength: 100_000,
  maxFootnoteLength: 10_000,
  maxAltLength: 1_000,
  maxCaptionLength: 2_000,
  maxUrlLength: 2_048,
  /** Errors reported before the rest are summarised as "N more". */
  maxErrors: 20,
  /** colspan / rowspan. */
  maxSpan: 100,
} as const;

// ---------------------------------------------------------------------------------------------
// URL rules (shared with the renderer and the browser editor)

// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;
const PLACEHOLDER_ORIGIN = 'https://site.invalid';

/** A path on this site ("/publications/x"), not "//host" or "/\host" (which browsers treat as a host). */
function isSiteRelative(url: string): boolean {
  if (!url.startsWith('/') || url.startsWith('//') || url.startsWith('/\\')) return false;
  try {
    return new URL(url, PLACEHOLDER_ORIGIN).origin === PLACEHOLDER_ORIGIN;
  } catch {
    return false;
  }
}

function isWebUrl(url: string, protocols: string[]): boolean {
  if (!/^https?:\/\//i.test(url)) return false;
  try {
    const parsed = new URL(url);
    return protocols.includes(parsed.protocol) && parsed.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * Link targets writers may use: http(s) URLs, mailto:, a path on this site ("/…") or a fragment
 * ("#…"). Everything else, including every spelling of javascript:, data: and vbscript:, is not.
 * The href must already be trimmed; control characters anywhere make it unsafe.
 */
export function isSafeLinkHref(href: string): boolean {
  if (href === '' || href.length > RICH_DOC_LIMITS.maxUrlLength || CONTROL_CHARS.test(href)) return false;
  if (href.startsWith('#')) return true;
  if (href.startsWith('/')) return isSiteRelative(href);
  if (/^mailto:[^\s]/i.test(href)) return true;
  return isWebUrl(href, ['http:', 'https:']);
}

/** Image addresses: a path on this site (uploads live under /media/) or an https URL. */
export function isSafeImageSrc(src: string): boolean {
  if (src === '' || src.length > RICH_DOC_LIMITS.maxUrlLength || CONTROL_CHARS.test(src)) return false;
  if (src.startsWith('/')) return isSiteRelative(src);
  return isWebUrl(src, ['https:']);
}

/** A URL for a `srcset` candidate or fallback `src` produced by the media pipeline: http(s) or site-relative. */
export function isSafeResponsiveImageUrl(url: string): boolean {
  if (url === '' || CONTROL_CHARS.test(url)) return false;
  if (url.startsWith('/')) return isSiteRelative(url);
  return isWebUrl(url, ['http:', 'https:']);
}

// ---------------------------------------------------------------------------------------------
// Validation

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'blockquote', 'bulletList', 'orderedList', 'table', 'image']);
const INLINE_TYPES = new Set(['text', 'footnote', 'hardBreak']);
const OTHER_TYPES = new Set(['doc', 'listItem', 'tableRow', 'tableCell', 'tableHeader']);
const DIRECTIONS = new Set<unknown>(['ltr', 'rtl', 'auto']);

/** Quotes a hostile value for a message: control and bidi characters made visible, length capped. */
function printable(value: string, max = 80): string {
  // eslint-disable-next-line no-control-regex
  const visible = value.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  return visible.length > max ? `${visible.slice(0, max)}…` : visible;
}

function utf8Length(text: string): number {
  if (text.length * 3 <= RICH_DOC_LIMITS.maxBytes) return text.length; // cannot exceed the limit
  return new TextEncoder().encode(text).length;
}

function tooLarge(bytes: number): ParseRichDocResult {
  const mb = (n: number) => Math.round((n / 1_000_000) * 10) / 10;
  return {
    ok: false,
    errors: [{ code: 'too_large', params: { size: mb(bytes), max: mb(RICH_DOC_LIMITS.maxBytes) } }],
  };
}

class DepthExceeded extends Error {}

class Validator {
  readonly errors: RichDocError[] = [];
  private dropped = 0;
  private images = 0;
  private footnotes = 0;

  fail(error: RichDocError): void {
    if (this.errors.length < RICH_DOC_LIMITS.maxErrors) this.errors.push(error);
    else this.dropped++;
  }

  finish(): RichDocError[] {
    return this.dropped > 0 ? [...this.errors, { code: 'more_errors', params: { count: this.dropped } }] : this.errors;
  }

  /** The node's `content` array (missing is empty); anything else is reported. */
  private children(node: Obj, type: string): unknown[] {
    if (node.content === undefined || node.content === null) return [];
    if (Array.isArray(node.content)) return node.content;
    this.fail({ code: 'invalid_node', params: { type } });
    return [];
  }

  /** Reads `{ type }` of a child, reporting non-nodes, unknown types and misplaced ones. */
  private childType(node: unknown, parent: string, allowed: Set<string>): string | undefined {
    if (!isObj(node) || typeof node.type !== 'string') {
      this.fail({ code: 'invalid_node', params: { type: parent } });
      return undefined;
    }
    const type = node.type;
    if (allowed.has(type)) return type;
    if (BLOCK_TYPES.has(type) || INLINE_TYPES.has(type) || OTHER_TYPES.has(type)) {
      this.fail({ code: 'misplaced_node', params: { type, parent } });
    } else {
      this.fail({ code: 'unknown_node', params: { type: printable(type, 40) } });
    }
    return undefined;
  }

  doc(value: unknown): RichDoc | undefined {
    if (!isObj(value) || value.type !== 'doc' || !Array.isArray(value.content)) {
      this.fail({ code: 'not_a_document' });
      return undefined;
    }
    return { type: 'doc', content: this.blocks(value.content, 1, 'doc') };
  }

  private blocks(list: unknown[], depth: number, parent: string): RichBlock[] {
    if (depth > RICH_DOC_LIMITS.maxDepth) throw new DepthExceeded();
    const out: RichBlock[] = [];
    for (const node of list) {
      if (!this.childType(node, parent, BLOCK_TYPES)) continue;
      const block = this.block(node as Obj, depth);
      if (block) out.push(block);
    }
    return out;
  }

  private block(node: Obj, depth: number): RichBlock | undefined {
    const attrs = isObj(node.attrs) ? node.attrs : {};
    switch (node.type) {
      case 'paragraph': {
        const content = this.inlines(this.children(node, 'paragraph'), depth + 1, 'paragraph');
        const dir = direction(attrs.dir);
        return {
          type: 'paragraph',
          ...(dir ? { attrs: { dir } } : {}),
          ...(content.length ? { content } : {}),
        };
      }
      case 'heading': {
        const level = attrs.level;
        if (typeof level !== 'number' || !Number.isInteger(level) || level < 1 || level > 6) {
          this.fail({ code: 'invalid_node', params: { type: 'heading' } });
          return undefined;
        }
        const content = this.inlines(this.children(node, 'heading'), depth + 1, 'heading');
        const dir = direction(attrs.dir);
        // h1 is the page title and h5/h6 are not offered: fold them into the nearest level.
        const clamped = Math.min(4, Math.max(2, level)) as 2 | 3 | 4;
        return {
          type: 'heading',
          attrs: { level: clamped, ...(dir ? { dir } : {}) },
          ...(content.length ? { content } : {}),
        };
      }
      case 'blockquote':
        return { type: 'blockquote', content: this.blocks(this.children(node, 'blockquote'), depth + 1, 'blockquote') };
      case 'bulletList':
      case 'orderedList': {
        const type = node.type;
        const items: RichListItem[] = [];
        for (const item of this.children(node, type)) {
          if (!this.childType(item, type, new Set(['listItem']))) continue;
          const content = this.blocks(this.children(item as Obj, 'listItem'), depth + 2, 'listItem');
          items.push({ type: 'listItem', content });
        }
        const start = attrs.start;
        const keepStart =
          type === 'orderedList' && typeof start === 'number' && Number.isInteger(start) && start >= 0 && start !== 1;
        return { type, ...(keepStart ? { attrs: { start: Math.min(start, 1_000_000) } } : {}), content: items };
      }
      case 'table':
        return this.table(node, depth);
      case 'image':
        return this.image(attrs);
    }
    return undefined;
  }

  private table(node: Obj, depth: number): RichBlock | undefined {
    if (depth + 2 > RICH_DOC_LIMITS.maxDepth) throw new DepthExceeded();
    const rows: RichTableRow[] = [];
    for (const row of this.children(node, 'table')) {
      if (!this.childType(row, 'table', new Set(['tableRow']))) continue;
      const cells: RichTableCell[] = [];
      for (const cell of this.children(row as Obj, 'tableRow')) {
        const type = this.childType(cell, 'tableRow', new Set(['tableCell', 'tableHeader']));
        if (!type) continue;
        const cellAttrs = isObj((cell as Obj).attrs) ? ((cell as Obj).attrs as Obj) : {};
        const colspan = span(cellAttrs.colspan);
        const rowspan = span(cellAttrs.rowspan);
        const content = this.blocks(this.children(cell as Obj, type), depth + 3, type);
        cells.push({
          type: type as RichTableCell['type'],
          ...(colspan || rowspan
            ? { attrs: { ...(colspan ? { colspan } : {}), ...(rowspan ? { rowspan } : {}) } }
            : {}),
          content,
        });
      }
      if (cells.length) rows.push({ type: 'tableRow', content: cells });
    }
    if (rows.length === 0) {
      this.fail({ code: 'invalid_node', params: { type: 'table' } });
      return undefined;
    }
    return { type: 'table', content: rows };
  }

  private image(attrs: Obj): RichBlock | undefined {
    const number = ++this.images;
    const src = typeof attrs.src === 'string' ? attrs.src.trim() : '';
    const alt = typeof attrs.alt === 'string' ? attrs.alt.trim() : '';
    const caption = typeof attrs.caption === 'string' ? attrs.caption.trim() : '';
    let ok = true;
    if (!isSafeImageSrc(src)) {
      this.fail({ code: 'image_src_invalid', params: { number, src: printable(src) } });
      ok = false;
    }
    if (alt === '') {
      this.fail({ code: 'image_alt_missing', params: { number } });
      ok = false;
    } else if (alt.length > RICH_DOC_LIMITS.maxAltLength) {
      this.fail({ code: 'alt_too_long', params: { number, max: RICH_DOC_LIMITS.maxAltLength } });
      ok = false;
    }
    if (caption.length > RICH_DOC_LIMITS.maxCaptionLength) {
      this.fail({ code: 'caption_too_long', params: { number, max: RICH_DOC_LIMITS.maxCaptionLength } });
      ok = false;
    }
    if (!ok) return undefined;
    const mediaId = toMediaId(attrs.mediaId);
    const out: RichImageAttrs = { src, alt };
    if (caption) out.caption = caption;
    if (mediaId !== undefined) out.mediaId = mediaId;
    return { type: 'image', attrs: out };
  }

  private inlines(list: unknown[], depth: number, parent: string): RichInline[] {
    if (depth > RICH_DOC_LIMITS.maxDepth) throw new DepthExceeded();
    const out: RichInline[] = [];
    for (const node of list) {
      const type = this.childType(node, parent, INLINE_TYPES);
      if (!type) continue;
      const n = node as Obj;
      if (type === 'hardBreak') {
        out.push({ type: 'hardBreak' });
      } else if (type === 'footnote') {
        const number = ++this.footnotes;
        const attrs = isObj(n.attrs) ? n.attrs : {};
        const content = typeof attrs.content === 'string' ? attrs.content.trim() : '';
        if (content === '') this.fail({ code: 'footnote_empty', params: { number } });
        else if (content.length > RICH_DOC_LIMITS.maxFootnoteLength) {
          this.fail({ code: 'footnote_too_long', params: { number, max: RICH_DOC_LIMITS.maxFootnoteLength } });
        } else out.push({ type: 'footnote', attrs: { content } });
      } else {
        if (typeof n.text !== 'string') {
          this.fail({ code: 'invalid_node', params: { type: 'text' } });
          continue;
        }
        if (n.text.length > RICH_DOC_LIMITS.maxTextLength) {
          this.fail({ code: 'text_too_long', params: { max: RICH_DOC_LIMITS.maxTextLength } });
          continue;
        }
        if (n.text === '') continue;
        const marks = this.marks(n.marks);
        out.push({ type: 'text', text: n.text, ...(marks.length ? { marks } : {}) });
      }
    }
    return out;
  }

  private marks(value: unknown): Mark[] {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      this.fail({ code: 'invalid_node', params: { type: 'marks' } });
      return [];
    }
    const out: Mark[] = [];
    const seen = new Set<string>();
    for (const mark of value) {
      if (!isObj(mark) || typeof mark.type !== 'string') {
        this.fail({ code: 'invalid_node', params: { type: 'marks' } });
        continue;
      }
      if (seen.has(mark.type)) continue;
      if (mark.type === 'bold' || mark.type === 'italic') {
        out.push({ type: mark.type });
      } else if (mark.type === 'link') {
        const attrs = isObj(mark.attrs) ? mark.attrs : {};
        const raw = typeof attrs.href === 'string' ? attrs.href : '';
        const href = raw.trim();
        if (href.length > RICH_DOC_LIMITS.maxUrlLength) {
          this.fail({ code: 'link_too_long', params: { max: RICH_DOC_LIMITS.maxUrlLength } });
          continue;
        }
        if (!isSafeLinkHref(href)) {
          this.fail({ code: 'unsafe_link', params: { href: printable(raw) } });
          continue;
        }
        out.push({ type: 'link', attrs: { href } });
      } else {
        this.fail({ code: 'unknown_mark', params: { type: printable(mark.type, 40) } });
        continue;
      }
      seen.add(mark.type);
    }
    return out;
  }
}

function direction(value: unknown): TextDirection | undefined {
  return DIRECTIONS.has(value) ? (value as TextDirection) : undefined;
}

/** A kept colspan/rowspan: an integer above 1 (1 is the default and is not stored). */
function span(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 1
    ? Math.min(value, RICH_DOC_LIMITS.maxSpan)
    : undefined;
}

function toMediaId(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

/**
 * Validates and normalises a rich-text document from the editor. Pass the posted JSON text
 * (preferred: the size limit is checked before parsing) or an already parsed value. On success
 * the returned document contains only what the renderer knows; on failure every problem the
 * writer has to fix is listed (up to a limit).
 */
export function parseRichDoc(input: unknown): ParseRichDocResult {
  let value = input;
  if (typeof input === 'string') {
    const bytes = utf8Length(input);
    if (bytes > RICH_DOC_LIMITS.maxBytes) return tooLarge(bytes);
    try {
      value = JSON.parse(input);
    } catch {
      return { ok: false, errors: [{ code: 'invalid_json' }] };
    }
  }
  const validator = new Validator();
  let doc: RichDoc | undefined;
  try {
    doc = validator.doc(value);
  } catch (error) {
    if (error instanceof DepthExceeded) {
      return { ok: false, errors: [{ code: 'too_deep', params: { max: RICH_DOC_LIMITS.maxDepth } }] };
    }
    throw error;
  }
  if (typeof input !== 'string') {
    // Measured after the walk, which bounds nesting, so stringify cannot overflow on node depth.
    let json: string | undefined;
    try {
      json = JSON.stringify(input);
    } catch {
      return { ok: false, errors: [{ code: 'invalid_json' }] };
    }
    const bytes = json === undefined ? 0 : utf8Length(json);
    if (bytes > RICH_DOC_LIMITS.maxBytes) return tooLarge(bytes);
  }
  const errors = validator.finish();
  if (errors.length > 0 || !doc) return { ok: false, errors };
  return { ok: true, doc };
}

// ---------------------------------------------------------------------------------------------
// Messages

/** Isolates an inserted value so a URL or type name cannot reorder the surrounding sentence. */
const isolate = (value: string) => `\u2068${value}\u2069`;
/** Left-to-right snippet inside Hebrew text. */
const ltr = (value: string) => `\u2066${value}\u2069`;

const LINK_FORMS_EN = 'https://, http://, mailto:, / or #';
const LINK_FORMS_HE = `${ltr('https://')}, ${ltr('http://')}, ${ltr('mailto:')}, ${ltr('/')} או ${ltr('#')}`;

const messages: Record<'en' | 'he', Record<RichDocErrorCode, string>> = {
  en: {
    invalid_json: 'The document could not be read: it is not valid JSON.',
    not_a_document: 'The content is not a rich-text document.',
    too_large: 'The document is too large ({size} MB; the limit is {max} MB). Split it or remove some content.',
    too_deep: 'The document is nested too deeply (more than {max} levels of lists, quotes or tables).',
    unknown_node: 'Content of type {type} is not supported. Remove it, or paste it again as plain text.',
    unknown_mark: 'The formatting {type} is not supported. Only bold, italic and links are allowed.',
    misplaced_node: '{type} cannot appear inside {parent}.',
    invalid_node: 'A {type} element is malformed.',
    text_too_long: 'A run of text is longer than {max} characters. Split it into several paragraphs.',
    unsafe_link: `The link “{href}” is not allowed. Links must start with ${LINK_FORMS_EN}.`,
    link_too_long: 'A link address is longer than {max} characters.',
    image_alt_missing: 'Image {number} has no alternative text. Describe the image for readers who cannot see it.',
    image_src_invalid: 'Image {number} has an address that is not allowed (“{src}”). Choose it from the media library.',
    alt_too_long: 'The alternative text of image {number} is longer than {max} characters.',
    caption_too_long: 'The caption of image {number} is longer than {max} characters.',
    footnote_empty: 'Footnote {number} is empty. Write its text or remove it.',
    footnote_too_long: 'Footnote {number} is longer than {max} characters.',
    more_errors: 'There are {count} more problems.',
  },
  he: {
    invalid_json: 'לא ניתן לקרוא את המסמך: ה־JSON אינו תקין.',
    not_a_document: 'התוכן אינו מסמך טקסט עשיר.',
    too_large: 'המסמך גדול מדי ({size} MB, והמגבלה היא {max} MB). יש לפצל אותו או להסיר חלק מהתוכן.',
    too_deep: 'המסמך מקונן לעומק רב מדי (יותר מ־{max} רמות של רשימות, ציטוטים או טבלאות).',
    unknown_node: 'תוכן מסוג {type} אינו נתמך. יש להסיר אותו או להדביק אותו שוב כטקסט פשוט.',
    unknown_mark: 'העיצוב {type} אינו נתמך. אפשר להשתמש רק בהדגשה, בנטוי ובקישורים.',
    misplaced_node: '{type} אינו יכול להופיע בתוך {parent}.',
    invalid_node: 'רכיב מסוג {type} פגום.',
    text_too_long: 'קטע טקסט ארוך מ־{max} תווים. יש לפצל אותו לכמה פסקאות.',
    unsafe_link: `הקישור "{href}" אינו מותר. קישור צריך להתחיל ב־${LINK_FORMS_HE}.`,
    link_too_long: 'כתובת של קישור ארוכה מ־{max} תווים.',
    image_alt_missing: 'לתמונה {number} אין טקסט חלופי. יש לתאר את התמונה עבור קוראים שאינם יכולים לראות אותה.',
    image_src_invalid: 'הכתובת של תמונה {number} אינה מותרת ("{src}"). יש לבחור את התמונה מספריית המדיה.',
    alt_too_long: 'הטקסט החלופי של תמונה {number} ארוך מ־{max} תווים.',
    caption_too_long: 'הכיתוב של תמונה {number} ארוך מ־{max} תווים.',
    footnote_empty: 'הערת שוליים {number} ריקה. יש לכתוב את נוסחה או למחוק אותה.',
    footnote_too_long: 'הערת שוליים {number} ארוכה מ־{max} תווים.',
    more_errors: 'יש עוד {count} בעיות.',
  },
};

/** The message a writer sees for an error, in the admin's language. */
export function richDocErrorMessage(error: RichDocError, lang: 'en' | 'he'): string {
  const table: Record<string, string> = messages[lang];
  const template = Object.hasOwn(table, error.code) ? table[error.code] : undefined;
  if (!template) {
    return lang === 'he' ? `המסמך מכיל שגיאה (${error.code}).` : `The document contains an error (${error.code}).`;
  }
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = error.params?.[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? String(value) : isolate(value);
  });
}
