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
  users: UsersTable;
  sessions: SessionsTable;
  sign_in_failures: SignInFailuresTable;
  one_time_tokens: OneTimeTokensTable;
  audit_log: AuditLogTable;
  revisions: RevisionsTable;
  site_secrets: SiteSecretsTable;
  subscribers: SubscribersTable;
  subscriber_topics: SubscriberTopicsTable;
  newsletter_issues: NewsletterIssuesTable;
  newsletter_issue_items: NewsletterIssueItemsTable;
  newsletter_deliveries: NewsletterDeliveriesTable;
  spent_challenges: SpentChallengesTable;
  events: EventsTable;
  event_speakers: EventSpeakersTable;
  event_topics: EventTopicsTable;
  event_publications: EventPublicationsTable;
  event_registrations: EventRegistrationsTable;
  podcast_episodes: PodcastEpisodesTable;
  episode_guests: EpisodeGuestsTable;
  episode_topics: EpisodeTopicsTable;
  media_mentions: MediaMentionsTable;
  mention_people: MentionPeopleTable;
  videos: VideosTable;
  mail_outbox: MailOutboxTable;
}

export const LANGUAGES = ['en', 'he'] as const;
export type Lang = (typeof LANGUAGES)[number];

export const PUBLICATION_STATUSES = ['draft', 'review', 'scheduled', 'published', 'archived'] as const;
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];

export const MEDIA_KINDS = ['image', 'pdf', 'audio', 'video'] as const;
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
  /** JSON array of MediaVariant: the resized copies of an image. */
  variants_json: Generated<string>;
  original_name: Generated<string>;
}

/** One resized copy of an image, stored beside the original. */
export interface MediaVariant {
  path: string;
  mime: string;
  width: number;
  height: number;
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
  /** Grows on every save; a save naming an older version is refused (no silent overwrite). */
  version: Generated<number>;
  /** The staff account that created it: authors and contributors act only on their own. */
  owner_user_id: number | null;
  /** When a scheduled publication goes live. */
  publish_at: string | null;
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

export const ROLES = ['admin', 'editor', 'author', 'contributor'] as const;
export type Role = (typeof ROLES)[number];

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: Role;
  password_hash: string;
  totp_secret: string | null;
  totp_last_step: number | null;
  disabled: Generated<number>;
  person_id: number | null;
  ui_lang: Generated<Lang>;
  created_at: string;
}

export interface SessionsTable {
  id_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  pending_second_factor: number;
}

export interface SignInFailuresTable {
  id: Generated<number>;
  key: string;
  at: string;
}

export interface OneTimeTokensTable {
  token_hash: string;
  purpose: 'password-reset';
  user_id: number;
  expires_at: string;
  used_at: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  user_id: number | null;
  user_email: string;
  action: string;
  entity: string;
  entity_id: string;
  before_json: string | null;
  after_json: string | null;
}

export interface RevisionsTable {
  id: Generated<number>;
  publication_id: number;
  version: number;
  user_id: number | null;
  created_at: string;
  snapshot_json: string;
}

export interface SiteSecretsTable {
  name: string;
  value: string;
}

export const SUBSCRIBER_STATUSES = ['pending', 'confirmed', 'unsubscribed'] as const;
export type SubscriberStatus = (typeof SUBSCRIBER_STATUSES)[number];

export interface SubscribersTable {
  id: Generated<number>;
  email: string;
  lang: Lang;
  status: SubscriberStatus;
  confirm_token_hash: string | null;
  confirm_expires_at: string | null;
  link_key: string;
  created_at: string;
  confirmed_at: string | null;
  unsubscribed_at: string | null;
}

export interface SubscriberTopicsTable {
  subscriber_id: number;
  topic_id: number;
}

export type IssueStatus = 'draft' | 'sending' | 'sent';

export interface NewsletterIssuesTable {
  id: Generated<number>;
  subject_en: string;
  subject_he: string;
  intro_en: string;
  intro_he: string;
  status: IssueStatus;
  version: Generated<number>;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  queued_at: string | null;
  finished_at: string | null;
}

export interface NewsletterIssueItemsTable {
  issue_id: number;
  publication_id: number;
  position: number;
}

/**
 * `sending` is claimed and in flight; `uncertain` was in flight when its sender died, so
 * whether it left is unknown and it is never retried automatically.
 */
