import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hebrewForms, MAX_QUERY_TERMS, normaliseWords, parseQueryTerms } from './tokens.js';

describe('search tokens', () => {
  it('peels up to three Hebrew prefix letters, keeping at least two letters', () => {
    assert.deepEqual(hebrewForms('ובמסדרון'), ['ובמסדרון', 'במסדרון', 'מסדרון', 'סדרון']);
    assert.deepEqual(hebrewForms('בים'), ['בים', 'ים']);
    assert.deepEqual(hebrewForms('ים'), ['ים']);
    assert.deepEqual(hebrewForms('oil'), ['oil']);
  });

  it('strips niqqud and Latin accents and unifies Hebrew quote marks', () => {
    assert.deepEqual(normaliseWords('שָׁלוֹם Café'), ['שלום', 'cafe']);
    assert.deepEqual(normaliseWords('צה״ל צה"ל ג׳ורג׳'), ['צהל', 'צהל', 'גורג']);
  });

  it('turns any input into plain word terms, without stop words or repeats', () => {
    assert.deepEqual(
      parseQueryTerms('"the" NEAR( oil* oil').map((t) => t.word),
      ['near', 'oil'],
    );
    assert.equal(parseQueryTerms('one two three four five six seven eight nine ten').length, MAX_QUERY_TERMS);
  });
});
