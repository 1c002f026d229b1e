import type { Kysely } from 'kysely';
import type { Db } from '../db/create-db.js';
import type { Database, OutboxRow } from '../db/schema.js';
import { startRepeatingJob, type RepeatingJob } from '../lib/repeating-job.js';
import { afterFailure, errorText } from './delivery-policy.js';
import type { Mailer } from './mailer.js';
import { claimMail, claimNextMail, finishMail, outboxMail, settleOutbox } from './outbox.js';

/*
 * Sending the outbox. Every send goes through a claim (outbox.ts), whether by the repeating
 * worker, by the one-shot CLI command or by a request handing its own mail over right after
 * its commit, so one row is sent by one sender only. Temporary SMTP failures (4xx, network)
 * are retried with back-off; refusals (5xx) fail for good.
 */

export interface OutboxDeps {
  db: Db;
  mailer: Mailer;
}

/** How one send ended: sent, queued again for later, failed for good. */
export type SendResult = { status: 'sent' } | { status: 'retrying' | 'failed'; error: unknown };

async function sendClaimed(db: Kysely<Database>, mailer: Mailer, row: OutboxRow): Promise<SendResult> {
  try {
    await mailer.send(outboxMail(row));
  } catch (error) {
    const next = afterFailure(error, row.attempts);
    await finishMail(db, row, next);
    return { status: next.status === 'queued' ? 'retrying' : 'failed', error };
  }
  await finishMail(db, row, { status: 'sent', sent_at: new Date().toISOString(), last_error: '' });
  return { status: 'sent' };
}

/**
 * Sends due mail, oldest first, until none is due, `maxMails` are sent or `signal` aborts;
 * first marks the claims of dead senders as uncertain. Returns how many rows it handled.
 * `now` stands for the clock (tests move it past a back-off).
 */
export async function sendOutbox(
  deps: OutboxDeps,
  options: { maxMails?: number; signal?: AbortSignal; now?: () => Date } = {},
): Promise<number> {
  const db = deps.db.kysely;
  const clock = options.now ?? (() => new Date());
  await settleOutbox(db, clock());
  let handled = 0;
  while (handled < (options.maxMails ?? Infinity) && !options.signal?.aborted) {
    const row = await claimNextMail(db, clock());
    if (!row) break;
    handled++;
    await sendClaimed(db, deps.mailer, row);
  }
  return handled;
}

/** How a mail handed over by its request went; 'elsewhere' when another sender had claimed it. */
export type DeliverOutcome = { id: number } & (
  SendResult | { status: 'elsewhere' } | { status: 'unknown'; error: unknown }
);

/**
 * Sends these just-queued mails now, in order, each only if this call wins its claim: what
 * a request calls after its commit, so mail leaves at once rather than at the worker's next
 * run. Never throws: the rows are committed, so whatever goes wrong here (even the database)
 * leaves them to the worker, and the outcome says what happened.
 */
export async function deliverNow(deps: OutboxDeps, ids: readonly number[]): Promise<DeliverOutcome[]> {
  const outcomes: DeliverOutcome[] = [];
  for (const id of ids) {
    try {
      const row = await claimMail(deps.db.kysely, id, new Date());
      outcomes.push({ id, ...(row ? await sendClaimed(deps.db.kysely, deps.mailer, row) : { status: 'elsewhere' }) });
    } catch (error) {
      outcomes.push({
        id,
        status: 'unknown',
        error: new Error(`outbox mail ${id}: ${errorText(error)}`, { cause: error }),
      });
    }
  }
  return outcomes;
}

/** Sends the outbox now and every `intervalSeconds`; `stop` lets the mail in flight finish first. */
export function startOutboxWorker(
  deps: OutboxDeps,
  intervalSeconds: number,
  onError: (error: unknown) => void,
): RepeatingJob {
  return startRepeatingJob((signal) => sendOutbox(deps, { signal }), intervalSeconds, onError);
}
