import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { parse as parseRis } from 'astrocite-ris';
import type { Lang, PublicationStatus } from '../src/db/schema.js';
import { createTestSite, testEngines, type TestSite } from './support/test-db.js';

const INSTITUTE = 'Meridian Institute for Security Studies';
const INSTITUTE_HE = 'מכון מרידיאן למחקרי ביטחון';
const HOSTILE_TITLE = 'Braces {x} \\ 100% & <script>alert(1)</script>';

/** Eight authors, so every style's "et al." threshold is crossed. */
const AUTHORS = [
  ['Dr. Avital Cohen', 'ד״ר אביטל כהן'],
  ['Prof. Boaz Levi', 'פרופ׳ בועז לוי'],
  ['Carmel Ben David', 'כרמל בן דוד'],
  ['Dalia Mizrahi', 'דליה מזרחי'],
  ['Eli Peretz', 'אלי פרץ'],
  ['Fadi Nassar', 'פאדי נסאר'],
  ['Gila Biton', 'גילה ביטון'],
  ['Hanan Shavit', 'חנן שביט'],
] as const;

/** The three formatted references (APA, Chicago, MLA) of a page, as a reader would copy them. */
function references(html: string): string[] {
  return [...html.matchAll(/<dd class="cite-reference"[^>]*>(.*?)<\/dd>/g)].map(([, inner]) =>
    (inner ?? '')
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&'),
  );
}

