import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { listRoutes } from '../../src/site/route-list.js';
import { AdminClient, signIn } from '../support/admin-client.js';
import { createTestSite, testEngines, type TestSite } from '../support/test-db.js';

/*
 * T03 of the security plan: SQL and filter injection, on SQLite and on PostgreSQL.
 *
 * Every GET route the router knows is requested with hostile path parameters and query
 * parameters (SQL metacharacters, FTS5 and tsquery operators, Hebrew with niqqud, 10 kB
 * strings, nested query-string objects as in Drupal's SA-CORE-2026-004), then a fast-check
 * run sends random query strings, and the admin's and the public site's forms are posted
 * with the same text. A pass is: no 5xx, no database error text in any body, no Fastify
 * default JSON error (a scope without the site's error handler), and none of the secrets
 * planted in non-public columns in any anonymous response. A static check at the end keeps
 * raw SQL and dynamic identifiers to a reviewed list.
 */

const ADMIN = 'admin@meridian.example';
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_126);

const SQL_PAYLOADS = [
  "'",
  '"',
  '`',
  ';--',
  "' OR '1'='1",
  "1' OR '1'='1' --",
  '1 OR 1=1',
  "') OR ('1'='1",
  '1) UNION SELECT password_hash FROM users--',
  "x' UNION SELECT email, password_hash, 1, 2 FROM users--",
  '1; DROP TABLE publications;--',
  "'; UPDATE users SET role='admin';--",
  '\0',
  'a\0b',
  '\\',
  "\\'",
  '%',
  '_',
  '%_%',
  '$1',
  '?',
  ':name',
  '1 AND SLEEP(5)',
  "1' AND pg_sleep(2)--",
  "' || (SELECT email FROM users LIMIT 1) || '",
  '0x27',
  '-1',
  '0',
  '1e309',
  '99999999999999999999',
  'NaN',
  '1.5',
  ' 1',
  '+1',
  '１',
  '٣',
];
const FTS_PAYLOADS = [
  '""',
  '"unbalanced',
  'NEAR(',
  'NEAR(a b, 2)',
  'a*',
  '*',
  '^a',
  'title:x',
  '{title} : x',
  'body:x',
  'rank:1',
  'a OR b',
  'a NOT b',
  'NOT',
  'AND OR',
  'a-b',
  '-a',
  'a AND (b',
  ')',
  '(((',
  'a"b"c',
  'MATCH x',
];
const TSQUERY_PAYLOADS = [
  'a & b',
  'a | b',
  '!a',
  'a:*',
  ':*',
  'a <-> b',
  'a <2> b',
  "'a'",
  'a:A',
  'a:ABCD',
  '&',
  '|',
  '!',
  '()',
  'a & !',
  "'''",
  'a & (b | !c)',
];
const TEXT_PAYLOADS = [
  'שָׁלוֹם',
  'בְּרֵאשִׁית בָּרָא',
  'צה"ל',
  "ג'ורג'",
  'ו',
  '\u202Eevil\u202C',
  '\u200F\u200E\uFEFF',
  '💥🔥',
  `e${'\u0301'.repeat(200)}`,
  'İß',
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  '../../etc/passwd',
  '%00',
  '%2527',
  '\r\n\t',
];
const LONG_PAYLOADS = [
  'a'.repeat(10_000),
  "'".repeat(10_000),
  'ש'.repeat(5_000),
  'a '.repeat(5_000),
  '"NEAR('.repeat(1_700),
];
const ALL_PAYLOADS = [...SQL_PAYLOADS, ...FTS_PAYLOADS, ...TSQUERY_PAYLOADS, ...TEXT_PAYLOADS, ...LONG_PAYLOADS];
/** For the text parameters of the admin's lists (LIKE patterns): SQL metacharacters and long strings. */
const ADMIN_TEXT_PAYLOADS = [...SQL_PAYLOADS, ...LONG_PAYLOADS, 'שָׁלוֹם', '"NEAR( a & !b:*'];
/** For every other parameter a handler reads. */
const SHORT_PAYLOADS = [
  "' OR '1'='1",
  '1) UNION SELECT password_hash FROM users--',
  '\0',
  '"NEAR( a & !b:*',
  'שָׁלוֹם',
  '-1',
  'a'.repeat(10_000),
];
/** `?page=`, which every listing reads. */
const PAGE_PAYLOADS = ["1' OR '1'='1", 'a'.repeat(10_000)];
const PATH_PAYLOADS = [
  "x' OR '1'='1",
  '1) UNION SELECT password_hash FROM users--',
  '\0',
  '"NEAR( a & !b:*',
  'בְּרֵאשִׁית',
  '..',
  'a'.repeat(10_000),
];
/** Added for parameters that are ids or years. */
const NUMERIC_PATH_PAYLOADS = ['-1', '99999999999999999999', '1.5'];
/** The media wildcard is a file path: walking out of the media folder must find nothing. */
const MEDIA_PATHS = [
  '../dossier.db',
  '..%2Fdossier.db',
  '%2e%2e/dossier.db',
  '%2e%2e%2fdossier.db',
  '....//dossier.db',
  'demo/../../dossier.db',
  '%2E%2E%5Cdossier.db',
  "x' OR '1'='1",
  '%00.jpg',
];

/** Raw query strings (sent as written): nested objects, repeated and prototype keys. */
const NESTED_QUERIES = [
  'filter[a][b][%60]=x',
  'filter[t][condition][path]=title&filter[t][condition][operator]=IN&filter[t][condition][value][%60]=x',
  'sort[]=x',
  'sort=title;DROP',
  'sort[title]=desc',
  'q[]=a&q[]=b',
  'q=a&q=b',
  'q[$ne]=1',
  'page[$gt]=0',
  'page[]=1',
  'page=1&page=2',
  '__proto__[x]=1',
  '__proto__=x',
  'constructor[prototype][x]=1',
  'q[__proto__][x]=1',
  'type[0]=1&topic[]=2&author[$in]=3',
  'year[]=2024&language[]=he',
  'status[]=draft&lang[]=he',
  '%5B%5D=1&%60=2',
  '=x&&&q',
  'q',
  'q=%27%29%29%29%29',
  'order=1%20desc',
  'limit=-1&offset=%27',
];

