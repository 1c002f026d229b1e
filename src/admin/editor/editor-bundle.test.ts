import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Editor, getSchema } from '@tiptap/core';
import { parseRichDoc } from '../../content/rich-doc-schema.js';
import { renderRichText } from '../../content/rich-text.js';
import { getEditorBundle } from './editor-bundle.js';
import { createEditorExtensions } from './editor-extensions.js';

describe('editor bundle', () => {
  it('builds once, in memory, with a content hash', async () => {
    const first = getEditorBundle();
    assert.equal(getEditorBundle(), first, 'the build is shared');
    const bundle = await first;
    assert.match(bundle.hash, /^[0-9a-f]{16}$/);
    assert.ok(bundle.js.length > 100_000, 'TipTap and ProseMirror are bundled in');
    assert.match(bundle.js, /data-rich-editor/);
    assert.match(bundle.css, /\.rich-editor-toolbar/);
  });

  it('loads nothing from another host and needs nothing from Node', async () => {
    const { js, css } = await getEditorBundle();
    // URLs in error messages and documentation links are fine; URLs the code would fetch are not.
    const loads =
      /(?:import\s*\(|importScripts\s*\(|fetch\s*\(|new\s+(?:Shared)?Worker\s*\(|new\s+WebSocket\s*\(|new\s+EventSource\s*\(|sendBeacon\s*\([^,]*,?|\.src\s*=|setAttribute\s*\(\s*["'`](?:src|href)["'`]\s*,)\s*["'`](?:https?:)?\/\//g;
    assert.deepEqual(js.match(loads) ?? [], []);
    assert.doesNotMatch(js, /sourceMappingURL/);
    assert.doesNotMatch(js, /\brequire\s*\(\s*["'`]|process\.env/);
    assert.doesNotMatch(css, /@import|url\(\s*["']?(?:https?:)?\/\//);
    // No stylesheet or script elements pointing elsewhere are created either.
    assert.doesNotMatch(js, /["'`]<(?:script|link)\b/);
  });

  it('uses logical CSS properties only', async () => {
    const { css } = await getEditorBundle();
    assert.doesNotMatch(css, /(?:^|[;{])\s*(?:margin|padding|border)-(?:left|right)\b|(?:^|[;{])(?:left|right)\s*:/);
    assert.doesNotMatch(css, /text-align:\s*(?:left|right)/);
  });
});

/** A headless editor with the admin's extensions: the same schema and commands as in the browser. */
function headless(content: object = { type: 'doc', content: [{ type: 'paragraph' }] }) {
  return new Editor({ element: null, extensions: createEditorExtensions(), content, enableContentCheck: true });
}

describe('editor output passes parseRichDoc', () => {
  it('accepts what the toolbar commands produce', () => {
    const editor = headless();
    // Strings would be parsed as HTML, which needs a DOM; JSON text nodes are what typing produces.
    const typed = (value: string) => ({ type: 'text', text: value });
    editor.chain().insertContent(typed('Intro text')).setTextSelection({ from: 1, to: 6 }).toggleBold().run();
    editor.chain().setTextSelection({ from: 7, to: 11 }).setLink({ href: 'https://example.org/report' }).run();
    editor
      .chain()
      .setTextSelection(11)
      .insertContentAt(11, { type: 'footnote', attrs: { content: 'Source: survey.' } })
      .run();
    editor.chain().setBlockDirection('rtl').run();
    editor.commands.setTextSelection(editor.state.doc.content.size - 1);
    editor
      .chain()
      .insertContentAt(editor.state.doc.content.size, { type: 'heading', attrs: { level: 3 } })
      .run();
    editor
      .chain()
      .setTextSelection(editor.state.doc.content.size - 1)
      .insertContent(typed('Section'))
      .setBlockDirection('auto')
      .run();
    editor.chain().insertContentAt(editor.state.doc.content.size, { type: 'paragraph' }).run();
    editor
      .chain()
      .setTextSelection(editor.state.doc.content.size - 1)
      .insertContent(typed('item'))
      .toggleOrderedList()
      .run();
    editor
      .chain()
      .insertContentAt(editor.state.doc.content.size, {
        type: 'image',
        attrs: { src: '/media/5/original.jpg', alt: 'Chart of results', caption: null, mediaId: 5 },
      })
      .run();
    editor.chain().insertContentAt(editor.state.doc.content.size, { type: 'paragraph' }).run();
    editor
      .chain()
      .setTextSelection(editor.state.doc.content.size - 1)
      .insertTable({ rows: 3, cols: 3, withHeaderRow: true })
      .run();
    // One command per toolbar click: prosemirror-tables commands read the state, not a chain.
    editor.commands.addRowAfter();
    editor.commands.addColumnAfter();
    editor.commands.deleteColumn(); // the column with the cursor, so 3 columns remain
    editor.commands.insertContent(typed('Header'));

    const json = editor.getJSON();
    const serialised = JSON.stringify(json);
    // TipTap's shapes: defaults everywhere, link target/rel, cell spans and widths.
    assert.match(serialised, /"dir":null/);
    assert.match(serialised, /"colspan":1,"rowspan":1,"colwidth":null/);
    assert.match(serialised, /"type":"link","attrs":\{"href":"https:\/\/example.org\/report","target":null,"rel":null/);
    assert.match(serialised, /"type":"orderedList","attrs":\{"start":1,"type":null\}/);

    const result = parseRichDoc(serialised);
    assert.ok(result.ok, JSON.stringify(!result.ok && result.errors));
    const html = renderRichText(result.doc, 'en');
    assert.match(
      html,
      /^<p dir="rtl"><strong>Intro<\/strong> <a href="https:\/\/example.org\/report">text<\/a><sup class="fn-ref">/,
    );
    assert.match(html, /<h3 dir="auto">Section<\/h3>/);
    assert.match(html, /<ol><li><p>item<\/p><\/li><\/ol>/);
    assert.match(html, /<figure><img src="\/media\/5\/original.jpg" alt="Chart of results"/);
    assert.equal(html.match(/<tr>/g)?.length, 4);
    assert.equal(html.match(/<th>/g)?.length, 3);
    assert.match(html, /<th><p>Header<\/p><\/th>/);
    assert.match(html, /<li id="fn-1">Source: survey\./);
    editor.destroy();
  });

  it('round-trips a stored document unchanged in meaning', () => {
    const stored = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2, dir: 'rtl' }, content: [{ type: 'text', text: 'כותרת' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'See ', marks: [{ type: 'italic' }] },
            { type: 'text', text: 'the notes', marks: [{ type: 'link', attrs: { href: '#fn-1' } }] },
            { type: 'footnote', attrs: { content: 'A note' } },
          ],
        },
        { type: 'image', attrs: { src: '/media/1/a.png', alt: 'Alt', caption: 'Caption', mediaId: 1 } },
        {
          type: 'table',
          content: [
            {
              type: 'tableRow',
              content: [
                {
                  type: 'tableHeader',
                  attrs: { colspan: 2 },
                  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Wide' }] }],
                },
              ],
            },
            {
              type: 'tableRow',
              content: [
                { type: 'tableCell', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'a' }] }] },
                { type: 'tableCell', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'b' }] }] },
              ],
            },
          ],
        },
      ],
    };
    const before = parseRichDoc(stored);
    const editor = headless(stored);
    const after = parseRichDoc(editor.getJSON());
    assert.ok(before.ok && after.ok);
    assert.deepEqual(after.doc, before.doc);
    editor.destroy();
  });

  it('has exactly the node and mark types parseRichDoc accepts', () => {
    const schema = getSchema(createEditorExtensions());
    assert.deepEqual(Object.keys(schema.marks).sort(), ['bold', 'italic', 'link']);
    assert.deepEqual(Object.keys(schema.nodes).sort(), [
      'blockquote',
      'bulletList',
      'doc',
      'footnote',
      'hardBreak',
      'heading',
      'image',
      'listItem',
      'orderedList',
      'paragraph',
      'table',
      'tableCell',
      'tableHeader',
      'tableRow',
      'text',
    ]);
  });
});
