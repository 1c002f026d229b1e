import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { publicationValues } from '../../src/admin/views/publication-form.js';
import { createSession } from '../../src/auth/sessions.js';
import { hashToken, newToken } from '../../src/auth/tokens.js';
import type { Database, Role } from '../../src/db/schema.js';
import { parsePublicationForm } from '../../src/editorial/publication-form.js';
import { createPublication, loadPublication } from '../../src/editorial/publication-store.js';
import { cancellationUrl } from '../../src/events/registration-links.js';
import { subscriberLinkToken } from '../../src/newsletter/subscriber-links.js';
import { listRoutes, type RouteEntry } from '../../src/site/route-list.js';
import type { TestSite } from './test-db.js';

/*
 * Fixtures for tests that walk every route of the router (the authorisation matrix, the
 * injection fuzz). A route such as `/admin/publications/:id/revisions/:version/restore` is
 * turned into a real URL by `fillRoute` with ids of objects that exist, so a request
 * reaches the handler's policy and validation rather than a 404 for a made-up id.
 *
 *   const fx = await prepareRouteFixtures(site);
 *   const url = fillRoute('/admin/publications/:id/preview', fx.ids);
 *   const bad = fillRoute('/admin/publications/:id/preview', fx.ids, { '/admin/publications/:id': '%00' });
 *   const { sessionToken, csrf } = await staffSession(site.db.kysely, fx.cast.editor.id);
 */

/**
 * Values for route parameters, keyed by the route text up to and including the parameter:
 * `'/admin/publications/:id'` fills `:id` in every route that starts with it (…/preview,
 * …/workflow), `'/admin/publications/:id/revisions/:version'` fills `:version`, `'/media/*'`
 * fills the wildcard. A key means the same object in every route, so one map serves all.
 */
export type RouteIds = Record<string, string>;

const PARAM = /:[A-Za-z]\w*|\*/g;

/** The `RouteIds` keys a route needs, in order (`[]` for a route without parameters). */
export function routeParamKeys(url: string): string[] {
  return [...url.matchAll(PARAM)].map((m) => url.slice(0, m.index + m[0].length));
}

/**
 * A route with each parameter replaced by its value from `ids` (URL-encoded, except the
 * wildcard, which is a path). `raw` values win over `ids` and go in exactly as given, for
 * tests that send malformed parameters (`%00`, `[1]`). Throws naming a missing key, so a
 * new route with a new parameter says what to add.
 */
export function fillRoute(url: string, ids: RouteIds, raw: RouteIds = {}): string {
  return url.replace(PARAM, (param: string, offset: number) => {
    const key = url.slice(0, offset + param.length);
    const given = raw[key];
    if (given !== undefined) return given;
    const value = ids[key];
    if (value === undefined) throw new Error(`no fixture value for ${key} (route ${url})`);
    return param === '*' ? value : encodeURIComponent(value);
  });
}

/**
 * Every method and path the router answers: `listRoutes` (what the onRoute hook saw) plus
 * what the router's own tree shows beyond it. Fastify adds `GET /admin/` for the prefixed
 * `/` without telling the hook; tree lines the router does not confirm (its drawing puts
 * `/media/*` at `/*`) are left out.
 */
export function allRoutes(app: FastifyInstance): RouteEntry[] {
  const listed = listRoutes(app);
  const known = new Set(listed.map((r) => `${r.method} ${r.url}`));
  const extra = treeRoutes(app).filter(
    (r) => !known.has(`${r.method} ${r.url}`) && app.hasRoute({ method: r.method as 'GET', url: r.url }),
  );
  return [...listed, ...extra];
}

/** The routes drawn by `printRoutes`: each line a path segment under its parent, with its methods. */
function treeRoutes(app: FastifyInstance): RouteEntry[] {
  const path: string[] = [];
  const routes: RouteEntry[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const node = /^((?:[│ ] {3})*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!node) continue;
    path.length = node[1]!.length / 4;
    path.push(node[2]!);
    for (const method of node[3]?.split(', ') ?? []) routes.push({ method, url: path.join('') });
  }
  return routes;
}

export interface StaffMember {
  id: number;
  email: string;
  role: Role;
}

/** Every staff role, and a second author whose drafts the first must not touch. */
export interface Cast {
  admin: StaffMember;
  editor: StaffMember;
  author: StaffMember;
  contributor: StaffMember;
  authorB: StaffMember;
}

