import type { Kysely } from 'kysely';
import { inLang } from '../../content/bilingual.js';
import { topicWithDescendants } from '../../content/catalog.js';
import type { Database, Lang, MenuItem, Person, PublicationType, Topic } from '../../db/schema.js';
import type { FieldProblems } from '../../editorial/editorial-errors.js';
import type { AdminContext } from '../admin-context.js';
import type { AdminMessageKey } from '../i18n/index.js';
import type { Option } from '../views/fields.js';
import type { ListColumn, StructureField, StructureLayout } from '../views/structure-table.js';
import type { Value, Data } from './structure-fields.js';

/* The generic "simple table" editor */

export type SimpleTable = 'people' | 'topics' | 'publication_types' | 'menu_items';

/**
 * One editor serves several tables, so it sees "a table of named columns": the query builder
 * is typed loosely here, and the field descriptions decide which columns are read and written.
 */
export type LooseDb = Kysely<{ loose: Record<string, Value> }>;
export const loose = (db: Kysely<Database>) => db as unknown as LooseDb;
export const looseTable = (table: keyof Database) => table as unknown as 'loose';

/** Why a row cannot be deleted: a message code and its parameters. */
export interface Blocker {
  code: string;
  params?: Record<string, string | number>;
}

export interface SimpleResource<R extends { id: number }> {
  table: SimpleTable;
  /** The audit log's name for the items. */
  entity: string;
  /** Under /admin. */
  path: string;
  title: AdminMessageKey;
  newTitle: AdminMessageKey;
  layout: StructureLayout;
  columns: (ctx: AdminContext) => ListColumn<R>[];
  label: (row: R, lang: Lang) => string;
  /** List order (columns), then id. */
  order: string[];
  /** Reorders the listed rows (topics: as a tree). */
  arrange?: (rows: R[], ctx: AdminContext) => R[];
  /** Options of the `choice` fields, for the item being edited (id) or a new one. */
  choices?: (ctx: AdminContext, db: Kysely<Database>, id: number | undefined) => Promise<Record<string, Option[]>>;
  /** Checks that need the database (topics: no cycles); they win over the form's own. */
  check?: (trx: Kysely<Database>, data: Data, id: number | undefined) => Promise<FieldProblems>;
  /** Positions count within this column's value (menus: per menu). */
  positionScope?: string;
  /** Reasons the row may not be deleted. */
  blockers?: (trx: Kysely<Database>, id: number) => Promise<Blocker[]>;
}

