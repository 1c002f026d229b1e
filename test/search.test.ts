import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Lang } from '../src/db/schema.js';
import { search, type SearchOutcome } from '../src/search/search-service.js';
import { createTestSite, testEngines, type TestSite } from './support/test-db.js';

type Results = Extract<SearchOutcome, { kind: 'results' }>;

for (const { engine, skip } of await testEngines()) {
  describe(`search on ${engine}`, { skip }, () => {
    let site: TestSite;
    let typeId: number;
    let otherTypeId: number;
    let personId: number;

    const add = async (
      lang: Lang,
      slug: string,
      title: string,
      body: string,
      options: { type?: number; year?: number; authors?: number[] } = {},
    ) =>
      site.content.createPublication({
        typeId: options.type ?? typeId,
        lang,
        title,
        slug,
        summary: '',
        body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: body }] }] },
        status: 'published',
        publishedAt: `${options.year ?? 2024}-05-01T09:00:00.000Z`,
        authorIds: options.authors ?? [],
        topicIds: [],
      });
    const run = async (q: string, filters = {}, page = 1) => {
      const outcome = await search(site.db, q, filters, page);
      assert.equal(outcome.kind, 'results', `"${q}" should produce results`);
      return outcome as Results;
    };
    const slugsFor = async (q: string, filters = {}) => (await run(q, filters)).hits.map((h) => h.card.slug);

    before(async () => {
      site = await createTestSite(engine, { seed: false });
      const db = site.db.kysely;
      typeId = (
        await db
          .insertInto('publication_types')
          .values({
            slug: 'note',
            name_en: 'Note',
            name_he: 'הערה',
            plural_en: 'Notes',
            plural_he: 'הערות',
            numbered: 0,
            has_volumes: 0,
            has_pdf: 0,
            position: 0,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      otherTypeId = (
        await db
          .insertInto('publication_types')
          .values({
            slug: 'paper',
            name_en: 'Paper',
            name_he: 'מאמר',
            plural_en: 'Papers',
            plural_he: 'מאמרים',
            numbered: 0,
            has_volumes: 0,
            has_pdf: 0,
            position: 1,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      personId = (
        await db
          .insertInto('people')
          .values({
            slug: 'ada',
            name_en: 'Ada Zamir',
            name_he: 'עדה זמיר',
            role_en: '',
            role_he: '',
            bio_en: '',
            bio_he: '',
            photo_media_id: null,
            position: 0,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      await add('he', 'corridor-bare', 'סקירה אזורית', 'המסדרון עובר בין ההרים ומחבר שתי מדינות.');
      await add('he', 'corridor-prefixed', 'דיון במפה', 'הרוסים תומכים באזרבייג׳ן במסדרון זנגזור.', {
        year: 2025,
        type: otherTypeId,
      });
      await add('he', 'corridor-double-prefix', 'מבט נוסף', 'ובמסדרון הצפוני נרשמה תנועה ערה.');
      await add('he', 'niqqud', 'טקסט מנוקד', 'שָׁלוֹם עַל יִשְׂרָאֵל וְצה״ל בכוננות.');
      await add('en', 'sanctions-body', 'Oil markets', 'New sanctions were announced against the shipping network.', {
        authors: [personId],
      });
      await add('en', 'sanctions-title', 'Sanctions and their limits', 'A discussion of economic pressure.');
      await add('en', 'unrelated', 'Water policy', 'Desalination and agriculture.');
    });
    after(async () => {
      await site?.close();
    });

    it('finds a Hebrew word when it carries prefix letters, and the prefixed form finds the bare word', async () => {
      const all = ['corridor-bare', 'corridor-double-prefix', 'corridor-prefixed'];
      assert.deepEqual((await slugsFor('מסדרון')).sort(), all);
      assert.deepEqual((await slugsFor('במסדרון')).sort(), all);
      assert.deepEqual((await slugsFor('ובמסדרון')).sort(), all);
      assert.deepEqual(await slugsFor('רוסים'), ['corridor-prefixed']);
      assert.deepEqual(await slugsFor('אזרבייג׳ן'), ['corridor-prefixed']);
      assert.deepEqual(await slugsFor("אזרבייג'ן"), ['corridor-prefixed']);
    });

    it('ignores niqqud and spelling of gershayim', async () => {
      assert.deepEqual(await slugsFor('שלום'), ['niqqud']);
      assert.deepEqual(await slugsFor('צה"ל'), ['niqqud']);
    });

    it('ranks title matches above body matches and matches longer English words', async () => {
      const slugs = await slugsFor('sanction');
      assert.deepEqual(slugs, ['sanctions-title', 'sanctions-body']);
    });

    it('finds publications by author name in either language', async () => {
      assert.deepEqual(await slugsFor('Zamir'), ['sanctions-body']);
      assert.deepEqual(await slugsFor('זמיר'), ['sanctions-body']);
    });

    it('counts facets and filters by them', async () => {
      const r = await run('מסדרון');
      assert.equal(r.facets.year.get(2024), 2);
      assert.equal(r.facets.year.get(2025), 1);
      assert.equal(r.facets.type.get(typeId), 2);
      assert.equal(r.facets.type.get(otherTypeId), 1);
      assert.equal(r.facets.language.get('he'), 3);
      const filtered = await run('מסדרון', { year: 2025 });
      assert.deepEqual(
        filtered.hits.map((h) => h.card.slug),
        ['corridor-prefixed'],
      );
      // Other facets are counted within the filtered set; the year facet still offers 2024.
      assert.equal(filtered.facets.type.get(typeId), undefined);
      assert.equal(filtered.facets.year.get(2024), 2);
      assert.equal((await run('sanction', { author: personId })).total, 1);
      assert.equal((await run('sanction', { language: 'he' })).total, 0);
    });

    it('highlights matches in snippets and titles, escaping the text', async () => {
      const r = await run('במסדרון');
      const hit = r.hits.find((h) => h.card.slug === 'corridor-prefixed');
      assert.ok(hit);
      assert.match(hit.snippetHtml, /<mark>במסדרון<\/mark>/);
      const t = await run('sanctions');
      assert.match(t.hits[0]!.titleHtml, /<mark>Sanctions<\/mark> and their limits/);
    });

    it('pages results', async () => {
      for (let i = 0; i < 12; i++) await add('en', `pager-${i}`, `Pager item ${i}`, 'Quarterly pagination check.');
      const first = await run('pagination');
      assert.equal(first.total, 12);
      assert.equal(first.pageCount, 2);
      assert.equal(first.hits.length, 10);
      const second = await run('pagination', {}, 2);
      assert.equal(second.hits.length, 2);
      assert.equal(new Set([...first.hits, ...second.hits].map((h) => h.card.id)).size, 12);
    });

    it('answers empty, huge and operator-laden queries without failing', async () => {
      assert.equal((await search(site.db, '   ', {}, 1)).kind, 'empty');
      assert.equal((await search(site.db, 'x'.repeat(501), {}, 1)).kind, 'too-long');
      assert.equal((await search(site.db, '"" * ( ) : ^ -', {}, 1)).kind, 'no-words');
      for (const q of [
        'NEAR(oil water)',
        'oil" OR "water',
        "'; drop table publications; --",
        'title:oil',
        'a*b* OR NOT',
        '\\x00 \u0000 oil',
      ]) {
        const outcome = await search(site.db, q, {}, 1);
        assert.ok(['results', 'no-words'].includes(outcome.kind), q);
      }
      const res = await site.app.inject({ url: `/en/search?q=${'%D7%90'.repeat(600)}` });
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /please keep it under 500 characters/);
      const none = await site.app.inject({ url: '/he/search?q=' + encodeURIComponent('קוונטי') });
      assert.equal(none.statusCode, 200);
      assert.match(none.body, /לא נמצאו תוצאות/);
      assert.match(none.body, /נסו פחות מילים/);
    });

    it('drops unpublished publications from the index', async () => {
      await site.db.kysely
        .updateTable('publications')
        .set({ status: 'archived' })
        .where('slug', '=', 'unrelated')
        .execute();
      const row = await site.db.kysely
        .selectFrom('publications')
        .select('id')
        .where('slug', '=', 'unrelated')
        .executeTakeFirstOrThrow();
      await site.content.indexPublication(site.db.kysely, row.id);
      assert.equal(
        (await search(site.db, 'desalination', {}, 1)).kind === 'results' ? (await run('desalination')).total : -1,
        0,
      );
    });
  });
}
