import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import JSZip from 'jszip';
import { parseRichDoc } from '../../content/rich-doc-schema.js';
import { makeDocx, makePng, sampleDocx, sampleDocxContent } from '../../../test/support/make-docx.js';
import { htmlToRichDoc } from './html-to-rich-doc.js';
import {
  DocxImportError,
  importDocx,
  type DocxImportOptions,
  type DocxImportResult,
  type ImportNote,
  importNoteMessage,
  IMPORT_NOTE_CODES,
} from './docx-import.js';

type SavedCall = Parameters<DocxImportOptions['saveImage']>[0];

/** An image store that records what it was given. */
function fakeStore() {
  const saved: SavedCall[] = [];
  return {
    saved,
    async saveImage(image: SavedCall) {
      saved.push(image);
      return { src: `/media/${saved.length}.png`, mediaId: 100 + saved.length };
    },
  };
}

async function importSpec(...args: Parameters<typeof makeDocx>) {
  const store = fakeStore();
  const result = await importDocx(await makeDocx(...args), store);
  return { ...result, saved: store.saved };
}

const codes = (report: ImportNote[]) => report.map((n) => n.code);

/** All text of a block list, for loose assertions. */
function allText(result: DocxImportResult): string {
  return JSON.stringify(result.doc);
}

async function rejectsWith(promise: Promise<unknown>, code: string, message: RegExp) {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof DocxImportError, `expected DocxImportError, got ${String(error)}`);
    assert.equal(error.code, code);
    assert.match(error.message, message);
    assert.match(importNoteMessage(error, 'he'), /[\u0590-\u05FF]/);
    return true;
  });
}

/** Rewrites the declared unpacked size of `name` in a ZIP (local header and central directory). */
function patchDeclaredSize(zip: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(zip);
  for (let i = 0; i + 46 < out.length; i++) {
    const sig = out.readUInt32LE(i);
    if (sig === 0x04034b50 && out.toString('utf8', i + 30, i + 30 + out.readUInt16LE(i + 26)) === name) {
      out.writeUInt32LE(size, i + 22);
    }
    if (sig === 0x02014b50 && out.toString('utf8', i + 46, i + 46 + out.readUInt16LE(i + 28)) === name) {
      out.writeUInt32LE(size, i + 24);
    }
  }
  return out;
}

describe('importDocx: the sample document', async () => {
  const store = fakeStore();
  const result = await importDocx(await sampleDocx(), store);
  const s = sampleDocxContent;
  const blocks = result.doc.content;

  it('takes the title from the Title style and does not repeat it', () => {
    assert.equal(result.title, s.title);
    assert.doesNotMatch(allText(result), new RegExp(s.title));
  });

  it('maps Heading 1 under a Title to a level-2 heading', () => {
    assert.deepEqual(blocks[0], {
      type: 'heading',
      attrs: { level: 2, dir: 'ltr' },
      content: [{ type: 'text', text: s.heading }],
    });
  });

  it('puts the footnote text at the reference, and drops the notes list', () => {
    assert.deepEqual(blocks[1], {
      type: 'paragraph',
      attrs: { dir: 'ltr' },
      content: [
        { type: 'text', text: s.footnoteParagraph.before },
        { type: 'footnote', attrs: { content: s.footnote } },
        { type: 'text', text: s.footnoteParagraph.after },
      ],
    });
    assert.equal(allText(result).split(s.footnote).length, 2, 'the note text appears once');
    assert.doesNotMatch(allText(result), /↑|\[1\]/);
  });

  it('keeps the web link', () => {
    assert.deepEqual(blocks[2]?.type === 'paragraph' && blocks[2].content, [
      { type: 'text', text: s.link.before },
      { type: 'text', text: s.link.text, marks: [{ type: 'link', attrs: { href: s.link.href } }] },
      { type: 'text', text: s.link.after },
    ]);
  });

  it('keeps the bulleted list with its nested item', () => {
    const list = blocks[3];
    assert.ok(list?.type === 'bulletList');
    assert.equal(list.content.length, 3);
    const text = (b: unknown) => JSON.stringify(b);
    assert.match(text(list.content[0]), new RegExp(s.list[0] ?? ''));
    const second = list.content[1]?.content ?? [];
    assert.equal(second[0]?.type, 'paragraph');
    assert.equal(second[1]?.type, 'bulletList');
    assert.match(text(second[1]), new RegExp(s.nestedListItem));
  });

  it('keeps the 2×2 table with its header row', () => {
    const table = blocks[4];
    assert.ok(table?.type === 'table');
    assert.deepEqual(
      table.content.map((row) => row.content.map((cell) => cell.type)),
      [
        ['tableHeader', 'tableHeader'],
        ['tableCell', 'tableCell'],
      ],
    );
    const cellText = table.content.map((row) =>
      row.content.map((cell) => {
        const p = cell.content[0];
        return p?.type === 'paragraph' ? p.content?.map((n) => (n.type === 'text' ? n.text : '')).join('') : '';
      }),
    );
    assert.deepEqual(cellText, s.table);
  });

  it('saves the picture through saveImage, with its alt text', () => {
    assert.equal(store.saved.length, 1);
    assert.equal(store.saved[0]?.contentType, 'image/png');
    assert.equal(store.saved[0]?.alt, s.imageAlt);
    assert.ok(store.saved[0]?.buffer.subarray(1, 4).equals(Buffer.from('PNG')));
    assert.deepEqual(blocks[5], { type: 'image', attrs: { src: '/media/1.png', alt: s.imageAlt, mediaId: 101 } });
  });

  it('marks the Hebrew (w:bidi) paragraph right-to-left and keeps mixed text intact', () => {
    assert.deepEqual(blocks[6], {
      type: 'paragraph',
      attrs: { dir: 'rtl' },
      content: [{ type: 'text', text: s.hebrew }],
    });
    assert.equal(blocks.length, 7);
  });

  it('reports nothing', () => {
    assert.deepEqual(result.report, []);
  });

  it('produces a document the editor accepts unchanged', () => {
    assert.deepEqual(parseRichDoc(result.doc), { ok: true, doc: result.doc });
  });
});

