import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Cite, plugins, type CiteprocEngine, type CslData } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import chicagoNotes from '@citation/csl-style-chicago-note-bibliography/info.json' with { type: 'json' };
import sanitizeHtml from 'sanitize-html';
import mla7 from 'style-mla';
import type { Lang } from '../db/schema.js';

/**
 * The one module that talks to citation-js. Importing it registers the styles and the Hebrew
 * locale; everything else asks it for formatted references and export files.
 */

/** The reference styles shown on a publication page, in display order. */
export const CITATION_STYLES = ['apa', 'chicago', 'mla'] as const;
export type CitationStyle = (typeof CITATION_STYLES)[number];

/** citation-js template names. APA 7th edition is built into plugin-csl. */
const TEMPLATES: Record<CitationStyle, string> = {
  apa: 'apa',
  chicago: 'dossier-chicago-notes-17',
  mla: 'dossier-mla-7',
};

const CSL_LOCALES: Record<Lang, string> = { en: 'en-US', he: 'he-IL' };

const csl = plugins.config.get('@csl');
// Chicago ships as CSL XML; MLA as citeproc's XML-as-JSON object, which citeproc takes as it is.
csl.templates.add(TEMPLATES.chicago, chicagoNotes.content);
csl.templates.add(TEMPLATES.mla, mla7);
csl.locales.add(CSL_LOCALES.he, readFileSync(new URL('./locale-he-IL.xml', import.meta.url), 'utf8'));
// By default plugin-bibtex drops every character it cannot spell in ASCII LaTeX, Hebrew
// included. Files are served as UTF-8, which biber and modern BibTeX read.
plugins.config.get('@bibtex').format.asciiOnly = false;

/** Exported for the sanitiser property test. */
export const referenceHtml: sanitizeHtml.IOptions = {
  allowedTags: ['i', 'b', 'sup', 'sub', 'span', 'a'],
  allowedAttributes: { a: ['href', 'dir'] },
  allowedSchemes: ['http', 'https'],
  // A URL runs left to right even inside a Hebrew reference; `dir` also isolates it from the text around it.
  transformTags: { a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, dir: 'ltr' } }) },
};

/** citation-js's engine for one style and locale, and the depth of its formats stack when new. */
interface EngineHandle {
  engine: CiteprocEngine;
  baseDepth: number;
}

const engines = new Map<string, EngineHandle>();

/**
 * The engine citation-js uses for this style and language (it builds one per pair and keeps
 * it for good), set up on first use. Building takes a few hundred milliseconds, hence lazily.
 * APA joins the last author with and="symbol", which citeproc prints as a fixed "&" unless the
 * engine is told to read the locale's symbol form; Hebrew joins with "ו", so the Hebrew APA
 * engine gets that switch.
 */
function engineFor(style: CitationStyle, lang: Lang): EngineHandle {
  const key = `${style}|${lang}`;
  let handle = engines.get(key);
  if (!handle) {
    const engine = csl.engine([], TEMPLATES[style], CSL_LOCALES[lang], 'html');
    if (style === 'apa' && lang === 'he') engine.opt.development_extensions.expect_and_symbol_form = true;
    handle = { engine, baseDepth: engine.output.formats.mystack.length };
    engines.set(key, handle);
  }
  return handle;
}

/**
 * citeproc engines are made for one document: each bibliography entry leaves state behind
 * (the item in the disambiguation registry, its locale, and with APA an unclosed formats
 * frame). citation-js keeps engines for the life of the process, so every distinct reference
 * would cost a few hundred bytes forever. This empties the engine after each use: citeproc's
 * own reset for the registry, and the formats stack cut back to its depth when new.
 */
function releaseEntryState({ engine, baseDepth }: EngineHandle): void {
  engine.restoreProcessorState();
  const formats = engine.output.formats;
  formats.mystack.length = baseDepth;
  formats.tip = formats.mystack[baseDepth - 1];
}

/**
 * The reference in one style, as HTML with only inline markup (italics, links) left in.
 * citeproc escapes the data itself; the sanitiser is a second fence around what reaches the page.
 */