/** The nested queries sent to every route; the deep routes get all of NESTED_QUERIES. */
const NESTED_FEW = [
  'filter[a][b][%60]=x&sort[]=x&page[$gt]=0',
  'q[]=a&q[]=b&__proto__[x]=1&constructor[prototype][x]=1',
];

/** Query parameters read by the handlers (src/site/query-params.ts, the admin's *Filters functions). */
const QUERY_PARAMS: Record<string, string[]> = {
  '/:lang/search': ['q', 'page', 'type', 'topic', 'author', 'year', 'language'],
  '/:lang/newsletter/confirm': ['token'],
  '/:lang/newsletter/preferences': ['token'],
  '/:lang/newsletter/unsubscribe': ['token'],
  '/:lang/events/cancel': ['token'],
  '/admin/sign-in': ['next', 'expired', 'reset'],
  '/admin/password/reset': ['token'],
  '/admin/publications': ['q', 'status', 'lang', 'type', 'author', 'topic', 'page', 'notice'],
  '/admin/publications/new': ['lang'],
  '/admin/publications/:id': ['notice'],
  '/admin/publications/:id/revisions': ['from', 'to'],
  '/admin/media': ['q', 'kind', 'page', 'notice'],
  '/admin/api/media': ['q', 'kind', 'page'],
  '/admin/subscribers': ['q', 'status', 'page', 'notice'],
  '/admin/subscribers.csv': ['q', 'status'],
  '/admin/audit': ['entity', 'user', 'page'],
  '/admin/events': ['status', 'period', 'page'],
  '/admin/events/:id/registrations': ['status', 'page'],
  '/admin/events/:id/registrations.csv': ['status'],
  '/admin/newsletter': ['page', 'notice'],
  '/admin/newsletter/:id/preview': ['lang', 'format'],
  '/admin/pages/new': ['translation_of', 'lang'],
};
/** GET pages that need a mailed token: without one they refuse, which is right. */
const TOKEN_PAGES = [
  '/admin/password/reset 410',
  '/:lang/newsletter/confirm 410',
  '/:lang/newsletter/preferences 404',
  '/:lang/newsletter/unsubscribe 404',
  '/:lang/events/cancel 404',
];

/** Free-text parameters that reach a LIKE or a full-text match. */
const TEXT_PARAMS = new Set(['q', 'user', 'entity']);
/** Routes whose parameters reach a query: the long payload lists go to each of their parameters. */
const DEEP_ROUTES = [
  '/:lang/search',
  '/admin/publications',
  '/admin/media',
  '/admin/api/media',
  '/admin/subscribers',
  '/admin/audit',
  '/admin/events',
  '/admin/events/:id/registrations',
];

/**
 * Database error text: SQLite's and PostgreSQL's messages, error codes, the search tables
 * and secret columns, and stack traces. A match that is part of what was sent (the search
 * page repeats the query) is an echo, not a leak.
 */
const LEAK =
  /SQLITE_\w+|SqliteError|\bsqlite3?\b|\bpostgres(?:ql)?\b|syntax error|no such (?:table|column|function)|unrecognized token|\bfts5\b|malformed MATCH|unterminated (?:string|quoted)|at or near|invalid input syntax|(?:relation|column|table|function|schema) "[^"]*" does not exist|violates (?:unique|foreign key|not-null|check) constraint|duplicate key value|invalid byte sequence|\btsquery\b|\bsearch_fts\b|\bsearch_documents\b|\bpassword_hash\b|\btotp_secret\b|\bid_hash\b|ECONNREFUSED|node_modules|\n\s+at [\w.<>]+ \(/gi;

