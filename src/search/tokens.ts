/**
 * Text normalisation shared by indexing and querying, identical for both engines.
 *
 * Neither SQLite nor PostgreSQL knows Hebrew morphology: the one-letter prefixes
 * (ו ה ב כ ל מ ש and their combinations, "ובמסדרון") stay glued to the word. We therefore
 * index every Hebrew word together with the forms left after peeling up to three prefix
 * letters, and expand a query word the same way; a document matches when the two share a
 * form. So "מסדרון" finds "במסדרון" and "במסדרון" finds "מסדרון".
 */

const HEBREW_PREFIX_LETTERS = new Set(['ו', 'ה', 'ב', 'כ', 'ל', 'מ', 'ש']);
const MAX_PREFIX_LETTERS = 3;
/** A peeled form must keep at least this many letters ("בים" → "ים"). */
const MIN_STEM_LENGTH = 2;

const HEBREW_LETTER = /[\u05D0-\u05EA]/;
// Niqqud and cantillation marks: stripped, otherwise they split words in both engines.
const HEBREW_POINTS = /[\u0591-\u05C7]/g;
const LATIN_MARKS = /[\u0300-\u036F]/g;
// Geresh/gershayim and their ASCII look-alikes inside Hebrew words (צה״ל, צה"ל, ג'ורג').
const HEBREW_QUOTES = /(?<=[\u05D0-\u05EA])['"\u05F3\u05F4\u2019](?=[\u05D0-\u05EA]|$|\s)/g;
const WORD = /[\p{L}\p{N}]+/gu;

/** Lower-cased words with marks removed; Hebrew quotes are dropped so spellings agree. */
export function normaliseWords(text: string): string[] {
  const cleaned = text
    .normalize('NFD')
    .replace(HEBREW_POINTS, '')
    .replace(LATIN_MARKS, '')
    .replace(HEBREW_QUOTES, '')
    .normalize('NFC')
    .toLowerCase();
  return cleaned.match(WORD) ?? [];
}

/** The word and the forms left after peeling Hebrew prefix letters, longest first. */
export function hebrewForms(word: string): string[] {
  const forms = [word];
  if (!HEBREW_LETTER.test(word[0] ?? '')) return forms;
  let rest = word;
  for (let i = 0; i < MAX_PREFIX_LETTERS; i++) {
    const first = rest[0];
    if (!first || !HEBREW_PREFIX_LETTERS.has(first) || rest.length - 1 < MIN_STEM_LENGTH) break;
    rest = rest.slice(1);
    forms.push(rest);
  }
  return forms;
}

/** The token stream stored in the index for a piece of text. */
export function toIndexTokens(text: string): string {
  const out: string[] = [];
  for (const word of normaliseWords(text)) out.push(...hebrewForms(word));
  return out.join(' ');
}

/** One query word: the forms any of which may match, and whether it also matches as a prefix. */
export interface QueryTerm {
  word: string;
  forms: string[];
  /** Longer Latin words also match longer index words ("sanction" → "sanctions"). Hebrew
   *  words rely on prefix peeling instead: a trailing wildcard on every peeled form would
   *  multiply the index range scans. */
  prefix: boolean;
}

/** Minimum length for a query word to match longer words too. */
const PREFIX_MATCH_MIN = 4;
export const MAX_QUERY_TERMS = 8;

/**
 * Words too common to narrow a search; their posting lists span most of the index, so
 * matching them would cost a near-full scan for no gain in relevance.
 */
const STOP_WORDS = new Set(
  (
    'the of and a an in on to for by with from at as is are was were be been it its this that these those or ' +
    'not but into than then also has have had will would can could after over about between ' +
    'של על את עם אל כי גם לא אם או זה זו הוא היא הם הן יש אין כל מה רק עוד אך בין לפי כך'
  ).split(' '),
);

/**
 * Parses free text into query terms. Punctuation and operators are plain separators, so no
 * input can produce a malformed engine query. Returns at most MAX_QUERY_TERMS terms.
 */
export function parseQueryTerms(query: string): QueryTerm[] {
  const seen = new Set<string>();
  const terms: QueryTerm[] = [];
  for (const word of normaliseWords(query)) {
    if (seen.has(word) || STOP_WORDS.has(word) || word.length < 2) continue;
    seen.add(word);
    const hebrew = HEBREW_LETTER.test(word[0] ?? '');
    terms.push({ word, forms: hebrewForms(word), prefix: !hebrew && word.length >= PREFIX_MATCH_MIN });
    if (terms.length === MAX_QUERY_TERMS) break;
  }
  return terms;
}

/** True when a normalised text word satisfies the term (used for snippets and highlights). */
export function wordMatchesTerm(word: string, term: QueryTerm): boolean {
  const forms = hebrewForms(word);
  return term.forms.some((f) =>
    forms.some((w) => w === f || (term.prefix && w.startsWith(f) && f.length >= PREFIX_MATCH_MIN)),
  );
}