/** A signed-in staff member as a browser holds them: the session cookie's value and the form token. */
export interface StaffCredentials {
  sessionToken: string;
  csrf: string;
}

/** Mail links through which subscribers and event registrants act (they have no account). */
export interface LinkHolders {
  /** Manage-link token (preferences, unsubscribe) of a confirmed subscriber. */
  subscriberToken: string;
  subscriberId: number;
  /** A second confirmed subscriber, whose pages the first must not open. */
  otherSubscriberId: number;
  /** Confirmation token, as mailed, of a pending subscriber. */
  confirmToken: string;
  pendingSubscriberId: number;
  /** Cancellation token of a confirmed registration. */
  registrationToken: string;
  registrationId: number;
  otherRegistrationId: number;
}

export interface RouteFixtures {
  cast: Cast;
  ids: RouteIds;
  /** A draft owned by `cast.authorB`, with revision 1 (`ids` points its routes here). */
  draftId: number;
  links: LinkHolders;
}

type Kdb = TestSite['db']['kysely'];

/** Adds a staff account (sharing the first user's password hash: hashing is slow on purpose). */
export async function addStaff(db: Kdb, role: Role, email: string): Promise<StaffMember> {
  const { password_hash } = await db
    .selectFrom('users')
    .select('password_hash')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const row = await db
    .insertInto('users')
    .values({
      email,
      name: `${role} ${email}`,
      role,
      password_hash,
      totp_secret: null,
      totp_last_step: null,
      person_id: null,
      created_at: new Date().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, email, role };
}

async function demoStaff(db: Kdb, role: Role): Promise<StaffMember> {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'role'])
    .where('role', '=', role)
    .orderBy('id')
    .executeTakeFirstOrThrow();
}

/** The demo's admin, editor and author, plus a contributor and a second author. */
export async function prepareCast(db: Kdb): Promise<Cast> {
  return {
    admin: await demoStaff(db, 'admin'),
    editor: await demoStaff(db, 'editor'),
    author: await demoStaff(db, 'author'),
    contributor: await addStaff(db, 'contributor', 'contributor@route-fixtures.example'),
    authorB: await addStaff(db, 'author', 'author-b@route-fixtures.example'),
  };
}

/** A fresh session for `userId`, without the (deliberately slow) password check. */
export async function staffSession(db: Kdb, userId: number): Promise<StaffCredentials> {
  const sessionToken = await createSession(db, userId, { pendingSecondFactor: false });
  const row = await db
    .selectFrom('sessions')
    .select('csrf_token')
    .where('id_hash', '=', hashToken(sessionToken))
    .executeTakeFirstOrThrow();
  return { sessionToken, csrf: row.csrf_token };
}

/** Text columns that must differ between rows (unique alone or with the language). */
const UNIQUE_TEXT: Partial<Record<keyof Database, string[]>> = {
  publications: ['slug', 'translation_group'],
  pages: ['slug', 'translation_group'],
  media: ['path'],
  people: ['slug'],
  topics: ['slug_en', 'slug_he'],
  publication_types: ['slug'],
  subscribers: ['email', 'link_key'],
  event_registrations: ['email', 'link_key'],
  events: ['slug_en', 'slug_he', 'uid'],
  podcast_episodes: ['slug', 'guid'],
  users: ['email'],
};

/** Columns a copy must not share: a media copy naming the original's variant files would delete them. */
const CLONE_RESETS: Partial<Record<keyof Database, Record<string, unknown>>> = {
  media: { variants_json: '[]' },
};

let clones = 0;

/**
 * Copies a row under a new id, its unique text columns made unique again, with `changes`
 * on top. Tests that consume an object (delete, publish) take a copy each, so the shared
 * fixture stays for the next role. Related rows (authors, topics) are not copied.
 */
export async function cloneRow(
  db: Kdb,
  table: keyof Database,
  id: number,
  changes: Record<string, unknown> = {},
): Promise<number> {
  // Kysely's types cannot follow a table chosen at run time; the row is copied as it is.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const loose = db as any;
  const row = await loose.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  delete row.id;
  clones += 1;
  for (const column of UNIQUE_TEXT[table] ?? []) {
    const value = row[column];
    if (typeof value === 'string') row[column] = column === 'email' ? `clone${clones}.${value}` : `${value}-c${clones}`;
  }
  const inserted = await loose
    .insertInto(table)
    .values({ ...row, ...CLONE_RESETS[table], ...changes })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(inserted.id);
}

