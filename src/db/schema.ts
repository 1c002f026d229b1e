import type { Generated, Insertable, Selectable } from 'kysely';

/**
 * Table types for Kysely. Both engines store the same shapes: dates are ISO-8601 UTC strings
 * (they sort as text), booleans are 0/1 integers, rich text is JSON in a text column with
 * its rendered, sanitised HTML beside it.
 */
export interface Database {
  settings: SettingsTable;
  publication_types: PublicationTypesTable;
  topics: TopicsTable;
  people: PeopleTable;
  media: MediaTable;
  publications: PublicationsTable;
  publication_authors: PublicationAuthorsTable;
  publication_topics: PublicationTopicsTable;
  pages: PagesTable;
  menu_items: MenuItemsTable;
  site_state: SiteStateTable;
}

export const LANGUAGES = ['en', 'he'] as const;
export type Lang = (typeof LANGUAGES)[number];

export const PUBLICATION_STATUSES = ['draft', 'review', 'scheduled', 'published', 'archived'] as const;
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];

export const MEDIA_KINDS = ['image', 'pdf', 'audio'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

/** Key/value site settings; bilingual values use `<key>.en` / `<key>.he`. */
export interface SettingsTable {
  key: string;
  value: string;
}

export interface PublicationTypesTable {
  id: Generated<number>;
  slug: string;
  name_en: string;
  name_he: string;
  plural_en: string;
  plural_he: string;
  numbered: number;
  has_volumes: number;
  has_pdf: number;
  position: number;
}

export interface TopicsTable {
  id: Generated<number>;
  parent_id: number | null;
  slug_en: string;
  slug_he: string;
  name_en: string;
  name_he: string;
  description_en: string;
  description_he: string;
  position: number;
}

export interface PeopleTable {
  id: Generated<number>;
  slug: string;
  name_en: string;
  name_he: string;
  role_en: string;
  role_he: string;
  bio_en: string;
  bio_he: string;
  photo_media_id: number | null;
  position: number;
}

export interface MediaTable {
  id: Generated<number>;
  kind: MediaKind;
  /** Path under `<DATA_DIR>/media`, always with forward slashes. */
  path: string;
  mime: string;
  bytes: number;
  width: number | null;
  height: number | null;
  duration_seconds: number | null;
  alt_en: string;
  alt_he: string;
  created_at: string;
}

export interface PublicationsTable {
  id: Generated<number>;
  type_id: number;
  /** Shared by the language versions of one work. */
  translation_group: string;
  lang: Lang;
  series_number: number | null;
  volume: number | null;
  issue: number | null;
  title: string;
  slug: string;
  summary: string;
  /** Rich-text document (see content/rich-text.ts) as JSON. */
  body_json: string;
  /** Sanitised HTML rendered from body_json on save. */
  body_html: string;
  /** Plain text of the body, for search and descriptions. */
  body_text: string;
  seo_description: string;
  status: PublicationStatus;
  featured: number;
  published_at: string | null;
  updated_at: string;
  created_at: string;
  cover_media_id: number | null;
  pdf_media_id: number | null;
  audio_media_id: number | null;
}

export interface PublicationAuthorsTable {
  publication_id: number;
  person_id: number;
  position: number;
}

export interface PublicationTopicsTable {
  publication_id: number;
  topic_id: number;
}

export interface PagesTable {
  id: Generated<number>;
  translation_group: string;
  lang: Lang;
  slug: string;
  title: string;
  body_json: string;
  body_html: string;
  updated_at: string;
}

/** Navigation: `menu` names a place on the page ('main', 'footer'). */
export interface MenuItemsTable {
  id: Generated<number>;
  menu: string;
  position: number;
  label_en: string;
  label_he: string;
  /** A site path without the language prefix ('/types/insight'), or an absolute URL. */
  target: string;
}

/** Single-row bookkeeping: `content_version` grows on every content change (cache key). */
export interface SiteStateTable {
  key: string;
  value: number;
}

export type Publication = Selectable<PublicationsTable>;
export type NewPublication = Insertable<PublicationsTable>;
export type PublicationType = Selectable<PublicationTypesTable>;
export type Topic = Selectable<TopicsTable>;
export type Person = Selectable<PeopleTable>;
export type Media = Selectable<MediaTable>;
export type Page = Selectable<PagesTable>;
export type MenuItem = Selectable<MenuItemsTable>;
