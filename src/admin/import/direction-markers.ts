/**
 * Paragraph direction markers. The Word importer puts one invisible marker at the start of
 * each paragraph (mammoth itself drops `w:bidi`); html-to-rich-doc reads and removes them.
 */

export const MARKER_OPEN = '\uE000';
export const MARKER_CLOSE = '\uE001';

export function directionMarker(nonce: string, dir: 'rtl' | 'ltr'): string {
  return `${MARKER_OPEN}${nonce}${dir === 'rtl' ? 'r' : 'l'}${MARKER_CLOSE}`;
}

const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;

/** The direction of the first strong (letter) character, if any. */
export function firstStrongDirection(text: string): 'rtl' | 'ltr' | undefined {
  const letter = /\p{L}/u.exec(text);
  if (!letter) return undefined;
  return RTL_LETTER.test(letter[0]) ? 'rtl' : 'ltr';
}
