import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { inLang } from '../content/bilingual.js';
import type { ContentService } from '../content/content-service.js';
import type { Db, Engine } from '../db/create-db.js';
import type { Database, Event, EventRegistration } from '../db/schema.js';
import type { Mailer } from '../mail/mailer.js';
import { queueMail } from '../mail/outbox.js';
import { deliverNow } from '../mail/outbox-worker.js';
import { mailContext } from '../newsletter/mail-views.js';
import { redeemSolution } from '../newsletter/proof-of-work.js';
import { recordSignup, signupWaitMinutes } from '../newsletter/signup-limits.js';
import { paths } from '../site/paths.js';
import { eventIcs } from './event-calendar.js';
import { registrationMail, type RegistrationMailKind } from './event-mail.js';
import { cancellationUrl, prepareCancellationLinks } from './registration-links.js';
import type { RegistrationRequest } from './registration-form.js';

/** What registering and cancelling need: the database, content (for settings), mail, and the site's origin. */
export type EventMailDeps = { db: Db; content: ContentService; mailer: Mailer; publicUrl: string };

/**
 * Queues a registrant's mail in the transaction that made the change it reports (see
 * src/mail/outbox.ts). Returns the outbox row's id, or undefined when nothing was queued.
 */
export type RegistrationMailQueue = (
  trx: Transaction<Database>,
  event: Event,
  registration: EventRegistration,
  kind: RegistrationMailKind,
) => Promise<number | undefined>;

/**
 * The same mail asked for again within this time is taken for a retried request (a double
 * click, a client retrying after a lost answer), and nothing more is queued.
 */
const RESEND_AFTER_MS = 60 * 1000;

/** What the event page offers: the form, the waiting list, nothing yet/any more, or the recording. */
export type RegistrationState = 'open' | 'full' | 'closed' | 'ended';

/** Registration is open when staff opened it and the event has not begun. */
export function acceptsRegistrations(event: Pick<Event, 'status' | 'registration_open' | 'starts_at'>, now: string) {
  return event.status === 'published' && event.registration_open === 1 && event.starts_at > now;
}

export function registrationState(
  event: Pick<Event, 'status' | 'registration_open' | 'starts_at' | 'ends_at' | 'capacity'>,
  confirmed: number,
  now = new Date().toISOString(),
): RegistrationState {
  if (event.ends_at <= now) return 'ended';
  if (!acceptsRegistrations(event, now)) return 'closed';
  return event.capacity !== null && confirmed >= event.capacity ? 'full' : 'open';
}

/**
 * The event row, locked until the transaction ends so that counting seats and taking one
 * happen as one step. PostgreSQL needs the explicit row lock; SQLite has a single writer,
 * and Kysely runs each transaction on its one connection, so the transaction alone
 * serialises registrations there (SQLite does not know FOR UPDATE).
 */
function lockEvent(trx: Transaction<Database>, engine: Engine, eventId: number) {
  return trx
    .selectFrom('events')
    .selectAll()
    .where('id', '=', eventId)
    .$if(engine === 'postgres', (q) => q.forUpdate())
    .executeTakeFirst();
}

