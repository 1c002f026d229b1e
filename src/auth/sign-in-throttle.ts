import { isIPv6 } from 'node:net';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * Failed credential attempts are counted in the database, one row per key and attempt, so
 * every app node sees the same counts and a restart does not reset them. Newsletter
 * sign-ups and event registrations are counted in the same ledger under their own keys
 * and windows (checkThrottle / recordFailure below).
 *
 * Staff credentials (a password, a TOTP code, a reset request) go through beginAttempt:
 *
 * - Per account (the typed email, trimmed and lower-cased, whether or not it has an
 *   account): 5 failures are free; after that the account is locked for 1 minute after
 *   each failure, doubling with every further failure (2, 4, 8 … minutes) up to 24 hours.
 *   A lock is counted from the newest failure, so at most 15 guesses fit in the first day
 *   and 21 in any week (ASVS asks for no more than 100 an hour). Attempts refused while
 *   locked check nothing and count nothing, so hammering a locked account does not extend
 *   the lock. Failures are forgotten after 7 days or at the next complete sign-in.
 * - Per trusted device: a browser that once signed in completely to the account (or used a
 *   reset link for it) carries a signed cookie (trusted-devices.ts). Its attempts on that
 *   account are counted under the device, with the same back-off, instead of under the
 *   account. This is the answer to the lockout problem. No single lock lasts more than 24
 *   hours after the last failure, but an attacker who fails once a day keeps the account
 *   locked for every browser that is not trusted; its owner's own browser stays usable
 *   throughout, and the owner can make any browser trusted through a reset mail.
 * - Per client address: 30 failures an hour; per network (IPv4 /24, IPv6 /64, since one
 *   IPv6 host usually has a whole /64): 100 an hour. Trusted devices are not held back by
 *   these, but their failures count towards them.
 *
 * Each attempt writes its rows before the credential is checked and is judged only by
 * the rows written before its own (by id), so parallel requests cannot all slip through
 * before the first failure is recorded. A correct credential deletes its own rows again.
 */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;
/** Failures an account or device gets before the first lock. */
export const FREE_FAILURES = 5;
export const FIRST_LOCK_MS = MINUTE_MS;
export const LONGEST_LOCK_MS = 24 * HOUR_MS;
/** Account and device failures older than this no longer count (or exist). */
export const FAILURE_MEMORY_MS = 7 * 24 * HOUR_MS;
export const MAX_FAILURES_PER_ADDRESS = 30;
export const MAX_FAILURES_PER_NETWORK = 100;
export const ADDRESS_WINDOW_MS = HOUR_MS;
/** Rows older than the longest window any key uses no longer count anywhere. */
const LONGEST_WINDOW_MS = FAILURE_MEMORY_MS;

export type ThrottleKey =
  | `account:${string}`
  | `device:${string}`
  | `address:${string}`
  | `network:${string}`
  | `reset:${string}`
  | `subscribe-address:${string}`
  | `subscribe-email:${string}`
  | `register-address:${string}`
  | `register-email:${string}`;

export function accountKey(email: string): ThrottleKey {
  return `account:${email.trim().toLowerCase()}`;
}

/** `::ffff:192.0.2.1` and `192.0.2.1` are one client. */
function plainAddress(ip: string): string {
  return ip.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1').toLowerCase();
}

export function addressKey(ip: string): ThrottleKey {
  return `address:${plainAddress(ip)}`;
}

