/**
 * What mammoth drops silently, found by reading the WordprocessingML ourselves: paragraph
 * direction, comments, tracked changes, charts, SmartArt, shapes and text boxes.
 */

import { DocxImportError } from './docx-types.js';
import { corrupt } from './docx-package.js';
import { childElements, firstChild, parseMarkup, type MarkupElement } from './markup.js';

// Package parts (found the way mammoth finds them, so both read the same parts)

export const REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export function xmlText(data: Buffer | undefined): string | undefined {
  return data?.toString('utf8').replace(/^\uFEFF/, '');
}

export function relationshipTargets(parts: Map<string, Buffer>, relsPath: string, type: string): string[] {
  const xml = xmlText(parts.get(relsPath));
  if (!xml) return [];
  const root = parseMarkup(xml, { xml: true });
  const rels = childElements(root).flatMap((el) => childElements(el));
  return rels
    .filter((el) => el.name.replace(/^.*:/, '') === 'Relationship' && el.attrs.Type === type)
    .map((el) => el.attrs.Target ?? '');
}

export function joinPartPath(base: string, target: string): string {
  const joined = target.startsWith('/') ? target : [base, target].filter(Boolean).join('/');
  return joined.replace(/^\//, '');
}

export function findPart(parts: Map<string, Buffer>, relsPath: string, base: string, type: string, fallback: string) {
  const found = relationshipTargets(parts, relsPath, `${REL_TYPE}/${type}`)
    .map((target) => joinPartPath(base, target))
    .find((path) => parts.has(path));
  return found ?? fallback;
}

export function splitPath(path: string): { dir: string; base: string } {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? { dir: '', base: path } : { dir: path.slice(0, slash), base: path.slice(slash + 1) };
}

/**
 * Mammoth skips the text inside `w:fldSimple` (simple fields such as figure numbers) and
 * `w:dir` / `w:bdo` (explicit bidirectional runs); unwrapping them keeps their text.
 */
export const UNWRAP = /<\/?w:(?:fldSimple|dir|bdo)(?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*\/?>/g;

export const NAMESPACES: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing': 'wp',
  'http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing': 'wp',
  'http://schemas.openxmlformats.org/drawingml/2006/main': 'a',
  'http://purl.oclc.org/ooxml/drawingml/main': 'a',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'urn:schemas-microsoft-com:vml': 'v',
};

/** Renames elements and attributes to the usual prefixes (w:, a:, …) whatever the document used. */
export function canonicalise(el: MarkupElement, scope: Map<string, string>) {
  let local = scope;
  for (const [key, value] of Object.entries(el.attrs)) {
    if (key === 'xmlns' || key.startsWith('xmlns:')) {
      if (local === scope) local = new Map(scope);
      local.set(key === 'xmlns' ? '' : key.slice(6), value);
    }
  }
  const rename = (name: string, isElement: boolean) => {
    const colon = name.indexOf(':');
    if (colon < 0 && !isElement) return name;
    const uri = local.get(colon < 0 ? '' : name.slice(0, colon));
    const prefix = uri === undefined ? undefined : NAMESPACES[uri];
    return prefix ? `${prefix}:${name.slice(colon + 1)}` : name;
  };
  el.name = rename(el.name, true);
  const attrs: Record<string, string> = {};
  for (const [key, value] of Object.entries(el.attrs))
    attrs[key.startsWith('xmlns') ? key : rename(key, false)] = value;
  el.attrs = attrs;
  for (const child of childElements(el)) canonicalise(child, local);
}

export function parseWordXml(xml: string): MarkupElement {
  const root = parseMarkup(xml, { xml: true });
  canonicalise(root, new Map());
  return root;
}

/** `<w:bidi/>`-style switches: present means on unless w:val says 0/false/off. */
export function onOff(el: MarkupElement | undefined): boolean | undefined {
  if (!el) return undefined;
  const value = el.attrs['w:val'];
  return !(value === '0' || value === 'false' || value === 'off');
}

export interface StyleDirections {
  styles: Map<string, { basedOn?: string; bidi?: boolean }>;
  defaultStyle?: string;
  documentDefault: boolean;
}

export function readStyleDirections(xml: string | undefined): StyleDirections {
  const result: StyleDirections = { styles: new Map(), documentDefault: false };
  if (!xml) return result;
  const root = childElements(parseWordXml(xml)).find((el) => el.name === 'w:styles');
  if (!root) return result;
  const defaults = firstChild(root, 'w:docDefaults');
  const defaultPPr = defaults && firstChild(defaults, 'w:pPrDefault');
  const pPr = defaultPPr && firstChild(defaultPPr, 'w:pPr');
  result.documentDefault = (pPr && onOff(firstChild(pPr, 'w:bidi'))) ?? false;
  for (const style of childElements(root)) {
    if (style.name !== 'w:style' || style.attrs['w:type'] !== 'paragraph') continue;
    const id = style.attrs['w:styleId'];
    if (id === undefined) continue;
    const stylePPr = firstChild(style, 'w:pPr');
    result.styles.set(id, {
      basedOn: firstChild(style, 'w:basedOn')?.attrs['w:val'],
      bidi: stylePPr && onOff(firstChild(stylePPr, 'w:bidi')),
    });
    if (['1', 'true', 'on'].includes(style.attrs['w:default'] ?? '')) {
      result.defaultStyle = id;
    }
  }
  return result;
}

export function styleBidi(directions: StyleDirections, id: string | undefined): boolean {
  for (let depth = 0; id !== undefined && depth < 20; depth++) {
    const style = directions.styles.get(id);
    if (!style) break;
    if (style.bidi !== undefined) return style.bidi;
    id = style.basedOn;
  }
  return directions.documentDefault;
}

export interface DocumentScan {
  /** For every paragraph mammoth will read, in its order: whether it is right-to-left. */
  paragraphBidi: boolean[];
  findings: Map<string, number>;
}

/** Containers mammoth reads into (it skips the content of any other element). */
export const READ_INTO = new Set([
  'w:body',
  'w:r',
  'w:hyperlink',
  'w:tbl',
  'w:tc',
  'w:sdtContent',
  'w:customXml',
  'w:smartTag',
  'w:object',
  'w:drawing',
  'w:pict',
  'v:roundrect',
  'v:shape',
  'v:textbox',
  'v:group',
  'v:rect',
]);

export const GRAPHIC_KINDS: Record<string, string> = {
  'http://schemas.openxmlformats.org/drawingml/2006/picture': 'picture',
  'http://purl.oclc.org/ooxml/drawingml/picture': 'picture',
  'http://schemas.openxmlformats.org/drawingml/2006/chart': 'chart-dropped',
  'http://schemas.microsoft.com/office/drawing/2014/chartex': 'chart-dropped',
  'http://schemas.openxmlformats.org/drawingml/2006/diagram': 'diagram-dropped',
};

export function descendants(el: MarkupElement, name: string): MarkupElement[] {
  return childElements(el).flatMap((c) => (c.name === name ? [c, ...descendants(c, name)] : descendants(c, name)));
}

/** What a drawing that mammoth will not read contains (a chart, SmartArt, a shape or text box). */
export function droppedDrawing(el: MarkupElement): string | undefined {
  const graphic = descendants(el, 'a:graphicData')[0];
  if (!graphic) return descendants(el, 'w:txbxContent').length > 0 ? 'text-box-dropped' : undefined;
  const kind = GRAPHIC_KINDS[graphic.attrs.uri ?? ''] ?? 'shape-dropped';
  if (kind === 'picture') return undefined;
  if (kind === 'shape-dropped' && descendants(graphic, 'w:txbxContent').length > 0) return 'text-box-dropped';
  return kind;
}

/**
 * Walks word/document.xml the way mammoth's body reader does, recording each paragraph's
 * direction in the same order and counting what mammoth leaves out without a warning.
 */
export function scanDocument(xml: string, directions: StyleDirections): DocumentScan {
  const root = childElements(parseWordXml(xml)).find((el) => el.name === 'w:document');
  if (!root) throw new DocxImportError('not-a-docx', { reason: 'no-document' });
  const body = firstChild(root, 'w:body');
  if (!body) throw corrupt('the document has no body');

  const paragraphBidi: boolean[] = [];
  const findings = new Map<string, number>();
  const found = (code: string) => findings.set(code, (findings.get(code) ?? 0) + 1);

  const visitChildren = (el: MarkupElement) => childElements(el).forEach(visit);
  const visit = (el: MarkupElement): void => {
    switch (el.name) {
      case 'mc:AlternateContent': {
        const fallback = firstChild(el, 'mc:Fallback');
        if (fallback) visitChildren(fallback);
        else {
          const dropped = droppedDrawing(el);
          if (dropped) found(dropped);
        }
        return;
      }
      case 'w:p': {
        const pPr = firstChild(el, 'w:pPr');
        const rPr = pPr && firstChild(pPr, 'w:rPr');
        if (rPr && firstChild(rPr, 'w:del')) {
          found('tracked-changes-accepted'); // a deleted paragraph mark: mammoth joins it to the next
        } else {
          const explicit = pPr && onOff(firstChild(pPr, 'w:bidi'));
          const styleId = (pPr && firstChild(pPr, 'w:pStyle')?.attrs['w:val']) ?? directions.defaultStyle;
          paragraphBidi.push(explicit ?? styleBidi(directions, styleId));
        }
        visitChildren(el);
        return;
      }
      case 'w:tr': {
        const trPr = firstChild(el, 'w:trPr');
        if (trPr && firstChild(trPr, 'w:del')) found('tracked-changes-accepted');
        else visitChildren(el);
        return;
      }
      case 'w:sdt': {
        const content = firstChild(el, 'w:sdtContent');
        if (content) visitChildren(content);
        return;
      }
      case 'w:ins':
      case 'w:moveTo':
        found('tracked-changes-accepted');
        visitChildren(el);
        return;
      case 'w:del':
      case 'w:moveFrom':
        found('tracked-changes-accepted');
        return;
      case 'w:commentReference':
        found('comments-dropped');
        return;
      case 'wp:inline':
      case 'wp:anchor': {
        const dropped = droppedDrawing(el);
        if (dropped) found(dropped);
        return;
      }
      case 'w:txbxContent':
        found('text-box-moved');
        visitChildren(el);
        return;
      default:
        if (READ_INTO.has(el.name)) visitChildren(el);
    }
  };
  visit(body);
  // Each insertion or deletion is counted; one note says they were accepted.
  if (findings.has('tracked-changes-accepted')) findings.set('tracked-changes-accepted', 1);
  return { paragraphBidi, findings };
}
