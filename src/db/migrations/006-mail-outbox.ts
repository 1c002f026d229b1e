import { type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import type { Engine } from '../create-db.js';

/**
 * The outbox of transactional mail (event registrations so far). A mail is written here in
 * the same transaction as the change it reports, fully rendered, so a crash after the commit
 * cannot lose it; senders claim rows as they claim newsletter deliveries, so none goes twice.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const idType = engine === 'postgres' ? 'serial' : 'integer';
  const id = (c: ColumnDefinitionBuilder) => (engine === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement());
  const text = (c: ColumnDefinitionBuilder) => c.notNull().defaultTo('');

  await db.schema
    .createTable('mail_outbox')
    .addColumn('id', idType, id)
    /** What sort of mail, e.g. 'event-confirmed'. */
    .addColumn('kind', 'text', (c) => c.notNull())
    /** What it is about, e.g. 'registration:12', so staff pages can find its mail. */
    .addColumn('ref', 'text', text)
    /** Unique: the same change queued twice (a retried request) queues one mail. */
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('recipient', 'text', (c) => c.notNull())
    /** The rendered message as JSON text (subject, text, html, headers, attachments): the same on both engines. */
    .addColumn('message_json', 'text', (c) => c.notNull())
    /** 'queued', 'sending', 'sent', 'failed' or 'uncertain'. */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('claimed_at', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('last_error', 'text', text)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mail_outbox_due').on('mail_outbox').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('mail_outbox_ref').on('mail_outbox').columns(['ref', 'kind']).execute();
}
