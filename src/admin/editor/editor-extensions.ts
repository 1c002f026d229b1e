import { Extension, Node, mergeAttributes, type AnyExtension } from '@tiptap/core';
import { TableKit } from '@tiptap/extension-table';
import { StarterKit } from '@tiptap/starter-kit';
import { isSafeLinkHref } from '../../content/rich-doc-schema.js';
import type { TextDirection } from '../../content/rich-text.js';

/*
 * The TipTap extensions of the admin editor. The schema they define is exactly what
 * `parseRichDoc` accepts: StarterKit without code, strike, underline and rules; tables; and
 * our own image, footnote and paragraph-direction extensions. No DOM access at import time, so
 * tests can build the schema in Node.
 */

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    blockDirection: {
      /** Sets (or with null, clears) the base direction of the paragraphs and headings in the selection. */
      setBlockDirection: (dir: TextDirection | null) => ReturnType;
    };
  }
}

const DIRECTED_TYPES = ['paragraph', 'heading'];

function parseDir(value: string | null): TextDirection | null {
  return value === 'ltr' || value === 'rtl' || value === 'auto' ? value : null;
}

/** A `dir` attribute on paragraphs and headings. */
export const BlockDirection = Extension.create({
  name: 'blockDirection',

  addGlobalAttributes() {
    return [
      {
        types: DIRECTED_TYPES,
        attributes: {
          dir: {
            default: null,
            parseHTML: (element) => parseDir(element.getAttribute('dir')),
            renderHTML: (attributes) => (attributes.dir ? { dir: attributes.dir } : {}),
          },
        },
      },
    ];
  },

  addCommands() {
    return {
      setBlockDirection:
        (dir) =>
        ({ tr, state, dispatch }) => {
          const { from, to } = state.selection;
          const targets: { pos: number; attrs: Record<string, unknown> }[] = [];
          state.doc.nodesBetween(from, to, (node, pos) => {
            if (!DIRECTED_TYPES.includes(node.type.name)) return true;
            if (node.attrs.dir !== dir) targets.push({ pos, attrs: node.attrs });
            return false;
          });
          if (targets.length === 0) return false;
          if (dispatch) for (const { pos, attrs } of targets) tr.setNodeMarkup(pos, undefined, { ...attrs, dir });
          return true;
        },
    };
  },
});

/** An inline footnote: an atom whose text is the `content` attribute, shown as a numbered marker. */
export const Footnote = Node.create({
  name: 'footnote',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  draggable: false,

  addAttributes() {
    return {
      content: {
        default: '',
        parseHTML: (element) => element.getAttribute('data-footnote') ?? '',
        renderHTML: (attributes) => ({ 'data-footnote': attributes.content, title: attributes.content }),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'sup[data-footnote]' }];
  },

  renderHTML({ HTMLAttributes }) {
    // The number comes from a CSS counter, so it follows the document order without bookkeeping.
    return ['sup', mergeAttributes({ class: 'rich-editor-fn' }, HTMLAttributes)];
  },

  renderText() {
    return '';
  },
});

export interface RichImageOptions {
  /** Shown on images that still need alternative text. */
  missingAltLabel: string;
}

/** A block image from the media library, with alternative text and an optional caption. */
export const RichImage = Node.create<RichImageOptions>({
  name: 'image',
  group: 'block',
  atom: true,
  selectable: true,
  draggable: true,

  addOptions() {
    return { missingAltLabel: 'No alternative text' };
  },

  addAttributes() {
    return {
      src: { default: null, rendered: false },
      alt: { default: '', rendered: false },
      caption: { default: null, rendered: false },
      mediaId: { default: null, rendered: false },
    };
  },

  parseHTML() {
    // Only our own markup (copy and paste inside the editor): images pasted from other pages
    // would arrive without alternative text or from other hosts.
    return [
      {
        tag: 'figure[data-rich-image]',
        getAttrs: (element) => {
          const img = element.querySelector('img');
          const mediaId = Number(element.getAttribute('data-media-id'));
          return {
            src: img?.getAttribute('src') ?? null,
            alt: img?.getAttribute('alt') ?? '',
            caption: element.querySelector('figcaption')?.textContent || null,
            mediaId: Number.isSafeInteger(mediaId) && mediaId > 0 ? mediaId : null,
          };
        },
      },
    ];
  },

  renderHTML({ node }) {
    const { src, alt, caption, mediaId } = node.attrs as {
      src: string | null;
      alt: string;
      caption: string | null;
      mediaId: number | null;
    };
    const figure: Record<string, string> = { 'data-rich-image': '', class: 'rich-editor-image' };
    if (mediaId) figure['data-media-id'] = String(mediaId);
    if (!alt.trim()) figure['data-missing-alt'] = this.options.missingAltLabel;
    const img = ['img', { src: src ?? '', alt, draggable: 'false' }];
    return caption ? ['figure', figure, img, ['figcaption', {}, caption]] : ['figure', figure, img];
  },
});

export interface EditorExtensionOptions {
  missingAltLabel?: string;
}

/** The extensions of the admin editor, in the order their marks and nodes appear in the schema. */
export function createEditorExtensions(options: EditorExtensionOptions = {}): AnyExtension[] {
  return [
    StarterKit.configure({
      code: false,
      codeBlock: false,
      strike: false,
      horizontalRule: false,
      underline: false,
      heading: { levels: [2, 3, 4] },
      link: {
        openOnClick: false,
        autolink: true,
        defaultProtocol: 'https',
        HTMLAttributes: { target: null, rel: null },
        isAllowedUri: (url) => isSafeLinkHref(url.trim()),
      },
    }),
    TableKit.configure({ table: { resizable: false } }),
    BlockDirection,
    Footnote,
    RichImage.configure(options.missingAltLabel ? { missingAltLabel: options.missingAltLabel } : {}),
  ];
}