for (const { engine, skip } of await testEngines()) {
  describe(`citations on ${engine}`, { skip }, () => {
    let site: TestSite;
    const get = (url: string) => site.app.inject({ method: 'GET', url });
    const page = (lang: Lang, slug: string) => `/${lang}/publications/${encodeURIComponent(slug)}`;

    async function publish(input: {
      type: string;
      lang: Lang;
      slug: string;
      title: string;
      number: number | null;
      authors: number[];
      status?: PublicationStatus;
    }) {
      const catalog = await site.content.getCatalog();
      const typeId = catalog.typeBySlug.get(input.type)?.id;
      assert.ok(typeId, `no type ${input.type}`);
      await site.content.createPublication({
        typeId,
        lang: input.lang,
        seriesNumber: input.number,
        title: input.title,
        slug: input.slug,
        summary: 'A publication made for the citation tests.',
        body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Body.' }] }] },
        status: input.status ?? 'published',
        // 23:30 UTC is already the next day in Jerusalem, where the institute dates its work.
        publishedAt: '2024-11-04T23:30:00.000Z',
        authorIds: input.authors,
        topicIds: [],
      });
    }

    before(async () => {
      site = await createTestSite(engine);
      const ids: number[] = [];
      for (const [i, [en, he]] of AUTHORS.entries()) {
        const { id } = await site.db.kysely
          .insertInto('people')
          .values({
            slug: `cite-author-${i}`,
            name_en: en,
            name_he: he,
            role_en: '',
            role_he: '',
            bio_en: '',
            bio_he: '',
            photo_media_id: null,
            position: 100 + i,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        ids.push(id);
      }
      const title = 'Water Security and Regional Stability';
      await publish({ type: 'insight', lang: 'en', slug: 'cite-solo', title, number: 2001, authors: ids.slice(0, 1) });
      await publish({
        type: 'policy-paper',
        lang: 'en',
        slug: 'cite-trio',
        title: 'Deterrence After the War: Three Scenarios',
        number: 77,
        authors: ids.slice(0, 3),
      });
      await publish({
        type: 'memorandum',
        lang: 'en',
        slug: 'cite-octet',
        title: 'Eight Views on the Northern Front',
        number: 5,
        authors: ids,
      });
      await publish({
        type: 'policy-paper',
        lang: 'he',
        slug: 'הרתעה-אחרי-המלחמה',
        title: 'הרתעה אחרי המלחמה: "שלושה" תרחישים',
        number: 78,
        authors: ids.slice(0, 3),
      });
      await publish({
        type: 'insight',
        lang: 'en',
        slug: 'cite-hostile',
        title: HOSTILE_TITLE,
        number: 2002,
        authors: [],
      });
      await publish({
        type: 'insight',
        lang: 'en',
        slug: 'cite-draft',
        title: 'Not Yet',
        number: 2003,
        authors: ids.slice(0, 1),
        status: 'draft',
      });
    });
    after(async () => {
      await site?.close();
    });

    it('shows the cite box, its three styles and the downloads on pages in both languages', async () => {
      const en = (await get(page('en', 'cite-solo'))).body;
      assert.match(en, /<details class="cite-box"><summary>Cite this publication<\/summary>/);
      for (const label of [
        'APA (7th edition)',
        'Chicago (17th edition, notes and bibliography)',
        'MLA (7th edition)',
      ]) {
        assert.ok(en.includes(`<dt>${label}</dt>`), label);
      }
      assert.ok(en.includes('href="/en/publications/cite-solo/cite.bib" type="application/x-bibtex" download>BibTeX'));
      assert.ok(en.includes('href="/en/publications/cite-solo/cite.ris"'));
      assert.ok(en.includes('href="/en/publications/cite-solo/cite.json"'));
      const he = (await get(page('he', 'הרתעה-אחרי-המלחמה'))).body;
      assert.match(he, /<html lang="he" dir="rtl">/);
      assert.match(he, /<summary>לציטוט הפרסום<\/summary>/);
      assert.ok(he.includes('<dt>שיקגו (מהדורה 17, הערות וביבליוגרפיה)</dt>'));
      assert.ok(he.includes(`href="${page('he', 'הרתעה-אחרי-המלחמה')}/cite.ris"`));
      assert.equal(references(he).length, 3);
    });

    it('formats a one-author work in each style, every piece in its place', async () => {
      const url = 'http://dossier.test/en/publications/cite-solo';
      assert.deepEqual(references((await get(page('en', 'cite-solo'))).body), [
        `Cohen, A. (2024). Water Security and Regional Stability (Insight 2001). ${INSTITUTE}. ${url}`,
        `Cohen, Avital. “Water Security and Regional Stability.” Insight 2001. ${INSTITUTE}, November 5, 2024. ${url}.`,
        `Cohen, Avital. Water Security and Regional Stability. ${INSTITUTE}, 2024. Web. Insight 2001.`,
      ]);
    });

    it('lists three authors by each style’s rules', async () => {
      const [apa, chicago, mla] = references((await get(page('en', 'cite-trio'))).body);
      assert.match(apa ?? '', /^Cohen, A\., Levi, B\., & Ben David, C\. \(2024\)\. Deterrence After the War/);
      assert.match(chicago ?? '', /^Cohen, Avital, Boaz Levi, and Carmel Ben David\. “Deterrence After the War/);
      assert.match(mla ?? '', /^Cohen, Avital, Boaz Levi, and Carmel Ben David\. Deterrence After the War/);
    });

    it('lists eight authors in APA and Chicago, and shortens to et al. in MLA', async () => {
      const [apa, chicago, mla] = references((await get(page('en', 'cite-octet'))).body);
      // APA 7 names up to 20 authors; Chicago 17 up to 10; MLA 7 uses "et al." past three.
      assert.match(
        apa ?? '',
        /^Cohen, A\., Levi, B\., Ben David, C\., Mizrahi, D\., Peretz, E\., Nassar, F\., Biton, G\., & Shavit, H\. \(2024\)\./,
      );
      assert.match(
        chicago ?? '',
        /^Cohen, Avital, Boaz Levi, Carmel Ben David, Dalia Mizrahi, Eli Peretz, Fadi Nassar, Gila Biton, and Hanan Shavit\. “Eight Views/,
      );
      assert.match(mla ?? '', /^Cohen, Avital et al\. Eight Views on the Northern Front\./);
    });

    it('formats a Hebrew work with Hebrew conventions and its title intact', async () => {
      const [apa, chicago, mla] = references((await get(page('he', 'הרתעה-אחרי-המלחמה'))).body);
      const url = `http://dossier.test${page('he', 'הרתעה-אחרי-המלחמה')}`;
      assert.equal(
        apa,
        `כהן, א., לוי, ב. ובן דוד, כ. (2024). הרתעה אחרי המלחמה: "שלושה" תרחישים (נייר מדיניות 78). ${INSTITUTE_HE}. ${url}`,
      );
      assert.equal(
        chicago,
        `כהן, אביטל, בועז לוי וכרמל בן דוד. "הרתעה אחרי המלחמה: 'שלושה' תרחישים". נייר מדיניות 78. ${INSTITUTE_HE}, 5 בנובמבר 2024. ${url}.`,
      );
      assert.equal(
        mla,
        `כהן, אביטל, בועז לוי וכרמל בן דוד. הרתעה אחרי המלחמה: "שלושה" תרחישים. ${INSTITUTE_HE}, 2024. Web. נייר מדיניות 78.`,
      );
    });

    it('escapes a hostile title in the page and in BibTeX, and it reads back exactly', async () => {
      const html = (await get(page('en', 'cite-hostile'))).body;
      assert.doesNotMatch(html, /<script>alert/);
      assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
      assert.ok(references(html)[0]?.includes(HOSTILE_TITLE));
      const bib = (await get('/en/publications/cite-hostile/cite.bib')).body;
      assert.ok(bib.includes('Braces \\{x\\} \\textbackslash{} 100\\% \\& \\textless{}script\\textgreater{}'));
      const { entries, errors } = parseBibtex(bib);
      assert.deepEqual(errors, []);
      assert.equal(entries[0]?.fields.title, HOSTILE_TITLE);
    });

    it('serves BibTeX that a BibTeX parser reads back, Hebrew included', async () => {
      const res = await get(`${page('he', 'הרתעה-אחרי-המלחמה')}/cite.bib`);
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'application/x-bibtex; charset=utf-8');
      const { entries, errors } = parseBibtex(res.body);
      assert.deepEqual(errors, []);
      const entry = entries[0];
      assert.equal(entry?.type, 'techreport');
      assert.equal(entry?.fields.title, 'הרתעה אחרי המלחמה: "שלושה" תרחישים');
      assert.deepEqual(
        entry?.fields.author?.map((a) => [a.lastName, a.firstName]),
        [
          ['כהן', 'אביטל'],
          ['לוי', 'בועז'],
          ['בן דוד', 'כרמל'],
        ],
      );
      assert.equal(entry?.fields.year, '2024');
      assert.equal(entry?.fields.url, `http://dossier.test${page('he', 'הרתעה-אחרי-המלחמה')}`);
      assert.equal(entry?.fields.series, 'נייר מדיניות');
      assert.equal(entry?.fields.number, '78');
      assert.deepEqual(entry?.fields.institution, [INSTITUTE_HE]);
    });

    it('serves RIS that an RIS parser reads back', async () => {
      const res = await get('/en/publications/cite-octet/cite.ris');
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'application/x-research-info-systems; charset=utf-8');
      const [record] = parseRis(res.body);
      assert.equal(record?.type, 'report');
      assert.equal(record?.title, 'Eight Views on the Northern Front');
      assert.deepEqual(
        record?.author?.map((a: { family?: string; given?: string }) => [a.family, a.given]),
        [
          ['Cohen', 'Avital'],
          ['Levi', 'Boaz'],
          ['Ben David', 'Carmel'],
          ['Mizrahi', 'Dalia'],
          ['Peretz', 'Eli'],
          ['Nassar', 'Fadi'],
          ['Biton', 'Gila'],
          ['Shavit', 'Hanan'],
        ],
      );
      assert.deepEqual(record?.issued, { 'date-parts': [['2024']] });
      assert.equal(record?.URL, 'http://dossier.test/en/publications/cite-octet');
      // RIS has no series field of its own for reports: the series travels as T2.
      assert.equal(record?.['container-title'], 'Memorandum');
      assert.equal(record?.number, '5');
      assert.equal(record?.publisher, INSTITUTE);
    });

    it('serves CSL-JSON with every field a reference needs', async () => {
      const res = await get(`${page('he', 'הרתעה-אחרי-המלחמה')}/cite.json`);
      assert.equal(res.headers['content-type'], 'application/vnd.citationstyles.csl+json; charset=utf-8');
      const [item, ...rest] = JSON.parse(res.body) as Record<string, unknown>[];
      assert.equal(rest.length, 0);
      assert.equal(item?.type, 'report');
      assert.equal(item?.title, 'הרתעה אחרי המלחמה: "שלושה" תרחישים');
      assert.deepEqual((item?.author as unknown[]).length, 3);
      assert.deepEqual(item?.issued, { 'date-parts': [[2024, 11, 5]] });
      assert.equal(item?.publisher, INSTITUTE_HE);
      assert.equal(item?.['collection-title'], 'נייר מדיניות');
      assert.equal(item?.['collection-number'], '78');
      assert.equal(item?.language, 'he');
      assert.equal(item?.URL, `http://dossier.test${page('he', 'הרתעה-אחרי-המלחמה')}`);
    });

    it('names downloads after the slug, with an ASCII fallback for Hebrew', async () => {
      const en = await get('/en/publications/cite-solo/cite.ris');
      assert.equal(
        en.headers['content-disposition'],
        `attachment; filename="cite-solo.ris"; filename*=UTF-8''cite-solo.ris`,
      );
      const he = await get(`${page('he', 'הרתעה-אחרי-המלחמה')}/cite.json`);
      assert.match(
        String(he.headers['content-disposition']),
        /^attachment; filename="publication-\d+\.json"; filename\*=UTF-8''%D7%94%D7%A8%D7%AA%D7%A2%D7%94-[%0-9A-F-]+\.json$/,
      );
    });

    it('prints the APA reference and the page address at the end of the article', async () => {
      const html = (await get(page('en', 'cite-solo'))).body;
      assert.match(
        html,
        /<footer class="print-citation" hidden><p>Cite as: <span>Cohen, A\. \(2024\)\..*<\/span><\/p><p>Web address: <span dir="ltr">http:\/\/dossier\.test\/en\/publications\/cite-solo<\/span><\/p><\/footer><\/article>/,
      );
    });

    it('answers unknown slugs, drafts and unknown languages with a 404', async () => {
      for (const extension of ['bib', 'ris', 'json']) {
        assert.equal((await get(`/en/publications/no-such-thing/cite.${extension}`)).statusCode, 404);
        assert.equal((await get(`/en/publications/cite-draft/cite.${extension}`)).statusCode, 404);
        assert.equal((await get(`/fr/publications/cite-solo/cite.${extension}`)).statusCode, 404);
      }
      assert.equal((await get('/he/publications/cite-solo/cite.bib')).statusCode, 404);
    });
  });
}
