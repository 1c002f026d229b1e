import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { adminTranslator } from '../../src/admin/i18n/index.js';
import { publicationValues } from '../../src/admin/views/publication-form.js';
import type { Database } from '../../src/db/schema.js';
import { loadPublication } from '../../src/editorial/publication-store.js';
import type { RouteEntry } from '../../src/site/route-list.js';
import {
  allRoutes,
  cloneRow,
  createDraftFor,
  fillRoute,
  prepareRouteFixtures,
  routeParamKeys,
  staffSession,
  type RouteFixtures,
  type RouteIds,
  type StaffCredentials,
  type StaffMember,
} from '../support/route-fixtures.js';
import { createTestSite, testEngines, type TestSite } from '../support/test-db.js';

/*
 * T01 of the security plan: every route the router has, for every role, against the
 * committed matrix in route-matrix.json; then the object-level rules (whose draft, which
 * fields) that a per-route matrix cannot express.
 */

const ROLES = ['anonymous', 'subscriber', 'contributor', 'author', 'editor', 'admin'] as const;
type RoleName = (typeof ROLES)[number];
type StaffRole = Exclude<RoleName, 'anonymous' | 'subscriber'>;
const OUTCOME = /^(allow|deny|signin|[1-5]\d\d)$/;

/** How many reads or refusals are in flight at once. */
const PARALLEL_READS = 4;

/** Outcomes of requests that must leave every row as it was. */
const REFUSALS = new Set(['deny', 'signin', '403', '404', '410']);

const HOST = 'dossier.test';
const FORM = 'application/x-www-form-urlencoded';
/** Before sign-in the admin's forms use a double-submit cookie; any matching pair passes. */
const PRE_SIGN_IN_CSRF = 'route-matrix-pre-sign-in-token';

type Matrix = Record<string, string[]>;

function loadMatrix(): Matrix {
  const file = JSON.parse(readFileSync(new URL('./route-matrix.json', import.meta.url), 'utf8')) as {
    roles: string[];
    routes: Record<string, string>;
  };
  assert.deepEqual(file.roles, [...ROLES], 'route-matrix.json: the columns must be these roles, in this order');
  const matrix: Matrix = {};
  for (const [key, row] of Object.entries(file.routes)) {
    const cells = row.trim().split(/\s+/);
    const valid = cells.length === ROLES.length && cells.every((c) => OUTCOME.test(c));
    assert.ok(valid, `route-matrix.json: "${key}" needs ${ROLES.length} outcomes, got "${row}"`);
    matrix[key] = cells;
  }
  return matrix;
}

const routeKey = (route: RouteEntry) => `${route.method} ${route.url}`;

/** Every difference between the router and the matrix, each naming its route. */
function coverageProblems(routes: RouteEntry[], matrix: Matrix): string[] {
  const registered = new Set(routes.map(routeKey));
  return [
    ...[...registered].filter((key) => !(key in matrix)).map((key) => `missing from route-matrix.json: ${key}`),
    ...Object.keys(matrix)
      .filter((key) => !registered.has(key))
      .map((key) => `in route-matrix.json but not in the router: ${key}`),
  ];
}

// ---------------------------------------------------------------------------------------------
// Row snapshots

/** Columns that change on requests that are only read or refused, by design. */
const VOLATILE_COLUMNS: Record<string, string[]> = {
  // findSession moves last_seen_at (at most once a minute) to time idle sessions out.
  sessions: ['last_seen_at'],
  // A ledger: reading a subscriber or attendee export is recorded, and refusals may be (T20).
  // What a refused request must not change is in the other tables.
  audit_log: ['*'],
};

type Snapshot = Map<string, string>;

const digest = (text: string) => createHash('sha256').update(text).digest('base64url');

async function tableNames(db: TestSite['db']): Promise<string[]> {
  const query =
    db.engine === 'sqlite'
      ? sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`
      : sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'`;
  return (await query.execute(db.kysely)).rows.map((r) => r.name).sort();
}