describe('importDocx: links', () => {
  it('drops a javascript: link, keeps its text, and quotes it in the report', async () => {
    const result = await importSpec({
      blocks: [
        {
          type: 'paragraph',
          content: [
            'Click ',
            { type: 'link', href: 'javascript:alert(document.cookie)', text: 'here' },
            ' or ',
            { type: 'link', href: 'javascript:alert(document.cookie)', text: 'there' },
            ' or ',
            { type: 'link', href: 'mailto:press@example.org', text: 'write' },
          ],
        },
      ],
    });
    assert.deepEqual(result.doc.content, [
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Click here or there or ' },
          { type: 'text', text: 'write', marks: [{ type: 'link', attrs: { href: 'mailto:press@example.org' } }] },
        ],
      },
    ]);
    assert.deepEqual(result.report, [
      { code: 'link-dropped', params: { href: 'javascript:alert(document.cookie)', count: 2 } },
    ]);
    const note = result.report[0];
    assert.ok(note);
    assert.match(importNoteMessage(note, 'en'), /“javascript:alert\(document\.cookie\)” was removed.*\(2 times\)/);
    assert.match(importNoteMessage(note, 'he'), /javascript:alert\(document\.cookie\).*הוסר/);
  });

  it('drops file and relative links, and links to bookmarks inside the document', async () => {
    const result = await importSpec({
      blocks: [
        {
          type: 'paragraph',
          content: [
            { type: 'link', href: 'file:///C:/Users/staff/secret.docx', text: 'draft' },
            ' ',
            { type: 'link', href: '../notes.docx', text: 'notes' },
            ' ',
            { type: 'anchorLink', anchor: '_Toc123', text: 'Introduction' },
          ],
        },
      ],
    });
    assert.equal(allText(result).includes('"marks"'), false);
    assert.deepEqual(codes(result.report), ['link-dropped', 'link-dropped', 'internal-link-dropped']);
    assert.equal(result.report[0]?.params?.href, 'file:///C:/Users/staff/secret.docx');
  });
});

