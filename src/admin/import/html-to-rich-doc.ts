/**
 * Turns the HTML that mammoth makes from a Word file into a rich-text document (RichDoc).
 * Mammoth's HTML is a small, predictable subset (p, h1–h6, strong, em, a, sup/sub, s, u,
 * ul/ol/li, table, img, br, blockquote), so this is a tree walk, not a general HTML importer.
 * Whatever cannot be kept is reported as an ImportNote, in reading order.
 */
import { isSafeLinkHref, RICH_DOC_LIMITS } from '../../content/rich-doc-schema.js';
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
} from '../../content/rich-text.js';
import { firstStrongDirection, MARKER_CLOSE, MARKER_OPEN } from './direction-markers.js';
import { childElements, parseMarkup, textContent, type MarkupElement, type MarkupNode } from './markup.js';

/** One thing the import could not keep (or wants a person to check). See `importNoteMessage`. */
export interface ImportNote {
  code: string;
  params?: Record<string, string | number>;
}

type ImageBlock = Extract<RichBlock, { type: 'image' }>;

// ---------------------------------------------------------------------------------------

/** Only web and mail links are kept (and only as the site would accept them). Null drops the link. */
export function safeLinkHref(href: string): string | null {
  const trimmed = href.trim();
  return /^(https?:\/\/|mailto:)/i.test(trimmed) && isSafeLinkHref(trimmed) ? trimmed : null;
}

/** Shortens a value quoted in a report note. */
export function quote(value: string, max = 160): string {
  const oneLine = value.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

const GENERATED_ALT = /description automatically generated|נוצר באופן אוטומטי/i;
const WHITESPACE = /[\t\n\r\f ]+/g; // not \s: keep no-break spaces

export interface ImageRequest {
  /** The `src` mammoth wrote (whatever the image converter returned). */
  src: string;
  alt: string;
  /** 1-based position among the document's images, in reading order. */
  number: number;
}

export interface HtmlToRichDocOptions {
  /** The `idPrefix` given to mammoth, to recognise footnote and endnote references. */
  idPrefix?: string;
  /** Nonce of the direction markers in the text (see `directionMarker`). */
  markerNonce?: string;
  /**
   * Without markers, take each paragraph's direction from its first letter (Hebrew or Arabic:
   * 'rtl'). As with markers, directions are kept only if some paragraph is right-to-left.
   */
  guessDirection?: boolean;
  /**
   * Decides each image in reading order: return where it now lives, or null to leave it out
   * (after reporting why). Without it, images keep their `src`.
   */
  resolveImage?(
    image: ImageRequest,
    report: (note: ImportNote) => void,
  ): Promise<{ src: string; mediaId?: number } | null>;
}

export interface HtmlToRichDocResult {
  doc: RichDoc;
  /** Plain text of the title paragraph(s), which are then not in `doc`. */
  title: string | null;
  /** In reading order, not deduplicated. */
  notes: ImportNote[];
}

type Segment = RichInline | ImageBlock;

interface InlineContext {
  marks: Mark[];
  /** The safe href of the enclosing link, if any. */
  link?: string;
  /** Receives the paragraph's direction marker. */
  dir: { value?: 'rtl' | 'ltr' };
}

const BLOCK_TAGS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'blockquote',
  'div',
  'dl',
]);
const HEADING = /^h([1-6])$/;
const TITLE_CLASS = 'docx-title';
const CAPTION_CLASS = 'docx-caption';

const hasClass = (el: MarkupElement, name: string) => (el.attrs.class ?? '').split(/\s+/).includes(name);

class Converter {
  readonly notes: ImportNote[] = [];
  private readonly notePattern: RegExp;
  private readonly noteBodies = new Map<string, MarkupElement>();
  private readonly marker: RegExp | null;
  private titleElements = new Set<MarkupElement>();
  private minHeadingLevel = 1;
  private imageCount = 0;
  private sawRtl = false;
  private readonly options: HtmlToRichDocOptions;

  constructor(options: HtmlToRichDocOptions) {
    this.options = options;
    const prefix = escapeRegExp(options.idPrefix ?? '');
    this.notePattern = new RegExp(`^#(${prefix}(?:footnote|endnote)-(?!ref-).+)$`);
    this.marker = options.markerNonce
      ? new RegExp(`${MARKER_OPEN}${escapeRegExp(options.markerNonce)}([rl])${MARKER_CLOSE}`, 'g')
      : null;
  }