/** A hash of every row of every table (the search index and migration records included), or of `only`. */
async function snapshot(db: TestSite['db'], only?: string[]): Promise<Snapshot> {
  const hashes: Snapshot = new Map();
  for (const table of only ?? (await tableNames(db))) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db.kysely);
    const volatile = VOLATILE_COLUMNS[table] ?? [];
    if (volatile.includes('*')) continue;
    const rowHashes = rows.map((row) =>
      digest(JSON.stringify(Object.entries(row).filter(([column]) => !volatile.includes(column)))),
    );
    hashes.set(table, digest(rowHashes.sort().join('\n')));
  }
  return hashes;
}

function changedTables(before: Snapshot, after: Snapshot): string[] {
  const tables = new Set([...before.keys(), ...after.keys()]);
  return [...tables].filter((t) => before.get(t) !== after.get(t));
}

// ---------------------------------------------------------------------------------------------
// Requests

interface Actor {
  role: RoleName;
  /** Each role its own address, so one role's failed sign-ins never throttle another. */
  ip: string;
  member?: StaffMember;
  creds?: StaffCredentials;
}

type Form = Record<string, string | string[]>;

interface Outgoing {
  method: string;
  url: string;
  payload?: string | Buffer;
  contentType?: string;
}

function csrfOf(actor: Actor): string {
  return actor.creds?.csrf ?? PRE_SIGN_IN_CSRF;
}

function encodeForm(actor: Actor, form: Form): string {
  const body = new URLSearchParams({ _csrf: csrfOf(actor) });
  for (const [name, value] of Object.entries(form)) for (const item of [value].flat()) body.append(name, item);
  return body.toString();
}

