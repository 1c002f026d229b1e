import type { Kysely } from 'kysely';
import { audit } from '../audit/audit-log.js';
import type { Database } from '../db/schema.js';
import { checkThrottle, recordFailure } from './sign-in-throttle.js';
import { hashToken, newToken } from './tokens.js';
import { checkPasswordPolicy } from './passwords.js';
import { findUserByEmail, setPassword, UserInputError } from './users.js';

export const RESET_LINK_MINUTES = 30;
/** Reset mails per email address per window, so the form cannot be used to flood an inbox. */
const MAX_RESET_MAILS = 3;

/**
 * Makes a single-use reset token for the account, if there is one. Returns null both for
 * unknown emails and when too many links were sent: the form answers the same either way.
 */
export async function requestPasswordReset(db: Kysely<Database>, email: string, now = new Date()) {
  const key = `reset:${email.trim().toLowerCase()}` as const;
  if ((await checkThrottle(db, key, MAX_RESET_MAILS, now)).blocked) return null;
  await recordFailure(db, [key], now);
  const user = await findUserByEmail(db, email);
  if (!user || user.disabled) return null;
  const token = newToken();
  await db
    .insertInto('one_time_tokens')
    .values({
      token_hash: hashToken(token),
      purpose: 'password-reset',
      user_id: user.id,
      expires_at: new Date(now.getTime() + RESET_LINK_MINUTES * 60 * 1000).toISOString(),
      used_at: null,
    })
    .execute();
  return { token, user };
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
 * conditional update, so two tabs cannot both use one link.
 */
export async function resetPassword(db: Kysely<Database>, token: string, password: string, now = new Date()) {
  const found = await findResetToken(db, token, now);
  if (!found) return false;
  const problem = checkPasswordPolicy(password, found.email);
  if (problem) throw new UserInputError({ password: problem });
  const spent = await db
    .updateTable('one_time_tokens')
    .set({ used_at: now.toISOString() })
    .where('token_hash', '=', found.token_hash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  if (Number(spent.numUpdatedRows) !== 1) return false;
  const actor = { id: found.userId, email: found.email };
  await setPassword(db, actor, found.userId, password, found.email);
  await audit(db, actor, { action: 'password-reset', entity: 'user', entityId: found.userId });
  return true;
}