async function confirmedCount(db: Kysely<Database>, eventId: number): Promise<number> {
  const row = await db
    .selectFrom('event_registrations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('event_id', '=', eventId)
    .where('status', '=', 'confirmed')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Place on the waiting list, from 1; ordered by id, i.e. by time of registering. */
export async function waitlistPosition(
  db: Kysely<Database>,
  registration: Pick<EventRegistration, 'id' | 'event_id'>,
): Promise<number> {
  const row = await db
    .selectFrom('event_registrations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('event_id', '=', registration.event_id)
    .where('status', '=', 'waitlisted')
    .where('id', '<=', registration.id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface Registrant {
  name: string;
  email: string;
  organisation: string;
  lang: EventRegistration['lang'];
}

export type RegisterResult =
  | { kind: 'closed' }
  | {
      kind: 'registered' | 'existing';
      event: Event;
      registration: EventRegistration;
      /** Outbox rows queued with the registration (none without `queue`). */
      mailIds: number[];
    };

const ids = (id: number | undefined) => (id === undefined ? [] : [id]);

/**
 * Registers one person: a seat while seats remain, else the waiting list. The address
 * registered already is left as it is (`existing`); a cancelled registration is replaced
 * by a new one at the end of the queue. Never exceeds capacity, however many arrive at once.
 * With `queue`, their status mail is queued in the same transaction.
 */
export async function registerForEvent(
  db: Db,
  eventId: number,
  registrant: Registrant,
  now = new Date().toISOString(),
  queue?: RegistrationMailQueue,
): Promise<RegisterResult> {
  return db.kysely.transaction().execute(async (trx) => {
    const event = await lockEvent(trx, db.engine, eventId);
    if (!event || !acceptsRegistrations(event, now)) return { kind: 'closed' as const };
    const existing = await trx
      .selectFrom('event_registrations')
      .selectAll()
      .where('event_id', '=', eventId)
      .where('email', '=', registrant.email)
      .executeTakeFirst();
    if (existing && existing.status !== 'cancelled') {
      const kind = existing.status === 'waitlisted' ? 'waitlisted' : 'confirmed';
      const mailIds = ids(await queue?.(trx, event, existing, kind));
      return { kind: 'existing' as const, event, registration: existing, mailIds };
    }
    if (existing) await trx.deleteFrom('event_registrations').where('id', '=', existing.id).execute();
    const full = event.capacity !== null && (await confirmedCount(trx, eventId)) >= event.capacity;
    const registration = await trx
      .insertInto('event_registrations')
      .values({
        event_id: eventId,
        ...registrant,
        status: full ? 'waitlisted' : 'confirmed',
        link_key: randomBytes(16).toString('base64url'),
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const mailIds = ids(await queue?.(trx, event, registration, full ? 'waitlisted' : 'confirmed'));
    return { kind: 'registered' as const, event, registration, mailIds };
  });
}

/** The earliest waitlisted registration takes a free seat, if there is one; inside the caller's lock. */
async function promoteNext(trx: Transaction<Database>, event: Event, now: string) {
  if (event.capacity !== null && (await confirmedCount(trx, event.id)) >= event.capacity) return undefined;
  const next = await trx
    .selectFrom('event_registrations')
    .selectAll()
    .where('event_id', '=', event.id)
    .where('status', '=', 'waitlisted')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  if (!next) return undefined;
  await trx
    .updateTable('event_registrations')
    .set({ status: 'confirmed', updated_at: now })
    .where('id', '=', next.id)
    .execute();
  return { ...next, status: 'confirmed' as const, updated_at: now };
}

/**
 * Cancels a registration (again: no change) and, when that freed a confirmed seat of an
 * event that has not begun, gives it to the earliest waitlisted registration and queues
 * their confirmation with the .ics, all in one transaction: the promotion and its mail
 * commit together or not at all. The mail is then sent at once. Should the mail server
 * refuse it for good, its error is thrown after the commit (the cancellation and promotion
 * stand) so that callers can ask staff to tell the person; a temporary failure is only
 * reported (`mailError`), as the outbox tries again.
 */
export async function cancelRegistration(
  deps: EventMailDeps,
  registrationId: number,
): Promise<{ promoted: number | undefined; mailError?: unknown }> {
  const now = new Date().toISOString();
  const queue = await registrationMailQueue(deps, now);
  const outcome = await deps.db.kysely.transaction().execute(async (trx) => {
    const found = await trx
      .selectFrom('event_registrations')
      .select('event_id')
      .where('id', '=', registrationId)
      .executeTakeFirst();
    if (!found) return undefined;
    const event = await lockEvent(trx, deps.db.engine, found.event_id);
    // Read under the lock: a concurrent cancel may have got here first.
    const current = await trx
      .selectFrom('event_registrations')
      .select('status')
      .where('id', '=', registrationId)
      .executeTakeFirst();
    if (!current || current.status === 'cancelled') return undefined;
    await trx
      .updateTable('event_registrations')
      .set({ status: 'cancelled', updated_at: now })
      .where('id', '=', registrationId)
      .execute();
    if (!event || current.status !== 'confirmed' || event.starts_at <= now) return undefined;
    const promoted = await promoteNext(trx, event, now);
    return promoted && { promoted, mailIds: ids(await queue(trx, event, promoted, 'promoted')) };
  });
  if (!outcome) return { promoted: undefined };
  const problem = await sendNow(deps, outcome.mailIds);
  if (problem?.status === 'failed') throw problem.error;
  return { promoted: outcome.promoted.id, ...(problem && { mailError: problem.error }) };
}

/**
 * Gives free seats to the waiting list in order, as after staff raise the capacity, queuing
 * each promoted person's mail in the same transaction, then sends them. Returns how many
 * were promoted. A mail that cannot go now stays in the outbox: retried when the failure is
 * temporary, shown on the event's registrations page when it is not.
 */
export async function fillFreeSeats(deps: EventMailDeps, eventId: number): Promise<number> {
  const now = new Date().toISOString();
  const queue = await registrationMailQueue(deps, now);
  const outcome = await deps.db.kysely.transaction().execute(async (trx) => {
    const event = await lockEvent(trx, deps.db.engine, eventId);
    if (!event || event.starts_at <= now) return undefined;
    const promoted: EventRegistration[] = [];
    const mailIds: number[] = [];
    for (let next = await promoteNext(trx, event, now); next; next = await promoteNext(trx, event, now)) {
      promoted.push(next);
      mailIds.push(...ids(await queue(trx, event, next, 'promoted')));
    }
    return { promoted, mailIds };
  });
  if (outcome) await sendNow(deps, outcome.mailIds);
  return outcome?.promoted.length ?? 0;
}

/**
 * Seats the waiting list of every published upcoming event that has one. Staff raising a
 * capacity promote in a second transaction after the save, so a node that dies between the
 * two would leave seats empty and people waiting; run on a timer, this finishes the job on
 * any node. Each event is handled under its lock, so nodes running it together seat each
 * person once. Returns how many people were seated.
 */
export async function fillFreeSeatsEverywhere(deps: EventMailDeps): Promise<number> {
  const waiting = await deps.db.kysely
    .selectFrom('events as e')
    .select('e.id')
    .where('e.status', '=', 'published')
    .where('e.starts_at', '>', new Date().toISOString())
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('event_registrations as r')
          .select('r.id')
          .whereRef('r.event_id', '=', 'e.id')
          .where('r.status', '=', 'waitlisted'),
      ),
    )
    .execute();
  let seated = 0;
  for (const { id } of waiting) seated += await fillFreeSeats(deps, id);
  return seated;
}

/**
 * `registration:<id>:<kind>:v<n>`, the key of the n-th mail of this kind to a registration,
 * or undefined when none is owed. A registration gets one mail per change of status; more
 * only when the person asks again (registering an address that is registered already mails
 * the details again). Asking again while the last one is still on its way, or within
 * RESEND_AFTER_MS of it, is taken for a retried request and queues nothing. Runs under the
 * event's lock; the unique key settles any race the lock does not cover.
 */
async function nextDedupeKey(
  trx: Transaction<Database>,
  ref: string,
  kind: RegistrationMailKind,
  now: string,
): Promise<string | undefined> {
  const earlier = await trx
    .selectFrom('mail_outbox')
    .select(['status', 'created_at'])
    .where('ref', '=', ref)
    .where('kind', '=', `event-${kind}`)
    .execute();
  const recent = new Date(Date.parse(now) - RESEND_AFTER_MS).toISOString();
  const pending = earlier.some((r) => r.created_at > recent || r.status === 'queued' || r.status === 'sending');
  return pending ? undefined : `${ref}:${kind}:v${earlier.length + 1}`;
}

/**
 * Prepares queueing registration mails: the registrant's status, in their language, with
 * the .ics when the seat is theirs, rendered in full for the outbox. What the mail needs from
 * outside the transaction (settings, the link-signing secret) is read here, first: on SQLite
 * a query outside a transaction waits for it to end, so one issued inside would never run.
 */
export async function registrationMailQueue(deps: EventMailDeps, now: string): Promise<RegistrationMailQueue> {
  const catalog = await deps.content.getCatalog();
  await prepareCancellationLinks(deps);
  const host = new URL(deps.publicUrl).hostname;
  return async (trx, event, registration, kind) => {
    const ref = `registration:${registration.id}`;
    const dedupeKey = await nextDedupeKey(trx, ref, kind, now);
    if (!dedupeKey) return undefined;
    const lang = registration.lang;
    const mail = registrationMail(mailContext(catalog, lang), {
      kind,
      event,
      registration,
      position: kind === 'waitlisted' ? await waitlistPosition(trx, registration) : undefined,
      eventUrl: deps.publicUrl + paths.event(lang, inLang(event, 'slug', lang)),
      cancelUrl: await cancellationUrl(deps, registration),
      ics: kind === 'waitlisted' ? undefined : eventIcs(event, lang, deps.publicUrl),
      instituteZone: catalog.settings.timeZone,
    });
    // A fixed Message-ID: a retry after a temporary failure is recognisably the same message.
    const messageId = `<${dedupeKey.replaceAll(':', '.')}@${host}>`;
    return queueMail(trx, { kind: `event-${kind}`, ref, dedupeKey, mail: { ...mail, messageId } }, new Date(now));
  };
}

/**
 * Sends mail committed just now instead of waiting for the worker's next run, through the
 * same claim as the worker. Returns the first problem: a mail refused for good before one
 * that will be tried again.
 */
async function sendNow(deps: EventMailDeps, mailIds: number[]) {
  if (mailIds.length === 0) return undefined;
  const outcomes = await deliverNow(deps, mailIds);
  const problem = outcomes.find((o) => o.status === 'failed') ?? outcomes.find((o) => 'error' in o);
  return problem && 'error' in problem ? problem : undefined;
}

export type SubmitOutcome =
  | { kind: 'closed' }
  | { kind: 'proof-failed' }
  | { kind: 'too-many'; minutes: number }
  | {
      kind: 'registered' | 'existing';
      status: 'confirmed' | 'waitlisted';
      /** Place on the waiting list; 0 for a confirmed seat. */
      position: number;
      /** Why the mail could not be sent just now; the registration and its queued mail stand all the same. */
      mailError?: unknown;
    };

/**
 * Runs a checked registration from the public form: proof of work, limits, then the seat
 * and its mail in one transaction, and the mail sent at once. A bot that filled the honeypot
 * is answered like a person and nothing happens. When the mail cannot be sent just now
 * (`mailError`) it stays queued in the outbox for the worker.
 */
export async function submitRegistration(
  deps: EventMailDeps,
  event: Event,
  request: RegistrationRequest,
  context: { lang: EventRegistration['lang']; ip: string },
): Promise<SubmitOutcome> {
  const now = new Date().toISOString();
  if (!acceptsRegistrations(event, now)) return { kind: 'closed' };
  if (request.trapped) return { kind: 'registered', status: 'confirmed', position: 0 };
  const solvedProof = request.proof !== '';
  if (solvedProof && !(await redeemSolution(deps.db, request.proof))) return { kind: 'proof-failed' };
  const attempt = { email: request.email, ip: context.ip, solvedProof, form: 'register' as const };
  const minutes = await signupWaitMinutes(deps.db.kysely, attempt);
  if (minutes > 0) return { kind: 'too-many', minutes };
  await recordSignup(deps.db.kysely, attempt);
  const registrant = { name: request.name, email: request.email, organisation: request.organisation };
  const queue = await registrationMailQueue(deps, now);
  const result = await registerForEvent(deps.db, event.id, { ...registrant, lang: context.lang }, now, queue);
  if (result.kind === 'closed') return result;
  const { registration } = result;
  const status = registration.status === 'waitlisted' ? 'waitlisted' : 'confirmed';
  const position = status === 'waitlisted' ? await waitlistPosition(deps.db.kysely, registration) : 0;
  const problem = await sendNow(deps, result.mailIds);
  return { kind: result.kind, status, position, ...(problem && { mailError: problem.error }) };
}