/** An upload form carrying only the token: enough to meet the route's policy and CSRF check. */
function multipartForm(actor: Actor): Pick<Outgoing, 'payload' | 'contentType'> {
  const boundary = 'route-matrix-boundary';
  const payload = `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrfOf(actor)}\r\n--${boundary}--\r\n`;
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

function send(site: TestSite, actor: Actor, request: Outgoing) {
  const cookie = actor.creds ? `dossier_session=${actor.creds.sessionToken}` : `dossier_csrf=${PRE_SIGN_IN_CSRF}`;
  const writes =
    request.method === 'POST' ? { origin: `http://${HOST}`, 'content-type': request.contentType ?? FORM } : {};
  return site.app.inject({
    method: request.method as 'GET',
    url: request.url,
    payload: request.payload,
    remoteAddress: actor.ip,
    headers: { host: HOST, cookie, ...writes },
  });
}

/** A browser-like client for one actor (the form token is added to every form). */
function as(site: TestSite, actor: Actor) {
  return {
    get: (url: string) => send(site, actor, { method: 'GET', url }),
    post: (url: string, form: Form = {}) =>
      send(site, actor, { method: 'POST', url, payload: encodeForm(actor, form) }),
    /** A hand-written urlencoded body (after the token), for keys URLSearchParams would escape. */
    postRaw: (url: string, body: string) =>
      send(site, actor, { method: 'POST', url, payload: `_csrf=${encodeURIComponent(csrfOf(actor))}&${body}` }),
    postJson: (url: string, json: Record<string, unknown>) =>
      send(site, actor, {
        method: 'POST',
        url,
        payload: JSON.stringify({ _csrf: csrfOf(actor), ...json }),
        contentType: 'application/json',
      }),
  };
}

type Answer = Awaited<ReturnType<typeof send>>;

/** The policy's refusal, told apart from a refused form token (also a 403). */
const FORBIDDEN = adminTranslator('en')('forbidden');

function matches(expected: string, method: string, answer: Answer, toSignIn: boolean): boolean {
  const status = answer.statusCode;
  switch (expected) {
    case 'allow':
      return status < 500 && status !== 401 && status !== 403 && !toSignIn;
    case 'deny':
      // A HEAD answer has no body to tell the two apart.
      return status === 403 && (method === 'HEAD' || answer.body.includes(FORBIDDEN));
    case 'signin':
      return method === 'POST' ? status === 401 : toSignIn;
    default:
      return status === Number(expected);
  }
}

function assertDenied(answer: Answer, label: string) {
  assert.equal(answer.statusCode, 403, label);
  assert.ok(answer.body.includes(FORBIDDEN), `${label}: a 403, but not the policy's`);
}

/** Undefined when `answer` is the outcome the matrix names; otherwise what came instead. */
function mismatch(expected: string, method: string, answer: Answer): string | undefined {
  const location = String(answer.headers.location ?? '');
  const toSignIn = answer.statusCode === 303 && location.startsWith('/admin/sign-in');
  if (matches(expected, method, answer, toSignIn)) return undefined;
  return `${answer.statusCode}${location ? ` → ${location}` : ''}`;
}

// ---------------------------------------------------------------------------------------------
// Filling each route for each actor

interface Walk {
  site: TestSite;
  fx: RouteFixtures;
  matrix: Matrix;
}

/** The form of a publication as its edit page shows it (an empty form once it is gone). */
async function savedForm(site: TestSite, id: number): Promise<Form> {
  const found = await loadPublication(site.db.kysely, id);
  if (!found) return {};
  const values = publicationValues(found.row, found.authorIds, found.topicIds);
  return Object.fromEntries(Object.entries(values).filter((e): e is [string, string | string[]] => e[1] !== undefined));
}

const publicationOf = (ids: RouteIds) => Number(ids['/admin/publications/:id']);

/**
 * Bodies for routes whose check comes after validation (a writer's edit is parsed before
 * the policy sees it), or whose empty form would mean something else. Others get the token
 * alone: their policy check comes first.
 */
const BODIES: Record<string, (w: Walk, ids: RouteIds, actor: Actor) => Form | Promise<Form>> = {
  // An unknown address per role: five failures for one address would lock it (429).
  'POST /admin/sign-in': (_w, _ids, actor) => ({
    email: `nobody-${actor.role}@route-matrix.example`,
    password: 'not-the-password',
  }),
  'POST /admin/password/forgot': () => ({ email: 'nobody@route-matrix.example' }),
  'POST /admin/language': () => ({ lang: 'en' }),
  'POST /admin/account/language': () => ({ ui_lang: 'en' }),
  'POST /admin/publications/:id': (w, ids) => savedForm(w.site, publicationOf(ids)),
  'POST /admin/publications/:id/workflow': () => ({ step: 'submit' }),
  'POST /admin/publications/:id/revisions/:version/restore': async (w, ids) => ({
    version: (await savedForm(w.site, publicationOf(ids))).version ?? '',
  }),
};

const MULTIPART = new Set(['POST /admin/media', 'POST /admin/publications/import']);

/** Routes whose success ends the actor's session: they get a session of their own. */
const SESSION_ENDING = new Set(['POST /admin/sign-out']);

/** The links a subscriber or registrant holds, by the route that reads them. */
function linkTokens(fx: RouteFixtures): Record<string, string> {
  return {
    '/:lang/newsletter/preferences': fx.links.subscriberToken,
    '/:lang/newsletter/unsubscribe': fx.links.subscriberToken,
    '/:lang/newsletter/confirm': fx.links.confirmToken,
    '/:lang/events/cancel': fx.links.registrationToken,
  };
}

/** Steps that use an object up (delete it, move it along): each request gets a copy. */
const CONSUMING = /\/(delete|workflow|translation|publish|unpublish|close-registration|cancel)$/;
const TABLE_OF: Record<string, keyof Database> = {
  '/admin/publications/:id': 'publications',
  '/admin/media/:id': 'media',
  '/admin/people/:id': 'people',
  '/admin/topics/:id': 'topics',
  '/admin/types/:id': 'publication_types',
  '/admin/menus/:id': 'menu_items',
  '/admin/pages/:id': 'pages',
  '/admin/subscribers/:id': 'subscribers',
  '/admin/events/:id': 'events',
  '/admin/events/:id/registrations/:registrationId': 'event_registrations',
  '/admin/press/mentions/:id': 'media_mentions',
  '/admin/press/videos/:id': 'videos',
  '/admin/podcast/:id': 'podcast_episodes',
};

async function idsFor(w: Walk, route: RouteEntry): Promise<RouteIds> {
  const key = routeParamKeys(route.url).at(-1);
  const table = key === undefined ? undefined : TABLE_OF[key];
  if (route.method !== 'POST' || !CONSUMING.test(route.url) || !key || !table) return w.fx.ids;
  return { ...w.fx.ids, [key]: String(await cloneRow(w.site.db.kysely, table, Number(w.fx.ids[key]))) };
}

/** One route for one actor; the request is made when sent, so a body reads the state of then. */
interface Probe {
  key: string;
  method: string;
  url: string;
  expected: string;
  actor: Actor;
  ids: RouteIds;
}

async function requestOf(w: Walk, probe: Probe): Promise<Outgoing> {
  const { key, method, url, actor } = probe;
  if (method !== 'POST') return { method, url };
  if (MULTIPART.has(key)) return { method, url, ...multipartForm(actor) };
  const form = { ...(await BODIES[key]?.(w, probe.ids, actor)) };
  const token = actor.role === 'subscriber' ? linkTokens(w.fx)[key.slice('POST '.length)] : undefined;
  if (token) form.token = token;
  return { method, url, payload: encodeForm(actor, form) };
}

async function probeFor(w: Walk, route: RouteEntry, actor: Actor): Promise<Probe> {
  const key = routeKey(route);
  const ids = await idsFor(w, route);
  const token = actor.role === 'subscriber' ? linkTokens(w.fx)[route.url] : undefined;
  const url = fillRoute(route.url, ids) + (token ? `?token=${encodeURIComponent(token)}` : '');
  const own = SESSION_ENDING.has(key) && actor.member;
  const who = own ? { ...actor, creds: await staffSession(w.site.db.kysely, actor.member!.id) } : actor;
  return { key, method: route.method, url, expected: w.matrix[key]![ROLES.indexOf(actor.role)]!, actor: who, ids };
}

async function runProbe(w: Walk, probe: Probe): Promise<string | undefined> {
  const response = await send(w.site, probe.actor, await requestOf(w, probe));
  const got = mismatch(probe.expected, probe.method, response);
  return got && `${probe.actor.role}: ${probe.key} (${probe.url}) expected ${probe.expected}, got ${got}`;
}

/** Runs `task` over `items`, `width` at a time (PostgreSQL answers several at once), in order. */
async function inBatches<T, R>(items: T[], width: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += width) {
    results.push(...(await Promise.all(items.slice(i, i + width).map(task))));
  }
  return results;
}

