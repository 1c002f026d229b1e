/// <reference lib="dom" />
/*
 * The admin's rich-text editor (browser code, bundled by editor-bundle.ts).
 *
 * Progressive enhancement of
 *   <div data-rich-editor data-lang="he" data-media-url="/admin/api/media?kind=image">
 *     <label for="body_json">…</label> <textarea name="body_json" id="body_json">{ RichDoc JSON }</textarea>
 *   </div>
 * The textarea stays in the form (hidden) and receives the editor's JSON on every change, so the
 * form posts exactly what it would without JavaScript. The server validates it with parseRichDoc;
 * the same check runs here to list problems while the writer works.
 */
import { Editor, type JSONContent } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { NodeSelection } from '@tiptap/pm/state';
import { isSafeImageSrc, isSafeLinkHref, parseRichDoc, richDocErrorMessage } from '../../content/rich-doc-schema.js';
import type { TextDirection } from '../../content/rich-text.js';
import { createEditorExtensions } from './editor-extensions.js';
import { editorStrings, type EditorLang, type EditorStrings } from './editor-strings.js';

let idCounter = 0;
const nextId = (prefix: string) => `${prefix}-${++idCounter}`;

type Child = Node | string;

function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  el.append(...children);
  return el;
}

const EMPTY_DOC: JSONContent = { type: 'doc', content: [{ type: 'paragraph' }] };

/** The textarea's document, or undefined when it is not a document the editor can open. */
function readContent(value: string): JSONContent | undefined {
  if (value.trim() === '') return EMPTY_DOC;
  try {
    const parsed: unknown = JSON.parse(value);
    if (typeof parsed === 'object' && parsed !== null && (parsed as { type?: unknown }).type === 'doc') {
      // A new publication starts as { type: 'doc', content: [] }, which the schema (block+) rejects.
      const blocks = (parsed as { content?: unknown }).content;
      return Array.isArray(blocks) && blocks.length > 0 ? (parsed as JSONContent) : EMPTY_DOC;
    }
  } catch {
    // fall through
  }
  return undefined;
}

/** Without the editor the JSON stays editable in the textarea; say why. */
function showFallback(textarea: HTMLTextAreaElement, t: EditorStrings, lang: EditorLang): void {
  const id = nextId('rich-editor-fallback');
  const note = h('p', { class: 'rich-editor-fallback', id, lang, role: 'status' }, t.loadFailed);
  textarea.before(note);
  textarea.hidden = false;
  textarea.setAttribute('aria-describedby', [textarea.getAttribute('aria-describedby'), id].filter(Boolean).join(' '));
}

interface MediaItem {
  id: number;
  url: string;
  thumbUrl: string;
  alt: string;
  name: string;
}

/** Reads the media endpoint's answer defensively: only same-site or https images, numeric ids. */
function parseMediaItems(data: unknown, lang: EditorLang): MediaItem[] {
  const items = (data as { items?: unknown } | null)?.items;
  if (!Array.isArray(items)) return [];
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const out: MediaItem[] = [];
  for (const raw of items) {
    if (typeof raw !== 'object' || raw === null) continue;
    const item = raw as Record<string, unknown>;
    const url = str(item.url);
    if (typeof item.id !== 'number' || !Number.isSafeInteger(item.id) || item.id <= 0 || !isSafeImageSrc(url)) continue;
    const thumb = str(item.thumbUrl);
    out.push({
      id: item.id,
      url,
      thumbUrl: isSafeImageSrc(thumb) ? thumb : url,
      alt: str(lang === 'he' ? item.alt_he : item.alt_en).trim(),
      name: str(item.original_name),
    });
  }
  return out;
}

function isSameOrigin(url: string): boolean {
  try {
    return new URL(url, window.location.href).origin === window.location.origin;
  } catch {
    return false;
  }
}

interface Tool {
  label: string | (() => string);
  /** Visible text; the accessible name is `label`. */
  text: string;
  className?: string;
  run: () => void;
  active?: () => boolean;
  enabled?: () => boolean;
}

interface Field {
  wrap: HTMLElement;
  setError: (message: string | null) => void;
}

