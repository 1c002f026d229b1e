/**
 * Builds real Word (.docx) files in memory for tests: proper WordprocessingML parts
 * ([Content_Types].xml, relationships, document, styles, numbering, footnotes, endnotes,
 * media), the way Word itself lays them out.
 *
 *   const docx = await makeDocx({ blocks: [{ type: 'title', content: 'Report' }, 'Some text'] });
 *   const sample = await sampleDocx(); // see `sampleDocxContent` for what it holds
 */
import JSZip from 'jszip';
import sharp from 'sharp';

/** An image part. `data` is embedded; `linkedTarget` makes it an external (linked, not embedded) picture. */
export interface DocxImage {
  data?: Buffer;
  /** Defaults to image/png. */
  contentType?: string;
  /** Written as `wp:docPr descr` (Word's alt text). Omitted: the picture has no alt text. */
  alt?: string;
  /** `wp:docPr title` (Word's older alt-text title field). */
  title?: string;
  widthPx?: number;
  heightPx?: number;
  /** Link the picture to this external URL or path instead of embedding `data` (r:link). */
  linkedTarget?: string;
}

export type DocxInline =
  | string
  | {
      type: 'text';
      text: string;
      bold?: boolean;
      italic?: boolean;
      underline?: boolean;
      strike?: boolean;
      vertAlign?: 'superscript' | 'subscript';
    }
  /** An external hyperlink (any target; it is written as given). */
  | { type: 'link'; href: string; text: string }
  /** A link to a bookmark inside the document (w:anchor). */
  | { type: 'anchorLink'; anchor: string; text: string }
  | { type: 'footnote'; text: string }
  | { type: 'endnote'; text: string }
  | { type: 'image'; image: DocxImage }
  | { type: 'break' }
  /** Raw run-level WordprocessingML, written as is (for unusual or hostile content). */
  | { type: 'xml'; xml: string };

/** Inline content: a plain string or a list of inline items. */
export type DocxContent = string | DocxInline[];

export interface DocxList {
  ordered?: boolean;
  items: DocxListItem[];
}

export type DocxListItem = DocxContent | { content: DocxContent; children: DocxList };

export type DocxBlock =
  | string
  /** A paragraph in Word's Title style. */
  | { type: 'title'; content: DocxContent }
  | { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; content: DocxContent; rtl?: boolean }
  /** `rtl` writes `w:bidi` (a right-to-left paragraph); `style` is a paragraph style id. */
  | { type: 'paragraph'; content: DocxContent; rtl?: boolean; style?: string }
  | ({ type: 'list'; rtl?: boolean } & DocxList)
  /** Rows of cells; `headerRow` marks the first row as a repeating header row (w:tblHeader). */
  | { type: 'table'; rows: DocxContent[][]; headerRow?: boolean }
  /** A paragraph holding only a picture. */
  | { type: 'image'; image: DocxImage }
  /** Raw body-level WordprocessingML, written as is. */
  | { type: 'xml'; xml: string };

export interface DocxSpec {
  blocks: DocxBlock[];
  /** Extra or replacement package parts, by path (e.g. 'word/comments.xml'). */
  extraParts?: Record<string, string | Buffer>;
}

const NS = {
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  wp: 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  pic: 'http://schemas.openxmlformats.org/drawingml/2006/picture',
  m: 'http://schemas.openxmlformats.org/officeDocument/2006/math',
  mc: 'http://schemas.openxmlformats.org/markup-compatibility/2006',
  v: 'urn:schemas-microsoft-com:vml',
  o: 'urn:schemas-microsoft-com:office:office',
  wps: 'http://schemas.microsoft.com/office/word/2010/wordprocessingShape',
  w14: 'http://schemas.microsoft.com/office/word/2010/wordml',
};
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const EMU_PER_PX = 9525;
const HEBREW = /[\u0590-\u05FF]/;

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const nsAttrs = (prefixes: (keyof typeof NS)[]) => prefixes.map((p) => ` xmlns:${p}="${NS[p]}"`).join('');

interface Relationship {
  id: string;
  type: string;
  target: string;
  external?: boolean;
}