/** Fastify's default error body: a route in a scope that lost the site's error handler. */
const DEFAULT_ERROR_JSON = /^\{"statusCode":\d{3}/;

type InjectResponse = Awaited<ReturnType<TestSite['app']['inject']>>;

function leakIn(body: string, sent: string[]): string | undefined {
  const echoed = sent.join('\n').toLowerCase();
  for (const match of body.matchAll(LEAK)) {
    if (!echoed.includes(match[0].toLowerCase())) return match[0];
  }
  return undefined;
}

interface Canary {
  /** Strings that must never reach an anonymous visitor. */
  secrets: string[];
  /** A word only the draft contains, searched for by the fuzz. */
  draftWord: string;
  draftSlug: string;
}

/** Values for route parameters, keyed by the route text up to and including the parameter. */
type RouteIds = Record<string, string>;
const PARAM = /:[A-Za-z]\w*|\*/g;

function fillRoute(url: string, ids: RouteIds, raw: RouteIds = {}): string {
  return url.replace(PARAM, (param, offset: number) => {
    const key = url.slice(0, offset + param.length);
    if (raw[key] !== undefined) return raw[key];
    const value = ids[key];
    if (value === undefined) throw new Error(`no fixture value for ${key} (route ${url}): add one to routeIds()`);
    return param === '*' ? value : encodeURIComponent(value);
  });
}

function paramKeys(url: string): string[] {
  return [...url.matchAll(PARAM)].map((m) => url.slice(0, m.index + m[0].length));
}

const query = (pairs: [string, string][]) =>
  pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');

for (const { engine, skip } of await testEngines()) {
  describe(`SQL and filter injection on ${engine}`, { skip }, () => {
    let site: TestSite;
    let admin: AdminClient;
    let canary: Canary;
    let ids: RouteIds;
    /** GET routes (method, url) as the router lists them, HEAD left out. */
    let getRoutes: string[];
    let requests = 0;
    const problems: string[] = [];
    const db = () => site.db.kysely;

    /** Checks one response; problems are collected so one run reports all of them. */
    function inspect(res: InjectResponse, label: string, sent: string[], anonymous: boolean) {
      requests++;
      const body = res.body;
      if (res.statusCode >= 500) problems.push(`${label} → HTTP ${res.statusCode}`);
      const leak = leakIn(body, sent);
      if (leak) problems.push(`${label} → database error text ${JSON.stringify(leak)}`);
      if (res.statusCode >= 400 && DEFAULT_ERROR_JSON.test(body)) problems.push(`${label} → Fastify's JSON error`);
      if (anonymous) {
        const headers = JSON.stringify(res.headers);
        for (const secret of canary.secrets) {
          if (sent.some((v) => v.includes(secret))) continue; // the search page repeats its query
          if (body.includes(secret) || headers.includes(secret)) problems.push(`${label} → leaked ${secret}`);
        }
      }
    }

    function report(what: string) {
      const found = problems.splice(0);
      assert.deepEqual(found.slice(0, 25), [], `${what}: ${found.length} problems`);
    }

    const isAdmin = (url: string) => url.startsWith('/admin');

    async function get(url: string, sent: string[], as: 'anonymous' | 'admin' = isAdmin(url) ? 'admin' : 'anonymous') {
      const res = as === 'admin' ? await admin.get(url) : await site.app.inject({ method: 'GET', url });
      inspect(res, `GET ${url.length > 160 ? `${url.slice(0, 160)}…` : url} (${as})`, sent, as === 'anonymous');
      return res;
    }

    async function plantCanaries(): Promise<Canary> {
      const mark = `zqx${randomBytes(5).toString('hex')}`;
      const now = new Date().toISOString();
      const type = await db().selectFrom('publication_types').select('id').orderBy('id').executeTakeFirstOrThrow();
      const draftTitle = `Embargoed ${mark} findings on the reserve budget`;
      const draftSentence = `The embargoed ${mark}body figure is 4.2 billion shekels.`;
      const draftSlug = `canary-${mark}`;
      await site.content.createPublication({
        typeId: type.id,
        lang: 'en',
        title: draftTitle,
        slug: draftSlug,
        summary: draftSentence,
        body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: draftSentence }] }] },
        status: 'draft',
        publishedAt: null,
        authorIds: [],
        topicIds: [],
      });
      const userEmail = `staff.${mark}@hidden.example`;
      const passwordHash = `$argon2id$v=19$m=19456,t=2,p=1$${mark}salt$${mark}hashvalue`;
      await db()
        .insertInto('users')
        .values({
          email: userEmail,
          name: `Hidden ${mark} Staffer`,
          role: 'editor',
          password_hash: passwordHash,
          totp_secret: `TOTP${mark.toUpperCase()}SECRET`,
          totp_last_step: null,
          person_id: null,
          created_at: now,
        })
        .execute();
      const subscriberEmail = `reader.${mark}@hidden.example`;
      const subscriber = await db()
        .insertInto('subscribers')
        .values({
          email: subscriberEmail,
          lang: 'en',
          status: 'confirmed',
          confirm_token_hash: null,
          confirm_expires_at: null,
          link_key: `${mark}linkkey`,
          created_at: now,
          confirmed_at: now,
          unsubscribed_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const event = await db()
        .selectFrom('events')
        .select('id')
        .where('status', '=', 'published')
        .orderBy('id')
        .executeTakeFirstOrThrow();
      const registrantEmail = `guest.${mark}@hidden.example`;
      const registration = await db()
        .insertInto('event_registrations')
        .values({
          event_id: event.id,
          name: `Guest ${mark} Person`,
          email: registrantEmail,
          organisation: `Org ${mark} Ltd`,
          lang: 'en',
          status: 'confirmed',
          link_key: `${mark}reglinkkey`,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const issue = await db()
        .insertInto('newsletter_issues')
        .values({
          subject_en: 'Injection fuzz issue',
          subject_he: 'גיליון בדיקה',
          intro_en: '',
          intro_he: '',
          status: 'draft',
          created_by: (await db().selectFrom('users').select('id').orderBy('id').executeTakeFirstOrThrow()).id,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids['/admin/subscribers/:id'] = String(subscriber.id);
      ids['/admin/events/:id'] = String(event.id);
      ids['/admin/events/:id/registrations/:registrationId'] = String(registration.id);
      ids['/admin/newsletter/:id'] = String(issue.id);
      return {
        secrets: [
          draftTitle,
          `${mark}body`,
          userEmail,
          passwordHash,
          `TOTP${mark.toUpperCase()}SECRET`,
          subscriberEmail,
          `${mark}linkkey`,
          registrantEmail,
          `Guest ${mark} Person`,
          `${mark}reglinkkey`,
        ],
        draftWord: mark,
        draftSlug,
      };
    }

    /** Real slugs and ids, so each fuzzed request reaches its handler rather than a 404. */
    async function routeIds(): Promise<RouteIds> {
      const one = async <T>(q: Promise<T | undefined>) => {
        const row = await q;
        if (!row) throw new Error('the demo seed lacks a row the route walk needs');
        return row;
      };
      const publication = await one(
        db()
          .selectFrom('publications')
          .select(['id', 'slug', 'published_at'])
          .where('lang', '=', 'en')
          .where('status', '=', 'published')
          .orderBy('id')
          .executeTakeFirst(),
      );
      const firstId = async (
        table:
          | 'media'
          | 'users'
          | 'people'
          | 'topics'
          | 'publication_types'
          | 'menu_items'
          | 'pages'
          | 'media_mentions'
          | 'videos'
          | 'podcast_episodes',
      ) => String((await one(db().selectFrom(table).select('id').orderBy('id').executeTakeFirst())).id);
      const home = await site.app.inject({ url: '/en/' });
      const signInPage = await site.app.inject({ url: '/admin/sign-in' });
      return {
        '/:lang': 'en',
        '/:lang/publications/:slug': publication.slug,
        '/:lang/types/:slug': (await one(db().selectFrom('publication_types').select('slug').executeTakeFirst())).slug,
        '/:lang/topics/:slug': (await one(db().selectFrom('topics').select('slug_en').executeTakeFirst())).slug_en,
        '/:lang/experts/:slug': (await one(db().selectFrom('people').select('slug').executeTakeFirst())).slug,
        '/:lang/archive/:year': publication.published_at!.slice(0, 4),
        '/:lang/:slug': (await one(db().selectFrom('pages').select('slug').where('lang', '=', 'en').executeTakeFirst()))
          .slug,
        '/:lang/events/:slug': (
          await one(db().selectFrom('events').select('slug_en').where('status', '=', 'published').executeTakeFirst())
        ).slug_en,
        '/:lang/podcast/:slug': (
          await one(
            db()
              .selectFrom('podcast_episodes')
              .select('slug')
              .where('lang', '=', 'en')
              .where('status', '=', 'published')
              .executeTakeFirst(),
          )
        ).slug,
        '/:lang/media/videos/:id': (
          await one(db().selectFrom('videos').select('id').where('status', '=', 'published').executeTakeFirst())
        ).id.toString(),
        '/sitemaps/:file': '1.xml',
        '/media/*': (await one(db().selectFrom('media').select('path').orderBy('id').executeTakeFirst())).path,
        '/assets/:file': /href="\/assets\/([^"]+)"/.exec(home.body)?.[1] ?? 'missing.css',
        '/admin/assets/:file': /href="\/admin\/assets\/([^"]+)"/.exec(signInPage.body)?.[1] ?? 'missing.css',
        '/admin/publications/:id': String(publication.id),
        '/admin/publications/:id/revisions/:version': '1',
        '/admin/media/:id': await firstId('media'),
        '/admin/users/:id': await firstId('users'),
        '/admin/people/:id': await firstId('people'),
        '/admin/topics/:id': await firstId('topics'),
        '/admin/types/:id': await firstId('publication_types'),
        '/admin/menus/:id': await firstId('menu_items'),
        '/admin/pages/:id': await firstId('pages'),
        '/admin/press/mentions/:id': await firstId('media_mentions'),
        '/admin/press/videos/:id': await firstId('videos'),
        '/admin/podcast/:id': await firstId('podcast_episodes'),
      };
    }

    before(async () => {
      site = await createTestSite(engine);
      ids = await routeIds();
      canary = await plantCanaries();
      admin = await signIn(site.app, ADMIN);
      getRoutes = [
        ...new Set(
          listRoutes(site.app)
            .filter((r) => r.method === 'GET')
            .map((r) => r.url),
        ),
      ];
    });
    after(async () => {
      await site?.close();
    });

    it('the detectors are quiet on every GET route with ordinary input', async () => {
      assert.ok(getRoutes.length > 100, `the router lists ${getRoutes.length} GET routes`);
      // Pages that need a token from a mail, and nothing else, refuse a bare request.
      const refused: string[] = [];
      for (const url of getRoutes) {
        const filled = fillRoute(url, ids);
        const res = await get(filled, []);
        if (res.statusCode >= 400) refused.push(`${url} ${res.statusCode}`);
        // The admin's GET routes, anonymously: a redirect to sign-in, nothing more.
        if (isAdmin(url)) await get(filled, [], 'anonymous');
      }
      assert.deepEqual(refused, TOKEN_PAGES, 'with real ids every other route answers below 400');
      report('baseline');
    });

    it('no GET route answers hostile path parameters with a 500, database text or a secret', async () => {
      const urls: [string, string][] = [];
      for (const url of getRoutes) {
        for (const key of paramKeys(url)) {
          if (key === '/media/*') {
            for (const path of MEDIA_PATHS) urls.push([fillRoute(url, ids, { [key]: path }), decodeSafe(path)]);
            continue;
          }
          const numeric = /(:id|:\w+Id|:version|:year)$/.test(key);
          for (const payload of [...PATH_PAYLOADS, ...(numeric ? NUMERIC_PATH_PAYLOADS : [])])
            urls.push([fillRoute(url, ids, { [key]: encodeURIComponent(payload) }), payload]);
        }
      }
      await inParallel(urls, ([url, sent]) => get(url, [sent]));
      report('path parameters');
    });

    it('no GET route answers hostile query parameters with a 500, database text or a secret', async () => {
      const urls: [string, string[]][] = [];
      for (const url of getRoutes) {
        const filled = fillRoute(url, ids);
        const deep = DEEP_ROUTES.includes(url);
        const params = QUERY_PARAMS[url] ?? [];
        for (const name of params) {
          const payloads = !deep
            ? SHORT_PAYLOADS
            : !TEXT_PARAMS.has(name)
              ? SHORT_PAYLOADS
              : url === '/:lang/search'
                ? ALL_PAYLOADS
                : ADMIN_TEXT_PAYLOADS;
          for (const payload of payloads) urls.push([`${filled}?${query([[name, payload]])}`, [payload]]);
        }
        if (!params.includes('page'))
          for (const payload of PAGE_PAYLOADS) urls.push([`${filled}?${query([['page', payload]])}`, [payload]]);
        // Every parameter as a repeated key: an array where a string is expected.
        const all = [...params, 'page'];
        urls.push([
          `${filled}?${query(all.flatMap((p) => [[p, "' OR 1=1--"] as [string, string], [p, '2']]))}`,
          ["' OR 1=1--"],
        ]);
      }
      await inParallel(urls, ([url, sent]) => get(url, sent));
      report('query parameters');
    });

    it('no GET route trips on nested query-string objects or prototype keys', async () => {
      const urls: string[] = [];
      for (const url of getRoutes) {
        const filled = fillRoute(url, ids);
        for (const raw of DEEP_ROUTES.includes(url) ? NESTED_QUERIES : NESTED_FEW) urls.push(`${filled}?${raw}`);
      }
      await inParallel(urls, (url) => get(url, [decodeSafe(url)]));
      assert.equal(({} as Record<string, unknown>).x, undefined, 'Object.prototype was not polluted');
      report('nested query strings');
    });

    it('the search never finds the draft, and its page is a 404 for visitors', async () => {
      for (const lang of ['en', 'he']) {
        for (const q of [
          canary.draftWord,
          `${canary.draftWord}body`,
          `"${canary.draftWord}"*`,
          `${canary.draftWord}:*`,
        ]) {
          const res = await get(`/${lang}/search?${query([['q', q]])}`, [q]);
          assert.equal(res.statusCode, 200);
          assert.doesNotMatch(res.body, new RegExp(canary.draftSlug), `search for ${q} lists the draft`);
        }
      }
      const draft = await site.app.inject(`/en/publications/${canary.draftSlug}`);
      assert.equal(draft.statusCode, 404);
      assert.ok(!draft.body.includes(canary.secrets[0]!));
      report('draft canary');
    });

    it('fast-check: random query strings, keys and values on every GET route', async () => {
      const unit = fc.constantFrom(
        ...`'"\`;-()*^:&|!<>%\\/{}[]$?#_+=.,~@ \t\n0123456789abcxyzABC`.split(''),
        ' OR ',
        ' AND ',
        ' NOT ',
        'NEAR(',
        ' UNION SELECT ',
        '--',
        '/*',
        ':*',
        'ש',
        'בְּ',
        '\u05BC',
        'é',
        '😀',
        '\u202E',
        '\uFEFF',
        '\0',
        '%00',
        '%',
        '[]',
        '__proto__',
      );
      const text = fc.oneof(
        fc.string({ unit, maxLength: 40 }),
        fc.string({ maxLength: 24 }),
        fc.string({ unit: 'grapheme', maxLength: 16 }),
        fc.nat().map(String),
        fc.integer().map(String),
      );
      const known = [...new Set(Object.values(QUERY_PARAMS).flat())];
      const key = fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...known) },
        {
          weight: 1,
          arbitrary: fc
            .tuple(fc.constantFrom(...known), fc.array(fc.oneof(text, fc.constant('')), { maxLength: 3 }))
            .map(([k, subs]) => k + subs.map((s) => `[${s}]`).join('')),
        },
        { weight: 1, arbitrary: text },
      );
      const routes = getRoutes.filter((u) => u !== '/media/*');
      const request = fc.record({
        route: fc.oneof(
          { weight: 2, arbitrary: fc.constantFrom(...DEEP_ROUTES) },
          { weight: 1, arbitrary: fc.constantFrom(...routes) },
        ),
        pairs: fc.array(fc.tuple(key, text), { minLength: 1, maxLength: 4 }),
        raw: fc.boolean(),
      });
      await fc.assert(
        fc.asyncProperty(request, async ({ route, pairs, raw }) => {
          // `raw` sends the text unencoded: malformed escapes must be a 400, not a 500.
          const qs = raw
            ? pairs.map(([k, v]) => `${k}=${v}`.replace(/[#\s]/g, encodeURIComponent)).join('&')
            : query(pairs);
          const before = problems.length;
          await get(`${fillRoute(route, ids)}?${qs}`, pairs.flat());
          assert.deepEqual(problems.slice(before), []);
        }),
        { numRuns: 250, seed: SEED, endOnFailure: true },
      );
      report('fast-check');
    });

    /** The first form posting to `action` on `page`, as a browser would submit it. */
    async function formOn(page: string, action: string, as: 'admin' | 'anonymous') {
      const res = as === 'admin' ? await admin.get(page) : await site.app.inject(page);
      const form = [...res.body.matchAll(/<form\b[^>]*>[\s\S]*?<\/form>/g)]
        .map((m) => m[0])
        .find((f) => new RegExp(`action="${action.replace(/[/.]/g, '\\$&')}"`).test(f));
      if (!form) throw new Error(`no form posting to ${action} on ${page}`);
      const fields: { name: string; kind: string; value: string }[] = [];
      const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
      for (const m of form.matchAll(/<input\b[^>]*>/g)) {
        const name = attr(m[0], 'name');
        const kind = attr(m[0], 'type') ?? 'text';
        if (!name || kind === 'submit' || kind === 'file') continue;
        if ((kind === 'checkbox' || kind === 'radio') && !/\bchecked\b/.test(m[0])) continue;
        fields.push({ name, kind, value: unescapeHtml(attr(m[0], 'value') ?? '') });
      }
      for (const m of form.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
        const name = attr(m[1]!, 'name');
        if (name) fields.push({ name, kind: 'textarea', value: unescapeHtml(m[2]!) });
      }
      for (const m of form.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
        const name = attr(m[1]!, 'name');
        const options = [...m[2]!.matchAll(/<option\b[^>]*>/g)].map((o) => o[0]);
        const chosen = options.find((o) => /\bselected\b/.test(o)) ?? options.find((o) => attr(o, 'value')) ?? '';
        if (name) fields.push({ name, kind: 'select', value: unescapeHtml(attr(chosen, 'value') ?? '') });
      }
      return fields;
    }

    /** A value that passes the field's format, so the hostile text in the free-text fields gets stored. */
    function plausible(field: { name: string; kind: string; value: string }, n: number): string | undefined {
      if (/_json/.test(field.name)) return JSON.stringify(RICH_TEXT);
      if (field.name === 'target') return '/en/';
      if (field.name === 'external_id') return 'dQw4w9WgXcQ';
      if (/slug/.test(field.name)) return `fuzz-${n}`;
      if (field.kind === 'email' || /email/.test(field.name)) return `fuzz${n}@example.org`;
      if (field.kind === 'url' || /url/.test(field.name)) return `https://example.org/${n}`;
      if (/_on$/.test(field.name)) return '2024-01-01';
      if (field.kind === 'datetime-local')
        return field.name.startsWith('end') ? '2030-01-01T12:00' : '2030-01-01T10:00';
      if (field.kind === 'text' && /external_id|time_zone|phone|target/.test(field.name)) return undefined;
      return field.kind === 'text' || field.kind === 'textarea' ? undefined : field.value;
    }

    /** Rich text with hostile text inside: the editor's JSON is stored and rendered. */
    const RICH_TEXT = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: "x' OR '1'='1 \"NEAR( a & !b:*" }] }],
    };
    const FORM_PAYLOADS = [
      "' OR '1'='1",
      '1) UNION SELECT email, name FROM users--',
      "Robert'); DROP TABLE publications;--",
      '"NEAR( a & !b:* title:x',
      'בְּרֵאשִׁית צה"ל',
      '\\\' \\" %_ $1 ?',
      'a'.repeat(5_000),
      'x\0y',
    ];

    it('the admin forms store and look up hostile text without a 500 or database text', async () => {
      const forms: [string, string][] = [
        ['/admin/publications/new', '/admin/publications'],
        ['/admin/topics/new', '/admin/topics'],
        ['/admin/people/new', '/admin/people'],
        ['/admin/types/new', '/admin/types'],
        ['/admin/menus/new', '/admin/menus'],
        ['/admin/pages/new', '/admin/pages'],
        ['/admin/users/new', '/admin/users'],
        ['/admin/press/mentions/new', '/admin/press/mentions'],
        ['/admin/press/videos/new', '/admin/press/videos'],
        ['/admin/events/new', '/admin/events'],
        ['/admin/newsletter/new', '/admin/newsletter'],
        ['/admin/podcast/new', '/admin/podcast'],
      ];
      let n = 0;
      const saved: string[] = [];
      const publicationId = ids['/admin/publications/:id']!;
      for (const [page, action] of forms) {
        const fields = await formOn(page, action, 'admin');
        // Saved text shows on later pages, so every payload counts as sent.
        const post = async (form: Record<string, string[]>) => {
          const res = await admin.post(action, form);
          if (res.statusCode === 303 || res.statusCode === 201) saved.push(action);
          inspect(res, `POST ${action}`, FORM_PAYLOADS, false);
          return res;
        };
        const build = (value: (f: (typeof fields)[number]) => string) => {
          // An issue needs a publication; the fresh form ticks none.
          const form: Record<string, string[]> =
            action === '/admin/newsletter' ? { publication_ids: [publicationId] } : {};
          for (const f of fields) if (f.name !== '_csrf') (form[f.name] ??= []).push(value(f));
          return form;
        };
        // Hostile text in every free-text field, the rest well-formed: most of these are saved.
        for (const payload of FORM_PAYLOADS) {
          n++;
          await post(build((f) => plausible(f, n) ?? payload));
        }
        // Then each structured field (ids, slugs, numbers, choices) hostile on its own.
        for (const target of fields.filter((f) => f.name !== '_csrf' && plausible(f, 0) !== undefined)) {
          for (const payload of ["' OR '1'='1", '-1']) {
            n++;
            await post(build((f) => (f === target ? payload : (plausible(f, n) ?? 'text'))));
          }
        }
      }
      report('admin forms');
      // Most forms took the hostile text: it went into the database as values.
      const savedForms = new Set(saved);
      assert.ok(savedForms.size >= 8, `only ${[...savedForms].join(', ')} saved hostile text`);
      const topic = await db()
        .selectFrom('topics')
        .select('name_en')
        .where('name_en', '=', "Robert'); DROP TABLE publications;--")
        .executeTakeFirst();
      assert.ok(topic, 'a topic named with SQL was stored as text');
      // The stored text renders everywhere it shows, to staff and to visitors.
      for (const url of [
        '/admin/publications',
        '/admin/topics',
        '/admin/people',
        '/admin/users',
        '/admin/events',
        '/admin/audit',
      ])
        await get(`${url}?q=${encodeURIComponent("' OR 1=1--")}`, [...FORM_PAYLOADS, "' OR 1=1--"]);
      for (const url of [
        '/en/',
        '/he/',
        '/en/topics',
        '/en/experts',
        '/en/events',
        '/en/search?q=robert',
        '/feed.xml',
        '/sitemap.xml',
      ])
        await get(url, FORM_PAYLOADS);
      report('pages showing the stored text');
    });

    it('the public forms refuse or store hostile text without a 500 or database text', async () => {
      const open = await db()
        .selectFrom('events')
        .select('slug_en')
        .where('status', '=', 'published')
        .where('registration_open', '=', 1)
        .where('starts_at', '>', new Date().toISOString())
        .orderBy('starts_at')
        .executeTakeFirstOrThrow();
      const event = open.slug_en;
      const registration = (await formOn(`/en/events/${event}`, `/en/events/${event}/register`, 'anonymous')).map(
        (f) => f.name,
      );
      assert.ok(registration.includes('name') && registration.includes('pow'));
      const post = async (url: string, form: Record<string, string>, sent: string[]) => {
        const res = await site.app.inject({
          method: 'POST',
          url,
          payload: new URLSearchParams(form).toString(),
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        });
        inspect(res, `POST ${url}`, sent, true);
      };
      // One registration and one sign-up with a solved proof of work reach the database
      // (solving takes seconds); the rest are refused before it, after parsing.
      await post(
        `/en/events/${event}/register`,
        {
          name: "' OR '1'='1 Robert'); DROP TABLE event_registrations;--",
          email: 'guest-fuzz@example.org',
          organisation: '1) UNION SELECT email, name FROM users-- "NEAR( a & !b:* בְּרֵאשִׁית',
          website: '',
          pow: await solvedProof(site.app),
        },
        FORM_PAYLOADS,
      );
      await post(
        '/he/newsletter',
        { email: "o'brien-fuzz@example.org", lang: 'he', pow: await solvedProof(site.app) },
        ["o'brien-fuzz@example.org"],
      );
      const stored = await db()
        .selectFrom('event_registrations')
        .select('name')
        .where('email', '=', 'guest-fuzz@example.org')
        .executeTakeFirst();
      assert.equal(stored?.name, "' OR '1'='1 Robert'); DROP TABLE event_registrations;--", 'stored as plain text');
      const subscriber = await db()
        .selectFrom('subscribers')
        .select('id')
        .where('email', '=', "o'brien-fuzz@example.org")
        .executeTakeFirst();
      assert.ok(subscriber, 'the sign-up with a quote in the address was stored');
      for (const payload of FORM_PAYLOADS) {
        await post(
          `/en/events/${event}/register`,
          { name: payload, email: payload, organisation: payload, website: '', pow: payload },
          [payload],
        );
        await post('/en/newsletter', { email: payload, lang: payload, topics: payload, website: '', pow: payload }, [
          payload,
        ]);
        for (const path of [
          '/en/newsletter/confirm',
          '/en/newsletter/preferences',
          '/en/newsletter/unsubscribe',
          '/en/events/cancel',
        ])
          await post(path, { token: payload, topics: payload, lang: payload }, [payload]);
      }
      // The staff sign-in and password forms, as a visitor with the pre-sign-in form token.
      const visitor = new AdminClient(site.app);
      await visitor.get('/admin/sign-in');
      for (const payload of FORM_PAYLOADS.slice(0, 5)) {
        const signInRes = await visitor.post('/admin/sign-in', { email: payload, password: payload });
        inspect(signInRes, 'POST /admin/sign-in', [payload], true);
        const forgot = await visitor.post('/admin/password/forgot', { email: payload });
        inspect(forgot, 'POST /admin/password/forgot', [payload], true);
      }
      report('public forms');
    });

    it('refuses JSON bodies on the public forms, so no field arrives as an object', async () => {
      const before = await db().selectFrom('subscribers').select('id').execute();
      for (const url of ['/en/newsletter', '/en/events/any/register', '/en/newsletter/confirm', '/admin/sign-in']) {
        const res = await site.app.inject({
          method: 'POST',
          url,
          payload: { email: { $gt: '' }, name: ['a', 'b'], token: { length: 1 } },
        });
        assert.ok(res.statusCode === 400 || res.statusCode === 415, `${url}: ${res.statusCode}`);
      }
      assert.equal((await db().selectFrom('subscribers').select('id').execute()).length, before.length);
    });

    it('counts the requests', (t) => {
      t.diagnostic(`${engine}: ${requests} fuzzed requests`);
      assert.ok(requests >= 2000, `only ${requests} requests on ${engine}`);
    });
  });
}

