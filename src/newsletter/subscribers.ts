import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { hashToken, newToken } from '../auth/tokens.js';
import type { Database, Lang, Subscriber } from '../db/schema.js';

/** A confirmation link works for two days, once. */
export const CONFIRM_LIFETIME_MS = 48 * 60 * 60 * 1000;
/** Unconfirmed sign-ups are forgotten a week after their link expired. */
const FORGET_PENDING_AFTER_MS = 7 * 24 * 60 * 60 * 1000;

export interface Preferences {
  lang: Lang;
  /** Empty means every topic. */
  topicIds: number[];
}

/** What a sign-up did; the visitor is told the same thing in every case. */
export type SignupResult =
  | { kind: 'confirmation-needed'; subscriber: Subscriber; confirmToken: string }
  | { kind: 'already-confirmed'; subscriber: Subscriber };

export function normaliseEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

async function replaceTopics(db: Kysely<Database>, subscriberId: number, topicIds: number[]) {
  await db.deleteFrom('subscriber_topics').where('subscriber_id', '=', subscriberId).execute();
  if (topicIds.length === 0) return;
  await db
    .insertInto('subscriber_topics')
    .values([...new Set(topicIds)].map((topic_id) => ({ subscriber_id: subscriberId, topic_id })))
    .execute();
}

/**
 * Records a sign-up. A new, pending or unsubscribed address gets a fresh single-use
 * confirmation token and the chosen preferences; a confirmed address is left as it is,
 * so a stranger cannot change someone's preferences through the public form.
 */
export async function signUp(
  db: Kysely<Database>,
  email: string,
  prefs: Preferences,
  now = new Date(),
): Promise<SignupResult> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('subscribers').selectAll().where('email', '=', email).executeTakeFirst();
    if (existing?.status === 'confirmed') return { kind: 'already-confirmed', subscriber: existing };
    const confirmToken = newToken();
    const pending = {
      lang: prefs.lang,
      status: 'pending' as const,
      confirm_token_hash: hashToken(confirmToken),
      confirm_expires_at: new Date(now.getTime() + CONFIRM_LIFETIME_MS).toISOString(),
    };
    const subscriber = existing
      ? await trx
          .updateTable('subscribers')
          .set(pending)
          .where('id', '=', existing.id)
          .returningAll()
          .executeTakeFirstOrThrow()
      : await trx
          .insertInto('subscribers')
          .values({ ...pending, email, link_key: randomBytes(16).toString('hex'), created_at: now.toISOString() })
          .returningAll()
          .executeTakeFirstOrThrow();
    await replaceTopics(trx, subscriber.id, prefs.topicIds);
    return { kind: 'confirmation-needed', subscriber, confirmToken };
  });
}

export type ConfirmResult = { kind: 'confirmed'; subscriber: Subscriber } | { kind: 'expired' } | { kind: 'invalid' };

/** Confirms with a token from the mail: a conditional update, so a token works exactly once. */
export async function confirmSubscription(
  db: Kysely<Database>,
  token: string,
  now = new Date(),
): Promise<ConfirmResult> {
  const hash = hashToken(token);
  const subscriber = await db
    .updateTable('subscribers')
    .set({ status: 'confirmed', confirmed_at: now.toISOString(), confirm_token_hash: null, confirm_expires_at: null })
    .where('confirm_token_hash', '=', hash)
    .where('status', '=', 'pending')
    .where('confirm_expires_at', '>', now.toISOString())
    .returningAll()
    .executeTakeFirst();
  if (subscriber) return { kind: 'confirmed', subscriber };
  const expired = await db
    .selectFrom('subscribers')
    .select('id')
    .where('confirm_token_hash', '=', hash)
    .executeTakeFirst();
  return expired ? { kind: 'expired' } : { kind: 'invalid' };
}

export async function subscriberTopicIds(db: Kysely<Database>, subscriberId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('subscriber_topics')
    .select('topic_id')
    .where('subscriber_id', '=', subscriberId)
    .execute();
  return rows.map((r) => r.topic_id);
}

/** Saves preferences from a signed link; the link proves the mailbox, so it also re-subscribes. */
export async function updatePreferences(
  db: Kysely<Database>,
  subscriberId: number,
  prefs: Preferences,
  now = new Date(),
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('subscribers')
      .select(['status', 'confirmed_at'])
      .where('id', '=', subscriberId)
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('subscribers')
      .set({
        lang: prefs.lang,
        status: 'confirmed',
        confirmed_at: current.confirmed_at ?? now.toISOString(),
        unsubscribed_at: null,
        confirm_token_hash: null,
        confirm_expires_at: null,
      })
      .where('id', '=', subscriberId)
      .execute();
    await replaceTopics(trx, subscriberId, prefs.topicIds);
  });
}

export async function unsubscribe(db: Kysely<Database>, subscriberId: number, now = new Date()): Promise<void> {
  await db
    .updateTable('subscribers')
    .set({ status: 'unsubscribed', unsubscribed_at: now.toISOString(), confirm_token_hash: null })
    .where('id', '=', subscriberId)
    .where('status', '!=', 'unsubscribed')
    .execute();
}

/** Erasure on request: the row, its topics and its delivery records go; nothing is kept. */
export async function eraseSubscriber(db: Kysely<Database>, subscriberId: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await trx.deleteFrom('newsletter_deliveries').where('subscriber_id', '=', subscriberId).execute();
    await trx.deleteFrom('subscriber_topics').where('subscriber_id', '=', subscriberId).execute();
    const result = await trx.deleteFrom('subscribers').where('id', '=', subscriberId).executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  });
}

/** Forgets sign-ups that were never confirmed, so unconfirmed addresses are not kept. */
export async function forgetStalePending(db: Kysely<Database>, now = new Date()): Promise<void> {
  await db
    .deleteFrom('subscribers')
    .where('status', '=', 'pending')
    .where('confirm_expires_at', '<', new Date(now.getTime() - FORGET_PENDING_AFTER_MS).toISOString())
    .execute();
}