describe('importDocx: pictures', () => {
  it('keeps a picture without alt text with alt "" and asks for it', async () => {
    const png = await makePng();
    const result = await importSpec({
      blocks: [
        { type: 'image', image: { data: png, alt: 'Described' } },
        { type: 'image', image: { data: png } },
      ],
    });
    assert.equal(result.saved.length, 2);
    assert.equal(result.saved[1]?.alt, '');
    assert.deepEqual(result.doc.content[1], { type: 'image', attrs: { src: '/media/2.png', alt: '', mediaId: 102 } });
    assert.deepEqual(result.report, [{ code: 'image-no-alt', params: { image: 2, count: 1 } }]);
    const note = result.report[0];
    assert.ok(note);
    assert.equal(importNoteMessage(note, 'en'), 'Image 2 has no alt text — add it before saving.');
    assert.equal(importNoteMessage(note, 'he'), 'לתמונה 2 אין טקסט חלופי — יש להוסיף אותו לפני השמירה.');
  });

  it('reports linked pictures and never follows them', async () => {
    const result = await importSpec({
      blocks: [
        { type: 'image', image: { linkedTarget: 'http://127.0.0.1:9/tracker.png', alt: 'remote' } },
        { type: 'image', image: { linkedTarget: 'file:///etc/passwd', alt: 'local' } },
        'Text after.',
      ],
    });
    assert.equal(result.saved.length, 0);
    assert.deepEqual(result.report, [
      { code: 'image-linked', params: { image: 1, target: 'http://127.0.0.1:9/tracker.png', count: 1 } },
      { code: 'image-linked', params: { image: 2, target: 'file:///etc/passwd', count: 1 } },
    ]);
    assert.deepEqual(result.doc.content, [{ type: 'paragraph', content: [{ type: 'text', text: 'Text after.' }] }]);
  });

  it('checks picture content, not the declared type: EMF and fake PNGs are left out', async () => {
    const emf = Buffer.concat([Buffer.from([1, 0, 0, 0]), Buffer.alloc(100)]);
    const result = await importSpec({
      blocks: [
        { type: 'image', image: { data: emf, contentType: 'image/x-emf', alt: 'chart' } },
        { type: 'image', image: { data: Buffer.from('<svg onload="alert(1)"/>'), alt: 'fake' } },
      ],
    });
    assert.equal(result.saved.length, 0);
    assert.deepEqual(codes(result.report), ['image-unsupported', 'image-unsupported']);
    assert.equal(result.report[0]?.params?.type, 'image/x-emf');
  });

  it('leaves out a picture the store refuses, when the caller explains the error', async () => {
    const png = await makePng();
    const docx = await makeDocx({ blocks: [{ type: 'image', image: { data: png, alt: 'x' } }, 'After'] });
    const saveImage = async () => {
      throw new RangeError('too many pixels');
    };
    const result = await importDocx(docx, {
      saveImage,
      describeImageError: (error) =>
        error instanceof RangeError ? { en: 'It has too many pixels.', he: 'יש בה יותר מדי פיקסלים.' } : null,
    });
    assert.deepEqual(result.report, [
      {
        code: 'image-not-saved',
        params: { image: 1, reason: 'It has too many pixels.', reasonHe: 'יש בה יותר מדי פיקסלים.', count: 1 },
      },
    ]);
    const note = result.report[0];
    assert.ok(note);
    assert.match(importNoteMessage(note, 'he'), /יותר מדי פיקסלים/);
    assert.equal(result.doc.content.length, 1);
    // Without an explanation (a database or disk failure, say) the import stops.
    await assert.rejects(importDocx(docx, { saveImage }), /too many pixels/);
  });

  it('uses a caption paragraph right after a picture as its caption', async () => {
    const png = await makePng();
    const result = await importSpec({
      blocks: [
        { type: 'image', image: { data: png, alt: 'Map' } },
        { type: 'paragraph', style: 'Caption', content: 'Figure 1: The basin' },
      ],
    });
    assert.deepEqual(result.doc.content, [
      { type: 'image', attrs: { src: '/media/1.png', alt: 'Map', caption: 'Figure 1: The basin', mediaId: 101 } },
    ]);
  });
});

