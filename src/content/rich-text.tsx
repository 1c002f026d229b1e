import { renderToString } from 'preact-render-to-string';
import { Fragment, type ComponentChildren, type VNode } from 'preact';
import sanitizeHtml from 'sanitize-html';
import type { Lang } from '../db/schema.js';
import { isSafeImageSrc, isSafeLinkHref, isSafeResponsiveImageUrl } from './rich-doc-schema.js';

/**
 * Rich text is stored as a ProseMirror/TipTap-style JSON document so the admin editor can
 * load it unchanged. It is rendered to HTML once, on save; pages then embed that HTML.
 */
export interface RichDoc {
  type: 'doc';
  content: RichBlock[];
}

export type Mark = { type: 'bold' } | { type: 'italic' } | { type: 'link'; attrs: { href: string } };

export type RichInline =
  | { type: 'text'; text: string; marks?: Mark[] }
  | { type: 'footnote'; attrs: { content: string } }
  | { type: 'hardBreak' };

/** Base direction of a paragraph or heading, for right-to-left and mixed-direction text. */
export type TextDirection = 'ltr' | 'rtl' | 'auto';

export interface RichImageAttrs {
  src: string;
  alt: string;
  caption?: string;
  /** The uploaded media item, whose responsive copies replace `src` when known at render time. */
  mediaId?: number;
}

export interface RichListItem {
  type: 'listItem';
  content: RichBlock[];
}

export type RichBlock =
  | { type: 'paragraph'; attrs?: { dir?: TextDirection }; content?: RichInline[] }
  | { type: 'heading'; attrs: { level: 2 | 3 | 4; dir?: TextDirection }; content?: RichInline[] }
  | { type: 'blockquote'; content: RichBlock[] }
  | { type: 'bulletList' | 'orderedList'; attrs?: { start?: number }; content: RichListItem[] }
  | { type: 'table'; content: RichTableRow[] }
  | { type: 'image'; attrs: RichImageAttrs };

/** The responsive copies of an uploaded image, as `<picture>` needs them (made by src/media). */
export interface ImageSources {
  /** Fallback URL (JPEG or PNG). */
  src: string;
  width: number;
  height: number;
  /** `srcset` of the fallback format. */
  srcset: string;
  /** Modern formats, best first: AVIF, then WebP. */
  sources: { type: string; srcset: string }[];
}

export interface RichTableCell {
  type: 'tableHeader' | 'tableCell';
  /** Kept only when above 1. */
  attrs?: { colspan?: number; rowspan?: number };
  content: RichBlock[];
}

export interface RichTableRow {
  type: 'tableRow';
  content: RichTableCell[];
}

export interface RenderRichTextOptions {
  /** Responsive copies of uploaded images by media id (see `richTextMediaIds`). */
  images?: ReadonlyMap<number, ImageSources>;
}

/** How wide body images are shown: the text measure (42rem) on wide screens, else the viewport. */
const IMAGE_SIZES = '(min-width: 44rem) 42rem, 100vw';

const footnoteLabels: Record<Lang, { heading: string; back: string; note: string }> = {
  en: { heading: 'Notes', back: 'Back to text', note: 'Note' },
  he: { heading: 'הערות', back: 'חזרה לטקסט', note: 'הערה' },
};

/** Only web, mail, site and fragment links survive; anything else (javascript:, data:) loses its href. */
function safeHref(href: string): string | undefined {
  const trimmed = href.trim();
  return isSafeLinkHref(trimmed) ? trimmed : undefined;
}

/** Keeps the srcset candidates whose URL is http(s) or site-relative. */
function safeSrcset(srcset: string): string | undefined {
  const kept = srcset
    .split(',')
    .map((candidate) => candidate.trim())
    .filter((candidate) => isSafeResponsiveImageUrl(candidate.split(/\s+/)[0] ?? ''));
  return kept.length ? kept.join(', ') : undefined;
}

function safeDir(dir: unknown): TextDirection | undefined {
  return dir === 'ltr' || dir === 'rtl' || dir === 'auto' ? dir : undefined;
}