/**
 * A solved proof of work for the public forms, found with synchronous hashing: the same
 * answer as the browser's script (ALTCHA's SHA-256 of salt and number), in a fraction of
 * the time support/newsletter-helpers.ts takes with WebCrypto.
 */
async function solvedProof(app: TestSite['app']): Promise<string> {
  const challenge = (await app.inject({ url: '/newsletter/challenge' })).json();
  for (let n = 0; n <= challenge.maxnumber; n++) {
    if (createHash('sha256').update(`${challenge.salt}${n}`).digest('hex') !== challenge.challenge) continue;
    const { algorithm, salt, signature } = challenge;
    return Buffer.from(
      JSON.stringify({ algorithm, challenge: challenge.challenge, number: n, salt, signature }),
    ).toString('base64');
  }
  throw new Error('challenge could not be solved');
}

/** Runs `work` over `items`, a few at a time: PostgreSQL's round trips overlap. */
async function inParallel<T>(items: T[], work: (item: T) => Promise<unknown>, width = 4): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: width }, worker));
}

function decodeSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function unescapeHtml(text: string): string {
  return text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&');
}

/*
 * Static check. Kysely's `sql` tag turns every `${value}` into a bound parameter, so SQL text
 * can only come from a few escape hatches: sql.raw/lit/ref/id/table/join, a driver's own
 * query() with a built string, a template of SQL not tagged `sql`, and dynamic identifiers
 * in orderBy/groupBy/where. Each use in src/ must be listed here, with why it is safe; a new
 * one fails until reviewed, and an entry that matches nothing any more fails too.
 */
