import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * Failed credential attempts are counted in the database, per account and per address, so
 * every app node sees the same counts and a restart does not reset them. Newsletter
 * sign-ups and event registrations are counted in the same ledger under their own keys
 * and windows.
 */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
/** Rows older than the longest window any key uses no longer count anywhere. */
const LONGEST_WINDOW_MS = 24 * 60 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

export type ThrottleKey =
  | `account:${string}`
  | `address:${string}`
  | `reset:${string}`
  | `subscribe-address:${string}`
  | `subscribe-email:${string}`
  | `register-address:${string}`
  | `register-email:${string}`;

export function accountKey(email: string): ThrottleKey {
  return `account:${email.trim().toLowerCase()}`;
}

export function addressKey(ip: string): ThrottleKey {
  return `address:${ip}`;
}

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