/** Collects parts, relationships, notes and numbering while the body is written. */
class DocxWriter {
  private readonly rels: Relationship[] = [
    { id: 'rId1', type: `${REL}/styles`, target: 'styles.xml' },
    { id: 'rId2', type: `${REL}/numbering`, target: 'numbering.xml' },
    { id: 'rId3', type: `${REL}/footnotes`, target: 'footnotes.xml' },
    { id: 'rId4', type: `${REL}/endnotes`, target: 'endnotes.xml' },
    { id: 'rId5', type: `${REL}/settings`, target: 'settings.xml' },
  ];
  readonly media = new Map<string, Buffer>();
  readonly mediaTypes = new Map<string, string>();
  readonly footnotes: string[] = [];
  readonly endnotes: string[] = [];
  /** w:num instances: each points at the bullet (0) or decimal (1) abstract numbering. */
  readonly nums: number[] = [];
  private drawingId = 0;

  private addRel(type: string, target: string, external = false): string {
    const id = `rId${this.rels.length + 1}`;
    this.rels.push({ id, type: `${REL}/${type}`, target, external });
    return id;
  }

  relsXml(): string {
    const rels = this.rels
      .map(
        (r) =>
          `<Relationship Id="${r.id}" Type="${r.type}" Target="${esc(r.target)}"${r.external ? ' TargetMode="External"' : ''}/>`,
      )
      .join('');
    return `${XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`;
  }

  newNum(ordered: boolean): number {
    this.nums.push(ordered ? 1 : 0);
    return this.nums.length;
  }

  run(text: string, rPr = ''): string {
    const rtl = HEBREW.test(text) ? '<w:rtl/>' : '';
    const props = rPr + rtl ? `<w:rPr>${rPr}${rtl}</w:rPr>` : '';
    return `<w:r>${props}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
  }

  inline(item: DocxInline): string {
    if (typeof item === 'string') return this.run(item);
    switch (item.type) {
      case 'text': {
        let rPr = '';
        if (item.bold) rPr += '<w:b/>';
        if (item.italic) rPr += '<w:i/>';
        if (item.strike) rPr += '<w:strike/>';
        if (item.underline) rPr += '<w:u w:val="single"/>';
        if (item.vertAlign) rPr += `<w:vertAlign w:val="${item.vertAlign}"/>`;
        return this.run(item.text, rPr);
      }
      case 'link': {
        const id = this.addRel('hyperlink', item.href, true);
        return `<w:hyperlink r:id="${id}" w:history="1">${this.run(item.text, '<w:rStyle w:val="Hyperlink"/>')}</w:hyperlink>`;
      }
      case 'anchorLink':
        return `<w:hyperlink w:anchor="${esc(item.anchor)}" w:history="1">${this.run(item.text, '<w:rStyle w:val="Hyperlink"/>')}</w:hyperlink>`;
      case 'footnote':
      case 'endnote': {
        const list = item.type === 'footnote' ? this.footnotes : this.endnotes;
        list.push(item.text);
        const id = list.length; // ids -1 and 0 are the separators
        const style = item.type === 'footnote' ? 'FootnoteReference' : 'EndnoteReference';
        return `<w:r><w:rPr><w:rStyle w:val="${style}"/></w:rPr><w:${item.type}Reference w:id="${id}"/></w:r>`;
      }
      case 'image':
        return this.drawing(item.image);
      case 'break':
        return '<w:r><w:br/></w:r>';
      case 'xml':
        return item.xml;
    }
  }

  content(content: DocxContent): string {
    return (typeof content === 'string' ? [content] : content).map((i) => this.inline(i)).join('');
  }

  paragraph(
    content: DocxContent,
    opts: { style?: string; rtl?: boolean; numId?: number; level?: number } = {},
  ): string {
    let pPr = '';
    if (opts.style) pPr += `<w:pStyle w:val="${esc(opts.style)}"/>`;
    if (opts.numId !== undefined)
      pPr += `<w:numPr><w:ilvl w:val="${opts.level ?? 0}"/><w:numId w:val="${opts.numId}"/></w:numPr>`;
    if (opts.rtl) pPr += '<w:bidi/>';
    return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${this.content(content)}</w:p>`;
  }