describe('importDocx: structure', () => {
  it('takes the first Heading 1 as the title when there is no Title, and shifts the rest', async () => {
    const result = await importSpec({
      blocks: [
        { type: 'heading', level: 1, content: 'Annual Report' },
        { type: 'heading', level: 2, content: 'Part one' },
        { type: 'heading', level: 3, content: 'Section' },
        { type: 'heading', level: 4, content: 'Subsection' },
        { type: 'heading', level: 6, content: 'Deep' },
        { type: 'heading', level: 1, content: 'Another chapter' },
      ],
    });
    assert.equal(result.title, 'Annual Report');
    const levels = result.doc.content.map((b) => (b.type === 'heading' ? b.attrs.level : b.type));
    assert.deepEqual(levels, [3, 4, 4, 4, 2]);
    assert.deepEqual(result.report, [{ code: 'heading-flattened', params: { count: 2 } }]);
  });

  it('keeps bold, italic, line breaks and nested ordered lists', async () => {
    const result = await importSpec({
      blocks: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Bold', bold: true },
            ' and ',
            { type: 'text', text: 'italic', italic: true },
            { type: 'break' },
            'next line',
          ],
        },
        { type: 'list', ordered: true, items: ['One', { content: 'Two', children: { items: ['Two a'] } }] },
      ],
    });
    assert.deepEqual(result.doc.content[0], {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Bold', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' and ' },
        { type: 'text', text: 'italic', marks: [{ type: 'italic' }] },
        { type: 'hardBreak' },
        { type: 'text', text: 'next line' },
      ],
    });
    const list = result.doc.content[1];
    assert.ok(list?.type === 'orderedList');
    assert.equal(list.content[1]?.content[1]?.type, 'bulletList');
    assert.deepEqual(result.report, []);
  });

  it('reports formatting it cannot keep, with counts', async () => {
    const result = await importSpec({
      blocks: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'under', underline: true },
            { type: 'text', text: 'struck', strike: true },
            { type: 'text', text: 'H' },
            { type: 'text', text: '2', vertAlign: 'subscript' },
            { type: 'text', text: 'O and 1' },
            { type: 'text', text: 'st', vertAlign: 'superscript' },
            { type: 'text', text: ' and 2' },
            { type: 'text', text: 'nd', vertAlign: 'superscript' },
          ],
        },
      ],
    });
    assert.equal(allText(result).includes('underH'), false);
    assert.match(allText(result), /understruckH2O and 1st and 2nd/);
    assert.deepEqual(result.report, [
      { code: 'formatting-dropped', params: { format: 'underline', count: 1 } },
      { code: 'formatting-dropped', params: { format: 'strikethrough', count: 1 } },
      { code: 'formatting-dropped', params: { format: 'subscript', count: 1 } },
      { code: 'formatting-dropped', params: { format: 'superscript', count: 2 } },
    ]);
  });

  it('turns endnotes into notes too, and keeps link addresses in note text', async () => {
    const result = await importSpec({
      blocks: [
        {
          type: 'paragraph',
          content: ['Claim', { type: 'endnote', text: 'Source: the ministry.' }, '.'],
        },
      ],
    });
    assert.deepEqual(result.doc.content[0], {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Claim' },
        { type: 'footnote', attrs: { content: 'Source: the ministry.' } },
        { type: 'text', text: '.' },
      ],
    });
  });

  it('keeps merged table cells', async () => {
    const cell = (text: string, tcPr = '') =>
      `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}<w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;
    const table =
      '<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>' +
      `<w:tr>${cell('wide', '<w:gridSpan w:val="2"/>')}${cell('tall', '<w:vMerge w:val="restart"/>')}</w:tr>` +
      `<w:tr>${cell('a')}${cell('b')}${cell('', '<w:vMerge/>')}</w:tr></w:tbl>`;
    const result = await importSpec({ blocks: [{ type: 'xml', xml: table }] });
    const p = (text: string) => [{ type: 'paragraph', content: [{ type: 'text', text }] }];
    assert.deepEqual(result.doc.content, [
      {
        type: 'table',
        content: [
          {
            type: 'tableRow',
            content: [
              { type: 'tableCell', attrs: { colspan: 2 }, content: p('wide') },
              { type: 'tableCell', attrs: { rowspan: 2 }, content: p('tall') },
            ],
          },
          {
            type: 'tableRow',
            content: [
              { type: 'tableCell', content: p('a') },
              { type: 'tableCell', content: p('b') },
            ],
          },
        ],
      },
    ]);
    assert.deepEqual(result.report, []);
    assert.deepEqual(parseRichDoc(result.doc), { ok: true, doc: result.doc });
  });

  it('keeps the text of simple fields (figure numbers)', async () => {
    const result = await importSpec({
      blocks: [
        {
          type: 'paragraph',
          content: [
            'Figure ',
            {
              type: 'xml',
              xml: '<w:fldSimple w:instr=" SEQ Figure \\* ARABIC "><w:r><w:t>3</w:t></w:r></w:fldSimple>',
            },
          ],
        },
      ],
    });
    assert.deepEqual(result.doc.content, [{ type: 'paragraph', content: [{ type: 'text', text: 'Figure 3' }] }]);
  });

  it('reports comments, tracked changes, equations and charts', async () => {
    const result = await importSpec({
      blocks: [
        {
          type: 'paragraph',
          content: [
            'Kept',
            { type: 'xml', xml: '<w:ins w:id="1" w:author="A"><w:r><w:t> inserted</w:t></w:r></w:ins>' },
            { type: 'xml', xml: '<w:del w:id="2" w:author="A"><w:r><w:delText> deleted</w:delText></w:r></w:del>' },
            { type: 'xml', xml: '<w:r><w:commentReference w:id="0"/></w:r>' },
          ],
        },
        {
          type: 'xml',
          xml: '<w:p><m:oMathPara><m:oMath><m:r><m:t>E=mc2</m:t></m:r></m:oMath></m:oMathPara></w:p>',
        },
        {
          type: 'xml',
          xml:
            '<w:p><w:r><w:drawing><wp:inline><wp:docPr id="9" name="Chart 1"/><a:graphic>' +
            '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId99"/></a:graphicData>' +
            '</a:graphic></wp:inline></w:drawing></w:r></w:p>',
        },
      ],
    });
    assert.match(allText(result), /Kept inserted/);
    assert.doesNotMatch(allText(result), /deleted|E=mc2/);
    assert.deepEqual(codes(result.report).sort(), [
      'chart-dropped',
      'comments-dropped',
      'equation-dropped',
      'tracked-changes-accepted',
    ]);
  });
});

describe('importDocx: direction', () => {
  it('reads w:bidi from the paragraph style too', async () => {
    const styles = (await JSZip.loadAsync(await makeDocx({ blocks: [] }))).file('word/styles.xml')?.async('string');
    const rtlStyle =
      '<w:style w:type="paragraph" w:styleId="HebrewBody"><w:name w:val="Hebrew Body"/><w:basedOn w:val="Normal"/>' +
      '<w:pPr><w:bidi/></w:pPr></w:style>';
    const result = await importSpec({
      blocks: [
        { type: 'paragraph', style: 'HebrewBody', content: 'שלום עולם' },
        { type: 'paragraph', content: 'Hello world' },
      ],
      extraParts: {
        'word/styles.xml': (await styles)?.replace('</w:styles>', `${rtlStyle}</w:styles>`) ?? '',
      },
    });
    const dirs = result.doc.content.map((b) =>
      b.type === 'paragraph' ? (b as { attrs?: { dir?: string } }).attrs?.dir : '',
    );
    assert.deepEqual(dirs, ['rtl', 'ltr']);
  });

  it('sets no direction at all in a document without right-to-left paragraphs', async () => {
    const result = await importSpec({ blocks: ['One', 'Two'] });
    assert.equal(allText(result).includes('"dir"'), false);
  });
});

describe('htmlToRichDoc', () => {
  it('guesses directions from the first letter when Word did not say', async () => {
    const { doc } = await htmlToRichDoc('<p>שלום, world</p><p>Hello, עולם</p><p>2024</p>', { guessDirection: true });
    const dirs = doc.content.map((b) => (b.type === 'paragraph' ? b.attrs?.dir : undefined));
    assert.deepEqual(dirs, ['rtl', 'ltr', undefined]);
  });

  it('reports a footnote on the title, which cannot keep it', async () => {
    const result = await importSpec({
      blocks: [{ type: 'title', content: ['Report', { type: 'footnote', text: 'Thanks to the funders.' }] }, 'Body'],
    });
    assert.equal(result.title, 'Report');
    assert.deepEqual(result.report, [
      { code: 'title-footnote-dropped', params: { content: 'Thanks to the funders.', count: 1 } },
    ]);
  });
});

describe('importDocx: hostile files', () => {
  it('keeps <script> in the text as text', async () => {
    const result = await importSpec({
      blocks: [{ type: 'paragraph', content: '<script>alert(1)</script> & <img src=x onerror=alert(2)>' }],
    });
    assert.deepEqual(result.doc.content, [
      {
        type: 'paragraph',
        content: [{ type: 'text', text: '<script>alert(1)</script> & <img src=x onerror=alert(2)>' }],
      },
    ]);
    assert.equal(result.saved.length, 0);
    assert.deepEqual(result.report, []);
  });

  it('refuses a file that is not a ZIP', async () => {
    await rejectsWith(
      importDocx(Buffer.from('%PDF-1.7 not a word file'), fakeStore()),
      'not-a-docx',
      /not a Word document \(\.docx\)/,
    );
  });

  it('refuses a ZIP without word/document.xml', async () => {
    const zip = new JSZip();
    zip.file('hello.txt', 'hi');
    await rejectsWith(
      importDocx(await zip.generateAsync({ type: 'nodebuffer' }), fakeStore()),
      'not-a-docx',
      /no word\/document\.xml/,
    );
  });

  it('refuses an old .doc or encrypted file with advice', async () => {
    const cfb = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512)]);
    await rejectsWith(importDocx(cfb, fakeStore()), 'legacy-doc', /older Word file \(\.doc\)/);
  });

  it('refuses a zip bomb by its declared sizes, before unpacking', async () => {
    // A real bomb is a small file whose entries unpack to gigabytes; it says so in its index.
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('word/document.xml', Buffer.alloc(64 * 1024));
    const small = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const bomb = patchDeclaredSize(small, 'word/document.xml', 3_000_000_000);
    await rejectsWith(importDocx(bomb, fakeStore()), 'too-large', /more than 100 MB/);
  });

  it('refuses an entry that unpacks to more than it declares', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', Buffer.alloc(8 * 1024 * 1024));
    const lying = patchDeclaredSize(
      await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }),
      'word/document.xml',
      1000,
    );
    await rejectsWith(importDocx(lying, fakeStore()), 'corrupt', /damaged.*declared size/);
  });

  it('refuses a package with too many entries', async () => {
    const zip = new JSZip();
    for (let i = 0; i < 2001; i++) zip.file(`word/media/x${i}.txt`, '');
    await rejectsWith(
      importDocx(await zip.generateAsync({ type: 'nodebuffer' }), fakeStore()),
      'too-large',
      /too many internal parts \(more than 2000\)/,
    );
  });

  it('honours smaller limits', async () => {
    await rejectsWith(
      importDocx(await sampleDocx(), { ...fakeStore(), limits: { maxTotalBytes: 10 * 1024 } }),
      'too-large',
      /unpacked/,
    );
  });

  it('ignores a style map embedded in the file', async () => {
    const result = await importSpec({
      blocks: ['Plain'],
      extraParts: { 'mammoth/style-map': "p => script:fresh\np[style-name='Normal'] => script:fresh" },
    });
    assert.deepEqual(result.doc.content, [{ type: 'paragraph', content: [{ type: 'text', text: 'Plain' }] }]);
  });
});

describe('importNoteMessage', () => {
  it('has clear English and Hebrew for every code', () => {
    for (const code of IMPORT_NOTE_CODES) {
      const note = {
        code,
        params: {
          count: 2,
          href: 'x',
          image: 1,
          target: 't',
          type: 'image/x-emf',
          format: 'underline',
          reason: 'Big.',
        },
      };
      const en = importNoteMessage(note, 'en');
      const he = importNoteMessage(note, 'he');
      assert.match(en, /^[A-Z0-9].*[.)]$/s, `${code} en: ${en}`);
      assert.match(he, /[\u0590-\u05FF]/, `${code} he: ${he}`);
      assert.notEqual(en, he);
    }
  });

  it('explains errors even without their parameters', () => {
    for (const code of ['not-a-docx', 'legacy-doc', 'too-large', 'corrupt']) {
      assert.doesNotMatch(importNoteMessage({ code }, 'en'), /undefined|\(\)| {2}/);
      assert.doesNotMatch(importNoteMessage({ code }, 'he'), /undefined|\(\)| {2}/);
    }
  });

  it('falls back to the code for unknown notes', () => {
    assert.equal(importNoteMessage({ code: 'something-new', params: { a: 1 } }, 'en'), 'something-new (a: 1)');
  });
});
