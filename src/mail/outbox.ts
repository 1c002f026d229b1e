import type { Kysely } from 'kysely';
import type { Database, OutboxRow, OutboxStatus } from '../db/schema.js';
import { LEASE_MS } from './delivery-policy.js';
import type { MailAttachment, OutgoingMail } from './mailer.js';

/*
 * The outbox of transactional mail. Code that changes state and owes someone a mail about
 * it queues the rendered mail here inside the same transaction, so the two commit or roll
 * back together: once the change is committed the mail cannot be lost, and a change rolled
 * back leaves no mail. Sending happens after the commit, by whoever claims the row first
 * (see outbox-worker.ts).
 */

/** A mail to queue: what it is, what it is about, and the key that makes queueing it idempotent. */
export interface OutboxEntry {
  /** What sort of mail, e.g. 'event-promoted'. */
  kind: string;
  /** What it is about, e.g. 'registration:12'; staff pages look mail up by it. */
  ref: string;
  /** Unique per mail owed: queueing the same key again (a retried request) queues nothing. */
  dedupeKey: string;
  mail: OutgoingMail;
}

/** An attachment as JSON: binary content travels as base64. */
type StoredAttachment = Omit<MailAttachment, 'content'> & { content: string; base64?: true };
type StoredMessage = Omit<OutgoingMail, 'to' | 'attachments'> & { attachments?: StoredAttachment[] };

function toJson({ attachments, ...message }: OutgoingMail): string {
  const stored: StoredMessage & { to?: undefined } = {
    ...message,
    // The recipient has its own column; JSON leaves undefined out.
    to: undefined,
    ...(attachments && {
      attachments: attachments.map((a) =>
        typeof a.content === 'string'
          ? { ...a, content: a.content }
          : { ...a, content: a.content.toString('base64'), base64: true as const },
      ),
    }),
  };
  return JSON.stringify(stored);
}

/** The mail a row holds, as the Mailer takes it. */
export function outboxMail(row: Pick<OutboxRow, 'recipient' | 'message_json'>): OutgoingMail {
  const { attachments, ...rest } = JSON.parse(row.message_json) as StoredMessage;
  return {
    ...rest,
    to: row.recipient,
    ...(attachments && {
      attachments: attachments.map(({ base64, content, ...a }) => ({
        ...a,
        content: base64 ? Buffer.from(content, 'base64') : content,
      })),
    }),
  };
}

/**
 * Queues one mail; call it with the transaction that makes the change the mail reports.
 * Returns the row's id, or undefined when a mail with this dedupe key was queued before.
 */
export async function queueMail(
  trx: Kysely<Database>,
  entry: OutboxEntry,
  now = new Date(),
): Promise<number | undefined> {
  const at = now.toISOString();
  const row = await trx
    .insertInto('mail_outbox')
    .values({
      kind: entry.kind,
      ref: entry.ref,
      dedupe_key: entry.dedupeKey,
      recipient: entry.mail.to,
      message_json: toJson(entry.mail),
      status: 'queued',
      next_attempt_at: at,
      created_at: at,
    })
    // Both engines: a concurrent insert of the same key waits for the first and then does nothing.
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

/**
 * Claims the row for one sender: the conditional update from 'queued' succeeds for exactly
 * one of any number of senders, on any node, on both engines (PostgreSQL re-checks the
 * condition after waiting on a concurrent update; SQLite has one writer at a time).
 */
export async function claimMail(db: Kysely<Database>, id: number, now: Date): Promise<OutboxRow | undefined> {
  return db
    .updateTable('mail_outbox')
    .set((eb) => ({ status: 'sending', claimed_at: now.toISOString(), attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .where('next_attempt_at', '<=', now.toISOString())
    .returningAll()
    .executeTakeFirst();
}

/** Claims the oldest mail that is due, or returns undefined when none is. */
export async function claimNextMail(db: Kysely<Database>, now: Date): Promise<OutboxRow | undefined> {
  for (;;) {
    const next = await db
      .selectFrom('mail_outbox')
      .select('id')
      .where('status', '=', 'queued')
      .where('next_attempt_at', '<=', now.toISOString())
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
    if (!next) return undefined;
    const claimed = await claimMail(db, next.id, now);
    // Lost the race for this one to another sender: look again.
    if (claimed) return claimed;
  }
}

/**
 * Records how a claimed send ended, only if the claim is still ours. A send that outlived
 * its lease has been marked 'uncertain'; learning that it went after all may still say so.
 */
export async function finishMail(
  db: Kysely<Database>,
  row: Pick<OutboxRow, 'id' | 'claimed_at'>,
  set: {
    status: Exclude<OutboxStatus, 'sending' | 'uncertain'>;
    sent_at?: string;
    next_attempt_at?: string;
    last_error: string;
  },
): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set(set)
    .where('id', '=', row.id)
    .where('claimed_at', '=', row.claimed_at)
    .where('status', 'in', set.status === 'sent' ? ['sending', 'uncertain'] : ['sending'])
    .execute();
}

/**
 * Rows claimed longer ago than the lease belonged to a sender that died mid-send. Whether
 * that mail left is unknown: the SMTP server may have accepted it just before the process
 * died, and SMTP offers no way to ask or to submit idempotently. Sending it again could mail
 * someone twice, so such a row becomes 'uncertain' and is never retried automatically: at
 * most one mail (the one in flight) per dead sender is in doubt, and staff can see it.
 * Returns how many rows were settled.
 */
export async function settleOutbox(db: Kysely<Database>, now = new Date()): Promise<number> {
  const result = await db
    .updateTable('mail_outbox')
    .set({ status: 'uncertain', last_error: 'the sender stopped during the send' })
    .where('status', '=', 'sending')
    .where('claimed_at', '<', new Date(now.getTime() - LEASE_MS).toISOString())
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