function mount(root: HTMLElement): void {
  if (root.dataset.richEditorMounted) return;
  const textarea = root.querySelector('textarea');
  if (!textarea) return;
  root.dataset.richEditorMounted = 'true';

  const lang: EditorLang = root.dataset.lang === 'he' ? 'he' : 'en';
  const t = editorStrings[lang];
  const dir = lang === 'he' ? 'rtl' : 'ltr';

  const content = readContent(textarea.value);
  if (!content) {
    showFallback(textarea, t, lang);
    return;
  }

  const label =
    (textarea.id ? root.querySelector<HTMLLabelElement>(`label[for="${CSS.escape(textarea.id)}"]`) : null) ??
    root.querySelector('label');
  if (label && !label.id) label.id = nextId('rich-editor-label');

  const ui = h('div', { class: 'rich-editor-ui', lang, dir });
  const toolbar = h('div', { class: 'rich-editor-toolbar', role: 'toolbar', 'aria-label': t.toolbar });
  const surface = h('div', { class: 'rich-editor-surface' });
  const helpId = nextId('rich-editor-help');
  const help = h('p', { class: 'rich-editor-help', id: helpId }, t.help);
  const problems = h('div', { class: 'rich-editor-problems' });
  problems.hidden = true;
  ui.append(toolbar, surface, help, problems);
  textarea.after(ui);

  let contentError = false;
  const nameAttrs: Record<string, string> = label ? { 'aria-labelledby': label.id } : { 'aria-label': t.editorName };

  // The handlers below refer to `editor`; they only run after construction.
  const editor: Editor = new Editor({
    element: surface,
    extensions: createEditorExtensions({ missingAltLabel: t.imageMissingAlt }),
    content,
    injectCSS: false,
    enableContentCheck: true,
    onContentError: () => {
      contentError = true;
    },
    editorProps: {
      attributes: {
        class: 'rich-editor-content',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-describedby': helpId,
        dir,
        lang,
        ...nameAttrs,
      },
      handleDoubleClickOn: (_view, _pos, node, nodePos) => {
        if (node.type.name !== 'footnote' && node.type.name !== 'image') return false;
        editor.commands.setNodeSelection(nodePos);
        if (node.type.name === 'footnote') openFootnoteDialog();
        else openImageDialog();
        return true;
      },
      handleKeyDown: (_view, event) => {
        if (event.altKey && event.key === 'F10') {
          focusToolbar();
          return true;
        }
        if (event.key === 'Enter' && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey) {
          if (selectedNode('footnote')) {
            openFootnoteDialog();
            return true;
          }
          if (selectedNode('image')) {
            openImageDialog();
            return true;
          }
        }
        return false;
      },
    },
  });

  if (contentError) {
    // TipTap would silently drop what it does not understand; keep the JSON instead.
    editor.destroy();
    ui.remove();
    showFallback(textarea, t, lang);
    return;
  }
  textarea.hidden = true;
  label?.addEventListener('click', (event) => {
    event.preventDefault();
    editor.commands.focus();
  });

  // --- selection helpers -------------------------------------------------------------------

  function selectedNode(name: string): { pos: number; node: PMNode } | null {
    const { selection } = editor.state;
    return selection instanceof NodeSelection && selection.node.type.name === name
      ? { pos: selection.from, node: selection.node }
      : null;
  }

  /** The footnote to edit: a selected marker, or the only marker inside a text selection. */
  function selectedFootnote(): { pos: number; node: PMNode } | null {
    const direct = selectedNode('footnote');
    if (direct) return direct;
    const { from, to, empty } = editor.state.selection;
    if (empty) return null;
    const found: { pos: number; node: PMNode }[] = [];
    editor.state.doc.nodesBetween(from, to, (node, pos) => {
      if (node.type.name === 'footnote') found.push({ pos, node });
    });
    return found.length === 1 ? (found[0] ?? null) : null;
  }

  function currentDirection(): TextDirection | null {
    const attrs = editor.isActive('heading') ? editor.getAttributes('heading') : editor.getAttributes('paragraph');
    return (attrs.dir as TextDirection | undefined) ?? null;
  }

  // --- toolbar -----------------------------------------------------------------------------

  const chain = () => editor.chain().focus();
  const direction = (value: TextDirection) => () =>
    chain()
      .setBlockDirection(currentDirection() === value ? null : value)
      .run();
  const inTable = () => editor.isActive('table');

  const groups: { label: string; tools: Tool[] }[] = [
    {
      label: t.groupHistory,
      tools: [
        { label: t.undo, text: '↶', run: () => chain().undo().run(), enabled: () => editor.can().undo() },
        { label: t.redo, text: '↷', run: () => chain().redo().run(), enabled: () => editor.can().redo() },
      ],
    },
    {
      label: t.groupBlock,
      tools: [
        {
          label: t.paragraph,
          text: '¶',
          run: () => chain().setParagraph().run(),
          active: () => editor.isActive('paragraph'),
        },
        ...([2, 3, 4] as const).map((level): Tool => ({
          label: t[`heading${level}`],
          text: `H${level}`,
          run: () => chain().toggleHeading({ level }).run(),
          active: () => editor.isActive('heading', { level }),
        })),
      ],
    },
    {
      label: t.groupInline,
      tools: [
        {
          label: t.bold,
          text: 'B',
          className: 'rich-editor-bold',
          run: () => chain().toggleBold().run(),
          active: () => editor.isActive('bold'),
        },
        {
          label: t.italic,
          text: 'I',
          className: 'rich-editor-italic',
          run: () => chain().toggleItalic().run(),
          active: () => editor.isActive('italic'),
        },
        { label: t.link, text: t.link, run: () => openLinkDialog(), active: () => editor.isActive('link') },
      ],
    },
    {
      label: t.groupLists,
      tools: [
        {
          label: t.bulletList,
          text: '•',
          run: () => chain().toggleBulletList().run(),
          active: () => editor.isActive('bulletList'),
        },
        {
          label: t.orderedList,
          text: '1.',
          run: () => chain().toggleOrderedList().run(),
          active: () => editor.isActive('orderedList'),
        },
        {
          label: t.blockquote,
          text: '❝',
          run: () => chain().toggleBlockquote().run(),
          active: () => editor.isActive('blockquote'),
        },
      ],
    },
    {
      label: t.groupDirection,
      tools: [
        { label: t.dirRtl, text: t.dirRtlShort, run: direction('rtl'), active: () => currentDirection() === 'rtl' },
        { label: t.dirLtr, text: t.dirLtrShort, run: direction('ltr'), active: () => currentDirection() === 'ltr' },
        { label: t.dirAuto, text: t.dirAutoShort, run: direction('auto'), active: () => currentDirection() === 'auto' },
      ],
    },
    {
      label: t.groupTable,
      tools: [
        {
          label: t.insertTable,
          text: t.insertTable,
          run: () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
          enabled: () => !inTable() && !selectedNode('image'),
        },
        {
          label: t.addRow,
          text: t.addRow,
          run: () => chain().addRowAfter().run(),
          enabled: () => inTable() && editor.can().addRowAfter(),
        },
        {
          label: t.deleteRow,
          text: t.deleteRow,
          run: () => chain().deleteRow().run(),
          enabled: () => inTable() && editor.can().deleteRow(),
        },
        {
          label: t.addColumn,
          text: t.addColumn,
          run: () => chain().addColumnAfter().run(),
          enabled: () => inTable() && editor.can().addColumnAfter(),
        },
        {
          label: t.deleteColumn,
          text: t.deleteColumn,
          run: () => chain().deleteColumn().run(),
          enabled: () => inTable() && editor.can().deleteColumn(),
        },
        {
          label: t.deleteTable,
          text: t.deleteTable,
          run: () => chain().deleteTable().run(),
          enabled: () => inTable() && editor.can().deleteTable(),
        },
      ],
    },
    {
      label: t.groupInsert,
      tools: [
        { label: () => (selectedNode('image') ? t.editImage : t.image), text: t.image, run: () => openImageDialog() },
        {
          label: () => (selectedFootnote() ? t.editFootnote : t.footnote),
          text: t.footnote,
          run: () => openFootnoteDialog(),
          enabled: () => !selectedNode('image'),
        },
      ],
    },
  ];

  const buttons: { el: HTMLButtonElement; tool: Tool }[] = [];
  for (const group of groups) {
    const groupEl = h('div', { class: 'rich-editor-group', role: 'group', 'aria-label': group.label });
    for (const tool of group.tools) {
      const labelText = typeof tool.label === 'function' ? tool.label() : tool.label;
      const el = h(
        'button',
        { type: 'button', class: tool.className ?? '', 'aria-label': labelText, title: labelText, tabindex: '-1' },
        // The glyph is drawn by CSS so the button's name is its full label alone (WCAG 2.5.3).
        h('span', { 'aria-hidden': 'true', 'data-glyph': tool.text }),
      );
      const index = buttons.length;
      // Keep the editor's selection visible while the mouse is down.
      el.addEventListener('mousedown', (event) => event.preventDefault());
      el.addEventListener('click', () => {
        setCurrent(index);
        if (el.getAttribute('aria-disabled') === 'true') return;
        tool.run();
      });
      buttons.push({ el, tool });
      groupEl.append(el);
    }
    toolbar.append(groupEl);
  }

  let current = 0;
  function setCurrent(index: number): void {
    current = index;
    buttons.forEach((b, i) => (b.el.tabIndex = i === index ? 0 : -1));
  }
  setCurrent(0);

  function focusToolbar(): void {
    buttons[current]?.el.focus();
  }

  // Roving focus (one tab stop for the whole toolbar), mirrored in right-to-left text.
  toolbar.addEventListener('keydown', (event) => {
    const forward = dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
    const backward = dir === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
    let next: number | undefined;
    if (event.key === forward) next = (current + 1) % buttons.length;
    else if (event.key === backward) next = (current - 1 + buttons.length) % buttons.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = buttons.length - 1;
    else if (event.key === 'Escape') {
      event.preventDefault();
      editor.commands.focus();
      return;
    }
    if (next === undefined) return;
    event.preventDefault();
    setCurrent(next);
    buttons[next]?.el.focus();
  });
  toolbar.addEventListener('focusin', (event) => {
    const index = buttons.findIndex((b) => b.el === event.target);
    if (index >= 0) setCurrent(index);
  });

  function refreshToolbar(): void {
    for (const { el, tool } of buttons) {
      if (tool.active) el.setAttribute('aria-pressed', String(tool.active()));
      if (!tool.enabled || tool.enabled()) el.removeAttribute('aria-disabled');
      else el.setAttribute('aria-disabled', 'true');
      if (typeof tool.label === 'function') {
        const text = tool.label();
        if (el.getAttribute('aria-label') !== text) {
          el.setAttribute('aria-label', text);
          el.title = text;
        }
      }
    }
  }

  // --- dialogs -----------------------------------------------------------------------------

  interface DialogParts {
    dialog: HTMLDialogElement;
    title: HTMLElement;
    body: HTMLElement;
    removeButton: HTMLButtonElement;
  }

  /** A modal dialog outside the admin form (forms cannot nest), closed with Escape or Cancel. */
  function createDialog(removeLabel: string, onApply: () => void, onRemove: () => void): DialogParts {
    const titleId = nextId('rich-editor-dialog-title');
    const dialog = h('dialog', { class: 'rich-editor-dialog', 'aria-labelledby': titleId, lang, dir });
    const form = h('form', { method: 'dialog', novalidate: '' });
    const title = h('h2', { id: titleId, class: 'rich-editor-dialog-title', tabindex: '-1' });
    const body = h('div', { class: 'rich-editor-dialog-body' });
    const applyButton = h('button', { type: 'submit', class: 'rich-editor-primary' }, t.apply);
    const removeButton = h('button', { type: 'button' }, removeLabel);
    const cancelButton = h('button', { type: 'button' }, t.cancel);
    form.append(
      title,
      body,
      h('div', { class: 'rich-editor-dialog-actions' }, applyButton, removeButton, cancelButton),
    );
    dialog.append(form);
    document.body.append(dialog);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      onApply();
    });
    removeButton.addEventListener('click', onRemove);
    cancelButton.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => editor.commands.focus());
    return { dialog, title, body, removeButton };
  }

  function field(labelText: string, control: HTMLInputElement | HTMLTextAreaElement, hint?: string): Field {
    control.id = nextId('rich-editor-field');
    const errorId = `${control.id}-error`;
    const error = h('p', { id: errorId, class: 'rich-editor-error' });
    error.hidden = true;
    const wrap = h('div', { class: 'rich-editor-field' }, h('label', { for: control.id }, labelText));
    const describedBy = [errorId];
    if (hint) {
      const hintId = `${control.id}-hint`;
      wrap.append(h('p', { id: hintId, class: 'rich-editor-hint' }, hint));
      describedBy.unshift(hintId);
    }
    control.setAttribute('aria-describedby', describedBy.join(' '));
    wrap.append(control, error);
    return {
      wrap,
      setError: (message) => {
        error.textContent = message ?? '';
        error.hidden = message === null;
        if (message === null) control.removeAttribute('aria-invalid');
        else control.setAttribute('aria-invalid', 'true');
      },
    };
  }

  // Link
  let linkDialog: { open: () => void } | undefined;
  function openLinkDialog(): void {
    linkDialog ??= (() => {
      const input = h('input', {
        type: 'text',
        inputmode: 'url',
        autocomplete: 'url',
        dir: 'ltr',
        spellcheck: 'false',
      });
      const urlField = field(t.linkUrl, input, t.linkHint);
      const parts = createDialog(
        t.removeLink,
        () => {
          const href = input.value.trim();
          if (!isSafeLinkHref(href)) {
            urlField.setError(t.linkInvalid);
            input.focus();
            return;
          }
          if (editor.state.selection.empty && !editor.isActive('link')) {
            chain()
              .insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] })
              .unsetMark('link')
              .run();
          } else {
            chain().extendMarkRange('link').setLink({ href }).run();
          }
          parts.dialog.close();
        },
        () => {
          chain().extendMarkRange('link').unsetLink().run();
          parts.dialog.close();
        },
      );
      parts.title.textContent = t.linkTitle;
      parts.body.append(urlField.wrap);
      return {
        open: () => {
          const existing = editor.isActive('link') ? String(editor.getAttributes('link').href ?? '') : '';
          input.value = existing;
          urlField.setError(null);
          parts.removeButton.hidden = existing === '';
          parts.dialog.showModal();
          input.focus();
          input.select();
        },
      };
    })();
    linkDialog.open();
  }

  // Footnote
  let footnoteDialog: { open: () => void } | undefined;
  function openFootnoteDialog(): void {
    footnoteDialog ??= (() => {
      let target: { pos: number; node: PMNode } | null = null;
      const input = h('textarea', { rows: '4' });
      const textField = field(t.footnoteText, input);
      const parts = createDialog(
        t.removeFootnote,
        () => {
          const text = input.value.trim();
          if (!text) {
            textField.setError(t.footnoteRequired);
            input.focus();
            return;
          }
          if (target) {
            const { pos } = target;
            chain()
              .command(({ tr }) => {
                tr.setNodeMarkup(pos, undefined, { content: text });
                return true;
              })
              .run();
          } else {
            // After the selection, never replacing selected text.
            chain()
              .insertContentAt(editor.state.selection.to, { type: 'footnote', attrs: { content: text } })
              .run();
          }
          parts.dialog.close();
        },
        () => {
          if (target)
            chain()
              .deleteRange({ from: target.pos, to: target.pos + target.node.nodeSize })
              .run();
          parts.dialog.close();
        },
      );
      parts.body.append(textField.wrap);
      return {
        open: () => {
          target = selectedFootnote();
          parts.title.textContent = target ? t.editFootnote : t.footnoteTitle;
          input.value = target ? String(target.node.attrs.content ?? '') : '';
          textField.setError(null);
          parts.removeButton.hidden = !target;
          parts.dialog.showModal();
          input.focus();
        },
      };
    })();
    footnoteDialog.open();
  }

  // Image
  let imageDialog: { open: () => void } | undefined;
  function openImageDialog(): void {
    imageDialog ??= (() => {
      let target: { pos: number; node: PMNode } | null = null;
      let items: MediaItem[] = [];
      let lastPrefill = '';
      let loading: AbortController | undefined;
      const radioName = nextId('rich-editor-media');

      const legend = h('legend', {}, t.imageChoose);
      const status = h('p', { class: 'rich-editor-status', role: 'status' });
      const list = h('div', { class: 'rich-editor-media' });
      const chooseErrorId = nextId('rich-editor-media-error');
      const chooseError = h('p', { id: chooseErrorId, class: 'rich-editor-error' });
      chooseError.hidden = true;
      const fieldset = h('fieldset', { class: 'rich-editor-media-fieldset' }, legend, status, list, chooseError);
      const preview = h('img', { class: 'rich-editor-preview', alt: '' });

      const altInput = h('textarea', { rows: '2' });
      const altField = field(t.imageAlt, altInput, t.imageAltHint);
      const captionInput = h('input', { type: 'text' });
      const captionField = field(t.imageCaption, captionInput);

      const setChooseError = (message: string | null) => {
        chooseError.textContent = message ?? '';
        chooseError.hidden = message === null;
      };
      const chosen = () => {
        const checked = list.querySelector<HTMLInputElement>('input[type="radio"]:checked');
        return checked ? items.find((item) => String(item.id) === checked.value) : undefined;
      };

      const parts = createDialog(
        t.cancel, // no "remove": Delete in the text removes a selected image
        () => {
          const alt = altInput.value.trim();
          const caption = captionInput.value.trim() || null;
          const item = target ? undefined : chosen();
          let invalid: HTMLElement | undefined;
          if (!target && !item) {
            setChooseError(t.imageRequired);
            invalid = list.querySelector<HTMLInputElement>('input[type="radio"]') ?? list;
          } else setChooseError(null);
          if (!alt) {
            altField.setError(t.imageAltRequired);
            invalid ??= altInput;
          } else altField.setError(null);
          if (invalid) {
            invalid.focus();
            return;
          }
          if (target) {
            const { pos, node } = target;
            chain()
              .command(({ tr }) => {
                tr.setNodeMarkup(pos, undefined, { ...node.attrs, alt, caption });
                return true;
              })
              .run();
          } else if (item) {
            chain()
              .insertContent({ type: 'image', attrs: { src: item.url, alt, caption, mediaId: item.id } })
              .run();
          }
          parts.dialog.close();
        },
        () => parts.dialog.close(),
      );
      parts.removeButton.hidden = true;
      parts.body.append(fieldset, preview, altField.wrap, captionField.wrap);
      parts.dialog.classList.add('rich-editor-image-dialog');
      parts.dialog.addEventListener('close', () => loading?.abort());

      list.addEventListener('change', () => {
        const item = chosen();
        if (!item) return;
        setChooseError(null);
        // Prefill the alternative text, but never overwrite what the writer typed.
        if (altInput.value.trim() === '' || altInput.value === lastPrefill) {
          altInput.value = item.alt;
          lastPrefill = item.alt;
        }
      });

      async function loadMedia(): Promise<void> {
        loading?.abort();
        const controller = new AbortController();
        loading = controller;
        list.replaceChildren();
        items = [];
        status.textContent = t.imageLoading;
        const url = root.dataset.mediaUrl ?? '';
        try {
          if (!url || !isSameOrigin(url)) throw new Error('media URL must be on this site');
          const response = await fetch(url, {
            headers: { accept: 'application/json' },
            credentials: 'same-origin',
            signal: controller.signal,
          });
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
          items = parseMediaItems(await response.json(), lang);
        } catch {
          if (!controller.signal.aborted) status.textContent = t.imageLoadFailed;
          return;
        }
        if (controller.signal.aborted) return;
        if (items.length === 0) {
          status.textContent = t.imageNone;
          return;
        }
        status.textContent = '';
        list.replaceChildren(
          ...items.map((item) => {
            const radio = h('input', { type: 'radio', name: radioName, value: String(item.id) });
            radio.setAttribute('aria-describedby', chooseErrorId);
            const caption = h('span', { class: 'rich-editor-media-name' }, item.name || item.url);
            if (item.alt) caption.append(h('span', { class: 'rich-editor-media-alt' }, item.alt));
            return h(
              'label',
              { class: 'rich-editor-media-item' },
              radio,
              h('img', { src: item.thumbUrl, alt: '', loading: 'lazy' }),
              caption,
            );
          }),
        );
      }

      return {
        open: () => {
          target = selectedNode('image');
          parts.title.textContent = target ? t.imageEditTitle : t.imageTitle;
          setChooseError(null);
          altField.setError(null);
          lastPrefill = '';
          fieldset.hidden = target !== null;
          preview.hidden = target === null;
          if (target) {
            preview.src = String(target.node.attrs.src ?? '');
            altInput.value = String(target.node.attrs.alt ?? '');
            captionInput.value = String(target.node.attrs.caption ?? '');
          } else {
            preview.removeAttribute('src');
            altInput.value = '';
            captionInput.value = '';
            void loadMedia();
          }
          parts.dialog.showModal();
          // Editing: straight to the text. Inserting: start at the title, above the image list.
          if (target) altInput.focus();
          else parts.title.focus();
        },
      };
    })();
    imageDialog.open();
  }

  // --- sync and checks ---------------------------------------------------------------------

  let checkTimer: number | undefined;
  function check(): void {
    const result = parseRichDoc(textarea!.value);
    if (result.ok) {
      problems.hidden = true;
      problems.replaceChildren();
      return;
    }
    problems.replaceChildren(
      h('p', {}, t.problems),
      h('ul', {}, ...result.errors.map((error) => h('li', {}, richDocErrorMessage(error, lang)))),
    );
    problems.hidden = false;
  }

  editor.on('update', () => {
    textarea.value = JSON.stringify(editor.getJSON());
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
    window.clearTimeout(checkTimer);
    checkTimer = window.setTimeout(check, 500);
  });
  editor.on('transaction', refreshToolbar);
  refreshToolbar();
  check();
}

function mountAll(): void {
  document.querySelectorAll<HTMLElement>('[data-rich-editor]').forEach(mount);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mountAll);
else mountAll();
