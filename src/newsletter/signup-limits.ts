import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { checkThrottle, recordFailure, type ThrottleKey } from '../auth/sign-in-throttle.js';
import type { Database } from '../db/schema.js';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** The public forms that mail whoever's address is typed in, each counted under its own keys. */
export type MailingForm = 'subscribe' | 'register';

interface FormLimits {
  perEmailPerDay: number;
  perAddressPerHourWithProof: number;
  perAddressPerHourWithoutProof: number;
}

/**
 * Limits on the public forms. Per email: a few mails a day, so nobody can bomb a stranger's
 * inbox through us (a reader may register for several events in a day, so that form allows
 * a few more). Per address: ten an hour with a solved proof of work, three without (the
 * forms must work without JavaScript, so the challenge is optional and skipping it costs
 * allowance instead).
 */
export const LIMITS: Record<MailingForm, FormLimits> = {
  subscribe: { perEmailPerDay: 3, perAddressPerHourWithProof: 10, perAddressPerHourWithoutProof: 3 },
  register: { perEmailPerDay: 6, perAddressPerHourWithProof: 10, perAddressPerHourWithoutProof: 3 },
};

/** One use of a mailing form; `form` defaults to the newsletter sign-up. */
export interface MailingAttempt {
  email: string;
  ip: string;
  solvedProof: boolean;
  form?: MailingForm;
}

/** Emails are counted by hash: the ledger must not become a second copy of the list. */
function emailKey(form: MailingForm, email: string): ThrottleKey {
  return `${form}-email:${createHash('sha256').update(email).digest('hex')}`;
}

function addressKey(form: MailingForm, ip: string, solvedProof: boolean): ThrottleKey {
  return `${form}-address:${solvedProof ? 'proof' : 'plain'}:${ip}`;
}

/** Minutes to wait when over a limit, else 0. */
export async function signupWaitMinutes(
  db: Kysely<Database>,
  attempt: MailingAttempt,
  now = new Date(),
): Promise<number> {
  const form = attempt.form ?? 'subscribe';
  const limits = LIMITS[form];
  const perAddress = attempt.solvedProof ? limits.perAddressPerHourWithProof : limits.perAddressPerHourWithoutProof;
  const checks = await Promise.all([
    checkThrottle(db, addressKey(form, attempt.ip, attempt.solvedProof), perAddress, now, HOUR_MS),
    checkThrottle(db, emailKey(form, attempt.email), limits.perEmailPerDay, now, DAY_MS),
  ]);
  return Math.max(...checks.map((c) => (c.blocked ? c.retryAfterMinutes : 0)));
}

export async function recordSignup(db: Kysely<Database>, attempt: MailingAttempt, now = new Date()): Promise<void> {
  const form = attempt.form ?? 'subscribe';
  await recordFailure(db, [addressKey(form, attempt.ip, attempt.solvedProof), emailKey(form, attempt.email)], now);
}
