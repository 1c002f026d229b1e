import type { Kysely } from 'kysely';
import type { Database, Lang, MenuItem, Page, Person, PublicationType, Topic } from '../db/schema.js';
import { inLang } from './bilingual.js';

/** Bilingual institute settings shown in the header and footer. */
export interface SiteSettings {
  instituteName: Record<Lang, string>;
  tagline: Record<Lang, string>;
  address: Record<Lang, string>;
  email: string;
  phone: string;
  /** IANA zone the institute works in: scheduled times are entered and shown in it. */
  timeZone: string;
  /** What feed items carry: the whole body, or only the summary (readers then click through). */
  feedContent: FeedContent;
}

export const DEFAULT_TIME_ZONE = 'Asia/Jerusalem';

export const FEED_CONTENTS = ['full', 'summary'] as const;
export type FeedContent = (typeof FEED_CONTENTS)[number];
export const DEFAULT_FEED_CONTENT: FeedContent = 'full';

/**
 * The small, slow-changing tables (types, topics, people, pages, menus, settings) held in
 * memory. Every page needs them; loading them once per content change keeps a page render
 * to one or two queries. Rebuilt by ContentService whenever content changes.
 */
export interface Catalog {
  settings: SiteSettings;
  types: PublicationType[];
  typeById: Map<number, PublicationType>;
  typeBySlug: Map<string, PublicationType>;
  topics: Topic[];
  topicById: Map<number, Topic>;
  /** Children of each topic id (root topics under key 0), in display order. */
  topicChildren: Map<number, Topic[]>;
  people: Person[];
  personById: Map<number, Person>;
  personBySlug: Map<string, Person>;
  pages: Page[];
  menus: Map<string, MenuItem[]>;
}

/** A topic's own id and every descendant's, for "a parent topic includes its children". */
export function topicWithDescendants(catalog: Catalog, topicId: number): number[] {
  const out = [topicId];
  for (const child of catalog.topicChildren.get(topicId) ?? []) out.push(...topicWithDescendants(catalog, child.id));
  return out;
}

/** A topic's ancestors from the root down, excluding itself. */
export function topicAncestors(catalog: Catalog, topic: Topic): Topic[] {
  const chain: Topic[] = [];
  let parent = topic.parent_id === null ? undefined : catalog.topicById.get(topic.parent_id);
  while (parent) {
    chain.unshift(parent);
    parent = parent.parent_id === null ? undefined : catalog.topicById.get(parent.parent_id);
  }
  return chain;
}

export function findTopicBySlug(catalog: Catalog, lang: Lang, slug: string): Topic | undefined {
  return catalog.topics.find((t) => inLang(t, 'slug', lang) === slug);
}

function byKey<T, K>(items: T[], key: (t: T) => K): Map<K, T> {
  return new Map(items.map((i) => [key(i), i]));
}

export async function loadCatalog(db: Kysely<Database>): Promise<Catalog> {
  const [settingRows, types, topics, people, pages, menuItems] = await Promise.all([
    db.selectFrom('settings').selectAll().execute(),
    db.selectFrom('publication_types').selectAll().orderBy('position').orderBy('id').execute(),
    db.selectFrom('topics').selectAll().orderBy('position').orderBy('id').execute(),
    db.selectFrom('people').selectAll().orderBy('position').orderBy('id').execute(),
    db.selectFrom('pages').selectAll().orderBy('id').execute(),
    db.selectFrom('menu_items').selectAll().orderBy('menu').orderBy('position').execute(),
  ]);
  const s = new Map(settingRows.map((r) => [r.key, r.value]));
  const both = (key: string) => ({ en: s.get(`${key}.en`) ?? '', he: s.get(`${key}.he`) ?? '' });
  const topicChildren = new Map<number, Topic[]>();
  for (const t of topics) {
    const parent = t.parent_id ?? 0;
    topicChildren.set(parent, [...(topicChildren.get(parent) ?? []), t]);
  }
  const menus = new Map<string, MenuItem[]>();
  for (const m of menuItems) menus.set(m.menu, [...(menus.get(m.menu) ?? []), m]);
  return {
    settings: {
      instituteName: both('institute_name'),
      tagline: both('tagline'),
      address: both('address'),
      email: s.get('email') ?? '',
      phone: s.get('phone') ?? '',
      timeZone: s.get('time_zone') ?? DEFAULT_TIME_ZONE,
      feedContent: FEED_CONTENTS.find((c) => c === s.get('feed_content')) ?? DEFAULT_FEED_CONTENT,
    },
    types,
    typeById: byKey(types, (t) => t.id),
    typeBySlug: byKey(types, (t) => t.slug),
    topics,
    topicById: byKey(topics, (t) => t.id),
    topicChildren,
    people,
    personById: byKey(people, (p) => p.id),
    personBySlug: byKey(people, (p) => p.slug),
    pages,
    menus,
  };
}
