import { escapeHtml } from '../lib/escape-html.js';
import { normaliseWords, wordMatchesTerm, type QueryTerm } from './tokens.js';

// Words as written, keeping Hebrew quotes and niqqud so the original text is shown unchanged.
const WRITTEN_WORD = /[\p{L}\p{N}\p{M}\u05F3\u05F4'"]+/gu;
const SNIPPET_CHARS = 220;
const CONTEXT_BEFORE = 70;

function matches(written: string, terms: QueryTerm[]): boolean {
  const words = normaliseWords(written);
  return words.some((w) => terms.some((t) => wordMatchesTerm(w, t)));
}

/** Escapes `text` and wraps every word that matches a term in <mark>. */
export function highlight(text: string, terms: QueryTerm[]): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(WRITTEN_WORD)) {
    if (!matches(m[0], terms)) continue;
    out += escapeHtml(text.slice(last, m.index)) + `<mark>${escapeHtml(m[0])}</mark>`;
    last = m.index + m[0].length;
  }
  return out + escapeHtml(text.slice(last));
}

/**
 * A short excerpt around the first matching word, highlighted and escaped; the start of
 * the text when nothing matches (the match was in the title or author names).
 */
export function snippet(text: string, terms: QueryTerm[]): string {
  let start = 0;
  for (const m of text.matchAll(WRITTEN_WORD)) {
    if (matches(m[0], terms)) {
      start = Math.max(0, m.index - CONTEXT_BEFORE);
      break;
    }
  }
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space === -1 ? start : space + 1;
  }
  let end = Math.min(text.length, start + SNIPPET_CHARS);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    end = space > start ? space : end;
  }
  const body = highlight(text.slice(start, end).replace(/\s+/g, ' '), terms);
  return `${start > 0 ? '… ' : ''}${body}${end < text.length ? ' …' : ''}`;
}