/** Reads and refusals touch nothing and may overlap; other requests go one by one. */
async function runProbes(w: Walk, probes: Probe[], width: number): Promise<string[]> {
  const problems = await inBatches(probes, width, (probe) => runProbe(w, probe));
  return problems.filter((p): p is string => p !== undefined);
}

/** After `tables` changed: which of `probes` change them (sent again, one by one). */
async function culprits(w: Walk, probes: Probe[], tables: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const probe of probes) {
    const before = await snapshot(w.site.db, tables);
    await runProbe(w, probe);
    const changed = changedTables(before, await snapshot(w.site.db, tables));
    if (changed.length) found.push(`${probe.actor.role}: ${probe.key} changed ${changed.join(', ')}`);
  }
  return found;
}

const readsOrRefused = (p: Probe) => p.method === 'GET' || p.method === 'HEAD' || REFUSALS.has(p.expected);

/**
 * Some reads keep what they make on first use (the podcast's guid, the proof-of-work
 * secret): every GET once, so the walk starts from a settled site.
 */
async function settle(w: Walk, actor: Actor): Promise<void> {
  for (const route of allRoutes(w.site.app)) {
    if (route.method === 'GET') await send(w.site, actor, { method: 'GET', url: fillRoute(route.url, w.fx.ids) });
  }
}

