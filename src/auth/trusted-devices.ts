import { createHmac, randomBytes } from 'node:crypto';
import type { Db } from '../db/create-db.js';
import { siteSecret } from '../lib/site-secrets.js';
import { tokensEqual } from './tokens.js';

/**
 * A trusted device is a browser that signed in completely to an account (password and, if
 * on, TOTP) or used a reset link for it. It gets a cookie `<device id>.<HMAC>` signed over
 * the account's email and current password hash, so it proves nothing for another account
 * and dies with the next password change. The cookie grants no access by itself: it only
 * moves that browser's sign-in attempts from the account's failure counter to its own
 * (sign-in-throttle.ts), so an attacker who keeps the account locked does not lock out
 * its owner's browser.
 */
export const DEVICE_COOKIE_MAX_AGE_SECONDS = 180 * 24 * 60 * 60;

export function deviceCookieName(secure: boolean): string {
  // The __Host- prefix pins the cookie to this host over HTTPS (no Domain, Path=/).
  return secure ? '__Host-dossier_device' : 'dossier_device';
}

/** What the signature covers: a new password (its new salted hash) retires old devices. */
export interface DeviceAccount {
  email: string;
  password_hash: string;
}

async function signature(db: Db, account: DeviceAccount, deviceId: string): Promise<string> {
  const secret = await siteSecret(db, 'trusted-device');
  return createHmac('sha256', secret)
    .update(`${account.email.toLowerCase()}\n${account.password_hash}\n${deviceId}`)
    .digest('base64url');
}

/** A new cookie value for this browser and account (128-bit device id). */
export async function newDeviceToken(db: Db, account: DeviceAccount): Promise<string> {
  const deviceId = randomBytes(16).toString('base64url');
  return `${deviceId}.${await signature(db, account, deviceId)}`;
}

/** The device id when `token` was issued for this account under its current password, else null. */
export async function trustedDeviceId(
  db: Db,
  token: string | undefined,
  account: DeviceAccount,
): Promise<string | null> {
  const match = /^([\w-]{22})\.([\w-]{43})$/.exec(token ?? '');
  if (!match) return null;
  const [, deviceId = '', sent = ''] = match;
  return tokensEqual(await signature(db, account, deviceId), sent) ? deviceId : null;
}
