import type { Kysely } from 'kysely';
import { audit, type AuditActor } from '../audit/audit-log.js';
import type { Catalog } from '../content/catalog.js';
import type { Database, Lang, Media } from '../db/schema.js';
import { translator } from '../site/i18n/index.js';

/**
 * The show itself: its title, description, author, owner, Apple category, explicit flag
 * and artwork. Stored as `podcast.*` rows of the settings table; a text left empty falls
 * back to the institute's own (name, tagline, contact email) when the show is read.
 */

/**
 * Apple Podcasts categories that suit a policy institute's show, as "Category" or
 * "Category/Subcategory". These are Apple's fixed English names, used as is in every feed.
 */
export const PODCAST_CATEGORIES = [
  'News/Politics',
  'Government',
  'News/News Commentary',
  'Society & Culture',
  'Education',
  'History',
] as const;
export type PodcastCategory = (typeof PODCAST_CATEGORIES)[number];

/** Podcast apps want square artwork from 1400 to 3000 pixels wide (Apple's rule). */
export const ARTWORK_MIN = 1400;
export const ARTWORK_MAX = 3000;

/** The form fields of the show settings; `_en`/`_he` fields are stored as `podcast.<name>.en`/`.he`. */
export const SHOW_TEXT_FIELDS = [
  { name: 'title_en', max: 200 },
  { name: 'title_he', max: 200 },
  { name: 'description_en', max: 4000 },
  { name: 'description_he', max: 4000 },
  { name: 'author_en', max: 200 },
  { name: 'author_he', max: 200 },
  { name: 'owner_name', max: 200 },
  { name: 'owner_email', max: 254 },
] as const;
export const SHOW_FIELD_NAMES = [...SHOW_TEXT_FIELDS.map((f) => f.name), 'category', 'explicit', 'artwork_media_id'];

/** Form field → settings key: `title_en` → `podcast.title.en`. */
export const showSettingKey = (name: string) => `podcast.${name.replace(/_(en|he)$/, '.$1')}`;

/** The stored show settings by form field name; fields never saved are absent. */
export async function loadShowSettings(db: Kysely<Database>): Promise<Record<string, string>> {
  const rows = await db.selectFrom('settings').selectAll().where('key', 'like', 'podcast.%').execute();
  const stored = new Map(rows.map((r) => [r.key, r.value]));
  const values: Record<string, string> = {};
  for (const name of SHOW_FIELD_NAMES) {
    const value = stored.get(showSettingKey(name));
    if (value !== undefined) values[name] = value;
  }
  return values;
}

/** The show as one language's page and feed present it, defaults filled in. */
export interface Show {
  title: string;
  description: string;
  author: string;
  ownerName: string;
  ownerEmail: string;
  category: PodcastCategory;
  explicit: boolean;
  artwork: Media | undefined;
}

export function isPodcastCategory(value: string): value is PodcastCategory {
  return (PODCAST_CATEGORIES as readonly string[]).includes(value);
}

/** Reads the show in `lang`, with the institute's name, tagline and email where staff left a text empty. */
export async function loadShow(db: Kysely<Database>, catalog: Catalog, lang: Lang): Promise<Show> {
  const stored = await loadShowSettings(db);
  const site = catalog.settings;
  const institute = site.instituteName[lang];
  const title = stored[`title_${lang}`] || translator(lang)('podcastDefaultTitle', { institute });
  const artworkId = Number(stored.artwork_media_id);
  const artwork =
    Number.isInteger(artworkId) && artworkId > 0
      ? await db
          .selectFrom('media')
          .selectAll()
          .where('id', '=', artworkId)
          .where('kind', '=', 'image')
          .executeTakeFirst()
      : undefined;
  const category = stored.category ?? '';
  return {
    title,
    description: stored[`description_${lang}`] || site.tagline[lang] || title,
    author: stored[`author_${lang}`] || institute,
    ownerName: stored.owner_name || institute,
    ownerEmail: stored.owner_email || site.email,
    category: isPodcastCategory(category) ? category : PODCAST_CATEGORIES[0],
    explicit: stored.explicit === '1',
    artwork,
  };
}

/** True when the image is the square, 1400–3000 pixel artwork podcast apps accept. */
export function isPodcastArtwork(media: Pick<Media, 'width' | 'height' | 'mime'>): boolean {
  const { width, height } = media;
  return (
    width !== null &&
    width === height &&
    width >= ARTWORK_MIN &&
    width <= ARTWORK_MAX &&
    (media.mime === 'image/jpeg' || media.mime === 'image/png')
  );
}

/**
 * Stores the show settings (already checked) and records what changed in the audit log.
 * Returns true when anything changed.
 */
export async function saveShowSettings(
  db: Kysely<Database>,
  actor: AuditActor,
  values: Record<string, string>,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const stored = await loadShowSettings(trx);
    const before: Record<string, string | null> = {};
    const after: Record<string, string> = {};
    for (const name of SHOW_FIELD_NAMES) {
      const value = values[name] ?? '';
      if ((stored[name] ?? '') === value) continue;
      const key = showSettingKey(name);
      before[key] = stored[name] ?? null;
      after[key] = value;
      await trx
        .insertInto('settings')
        .values({ key, value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
        .execute();
    }
    if (Object.keys(after).length === 0) return false;
    await audit(trx, actor, { action: 'update', entity: 'podcast_settings', entityId: 'show', before, after });
    return true;
  });
}
