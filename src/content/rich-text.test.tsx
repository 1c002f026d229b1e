import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseRichDoc, richDocErrorMessage, RICH_DOC_LIMITS, type RichDocError } from './rich-doc-schema.js';
import {
  renderRichText,
  richTextMediaIds,
  richTextToPlain,
  type ImageSources,
  type RichBlock,
  type RichDoc,
} from './rich-text.js';

const doc = (...content: unknown[]) => ({ type: 'doc', content });
const p = (...content: unknown[]) => ({ type: 'paragraph', content });
const text = (value: string, marks?: unknown[]) => ({ type: 'text', text: value, ...(marks ? { marks } : {}) });
const link = (href: string) => text('click', [{ type: 'link', attrs: { href } }]);

function parsed(input: unknown): RichDoc {
  const result = parseRichDoc(input);
  if (!result.ok) assert.fail(`expected a valid document, got ${JSON.stringify(result.errors)}`);
  return result.doc;
}

function errorsOf(input: unknown): RichDocError[] {
  const result = parseRichDoc(input);
  if (result.ok) assert.fail('expected the document to be rejected');
  return result.errors;
}

/** What the writer is told, in both languages. */
function told(input: unknown): { en: string[]; he: string[]; codes: string[] } {
  const errors = errorsOf(input);
  return {
    en: errors.map((e) => richDocErrorMessage(e, 'en')),
    he: errors.map((e) => richDocErrorMessage(e, 'he')),
    codes: errors.map((e) => e.code),
  };
}

/** Strips the Unicode isolates that wrap inserted values, for readable assertions. */
const plain = (message: string) => message.replace(/[\u2066-\u2069]/g, '');

describe('parseRichDoc: text is text', () => {
  it('accepts markup in text and escapes it on render', () => {
    const html = renderRichText(parsed(doc(p(text('<script>alert(1)</script> & <img src=x onerror=alert(1)>')))), 'en');
    assert.equal(html, '<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;</p>');
  });

  it('escapes markup in footnotes and captions too', () => {
    const html = renderRichText(
      parsed(
        doc(p(text('a'), { type: 'footnote', attrs: { content: '<b onclick="x()">note</b>' } }), {
          type: 'image',
          attrs: { src: '/media/1.jpg', alt: '"><script>', caption: '<i>c</i>' },
        }),
      ),
      'en',
    );
    assert.doesNotMatch(html, /<script|<b |<i>/);
    assert.match(html, /&lt;b onclick="x\(\)"&gt;note&lt;\/b&gt;/);
    assert.match(html, /alt="&quot;&gt;&lt;script&gt;"/);
    assert.match(html, /<figcaption>&lt;i&gt;c&lt;\/i&gt;<\/figcaption>/);
  });
});

