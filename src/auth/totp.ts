import { Secret, TOTP } from 'otpauth';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

const PERIOD_SECONDS = 30;

/** A new base32 secret for an authenticator app. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The `otpauth://` address an authenticator app accepts (typed in or pasted). */
export function totpUri(secret: string, email: string, issuer: string): string {
  return new TOTP({ issuer, label: email, secret: Secret.fromBase32(secret), period: PERIOD_SECONDS }).toString();
}

/** The time step a code belongs to, or null when it is wrong (one step of clock drift allowed). */
export function matchTotp(secret: string, code: string, now = Date.now()): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = TOTP.validate({
    token,
    secret: Secret.fromBase32(secret),
    period: PERIOD_SECONDS,
    timestamp: now,
    window: 1,
  });
  return delta === null ? null : Math.floor(now / 1000 / PERIOD_SECONDS) + delta;
}

/**
 * Checks a code and marks its time step used, so a code seen over someone's shoulder
 * cannot be replayed. The conditional update makes this safe when two requests race.
 */
export async function acceptTotp(db: Kysely<Database>, userId: number, secret: string, code: string, now = Date.now()) {
  const step = matchTotp(secret, code, now);
  if (step === null) return false;
  const result = await db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** For tests and enrolment checks: the code an app would show now. */
export function currentTotp(secret: string, now = Date.now()): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), period: PERIOD_SECONDS, timestamp: now });
}
