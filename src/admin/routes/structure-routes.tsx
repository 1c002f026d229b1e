import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { audit, type AuditActor } from '../../audit/audit-log.js';
import { can, type Action } from '../../auth/policy.js';
import { inLang } from '../../content/bilingual.js';
import { DEFAULT_TIME_ZONE, topicWithDescendants } from '../../content/catalog.js';
import { parseRichDoc } from '../../content/rich-doc-schema.js';
import type { RichDoc } from '../../content/rich-text.js';
import {
  LANGUAGES,
  type Database,
  type Lang,
  type MenuItem,
  type Page,
  type Person,
  type PublicationType,
  type Topic,
} from '../../db/schema.js';
import { EditorialError, type FieldProblem, type FieldProblems } from '../../editorial/editorial-errors.js';
import { field, type FormBody } from '../../editorial/publication-form.js';
import { renderBody } from '../../editorial/render-body.js';
import { isValidSlug, slugify } from '../../editorial/slug.js';
import type { AdminContext } from '../admin-context.js';
import { idParam, noticeParam, optionalId } from '../admin-params.js';
import type { AdminKit } from '../admin-plugin.js';
import { messageFor, type AdminMessageKey } from '../i18n/index.js';
import { Alert, type Option } from '../views/fields.js';
import { PageForm, PageList, PagePanel, PAGE_TITLE_MAX } from '../views/structure-page-form.js';
import {
  DeleteBox,
  layoutFields,
  SLUG_MAX,
  StructureForm,
  StructureList,
  type ListColumn,
  type StructureField,
  type StructureLayout,
} from '../views/structure-table.js';

/*
 * Site structure: people, topics, publication types, menus (one generic "simple table"
 * editor), static pages (rich text) and the settings form. Every change is checked with
 * `can`, audited in its transaction and followed by `contentChanged()`.
 */

// ---------------------------------------------------------------------------------------------
// Shared checks

/** The signed-in actor, after checking the action is allowed (before any data is read). */
function allow(kit: AdminKit, request: FastifyRequest, action: Action): AuditActor {
  const { user } = kit.staff(request);
  if (!can(user, action)) throw new EditorialError('forbidden', 403);
  return { id: user.id, email: user.email };
}

function bodyOf(request: FastifyRequest): FormBody {
  return (request.body ?? {}) as FormBody;
}

type Value = string | number | null;
type Data = Record<string, Value>;

const LATIN_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** First-level paths of the public site: a static page there would never be reached. */
const RESERVED_PAGE_SLUGS = new Set(['publications', 'types', 'topics', 'experts', 'archive', 'search']);

/** Trimmed, with Windows line ends and NUL characters (PostgreSQL refuses them) removed. */
function clean(raw: string): string {
  return raw.replaceAll('\u0000', '').replace(/\r\n?/g, '\n').trim();
}

function charCount(s: string): number {
  return [...s].length;
}

function textProblem(value: string, max: number, required: boolean): FieldProblem | undefined {
  if (required && value === '') return { code: 'required' };
  const length = charCount(value);
  return length > max ? { code: 'too-long', params: { max, length } } : undefined;
}

function slugProblem(slug: string, script: 'latin' | 'hebrew'): FieldProblem | undefined {
  if (script === 'latin')
    return LATIN_SLUG.test(slug) && slug.length <= SLUG_MAX ? undefined : { code: 'slug-invalid-latin' };
  return isValidSlug(slug) ? undefined : { code: 'slug-invalid' };
}

/** A slug made from a name: for latin slugs, everything outside a–z and 0–9 is dropped. */
function deriveSlug(source: string, script: 'latin' | 'hebrew'): string {
  const slug = slugify(source);
  if (script === 'hebrew') return slug;
  return slug
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX)
    .replace(/-+$/, '');
}