export const DELIVERY_STATUSES = ['queued', 'sending', 'sent', 'failed', 'uncertain', 'skipped'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface NewsletterDeliveriesTable {
  id: Generated<number>;
  issue_id: number;
  subscriber_id: number;
  status: DeliveryStatus;
  attempts: Generated<number>;
  next_attempt_at: string;
  claimed_at: string | null;
  sent_at: string | null;
  last_error: Generated<string>;
}

export interface SpentChallengesTable {
  signature: string;
  expires_at: string;
}

export type DraftOrPublished = 'draft' | 'published';

export interface EventsTable {
  id: Generated<number>;
  title_en: string;
  title_he: string;
  slug_en: string;
  slug_he: string;
  summary_en: string;
  summary_he: string;
  body_json_en: string;
  body_json_he: string;
  body_html_en: string;
  body_html_he: string;
  venue_en: string;
  venue_he: string;
  held_in: Lang | 'both';
  /** ISO-8601 UTC. */
  starts_at: string;
  ends_at: string;
  time_zone: string;
  online_url: string;
  capacity: number | null;
  registration_open: number;
  recording_media_id: number | null;
  status: DraftOrPublished;
  version: Generated<number>;
  uid: string;
  ics_sequence: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface EventSpeakersTable {
  event_id: number;
  person_id: number;
  position: number;
}

export interface EventTopicsTable {
  event_id: number;
  topic_id: number;
  position: Generated<number>;
}

export interface EventPublicationsTable {
  event_id: number;
  publication_id: number;
  position: Generated<number>;
}

export type RegistrationStatus = 'confirmed' | 'waitlisted' | 'cancelled';

export interface EventRegistrationsTable {
  id: Generated<number>;
  event_id: number;
  name: string;
  email: string;
  organisation: string;
  lang: Lang;
  status: RegistrationStatus;
  link_key: string;
  created_at: string;
  updated_at: string;
}

export interface PodcastEpisodesTable {
  id: Generated<number>;
  lang: Lang;
  slug: string;
  title: string;
  summary: string;
  notes_json: string;
  notes_html: string;
  transcript: string;
  audio_media_id: number | null;
  episode_number: number | null;
  season: number | null;
  explicit: number;
  guid: string;
  status: DraftOrPublished;
  published_at: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface EpisodeGuestsTable {
  episode_id: number;
  person_id: number;
  position: number;
}

export interface EpisodeTopicsTable {
  episode_id: number;
  topic_id: number;
  position: Generated<number>;
}

export interface MediaMentionsTable {
  id: Generated<number>;
  outlet: string;
  headline: string;
  url: string;
  lang: Lang;
  /** YYYY-MM-DD. */
  appeared_on: string;
  status: DraftOrPublished;
  created_at: string;
}

export interface MentionPeopleTable {
  mention_id: number;
  person_id: number;
  position: number;
}

export type VideoProvider = 'youtube' | 'vimeo' | 'file';

export interface VideosTable {
  id: Generated<number>;
  title_en: string;
  title_he: string;
  description_en: string;
  description_he: string;
  provider: VideoProvider;
  external_id: string;
  video_media_id: number | null;
  poster_media_id: number | null;
  /** YYYY-MM-DD. */
  recorded_on: string;
  status: DraftOrPublished;
  created_at: string;
}

export const OUTBOX_STATUSES = ['queued', 'sending', 'sent', 'failed', 'uncertain'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** Transactional mail, queued in the transaction of the change it reports (src/mail/outbox.ts). */
export interface MailOutboxTable {
  id: Generated<number>;
  kind: string;
  ref: Generated<string>;
  dedupe_key: string;
  recipient: string;
  /** JSON of the rendered message without its recipient (see src/mail/outbox.ts). */
  message_json: string;
  status: OutboxStatus;
  attempts: Generated<number>;
  next_attempt_at: string;
  claimed_at: string | null;
  sent_at: string | null;
  last_error: Generated<string>;
  created_at: string;
}

export type User = Selectable<UsersTable>;
export type Event = Selectable<EventsTable>;
export type EventRegistration = Selectable<EventRegistrationsTable>;
export type PodcastEpisode = Selectable<PodcastEpisodesTable>;
export type MediaMention = Selectable<MediaMentionsTable>;
export type Video = Selectable<VideosTable>;
export type Subscriber = Selectable<SubscribersTable>;
export type NewsletterIssue = Selectable<NewsletterIssuesTable>;
export type Publication = Selectable<PublicationsTable>;
export type NewPublication = Insertable<PublicationsTable>;
export type PublicationType = Selectable<PublicationTypesTable>;
export type Topic = Selectable<TopicsTable>;
export type Person = Selectable<PeopleTable>;
export type Media = Selectable<MediaTable>;
export type Page = Selectable<PagesTable>;
export type MenuItem = Selectable<MenuItemsTable>;
export type OutboxRow = Selectable<MailOutboxTable>;
