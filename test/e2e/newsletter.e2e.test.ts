import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, listen, seriousAxeViolations, skipWithoutChromium } from '../support/browser.js';
import { createTestSite, type TestSite } from '../support/test-db.js';

describe('newsletter sign-up in Chromium', { skip: skipWithoutChromium }, () => {
  let site: TestSite;
  let browser: Browser;
  let origin: string;

  before(async () => {
    site = await createTestSite('sqlite');
    origin = await listen(site);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  /** Opens a page and records script errors, CSP violations and requests to other hosts. */
  async function open(path: string, javaScriptEnabled = true) {
    const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const problems: string[] = [];
    // Failed loads are checked by status below (the browser also asks for /favicon.ico, which we do not have).
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
        problems.push(message.text());
    });
    page.on('response', (response) => {
      if (response.status() >= 400 && !response.url().endsWith('/favicon.ico'))
        problems.push(`${response.status()} ${response.url()}`);
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('request', (request) => {
      if (!request.url().startsWith(origin)) problems.push(`off-site request: ${request.url()}`);
    });
    assert.equal((await page.goto(origin + path))?.status(), 200);
    return { page, problems };
  }

  async function ledgerKeys(): Promise<string[]> {
    const rows = await site.db.kysely
      .selectFrom('sign_in_failures')
      .select('key')
      .where('key', 'like', 'subscribe-address:%')
      .execute();
    return rows.map((r) => r.key);
  }

  async function signUp(page: Page, email: string) {
    await page.fill('#newsletter-email', email);
    await page.click('.newsletter-box summary');
    await page.locator('.newsletter-box input[name="topics"]').first().check();
    await Promise.all([page.waitForURL(/\/newsletter$/), page.click('.newsletter-box button[type="submit"]')]);
  }

  it('solves the proof of work in the background and signs a Hebrew reader up under the strict CSP', async () => {
    const { page, problems } = await open('/he/');
    await signUp(page, 'browser.reader@example.org');
    assert.match((await page.textContent('h1')) ?? '', /בדקו את תיבת הדואר/);
    assert.deepEqual(problems, []);
    assert.ok(
      (await ledgerKeys()).some((key) => key.startsWith('subscribe-address:proof:')),
      'sent with a solved proof',
    );
    const mail = site.mail.find((m) => m.to === 'browser.reader@example.org');
    assert.ok(mail, 'the confirmation mail went out');
    const subscriber = await site.db.kysely
      .selectFrom('subscribers')
      .select(['lang', 'status'])
      .where('email', '=', 'browser.reader@example.org')
      .executeTakeFirstOrThrow();
    assert.deepEqual(subscriber, { lang: 'he', status: 'pending' });
    await page.context().close();
  });

  it('signs a reader up without JavaScript', async () => {
    const { page, problems } = await open('/en/', false);
    await signUp(page, 'no.script@example.org');
    assert.match((await page.textContent('h1')) ?? '', /Check your inbox/);
    assert.deepEqual(problems, []);
    assert.ok((await ledgerKeys()).some((key) => key.startsWith('subscribe-address:plain:')));
    assert.ok(site.mail.some((m) => m.to === 'no.script@example.org'));
    await page.context().close();
  });

  it('shows the sign-up page without serious accessibility problems, in both directions', async () => {
    for (const lang of ['en', 'he']) {
      const context = await browser.newContext({ bypassCSP: true });
      const page = await context.newPage();
      await page.goto(`${origin}/${lang}/newsletter`);
      assert.deepEqual(await seriousAxeViolations(page), [], lang);
      await context.close();
    }
  });
});