const REVIEWED: { file: string; code: string; why: string }[] = [
  {
    file: 'src/search/sqlite-search-index.ts',
    code: "sql.raw('10.0, 4.0, 3.0, 1.0')",
    why: 'constant bm25 column weights',
  },
  {
    file: 'src/media/media-service.ts',
    code: "sql.raw(db.engine === 'postgres' ? 'ilike' : 'like')",
    why: 'one of two constant operators, chosen by engine',
  },
  { file: 'src/media/image-variants.ts', code: ".raw({ depth: 'uchar' })", why: "sharp's raw pixel output, not SQL" },
  {
    file: 'src/admin/registration-queries.ts',
    code: "sql.ref('event_registrations.id')",
    why: 'a constant column reference',
  },
  ...['src/backup/restore.ts', 'src/backup/table-dump.ts'].flatMap((file) =>
    ['sql.id(', 'sql.join('].map((code) => ({
      file,
      code,
      why:
        'backup and restore name tables and columns from readSchema (the live database catalogue, names ' +
        'checked against TABLE_NAME); a restored archive may only name columns checkTablesFit found there; ' +
        'sql.id quotes them; values are bound',
    })),
  ),
  {
    file: 'src/media/media-service.ts',
    code: 'sql.ref(col)',
    why: "col iterates the constant ['original_name', 'alt_en', 'alt_he']",
  },
  {
    file: 'src/db/create-db.ts',
    code: 'admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`)',
    why: 'schema comes from configuration and is checked against /^[a-z_][a-z0-9_]*$/ first',
  },
  {
    file: 'src/db/create-db.ts',
    code: '`CREATE SCHEMA IF NOT EXISTS ${',
    why: 'the same statement, seen as untagged SQL',
  },
  {
    file: 'src/db/pg-listener.ts',
    code: 'next.query(`LISTEN ${channel}`)',
    why: 'channel is a constant checked against /^[a-z_][a-z0-9_]*$/ first',
  },
  {
    file: 'src/admin/structure/simple-resources.tsx',
    code: '.where(column',
    why: 'column names come from the resource definitions in code',
  },
  {
    file: 'src/admin/structure/simple-resource-routes.tsx',
    code: '.where(f.name',
    why: 'f is a field of a resource definition in code',
  },
  {
    file: 'src/admin/structure/simple-resource-routes.tsx',
    code: '.where(r.positionScope',
    why: 'positionScope is a column named in a resource definition',
  },
  {
    file: 'src/admin/structure/simple-resource-routes.tsx',
    code: '.orderBy(column',
    why: 'r.order: columns named in a resource definition',
  },
  {
    file: 'src/content/publication-queries.ts',
    code: '.groupBy(year',
    why: 'year is the constant sql`substr(p.published_at, 1, 4)`',
  },
  { file: 'src/content/publication-queries.ts', code: '.orderBy(year', why: 'the same constant expression' },
  {
    file: 'src/events/event-queries.ts',
    code: '.where(slugColumn(lang',
    why: "'slug_en' or 'slug_he', by a ternary on lang",
  },
  {
    file: 'src/events/event-queries.ts',
    code: '.where(titleColumn(lang',
    why: "'title_en' or 'title_he', by a ternary on lang",
  },
  { file: 'src/events/event-store.ts', code: '.where(`slug_${lang}`', why: 'lang is a Lang checked by the event form' },
  {
    file: 'src/events/event-store.ts',
    code: '.where(column',
    why: "column is 'status' or 'registration_open', from the caller's constant change",
  },
  {
    file: 'src/admin/event-queries.ts',
    code: ".orderBy('starts_at', order",
    why: "order is 'asc' or 'desc', by a ternary",
  },
  { file: 'src/admin/event-queries.ts', code: ".orderBy('id', order", why: "order is 'asc' or 'desc', by a ternary" },
  { file: 'src/events/event-queries.ts', code: ".orderBy('starts_at', upcoming", why: "'asc' or 'desc', by a ternary" },
  { file: 'src/events/event-queries.ts', code: ".orderBy('id', upcoming", why: "'asc' or 'desc', by a ternary" },
];