/** The /64 of an IPv6 address (one subscriber line usually has all of it), or the /24 of an IPv4 one. */
export function networkKey(ip: string): ThrottleKey {
  const address = plainAddress(ip);
  if (!isIPv6(address)) return `network:${address.split('.').slice(0, 3).join('.')}`;
  const [head = '', tail = ''] = address.split('::');
  const headParts = head === '' ? [] : head.split(':');
  const tailParts = tail === '' ? [] : tail.split(':');
  const groups = address.includes('::')
    ? [...headParts, ...Array<string>(8 - headParts.length - tailParts.length).fill('0'), ...tailParts]
    : headParts;
  return `network:${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** How a counter holds attempts back. `count` only records (a trusted device's address). */
export type Limit = { kind: 'back-off' } | { kind: 'window'; max: number; windowMs: number } | { kind: 'count' };

export interface Counter {
  key: ThrottleKey;
  limit: Limit;
}

const BACK_OFF: Limit = { kind: 'back-off' };

export function accountCounter(email: string): Counter {
  return { key: accountKey(email), limit: BACK_OFF };
}

export function deviceCounter(deviceId: string): Counter {
  return { key: `device:${deviceId}`, limit: BACK_OFF };
}

/** The address and its network; `enforce: false` counts without holding back. */
export function addressCounters(ip: string, enforce = true): Counter[] {
  return [
    {
      key: addressKey(ip),
      limit: enforce
        ? { kind: 'window', max: MAX_FAILURES_PER_ADDRESS, windowMs: ADDRESS_WINDOW_MS }
        : { kind: 'count' },
    },
    {
      key: networkKey(ip),
      limit: enforce
        ? { kind: 'window', max: MAX_FAILURES_PER_NETWORK, windowMs: ADDRESS_WINDOW_MS }
        : { kind: 'count' },
    },
  ];
}

/** The lock after `failures` failures: none for the free ones, then 1 min doubling to 24 h. */
export function lockAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(LONGEST_LOCK_MS, FIRST_LOCK_MS * 2 ** (failures - FREE_FAILURES));
}

export type AttemptStart =
  | { blocked: false; ids: number[] }
  | {
      blocked: true;
      /** Whole seconds until an attempt would be looked at again. */
      retryAfterSeconds: number;
    };

/** Milliseconds until `counter` lets an attempt through, judged by the rows before `ownId`. */
async function waitFor(db: Kysely<Database>, counter: Counter, ownId: number, now: Date): Promise<number> {
  const { limit } = counter;
  if (limit.kind === 'count') return 0;
  if (limit.kind === 'back-off') {
    const row = await db
      .selectFrom('sign_in_failures')
      .select((eb) => [eb.fn.countAll<string | number | bigint>().as('n'), eb.fn.max('at').as('last')])
      .where('key', '=', counter.key)
      .where('id', '<', ownId)
      .where('at', '>', new Date(now.getTime() - FAILURE_MEMORY_MS).toISOString())
      .executeTakeFirst();
    const lock = lockAfter(Number(row?.n ?? 0));
    if (lock === 0 || !row?.last) return 0;
    return Math.max(0, Date.parse(row.last) + lock - now.getTime());
  }
  const rows = await db
    .selectFrom('sign_in_failures')
    .select('at')
    .where('key', '=', counter.key)
    .where('id', '<', ownId)
    .where('at', '>', new Date(now.getTime() - limit.windowMs).toISOString())
    .orderBy('at', 'desc')
    .limit(limit.max)
    .execute();
  if (rows.length < limit.max) return 0;
  return Math.max(0, Date.parse(rows[rows.length - 1]!.at) + limit.windowMs - now.getTime());
}

/**
 * Records one credential attempt under every counter before the credential is checked,
 * and says whether it may be checked at all. A refused attempt leaves no rows. Otherwise
 * the rows stay as the failure record unless attemptSucceeded removes them.
 */
export async function beginAttempt(db: Kysely<Database>, counters: Counter[], now = new Date()): Promise<AttemptStart> {
  const unique = [...new Map(counters.map((c) => [c.key, c])).values()];
  const at = now.toISOString();
  const inserted = await db
    .insertInto('sign_in_failures')
    .values(unique.map((c) => ({ key: c.key, at })))
    .returning(['id', 'key'])
    .execute();
  const idOf = new Map(inserted.map((r) => [r.key, Number(r.id)]));
  const ids = [...idOf.values()];
  const waits = await Promise.all(unique.map((c) => waitFor(db, c, idOf.get(c.key)!, now)));
  const wait = Math.max(0, ...waits);
  if (wait > 0) {
    await db.deleteFrom('sign_in_failures').where('id', 'in', ids).execute();
    return { blocked: true, retryAfterSeconds: Math.ceil(wait / 1000) };
  }
  // The table stays small: rows older than every window no longer count.
  await db
    .deleteFrom('sign_in_failures')
    .where('at', '<', new Date(now.getTime() - LONGEST_WINDOW_MS).toISOString())
    .execute();
  return { blocked: false, ids };
}

/**
 * The credential was right: its attempt was no failure. `clear` names counters whose past
 * failures a complete sign-in forgives (the account or device, never an address).
 */
export async function attemptSucceeded(
  db: Kysely<Database>,
  attempt: { ids: number[] },
  clear: ThrottleKey[] = [],
): Promise<void> {
  if (attempt.ids.length) await db.deleteFrom('sign_in_failures').where('id', 'in', attempt.ids).execute();
  if (clear.length) await db.deleteFrom('sign_in_failures').where('key', 'in', clear).execute();
}

// ---------------------------------------------------------------------------------------------
// Fixed-window limits for the public mailing forms (and the reset mail per address).

export interface ThrottleState {
  blocked: boolean;
  /** Whole minutes until the oldest counted failure leaves the window. */
  retryAfterMinutes: number;
}

export async function checkThrottle(
  db: Kysely<Database>,
  key: ThrottleKey,
  limit: number,
  now = new Date(),
  windowMs = THROTTLE_WINDOW_MS,
): Promise<ThrottleState> {
  const since = new Date(now.getTime() - windowMs).toISOString();
  const rows = await db
    .selectFrom('sign_in_failures')
    .select('at')
    .where('key', '=', key)
    .where('at', '>', since)
    .orderBy('at', 'desc')
    .limit(limit)
    .execute();
  if (rows.length < limit) return { blocked: false, retryAfterMinutes: 0 };
  const oldest = rows[rows.length - 1]!.at;
  const freeAt = Date.parse(oldest) + windowMs;
  return { blocked: true, retryAfterMinutes: Math.max(1, Math.ceil((freeAt - now.getTime()) / 60000)) };
}

export async function recordFailure(db: Kysely<Database>, keys: ThrottleKey[], now = new Date()): Promise<void> {
  await db
    .insertInto('sign_in_failures')
    .values(keys.map((key) => ({ key, at: now.toISOString() })))
    .execute();
  // Keep the table small: rows older than every window no longer count.
  await db
    .deleteFrom('sign_in_failures')
    .where('at', '<', new Date(now.getTime() - LONGEST_WINDOW_MS).toISOString())
    .execute();
}

export async function clearFailures(db: Kysely<Database>, key: ThrottleKey): Promise<void> {
  await db.deleteFrom('sign_in_failures').where('key', '=', key).execute();
}