export async function countRows(
  db: Kysely<Database>,
  table: keyof Database,
  column: string,
  id: number,
): Promise<number> {
  const row = await loose(db)
    .selectFrom(looseTable(table))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(column, '=', id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function inUse(
  db: Kysely<Database>,
  table: 'publication_authors' | 'publications' | 'publication_topics',
  column: string,
  id: number,
) {
  const count = await countRows(db, table, column, id);
  return count > 0 ? [{ code: 'in-use', params: { count } }] : [];
}

export const yesNo = (ctx: AdminContext, v: number) => (v ? ctx.t('yes') : ctx.t('no'));
export const position: StructureField = { kind: 'position', name: 'position', label: 'position' };

export const people: SimpleResource<Person> = {
  table: 'people',
  entity: 'person',
  path: '/people',
  title: 'navPeople',
  newTitle: 'newPerson',
  layout: [
    [
      { kind: 'text', name: 'name_en', label: 'nameEn', max: 200, required: true },
      { kind: 'text', name: 'name_he', label: 'nameHe', max: 200, required: true },
    ],
    { kind: 'slug', name: 'slug', label: 'slug', script: 'latin', from: 'name_en', help: 'slugFromName' },
    [
      { kind: 'text', name: 'role_en', label: 'roleEn', max: 200 },
      { kind: 'text', name: 'role_he', label: 'roleHe', max: 200 },
    ],
    [
      { kind: 'textarea', name: 'bio_en', label: 'bioEn', max: 5000, rows: 8 },
      { kind: 'textarea', name: 'bio_he', label: 'bioHe', max: 5000, rows: 8 },
    ],
    { kind: 'choice', name: 'photo_media_id', label: 'fieldPhoto', numeric: true, empty: 'none' },
    position,
  ],
  columns: (ctx) => [
    { label: 'colName', cell: (r) => inLang(r, 'name', ctx.lang) },
    { label: 'colSlug', cell: (r) => r.slug, dir: 'ltr' },
    { label: 'colRole', cell: (r) => inLang(r, 'role', ctx.lang) },
    { label: 'colPosition', cell: (r) => String(r.position) },
  ],
  label: (r, lang) => inLang(r, 'name', lang),
  order: ['position'],
  async choices(ctx, db) {
    const images = await db
      .selectFrom('media')
      .select(['id', 'original_name', 'path', 'alt_en', 'alt_he'])
      .where('kind', '=', 'image')
      .orderBy('id', 'desc')
      .limit(2000)
      .execute();
    return {
      photo_media_id: images.map((m) => {
        const alt = inLang(m, 'alt', ctx.lang);
        return { value: String(m.id), label: `${m.original_name || m.path}${alt ? ` — ${alt}` : ''}` };
      }),
    };
  },
  blockers: (trx, id) => inUse(trx, 'publication_authors', 'person_id', id),
};

/** Topics depth-first, as the tree is shown on the site. */
export function topicTree(ctx: AdminContext, exclude: Set<number>): { id: number; depth: number }[] {
  const out: { id: number; depth: number }[] = [];
  const walk = (parentId: number, depth: number) => {
    for (const topic of ctx.catalog.topicChildren.get(parentId) ?? []) {
      if (exclude.has(topic.id)) continue;
      out.push({ id: topic.id, depth });
      walk(topic.id, depth + 1);
    }
  };
  walk(0, 0);
  return out;
}

export const topics: SimpleResource<Topic> = {
  table: 'topics',
  entity: 'topic',
  path: '/topics',
  title: 'navTopics',
  newTitle: 'newTopic',
  layout: [
    { kind: 'choice', name: 'parent_id', label: 'parent', numeric: true, empty: 'none' },
    [
      { kind: 'text', name: 'name_en', label: 'nameEn', max: 200, required: true },
      { kind: 'text', name: 'name_he', label: 'nameHe', max: 200, required: true },
    ],
    [
      { kind: 'slug', name: 'slug_en', label: 'slugEn', script: 'latin', from: 'name_en', help: 'slugFromName' },
      { kind: 'slug', name: 'slug_he', label: 'slugHe', script: 'hebrew', from: 'name_he', help: 'slugFromName' },
    ],
    [
      { kind: 'textarea', name: 'description_en', label: 'descriptionEn', max: 5000 },
      { kind: 'textarea', name: 'description_he', label: 'descriptionHe', max: 5000 },
    ],
    position,
  ],
  columns: (ctx) => {
    const depth = new Map(topicTree(ctx, new Set()).map((t) => [t.id, t.depth]));
    return [
      { label: 'colName', cell: (r) => `${'— '.repeat(depth.get(r.id) ?? 0)}${inLang(r, 'name', ctx.lang)}` },
      { label: 'slugEn', cell: (r) => r.slug_en, dir: 'ltr' },
      { label: 'slugHe', cell: (r) => r.slug_he, dir: 'rtl' },
      { label: 'colPosition', cell: (r) => String(r.position) },
    ];
  },
  label: (r, lang) => inLang(r, 'name', lang),
  order: ['position'],
  arrange(rows, ctx) {
    const byId = new Map(rows.map((r) => [r.id, r]));
    const ordered = topicTree(ctx, new Set()).flatMap((t) => byId.get(t.id) ?? []);
    // Anything the catalog does not know yet (it reloads after each change) goes last.
    return [...ordered, ...rows.filter((r) => !ordered.includes(r))];
  },
  async choices(ctx, _db, id) {
    // A topic cannot go under itself or its own subtopics; those are not offered.
    const exclude = new Set(id === undefined ? [] : topicWithDescendants(ctx.catalog, id));
    return {
      parent_id: topicTree(ctx, exclude).map(({ id: topicId, depth }) => {
        const topic = ctx.catalog.topicById.get(topicId);
        return {
          value: String(topicId),
          label: `${'— '.repeat(depth)}${topic ? inLang(topic, 'name', ctx.lang) : topicId}`,
        };
      }),
    };
  },
  async check(trx, data, id): Promise<FieldProblems> {
    const parent = typeof data.parent_id === 'number' ? data.parent_id : null;
    if (parent === null) return {};
    const rows = await trx.selectFrom('topics').select(['id', 'parent_id']).execute();
    const parentOf = new Map(rows.map((r) => [r.id, r.parent_id]));
    if (!parentOf.has(parent)) return { parent_id: [{ code: 'unknown-choice' }] };
    // Walk up from the proposed parent: meeting this topic means a cycle.
    const seen = new Set<number>();
    for (
      let p: number | null | undefined = parent;
      p !== null && p !== undefined && !seen.has(p);
      p = parentOf.get(p)
    ) {
      if (p === id) return { parent_id: [{ code: 'parent-cycle' }] };
      seen.add(p);
    }
    return {};
  },
  async blockers(trx, id) {
    const children = await countRows(trx, 'topics', 'parent_id', id);
    return [
      ...(children > 0 ? [{ code: 'topic-has-children', params: { count: children } }] : []),
      ...(await inUse(trx, 'publication_topics', 'topic_id', id)),
    ];
  },
};

export const types: SimpleResource<PublicationType> = {
  table: 'publication_types',
  entity: 'publication-type',
  path: '/types',
  title: 'navTypes',
  newTitle: 'newType',
  layout: [
    [
      { kind: 'text', name: 'name_en', label: 'nameEn', max: 200, required: true },
      { kind: 'text', name: 'name_he', label: 'nameHe', max: 200, required: true },
    ],
    [
      { kind: 'text', name: 'plural_en', label: 'pluralEn', max: 200, required: true },
      { kind: 'text', name: 'plural_he', label: 'pluralHe', max: 200, required: true },
    ],
    { kind: 'slug', name: 'slug', label: 'slug', script: 'latin', from: 'name_en', help: 'slugFromName' },
    { kind: 'bool', name: 'numbered', label: 'numbered' },
    { kind: 'bool', name: 'has_volumes', label: 'hasVolumes' },
    { kind: 'bool', name: 'has_pdf', label: 'hasPdf' },
    position,
  ],
  columns: (ctx) => [
    { label: 'colName', cell: (r) => inLang(r, 'name', ctx.lang) },
    { label: 'colSlug', cell: (r) => r.slug, dir: 'ltr' },
    { label: 'numbered', cell: (r) => yesNo(ctx, r.numbered) },
    { label: 'colPosition', cell: (r) => String(r.position) },
  ],
  label: (r, lang) => inLang(r, 'name', lang),
  order: ['position'],
  blockers: (trx, id) => inUse(trx, 'publications', 'type_id', id),
};

export const MENUS = ['main', 'footer'] as const;
export const menuLabel = (ctx: AdminContext, menu: string) =>
  menu === 'main' ? ctx.t('menuMain') : menu === 'footer' ? ctx.t('menuFooter') : menu;

export const menus: SimpleResource<MenuItem> = {
  table: 'menu_items',
  entity: 'menu-item',
  path: '/menus',
  title: 'navMenus',
  newTitle: 'newMenuItem',
  layout: [
    { kind: 'choice', name: 'menu', label: 'menu', numeric: false },
    [
      { kind: 'text', name: 'label_en', label: 'labelEn', max: 100, required: true },
      { kind: 'text', name: 'label_he', label: 'labelHe', max: 100, required: true },
    ],
    { kind: 'target', name: 'target', label: 'target' },
    position,
  ],
  columns: (ctx) => [
    { label: 'colName', cell: (r) => inLang(r, 'label', ctx.lang) },
    { label: 'colMenu', cell: (r) => menuLabel(ctx, r.menu) },
    { label: 'colTarget', cell: (r) => r.target, dir: 'ltr' },
    { label: 'colPosition', cell: (r) => String(r.position) },
  ],
  label: (r, lang) => inLang(r, 'label', lang),
  order: ['menu', 'position'],
  async choices(ctx) {
    return { menu: MENUS.map((m) => ({ value: m, label: menuLabel(ctx, m) })) };
  },
  positionScope: 'menu',
};