/** A menu link: a path on this site (not `//host`), or an https:// address. Nothing else (`javascript:`). */
export function isMenuTarget(target: string): boolean {
  if (target.length === 0 || target.length > 2048 || /[\s\p{Cc}]/u.test(target)) return false;
  if (target.startsWith('/')) {
    if (target.startsWith('//') || target.startsWith('/\\')) return false;
    try {
      return new URL(target, 'https://site.invalid').origin === 'https://site.invalid';
    } catch {
      return false;
    }
  }
  if (!target.startsWith('https://')) return false;
  try {
    const url = new URL(target);
    return url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The zone's canonical name, or null when this server does not know it. */
export function canonicalTimeZone(raw: string): string | null {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(raw)) return null;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: raw }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** Reads the posted form against the field descriptions. Values stay typed even when refused. */
function parseFields(fields: StructureField[], body: FormBody, choices: Record<string, Option[]>) {
  const data: Data = {};
  const problems: FieldProblems = {};
  const derived = new Set<string>();
  const refuse = (name: string, problem: FieldProblem | undefined) => {
    if (problem) problems[name] = [problem];
  };
  for (const f of fields) {
    const raw = clean(field(body, f.name));
    switch (f.kind) {
      case 'text':
      case 'textarea':
        data[f.name] = raw;
        refuse(f.name, textProblem(raw, f.max, f.required ?? false));
        break;
      case 'position':
        if (raw === '') data[f.name] = null;
        else if (/^\d{1,5}$/.test(raw) && Number(raw) <= 10_000) data[f.name] = Number(raw);
        else refuse(f.name, { code: 'whole-number', params: { max: 10_000 } });
        break;
      case 'bool':
        data[f.name] = raw === '1' ? 1 : 0;
        break;
      case 'choice': {
        const known = (choices[f.name] ?? []).some((o) => o.value === raw);
        data[f.name] = raw === '' ? null : f.numeric ? Number(raw) : raw;
        if (raw === '') refuse(f.name, f.empty ? undefined : { code: 'required' });
        else if (!known || (f.numeric && !/^\d{1,9}$/.test(raw))) refuse(f.name, { code: 'unknown-choice' });
        break;
      }
      case 'target':
        data[f.name] = raw;
        refuse(f.name, raw === '' ? { code: 'required' } : isMenuTarget(raw) ? undefined : { code: 'target-invalid' });
        break;
      case 'slug':
        break;
    }
  }
  // Slugs last: an empty one is made from its (already read) source field.
  for (const f of fields) {
    if (f.kind !== 'slug') continue;
    let slug = clean(field(body, f.name)).normalize('NFC').toLowerCase();
    if (slug === '') {
      slug = deriveSlug(String(data[f.from] ?? ''), f.script);
      if (slug === '') {
        data[f.name] = '';
        refuse(f.name, { code: 'required' });
        continue;
      }
      derived.add(f.name);
    }
    data[f.name] = slug;
    refuse(f.name, slugProblem(slug, f.script));
  }
  return { data, problems, derived };
}

/**
 * `base` if free; for a slug made by us (not typed), the first free `base-2`, `base-3`…;
 * null when a typed slug is taken.
 */
async function freeSlug(
  base: string,
  derived: boolean,
  taken: (slug: string) => Promise<boolean>,
): Promise<string | null> {
  if (!(await taken(base))) return base;
  if (!derived) return null;
  for (let n = 2; n < 1000; n++) {
    const candidate = `${base.slice(0, SLUG_MAX - String(n).length - 1).replace(/-+$/, '')}-${n}`;
    if (!(await taken(candidate))) return candidate;
  }
  return null;
}

/** Two saves racing for the same slug: the loser's insert hits the unique index. */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Runs a save; if it lost a race on a unique slug, runs it once more (its own check then reports the clash). */
async function withRetry<T>(save: () => Promise<T>): Promise<T> {
  try {
    return await save();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return save();
  }
}

function hasProblems(problems: FieldProblems): boolean {
  return Object.keys(problems).length > 0;
}

// ---------------------------------------------------------------------------------------------
// The generic "simple table" editor

type SimpleTable = 'people' | 'topics' | 'publication_types' | 'menu_items';

/**
 * One editor serves several tables, so it sees "a table of named columns": the query builder
 * is typed loosely here, and the field descriptions decide which columns are read and written.
 */
type LooseDb = Kysely<{ loose: Record<string, Value> }>;
const loose = (db: Kysely<Database>) => db as unknown as LooseDb;
const looseTable = (table: keyof Database) => table as unknown as 'loose';

/** Why a row cannot be deleted: a message code and its parameters. */
interface Blocker {
  code: string;
  params?: Record<string, string | number>;
}

interface SimpleResource<R extends { id: number }> {
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

async function countRows(db: Kysely<Database>, table: keyof Database, column: string, id: number): Promise<number> {
  const row = await loose(db)
    .selectFrom(looseTable(table))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(column, '=', id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function inUse(
  db: Kysely<Database>,
  table: 'publication_authors' | 'publications' | 'publication_topics',
  column: string,
  id: number,
) {
  const count = await countRows(db, table, column, id);
  return count > 0 ? [{ code: 'in-use', params: { count } }] : [];
}

const yesNo = (ctx: AdminContext, v: number) => (v ? ctx.t('yes') : ctx.t('no'));
const position: StructureField = { kind: 'position', name: 'position', label: 'position' };

const people: SimpleResource<Person> = {
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
function topicTree(ctx: AdminContext, exclude: Set<number>): { id: number; depth: number }[] {
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

const topics: SimpleResource<Topic> = {
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

const types: SimpleResource<PublicationType> = {
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

const MENUS = ['main', 'footer'] as const;
const menuLabel = (ctx: AdminContext, menu: string) =>
  menu === 'main' ? ctx.t('menuMain') : menu === 'footer' ? ctx.t('menuFooter') : menu;

const menus: SimpleResource<MenuItem> = {
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

/** A saved row as form values. */
function rowValues(fields: StructureField[], row: Record<string, unknown>): FormBody {
  const values: FormBody = {};
  for (const f of fields) {
    const v = row[f.name];
    values[f.name] = f.kind === 'bool' ? (v ? '1' : '') : v === null || v === undefined ? '' : String(v);
  }
  return values;
}

function registerSimpleResource<R extends { id: number }>(admin: FastifyInstance, kit: AdminKit, r: SimpleResource<R>) {
  const db = kit.deps.db.kysely;
  const table = looseTable(r.table);
  const base = `/admin${r.path}`;
  const fields = layoutFields(r.layout);
  const slugFields = fields.filter((f): f is Extract<StructureField, { kind: 'slug' }> => f.kind === 'slug');

  async function findRow(id: number): Promise<R | undefined> {
    const row = await loose(db).selectFrom(table).selectAll().where('id', '=', id).executeTakeFirst();
    return row as R | undefined;
  }

  async function renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    options: { row?: R; values: FormBody; problems?: FieldProblems; alert?: string; status?: number },
  ) {
    const ctx = await kit.context(
      request,
      reply,
      noticeParam((request.query as Record<string, unknown> | undefined)?.notice),
    );
    const { row } = options;
    const choices = (await r.choices?.(ctx, db, row?.id)) ?? {};
    const title = row ? ctx.t('editItem', { name: r.label(row, ctx.lang) }) : ctx.t(r.newTitle);
    return kit.page(
      reply,
      ctx,
      title,
      <>
        <p>
          <a href={base}>{ctx.t(r.title)}</a>
        </p>
        <Alert text={options.alert} />
        <StructureForm
          ctx={ctx}
          action={row ? `${base}/${row.id}` : base}
          layout={r.layout}
          values={options.values}
          problems={options.problems}
          choices={choices}
        />
        {row ? <DeleteBox ctx={ctx} action={`${base}/${row.id}/delete`} /> : null}
      </>,
      options.status ?? 200,
    );
  }

  /** Validates and writes; returns the problems instead when the form is refused. */
  async function save(actor: AuditActor, ctx: AdminContext, body: FormBody, id: number | undefined) {
    const choices = (await r.choices?.(ctx, db, id)) ?? {};
    const parsed = parseFields(fields, body, choices);
    const { problems, derived } = parsed;
    return withRetry(() =>
      db.transaction().execute(async (trx) => {
        const t = loose(trx);
        const data = { ...parsed.data };
        const before =
          id === undefined ? undefined : await t.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirst();
        if (id !== undefined && !before) throw new EditorialError('not-found', 404);
        const found: FieldProblems = { ...problems };
        for (const f of slugFields) {
          const slug = data[f.name];
          if (found[f.name] || typeof slug !== 'string') continue;
          const free = await freeSlug(slug, derived.has(f.name), async (candidate) => {
            let q = t.selectFrom(table).select('id').where(f.name, '=', candidate);
            if (id !== undefined) q = q.where('id', '!=', id);
            return (await q.executeTakeFirst()) !== undefined;
          });
          if (free === null) found[f.name] = [{ code: 'slug-duplicate' }];
          else data[f.name] = free;
        }
        Object.assign(found, await r.check?.(trx, data, id));
        if (hasProblems(found)) return { ok: false as const, problems: found };
        if (data.position === null) {
          let q = t.selectFrom(table).select((eb) => eb.fn.max('position').as('last'));
          if (r.positionScope) q = q.where(r.positionScope, '=', data[r.positionScope] ?? null);
          const { last } = await q.executeTakeFirstOrThrow();
          data.position = last === null || last === undefined ? 0 : Number(last) + 1;
        }
        let after: Record<string, Value>;
        if (before) {
          after = await t.updateTable(table).set(data).where('id', '=', id!).returningAll().executeTakeFirstOrThrow();
        } else {
          after = await t.insertInto(table).values(data).returningAll().executeTakeFirstOrThrow();
        }
        const savedId = Number(after.id);
        await audit(trx, actor, {
          action: before ? 'update' : 'create',
          entity: r.entity,
          entityId: savedId,
          before,
          after,
        });
        return { ok: true as const, id: savedId };
      }),
    );
  }

  admin.get<{ Querystring: Record<string, unknown> }>(r.path, async (request, reply) => {
    allow(kit, request, 'structure.manage');
    const ctx = await kit.context(request, reply, noticeParam(request.query.notice));
    let q = loose(db).selectFrom(table).selectAll();
    for (const column of r.order) q = q.orderBy(column);
    const rows = (await q.orderBy('id').execute()) as R[];
    return kit.page(
      reply,
      ctx,
      ctx.t(r.title),
      <StructureList
        ctx={ctx}
        basePath={base}
        newLabel={r.newTitle}
        rows={r.arrange ? r.arrange(rows, ctx) : rows}
        columns={r.columns(ctx)}
      />,
    );
  });

  admin.get(`${r.path}/new`, async (request, reply) => {
    allow(kit, request, 'structure.manage');
    return renderForm(request, reply, { values: {} });
  });

  admin.post(r.path, async (request, reply) => {
    const actor = allow(kit, request, 'structure.manage');
    const ctx = await kit.context(request, reply);
    const result = await save(actor, ctx, bodyOf(request), undefined);
    if (!result.ok)
      return renderForm(request, reply, { values: bodyOf(request), problems: result.problems, status: 400 });
    await kit.deps.content.contentChanged();
    return reply.redirect(`${base}?notice=created`, 303);
  });

  admin.get<{ Params: { id: string } }>(`${r.path}/:id`, async (request, reply) => {
    allow(kit, request, 'structure.manage');
    const row = await findRow(idParam(request.params.id));
    if (!row) throw new EditorialError('not-found', 404);
    return renderForm(request, reply, { row, values: rowValues(fields, row) });
  });

  admin.post<{ Params: { id: string } }>(`${r.path}/:id`, async (request, reply) => {
    const actor = allow(kit, request, 'structure.manage');
    const id = idParam(request.params.id);
    const ctx = await kit.context(request, reply);
    const result = await save(actor, ctx, bodyOf(request), id);
    if (!result.ok) {
      const row = await findRow(id);
      if (!row) throw new EditorialError('not-found', 404);
      return renderForm(request, reply, { row, values: bodyOf(request), problems: result.problems, status: 400 });
    }
    await kit.deps.content.contentChanged();
    return reply.redirect(`${base}?notice=saved`, 303);
  });

  admin.post<{ Params: { id: string } }>(`${r.path}/:id/delete`, async (request, reply) => {
    const actor = allow(kit, request, 'structure.manage');
    const id = idParam(request.params.id);
    const blocked = await db.transaction().execute(async (trx) => {
      const before = await loose(trx).selectFrom(table).selectAll().where('id', '=', id).executeTakeFirst();
      if (!before) throw new EditorialError('not-found', 404);
      const blockers = (await r.blockers?.(trx, id)) ?? [];
      if (blockers.length) return blockers;
      await loose(trx).deleteFrom(table).where('id', '=', id).execute();
      await audit(trx, actor, { action: 'delete', entity: r.entity, entityId: id, before });
      return [];
    });
    if (blocked.length) {
      const row = await findRow(id);
      if (!row) throw new EditorialError('not-found', 404);
      const ctx = await kit.context(request, reply);
      const alert = blocked.map((b) => messageFor(b.code, ctx.lang, b.params)).join(' ');
      return renderForm(request, reply, { row, values: rowValues(fields, row), alert, status: 409 });
    }
    await kit.deps.content.contentChanged();
    return reply.redirect(`${base}?notice=deleted`, 303);
  });
}

// ---------------------------------------------------------------------------------------------
// Static pages

const EMPTY_DOC = JSON.stringify({ type: 'doc', content: [] });

interface PageInput {
  lang: Lang;
  title: string;
  slug: string;
  slugDerived: boolean;
  body: RichDoc;
}

function parsePageForm(body: FormBody, fixedLang: Lang | undefined) {
  const problems: FieldProblems = {};
  const rawLang = field(body, 'lang');
  const lang: Lang = fixedLang ?? ((LANGUAGES as readonly string[]).includes(rawLang) ? (rawLang as Lang) : 'en');
  if (!fixedLang && !(LANGUAGES as readonly string[]).includes(rawLang)) problems.lang = [{ code: 'unknown-choice' }];
  const title = clean(field(body, 'title'));
  const titleProblem = textProblem(title, PAGE_TITLE_MAX, true);
  if (titleProblem) problems.title = [titleProblem];

  const script = lang === 'he' ? 'hebrew' : 'latin';
  let slug = clean(field(body, 'slug')).normalize('NFC').toLowerCase();
  const slugDerived = slug === '';
  if (slugDerived) slug = deriveSlug(title, script);
  if (slug === '') {
    if (!problems.title) problems.slug = [{ code: 'required' }];
  } else {
    const problem =
      slugProblem(slug, script) ?? (RESERVED_PAGE_SLUGS.has(slug) ? { code: 'slug-reserved' } : undefined);
    if (problem) problems.slug = [problem];
  }

  let doc: RichDoc = { type: 'doc', content: [] };
  const rawBody = field(body, 'body_json').trim();
  if (rawBody !== '') {
    let json: unknown;
    try {
      json = JSON.parse(rawBody);
    } catch {
      problems.body_json = [{ code: 'body-not-json' }];
    }
    if (json !== undefined) {
      const parsed = parseRichDoc(json);
      if (parsed.ok) doc = parsed.doc;
      else problems.body_json = parsed.errors.map((e) => ({ code: `rich:${e.code}`, params: e.params }));
    }
  }
  const input: PageInput = { lang, title, slug, slugDerived, body: doc };
  return { input, problems };
}

/** What the audit log keeps of a page: everything but the rendered HTML. */
function pageForAudit(page: Page | undefined) {
  if (!page) return undefined;
  const kept: Partial<Page> = { ...page };
  delete kept.body_html;
  return kept;
}

function registerPageRoutes(admin: FastifyInstance, kit: AdminKit) {
  const db = kit.deps.db.kysely;

  const findPage = (id: number) => db.selectFrom('pages').selectAll().where('id', '=', id).executeTakeFirst();
  const findTranslation = (page: Page) =>
    db
      .selectFrom('pages')
      .selectAll()
      .where('translation_group', '=', page.translation_group)
      .where('id', '!=', page.id)
      .executeTakeFirst();

  async function renderPageForm(
    request: FastifyRequest,
    reply: FastifyReply,
    options: { page?: Page; source?: Page; values: FormBody; problems?: FieldProblems; status?: number },
  ) {
    const ctx = await kit.context(
      request,
      reply,
      noticeParam((request.query as Record<string, unknown> | undefined)?.notice),
    );
    const { page } = options;
    const [editorScript, translation] = await Promise.all([
      kit.editorScript(),
      page ? findTranslation(page) : undefined,
    ]);
    return kit.page(
      reply,
      ctx,
      page ? ctx.t('editItem', { name: page.title }) : ctx.t('newPage'),
      <>
        <p>
          <a href="/admin/pages">{ctx.t('navPages')}</a>
        </p>
        {page ? <PagePanel ctx={ctx} page={page} translation={translation} /> : null}
        <PageForm
          ctx={ctx}
          values={options.values}
          problems={options.problems}
          page={page}
          source={options.source}
          editorScript={editorScript}
          editorStyles={editorScript.replace(/\.js$/, '.css')}
        />
      </>,
      options.status ?? 200,
    );
  }

  /** Creates (no `page`) or updates a page; problems come back instead of a 500. */
  async function savePage(actor: AuditActor, body: FormBody, page: Page | undefined, source: Page | undefined) {
    const fixedLang: Lang | undefined = page?.lang ?? (source ? (source.lang === 'he' ? 'en' : 'he') : undefined);
    const { input, problems } = parsePageForm(body, fixedLang);
    const rendered = hasProblems(problems) ? undefined : await renderBody(db, input.body, input.lang);
    return withRetry(() =>
      db.transaction().execute(async (trx) => {
        const found: FieldProblems = { ...problems };
        let slug = input.slug;
        if (!found.slug && slug !== '') {
          const free = await freeSlug(slug, input.slugDerived, async (candidate) => {
            let q = trx.selectFrom('pages').select('id').where('lang', '=', input.lang).where('slug', '=', candidate);
            if (page) q = q.where('id', '!=', page.id);
            return (await q.executeTakeFirst()) !== undefined;
          });
          if (free === null || RESERVED_PAGE_SLUGS.has(free)) found.slug = [{ code: 'slug-duplicate' }];
          else slug = free;
        }
        if (source) {
          const clash = await trx
            .selectFrom('pages')
            .select('id')
            .where('translation_group', '=', source.translation_group)
            .where('lang', '=', input.lang)
            .executeTakeFirst();
          if (clash) found.lang = [{ code: 'page-translation-exists' }];
        }
        if (hasProblems(found) || !rendered) return { ok: false as const, problems: found };
        const values = {
          lang: input.lang,
          title: input.title,
          slug,
          body_json: JSON.stringify(input.body),
          body_html: rendered.html,
          updated_at: new Date().toISOString(),
        };
        const after = page
          ? await trx
              .updateTable('pages')
              .set(values)
              .where('id', '=', page.id)
              .returningAll()
              .executeTakeFirstOrThrow()
          : await trx
              .insertInto('pages')
              .values({ ...values, translation_group: source?.translation_group ?? randomUUID() })
              .returningAll()
              .executeTakeFirstOrThrow();
        await audit(trx, actor, {
          action: page ? 'update' : 'create',
          entity: 'page',
          entityId: after.id,
          before: pageForAudit(page),
          after: pageForAudit(after),
        });
        return { ok: true as const, id: after.id };
      }),
    );
  }

  admin.get<{ Querystring: Record<string, unknown> }>('/pages', async (request, reply) => {
    allow(kit, request, 'structure.manage');
    const ctx = await kit.context(request, reply, noticeParam(request.query.notice));
    const pages = await db.selectFrom('pages').selectAll().orderBy('lang').orderBy('title').orderBy('id').execute();
    return kit.page(reply, ctx, ctx.t('navPages'), <PageList ctx={ctx} pages={pages} />);
  });

  admin.get<{ Querystring: Record<string, unknown> }>('/pages/new', async (request, reply) => {
    allow(kit, request, 'structure.manage');
    const sourceId = optionalId(request.query.translation_of);
    const source = sourceId === undefined ? undefined : await findPage(sourceId);
    if (sourceId !== undefined && !source) throw new EditorialError('not-found', 404);
    const lang = source ? (source.lang === 'he' ? 'en' : 'he') : request.query.lang === 'he' ? 'he' : 'en';
    return renderPageForm(request, reply, { source, values: { lang, body_json: source?.body_json ?? EMPTY_DOC } });
  });

  admin.post('/pages', async (request, reply) => {
    const actor = allow(kit, request, 'structure.manage');
    const body = bodyOf(request);
    const sourceId = optionalId(field(body, 'translation_of'));
    const source = sourceId === undefined ? undefined : await findPage(sourceId);
    if (sourceId !== undefined && !source) throw new EditorialError('not-found', 404);
    const result = await savePage(actor, body, undefined, source);
    if (!result.ok)
      return renderPageForm(request, reply, { source, values: body, problems: result.problems, status: 400 });
    await kit.deps.content.contentChanged();
    return reply.redirect(`/admin/pages/${result.id}?notice=created`, 303);
  });

  admin.get<{ Params: { id: string } }>('/pages/:id', async (request, reply) => {
    allow(kit, request, 'structure.manage');
    const page = await findPage(idParam(request.params.id));
    if (!page) throw new EditorialError('not-found', 404);
    return renderPageForm(request, reply, {
      page,
      values: { lang: page.lang, title: page.title, slug: page.slug, body_json: page.body_json },
    });
  });

  admin.post<{ Params: { id: string } }>('/pages/:id', async (request, reply) => {
    const actor = allow(kit, request, 'structure.manage');
    const page = await findPage(idParam(request.params.id));
    if (!page) throw new EditorialError('not-found', 404);
    const body = bodyOf(request);
    const result = await savePage(actor, body, page, undefined);
    if (!result.ok)
      return renderPageForm(request, reply, { page, values: body, problems: result.problems, status: 400 });
    await kit.deps.content.contentChanged();
    return reply.redirect(`/admin/pages/${page.id}?notice=saved`, 303);
  });

  admin.post<{ Params: { id: string } }>('/pages/:id/delete', async (request, reply) => {
    const actor = allow(kit, request, 'structure.manage');
    const id = idParam(request.params.id);
    await db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('pages').selectAll().where('id', '=', id).executeTakeFirst();
      if (!before) throw new EditorialError('not-found', 404);
      await trx.deleteFrom('pages').where('id', '=', id).execute();
      await audit(trx, actor, { action: 'delete', entity: 'page', entityId: id, before: pageForAudit(before) });
    });
    await kit.deps.content.contentChanged();
    return reply.redirect('/admin/pages?notice=deleted', 303);
  });
}

// ---------------------------------------------------------------------------------------------
// Settings

const SETTINGS_LAYOUT: StructureLayout = [
  [
    { kind: 'text', name: 'institute_name_en', label: 'settingInstituteNameEn', max: 200, required: true },
    { kind: 'text', name: 'institute_name_he', label: 'settingInstituteNameHe', max: 200, required: true },
  ],
  [
    { kind: 'text', name: 'tagline_en', label: 'settingTaglineEn', max: 300 },
    { kind: 'text', name: 'tagline_he', label: 'settingTaglineHe', max: 300 },
  ],
  [
    { kind: 'textarea', name: 'address_en', label: 'settingAddressEn', max: 500, rows: 3 },
    { kind: 'textarea', name: 'address_he', label: 'settingAddressHe', max: 500, rows: 3 },
  ],
  { kind: 'text', name: 'email', label: 'settingEmail', max: 254, dir: 'ltr', type: 'email' },
  { kind: 'text', name: 'phone', label: 'settingPhone', max: 50, dir: 'ltr' },
  { kind: 'text', name: 'time_zone', label: 'settingTimeZone', max: 64, required: true, dir: 'ltr' },
];
const SETTINGS_FIELDS = layoutFields(SETTINGS_LAYOUT);

/** Form field → settings key: `institute_name_en` → `institute_name.en`. */
const settingKey = (name: string) => name.replace(/_(en|he)$/, '.$1');

function registerSettingsRoutes(admin: FastifyInstance, kit: AdminKit) {
  const db = kit.deps.db.kysely;

  async function renderSettings(
    request: FastifyRequest,
    reply: FastifyReply,
    values: FormBody,
    problems?: FieldProblems,
    status = 200,
  ) {
    const ctx = await kit.context(
      request,
      reply,
      noticeParam((request.query as Record<string, unknown> | undefined)?.notice),
    );
    return kit.page(
      reply,
      ctx,
      ctx.t('navSettings'),
      <StructureForm
        ctx={ctx}
        action="/admin/settings"
        layout={SETTINGS_LAYOUT}
        values={values}
        problems={problems}
        choices={{}}
      />,
      status,
    );
  }

  admin.get('/settings', async (request, reply) => {
    allow(kit, request, 'settings.manage');
    const stored = new Map((await db.selectFrom('settings').selectAll().execute()).map((s) => [s.key, s.value]));
    const values: FormBody = {};
    for (const f of SETTINGS_FIELDS) values[f.name] = stored.get(settingKey(f.name)) ?? '';
    if (!values.time_zone) values.time_zone = DEFAULT_TIME_ZONE;
    return renderSettings(request, reply, values);
  });

  admin.post('/settings', async (request, reply) => {
    const actor = allow(kit, request, 'settings.manage');
    const body = bodyOf(request);
    const { data, problems } = parseFields(SETTINGS_FIELDS, body, {});
    const email = String(data.email ?? '');
    if (!problems.email && email !== '' && !EMAIL.test(email)) problems.email = [{ code: 'email-invalid' }];
    const zone = canonicalTimeZone(String(data.time_zone ?? ''));
    if (!problems.time_zone) {
      if (zone === null) problems.time_zone = [{ code: 'time-zone-invalid' }];
      else data.time_zone = zone;
    }
    if (hasProblems(problems)) return renderSettings(request, reply, body, problems, 400);
    await db.transaction().execute(async (trx) => {
      const stored = new Map((await trx.selectFrom('settings').selectAll().execute()).map((s) => [s.key, s.value]));
      const before: Record<string, string | null> = {};
      const after: Record<string, string> = {};
      for (const f of SETTINGS_FIELDS) {
        const key = settingKey(f.name);
        const value = String(data[f.name] ?? '');
        if (stored.get(key) === value) continue;
        before[key] = stored.get(key) ?? null;
        after[key] = value;
        await trx
          .insertInto('settings')
          .values({ key, value })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
          .execute();
      }
      if (Object.keys(after).length)
        await audit(trx, actor, { action: 'update', entity: 'settings', entityId: 'site', before, after });
    });
    await kit.deps.content.contentChanged();
    return reply.redirect('/admin/settings?notice=saved', 303);
  });
}

export function registerStructureRoutes(admin: FastifyInstance, kit: AdminKit) {
  registerSimpleResource(admin, kit, people);
  registerSimpleResource(admin, kit, topics);
  registerSimpleResource(admin, kit, types);
  registerSimpleResource(admin, kit, menus);
  registerPageRoutes(admin, kit);
  registerSettingsRoutes(admin, kit);
}