function formatReference(cite: Cite, style: CitationStyle, lang: Lang): string {
  const handle = engineFor(style, lang);
  try {
    const html = cite.format('bibliography', {
      template: TEMPLATES[style],
      lang: CSL_LOCALES[lang],
      format: 'html',
      hyperlinks: true,
    });
    // Whitespace runs come from citeproc's layout and from the Hebrew locale's spaced terms.
    return sanitizeHtml(html, referenceHtml).replace(/\s+/g, ' ').trim();
  } finally {
    releaseEntryState(handle);
  }
}

export type FormattedReferences = Record<CitationStyle, string>;

/** Recently formatted items, keyed by a hash of language and item, least recently used first. */
const formatted = new Map<string, FormattedReferences>();
/** About 3 KB an entry (Hebrew is two bytes a character), so some 1.5 MB in all. */
const FORMATTED_MAX = 500;

/**
 * The item in every style, in the conventions of `lang` (the work's language). citeproc
 * needs a few milliseconds per style, so recent results are kept: keyed by the item's
 * content, an entry can never be stale, and it outlives the page cache, which empties on
 * every content change.
 */
export function formatReferences(item: CslData, lang: Lang): FormattedReferences {
  const key = createHash('sha1')
    .update(`${lang}|${JSON.stringify(item)}`)
    .digest('base64');
  const hit = formatted.get(key);
  if (hit) {
    formatted.delete(key);
    formatted.set(key, hit);
    return hit;
  }
  const cite = new Cite(item);
  const refs = Object.fromEntries(
    CITATION_STYLES.map((style) => [style, formatReference(cite, style, lang)]),
  ) as FormattedReferences;
  formatted.set(key, refs);
  if (formatted.size > FORMATTED_MAX) formatted.delete(formatted.keys().next().value ?? '');
  return refs;
}

/** LaTeX's special characters, spelled so BibTeX and LaTeX print them as they are. */
const LATEX_ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  '&': '\\&',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  // In LaTeX's default font encoding "<" and ">" print as "¡" and "¿".
  '<': '\\textless{}',
  '>': '\\textgreater{}',
};

function escapeLatex(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/[\\{}%&$#_~^<>]/g, (c) => LATEX_ESCAPES[c] ?? c);
  if (Array.isArray(value)) return value.map(escapeLatex);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeLatex(v)]));
  }
  return value;
}

/** Fields plugin-bibtex writes verbatim (it escapes nothing else once asciiOnly is off). */
const VERBATIM_FIELDS = new Set(['id', 'citation-key', 'URL', 'issued', 'language']);

/**
 * The item as a BibTeX entry. plugin-bibtex maps the fields; the LaTeX escaping of text
 * fields is done here because the library leaves `{}\%` and friends raw.
 */
export function formatBibtex(item: CslData): string {
  const escaped = Object.fromEntries(
    Object.entries(toExportItem(item)).map(([k, v]) => [k, VERBATIM_FIELDS.has(k) ? v : escapeLatex(v)]),
  ) as CslData;
  return new Cite(escaped).format('bibtex').trim() + '\n';
}

/**
 * The item as an RIS record (CRLF line ends, as the RIS specification asks). plugin-ris maps
 * the fields; its own text output folds lines at 70 characters, which RIS readers take as
 * the end of the field, so the records are written out here, one tag per line.
 */
export function formatRis(item: CslData): string {
  const records = new Cite(toExportItem(item)).format('ris', { format: 'object' });
  return records.map(risRecord).join('\r\n');
}

function risRecord(record: Record<string, string | string[]>): string {
  const { TY, ...tags } = record;
  const lines = [`TY  - ${String(TY)}`];
  for (const [tag, values] of Object.entries(tags)) {
    for (const value of [values].flat()) lines.push(`${tag}  - ${value.replace(/\s+/g, ' ')}`);
  }
  lines.push('ER  - ', '');
  return lines.join('\r\n');
}

/**
 * BibTeX and RIS have one "number" field for a report's number in its series; citation-js
 * fills it from CSL `number`, while `collection-number` (what the styles print after the
 * series name) becomes nothing in BibTeX and "number of volumes" in RIS.
 */
function toExportItem(item: CslData): CslData {
  const { 'collection-number': seriesNumber, ...rest } = item;
  return seriesNumber === undefined ? item : { ...rest, number: seriesNumber };
}