describe('parseRichDoc: links', () => {
  const hostile = [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0000javascript:alert(1)',
    'javascript\u0000:alert(1)',
    '&#106;avascript:alert(1)',
    '&#x6A;avascript:alert(1)',
    'javascript&colon;alert(1)',
    '%6Aavascript:alert(1)',
    'ｊａｖａｓｃｒｉｐｔ:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'DATA:text/html;base64,PHNjcmlwdD4=',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.org/x',
    '//evil.example/',
    '/\\evil.example/',
    'https:/\\evil.example',
    'relative/path',
    '',
  ];

  for (const href of hostile) {
    it(`rejects ${JSON.stringify(href)} and quotes it to the writer`, () => {
      const { codes, en, he } = told(doc(p(text('before '), link(href))));
      assert.deepEqual(codes, ['unsafe_link']);
      const shown = href.trim().length
        ? href
            .trim()
            .slice(0, 12)
            // eslint-disable-next-line no-control-regex
            .replace(/[\u0000-\u001f]/g, '')
        : '';
      assert.match(
        plain(en[0]!),
        /^The link “.*” is not allowed\. Links must start with https:\/\/, http:\/\/, mailto:, \/ or #\.$/,
      );
      assert.ok(plain(en[0]!).includes(shown.slice(0, 4)), en[0]);
      assert.match(plain(he[0]!), /^הקישור ".*" אינו מותר\./);
    });
  }

  it('makes control characters visible in the message', () => {
    const { en } = told(doc(p(link('java\tscript:alert(1)'))));
    assert.equal(
      plain(en[0]!),
      'The link “java\\u0009script:alert(1)” is not allowed. Links must start with https://, http://, mailto:, / or #.',
    );
  });

  it('quotes the javascript: href exactly as written', () => {
    const { en, he } = told(doc(p(link('JaVaScRiPt:alert(1)'))));
    assert.ok(en[0]!.includes('JaVaScRiPt:alert(1)'));
    assert.ok(he[0]!.includes('JaVaScRiPt:alert(1)'));
  });

  it('accepts web, mail, site and fragment links, trimming spaces', () => {
    for (const href of [
      'https://example.org/a?b=c#d',
      'http://example.org',
      'HTTPS://EXAMPLE.ORG',
      'mailto:office@example.org',
      '/publications/2024/report',
      '#fn-1',
      '  https://example.org/padded  ',
    ]) {
      const html = renderRichText(parsed(doc(p(link(href)))), 'en');
      assert.equal(html, `<p><a href="${href.trim()}">click</a></p>`);
    }
  });

  it('never renders an unsafe href even when handed an unvalidated document', () => {
    const raw = doc(p(link('javascript:alert(1)')), p(link('//evil.example'))) as RichDoc;
    const html = renderRichText(raw, 'en');
    assert.equal(html, '<p><a>click</a></p><p><a>click</a></p>');
  });
});

describe('parseRichDoc: attributes', () => {
  it('drops event handlers and other attributes smuggled into nodes and marks', () => {
    const input = doc(
      {
        type: 'paragraph',
        attrs: { dir: 'rtl', onclick: 'alert(1)', style: 'color:red', class: 'x' },
        onmouseover: 'alert(1)',
        content: [
          { type: 'text', text: 'hi', onfocus: 'alert(1)', attrs: { onclick: 'alert(1)' } },
          {
            type: 'text',
            text: 'there',
            marks: [
              {
                type: 'link',
                attrs: { href: 'https://example.org', target: '_blank', rel: 'opener', class: 'evil', onclick: 'x()' },
              },
              { type: 'bold', attrs: { onclick: 'x()' } },
            ],
          },
        ],
      },
      { type: 'heading', attrs: { level: 2, dir: 'ltr" onmouseover="alert(1)', id: 'x' }, content: [text('h')] },
      { type: 'image', attrs: { src: '/media/1.jpg', alt: 'Alt', onerror: 'alert(1)', srcset: 'javascript:x 1w' } },
      {
        type: 'table',
        attrs: { onclick: 'x()' },
        content: [
          {
            type: 'tableRow',
            content: [{ type: 'tableCell', attrs: { style: 'x', colspan: '2" onclick="x' }, content: [p(text('c'))] }],
          },
        ],
      },
    );
    const result = parsed(input);
    assert.deepEqual(result.content[0], {
      type: 'paragraph',
      attrs: { dir: 'rtl' },
      content: [
        { type: 'text', text: 'hi' },
        {
          type: 'text',
          text: 'there',
          marks: [{ type: 'link', attrs: { href: 'https://example.org' } }, { type: 'bold' }],
        },
      ],
    });
    const html = renderRichText(result, 'en');
    assert.doesNotMatch(html, /on\w+=|style=|target=|rel=|class="(x|evil)"|srcset|javascript/);
    assert.match(html, /^<p dir="rtl">hi<strong><a href="https:\/\/example.org">there<\/a><\/strong><\/p><h2>h<\/h2>/);
  });

  it('does not render a hostile dir even from an unvalidated document', () => {
    const raw = {
      type: 'doc',
      content: [{ type: 'paragraph', attrs: { dir: '" onmouseover="alert(1)' }, content: [text('x')] }],
    } as unknown as RichDoc;
    assert.equal(renderRichText(raw, 'en'), '<p>x</p>');
  });

  it('renders dir on paragraphs and headings', () => {
    const html = renderRichText(
      parsed(
        doc(
          { type: 'paragraph', attrs: { dir: 'rtl' }, content: [text('שלום')] },
          { type: 'paragraph', attrs: { dir: 'ltr' }, content: [text('Hello')] },
          { type: 'heading', attrs: { level: 3, dir: 'auto' }, content: [text('Mixed כותרת')] },
          { type: 'paragraph', attrs: { dir: null }, content: [text('inherits')] },
        ),
      ),
      'he',
    );
    assert.equal(html, '<p dir="rtl">שלום</p><p dir="ltr">Hello</p><h3 dir="auto">Mixed כותרת</h3><p>inherits</p>');
  });

  it('folds heading levels 1, 5 and 6 into 2–4', () => {
    const result = parsed(
      doc(
        { type: 'heading', attrs: { level: 1 }, content: [text('a')] },
        { type: 'heading', attrs: { level: 6 }, content: [text('b')] },
      ),
    );
    assert.equal(renderRichText(result, 'en'), '<h2>a</h2><h4>b</h4>');
  });
});

