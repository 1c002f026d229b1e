import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, listen, seriousAxeViolations, skipWithoutChromium } from '../support/browser.js';
import { insertEvent } from '../support/event-helpers.js';
import { createTestSite, type TestSite } from '../support/test-db.js';

describe('event registration in Chromium', { skip: skipWithoutChromium }, () => {
  let site: TestSite;
  let browser: Browser;
  let origin: string;
  let event: Awaited<ReturnType<typeof insertEvent>>;

  before(async () => {
    site = await createTestSite('sqlite');
    const [speaker] = (await site.content.getCatalog()).people;
    event = await insertEvent(
      site.db.kysely,
      'browser',
      { title_he: 'תדריך: המפרץ אחרי ההסכם', capacity: 40 },
      { speakerIds: [speaker!.id] },
    );
    origin = await listen(site);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  it('takes a Hebrew reader from the events list to a confirmed seat, under the strict CSP', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const problems: string[] = [];
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

    assert.equal((await page.goto(`${origin}/he/events`))?.status(), 200);
    await Promise.all([page.waitForURL(/\/he\/events\/.+/), page.click(`text=${event.title_he}`)]);
    assert.equal(await page.textContent('h1'), event.title_he);
    assert.match((await page.textContent('.event-facts')) ?? '', /שעון בריטניה/);

    await page.fill('#registration-name', 'דנה לוי');
    await page.fill('#registration-email', 'dana.levi@example.org');
    await page.fill('#registration-organisation', 'אוניברסיטת תל אביב');
    await Promise.all([page.waitForURL(/\/register$/), page.click('.registration-form button[type="submit"]')]);
    assert.equal(await page.textContent('h1'), 'נרשמתם לאירוע');
    assert.match((await page.textContent('[role="status"]')) ?? '', /dana\.levi@example\.org/);
    assert.deepEqual(problems, []);

    const registration = await site.db.kysely
      .selectFrom('event_registrations')
      .select(['name', 'lang', 'status', 'organisation'])
      .where('email', '=', 'dana.levi@example.org')
      .executeTakeFirstOrThrow();
    assert.deepEqual(registration, {
      name: 'דנה לוי',
      lang: 'he',
      status: 'confirmed',
      organisation: 'אוניברסיטת תל אביב',
    });
    const ledger = await site.db.kysely
      .selectFrom('sign_in_failures')
      .select('key')
      .where('key', 'like', 'register-address:proof:%')
      .execute();
    assert.equal(ledger.length, 1, 'sent with a solved proof of work');
    const mail = site.mail.find((m) => m.to === 'dana.levi@example.org');
    assert.ok(mail?.attachments?.some((a) => a.filename === 'event.ics'));
    await context.close();
  });

  it('adds the times in the visitor’s own zone only where their clock differs', async () => {
    // The test event is in London and the institute in Jerusalem.
    const visitorLine = async (timezoneId: string) => {
      const context = await browser.newContext({ timezoneId, locale: 'en-GB' });
      const page = await context.newPage();
      await page.goto(`${origin}/en/events/${event.slug_en}`);
      const line = page.locator('[data-visitor-time]');
      const text = (await line.isVisible()) ? await line.textContent() : undefined;
      await context.close();
      return text;
    };
    assert.match((await visitorLine('America/New_York')) ?? '', /^In your time zone: .+\(.*Eastern.*\)\.$/);
    assert.equal(await visitorLine('Europe/London'), undefined, 'the event’s own zone is already shown');
    assert.equal(await visitorLine('Asia/Jerusalem'), undefined, 'the institute’s zone is already shown');
  });

  it('shows the events pages without serious accessibility problems, in both directions', async () => {
    const pages = [
      '/he/events',
      `/he/events/${encodeURIComponent(event.slug_he)}`,
      '/en/events',
      `/en/events/${event.slug_en}`,
      '/en/events/past',
    ];
    for (const path of pages) {
      const context = await browser.newContext({ bypassCSP: true });
      const page = await context.newPage();
      await page.goto(origin + path);
      assert.deepEqual(await seriousAxeViolations(page), [], path);
      await context.close();
    }
  });
});