  private note(code: string, params?: ImportNote['params']) {
    this.notes.push(params ? { code, params } : { code });
  }

  async convert(html: string): Promise<HtmlToRichDocResult> {
    const root = parseMarkup(html);
    this.takeNoteBodies(root);
    this.planHeadings(root);
    const { blocks, title } = await this.body(root.children);
    if (!this.sawRtl) stripDirections(blocks);
    const doc = { type: 'doc' as const, content: blocks.length > 0 ? blocks : [{ type: 'paragraph' as const }] };
    return { doc, title, notes: this.notes };
  }

  // --- footnotes and endnotes ------------------------------------------------------------

  /** Mammoth lists notes at the end as `<li id="…footnote-1">`; take them out of the body. */
  private takeNoteBodies(element: MarkupElement) {
    const idPattern = new RegExp(`^${escapeRegExp(this.options.idPrefix ?? '')}(?:footnote|endnote)-(?!ref-)`);
    element.children = element.children.filter((child) => {
      if (child.type !== 'element') return true;
      if (child.name === 'li' && child.attrs.id !== undefined && idPattern.test(child.attrs.id)) {
        this.noteBodies.set(child.attrs.id, child);
        return false;
      }
      this.takeNoteBodies(child);
      return true;
    });
  }

  /** Plain text of a note: links keep their address, images are reported and left out. */
  private noteText(id: string): string {
    const body = this.noteBodies.get(id);
    if (!body) return '';
    const parts: string[] = [];
    const walk = (node: MarkupNode) => {
      if (node.type === 'text') {
        parts.push(this.stripMarkers(node.text));
        return;
      }
      const { name, attrs } = node;
      if (name === 'a' && attrs.href?.startsWith('#') && /(?:footnote|endnote)-ref-/.test(attrs.href)) return;
      if (name === 'img') {
        this.note('note-image-dropped');
        return;
      }
      if (name === 'br') {
        parts.push(' ');
        return;
      }
      const isBlock = BLOCK_TAGS.has(name);
      if (isBlock) parts.push(' ');
      const start = parts.length;
      node.children.forEach(walk);
      if (name === 'a' && attrs.href !== undefined) {
        const href = safeLinkHref(attrs.href);
        const text = parts.slice(start).join('');
        const address = href?.replace(/^mailto:/i, '').replace(/\/$/, '');
        if (href && address && !text.includes(address)) parts.push(` (${href})`);
      }
      if (isBlock) parts.push(' ');
    };
    body.children.forEach(walk);
    return parts.join('').replace(WHITESPACE, ' ').trim();
  }

  // --- title and heading levels ----------------------------------------------------------

  /**
   * The title is the first Title-style paragraph (with any Title paragraphs right after it),
   * or else the first Heading 1. The remaining headings are shifted so the highest one used
   * becomes level 2; anything deeper than level 4 becomes 4.
   */
  private planHeadings(root: MarkupElement) {
    const top = childElements(root);
    const nonEmpty = (el: MarkupElement) => this.stripMarkers(textContent(el)).trim() !== '';
    const firstTitle = top.findIndex((el) => el.name === 'h1' && hasClass(el, TITLE_CLASS) && nonEmpty(el));
    if (firstTitle >= 0) {
      for (let i = firstTitle; i < top.length; i++) {
        const el = top[i];
        if (!el || el.name !== 'h1' || !hasClass(el, TITLE_CLASS)) break;
        this.titleElements.add(el);
      }
    } else {
      const firstH1 = top.find((el) => el.name === 'h1' && nonEmpty(el));
      if (firstH1) this.titleElements.add(firstH1);
    }
    let min = Infinity;
    const visit = (el: MarkupElement) => {
      if (!this.titleElements.has(el)) {
        const level = this.wordLevel(el);
        if (level !== undefined) min = Math.min(min, level);
      }
      childElements(el).forEach(visit);
    };
    visit(root);
    this.minHeadingLevel = Number.isFinite(min) ? min : 1;
  }

  /** 1–6 for h1–h6 (a Title paragraph that is not the title counts as 1). */
  private wordLevel(el: MarkupElement): number | undefined {
    const match = HEADING.exec(el.name);
    return match ? Number(match[1]) : undefined;
  }

  // --- blocks ----------------------------------------------------------------------------

