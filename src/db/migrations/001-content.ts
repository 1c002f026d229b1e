import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import type { Engine } from '../create-db.js';

/** The content model: types, topics, people, media, publications, pages, menus, settings. */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const idType = engine === 'postgres' ? 'serial' : 'integer';
  const id = (c: ColumnDefinitionBuilder) => (engine === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement());
  const text = (c: ColumnDefinitionBuilder) => c.notNull().defaultTo('');

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('site_state')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'integer', (c) => c.notNull())
    .execute();
  await sql`insert into site_state (key, value) values ('content_version', 1)`.execute(db);

  await db.schema
    .createTable('publication_types')
    .addColumn('id', idType, id)
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name_en', 'text', text)
    .addColumn('name_he', 'text', text)
    .addColumn('plural_en', 'text', text)
    .addColumn('plural_he', 'text', text)
    .addColumn('numbered', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('has_volumes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('has_pdf', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('topics')
    .addColumn('id', idType, id)
    .addColumn('parent_id', 'integer', (c) => c.references('topics.id').onDelete('restrict'))
    .addColumn('slug_en', 'text', (c) => c.notNull().unique())
    .addColumn('slug_he', 'text', (c) => c.notNull().unique())
    .addColumn('name_en', 'text', text)
    .addColumn('name_he', 'text', text)
    .addColumn('description_en', 'text', text)
    .addColumn('description_he', 'text', text)
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('media')
    .addColumn('id', idType, id)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull().unique())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('duration_seconds', 'integer')
    .addColumn('alt_en', 'text', text)
    .addColumn('alt_he', 'text', text)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('people')
    .addColumn('id', idType, id)
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name_en', 'text', text)
    .addColumn('name_he', 'text', text)
    .addColumn('role_en', 'text', text)
    .addColumn('role_he', 'text', text)
    .addColumn('bio_en', 'text', text)
    .addColumn('bio_he', 'text', text)
    .addColumn('photo_media_id', 'integer', (c) => c.references('media.id').onDelete('set null'))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('publications')
    .addColumn('id', idType, id)
    .addColumn('type_id', 'integer', (c) => c.notNull().references('publication_types.id'))
    .addColumn('translation_group', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('series_number', 'integer')
    .addColumn('volume', 'integer')
    .addColumn('issue', 'integer')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', text)
    .addColumn('body_json', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', text)
    .addColumn('seo_description', 'text', text)
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('featured', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('published_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('cover_media_id', 'integer', (c) => c.references('media.id').onDelete('set null'))
    .addColumn('pdf_media_id', 'integer', (c) => c.references('media.id').onDelete('set null'))
    .addColumn('audio_media_id', 'integer', (c) => c.references('media.id').onDelete('set null'))
    .addUniqueConstraint('publications_lang_slug', ['lang', 'slug'])
    .addUniqueConstraint('publications_group_lang', ['translation_group', 'lang'])
    .execute();
  await db.schema
    .createIndex('publications_listing')
    .on('publications')
    .columns(['lang', 'status', 'published_at'])
    .execute();
  await db.schema
    .createIndex('publications_type_listing')
    .on('publications')
    .columns(['type_id', 'lang', 'status', 'published_at'])
    .execute();

  await db.schema
    .createTable('publication_authors')
    .addColumn('publication_id', 'integer', (c) => c.notNull().references('publications.id').onDelete('cascade'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('restrict'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('publication_authors_pk', ['publication_id', 'person_id'])
    .execute();
  await db.schema
    .createIndex('publication_authors_person')
    .on('publication_authors')
    .columns(['person_id', 'publication_id'])
    .execute();

  await db.schema
    .createTable('publication_topics')
    .addColumn('publication_id', 'integer', (c) => c.notNull().references('publications.id').onDelete('cascade'))
    .addColumn('topic_id', 'integer', (c) => c.notNull().references('topics.id').onDelete('restrict'))
    .addPrimaryKeyConstraint('publication_topics_pk', ['publication_id', 'topic_id'])
    .execute();
  await db.schema
    .createIndex('publication_topics_topic')
    .on('publication_topics')
    .columns(['topic_id', 'publication_id'])
    .execute();

  await db.schema
    .createTable('pages')
    .addColumn('id', idType, id)
    .addColumn('translation_group', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body_json', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('pages_lang_slug', ['lang', 'slug'])
    .addUniqueConstraint('pages_group_lang', ['translation_group', 'lang'])
    .execute();

  await db.schema
    .createTable('menu_items')
    .addColumn('id', idType, id)
    .addColumn('menu', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('label_en', 'text', text)
    .addColumn('label_he', 'text', text)
    .addColumn('target', 'text', (c) => c.notNull())
    .execute();
}
