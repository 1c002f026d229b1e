import { renderToString } from 'preact-render-to-string';
import type { ComponentChildren, VNode } from 'preact';
import sanitizeHtml from 'sanitize-html';
import type { Lang } from '../db/schema.js';

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

export type RichBlock =
  | { type: 'paragraph'; content?: RichInline[] }
  | { type: 'heading'; attrs: { level: 2 | 3 | 4 }; content?: RichInline[] }
  | { type: 'blockquote'; content: RichBlock[] }
  | { type: 'bulletList' | 'orderedList'; content: { type: 'listItem'; content: RichBlock[] }[] }
  | { type: 'table'; content: RichTableRow[] }
  | { type: 'image'; attrs: { src: string; alt: string; caption?: string } };

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

export interface RichTableRow {
  type: 'tableRow';
  content: { type: 'tableHeader' | 'tableCell'; content: RichBlock[] }[];
}

const footnoteLabels: Record<Lang, { heading: string; back: string; note: string }> = {
  en: { heading: 'Notes', back: 'Back to text', note: 'Note' },
  he: { heading: 'הערות', back: 'חזרה לטקסט', note: 'הערה' },
};

/** Only web and mail links survive; anything else (javascript:, data:) loses its href. */
function safeHref(href: string): string | undefined {
  const trimmed = href.trim();
  if (/^(https?:|mailto:)/i.test(trimmed) || trimmed.startsWith('/') || trimmed.startsWith('#')) {
    return trimmed;
  }
  return undefined;
}

/** Collects footnotes in reading order while the body renders. */
class FootnoteCollector {
  readonly notes: string[] = [];
  add(text: string): number {
    this.notes.push(text);
    return this.notes.length;
  }
}

function renderInline(node: RichInline, key: number, notes: FootnoteCollector, lang: Lang): VNode | string {
  if (node.type === 'hardBreak') return <br key={key} />;
  if (node.type === 'footnote') {
    const n = notes.add(node.attrs.content);
    return (
      <sup key={key} class="fn-ref">
        <a href={`#fn-${n}`} id={`fnref-${n}`} aria-label={`${footnoteLabels[lang].note} ${n}`}>
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
  return typeof out === 'string' ? out : <span key={key}>{out}</span>;
}

function inlines(content: RichInline[] | undefined, notes: FootnoteCollector, lang: Lang) {
  return (content ?? []).map((n, i) => renderInline(n, i, notes, lang));
}

function renderBlock(block: RichBlock, key: number, notes: FootnoteCollector, lang: Lang): VNode {
  const blocks = (content: RichBlock[]) => content.map((b, i) => renderBlock(b, i, notes, lang));
  switch (block.type) {
    case 'paragraph':
      return <p key={key}>{inlines(block.content, notes, lang)}</p>;
    case 'heading': {
      const Tag = `h${block.attrs.level}` as 'h2';
      return <Tag key={key}>{inlines(block.content, notes, lang)}</Tag>;
    }
    case 'blockquote':
      return <blockquote key={key}>{blocks(block.content)}</blockquote>;
    case 'bulletList':
    case 'orderedList': {
      const List = block.type === 'bulletList' ? 'ul' : 'ol';
      return (
        <List key={key}>
          {block.content.map((item, i) => (
            <li key={i}>{blocks(item.content)}</li>
          ))}
        </List>
      );
    }
    case 'table':
      return (
        <div key={key} class="table-scroll">
          <table>
            <tbody>
              {block.content.map((row, r) => (
                <tr key={r}>
                  {row.content.map((cell, c) =>
                    cell.type === 'tableHeader' ? (
                      <th key={c}>{blocks(cell.content)}</th>
                    ) : (
                      <td key={c}>{blocks(cell.content)}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case 'image':
      return (
        <figure key={key}>
          <img src={safeHref(block.attrs.src)} alt={block.attrs.alt} loading="lazy" />
          {block.attrs.caption ? <figcaption>{block.attrs.caption}</figcaption> : null}
        </figure>
      );
  }
}

const sanitizeOptions: sanitizeHtml.IOptions = {
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
    'img',
    'figcaption',
    'section',
  ],
  allowedAttributes: {
    a: ['href', 'id', 'aria-label', 'class'],
    sup: ['class'],
    div: ['class'],
    section: ['class', 'aria-labelledby'],
    h2: ['id', 'class'],
    li: ['id'],
    img: ['src', 'alt', 'loading'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
};

/**
 * Renders a document to sanitised HTML in the given language (which only affects the
 * footnote labels). Footnotes become numbered references plus a notes section at the end.
 */
export function renderRichText(doc: RichDoc, lang: Lang): string {
  const notes = new FootnoteCollector();
  const body = doc.content.map((b, i) => renderBlock(b, i, notes, lang));
  const labels = footnoteLabels[lang];
  const footnotes =
    notes.notes.length === 0 ? null : (
      <section class="footnotes" aria-labelledby="footnotes-heading">
        <h2 id="footnotes-heading" class="footnotes-heading">
          {labels.heading}
        </h2>
        <ol>
          {notes.notes.map((text, i) => (
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