/** A draft owned by `owner`, made through the editorial store (so it has revision 1). */
export async function createDraftFor(site: TestSite, owner: StaffMember, slug: string): Promise<number> {
  const db = site.db.kysely;
  const model = await db
    .selectFrom('publications')
    .select('id')
    .where('lang', '=', 'en')
    .where('summary', '!=', '')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const source = (await loadPublication(db, model.id))!;
  const values = { ...publicationValues(source.row, source.authorIds, source.topicIds), slug, series_number: '' };
  const parsed = parsePublicationForm(values);
  if (!parsed.ok) throw new Error(`draft form invalid: ${JSON.stringify(parsed.problems)}`);
  return createPublication({ db: site.db, content: site.content }, owner, { ...parsed.fields, title: slug });
}

async function firstId(db: Kdb, table: keyof Database): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const row = await (db as any).selectFrom(table).select('id').orderBy('id').executeTakeFirstOrThrow();
  return String(row.id);
}

/** Slugs and ids of published demo content, for the public site's routes. */
async function publicIds(site: TestSite): Promise<RouteIds> {
  const db = site.db.kysely;
  const published = <T extends 'publications' | 'podcast_episodes'>(table: T) =>
    db
      .selectFrom(table as 'publications')
      .select(['slug', 'published_at'])
      .where('lang', '=', 'en')
      .where('status', '=', 'published')
      .orderBy('id')
      .executeTakeFirstOrThrow();
  const publication = await published('publications');
  const episode = await published('podcast_episodes');
  const event = await db
    .selectFrom('events')
    .select('slug_en')
    .where('status', '=', 'published')
    .where('registration_open', '=', 1)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const video = await db.selectFrom('videos').select('id').where('status', '=', 'published').executeTakeFirstOrThrow();
  const type = await db.selectFrom('publication_types').select('slug').orderBy('id').executeTakeFirstOrThrow();
  const topic = await db.selectFrom('topics').select('slug_en').orderBy('id').executeTakeFirstOrThrow();
  const person = await db.selectFrom('people').select('slug').orderBy('id').executeTakeFirstOrThrow();
  const page = await db.selectFrom('pages').select('slug').where('lang', '=', 'en').executeTakeFirstOrThrow();
  const media = await db.selectFrom('media').select('path').orderBy('id').executeTakeFirstOrThrow();
  return {
    '/:lang': 'en',
    '/:lang/publications/:slug': publication.slug,
    '/:lang/types/:slug': type.slug,
    '/:lang/topics/:slug': topic.slug_en,
    '/:lang/experts/:slug': person.slug,
    '/:lang/archive/:year': (publication.published_at ?? '').slice(0, 4),
    '/:lang/:slug': page.slug,
    '/:lang/events/:slug': event.slug_en,
    '/:lang/podcast/:slug': episode.slug,
    '/:lang/media/videos/:id': String(video.id),
    '/sitemaps/:file': '1.xml',
    '/media/*': media.path,
    ...(await assetFiles(site)),
  };
}

/** The hashed names of the site's and the admin's stylesheets, as their pages link them. */
async function assetFiles(site: TestSite): Promise<RouteIds> {
  const home = await site.app.inject({ url: '/en/' });
  const signIn = await site.app.inject({ url: '/admin/sign-in' });
  const siteFile = /href="\/assets\/([^"]+)"/.exec(home.body)?.[1];
  const adminFile = /href="\/admin\/assets\/([^"]+)"/.exec(signIn.body)?.[1];
  if (!siteFile || !adminFile) throw new Error('stylesheet links not found on /en/ and /admin/sign-in');
  return { '/assets/:file': siteFile, '/admin/assets/:file': adminFile };
}

