import type { Kysely } from 'kysely';
import type { Database, User } from '../db/schema.js';
import { hashToken, newToken } from './tokens.js';

/** A session ends after this long without a request… */
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
/** …and after this long in any case (ASVS 7.3: 12 hours absolute). */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** A session waiting for its TOTP code lives only this long. */
const SECOND_FACTOR_WINDOW_MS = 5 * 60 * 1000;
/** `last_seen_at` is written at most this often, not on every request. */
const TOUCH_INTERVAL_MS = 60 * 1000;

export type SessionUser = Pick<User, 'id' | 'email' | 'name' | 'role' | 'person_id' | 'ui_lang' | 'totp_secret'>;

export interface ActiveSession {
  idHash: string;
  csrfToken: string;
  pendingSecondFactor: boolean;
  user: SessionUser;
}

/** Starts a session and returns the cookie value (only its hash is stored). */
export async function createSession(
  db: Kysely<Database>,
  userId: number,
  options: { pendingSecondFactor: boolean; now?: Date },
): Promise<string> {
  const now = options.now ?? new Date();
  const token = newToken();
  const lifetime = options.pendingSecondFactor ? SECOND_FACTOR_WINDOW_MS : SESSION_ABSOLUTE_MS;
  await db
    .insertInto('sessions')
    .values({
      id_hash: hashToken(token),
      user_id: userId,
      csrf_token: newToken(),
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + lifetime).toISOString(),
      pending_second_factor: options.pendingSecondFactor ? 1 : 0,
    })
    .execute();
  return token;
}

/** The live session for a cookie value, or null when it is unknown, expired, idle or its user disabled. */
export async function findSession(
  db: Kysely<Database>,
  token: string,
  now = new Date(),
): Promise<ActiveSession | null> {
  const idHash = hashToken(token);
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.csrf_token',
      's.expires_at',
      's.last_seen_at',
      's.pending_second_factor',
      'u.id',
      'u.email',
      'u.name',
      'u.role',
      'u.person_id',
      'u.ui_lang',
      'u.totp_secret',
      'u.disabled',
    ])
    .where('s.id_hash', '=', idHash)
    .executeTakeFirst();
  if (!row) return null;
  const idleSince = now.getTime() - Date.parse(row.last_seen_at);
  if (row.disabled || now.toISOString() >= row.expires_at || idleSince > SESSION_IDLE_MS) {
    await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
    return null;
  }
  if (idleSince > TOUCH_INTERVAL_MS) {
    await db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('id_hash', '=', idHash).execute();
  }
  const { csrf_token, pending_second_factor, id, email, name, role, person_id, ui_lang, totp_secret } = row;
  return {
    idHash,
    csrfToken: csrf_token,
    pendingSecondFactor: pending_second_factor === 1,
    user: { id, email, name, role, person_id, ui_lang, totp_secret },
  };
}

export async function endSession(db: Kysely<Database>, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

/** Signs a user out everywhere (password change, disabling, role change). */
export async function endAllSessions(db: Kysely<Database>, userId: number): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** Housekeeping: expired sessions are otherwise removed only when presented. */
export async function deleteExpiredSessions(db: Kysely<Database>, now = new Date()): Promise<void> {
  const idleCutoff = new Date(now.getTime() - SESSION_IDLE_MS).toISOString();
  await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now.toISOString()), eb('last_seen_at', '<', idleCutoff)]))
    .execute();
}