describe('parseRichDoc: images', () => {
  const image = (attrs: Record<string, unknown>) => ({ type: 'image', attrs });

  it('requires alternative text and says which image', () => {
    const { codes, en, he } = told(
      doc(
        image({ src: '/media/1.jpg', alt: 'A chart' }),
        image({ src: '/media/2.jpg', alt: '   ' }),
        image({ src: '/media/3.jpg' }),
      ),
    );
    assert.deepEqual(codes, ['image_alt_missing', 'image_alt_missing']);
    assert.equal(en[0], 'Image 2 has no alternative text. Describe the image for readers who cannot see it.');
    assert.equal(en[1]!.slice(0, 32), 'Image 3 has no alternative text.');
    assert.equal(he[0], 'לתמונה 2 אין טקסט חלופי. יש לתאר את התמונה עבור קוראים שאינם יכולים לראות אותה.');
  });

  it('only takes images from this site or https', () => {
    const { codes, en } = told(
      doc(
        image({ src: 'javascript:alert(1)', alt: 'x' }),
        image({ src: 'data:image/svg+xml,<svg onload=alert(1)>', alt: 'x' }),
        image({ src: 'http://example.org/a.jpg', alt: 'x' }),
        image({ src: '//example.org/a.jpg', alt: 'x' }),
      ),
    );
    assert.deepEqual(codes, ['image_src_invalid', 'image_src_invalid', 'image_src_invalid', 'image_src_invalid']);
    assert.equal(
      plain(en[0]!),
      'Image 1 has an address that is not allowed (“javascript:alert(1)”). Choose it from the media library.',
    );
    parsed(doc(image({ src: 'https://cdn.example.org/a.jpg', alt: 'x' })));
  });

  it('renders a responsive <picture> from the image sources', () => {
    const sources: ImageSources = {
      src: '/media/7/800.jpg',
      width: 800,
      height: 600,
      srcset: '/media/7/400.jpg 400w, javascript:alert(1) 600w, /media/7/800.jpg 800w',
      sources: [
        { type: 'image/avif', srcset: '/media/7/400.avif 400w, /media/7/800.avif 800w' },
        { type: 'image/webp', srcset: '/media/7/400.webp 400w, /media/7/800.webp 800w' },
      ],
    };
    const body = parsed(
      doc({
        type: 'image',
        attrs: { src: '/media/7/original.jpg', alt: 'Turnout by region', caption: 'Figure 1', mediaId: 7 },
      }),
    );
    assert.deepEqual(richTextMediaIds(body), [7]);
    const html = renderRichText(body, 'en', { images: new Map([[7, sources]]) });
    const sizes = 'sizes="(min-width: 44rem) 42rem, 100vw"';
    assert.equal(
      html,
      '<figure><picture>' +
        `<source type="image/avif" srcset="/media/7/400.avif 400w, /media/7/800.avif 800w" ${sizes} />` +
        `<source type="image/webp" srcset="/media/7/400.webp 400w, /media/7/800.webp 800w" ${sizes} />` +
        `<img src="/media/7/800.jpg" srcset="/media/7/400.jpg 400w, /media/7/800.jpg 800w" ${sizes} ` +
        'width="800" height="600" alt="Turnout by region" loading="lazy" decoding="async" />' +
        '</picture><figcaption>Figure 1</figcaption></figure>',
    );
  });

  it('renders a plain <img> when the sources are unknown', () => {
    const body = parsed(doc({ type: 'image', attrs: { src: '/media/7/original.jpg', alt: 'A', mediaId: 7 } }));
    assert.equal(
      renderRichText(body, 'en', { images: new Map() }),
      '<figure><img src="/media/7/original.jpg" alt="A" loading="lazy" decoding="async" /></figure>',
    );
  });
});