/** Media ids of the document's images, to look up their `ImageSources` before rendering. */
export function richTextMediaIds(doc: RichDoc): number[] {
  const ids = new Set<number>();
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: string; content?: unknown[]; attrs?: { mediaId?: unknown } };
    if (n.type === 'image' && typeof n.attrs?.mediaId === 'number') ids.add(n.attrs.mediaId);
    if (Array.isArray(n.content)) for (const child of n.content) walk(child);
  };
  walk(doc);
  return [...ids];
}

/** Collects footnotes in reading order while the body renders. */
class FootnoteCollector {
  readonly notes: string[] = [];
  add(text: string): number {
    this.notes.push(text);
    return this.notes.length;
  }
}

interface RenderContext {
  notes: FootnoteCollector;
  lang: Lang;
  images: ReadonlyMap<number, ImageSources> | undefined;
}

function renderInline(node: RichInline, key: number, ctx: RenderContext): VNode | string {
  if (node.type === 'hardBreak') return <br key={key} />;
  if (node.type === 'footnote') {
    const n = ctx.notes.add(node.attrs.content);
    return (
      <sup key={key} class="fn-ref">
        <a href={`#fn-${n}`} id={`fnref-${n}`} aria-label={`${footnoteLabels[ctx.lang].note} ${n}`}>
          {n}
        </a>
      </sup>
    );
  }
  let out: ComponentChildren = node.text;
  for (const mark of node.marks ?? []) {
    if (mark.type === 'bold') out = <strong>{out}</strong>;
    else if (mark.type === 'italic') out = <em>{out}</em>;
    else if (mark.type === 'link') out = <a href={safeHref(mark.attrs.href)}>{out}</a>;
  }
  return typeof out === 'string' ? out : <Fragment key={key}>{out}</Fragment>;
}

function inlines(content: RichInline[] | undefined, ctx: RenderContext) {
  return (content ?? []).map((n, i) => renderInline(n, i, ctx));
}

const span = (n: number | undefined) => (typeof n === 'number' && Number.isInteger(n) && n > 1 ? n : undefined);

function renderImage(attrs: RichImageAttrs, key: number, ctx: RenderContext): VNode {
  const caption = attrs.caption ? <figcaption>{attrs.caption}</figcaption> : null;
  const sources = attrs.mediaId === undefined ? undefined : ctx.images?.get(attrs.mediaId);
  if (sources) {
    return (
      <figure key={key}>
        <picture>
          {sources.sources.map((source, i) => (
            <source key={i} type={source.type} srcset={safeSrcset(source.srcset)} sizes={IMAGE_SIZES} />
          ))}
          <img
            src={isSafeResponsiveImageUrl(sources.src) ? sources.src : undefined}
            srcset={safeSrcset(sources.srcset)}
            sizes={IMAGE_SIZES}
            width={sources.width}
            height={sources.height}
            alt={attrs.alt}
            loading="lazy"
            decoding="async"
          />
        </picture>
        {caption}
      </figure>
    );
  }
  return (
    <figure key={key}>
      <img src={isSafeImageSrc(attrs.src) ? attrs.src : undefined} alt={attrs.alt} loading="lazy" decoding="async" />
      {caption}
    </figure>
  );
}