async function newsletterIssue(db: Kdb, userId: number): Promise<number> {
  const now = new Date().toISOString();
  const row = await db
    .insertInto('newsletter_issues')
    .values({
      subject_en: 'Route fixture issue',
      subject_he: 'גיליון בדיקה',
      intro_en: '',
      intro_he: '',
      status: 'draft',
      created_by: userId,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function addSubscriber(db: Kdb, email: string, confirmToken?: string): Promise<number> {
  const now = new Date();
  const row = await db
    .insertInto('subscribers')
    .values({
      email,
      lang: 'en',
      status: confirmToken ? 'pending' : 'confirmed',
      confirm_token_hash: confirmToken ? hashToken(confirmToken) : null,
      confirm_expires_at: confirmToken ? new Date(now.getTime() + 3_600_000).toISOString() : null,
      link_key: randomBytes(16).toString('hex'),
      created_at: now.toISOString(),
      confirmed_at: confirmToken ? null : now.toISOString(),
      unsubscribed_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function addRegistration(db: Kdb, eventId: number, email: string) {
  const now = new Date().toISOString();
  return db
    .insertInto('event_registrations')
    .values({
      event_id: eventId,
      name: email,
      email,
      organisation: '',
      lang: 'en',
      status: 'confirmed',
      link_key: randomBytes(16).toString('base64url'),
      created_at: now,
      updated_at: now,
    })
    .returning(['id', 'link_key', 'lang'])
    .executeTakeFirstOrThrow();
}

/** Subscribers and registrants with their mailed links (signing also makes the site secrets). */
async function prepareLinkHolders(site: TestSite, eventId: number): Promise<LinkHolders> {
  const db = site.db.kysely;
  const subscriberId = await addSubscriber(db, 'reader-a@route-fixtures.example');
  const otherSubscriberId = await addSubscriber(db, 'reader-b@route-fixtures.example');
  const confirmToken = newToken();
  const pendingSubscriberId = await addSubscriber(db, 'reader-p@route-fixtures.example', confirmToken);
  const registration = await addRegistration(db, eventId, 'guest-a@route-fixtures.example');
  const other = await addRegistration(db, eventId, 'guest-b@route-fixtures.example');
  const subscriber = await db
    .selectFrom('subscribers')
    .select(['id', 'link_key'])
    .where('id', '=', subscriberId)
    .executeTakeFirstOrThrow();
  const cancelUrl = await cancellationUrl({ db: site.db, publicUrl: 'http://dossier.test' }, registration);
  return {
    subscriberToken: await subscriberLinkToken(site.db, subscriber),
    subscriberId,
    otherSubscriberId,
    confirmToken,
    pendingSubscriberId,
    registrationToken: new URL(cancelUrl).searchParams.get('token') ?? '',
    registrationId: registration.id,
    otherRegistrationId: other.id,
  };
}

/**
 * Everything a route walk needs on a seeded site: the cast, a draft of the second author's
 * (with a revision), a newsletter issue, subscribers and registrants with their links, and
 * `ids` for every parameter the router has today. Admin routes point at objects a writer
 * may not touch: the second author's draft and account. Once per site (the accounts it adds
 * have fixed addresses).
 */
export async function prepareRouteFixtures(site: TestSite): Promise<RouteFixtures> {
  const db = site.db.kysely;
  const cast = await prepareCast(db);
  const draftId = await createDraftFor(site, cast.authorB, 'route-fixtures-draft-of-author-b');
  const event = await db
    .selectFrom('events')
    .select('id')
    .where('registration_open', '=', 1)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const links = await prepareLinkHolders(site, event.id);
  const ids: RouteIds = {
    ...(await publicIds(site)),
    '/admin/publications/:id': String(draftId),
    '/admin/publications/:id/revisions/:version': '1',
    '/admin/media/:id': await firstId(db, 'media'),
    '/admin/users/:id': String(cast.authorB.id),
    '/admin/people/:id': await firstId(db, 'people'),
    '/admin/topics/:id': await firstId(db, 'topics'),
    '/admin/types/:id': await firstId(db, 'publication_types'),
    '/admin/menus/:id': await firstId(db, 'menu_items'),
    '/admin/pages/:id': await firstId(db, 'pages'),
    '/admin/newsletter/:id': String(await newsletterIssue(db, cast.editor.id)),
    '/admin/subscribers/:id': String(links.otherSubscriberId),
    '/admin/events/:id': String(event.id),
    '/admin/events/:id/registrations/:registrationId': String(links.otherRegistrationId),
    '/admin/press/mentions/:id': await firstId(db, 'media_mentions'),
    '/admin/press/videos/:id': await firstId(db, 'videos'),
    '/admin/podcast/:id': await firstId(db, 'podcast_episodes'),
  };
  return { cast, ids, draftId, links };
}
