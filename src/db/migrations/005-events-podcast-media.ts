import { type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import type { Engine } from '../create-db.js';

/** Events with registration, podcast episodes, and the media section (mentions, videos). */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const idType = engine === 'postgres' ? 'serial' : 'integer';
  const id = (c: ColumnDefinitionBuilder) => (engine === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement());
  const text = (c: ColumnDefinitionBuilder) => c.notNull().defaultTo('');
  type TableBuilder = ReturnType<typeof db.schema.createTable>;
  const bilingual = (table: TableBuilder, name: string): TableBuilder =>
    table.addColumn(`${name}_en`, 'text', text).addColumn(`${name}_he`, 'text', text) as unknown as TableBuilder;

  // One row per event, written in both languages: registration and capacity are shared.
  let events: TableBuilder = db.schema.createTable('events').addColumn('id', idType, id) as unknown as TableBuilder;
  for (const name of ['title', 'slug', 'summary', 'body_json', 'body_html', 'venue']) events = bilingual(events, name);
  await events
    /** The language the event is held in: 'en', 'he' or 'both'. */
    .addColumn('held_in', 'text', (c) => c.notNull().defaultTo('en'))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    /** IANA zone the event is announced in (the venue's). */
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('online_url', 'text', text)
    /** Seats; null is unlimited. */
    .addColumn('capacity', 'integer')
    .addColumn('registration_open', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('recording_media_id', 'integer', (c) => c.references('media.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    /** Fixed at creation: the iCalendar UID, so calendars update the same event. */
    .addColumn('uid', 'text', (c) => c.notNull().unique())
    .addColumn('ics_sequence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('events_slug_en').on('events').column('slug_en').unique().execute();
  await db.schema.createIndex('events_slug_he').on('events').column('slug_he').unique().execute();
  await db.schema.createIndex('events_listing').on('events').columns(['status', 'starts_at']).execute();

  for (const [table, column, target] of [
    ['event_speakers', 'person_id', 'people'],
    ['event_topics', 'topic_id', 'topics'],
    ['event_publications', 'publication_id', 'publications'],
  ] as const) {
    await db.schema
      .createTable(table)
      .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id').onDelete('cascade'))
      .addColumn(column, 'integer', (c) => c.notNull().references(`${target}.id`).onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint(`${table}_pk`, ['event_id', column])
      .execute();
  }

  await db.schema
    .createTable('event_registrations')
    .addColumn('id', idType, id)
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text', text)
    .addColumn('lang', 'text', (c) => c.notNull())
    /** 'confirmed', 'waitlisted' or 'cancelled'. */
    .addColumn('status', 'text', (c) => c.notNull())
    /** Random per registration; cancellation links are signed over it. */
    .addColumn('link_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('event_registrations_email')
    .on('event_registrations')
    .columns(['event_id', 'email'])
    .unique()
    .execute();
  await db.schema
    .createIndex('event_registrations_status')
    .on('event_registrations')
    .columns(['event_id', 'status', 'id'])
    .execute();

  await db.schema
    .createTable('podcast_episodes')
    .addColumn('id', idType, id)
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', text)
    .addColumn('notes_json', 'text', text)
    .addColumn('notes_html', 'text', text)
    .addColumn('transcript', 'text', text)
    .addColumn('audio_media_id', 'integer', (c) => c.references('media.id').onDelete('restrict'))
    .addColumn('episode_number', 'integer')
    .addColumn('season', 'integer')
    .addColumn('explicit', 'integer', (c) => c.notNull().defaultTo(0))
    /** Fixed at creation and never changed: podcast apps key episodes by it. */
    .addColumn('guid', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('podcast_episodes_lang_slug', ['lang', 'slug'])
    .execute();
  await db.schema
    .createIndex('podcast_episodes_listing')
    .on('podcast_episodes')
    .columns(['status', 'published_at'])
    .execute();

  for (const [table, column, target] of [
    ['episode_guests', 'person_id', 'people'],
    ['episode_topics', 'topic_id', 'topics'],
  ] as const) {
    await db.schema
      .createTable(table)
      .addColumn('episode_id', 'integer', (c) => c.notNull().references('podcast_episodes.id').onDelete('cascade'))
      .addColumn(column, 'integer', (c) => c.notNull().references(`${target}.id`).onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint(`${table}_pk`, ['episode_id', column])
      .execute();
  }

  // "In the media": an expert quoted or interviewed elsewhere.
  await db.schema
    .createTable('media_mentions')
    .addColumn('id', idType, id)
    .addColumn('outlet', 'text', (c) => c.notNull())
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    /** Language of the item itself. */
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('appeared_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('mention_people')
    .addColumn('mention_id', 'integer', (c) => c.notNull().references('media_mentions.id').onDelete('cascade'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('mention_people_pk', ['mention_id', 'person_id'])
    .execute();

  let videos: TableBuilder = db.schema.createTable('videos').addColumn('id', idType, id) as unknown as TableBuilder;
  for (const name of ['title', 'description']) videos = bilingual(videos, name);
  await videos
    /** 'youtube', 'vimeo' or 'file' (a video in the media library). */
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', text)
    .addColumn('video_media_id', 'integer', (c) => c.references('media.id').onDelete('restrict'))
    /** A local image shown until the reader asks for the player. */
    .addColumn('poster_media_id', 'integer', (c) => c.references('media.id').onDelete('restrict'))
    .addColumn('recorded_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