  private async body(nodes: MarkupNode[]): Promise<{ blocks: RichBlock[]; title: string | null }> {
    const titleParts: string[] = [];
    const blocks = await this.blocks(nodes, async (el, out) => {
      if (!this.titleElements.has(el)) return false;
      const { text, images } = await this.plainText(el.children, 'title');
      if (text) titleParts.push(text);
      out.push(...images);
      return true;
    });
    return { blocks, title: titleParts.length > 0 ? titleParts.join(' ') : null };
  }

  /**
   * Converts a run of nodes that may mix inline content and blocks (a list item, a table cell,
   * the body). Loose inline content becomes paragraphs.
   */
  private async blocks(
    nodes: MarkupNode[],
    intercept?: (el: MarkupElement, out: RichBlock[]) => Promise<boolean>,
  ): Promise<RichBlock[]> {
    const out: RichBlock[] = [];
    let loose: MarkupNode[] = [];
    const flush = async () => {
      if (loose.length > 0) out.push(...(await this.paragraphs(loose, paragraphOf)));
      loose = [];
    };
    for (const node of nodes) {
      if (node.type === 'text' || !BLOCK_TAGS.has(node.name)) {
        loose.push(node);
        continue;
      }
      await flush();
      if (intercept && (await intercept(node, out))) continue;
      out.push(...(await this.block(node, out)));
    }
    await flush();
    return out;
  }

  private async block(el: MarkupElement, before: RichBlock[]): Promise<RichBlock[]> {
    const level = this.wordLevel(el);
    if (level !== undefined) {
      const shifted = 2 + level - this.minHeadingLevel;
      if (shifted > 4) this.note('heading-flattened');
      const headingLevel = Math.max(2, Math.min(4, shifted)) as 2 | 3 | 4;
      return this.paragraphs(el.children, (content, dir) => ({
        type: 'heading',
        attrs: dir ? { level: headingLevel, dir } : { level: headingLevel },
        content,
      }));
    }
    switch (el.name) {
      case 'p': {
        const previous = before[before.length - 1];
        if (hasClass(el, CAPTION_CLASS) && previous?.type === 'image' && previous.attrs.caption === undefined) {
          const { text, images } = await this.plainText(el.children, 'caption');
          if (text) previous.attrs.caption = text;
          return images;
        }
        return this.paragraphs(el.children, paragraphOf);
      }
      case 'ul':
      case 'ol':
        return this.list(el);
      case 'li':
        return this.blocks(el.children);
      case 'table':
        return this.table(el);
      case 'blockquote': {
        const content = await this.blocks(el.children);
        return content.length > 0 ? [{ type: 'blockquote', content }] : [];
      }
      case 'dl': // mammoth's comment list; comments are reported from the document itself
        return [];
      default: // div, stray table parts: keep their content
        return this.blocks(el.children);
    }
  }

  /** Inline content as paragraphs (or headings), split around images, which are blocks. */
  private async paragraphs(
    nodes: MarkupNode[],
    make: (content: RichInline[], dir: TextDirection | undefined) => RichBlock,
  ): Promise<RichBlock[]> {
    const context: InlineContext = { marks: [], dir: {} };
    const segments = await this.inlines(nodes, context);
    let dir: TextDirection | undefined = context.dir.value;
    if (!dir && this.options.guessDirection) {
      dir = firstStrongDirection(segments.map((s) => (s.type === 'text' ? s.text : '')).join(''));
    }
    if (dir === 'rtl') this.sawRtl = true;
    const out: RichBlock[] = [];
    let run: RichInline[] = [];
    const flush = () => {
      const content = mergeText(run);
      if (!isBlank(content)) out.push(make(content, dir));
      run = [];
    };
    for (const segment of segments) {
      if (segment.type === 'image') {
        flush();
        out.push(segment);
      } else {
        run.push(segment);
      }
    }
    flush();
    return out;
  }

  private async list(el: MarkupElement): Promise<RichBlock[]> {
    const items: RichListItem[] = [];
    for (const child of el.children) {
      if (child.type === 'text') {
        if (child.text.trim() === '') continue;
      }
      const nodes = child.type === 'element' && child.name === 'li' ? child.children : [child];
      const content = await this.blocks(nodes);
      if (content.length === 0) continue;
      // An editor list item starts with a paragraph.
      if (content[0]?.type !== 'paragraph') content.unshift({ type: 'paragraph' });
      items.push({ type: 'listItem', content });
    }
    if (items.length === 0) return [];
    return [{ type: el.name === 'ol' ? 'orderedList' : 'bulletList', content: items }];
  }

