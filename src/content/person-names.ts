/**
 * People are stored with one display name per language ("Brig. Gen. (res.) Yoav Carmeli",
 * "ד״ר טליה בן-עמי"). Citation indexes and reference managers want the bare name: Google
 * Scholar matches authors across papers by name, and a reference never carries a rank. This
 * module is the one list of the titles, ranks and remarks institutes print before names.
 */

export type CslName = { family: string; given: string; suffix?: string } | { literal: string };

/** Compared after lower-casing, dropping full stops and writing gershayim/geresh as ASCII quotes. */
const TITLES = new Set([
  // English honorifics, degrees before the name, and military ranks.
  'dr',
  'prof',
  'professor',
  'mr',
  'mrs',
  'ms',
  'mx',
  'rabbi',
  'rav',
  'amb',
  'ambassador',
  'adv',
  'hon',
  'sir',
  'dame',
  'gen',
  'general',
  'lt',
  'col',
  'colonel',
  'maj',
  'major',
  'capt',
  'brig',
  'adm',
  'rear',
  'vice',
  'cdr',
  'sgt',
  'mk',
  // Hebrew honorifics and IDF ranks.
  'ד"ר',
  "פרופ'",
  'פרופסור',
  'עו"ד',
  'רו"ח',
  'הרב',
  'מר',
  "גב'",
  'גברת',
  'השגריר',
  'שגריר',
  'ח"כ',
  'רא"ל',
  'אלוף',
  'תא"ל',
  'אל"מ',
  'סא"ל',
  'רס"ן',
  'סרן',
  'ניצב',
  'תנ"צ',
  'אל"ם',
]);

const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);
/** Degrees after the name: dropped, like the titles before it. */
const DEGREES = new Set(['phd', 'ph.d', 'md', 'mba']);
/** Lower-case or Hebrew words that belong to the family name that follows them. */
const PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'del', 'della', 'di', 'da', 'du', 'la', 'le']);
/** Family-name particles written capitalised ("Ben Ami", "Abu Hamad"), also in Hebrew. */
const PATRONYMIC_PARTICLES = new Set(['ben', 'bar', 'bat', 'abu', 'al', 'el', 'בן', 'בר', 'בת', 'אבו', 'אל']);

function normalise(token: string): string {
  return token.toLowerCase().replaceAll('״', '"').replaceAll('׳', "'").replace(/\.$/, '');
}

function isParticle(token: string): boolean {
  return PARTICLES.has(token) || PATRONYMIC_PARTICLES.has(normalise(token));
}

/** The name without titles, bracketed remarks and degrees, split into words. */
function nameWords(fullName: string): { words: string[]; suffix?: string } {
  const words = fullName
    .replace(/\([^)]*\)/g, ' ')
    .split(/[\s,]+/)
    .filter(Boolean);
  while (words.length > 0 && TITLES.has(normalise(words[0] ?? ''))) words.shift();
  let suffix: string | undefined;
  while (words.length > 1) {
    const last = normalise(words.at(-1) ?? '');
    if (DEGREES.has(last)) words.pop();
    else if (suffix === undefined && SUFFIXES.has(last)) suffix = words.pop();
    else break;
  }
  return { words, suffix };
}

/**
 * The CSL name for a display name: titles, bracketed remarks and degrees go, a generational
 * suffix is kept apart, the last word is the family name together with any particle before
 * it ("Ben Ami", "van der Berg", "אבו חמד"), and the rest is the given name. A single word, or
 * nothing left after the titles, becomes a `literal` name, printed as it is.
 */
export function toCslName(fullName: string): CslName {
  const { words, suffix } = nameWords(fullName);
  if (words.length === 0) return { literal: fullName.trim() };
  if (words.length === 1) return { literal: [...words, suffix].filter(Boolean).join(' ') };
  let familyStart = words.length - 1;
  while (familyStart > 1 && isParticle(words[familyStart - 1] ?? '')) familyStart--;
  const name = { family: words.slice(familyStart).join(' '), given: words.slice(0, familyStart).join(' ') };
  return suffix ? { ...name, suffix } : name;
}

/** A display name split into its leading titles and the name proper. */
export interface SplitName {
  /** "Brig. Gen. (res.)", or '' when the name carries no title. */
  honorific: string;
  name: string;
}

function isTitleWord(word: string): boolean {
  return TITLES.has(normalise(word)) || /^\(.*\)$/.test(word);
}

/** Splits leading titles and bracketed remarks off a display name; a name made only of titles is kept whole. */
export function splitHonorific(displayName: string): SplitName {
  const words = displayName.trim().split(/\s+/);
  let titles = 0;
  while (titles < words.length - 1 && isTitleWord(words[titles] ?? '')) titles++;
  return { honorific: words.slice(0, titles).join(' '), name: words.slice(titles).join(' ') };
}
