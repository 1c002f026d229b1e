import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Catalog } from '../content/catalog.js';
import type { Person, Publication, PublicationType } from '../db/schema.js';
import { toCslItem } from './csl-item.js';

function type(id: number, slug: string, flags: Partial<PublicationType>): PublicationType {
  return {
    id,
    slug,
    name_en: `${slug} name`,
    name_he: `${slug} שם`,
    plural_en: `${slug} plural`,
    plural_he: `${slug} רבים`,
    numbered: 0,
    has_volumes: 0,
    has_pdf: 0,
    position: id,
    ...flags,
  };
}

const types = [
  type(1, 'insight', { numbered: 1 }),
  type(2, 'journal', { has_volumes: 1, has_pdf: 1 }),
  type(3, 'special', { has_pdf: 1 }),
  type(4, 'post', {}),
];

function person(id: number, en: string, he: string): Person {
  return {
    id,
    slug: `p${id}`,
    name_en: en,
    name_he: he,
    role_en: '',
    role_he: '',
    bio_en: '',
    bio_he: '',
    photo_media_id: null,
    position: id,
  };
}

const people = [person(1, 'Dr. Dana Levin', 'ד״ר דנה לוין'), person(2, 'Noa Friedman', '')];

const catalog = {
  settings: {
    instituteName: { en: 'Meridian Institute', he: 'מכון מרידיאן' },
    timeZone: 'Asia/Jerusalem',
  },
  typeById: new Map(types.map((t) => [t.id, t])),
  personById: new Map(people.map((p) => [p.id, p])),
} as unknown as Catalog;

function publication(overrides: Partial<Publication>): Publication {
  return {
    id: 7,
    type_id: 1,
    translation_group: 'g',
    lang: 'en',
    series_number: 12,
    volume: null,
    issue: null,
    title: 'A Title',
    slug: 'a-title',
    summary: '',
    body_json: '{}',
    body_html: '',
    body_text: '',
    seo_description: '',
    status: 'published',
    featured: 0,
    published_at: '2025-03-04T07:00:00.000Z',
    updated_at: '2025-03-04T07:00:00.000Z',
    created_at: '2025-03-01T07:00:00.000Z',
    cover_media_id: null,
    pdf_media_id: null,
    audio_media_id: null,
    version: 1,
    owner_user_id: null,
    publish_at: null,
    ...overrides,
  };
}

const itemOf = (p: Partial<Publication>, authorIds = [1, 2]) =>
  toCslItem({ publication: publication(p), authorIds }, catalog, 'https://example.org');

describe('toCslItem', () => {
  it('makes a numbered type a report in its series, with the series number', () => {
    assert.deepEqual(itemOf({}), {
      id: 'publication-7',
      type: 'report',
      'collection-title': 'insight name',
      'collection-number': '12',
      title: 'A Title',
      author: [
        { family: 'Levin', given: 'Dana' },
        { family: 'Friedman', given: 'Noa' },
      ],
      issued: { 'date-parts': [[2025, 3, 4]] },
      publisher: 'Meridian Institute',
      URL: 'https://example.org/en/publications/a-title',
      language: 'en',
    });
  });

  it('makes a type with volumes a journal article named by the listing title', () => {
    const item = itemOf({ type_id: 2, series_number: null, volume: 29, issue: 3 });
    assert.equal(item.type, 'article-journal');
    assert.equal(item['container-title'], 'journal plural');
    assert.equal(item.volume, '29');
    assert.equal(item.issue, '3');
    assert.equal(item['collection-number'], undefined);
  });

  it('gives an unnumbered PDF type its series but no number', () => {
    const item = itemOf({ type_id: 3, series_number: null });
    assert.equal(item.type, 'report');
    assert.equal(item['collection-title'], 'special name');
    assert.equal(item['collection-number'], undefined);
  });

  it('treats short posts as pages of the institute site', () => {
    const item = itemOf({ type_id: 4, series_number: null });
    assert.equal(item.type, 'webpage');
    assert.equal(item['collection-title'], undefined);
  });

  it('writes a Hebrew work in Hebrew, with an ASCII BibTeX key and encoded URL', () => {
    const item = itemOf({ lang: 'he', slug: 'כותרת', title: 'כותרת' });
    assert.equal(item.publisher, 'מכון מרידיאן');
    assert.equal(item['collection-title'], 'insight שם');
    assert.deepEqual(item.author, [
      { family: 'לוין', given: 'דנה' },
      // No Hebrew name on file: the English one stands in.
      { family: 'Friedman', given: 'Noa' },
    ]);
    assert.equal(item.URL, 'https://example.org/he/publications/%D7%9B%D7%95%D7%AA%D7%A8%D7%AA');
    assert.equal(item.language, 'he');
    assert.equal(item['citation-key'], 'publication7');
  });

  it("dates the work by the institute's calendar, not UTC", () => {
    // 23:30 UTC on 4 March is already 5 March in Jerusalem.
    const item = itemOf({ published_at: '2025-03-04T23:30:00.000Z' });
    assert.deepEqual(item.issued, { 'date-parts': [[2025, 3, 5]] });
  });

  it('falls back to the creation date for an unpublished preview', () => {
    assert.deepEqual(itemOf({ published_at: null }).issued, { 'date-parts': [[2025, 3, 1]] });
  });
});