  drawing(image: DocxImage): string {
    const n = ++this.drawingId;
    const contentType = image.contentType ?? 'image/png';
    let blip: string;
    if (image.linkedTarget !== undefined) {
      blip = `<a:blip r:link="${this.addRel('image', image.linkedTarget, true)}"/>`;
    } else {
      const ext =
        contentType
          .split('/')[1]
          ?.replace('jpeg', 'jpg')
          .replace(/[^a-z0-9]/g, '') ?? 'bin';
      const name = `image${n}.${ext}`;
      this.media.set(name, image.data ?? Buffer.alloc(0));
      this.mediaTypes.set(ext, contentType);
      blip = `<a:blip r:embed="${this.addRel('image', `media/${name}`)}"/>`;
    }
    const cx = (image.widthPx ?? 96) * EMU_PER_PX;
    const cy = (image.heightPx ?? 64) * EMU_PER_PX;
    const descr = image.alt !== undefined ? ` descr="${esc(image.alt)}"` : '';
    const title = image.title !== undefined ? ` title="${esc(image.title)}"` : '';
    return (
      `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">` +
      `<wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>` +
      `<wp:docPr id="${n}" name="Picture ${n}"${descr}${title}/>` +
      `<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>` +
      `<a:graphic><a:graphicData uri="${NS.pic}"><pic:pic>` +
      `<pic:nvPicPr><pic:cNvPr id="0" name="Picture ${n}"/><pic:cNvPicPr/></pic:nvPicPr>` +
      `<pic:blipFill>${blip}<a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
      `<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm>` +
      `<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>` +
      `</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`
    );
  }

  list(list: DocxList, rtl: boolean, level = 0): string {
    const numId = this.newNum(list.ordered ?? false);
    return list.items
      .map((item) => {
        const { content, children } =
          typeof item === 'string' || Array.isArray(item) ? { content: item, children: undefined } : item;
        const p = this.paragraph(content, { style: 'ListParagraph', numId, level, rtl });
        return children ? p + this.list(children, rtl, level + 1) : p;
      })
      .join('');
  }

  table(rows: DocxContent[][], headerRow: boolean): string {
    const columns = Math.max(1, ...rows.map((r) => r.length));
    const width = Math.floor(9000 / columns);
    const grid = `<w:tblGrid>${`<w:gridCol w:w="${width}"/>`.repeat(columns)}</w:tblGrid>`;
    const body = rows
      .map((row, r) => {
        const trPr = headerRow && r === 0 ? '<w:trPr><w:tblHeader/></w:trPr>' : '';
        const cells = row
          .map((cell) => `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/></w:tcPr>${this.paragraph(cell)}</w:tc>`)
          .join('');
        return `<w:tr>${trPr}${cells}</w:tr>`;
      })
      .join('');
    return (
      `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>` +
      `<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>` +
      `</w:tblPr>${grid}${body}</w:tbl>`
    );
  }

  block(block: DocxBlock): string {
    if (typeof block === 'string') return this.paragraph(block);
    switch (block.type) {
      case 'title':
        return this.paragraph(block.content, { style: 'Title' });
      case 'heading':
        return this.paragraph(block.content, { style: `Heading${block.level}`, rtl: block.rtl });
      case 'paragraph':
        return this.paragraph(block.content, { style: block.style, rtl: block.rtl });
      case 'list':
        return this.list(block, block.rtl ?? false);
      case 'table':
        return this.table(block.rows, block.headerRow ?? false);
      case 'image':
        return this.paragraph([{ type: 'image', image: block.image }]);
      case 'xml':
        return block.xml;
    }
  }
}

function notesXml(kind: 'footnote' | 'endnote', notes: string[]): string {
  const style = kind === 'footnote' ? 'Footnote' : 'Endnote';
  const separators =
    `<w:${kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:${kind}>` +
    `<w:${kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:${kind}>`;
  const body = notes
    .map((text, i) => {
      const rtl = HEBREW.test(text);
      return (
        `<w:${kind} w:id="${i + 1}"><w:p><w:pPr><w:pStyle w:val="${style}Text"/>${rtl ? '<w:bidi/>' : ''}</w:pPr>` +
        `<w:r><w:rPr><w:rStyle w:val="${style}Reference"/></w:rPr><w:${kind}Ref/></w:r>` +
        `<w:r>${rtl ? '<w:rPr><w:rtl/></w:rPr>' : ''}<w:t xml:space="preserve"> ${esc(text)}</w:t></w:r></w:p></w:${kind}>`
      );
    })
    .join('');
  return `${XML_DECL}<w:${kind}s${nsAttrs(['w', 'r'])}>${separators}${body}</w:${kind}s>`;
}

function stylesXml(): string {
  const para = (id: string, name: string, extra = '') =>
    `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/>` +
    `<w:next w:val="Normal"/><w:qFormat/>${extra}</w:style>`;
  const heading = (level: number) =>
    para(
      `Heading${level}`,
      `heading ${level}`,
      `<w:pPr><w:keepNext/><w:outlineLvl w:val="${level - 1}"/></w:pPr><w:rPr><w:b/><w:sz w:val="${36 - level * 2}"/></w:rPr>`,
    );
  const char = (id: string, name: string, rPr: string) =>
    `<w:style w:type="character" w:styleId="${id}"><w:name w:val="${name}"/><w:rPr>${rPr}</w:rPr></w:style>`;
  return (
    `${XML_DECL}<w:styles${nsAttrs(['w'])}>` +
    `<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Arial"/>` +
    `<w:sz w:val="22"/><w:lang w:val="en-GB" w:bidi="he-IL"/></w:rPr></w:rPrDefault>` +
    `<w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
    `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
    `<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/></w:style>` +
    `<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/></w:style>` +
    para('Title', 'Title', '<w:rPr><w:sz w:val="56"/></w:rPr>') +
    [1, 2, 3, 4, 5, 6].map(heading).join('') +
    para('ListParagraph', 'List Paragraph', '<w:pPr><w:ind w:left="720"/><w:contextualSpacing/></w:pPr>') +
    para('Quote', 'Quote', '<w:rPr><w:i/></w:rPr>') +
    para('Caption', 'caption', '<w:rPr><w:i/><w:sz w:val="18"/></w:rPr>') +
    para('FootnoteText', 'footnote text', '<w:rPr><w:sz w:val="20"/></w:rPr>') +
    para('EndnoteText', 'endnote text', '<w:rPr><w:sz w:val="20"/></w:rPr>') +
    char('FootnoteReference', 'footnote reference', '<w:vertAlign w:val="superscript"/>') +
    char('EndnoteReference', 'endnote reference', '<w:vertAlign w:val="superscript"/>') +
    char('Hyperlink', 'Hyperlink', '<w:color w:val="0563C1"/><w:u w:val="single"/>') +
    `<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/></w:style>` +
    `</w:styles>`
  );
}

function numberingXml(nums: number[]): string {
  const bullets = ['\u2022', 'o', '\u25AA'];
  const levels = (ordered: boolean) =>
    Array.from({ length: 9 }, (_, i) => {
      const fmt = ordered ? 'decimal' : 'bullet';
      const text = ordered ? `%${i + 1}.` : bullets[i % 3];
      return (
        `<w:lvl w:ilvl="${i}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/>` +
        `<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="${720 * (i + 1)}" w:hanging="360"/></w:pPr></w:lvl>`
      );
    }).join('');
  const abstracts =
    `<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>${levels(false)}</w:abstractNum>` +
    `<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/>${levels(true)}</w:abstractNum>`;
  const instances = nums
    .map(
      (abstract, i) =>
        `<w:num w:numId="${i + 1}"><w:abstractNumId w:val="${abstract}"/>` +
        (abstract === 1 ? `<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>` : '') +
        `</w:num>`,
    )
    .join('');
  return `${XML_DECL}<w:numbering${nsAttrs(['w'])}>${abstracts}${instances}</w:numbering>`;
}

/** Builds a .docx file from `spec`. */
export async function makeDocx(spec: DocxSpec): Promise<Buffer> {
  const writer = new DocxWriter();
  const body = spec.blocks.map((b) => writer.block(b)).join('');
  const sectPr =
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>' +
    '<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>';
  const documentXml =
    `${XML_DECL}<w:document${nsAttrs(['w', 'r', 'wp', 'a', 'pic', 'm', 'mc', 'v', 'o', 'wps', 'w14'])}>` +
    `<w:body>${body}${sectPr}</w:body></w:document>`;

  const mediaDefaults = [...writer.mediaTypes]
    .map(([ext, type]) => `<Default Extension="${ext}" ContentType="${esc(type)}"/>`)
    .join('');
  const override = (part: string, type: string) =>
    `<Override PartName="/word/${part}.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.${type}+xml"/>`;
  const contentTypes =
    `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>${mediaDefaults}` +
    override('document', 'document.main') +
    override('styles', 'styles') +
    override('numbering', 'numbering') +
    override('footnotes', 'footnotes') +
    override('endnotes', 'endnotes') +
    override('settings', 'settings') +
    `</Types>`;
  const packageRels =
    `${XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`;
  const settings =
    `${XML_DECL}<w:settings${nsAttrs(['w'])}><w:defaultTabStop w:val="720"/>` +
    `<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>` +
    `<w:endnotePr><w:endnote w:id="-1"/><w:endnote w:id="0"/></w:endnotePr></w:settings>`;

  const zip = new JSZip();
  zip.file('[Content_Types].xml', contentTypes);
  zip.file('_rels/.rels', packageRels);
  zip.file('word/document.xml', documentXml);
  zip.file('word/_rels/document.xml.rels', writer.relsXml());
  zip.file('word/styles.xml', stylesXml());
  zip.file('word/numbering.xml', numberingXml(writer.nums));
  zip.file('word/footnotes.xml', notesXml('footnote', writer.footnotes));
  zip.file('word/endnotes.xml', notesXml('endnote', writer.endnotes));
  zip.file('word/settings.xml', settings);
  for (const [name, data] of writer.media) zip.file(`word/media/${name}`, data);
  for (const [path, data] of Object.entries(spec.extraParts ?? {})) zip.file(path, data);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** A small solid-colour PNG. */
export function makePng(width = 8, height = 6, colour = '#1f6f8b'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } })
    .png()
    .toBuffer();
}

/** What `sampleDocx()` contains, for assertions. */
export const sampleDocxContent = {
  title: 'Water Security in the Jordan Valley',
  heading: 'Background',
  footnoteParagraph: {
    before: 'Rainfall in the basin has fallen by a fifth since 1990.',
    after: ' Demand keeps rising.',
  },
  footnote: 'Israel Meteorological Service, Annual Climate Report 2023, p. 14.',
  link: {
    before: 'The full dataset is on the ',
    text: 'Water Authority website',
    href: 'https://www.gov.il/en/departments/water_authority',
    after: '.',
  },
  list: ['Agriculture uses most of the water', 'Cities need more every year', 'Desalination fills part of the gap'],
  nestedListItem: 'Five plants on the coast',
  table: [
    ['Year', 'Rainfall (mm)'],
    ['2023', '412'],
  ],
  imageAlt: 'Map of the Jordan Valley basin',
  /** Mixed Hebrew with Latin letters and digits, in a right-to-left (w:bidi) paragraph. */
  hebrew: 'לפי דוח OECD משנת 2024, הביקוש למים באזור יעלה ב-30% עד 2040.',
};

/**
 * A realistic small document: a Title, a Heading 1, a paragraph with a footnote, a paragraph
 * with a link, a bulleted list with a nested item, a 2×2 table with a header row, a PNG picture
 * with alt text, and a Hebrew right-to-left paragraph.
 */
export async function sampleDocx(): Promise<Buffer> {
  const s = sampleDocxContent;
  const png = await makePng(12, 8);
  return makeDocx({
    blocks: [
      { type: 'title', content: s.title },
      { type: 'heading', level: 1, content: s.heading },
      {
        type: 'paragraph',
        content: [s.footnoteParagraph.before, { type: 'footnote', text: s.footnote }, s.footnoteParagraph.after],
      },
      {
        type: 'paragraph',
        content: [s.link.before, { type: 'link', href: s.link.href, text: s.link.text }, s.link.after],
      },
      {
        type: 'list',
        items: [
          s.list[0] ?? '',
          { content: s.list[1] ?? '', children: { items: [s.nestedListItem] } },
          s.list[2] ?? '',
        ],
      },
      { type: 'table', headerRow: true, rows: s.table },
      { type: 'image', image: { data: png, alt: s.imageAlt, widthPx: 240, heightPx: 160 } },
      { type: 'paragraph', rtl: true, content: s.hebrew },
    ],
  });
}
