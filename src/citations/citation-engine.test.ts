import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { plugins, type CslData } from '@citation-js/core';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { parse as parseRis } from 'astrocite-ris';
import { formatBibtex, formatReferences, formatRis } from './citation-engine.js';

/** The reader's view of a formatted reference: tags dropped, entities decoded. */
function plain(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

const names = [
  ['כהן', 'אביטל'],
  ['לוי', 'בועז'],
  ['בן דוד', 'כרמל'],
  ['מזרחי', 'דליה'],
  ['פרץ', 'אלי'],
];

function hebrewReport(authors: number, extra: Partial<CslData> = {}): CslData {
  return {
    id: `he-${authors}`,
    type: 'report',
    title: 'אמון הציבור במוסדות: "ממצאי" סקר',
    author: names.slice(0, authors).map(([family, given]) => ({ family, given })),
    issued: { 'date-parts': [[2025, 3, 4]] },
    publisher: 'מכון מרידיאן',
    'collection-title': 'נייר מדיניות',
    'collection-number': '12',
    URL: 'https://example.org/he/publications/x',
    language: 'he',
    ...extra,
  };
}

describe('formatReferences in Hebrew', () => {
  it('joins two authors with a prefixed ו in every style, never "&" or "and"', () => {
    const refs = formatReferences(hebrewReport(2), 'he');
    assert.match(plain(refs.apa), /^כהן, א\., ולוי, ב\. \(2025\)\./);
    assert.match(plain(refs.chicago), /^כהן, אביטל, ובועז לוי\./);
    assert.match(plain(refs.mla), /^כהן, אביטל, ובועז לוי\./);
    for (const ref of Object.values(refs)) assert.doesNotMatch(ref, /&amp;| and /);
  });

  it('lists three authors with commas and ו before the last, single-spaced', () => {
    const refs = formatReferences(hebrewReport(3), 'he');
    assert.match(plain(refs.apa), /^כהן, א\., לוי, ב\. ובן דוד, כ\. \(2025\)/);
    assert.match(plain(refs.chicago), /^כהן, אביטל, בועז לוי וכרמל בן דוד\./);
    for (const ref of Object.values(refs)) assert.doesNotMatch(ref, / {2}/);
  });

  it('shortens a long author list with a spaced ואחרים (MLA: more than three)', () => {
    assert.match(plain(formatReferences(hebrewReport(5), 'he').mla), /^כהן, אביטל ואחרים\./);
  });

  it('keeps the Hebrew title intact, in straight quotes with the full stop outside', () => {
    const refs = formatReferences(hebrewReport(1), 'he');
    assert.ok(plain(refs.apa).includes('אמון הציבור במוסדות: "ממצאי" סקר (נייר מדיניות 12). מכון מרידיאן.'));
    assert.ok(plain(refs.chicago).includes(`"אמון הציבור במוסדות: 'ממצאי' סקר". נייר מדיניות 12.`));
  });

  it('writes dates the Hebrew way and falls back to English only for terms it lacks', () => {
    const refs = formatReferences(hebrewReport(1), 'he');
    assert.ok(plain(refs.chicago).includes('מכון מרידיאן, 4 במרץ 2025.'));
    const undated = formatReferences(hebrewReport(1, { issued: undefined }), 'he');
    assert.match(plain(undated.apa), /\(בלי תאריך\)/);
    // "n. pag." is not in our locale: citeproc takes it from en-US rather than printing nothing.
    const journal = formatReferences(
      hebrewReport(1, {
        type: 'article-journal',
        'container-title': 'סקירה אסטרטגית',
        volume: '3',
        issue: '2',
        'collection-title': undefined,
        'collection-number': undefined,
      }),
      'he',
    );
    assert.match(plain(journal.mla), /סקירה אסטרטגית 3\.2 \(2025\): n\. pag\./);
    assert.match(plain(journal.chicago), /סקירה אסטרטגית 3, מס׳ 2 \(4 במרץ 2025\)/);
  });

  it('isolates the URL as a left-to-right link', () => {
    assert.match(
      formatReferences(hebrewReport(1), 'he').apa,
      /<a href="https:\/\/example.org\/he\/publications\/x" dir="ltr">/,
    );
  });
});

describe('formatReferences', () => {
  const hostile: CslData = {
    id: 'hostile',
    type: 'report',
    title: 'Braces {x} \\ 100% & <script>alert(1)</script>',
    author: [{ family: 'Levin', given: 'Dana' }],
    issued: { 'date-parts': [[2025, 3, 4]] },
    publisher: 'Meridian Institute',
    URL: 'https://example.org/en/publications/hostile',
    language: 'en',
  };

  it('escapes markup in the data', () => {
    const { apa } = formatReferences(hostile, 'en');
    assert.doesNotMatch(apa, /<script/);
    assert.ok(apa.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(plain(apa).includes(hostile.title as string));
  });

  it("leaves citation-js's long-lived engines empty after each reference", () => {
    for (let i = 0; i < 5; i++) formatReferences({ ...hostile, id: `item-${i}`, title: `Title ${i}` }, 'en');
    // citation-js hands out the engine it keeps for APA in American English.
    const engine = plugins.config.get('@csl').engine([], 'apa', 'en-US', 'html') as unknown as {
      registry: { ambigcites: object };
      output: { formats: { mystack: unknown[] } };
    };
    assert.deepEqual(Object.keys(engine.registry.ambigcites), []);
    assert.equal(engine.output.formats.mystack.length, 1);
  });

  it('formats an item once and then answers from memory', () => {
    assert.equal(formatReferences(hostile, 'en'), formatReferences({ ...hostile }, 'en'));
  });
});

describe('formatBibtex', () => {
  it('escapes LaTeX specials so the title reads back exactly', () => {
    const title = 'Braces {x} \\ 100% & $5 #1 a_b ~ ^ <script>alert(1)</script>';
    const bib = formatBibtex({ ...hebrewReport(1), title, language: 'en' });
    assert.ok(bib.includes('Braces \\{x\\} \\textbackslash{} 100\\% \\& \\$5 \\#1 a\\_b'));
    assert.ok(bib.includes('\\textless{}script\\textgreater{}'));
    const { entries, errors } = parseBibtex(bib);
    assert.deepEqual(errors, []);
    assert.equal(entries[0]?.fields.title, title);
  });

  it('writes Hebrew as UTF-8 and the series number as BibTeX "number"', () => {
    const { entries } = parseBibtex(formatBibtex(hebrewReport(2)));
    const fields = entries[0]?.fields;
    assert.equal(entries[0]?.type, 'techreport');
    assert.equal(fields?.title, 'אמון הציבור במוסדות: "ממצאי" סקר');
    assert.deepEqual(
      fields?.author?.map((a) => [a.lastName, a.firstName]),
      [
        ['כהן', 'אביטל'],
        ['לוי', 'בועז'],
      ],
    );
    assert.equal(fields?.series, 'נייר מדיניות');
    assert.equal(fields?.number, '12');
    assert.deepEqual(fields?.institution, ['מכון מרידיאן']);
  });
});

describe('formatRis', () => {
  it('keeps a long title on one line, so RIS readers get all of it', () => {
    const title = 'A title long enough to be folded by the library at seventy characters, which RIS cannot read';
    const ris = formatRis({ ...hebrewReport(1), title });
    assert.ok(ris.startsWith('TY  - RPRT\r\n'));
    assert.ok(ris.endsWith('ER  - \r\n'));
    const [record] = parseRis(ris);
    assert.equal(record?.title, title);
    assert.equal(record?.number, '12');
  });
});
