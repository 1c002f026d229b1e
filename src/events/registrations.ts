import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { inLang } from '../content/bilingual.js';
import type { ContentService } from '../content/content-service.js';
import type { Db, Engine } from '../db/create-db.js';
import type { Database, Event, EventRegistration } from '../db/schema.js';
import type { Mailer } from '../mail/mailer.js';
import { mailContext } from '../newsletter/mail-views.js';
import { redeemSolution } from '../newsletter/proof-of-work.js';
import { recordSignup, signupWaitMinutes } from '../newsletter/signup-limits.js';
import { paths } from '../site/paths.js';
import { eventIcs } from './event-calendar.js';
import { registrationMail, type RegistrationMailKind } from './event-mail.js';
import { cancellationUrl } from './registration-links.js';
import type { RegistrationRequest } from './registration-form.js';

/** What registering and cancelling need: the database, content (for settings), mail, and the site's origin. */
export type EventMailDeps = { db: Db; content: ContentService; mailer: Mailer; publicUrl: string };

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
  { kind: 'closed' } | { kind: 'registered' | 'existing'; event: Event; registration: EventRegistration };

/**
 * Registers one person: a seat while seats remain, else the waiting list. The address
 * registered already is left as it is (`existing`); a cancelled registration is replaced
 * by a new one at the end of the queue. Never exceeds capacity, however many arrive at once.
 */
export async function registerForEvent(
  db: Db,
  eventId: number,
  registrant: Registrant,
  now = new Date().toISOString(),
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
    if (existing && existing.status !== 'cancelled')
      return { kind: 'existing' as const, event, registration: existing };
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
    return { kind: 'registered' as const, event, registration };
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
 * event that has not begun, gives it to the earliest waitlisted registration in the same
 * transaction, then mails them the confirmation with the .ics. The promotion is committed
 * before the mail goes: if sending fails the error is thrown, and the promotion stands.
 */
export async function cancelRegistration(
  deps: EventMailDeps,
  registrationId: number,
): Promise<{ promoted: number | undefined }> {
  const now = new Date().toISOString();
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
    return promoted && { event, promoted };
  });
  if (outcome) await sendRegistrationMail(deps, outcome.event, outcome.promoted, 'promoted');
  return { promoted: outcome?.promoted.id };
}

/**
 * Gives free seats to the waiting list in order, as after staff raise the capacity, and
 * mails each person promoted. Returns how many were promoted.
 */
export async function fillFreeSeats(deps: EventMailDeps, eventId: number): Promise<number> {
  const now = new Date().toISOString();
  const outcome = await deps.db.kysely.transaction().execute(async (trx) => {
    const event = await lockEvent(trx, deps.db.engine, eventId);
    if (!event || event.starts_at <= now) return undefined;
    const promoted: EventRegistration[] = [];
    for (let next = await promoteNext(trx, event, now); next; next = await promoteNext(trx, event, now)) {
      promoted.push(next);
    }
    return { event, promoted };
  });
  for (const registration of outcome?.promoted ?? []) {
    await sendRegistrationMail(deps, outcome!.event, registration, 'promoted');
  }
  return outcome?.promoted.length ?? 0;
}

/** Mails a registrant their status, in their language, with the .ics when the seat is theirs. */
export async function sendRegistrationMail(
  deps: EventMailDeps,
  event: Event,
  registration: EventRegistration,
  kind: RegistrationMailKind,
): Promise<void> {
  const catalog = await deps.content.getCatalog();
  const lang = registration.lang;
  const mail = registrationMail(mailContext(catalog, lang), {
    kind,
    event,
    registration,
    position: kind === 'waitlisted' ? await waitlistPosition(deps.db.kysely, registration) : undefined,
    eventUrl: deps.publicUrl + paths.event(lang, inLang(event, 'slug', lang)),
    cancelUrl: await cancellationUrl(deps, registration),
    ics: kind === 'waitlisted' ? undefined : eventIcs(event, lang, deps.publicUrl),
    instituteZone: catalog.settings.timeZone,
  });
  await deps.mailer.send(mail);
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
      /** Why the mail could not be sent; the registration stands all the same. */
      mailError?: unknown;
    };

/**
 * Runs a checked registration from the public form: proof of work, limits, the seat, then
 * the mail. A bot that filled the honeypot is answered like a person and nothing happens.
 * The registration stands even when the mail cannot be sent (`mailError`).
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
  const result = await registerForEvent(deps.db, event.id, { ...registrant, lang: context.lang }, now);
  if (result.kind === 'closed') return result;
  const { registration } = result;
  const status = registration.status === 'waitlisted' ? 'waitlisted' : 'confirmed';
  const position = status === 'waitlisted' ? await waitlistPosition(deps.db.kysely, registration) : 0;
  const mailError = await sendRegistrationMail(deps, result.event, registration, status).then(
    () => undefined,
    (error: unknown) => error ?? new Error('mail failed'),
  );
  return { kind: result.kind, status, position, mailError };
}
