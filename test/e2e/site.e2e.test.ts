import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, listen, seriousAxeViolations, skipWithoutChromium } from '../support/browser.js';
import { createTestSite, type TestSite } from '../support/test-db.js';

describe('public site in Chromium', { skip: skipWithoutChromium }, () => {
  let site: TestSite;
  let browser: Browser;
  let origin: string;
  const offsite: string[] = [];

  before(async () => {
    site = await createTestSite('sqlite');
    origin = await listen(site);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  /** Opens a page at a phone width, recording every request that leaves this server. */
  async function open(path: string): Promise<Page> {
    // bypassCSP only lets the test inject axe-core; the site's own CSP stays strict.
    const page = await browser.newPage({ viewport: { width: 360, height: 740 }, bypassCSP: true });
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(origin) && !url.startsWith('data:')) offsite.push(url);
    });
    const response = await page.goto(origin + path);
    assert.equal(response?.status(), 200, path);
    return page;
  }

  async function publicationPath(lang: 'en' | 'he'): Promise<string> {
    const row = await site.db.kysely
      .selectFrom('publications')
      .select('slug')
      .where('lang', '=', lang)
      .where('pdf_media_id', 'is not', null)
      // A publication that has its translation, so the language switch can be followed.
      .where('translation_group', 'in', (eb) =>
        eb.selectFrom('publications').select('translation_group').where('lang', '!=', lang),
      )
      .orderBy('published_at', 'desc')
      .executeTakeFirstOrThrow();
    return `/${lang}/publications/${encodeURIComponent(row.slug)}`;
  }

  it('opens the home page, publications in both languages, a listing and a search with no serious axe violations', async () => {
    const paths = [
      '/en/',
      '/he/',
      await publicationPath('en'),
      await publicationPath('he'),
      '/en/topics/regional',
      `/he/search?q=${encodeURIComponent('במסדרון')}`,
      '/en/search?q=iran',
    ];
    for (const path of paths) {
      const page = await open(path);
      assert.deepEqual(await seriousAxeViolations(page), [], path);
      // Nothing overflows a 360 px wide phone screen.
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      assert.ok(overflow <= 0, `${path} is ${overflow}px wider than the phone`);
      await page.close();
    }
  });

  it('lays Hebrew pages out right to left and lets a keyboard user skip to the content', async () => {
    const page = await open(await publicationPath('he'));
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).direction), 'rtl');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    assert.equal(focused, 'דילוג לתוכן');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    assert.notEqual(outline, 'none', 'the focused link shows a visible focus ring');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => location.hash), '#main');
    await page.close();
  });

  it('switches from an English publication to its Hebrew translation', async () => {
    const page = await open(await publicationPath('en'));
    await page.locator('.translation-link a').click();
    await page.waitForURL(/\/he\/publications\//);
    assert.equal(await page.getAttribute('html', 'lang'), 'he');
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    await page.close();
  });

  it('prints a publication without the site around it, ending with its citation and address', async () => {
    for (const lang of ['en', 'he'] as const) {
      const path = await publicationPath(lang);
      const page = await open(path);
      await page.emulateMedia({ media: 'print' });
      const shown = (selector: string) =>
        page.$eval(selector, (element) => getComputedStyle(element).display !== 'none').catch(() => false);
      for (const chrome of ['.site-header', '.site-footer', '.newsletter-box', '.cite-box', '.skip-links']) {
        assert.equal(await shown(chrome), false, `${chrome} is not printed (${lang})`);
      }
      assert.equal(await shown('#publication-title'), true);
      assert.equal(await shown('.print-citation'), true);
      const footer = (await page.textContent('.print-citation')) ?? '';
      assert.ok(
        footer.includes(path.split('/').pop()!) || footer.includes(encodeURI(path)),
        'the page address is printed',
      );
      const title = (await page.textContent('#publication-title'))?.trim() ?? '';
      assert.ok(footer.includes(title), 'the printed reference names the publication');
      const pdf = await page.pdf({ format: 'A4' });
      assert.ok(pdf.length > 1000, 'Chromium prints it');
      await page.close();
    }
  });

  it('made no request to any host but this server', () => {
    assert.deepEqual(offsite, []);
  });
});