/** Every route for one actor: reads and refusals first (no row may change), then the rest. */
async function walkRole(w: Walk, actor: Actor): Promise<string[]> {
  const probes: Probe[] = [];
  for (const route of allRoutes(w.site.app)) probes.push(await probeFor(w, route, actor));
  const quiet = probes.filter(readsOrRefused);
  const before = await snapshot(w.site.db);
  const problems = await runProbes(w, quiet, PARALLEL_READS);
  const changed = changedTables(before, await snapshot(w.site.db));
  if (changed.length) {
    problems.push(`${actor.role}: reads and refusals changed ${changed.join(', ')}`);
    problems.push(...(await culprits(w, quiet, changed)).map((c) => `sent again, ${c}`));
  }
  const acting = probes.filter((p) => !readsOrRefused(p));
  return [...problems, ...(await runProbes(w, acting, 1))];
}

// ---------------------------------------------------------------------------------------------

const STAFF_ROLES: StaffRole[] = ['contributor', 'author', 'editor', 'admin'];

async function prepareActors(site: TestSite, fx: RouteFixtures): Promise<Record<RoleName, Actor>> {
  const actors = {
    anonymous: { role: 'anonymous', ip: '192.0.2.1' },
    subscriber: { role: 'subscriber', ip: '192.0.2.2' },
  } as Record<RoleName, Actor>;
  for (const [i, role] of STAFF_ROLES.entries()) {
    const member = fx.cast[role];
    actors[role] = { role, ip: `192.0.2.${i + 3}`, member, creds: await staffSession(site.db.kysely, member.id) };
  }
  return actors;
}

async function newStaffActor(site: TestSite, member: StaffMember, ip: string): Promise<Actor> {
  return { role: member.role as StaffRole, ip, member, creds: await staffSession(site.db.kysely, member.id) };
}

async function publicationRow(site: TestSite, id: number) {
  return site.db.kysely.selectFrom('publications').selectAll().where('id', '=', id).executeTakeFirst();
}

