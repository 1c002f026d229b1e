import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, listen, seriousAxeViolations, skipWithoutChromium } from '../support/browser.js';
import { createTestSite, type TestSite } from '../support/test-db.js';

const DEMO_YOUTUBE_ID = 'Qm3vT8xLw2A';

describe('video player in Chromium', { skip: skipWithoutChromium }, () => {
  let site: TestSite;
  let browser: Browser;
  let origin: string;
  let videoPath: string;

  before(async () => {
    site = await createTestSite('sqlite');
    origin = await listen(site);
    browser = await launchBrowser();
    const video = await site.db.kysely
      .selectFrom('videos')
      .select('id')
      .where('provider', '=', 'youtube')
      .executeTakeFirstOrThrow();
    videoPath = `/en/media/videos/${video.id}`;
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  /** Opens the YouTube video's page, recording every request and script error. */
  async function openVideoPage(javaScriptEnabled: boolean) {
    const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('pageerror', (error) => errors.push(error.message));
    // Offline here anyway; aborting makes the player's request fail at once instead of timing out.
    await page.route('**/*youtube-nocookie.com/**', (route) => route.abort());
    assert.equal((await page.goto(origin + videoPath, { waitUntil: 'networkidle' }))?.status(), 200);
    const offsite = () => requests.filter((url) => !url.startsWith(origin));
    return { page, offsite, errors };
  }

  it('requests nothing from YouTube until play is pressed, then swaps the poster for the youtube-nocookie player', async () => {
    const { page, offsite, errors } = await openVideoPage(true);
    assert.deepEqual(offsite(), [], 'nothing leaves this server before the click');
    assert.equal(await page.locator('.video-stage picture img').count(), 1, 'the local poster is shown');

    await page.click('[data-video-play]');
    const frame = page.locator('.video-stage iframe');
    await frame.waitFor({ state: 'attached' });
    assert.equal(
      await frame.getAttribute('src'),
      `https://www.youtube-nocookie.com/embed/${DEMO_YOUTUBE_ID}?autoplay=1`,
    );
    assert.match((await frame.getAttribute('title')) ?? '', /^Iran after the snapback: .+ — video player$/);
    assert.equal(await page.locator('.video-stage picture').count(), 0, 'the poster was replaced');
    assert.equal(await page.locator('[data-video-play]').count(), 0, 'so was the play link');
    assert.equal(page.url(), origin + videoPath, 'the click did not navigate away');
    assert.ok(
      offsite().every((url) => url.startsWith('https://www.youtube-nocookie.com/embed/')),
      `only the player was requested: ${offsite().join(', ')}`,
    );
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('without JavaScript, offers the video on YouTube as an ordinary link and requests nothing from it', async () => {
    const { page, offsite } = await openVideoPage(false);
    const play = page.locator('[data-video-play]');
    assert.equal(await play.getAttribute('href'), `https://www.youtube.com/watch?v=${DEMO_YOUTUBE_ID}`);
    assert.equal(await page.locator('iframe').count(), 0);
    assert.deepEqual(offsite(), []);
    await page.context().close();
  });

  it('shows the media page and the video gallery without serious accessibility problems', async () => {
    for (const path of ['/en/media', '/he/media/videos']) {
      const context = await browser.newContext({ bypassCSP: true });
      const page = await context.newPage();
      assert.equal((await page.goto(origin + path))?.status(), 200, path);
      assert.deepEqual(await seriousAxeViolations(page), [], path);
      await context.close();
    }
  });
});
