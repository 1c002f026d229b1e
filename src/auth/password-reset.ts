import type { Kysely } from 'kysely';
import { audit } from '../audit/audit-log.js';
import type { Database, User } from '../db/schema.js';
import { addressCounters, beginAttempt, checkThrottle } from './sign-in-throttle.js';
import { hashToken, newToken } from './tokens.js';
import { checkPasswordPolicy } from './passwords.js';
import { findUserByEmail, setPassword, UserInputError } from './users.js';

export const RESET_LINK_MINUTES = 30;
/** Reset mails per email address per window, so the form cannot be used to flood an inbox. */
const MAX_RESET_MAILS = 3;

export type ResetRequestResult =
  { throttled: true; retryAfterSeconds: number } | { throttled: false; user: User | null };

/**
 * Decides whether a reset link goes out; `user` is null both for unknown emails and when
 * too many links were sent, and the form answers the same either way. Every request counts
 * as a credential attempt of its address (an address over its limit is refused whatever
 * the email), but never against the account: asking for a reset checks no secret, so it
 * must not lock anyone out. Known and unknown emails do the same work here; the link is
 * made by issueResetToken, which the caller runs after answering.
 */
export async function requestPasswordReset(
  db: Kysely<Database>,
  email: string,
  origin: { ip: string; now?: Date },
): Promise<ResetRequestResult> {
  const now = origin.now ?? new Date();
  const attempt = await beginAttempt(db, addressCounters(origin.ip), now);
  if (attempt.blocked) return { throttled: true, retryAfterSeconds: attempt.retryAfterSeconds };
  const key = `reset:${email.trim().toLowerCase()}` as const;
  if ((await checkThrottle(db, key, MAX_RESET_MAILS, now)).blocked) return { throttled: false, user: null };
  await db.insertInto('sign_in_failures').values({ key, at: now.toISOString() }).execute();
  const user = await findUserByEmail(db, email);
  return { throttled: false, user: user && !user.disabled ? user : null };
}

/** A single-use reset token for the account, valid for RESET_LINK_MINUTES. */
export async function issueResetToken(db: Kysely<Database>, userId: number, now = new Date()): Promise<string> {
  const token = newToken();
  await db
    .insertInto('one_time_tokens')
    .values({
      token_hash: hashToken(token),
      purpose: 'password-reset',
      user_id: userId,
      expires_at: new Date(now.getTime() + RESET_LINK_MINUTES * 60 * 1000).toISOString(),
      used_at: null,
    })
    .execute();
  return token;
}

/** The account a reset link belongs to, if the link is unused and unexpired. */
export async function findResetToken(db: Kysely<Database>, token: string, now = new Date()) {
  return db
    .selectFrom('one_time_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select(['t.token_hash', 'u.id as userId', 'u.email'])
    .where('t.token_hash', '=', hashToken(token))
    .where('t.purpose', '=', 'password-reset')
    .where('t.used_at', 'is', null)
    .where('t.expires_at', '>', now.toISOString())
    .executeTakeFirst();
}

/**
 * Uses the link. The password is checked before the link is spent; spending it is a
 * conditional update, so two tabs cannot both use one link. Returns the account, or null
 * for a dead link.
 */
export async function resetPassword(db: Kysely<Database>, token: string, password: string, now = new Date()) {
  const found = await findResetToken(db, token, now);
  if (!found) return null;
  const problem = checkPasswordPolicy(password, found.email);
  if (problem) throw new UserInputError({ password: problem });
  const spent = await db
    .updateTable('one_time_tokens')
    .set({ used_at: now.toISOString() })
    .where('token_hash', '=', found.token_hash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  if (Number(spent.numUpdatedRows) !== 1) return null;
  const actor = { id: found.userId, email: found.email };
  await setPassword(db, actor, found.userId, password, found.email);
  await audit(db, actor, { action: 'password-reset', entity: 'user', entityId: found.userId });
  return actor;
}
