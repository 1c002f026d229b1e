import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { checkThrottle, recordFailure, type ThrottleKey } from '../auth/sign-in-throttle.js';
import type { Database } from '../db/schema.js';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/**
 * Limits on the public sign-up form. Per email: three mails a day, so nobody can bomb a
 * stranger's inbox through us. Per address: ten an hour with a solved proof of work,
 * three without (the form must work without JavaScript, so the challenge is optional and
 * skipping it costs allowance instead).
 */
export const LIMITS = {
  perEmailPerDay: 3,
  perAddressPerHourWithProof: 10,
  perAddressPerHourWithoutProof: 3,
};

/** Emails are counted by hash: the ledger must not become a second copy of the list. */
function emailKey(email: string): ThrottleKey {
  return `subscribe-email:${createHash('sha256').update(email).digest('hex')}`;
}

function addressKey(ip: string, solvedProof: boolean): ThrottleKey {
  return `subscribe-address:${solvedProof ? 'proof' : 'plain'}:${ip}`;
}

/** Minutes to wait when over a limit, else 0. */
export async function signupWaitMinutes(
  db: Kysely<Database>,
  attempt: { email: string; ip: string; solvedProof: boolean },
  now = new Date(),
): Promise<number> {
  const perAddress = attempt.solvedProof ? LIMITS.perAddressPerHourWithProof : LIMITS.perAddressPerHourWithoutProof;
  const checks = await Promise.all([
    checkThrottle(db, addressKey(attempt.ip, attempt.solvedProof), perAddress, now, HOUR_MS),
    checkThrottle(db, emailKey(attempt.email), LIMITS.perEmailPerDay, now, DAY_MS),
  ]);
  return Math.max(...checks.map((c) => (c.blocked ? c.retryAfterMinutes : 0)));
}

export async function recordSignup(
  db: Kysely<Database>,
  attempt: { email: string; ip: string; solvedProof: boolean },
  now = new Date(),
): Promise<void> {
  await recordFailure(db, [addressKey(attempt.ip, attempt.solvedProof), emailKey(attempt.email)], now);
}
