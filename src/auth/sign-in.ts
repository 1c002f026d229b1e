import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { verifyAgainstDummy, verifyPassword } from './passwords.js';
import { createSession } from './sessions.js';
import {
  accountKey,
  addressKey,
  checkThrottle,
  clearFailures,
  MAX_FAILURES_PER_ACCOUNT,
  MAX_FAILURES_PER_ADDRESS,
  recordFailure,
} from './sign-in-throttle.js';
import { acceptTotp } from './totp.js';
import { findUserByEmail } from './users.js';

export type SignInResult =
  | { ok: true; token: string; pendingSecondFactor: boolean; userId: number }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterMinutes: number };

/**
 * Checks a password. Failures are counted per submitted email (whether or not it has an
 * account, so the lock message reveals nothing) and per address; over the limit, the
 * password is not even checked.
 */
export async function signInWithPassword(
  db: Kysely<Database>,
  input: { email: string; password: string; ip: string; now?: Date },
): Promise<SignInResult> {
  const now = input.now ?? new Date();
  const keys = [accountKey(input.email), addressKey(input.ip)] as const;
  const [account, address] = await Promise.all([
    checkThrottle(db, keys[0], MAX_FAILURES_PER_ACCOUNT, now),
    checkThrottle(db, keys[1], MAX_FAILURES_PER_ADDRESS, now),
  ]);
  if (account.blocked || address.blocked) {
    return {
      ok: false,
      reason: 'throttled',
      retryAfterMinutes: Math.max(account.retryAfterMinutes, address.retryAfterMinutes),
    };
  }
  const user = await findUserByEmail(db, input.email);
  const valid = user
    ? (await verifyPassword(user.password_hash, input.password)) && user.disabled === 0
    : await verifyAgainstDummy(input.password);
  if (!user || !valid) {
    await recordFailure(db, [...keys], now);
    return { ok: false, reason: 'invalid' };
  }
  await clearFailures(db, keys[0]);
  const pendingSecondFactor = user.totp_secret !== null;
  const token = await createSession(db, user.id, { pendingSecondFactor, now });
  return { ok: true, token, pendingSecondFactor, userId: user.id };
}

/** The second step: a correct, unused code turns the pending session into a new full one. */
export async function completeSecondFactor(
  db: Kysely<Database>,
  input: { userId: number; secret: string; code: string; pendingIdHash: string; email: string; ip: string; now?: Date },
): Promise<SignInResult> {
  const now = input.now ?? new Date();
  const key = accountKey(input.email);
  const throttle = await checkThrottle(db, key, MAX_FAILURES_PER_ACCOUNT, now);
  if (throttle.blocked) return { ok: false, reason: 'throttled', retryAfterMinutes: throttle.retryAfterMinutes };
  if (!(await acceptTotp(db, input.userId, input.secret, input.code, now.getTime()))) {
    await recordFailure(db, [key, addressKey(input.ip)], now);
    return { ok: false, reason: 'invalid' };
  }
  await db.deleteFrom('sessions').where('id_hash', '=', input.pendingIdHash).execute();
  const token = await createSession(db, input.userId, { pendingSecondFactor: false, now });
  return { ok: true, token, pendingSecondFactor: false, userId: input.userId };
}
