import type { Kysely } from 'kysely';
import type { ContentService } from '../content/content-service.js';
import type { Db } from '../db/create-db.js';
import type { Database, Lang, NewsletterIssue } from '../db/schema.js';
import type { Mailer } from '../mail/mailer.js';
import { inLang } from '../content/bilingual.js';
import { paths } from '../site/paths.js';
import { entriesForTopics, issueEntries, type IssueEntry } from './issue-content.js';
import { issueMail, mailContext } from './mail-views.js';
import { manageLinks } from './manage-links.js';
import { forgetStalePending, subscriberTopicIds } from './subscribers.js';
import { startRepeatingJob, type RepeatingJob } from '../lib/repeating-job.js';
import { afterFailure, LEASE_MS } from '../mail/delivery-policy.js';

/**
 * The newsletter send queue. Each (issue, subscriber) pair is one row; a sender claims a
 * row by a conditional update from 'queued' to 'sending' before talking to SMTP, so two
 * nodes never send the same row. A row still 'sending' after LEASE_MS belonged to a
 * sender that died mid-send: whether its mail left is unknown, so it becomes 'uncertain'
 * and is never retried automatically — nobody is mailed twice.
 */
// The lease (shared with the outbox, see delivery-policy.ts) is part of this module's interface.
export { LEASE_MS };

export interface SendDeps {
  db: Db;
  content: ContentService;
  mailer: Mailer;
  publicUrl: string;
  /** Upper bound on mails per minute, to stay within the SMTP provider's limits. */
  ratePerMinute: number;
}

/**
 * Queues one row per confirmed subscriber and marks the issue as sending; exactly once per
 * issue, and only while it is still at `expectedVersion` when one is given.
 */
export async function queueIssue(
  db: Kysely<Database>,
  issueId: number,
  expectedVersion?: number,
  now = new Date(),
): Promise<number | undefined> {
  return db.transaction().execute(async (trx) => {
    const flipped = await trx
      .updateTable('newsletter_issues')
      .set({ status: 'sending', queued_at: now.toISOString(), updated_at: now.toISOString() })
      .where('id', '=', issueId)
      .where('status', '=', 'draft')
      .$if(expectedVersion !== undefined, (qb) => qb.where('version', '=', expectedVersion!))
      .executeTakeFirst();
    if (Number(flipped.numUpdatedRows) !== 1) return undefined;
    const subscribers = await trx.selectFrom('subscribers').select('id').where('status', '=', 'confirmed').execute();
    const rows = subscribers.map((s) => ({
      issue_id: issueId,
      subscriber_id: s.id,
      status: 'queued' as const,
      next_attempt_at: now.toISOString(),
    }));
    for (let i = 0; i < rows.length; i += 500)
      await trx
        .insertInto('newsletter_deliveries')
        .values(rows.slice(i, i + 500))
        .execute();
    return rows.length;
  });
}

/** Entries per issue and language, computed once per run rather than once per recipient. */
class EntryCache {
  private readonly entries = new Map<string, Promise<IssueEntry[]>>();
  private readonly db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.db = db;
  }
  get(issueId: number, lang: Lang): Promise<IssueEntry[]> {
    const key = `${issueId}:${lang}`;
    if (!this.entries.has(key)) this.entries.set(key, issueEntries(this.db, issueId, lang));
    return this.entries.get(key)!;
  }
}

async function claimNext(db: Kysely<Database>, now: Date) {
  for (;;) {
    const next = await db
      .selectFrom('newsletter_deliveries')
      .select(['id'])
      .where('status', '=', 'queued')
      .where('next_attempt_at', '<=', now.toISOString())
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
    if (!next) return undefined;
    const claimed = await db
      .updateTable('newsletter_deliveries')
      .set((eb) => ({ status: 'sending', claimed_at: now.toISOString(), attempts: eb('attempts', '+', 1) }))
      .where('id', '=', next.id)
      .where('status', '=', 'queued')
      .returningAll()
      .executeTakeFirst();
    if (claimed) return claimed;
  }
}

async function finish(
  db: Kysely<Database>,
  id: number,
  set: Partial<{
    status: 'sent' | 'failed' | 'queued' | 'skipped';
    sent_at: string;
    next_attempt_at: string;
    last_error: string;
  }>,
) {
  await db.updateTable('newsletter_deliveries').set(set).where('id', '=', id).where('status', '=', 'sending').execute();
}

