import { type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import type { Engine } from '../create-db.js';

/**
 * Newsletter subscribers and their topics, issues and their publications, the per-recipient
 * send queue, spent proof-of-work challenges, and the site's signing secret.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const idType = engine === 'postgres' ? 'serial' : 'integer';
  const id = (c: ColumnDefinitionBuilder) => (engine === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement());
  const text = (c: ColumnDefinitionBuilder) => c.notNull().defaultTo('');

  // Secrets shared by every app node (link signatures, challenge signatures).
  await db.schema
    .createTable('site_secrets')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('subscribers')
    .addColumn('id', idType, id)
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    /** Only the hash of the confirmation link's token is kept; cleared once used. */
    .addColumn('confirm_token_hash', 'text', (c) => c.unique())
    .addColumn('confirm_expires_at', 'text')
    /** Random per subscriber; preference links are signed over it, so changing it revokes them. */
    .addColumn('link_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('unsubscribed_at', 'text')
    .execute();
  await db.schema.createIndex('subscribers_status').on('subscribers').column('status').execute();

  await db.schema
    .createTable('subscriber_topics')
    .addColumn('subscriber_id', 'integer', (c) => c.notNull().references('subscribers.id').onDelete('cascade'))
    .addColumn('topic_id', 'integer', (c) => c.notNull().references('topics.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('subscriber_topics_pk', ['subscriber_id', 'topic_id'])
    .execute();

  await db.schema
    .createTable('newsletter_issues')
    .addColumn('id', idType, id)
    .addColumn('subject_en', 'text', text)
    .addColumn('subject_he', 'text', text)
    .addColumn('intro_en', 'text', text)
    .addColumn('intro_he', 'text', text)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('queued_at', 'text')
    .addColumn('finished_at', 'text')
    .execute();

  await db.schema
    .createTable('newsletter_issue_items')
    .addColumn('issue_id', 'integer', (c) => c.notNull().references('newsletter_issues.id').onDelete('cascade'))
    .addColumn('publication_id', 'integer', (c) => c.notNull().references('publications.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('newsletter_issue_items_pk', ['issue_id', 'publication_id'])
    .execute();

  // One row per issue and recipient: the unique pair makes enqueueing idempotent, and the
  // status column is the exactly-once ledger the sender claims rows from.
  await db.schema
    .createTable('newsletter_deliveries')
    .addColumn('id', idType, id)
    .addColumn('issue_id', 'integer', (c) => c.notNull().references('newsletter_issues.id').onDelete('cascade'))
    .addColumn('subscriber_id', 'integer', (c) => c.notNull().references('subscribers.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('claimed_at', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('last_error', 'text', text)
    .execute();
  await db.schema
    .createIndex('newsletter_deliveries_pair')
    .on('newsletter_deliveries')
    .columns(['issue_id', 'subscriber_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('newsletter_deliveries_due')
    .on('newsletter_deliveries')
    .columns(['status', 'next_attempt_at'])
    .execute();

  // Proof-of-work verification is stateless, so a solved challenge is recorded when spent.
  await db.schema
    .createTable('spent_challenges')
    .addColumn('signature', 'text', (c) => c.primaryKey())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
}