describe('parseRichDoc: structure and limits', () => {
  it('names unknown node and mark types', () => {
    const { codes, en, he } = told(
      doc(
        { type: 'iframe', attrs: { src: 'https://evil.example' } },
        { type: 'codeBlock', content: [text('x')] },
        p(text('u', [{ type: 'underline' }])),
      ),
    );
    assert.deepEqual(codes, ['unknown_node', 'unknown_node', 'unknown_mark']);
    assert.equal(plain(en[0]!), 'Content of type iframe is not supported. Remove it, or paste it again as plain text.');
    assert.equal(plain(en[2]!), 'The formatting underline is not supported. Only bold, italic and links are allowed.');
    assert.equal(plain(he[1]!), 'תוכן מסוג codeBlock אינו נתמך. יש להסיר אותו או להדביק אותו שוב כטקסט פשוט.');
  });

  it('rejects known nodes in the wrong place and malformed nodes', () => {
    const { codes } = told(doc(text('loose'), p(p(text('nested'))), { type: 'table', content: [] }, 'junk', p(42)));
    assert.deepEqual(codes, ['misplaced_node', 'misplaced_node', 'invalid_node', 'invalid_node', 'invalid_node']);
  });

  it('rejects what is not a document', () => {
    for (const input of [null, [], 'null', '{"type":"paragraph"}', { type: 'doc' }, { type: 'doc', content: {} }]) {
      assert.deepEqual(
        errorsOf(input).map((e) => e.code),
        ['not_a_document'],
      );
    }
    assert.deepEqual(errorsOf('{"type":"doc",'), [{ code: 'invalid_json' }]);
    assert.equal(
      richDocErrorMessage({ code: 'invalid_json' }, 'en'),
      'The document could not be read: it is not valid JSON.',
    );
  });

  it('rejects documents nested too deeply, without overflowing the stack', () => {
    let quote: unknown = p(text('deep'));
    for (let i = 0; i < 40; i++) quote = { type: 'blockquote', content: [quote] };
    const { codes, en, he } = told(doc(quote));
    assert.deepEqual(codes, ['too_deep']);
    assert.equal(
      en[0],
      `The document is nested too deeply (more than ${RICH_DOC_LIMITS.maxDepth} levels of lists, quotes or tables).`,
    );
    assert.match(he[0]!, /^המסמך מקונן לעומק רב מדי/);

    let list: unknown = p(text('deep'));
    for (let i = 0; i < 100_000; i++) list = { type: 'bulletList', content: [{ type: 'listItem', content: [list] }] };
    assert.deepEqual(
      errorsOf(doc(list)).map((e) => e.code),
      ['too_deep'],
    );
    const json =
      '{"type":"doc","content":[' + '{"type":"blockquote","content":['.repeat(50_000) + ']}'.repeat(50_000) + ']}';
    assert.deepEqual(
      errorsOf(json).map((e) => e.code),
      ['too_deep'],
    );

    let ok: unknown = p(text('fine'));
    for (let i = 0; i < 10; i++) ok = { type: 'bulletList', content: [{ type: 'listItem', content: [ok] }] };
    parsed(doc(ok));
  });

  it('rejects documents that are too large, as text or as parsed JSON', () => {
    const big = doc(...Array.from({ length: 300 }, () => p(text('x'.repeat(8_000)))));
    const asText = JSON.stringify(big);
    assert.ok(asText.length > RICH_DOC_LIMITS.maxBytes);
    for (const input of [asText, big]) {
      const errors = errorsOf(input);
      assert.deepEqual(errors, [{ code: 'too_large', params: { size: 2.4, max: 2 } }]);
      assert.equal(
        richDocErrorMessage(errors[0]!, 'en'),
        'The document is too large (2.4 MB; the limit is 2 MB). Split it or remove some content.',
      );
    }
    // The limit is in UTF-8 bytes: a Hebrew letter is two.
    const hebrew = (paragraphs: number) =>
      JSON.stringify(doc(...Array.from({ length: paragraphs }, () => p(text('א'.repeat(100_000))))));
    parsed(hebrew(9));
    assert.ok(hebrew(11).length < RICH_DOC_LIMITS.maxBytes);
    assert.deepEqual(errorsOf(hebrew(11)), [{ code: 'too_large', params: { size: 2.2, max: 2 } }]);
  });

  it('limits the length of a text node', () => {
    const { codes, en } = told(doc(p(text('x'.repeat(RICH_DOC_LIMITS.maxTextLength + 1)))));
    assert.deepEqual(codes, ['text_too_long']);
    assert.equal(
      en[0],
      `A run of text is longer than ${RICH_DOC_LIMITS.maxTextLength} characters. Split it into several paragraphs.`,
    );
  });

  it('reports many problems at once, up to a limit', () => {
    const errors = errorsOf(doc(...Array.from({ length: 30 }, (_, i) => p(link(`javascript:alert(${i})`)))));
    assert.equal(errors.length, RICH_DOC_LIMITS.maxErrors + 1);
    assert.deepEqual(errors.at(-1), { code: 'more_errors', params: { count: 10 } });
    assert.equal(richDocErrorMessage(errors.at(-1)!, 'he'), 'יש עוד 10 בעיות.');
  });

  it('requires footnote text', () => {
    const { codes, en, he } = told(
      doc(p(text('a'), { type: 'footnote', attrs: { content: 'ok' } }, { type: 'footnote', attrs: { content: ' ' } })),
    );
    assert.deepEqual(codes, ['footnote_empty']);
    assert.equal(en[0], 'Footnote 2 is empty. Write its text or remove it.');
    assert.equal(he[0], 'הערת שוליים 2 ריקה. יש לכתוב את נוסחה או למחוק אותה.');
  });

  it('has a message for an unknown code in both languages', () => {
    assert.equal(richDocErrorMessage({ code: 'nope' }, 'en'), 'The document contains an error (nope).');
    assert.equal(richDocErrorMessage({ code: '__proto__' }, 'he'), 'המסמך מכיל שגיאה (__proto__).');
  });
});