async function userRow(site: TestSite, id: number) {
  return site.db.kysely.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** Fields a writer's form may never set, however they are posted. */
const GUARDED_PUBLICATION_FIELDS = [
  'id',
  'owner_user_id',
  'status',
  'published_at',
  'publish_at',
  'created_at',
  'translation_group',
  'lang',
] as const;

function assertGuardedUnchanged(before: Record<string, unknown>, after: Record<string, unknown> | undefined) {
  assert.ok(after, 'the publication is still there');
  for (const column of GUARDED_PUBLICATION_FIELDS) assert.equal(after[column], before[column], `${column} unchanged`);
}

const MASS_ASSIGNMENT: Form = {
  role: 'admin',
  owner_user_id: '1',
  ownerUserId: '1',
  user_id: '1',
  status: 'published',
  published_at: '2020-01-01T00:00:00.000Z',
  publishedAt: '2020-01-01T00:00:00.000Z',
  publish_at: '2030-01-01T00:00',
  created_at: '2000-01-01T00:00:00.000Z',
  translation_group: 'hijacked-group',
  id: '1',
};

/** Nested and prototype keys that a qs-style parser would merge into objects. */
const NESTED_KEYS = [
  'role[x]=admin',
  'role[]=admin',
  '__proto__[role]=admin',
  '__proto__.role=admin',
  'constructor[prototype][role]=admin',
  'status[x]=published',
  '__proto__[status]=published',
  'owner_user_id[]=1',
]
  .map((pair) => pair.replace(/\[/g, '%5B').replace(/\]/g, '%5D'))
  .concat(['role[y]=admin', '__proto__[owner_user_id]=1'])
  .join('&');

const MALFORMED_IDS = ['123abc', '[1]', encodeURIComponent('{"$gt":0}'), '-1', '1e3', '0x10', '%00'];

for (const { engine, skip } of await testEngines()) {
  describe(`route authorisation matrix on ${engine}`, { skip }, () => {
    let site: TestSite;
    let fx: RouteFixtures;
    let actors: Record<RoleName, Actor>;
    let matrix: Matrix;

    before(async () => {
      matrix = loadMatrix();
      site = await createTestSite(engine);
      fx = await prepareRouteFixtures(site);
      actors = await prepareActors(site, fx);
    });
    after(async () => {
      await site?.close();
    });

    it('has a matrix row for every route of the router, and none for a route that is gone', () => {
      assert.deepEqual(coverageProblems(allRoutes(site.app), matrix), []);
      // The check names a route added without a row (the unknown-route canary).
      const canary = { method: 'POST', url: '/admin/route-matrix-canary/:id' };
      assert.deepEqual(coverageProblems([...allRoutes(site.app), canary], matrix), [
        'missing from route-matrix.json: POST /admin/route-matrix-canary/:id',
      ]);
    });

    it('answers every route as the matrix says for every role, refusing without changing a row', async () => {
      const walk: Walk = { site, fx, matrix };
      await settle(walk, actors.anonymous);
      const problems: string[] = [];
      for (const role of ROLES) problems.push(...(await walkRole(walk, actors[role])));
      assert.deepEqual(problems, []);
    });

    it('keeps unknown admin paths closed', async () => {
      for (const actor of [actors.anonymous, actors.author]) {
        const response = await as(site, actor).get('/admin/route-matrix-canary/1');
        assert.equal(response.statusCode, 404, `${actor.role}: ${response.statusCode}`);
        const post = await as(site, actor).post('/admin/route-matrix-canary/1');
        assert.equal(post.statusCode, 404, `${actor.role}: ${post.statusCode}`);
      }
    });

    it("keeps a writer out of another author's draft", async () => {
      const id = await createDraftFor(site, fx.cast.authorB, 'object-level-draft-of-b');
      const draft = (await publicationRow(site, id))!;
      const form = await savedForm(site, id);
      const before = await snapshot(site.db);
      for (const role of ['author', 'contributor'] as const) {
        const writer = as(site, actors[role]);
        for (const path of ['', '/preview', '/revisions']) {
          assertDenied(await writer.get(`/admin/publications/${id}${path}`), `${role} GET ${path}`);
        }
        const writes: [string, Form][] = [
          ['', { ...form, title: `Taken over by ${role}` }],
          ['/delete', {}],
          ['/translation', {}],
          ['/workflow', { step: 'submit' }],
          ['/revisions/1/restore', { version: String(draft.version) }],
        ];
        for (const [path, body] of writes) {
          const response = await writer.post(`/admin/publications/${id}${path}`, body);
          assertDenied(response, `${role} POST ${path}`);
        }
        const list = await writer.get('/admin/publications?q=object-level-draft-of-b');
        assert.equal(list.statusCode, 200);
        assert.ok(!list.body.includes(`href="/admin/publications/${id}"`), `${role}'s list links to the draft`);
      }
      const editorList = await as(site, actors.editor).get('/admin/publications?q=object-level-draft-of-b');
      assert.ok(editorList.body.includes(`href="/admin/publications/${id}"`), "the editor's list links to the draft");
      assert.equal((await as(site, actors.anonymous).get(`/en/publications/${draft.slug}`)).statusCode, 404);
      assert.deepEqual(changedTables(before, await snapshot(site.db)), []);
    });

    it('lets no writer publish, schedule or unpublish their own work, nor a contributor submit it', async () => {
      const id = await createDraftFor(site, fx.cast.author, 'object-level-own-draft-of-a');
      const author = as(site, actors.author);
      const steps: Form[] = [
        { step: 'publish' },
        { step: 'schedule', publish_at: '2030-01-01T09:00' },
        { step: 'unpublish' },
        { step: 'archive' },
      ];
      for (const body of steps) {
        const response = await author.post(`/admin/publications/${id}/workflow`, body);
        assertDenied(response, `author ${body.step}`);
      }
      assert.equal((await author.post(`/admin/publications/${id}/workflow`, { step: 'submit' })).statusCode, 303);
      assert.equal((await publicationRow(site, id))?.status, 'review', 'an author may submit');
      for (const body of steps) {
        const response = await author.post(`/admin/publications/${id}/workflow`, body);
        assertDenied(response, `author ${body.step} from review`);
      }
      const row = await publicationRow(site, id);
      assert.deepEqual([row?.status, row?.published_at, row?.publish_at], ['review', null, null]);

      const own = await createDraftFor(site, fx.cast.contributor, 'object-level-own-draft-of-c');
      const contributor = as(site, actors.contributor);
      for (const step of ['submit', 'publish']) {
        const response = await contributor.post(`/admin/publications/${own}/workflow`, { step });
        assertDenied(response, `contributor ${step}`);
      }
      assert.equal((await publicationRow(site, own))?.status, 'draft');
    });

    it('ignores owner, status, dates and ids posted with an edit, by an author and by an editor', async () => {
      const own = await createDraftFor(site, fx.cast.author, 'mass-assignment-own-draft');
      const editable = [
        [actors.author, own],
        [actors.editor, fx.draftId],
      ] as const;
      const bystander = await publicationRow(site, 1);
      for (const [actor, id] of editable) {
        const before = (await publicationRow(site, id))!;
        const title = `Edited by ${actor.role} with extra fields`;
        const form = { ...(await savedForm(site, id)), ...MASS_ASSIGNMENT, title };
        const response = await as(site, actor).post(`/admin/publications/${id}`, form);
        assert.equal(response.statusCode, 303, `${actor.role}: ${response.statusCode}`);
        const after = await publicationRow(site, id);
        assert.equal(after?.title, title, 'the ordinary fields were saved');
        assertGuardedUnchanged(before, after);
        assert.equal((await userRow(site, actor.member!.id)).role, actor.role);
      }
      assert.deepEqual(await publicationRow(site, 1), bystander, 'id=1 in the form left publication 1 alone');
    });

    it('refuses JSON bodies in the admin (415), so no field arrives as an object or array', async () => {
      const id = await createDraftFor(site, fx.cast.author, 'mass-assignment-json-draft');
      const before = (await publicationRow(site, id))!;
      const form = { ...(await savedForm(site, id)), ...MASS_ASSIGNMENT, title: 'Edited as JSON' };
      const nested = { ...form, title: { $gt: '' }, owner_user_id: { $ne: null }, status: ['published'] };
      const author = as(site, actors.author);
      for (const body of [form, nested]) {
        assert.equal((await author.postJson(`/admin/publications/${id}`, body)).statusCode, 415);
        assertGuardedUnchanged(before, await publicationRow(site, id));
      }
      const language = await author.postJson('/admin/account/language', { ui_lang: 'he', role: 'admin' });
      assert.equal(language.statusCode, 415);
      const self = await userRow(site, fx.cast.author.id);
      assert.deepEqual([self.role, self.ui_lang], ['author', 'en']);
    });

    it('lets no writer change their own role, and no editor make or become an admin', async () => {
      for (const role of ['contributor', 'author', 'editor'] as const) {
        const actor = actors[role];
        const self = actor.member!;
        const client = as(site, actor);
        const promote = await client.post(`/admin/users/${self.id}`, { name: 'Promoted', role: 'admin' });
        assertDenied(promote, `${role} promoting themself`);
        const invite = await client.post('/admin/users', {
          email: `made-by-${role}@route-matrix.example`,
          name: 'New admin',
          role: 'admin',
        });
        assertDenied(invite, `${role} creating an admin`);
        await client.post('/admin/account/language', { ui_lang: 'en', role: 'admin', email: 'x@route-matrix.example' });
        await client.post('/admin/language', { lang: 'en', role: 'admin' });
        const row = await userRow(site, self.id);
        assert.deepEqual([row.role, row.email], [role, self.email]);
        const made = await site.db.kysely
          .selectFrom('users')
          .select('id')
          .where('email', '=', `made-by-${role}@route-matrix.example`)
          .executeTakeFirst();
        assert.equal(made, undefined, `${role} created a user`);
      }
      // The same request from an admin works: the refusals above are the policy, not a broken form.
      const created = await as(site, actors.admin).post('/admin/users', {
        email: 'made-by-admin@route-matrix.example',
        name: 'New admin',
        role: 'admin',
      });
      assert.equal(created.statusCode, 201);
    });

    it('does not merge nested or prototype keys from a form', async () => {
      const own = await createDraftFor(site, fx.cast.author, 'nested-keys-own-draft');
      const before = (await publicationRow(site, own))!;
      const form = new URLSearchParams(
        Object.entries(await savedForm(site, own)).flatMap(([k, v]) => [v].flat().map((i) => [k, i])),
      );
      const author = as(site, actors.author);
      const edit = await author.postRaw(`/admin/publications/${own}`, `${form.toString()}&${NESTED_KEYS}`);
      assert.equal(edit.statusCode, 303, 'the edit itself went through');
      assertGuardedUnchanged(before, await publicationRow(site, own));
      const language = await author.postRaw('/admin/account/language', `ui_lang=en&${NESTED_KEYS}`);
      assert.equal(language.statusCode, 303);
      assert.equal((await userRow(site, fx.cast.author.id)).role, 'author');

      const target = fx.cast.authorB;
      const admin = as(site, actors.admin);
      const update = await admin.postRaw(`/admin/users/${target.id}`, `name=Author+B&${NESTED_KEYS}`);
      assert.ok(update.statusCode < 500, `user update answered ${update.statusCode}`);
      assert.equal((await userRow(site, target.id)).role, 'author', 'role[x]=admin did not become role=admin');
      assert.equal(({} as Record<string, unknown>).role, undefined, 'Object.prototype was not polluted');
      assert.equal(({} as Record<string, unknown>).status, undefined, 'Object.prototype was not polluted');
    });

    it('answers malformed ids in every route parameter with a 4xx, changing nothing', async () => {
      const admin = as(site, await newStaffActor(site, fx.cast.admin, '192.0.2.50'));
      const routes = allRoutes(site.app).filter((r) => r.method !== 'HEAD' && routeParamKeys(r.url).length > 0);
      const before = await snapshot(site.db);
      const requests = routes.flatMap((route) =>
        routeParamKeys(route.url).flatMap((key) =>
          MALFORMED_IDS.map((bad) => ({ method: route.method, url: fillRoute(route.url, fx.ids, { [key]: bad }) })),
        ),
      );
      const answers = await inBatches(requests, PARALLEL_READS, async ({ method, url }) => {
        const { statusCode } = method === 'POST' ? await admin.post(url) : await admin.get(url);
        return statusCode >= 400 && statusCode < 500 ? undefined : `${method} ${url}: ${statusCode}`;
      });
      assert.deepEqual(
        answers.filter((a) => a !== undefined),
        [],
      );
      assert.deepEqual(changedTables(before, await snapshot(site.db)), []);
    });

    it('keeps each subscriber and registrant to their own links', async () => {
      const { links } = fx;
      const signature = links.subscriberToken.split('.')[1]!;
      const seat = links.registrationToken.split('.')[1]!;
      const flipped = signature.slice(0, -1) + (signature.endsWith('A') ? 'B' : 'A');
      const forged = [
        `${links.otherSubscriberId}.${signature}`,
        `${links.pendingSubscriberId}.${signature}`,
        `${links.subscriberId}.${flipped}`,
        // A registration's link says nothing about a subscriber with the same id, and back.
        `${links.subscriberId}.${seat}`,
      ];
      const visitor = as(site, actors.subscriber);
      const before = await snapshot(site.db);
      for (const token of forged) {
        const q = `?token=${encodeURIComponent(token)}`;
        assert.equal((await visitor.get(`/en/newsletter/preferences${q}`)).statusCode, 404, token);
        assert.equal((await visitor.post('/en/newsletter/preferences', { token, lang: 'he' })).statusCode, 403);
        assert.equal((await visitor.get(`/en/newsletter/unsubscribe${q}`)).statusCode, 404);
        assert.equal((await visitor.post(`/en/newsletter/unsubscribe${q}`)).statusCode, 404);
      }
      const seats = [`${links.otherRegistrationId}.${seat}`, `${links.registrationId}.${signature}`];
      for (const token of seats) {
        assert.equal((await visitor.get(`/en/events/cancel?token=${encodeURIComponent(token)}`)).statusCode, 404);
        assert.equal((await visitor.post('/en/events/cancel', { token })).statusCode, 404);
      }
      assert.deepEqual(changedTables(before, await snapshot(site.db)), []);
      const own = await visitor.get(`/en/newsletter/preferences?token=${encodeURIComponent(links.subscriberToken)}`);
      assert.equal(own.statusCode, 200, 'the subscriber still reaches their own page');
    });
  });
}