function renderBlock(block: RichBlock, key: number, ctx: RenderContext): VNode {
  const blocks = (content: RichBlock[]) => content.map((b, i) => renderBlock(b, i, ctx));
  switch (block.type) {
    case 'paragraph':
      return (
        <p key={key} dir={safeDir(block.attrs?.dir)}>
          {inlines(block.content, ctx)}
        </p>
      );
    case 'heading': {
      const Tag = `h${block.attrs.level}` as 'h2';
      return (
        <Tag key={key} dir={safeDir(block.attrs.dir)}>
          {inlines(block.content, ctx)}
        </Tag>
      );
    }
    case 'blockquote':
      return <blockquote key={key}>{blocks(block.content)}</blockquote>;
    case 'bulletList':
      return (
        <ul key={key}>
          {block.content.map((item, i) => (
            <li key={i}>{blocks(item.content)}</li>
          ))}
        </ul>
      );
    case 'orderedList': {
      const start = block.attrs?.start;
      return (
        <ol key={key} start={typeof start === 'number' && Number.isInteger(start) && start !== 1 ? start : undefined}>
          {block.content.map((item, i) => (
            <li key={i}>{blocks(item.content)}</li>
          ))}
        </ol>
      );
    }
    case 'table':
      return (
        <div key={key} class="table-scroll">
          <table>
            <tbody>
              {block.content.map((row, r) => (
                <tr key={r}>
                  {row.content.map((cell, c) => {
                    const Cell = cell.type === 'tableHeader' ? 'th' : 'td';
                    return (
                      <Cell key={c} colSpan={span(cell.attrs?.colspan)} rowSpan={span(cell.attrs?.rowspan)}>
                        {blocks(cell.content)}
                      </Cell>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case 'image':
      return renderImage(block.attrs, key, ctx);
  }
}

const dirAttribute = { name: 'dir', multiple: false, values: ['ltr', 'rtl', 'auto'] };

/** The rules every rendered body passes; exported for the sanitiser property test. */
export const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'h2',
    'h3',
    'h4',
    'blockquote',
    'ul',
    'ol',
    'li',
    'strong',
    'em',
    'a',
    'br',
    'sup',
    'span',
    'div',
    'table',
    'tbody',
    'tr',
    'th',
    'td',
    'figure',
    'picture',
    'source',
    'img',
    'figcaption',
    'section',
  ],
  allowedAttributes: {
    a: ['href', 'id', 'aria-label', 'class'],
    sup: ['class'],
    div: ['class'],
    section: ['class', 'aria-labelledby'],
    p: [dirAttribute],
    h2: ['id', 'class', dirAttribute],
    h3: [dirAttribute],
    h4: [dirAttribute],
    blockquote: [dirAttribute],
    li: ['id', dirAttribute],
    ol: ['start'],
    td: ['colspan', 'rowspan', dirAttribute],
    th: ['colspan', 'rowspan', dirAttribute],
    picture: [],
    source: ['type', 'srcset', 'sizes'],
    img: ['src', 'srcset', 'sizes', 'width', 'height', 'alt', 'loading', 'decoding'],
  },
  selfClosing: ['img', 'br', 'source'],
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'], source: ['http', 'https'], srcset: ['http', 'https'] },
  allowProtocolRelative: false,
};

/**
 * Renders a document to sanitised HTML in the given language (which only affects the
 * footnote labels). Footnotes become numbered references plus a notes section at the end.
 * Images whose media id is in `options.images` become responsive `<picture>` elements.
 */
export function renderRichText(doc: RichDoc, lang: Lang, options: RenderRichTextOptions = {}): string {
  const ctx: RenderContext = { notes: new FootnoteCollector(), lang, images: options.images };
  const body = doc.content.map((b, i) => renderBlock(b, i, ctx));
  const notes = ctx.notes.notes;
  const labels = footnoteLabels[lang];
  const footnotes =
    notes.length === 0 ? null : (
      <section class="footnotes" aria-labelledby="footnotes-heading">
        <h2 id="footnotes-heading" class="footnotes-heading">
          {labels.heading}
        </h2>
        <ol>
          {notes.map((text, i) => (
            <li key={i} id={`fn-${i + 1}`}>
              {text}{' '}
              <a href={`#fnref-${i + 1}`} class="fn-back" aria-label={labels.back}>
                ↩
              </a>
            </li>
          ))}
        </ol>
      </section>
    );
  return sanitizeHtml(
    renderToString(
      <>
        {body}
        {footnotes}
      </>,
    ),
    sanitizeOptions,
  );
}

/** The document's text without markup or footnotes, for search and descriptions. */
export function richTextToPlain(doc: RichDoc): string {
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: string; text?: string; content?: unknown[]; attrs?: { caption?: string } };
    if (n.type === 'text' && n.text) parts.push(n.text);
    if (n.type === 'image' && n.attrs?.caption) parts.push(n.attrs.caption);
    if (n.type === 'footnote') return;
    if (Array.isArray(n.content)) {
      for (const child of n.content) walk(child);
      if (n.type !== 'doc') parts.push('\n');
    }
  };
  walk(doc);
  return parts
    .join('')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
}