  /** Rows from `<th>`/`<td>` (mammoth makes Word's repeating header rows `<th>`), merged cells kept. */
  private async table(el: MarkupElement): Promise<RichBlock[]> {
    const rows: MarkupElement[] = [];
    const collect = (parent: MarkupElement) => {
      for (const child of childElements(parent)) {
        if (child.name === 'tr') rows.push(child);
        else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') collect(child);
      }
    };
    collect(el);
    const content: RichTableRow[] = [];
    for (const [r, tr] of rows.entries()) {
      const cells: RichTableCell[] = [];
      for (const cell of childElements(tr).filter((c) => c.name === 'td' || c.name === 'th')) {
        const blocks = await this.blocks(cell.children);
        const colspan = spanOf(cell.attrs.colspan);
        const rowspan = Math.min(spanOf(cell.attrs.rowspan), rows.length - r);
        const attrs = { ...(colspan > 1 ? { colspan } : {}), ...(rowspan > 1 ? { rowspan } : {}) };
        cells.push({
          type: cell.name === 'th' ? 'tableHeader' : 'tableCell',
          ...(colspan > 1 || rowspan > 1 ? { attrs } : {}),
          content: blocks.length > 0 ? blocks : [{ type: 'paragraph' }],
        });
      }
      if (cells.length > 0) content.push({ type: 'tableRow', content: cells });
    }
    return content.length > 0 ? [{ type: 'table', content }] : [];
  }

  /** Text only (a title, a caption). Footnotes cannot follow; images become blocks after it. */
  private async plainText(
    nodes: MarkupNode[],
    where: 'title' | 'caption',
  ): Promise<{ text: string; images: RichBlock[] }> {
    const segments = await this.inlines(nodes, { marks: [], dir: {} });
    const images: RichBlock[] = [];
    let text = '';
    for (const segment of segments) {
      if (segment.type === 'text') text += segment.text;
      else if (segment.type === 'hardBreak') text += ' ';
      else if (segment.type === 'image') images.push(segment);
      else if (segment.type === 'footnote') {
        this.note(`${where}-footnote-dropped`, { content: quote(segment.attrs.content, 300) });
      }
    }
    return { text: text.replace(WHITESPACE, ' ').trim(), images };
  }

  // --- inline content --------------------------------------------------------------------

  private stripMarkers(text: string, dir?: InlineContext['dir']): string {
    if (!this.marker) return text;
    return text.replace(this.marker, (_m, d: string) => {
      if (dir && !dir.value) dir.value = d === 'r' ? 'rtl' : 'ltr';
      return '';
    });
  }

  private async inlines(nodes: MarkupNode[], context: InlineContext): Promise<Segment[]> {
    const out: Segment[] = [];
    for (const node of nodes) {
      if (node.type === 'text') {
        const text = this.stripMarkers(node.text, context.dir);
        if (text)
          out.push(context.marks.length > 0 ? { type: 'text', text, marks: context.marks } : { type: 'text', text });
        continue;
      }
      out.push(...(await this.inlineElement(node, context)));
    }
    return out;
  }

  private async inlineElement(el: MarkupElement, context: InlineContext): Promise<Segment[]> {
    const inner = (changes: Partial<InlineContext> = {}) => this.inlines(el.children, { ...context, ...changes });
    const withMark = (mark: Mark) => [...context.marks.filter((m) => m.type !== mark.type), mark];
    switch (el.name) {
      case 'strong':
      case 'b':
        return inner({ marks: withMark({ type: 'bold' }) });
      case 'em':
      case 'i':
        return inner({ marks: withMark({ type: 'italic' }) });
      case 'a':
        return this.anchor(el, context, inner, withMark);
      case 'br':
        return [{ type: 'hardBreak' }];
      case 'img':
        return this.image(el, context);
      case 'input':
        if (el.attrs.type !== 'checkbox') return [];
        return this.inlines([{ type: 'text', text: el.attrs.checked !== undefined ? '☒ ' : '☐ ' }], context);
      case 'sup':
        if (this.hasOwnText(el)) this.note('formatting-dropped', { format: 'superscript' });
        return inner();
      case 'sub':
        this.note('formatting-dropped', { format: 'subscript' });
        return inner();
      case 's':
      case 'strike':
      case 'del':
        this.note('formatting-dropped', { format: 'strikethrough' });
        return inner();
      case 'u':
        if (!context.link) this.note('formatting-dropped', { format: 'underline' });
        return inner();
      default:
        return inner();
    }
  }