const ESCAPE_HATCHES: RegExp[] = [
  // Kysely's raw fragments and identifiers, and the drivers' unsafe doors.
  /\bsql\.(?:raw|lit|ref|id|table|join)\([^)]*\)/g,
  /(?<!\bsql)\.(?:unsafe|raw)\([^)]*\)/g,
  /\.dynamic\.\w+\([^)]*\)/g,
  // A driver's query()/exec()/prepare() with a built string.
  /\b\w+\.(?:query|exec|prepare)\(\s*(?:`[^`]*\$\{[^`]*`|[^)]*\+[^)]*)\)/g,
  // Identifiers that are not string literals or callbacks, in the filter and sort clauses.
  /\.(?:where|orWhere|whereRef|having|groupBy|orderBy)\(\s*(?![\s'"(]|(?:eb|qb|sql)\b|\w+\s*=>|\[)[^,)]+/g,
  // A sort direction that is not a literal.
  /\.orderBy\(\s*'[^']*',\s*(?!['"])[\w.]+/g,
];
/** SQL written as a template or a concatenation that is not Kysely's `sql` tag. */
const UNTAGGED_SQL = [
  /(?<!\bsql(?:<[^`]*?>)?)`\s*(?:select|insert\s+into|update|delete\s+from|create|drop|alter|pragma|attach|with)\b[^`]*\$\{/gi,
  /(['"])\s*(?:select|insert\s+into|update|delete\s+from)\b[^'"\n]*\1\s*\+/gi,
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('SQL is built only from parameters and reviewed identifiers', () => {
  it('finds no raw SQL, built query string or dynamic identifier outside the reviewed list', () => {
    const root = new URL('../../', import.meta.url).pathname;
    const found: { file: string; code: string }[] = [];
    for (const path of sourceFiles(join(root, 'src'))) {
      const file = relative(root, path);
      const text = readFileSync(path, 'utf8');
      for (const pattern of [...ESCAPE_HATCHES, ...UNTAGGED_SQL])
        for (const m of text.matchAll(pattern)) found.push({ file, code: m[0].replace(/\s+/g, ' ').trim() });
    }
    const reviewed = (f: { file: string; code: string }) =>
      REVIEWED.some((r) => r.file === f.file && f.code.startsWith(r.code));
    const unreviewed = found.filter((f) => !reviewed(f));
    assert.deepEqual(
      unreviewed,
      [],
      'raw SQL or a dynamic identifier needs review: add it to REVIEWED with the reason',
    );
    const stale = REVIEWED.filter((r) => !found.some((f) => f.file === r.file && f.code.startsWith(r.code)));
    assert.deepEqual(stale, [], 'reviewed entries that match nothing any more: remove them');
  });

  it('the patterns catch what they are for', () => {
    const samples = [
      'sql.raw(userInput)',
      'db.query(`select * from t where a = ${x}`)',
      "q.orderBy(request.query.sort, 'asc')",
      "q.where(field, '=', 1)",
      "q.orderBy('id', dir)",
      'const s = `select * from users where email = ${email}`',
      "const s = 'select * from users where id = ' + id",
    ];
    for (const sample of samples) {
      const hit = [...ESCAPE_HATCHES, ...UNTAGGED_SQL].some((p) => new RegExp(p.source, p.flags).test(sample));
      assert.ok(hit, `no pattern catches ${sample}`);
    }
    const safe = [
      'sql`select * from t where a = ${x}`',
      'sql<Row>`select 1 from t where a = ${x}`',
      "q.where('id', '=', id)",
    ];
    for (const sample of safe) {
      const hit = [...ESCAPE_HATCHES, ...UNTAGGED_SQL].some((p) => new RegExp(p.source, p.flags).test(sample));
      assert.ok(!hit, `a pattern flags the safe ${sample}`);
    }
  });
});