describe('parseRichDoc: documents shaped like TipTap getJSON()', () => {
  it('accepts and normalises TipTap attributes', () => {
    const cell = (type: string, value: string, attrs: Record<string, unknown> = {}) => ({
      type,
      attrs: { colspan: 1, rowspan: 1, colwidth: null, align: null, ...attrs },
      content: [{ type: 'paragraph', attrs: { dir: null }, content: [text(value)] }],
    });
    const tiptap = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { dir: null, level: 2 }, content: [text('Title')] },
        {
          type: 'paragraph',
          attrs: { dir: 'rtl' },
          content: [
            {
              type: 'text',
              marks: [
                {
                  type: 'link',
                  attrs: {
                    href: 'https://example.org',
                    target: '_blank',
                    rel: 'noopener noreferrer nofollow',
                    class: null,
                    title: null,
                  },
                },
                { type: 'bold' },
              ],
              text: 'linked',
            },
            { type: 'footnote', attrs: { content: 'A note' } },
            { type: 'hardBreak' },
            { type: 'text', marks: [{ type: 'italic' }], text: 'after' },
          ],
        },
        { type: 'paragraph', attrs: { dir: null } },
        {
          type: 'orderedList',
          attrs: { start: 1, type: null },
          content: [
            { type: 'listItem', content: [{ type: 'paragraph', attrs: { dir: null }, content: [text('one')] }] },
          ],
        },
        {
          type: 'table',
          content: [
            { type: 'tableRow', content: [cell('tableHeader', 'H1', { colwidth: [120] }), cell('tableHeader', 'H2')] },
            { type: 'tableRow', content: [cell('tableCell', 'wide', { colspan: 2, align: 'left' })] },
          ],
        },
        { type: 'image', attrs: { src: '/media/3/original.png', alt: 'Logo', caption: null, mediaId: 3 } },
      ],
    };
    const result = parsed(JSON.stringify(tiptap));
    assert.deepEqual(result.content.slice(0, 3), [
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Title' }] },
      {
        type: 'paragraph',
        attrs: { dir: 'rtl' },
        content: [
          {
            type: 'text',
            text: 'linked',
            marks: [{ type: 'link', attrs: { href: 'https://example.org' } }, { type: 'bold' }],
          },
          { type: 'footnote', attrs: { content: 'A note' } },
          { type: 'hardBreak' },
          { type: 'text', text: 'after', marks: [{ type: 'italic' }] },
        ],
      },
      { type: 'paragraph' },
    ]);
    assert.deepEqual((result.content[4] as Extract<RichBlock, { type: 'table' }>).content[1]!.content[0]!.attrs, {
      colspan: 2,
    });
    assert.deepEqual(result.content[5], {
      type: 'image',
      attrs: { src: '/media/3/original.png', alt: 'Logo', mediaId: 3 },
    });
    const html = renderRichText(result, 'en');
    assert.match(html, /<td colspan="2"><p>wide<\/p><\/td>/);
    assert.match(html, /<ol><li><p>one<\/p><\/li><\/ol>/);
    assert.doesNotMatch(html, /target|rel=|colwidth|align/);
  });

  it('keeps an ordered list start', () => {
    const html = renderRichText(
      parsed(
        doc({ type: 'orderedList', attrs: { start: 4 }, content: [{ type: 'listItem', content: [p(text('four'))] }] }),
      ),
      'en',
    );
    assert.equal(html, '<ol start="4"><li><p>four</p></li></ol>');
  });
});

describe('renderRichText: footnotes', () => {
  it('numbers footnotes in reading order, including inside tables, with labels in the language', () => {
    const body = parsed(
      doc(p(text('First'), { type: 'footnote', attrs: { content: 'One' } }), {
        type: 'table',
        content: [
          {
            type: 'tableRow',
            content: [
              { type: 'tableCell', content: [p(text('cell'), { type: 'footnote', attrs: { content: 'Two' } })] },
            ],
          },
        ],
      }),
    );
    const html = renderRichText(body, 'he');
    assert.match(html, /<sup class="fn-ref"><a href="#fn-1" id="fnref-1" aria-label="הערה 1">1<\/a><\/sup>/);
    assert.match(html, /<sup class="fn-ref"><a href="#fn-2" id="fnref-2" aria-label="הערה 2">2<\/a><\/sup>/);
    assert.match(html, /<h2 id="footnotes-heading" class="footnotes-heading">הערות<\/h2>/);
    assert.match(html, /<li id="fn-1">One <a href="#fnref-1" class="fn-back" aria-label="חזרה לטקסט">↩<\/a><\/li>/);
    assert.match(html, /<li id="fn-2">Two /);
    assert.equal(richTextToPlain(body), 'First\ncell');
  });
});
