import type { Db } from '../db/create-db.js';
import type { User } from '../db/schema.js';
import { verifyAgainstDummy, verifyPassword } from './passwords.js';
import { createSession, endSession } from './sessions.js';
import {
  accountCounter,
  addressCounters,
  attemptSucceeded,
  beginAttempt,
  deviceCounter,
  type Counter,
  type ThrottleKey,
} from './sign-in-throttle.js';
import { acceptTotp } from './totp.js';
import { newDeviceToken, trustedDeviceId } from './trusted-devices.js';
import { findUserByEmail } from './users.js';

export type SignInResult =
  | {
      ok: true;
      token: string;
      pendingSecondFactor: boolean;
      userId: number;
      /** After a complete sign-in: the trusted-device cookie for this browser. */
      deviceToken?: string;
    }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/** Who is asking and from where; `deviceToken` is the trusted-device cookie, if any. */
export interface AttemptOrigin {
  ip: string;
  deviceToken?: string;
  now?: Date;
}

/**
 * The counters one credential attempt on `email` is judged by (see sign-in-throttle.ts):
 * its trusted device's when the browser has one for this account, else the account's and
 * the address's. `forgive` is what a complete sign-in clears.
 */
export async function credentialCounters(
  db: Db,
  email: string,
  account: Pick<User, 'email' | 'password_hash'> | undefined,
  origin: AttemptOrigin,
): Promise<{ counters: Counter[]; forgive: ThrottleKey }> {
  const device = account ? await trustedDeviceId(db, origin.deviceToken, account) : null;
  if (device) {
    const counter = deviceCounter(device);
    return { counters: [counter, ...addressCounters(origin.ip, false)], forgive: counter.key };
  }
  const counter = accountCounter(email);
  return { counters: [counter, ...addressCounters(origin.ip)], forgive: counter.key };
}

/**
 * Checks a password. Every check is counted before it is made (per typed email, whether or
 * not it has an account, so the lock reveals nothing); over a limit the password is not
 * even checked. Unknown, disabled and wrong all answer alike and take alike long.
 */
export async function signInWithPassword(
  db: Db,
  input: AttemptOrigin & { email: string; password: string },
): Promise<SignInResult> {
  const now = input.now ?? new Date();
  const user = await findUserByEmail(db.kysely, input.email);
  const { counters, forgive } = await credentialCounters(db, input.email, user, input);
  const attempt = await beginAttempt(db.kysely, counters, now);
  if (attempt.blocked) return { ok: false, reason: 'throttled', retryAfterSeconds: attempt.retryAfterSeconds };
  const valid = user
    ? (await verifyPassword(user.password_hash, input.password)) && user.disabled === 0
    : await verifyAgainstDummy(input.password);
  if (!user || !valid) return { ok: false, reason: 'invalid' };
  const pendingSecondFactor = user.totp_secret !== null;
  // Only a complete sign-in forgives earlier failures: forgiving them after the password
  // alone would give whoever knows it five fresh code guesses at every retry.
  await attemptSucceeded(db.kysely, attempt, pendingSecondFactor ? [] : [forgive]);
  const token = await createSession(db.kysely, user.id, { pendingSecondFactor, now });
  const deviceToken = pendingSecondFactor ? undefined : await newDeviceToken(db, user);
  return { ok: true, token, pendingSecondFactor, userId: user.id, deviceToken };
}

/**
 * The second step: a correct, unused code turns the pending session into a new full one
 * (a new token; the pending one is deleted). Codes are counted like passwords; once the
 * account is locked the pending session ends too, so further codes need the password again.
 */
export async function completeSecondFactor(
  db: Db,
  input: AttemptOrigin & { userId: number; secret: string; code: string; pendingIdHash: string },
): Promise<SignInResult> {
  const now = input.now ?? new Date();
  const user = await db.kysely.selectFrom('users').selectAll().where('id', '=', input.userId).executeTakeFirst();
  if (!user || user.disabled) return { ok: false, reason: 'invalid' };
  const { counters, forgive } = await credentialCounters(db, user.email, user, input);
  const attempt = await beginAttempt(db.kysely, counters, now);
  if (attempt.blocked) {
    await endSession(db.kysely, input.pendingIdHash);
    return { ok: false, reason: 'throttled', retryAfterSeconds: attempt.retryAfterSeconds };
  }
  if (!(await acceptTotp(db.kysely, input.userId, input.secret, input.code, now.getTime()))) {
    return { ok: false, reason: 'invalid' };
  }
  await attemptSucceeded(db.kysely, attempt, [forgive]);
  await endSession(db.kysely, input.pendingIdHash);
  const token = await createSession(db.kysely, input.userId, { pendingSecondFactor: false, now });
  return {
    ok: true,
    token,
    pendingSecondFactor: false,
    userId: input.userId,
    deviceToken: await newDeviceToken(db, user),
  };
}