  /** Whether `el` has text other than footnote reference labels (`<sup>` around `[1]`). */
  private hasOwnText(el: MarkupElement): boolean {
    return el.children.some((child) => {
      if (child.type === 'text') return this.stripMarkers(child.text).trim() !== '';
      if (child.name === 'a' && child.attrs.href !== undefined && this.notePattern.test(child.attrs.href)) return false;
      return this.hasOwnText(child);
    });
  }

  private async anchor(
    el: MarkupElement,
    context: InlineContext,
    inner: (changes?: Partial<InlineContext>) => Promise<Segment[]>,
    withMark: (mark: Mark) => Mark[],
  ): Promise<Segment[]> {
    const href = el.attrs.href;
    if (href === undefined) return inner(); // a bookmark
    const note = this.notePattern.exec(href);
    if (note?.[1] !== undefined) {
      const content = this.noteText(note[1]);
      return content ? [{ type: 'footnote', attrs: { content } }] : [];
    }
    if (href.startsWith('#')) {
      this.note('internal-link-dropped');
      return inner();
    }
    const safe = safeLinkHref(href);
    if (!safe) {
      this.note('link-dropped', { href: quote(href) });
      return inner();
    }
    return inner({ marks: withMark({ type: 'link', attrs: { href: safe } }), link: safe });
  }

  private async image(el: MarkupElement, context: InlineContext): Promise<Segment[]> {
    const number = ++this.imageCount;
    const alt = (el.attrs.alt ?? '').replace(WHITESPACE, ' ').trim();
    const src = el.attrs.src ?? '';
    const report = (note: ImportNote) => this.notes.push(note);
    const resolved = this.options.resolveImage
      ? await this.options.resolveImage({ src, alt, number }, report)
      : { src };
    if (!resolved) return [];
    if (context.link) this.note('image-link-dropped', { image: number, href: quote(context.link) });
    if (!alt) this.note('image-no-alt', { image: number });
    else if (GENERATED_ALT.test(alt)) this.note('image-alt-generated', { image: number });
    const attrs: RichImageAttrs = { src: resolved.src, alt };
    if (resolved.mediaId !== undefined) attrs.mediaId = resolved.mediaId;
    return [{ type: 'image', attrs }];
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function spanOf(value: string | undefined): number {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n > 1 ? Math.min(n, RICH_DOC_LIMITS.maxSpan) : 1;
}

function paragraphOf(content: RichInline[], dir: TextDirection | undefined): RichBlock {
  return dir ? { type: 'paragraph', attrs: { dir }, content } : { type: 'paragraph', content };
}

function sameMarks(a: Mark[] | undefined, b: Mark[] | undefined): boolean {
  return JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
}

/** Joins neighbouring text with the same marks (the editor would do the same). */
function mergeText(content: RichInline[]): RichInline[] {
  const out: RichInline[] = [];
  for (const node of content) {
    const last = out[out.length - 1];
    if (node.type === 'text' && last?.type === 'text' && sameMarks(last.marks, node.marks)) {
      out[out.length - 1] = { ...last, text: last.text + node.text };
    } else {
      out.push(node);
    }
  }
  return out;
}

function isBlank(content: RichInline[]): boolean {
  return content.every((n) => n.type === 'hardBreak' || (n.type === 'text' && n.text.trim() === ''));
}

/** A document without any right-to-left paragraph needs no directions at all. */
function stripDirections(blocks: RichBlock[]) {
  for (const block of blocks) {
    if (block.type === 'paragraph' && block.attrs) delete block.attrs;
    else if (block.type === 'heading') delete block.attrs.dir;
    else if (block.type === 'blockquote') stripDirections(block.content);
    else if (block.type === 'bulletList' || block.type === 'orderedList') {
      for (const item of block.content) stripDirections(item.content);
    } else if (block.type === 'table') {
      for (const row of block.content) for (const cell of row.content) stripDirections(cell.content);
    }
  }
}

/** Converts mammoth's HTML into a RichDoc, the title, and notes on what was not kept. */
export function htmlToRichDoc(html: string, options: HtmlToRichDocOptions = {}): Promise<HtmlToRichDocResult> {
  return new Converter(options).convert(html);
}