/** The subject a reader of `lang` gets: theirs, or the other language's when theirs is empty. */
export function issueSubject(issue: Pick<NewsletterIssue, 'subject_en' | 'subject_he'>, lang: Lang): string {
  return inLang(issue, 'subject', lang) || inLang(issue, 'subject', lang === 'he' ? 'en' : 'he');
}

/** Builds one recipient's mail, or undefined when nothing in the issue matches their topics. */
async function mailFor(deps: SendDeps, cache: EntryCache, issue: NewsletterIssue, subscriberId: number) {
  const db = deps.db.kysely;
  const subscriber = await db.selectFrom('subscribers').selectAll().where('id', '=', subscriberId).executeTakeFirst();
  if (!subscriber || subscriber.status !== 'confirmed') return undefined;
  const catalog = await deps.content.getCatalog();
  const topicIds = await subscriberTopicIds(db, subscriber.id);
  const entries = entriesForTopics(catalog, await cache.get(issue.id, subscriber.lang), topicIds);
  if (entries.length === 0) return undefined;
  const ctx = mailContext(catalog, subscriber.lang);
  const links = await manageLinks(deps, subscriber);
  const mail = issueMail(ctx, subscriber.email, {
    subject:
      inLang(issue, 'subject', subscriber.lang) || inLang(issue, 'subject', subscriber.lang === 'he' ? 'en' : 'he'),
    intro: inLang(issue, 'intro', subscriber.lang),
    entries,
    topicNames: topicIds.flatMap((id) => {
      const topic = catalog.topicById.get(id);
      return topic ? [inLang(topic, 'name', subscriber.lang)] : [];
    }),
    links,
    publicationUrl: (lang, slug) => deps.publicUrl + paths.publication(lang, slug),
    catalog,
  });
  const host = new URL(deps.publicUrl).hostname;
  return {
    ...mail,
    messageId: `<newsletter-${issue.id}-${subscriber.id}@${host}>`,
    headers: {
      'List-Unsubscribe': `<${links.unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'List-Id': `<newsletter.${host}>`,
    },
  };
}

/** Rows whose sender died mid-send become 'uncertain'; issues with nothing left are finished. */
export async function settleQueue(db: Kysely<Database>, now = new Date()): Promise<void> {
  await db
    .updateTable('newsletter_deliveries')
    .set({ status: 'uncertain', last_error: 'sender stopped during the send' })
    .where('status', '=', 'sending')
    .where('claimed_at', '<', new Date(now.getTime() - LEASE_MS).toISOString())
    .execute();
  await db
    .updateTable('newsletter_issues')
    .set({ status: 'sent', finished_at: now.toISOString() })
    .where('status', '=', 'sending')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('newsletter_deliveries as d')
            .select('d.id')
            .whereRef('d.issue_id', '=', 'newsletter_issues.id')
            .where('d.status', 'in', ['queued', 'sending']),
        ),
      ),
    )
    .execute();
}

/**
 * Sends queued mail until none is due or `maxMails` are sent, pacing to `ratePerMinute`.
 * Returns how many rows it handled.
 */
export async function sendQueued(
  deps: SendDeps,
  options: { maxMails?: number; signal?: AbortSignal } = {},
): Promise<number> {
  const db = deps.db.kysely;
  const cache = new EntryCache(db);
  const gapMs = 60_000 / deps.ratePerMinute;
  let handled = 0;
  while (handled < (options.maxMails ?? Infinity) && !options.signal?.aborted) {
    const startedAt = Date.now();
    const row = await claimNext(db, new Date());
    if (!row) break;
    handled++;
    const issue = await db
      .selectFrom('newsletter_issues')
      .selectAll()
      .where('id', '=', row.issue_id)
      .executeTakeFirstOrThrow();
    try {
      const mail = await mailFor(deps, cache, issue, row.subscriber_id);
      if (!mail) {
        await finish(db, row.id, { status: 'skipped' });
        continue;
      }
      await deps.mailer.send(mail);
      await finish(db, row.id, { status: 'sent', sent_at: new Date().toISOString(), last_error: '' });
    } catch (error) {
      await finish(db, row.id, afterFailure(error, row.attempts));
    }
    const wait = gapMs - (Date.now() - startedAt);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
  await settleQueue(db);
  return handled;
}

/** Sends the queue now and every `intervalSeconds`; `stop` lets the mail in flight finish first. */
export function startNewsletterWorker(
  deps: SendDeps,
  intervalSeconds: number,
  onError: (error: unknown) => void,
): RepeatingJob {
  return startRepeatingJob(
    async (signal) => {
      await forgetStalePending(deps.db.kysely);
      await sendQueued(deps, { signal });
    },
    intervalSeconds,
    onError,
  );
}
