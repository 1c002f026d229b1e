import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitHonorific, toCslName } from './person-names.js';

describe('toCslName', () => {
  const cases: [string, ReturnType<typeof toCslName>][] = [
    ['Dana Levin', { family: 'Levin', given: 'Dana' }],
    ['Dr. Dana Levin', { family: 'Levin', given: 'Dana' }],
    ['Brig. Gen. (res.) Yoav Carmeli', { family: 'Carmeli', given: 'Yoav' }],
    ['Col. (res.) Gideon Tal', { family: 'Tal', given: 'Gideon' }],
    ['Prof. Eitan Shapiro', { family: 'Shapiro', given: 'Eitan' }],
    ['Dr. Talia Ben-Ami', { family: 'Ben-Ami', given: 'Talia' }],
    ['Carmel Ben David', { family: 'Ben David', given: 'Carmel' }],
    ['Jan van der Berg', { family: 'van der Berg', given: 'Jan' }],
    ['Mary Ann Smith', { family: 'Smith', given: 'Mary Ann' }],
    ['Martin Luther King Jr.', { family: 'King', given: 'Martin Luther', suffix: 'Jr.' }],
    ['Ruth Gavison, PhD', { family: 'Gavison', given: 'Ruth' }],
    ['ד״ר דנה לוין', { family: 'לוין', given: 'דנה' }],
    ['תא״ל (במיל׳) יואב כרמלי', { family: 'כרמלי', given: 'יואב' }],
    ['אל״מ (במיל׳) גדעון טל', { family: 'טל', given: 'גדעון' }],
    ['פרופ׳ איתן שפירא', { family: 'שפירא', given: 'איתן' }],
    ['ד"ר סמיר ח׳ורי', { family: 'ח׳ורי', given: 'סמיר' }],
    ['כרמל בן דוד', { family: 'בן דוד', given: 'כרמל' }],
    ['נועה פרידמן', { family: 'פרידמן', given: 'נועה' }],
  ];
  for (const [input, expected] of cases) {
    it(`reads "${input}"`, () => assert.deepEqual(toCslName(input), expected));
  }

  it('keeps a one-word name whole, as a literal', () => {
    assert.deepEqual(toCslName('Dr. Madonna'), { literal: 'Madonna' });
    assert.deepEqual(toCslName('בר'), { literal: 'בר' });
  });

  it('never treats a leading particle as part of the family name', () => {
    assert.deepEqual(toCslName('Ben Caspit'), { family: 'Caspit', given: 'Ben' });
  });

  it('falls back to the whole text when nothing but titles is left', () => {
    assert.deepEqual(toCslName('Dr.'), { literal: 'Dr.' });
  });
});

describe('splitHonorific', () => {
  it('splits titles and ranks off experts’ names in both languages', () => {
    const cases: [string, string, string][] = [
      ['Dr. Dana Levin', 'Dr.', 'Dana Levin'],
      ['Brig. Gen. (res.) Yoav Carmeli', 'Brig. Gen. (res.)', 'Yoav Carmeli'],
      ['Prof. Eitan Shapiro', 'Prof.', 'Eitan Shapiro'],
      ['Noa Friedman', '', 'Noa Friedman'],
      ['ד״ר דנה לוין', 'ד״ר', 'דנה לוין'],
      ['תא״ל (במיל׳) יואב כרמלי', 'תא״ל (במיל׳)', 'יואב כרמלי'],
      ['Dr.', '', 'Dr.'],
    ];
    for (const [display, honorific, name] of cases) {
      assert.deepEqual(splitHonorific(display), { honorific, name }, display);
    }
  });
});
