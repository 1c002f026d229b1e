import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { publishDue } from '../../src/editorial/scheduler.js';
import { DEMO_PASSWORD } from '../../src/seed/demo-users.js';
import { sampleDocx, sampleDocxContent } from '../support/make-docx.js';
import { launchBrowser, seriousAxeViolations, listen, skipWithoutChromium } from '../support/browser.js';
import { createTestSite, type TestSite } from '../support/test-db.js';

describe('editorial journey in Chromium', { skip: skipWithoutChromium }, () => {
  let site: TestSite;
  let browser: Browser;
  let origin: string;
  const problems: string[] = [];

  before(async () => {
    site = await createTestSite('sqlite');
    origin = await listen(site);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  /** A signed-in page under the admin's real CSP; script errors and CSP refusals are collected. */
  async function signedIn(email: string): Promise<Page> {
    const page = await (await browser.newContext()).newPage();
    page.on('pageerror', (e) => problems.push(`${email}: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) problems.push(m.text());
    });
    await page.goto(`${origin}/admin`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/admin\/publications/);
    return page;
  }

  async function axeSerious(path: string, cookieFrom: Page): Promise<string[]> {
    const context = await browser.newContext({ bypassCSP: true });
    await context.addCookies(await cookieFrom.context().cookies());
    const page = await context.newPage();
    await page.goto(origin + path);
    const found = await seriousAxeViolations(page);
    await context.close();
    return found.map((v) => `${path}: ${v}`);
  }

  const idFromUrl = (page: Page) => Number(/\/admin\/publications\/(\d+)/.exec(page.url())?.[1]);

  it('imports a Word file, adds a Hebrew translation, goes through review and appears on the site and in search', async () => {
    const author = await signedIn('author@meridian.example');
    await author.goto(`${origin}/admin/publications/import`);
    await author.getByLabel('Word file (.docx)').setInputFiles({
      name: 'water-security.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: await sampleDocx(),
    });
    await author.getByRole('button', { name: 'Import' }).click();
    await author.getByText('Everything in the file was kept.').waitFor();
    await author.locator('.ProseMirror').waitFor();
    const id =
      idFromUrl(author) ||
      Number(
        await author
          .locator('form.publication-form')
          .getAttribute('action')
          .then((a) => a?.split('/').pop()),
      );
    assert.ok(id > 0);
    assert.equal(await author.getByLabel('Title', { exact: true }).inputValue(), sampleDocxContent.title);
    await author.getByLabel('Summary').fill('How falling rainfall and rising demand reshape water policy.');
    await author.getByLabel('Author 1').selectOption({ index: 1 });
    await author.getByRole('button', { name: 'Save', exact: true }).click();
    await author.getByText('Saved.').waitFor();

    await author.getByRole('button', { name: 'Add the Hebrew translation' }).click();
    await author.getByText('The translation was created as a draft').waitFor();
    const heId = idFromUrl(author);
    await author.getByLabel('Title', { exact: true }).fill('ביטחון מים בבקעת הירדן');
    await author.getByLabel('Summary').fill('כיצד ירידת המשקעים והביקוש הגובר משנים את מדיניות המים.');
    await author.getByRole('button', { name: 'Save', exact: true }).click();
    await author.getByText('Saved.').waitFor();
    await author.getByRole('button', { name: 'Send for review' }).click();
    await author.goto(`${origin}/admin/publications/${id}`);
    await author.getByRole('button', { name: 'Send for review' }).click();
    await author.getByText('In review').first().waitFor();
    assert.equal(await author.getByRole('button', { name: 'Publish now' }).count(), 0, 'authors cannot publish');
    problems.push(...(await axeSerious(`/admin/publications/${id}`, author)));

    const editor = await signedIn('editor@meridian.example');
    for (const pid of [id, heId]) {
      await editor.goto(`${origin}/admin/publications/${pid}`);
      await editor.getByRole('button', { name: 'Publish now' }).click();
      await editor.getByText('Status: Published').waitFor();
    }
    const rows = await site.db.kysely
      .selectFrom('publications')
      .select(['id', 'slug', 'lang'])
      .where('id', 'in', [id, heId])
      .execute();
    const en = rows.find((r) => r.lang === 'en')!;
    const he = rows.find((r) => r.lang === 'he')!;
    const reader = await browser.newPage();
    await reader.goto(`${origin}/en/publications/${en.slug}`);
    assert.equal(await reader.locator('h1').textContent(), sampleDocxContent.title);
    assert.equal(await reader.locator('.footnotes li').count(), 1);
    assert.match((await reader.locator('.footnotes li').textContent()) ?? '', /Israel Meteorological Service/);
    await reader.goto(`${origin}/he/publications/${encodeURIComponent(he.slug)}`);
    assert.equal(await reader.locator('html').getAttribute('dir'), 'rtl');
    await reader.goto(`${origin}/en/search?q=rainfall`);
    assert.equal(await reader.locator(`a[href="/en/publications/${en.slug}"]`).count(), 1);
    await reader.goto(`${origin}/he/search?q=${encodeURIComponent('מדיניות המים')}`);
    assert.ok((await reader.locator(`a[href*="/he/publications/"]`).count()) >= 1);

    // Restore the first revision of the English piece after the title was changed.
    await editor.goto(`${origin}/admin/publications/${id}`);
    await editor.getByLabel('Title', { exact: true }).fill('A title to be undone');
    await editor.getByRole('button', { name: 'Save', exact: true }).click();
    await editor.getByText('Saved.').waitFor();
    await editor.goto(`${origin}/admin/publications/${id}/revisions`);
    await editor.getByRole('button', { name: 'Restore this version 1' }).click();
    await editor.getByText('Revision restored as a new version.').waitFor();
    assert.equal(await editor.getByLabel('Title', { exact: true }).inputValue(), sampleDocxContent.title);
    await reader.goto(`${origin}/en/publications/${en.slug}`);
    assert.equal(await reader.locator('h1').textContent(), sampleDocxContent.title);
    assert.deepEqual(problems, []);
  });

  it('schedules a publication that goes live when its time comes', async () => {
    const editor = await signedIn('editor@meridian.example');
    await editor.goto(`${origin}/admin/publications/new`);
    await editor.getByLabel('Title', { exact: true }).fill('Scheduled note on desalination');
    await editor.getByLabel('Summary').fill('A short note, scheduled.');
    await editor.getByRole('button', { name: 'Save', exact: true }).click();
    await editor.getByText('Created.').waitFor();
    const id = idFromUrl(editor);
    const soon = new Date(Date.now() + 2 * 60_000);
    const local = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Asia/Jerusalem',
      dateStyle: 'short',
      timeStyle: 'short',
    })
      .format(soon)
      .replace(' ', 'T');
    await editor.getByLabel(/Publish at/).fill(local);
    await editor.getByRole('button', { name: 'Schedule', exact: true }).click();
    await editor.getByText('Status: Scheduled').waitFor();
    const { slug } = await site.db.kysely
      .selectFrom('publications')
      .select('slug')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const reader = await browser.newPage();
    assert.equal((await reader.goto(`${origin}/en/publications/${slug}`))?.status(), 404);
    // Let the two minutes pass: the stored time moves into the past, then the job runs as
    // `npm start` runs it every few seconds.
    await site.db.kysely
      .updateTable('publications')
      .set({ publish_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', id)
      .execute();
    assert.deepEqual(await publishDue({ db: site.db, content: site.content }), [id]);
    assert.equal((await reader.goto(`${origin}/en/publications/${slug}`))?.status(), 200);
    assert.deepEqual(problems, []);
  });
});
