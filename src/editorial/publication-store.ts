import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { audit } from '../audit/audit-log.js';
import { can, type Action } from '../auth/policy.js';
import type { ContentService } from '../content/content-service.js';
import type { Db } from '../db/create-db.js';
import type { Database, Lang, MediaKind, Publication, PublicationStatus, Role } from '../db/schema.js';
import { renderBody } from './render-body.js';
import { EditorialError, forbidden, notFound, type FieldProblems } from './editorial-errors.js';
import type { PublicationFields } from './publication-form.js';
import { proposeSlug, slugTaken } from './slug.js';

export interface EditorialDeps {
  db: Db;
  content: ContentService;
}

/** A signed-in staff member, as the editorial layer needs them. */
export interface StaffActor {
  id: number;
  email: string;
  role: Role;
}

export interface EditablePublication {
  row: Publication;
  authorIds: number[];
  topicIds: number[];
}

/** What a revision keeps: every field staff edit (not the workflow state). */
export interface PublicationSnapshot {
  type_id: number;
  series_number: number | null;
  volume: number | null;
  issue: number | null;
  title: string;
  slug: string;
  summary: string;
  seo_description: string;
  body_json: string;
  featured: number;
  cover_media_id: number | null;
  pdf_media_id: number | null;
  audio_media_id: number | null;
  author_ids: number[];
  topic_ids: number[];
}

export async function loadPublication(db: Kysely<Database>, id: number): Promise<EditablePublication | undefined> {
  const row = await db.selectFrom('publications').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const [authors, topics] = await Promise.all([
    db
      .selectFrom('publication_authors')
      .select('person_id')
      .where('publication_id', '=', id)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('publication_topics')
      .select('topic_id')
      .where('publication_id', '=', id)
      .orderBy('topic_id')
      .execute(),
  ]);
  return { row, authorIds: authors.map((a) => a.person_id), topicIds: topics.map((t) => t.topic_id) };
}

/** Loads a publication and checks the actor may do `action` to it (404 before 403). */
export async function loadFor(db: Kysely<Database>, actor: StaffActor, id: number, action: Action) {
  const found = await loadPublication(db, id);
  if (!found) throw notFound();
  if (!can(actor, action, { ownerUserId: found.row.owner_user_id, status: found.row.status })) throw forbidden();
  return found;
}

export function snapshotOf(p: EditablePublication): PublicationSnapshot {
  const r = p.row;
  return {
    type_id: r.type_id,
    series_number: r.series_number,
    volume: r.volume,
    issue: r.issue,
    title: r.title,
    slug: r.slug,
    summary: r.summary,
    seo_description: r.seo_description,
    body_json: r.body_json,
    featured: r.featured,
    cover_media_id: r.cover_media_id,
    pdf_media_id: r.pdf_media_id,
    audio_media_id: r.audio_media_id,
    author_ids: p.authorIds,
    topic_ids: p.topicIds,
  };
}

/** Checks that every referenced type, person, topic and file exists (and files are of the right kind). */
async function checkReferences(db: Kysely<Database>, f: PublicationFields): Promise<FieldProblems> {
  const problems: FieldProblems = {};
  const type = await db.selectFrom('publication_types').select('id').where('id', '=', f.typeId).executeTakeFirst();
  if (!type) problems.type_id = [{ code: 'unknown-choice' }];
  if (f.authorIds.length) {
    const found = await db.selectFrom('people').select('id').where('id', 'in', f.authorIds).execute();
    if (found.length !== f.authorIds.length) problems.author_ids = [{ code: 'unknown-choice' }];
  }
  if (f.topicIds.length) {
    const found = await db.selectFrom('topics').select('id').where('id', 'in', f.topicIds).execute();
    if (found.length !== f.topicIds.length) problems.topic_ids = [{ code: 'unknown-choice' }];
  }
  const media: [string, number | null, MediaKind][] = [
    ['cover_media_id', f.coverMediaId, 'image'],
    ['pdf_media_id', f.pdfMediaId, 'pdf'],
    ['audio_media_id', f.audioMediaId, 'audio'],
  ];
  for (const [name, id, kind] of media) {
    if (id === null) continue;
    const m = await db.selectFrom('media').select('kind').where('id', '=', id).executeTakeFirst();
    if (m?.kind !== kind) problems[name] = [{ code: 'unknown-choice' }];
  }
  return problems;
}

/** The next free series number of a numbered type (shared by both languages of a work). */
export async function nextSeriesNumber(db: Kysely<Database>, typeId: number): Promise<number> {
  const row = await db
    .selectFrom('publications')
    .select((eb) => eb.fn.max('series_number').as('n'))
    .where('type_id', '=', typeId)
    .executeTakeFirst();
  return Number(row?.n ?? 0) + 1;
}

async function resolveSlug(db: Kysely<Database>, f: PublicationFields, lang: Lang, exceptId?: number) {
  if (f.slug === '') return proposeSlug(db, lang, f.title, exceptId);
  if (await slugTaken(db, lang, f.slug, exceptId)) {
    throw new EditorialError('invalid', 400, { fields: { slug: [{ code: 'slug-taken' }] } });
  }
  return f.slug;
}

async function writeRelations(
  trx: Transaction<Database>,
  id: number,
  f: Pick<PublicationFields, 'authorIds' | 'topicIds'>,
) {
  await trx.deleteFrom('publication_authors').where('publication_id', '=', id).execute();
  await trx.deleteFrom('publication_topics').where('publication_id', '=', id).execute();
  if (f.authorIds.length) {
    await trx
      .insertInto('publication_authors')
      .values(f.authorIds.map((person_id, position) => ({ publication_id: id, person_id, position })))
      .execute();
  }
  if (f.topicIds.length) {
    await trx
      .insertInto('publication_topics')
      .values(f.topicIds.map((topic_id) => ({ publication_id: id, topic_id })))
      .execute();
  }
}

export async function recordRevision(trx: Kysely<Database>, id: number, userId: number | null, now: string) {
  const current = await loadPublication(trx, id);
  if (!current) return;
  await trx
    .insertInto('revisions')
    .values({
      publication_id: id,
      version: current.row.version,
      user_id: userId,
      created_at: now,
      snapshot_json: JSON.stringify(snapshotOf(current)),
    })
    .execute();
}

/** The columns staff edit, from the form's fields; the body is rendered here, once, on save. */
async function editedColumns(db: Kysely<Database>, f: PublicationFields, slug: string, lang: Lang) {
  const { html, text } = await renderBody(db, f.body, lang);
  return {
    type_id: f.typeId,
    volume: f.volume,
    issue: f.issue,
    title: f.title,
    slug,
    summary: f.summary,
    body_json: JSON.stringify(f.body),
    body_html: html,
    body_text: text,
    seo_description: f.seoDescription,
    featured: f.featured ? 1 : 0,
    cover_media_id: f.coverMediaId,
    pdf_media_id: f.pdfMediaId,
    audio_media_id: f.audioMediaId,
  };
}

/** Creates a draft owned by the actor; returns its id. */
export async function createPublication(
  deps: EditorialDeps,
  actor: StaffActor,
  f: PublicationFields,
  options: { translationGroup?: string; now?: Date } = {},
): Promise<number> {
  if (!can(actor, 'publication.create')) throw forbidden();
  const db = deps.db.kysely;
  const problems = await checkReferences(db, f);
  if (Object.keys(problems).length) throw new EditorialError('invalid', 400, { fields: problems });
  const now = (options.now ?? new Date()).toISOString();
  const slug = await resolveSlug(db, f, f.lang);
  const type = await db
    .selectFrom('publication_types')
    .select('numbered')
    .where('id', '=', f.typeId)
    .executeTakeFirst();
  const seriesNumber = f.seriesNumber ?? (type?.numbered ? await nextSeriesNumber(db, f.typeId) : null);
  const columns = await editedColumns(db, f, slug, f.lang);
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('publications')
      .values({
        ...columns,
        translation_group: options.translationGroup ?? randomUUID(),
        lang: f.lang,
        series_number: seriesNumber,
        status: 'draft',
        published_at: null,
        publish_at: null,
        owner_user_id: actor.id,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeRelations(trx, id, f);
    await recordRevision(trx, id, actor.id, now);
    const created = await loadPublication(trx, id);
    await audit(trx, actor, {
      action: 'create',
      entity: 'publication',
      entityId: id,
      after: created && snapshotOf(created),
    });
    return id;
  });
}

/**
 * Saves an edit. `expectedVersion` is the version the editor loaded: if someone saved
 * since, the save is refused (409) and nothing is written, so no one's text is lost.
 */
export async function savePublication(
  deps: EditorialDeps,
  actor: StaffActor,
  id: number,
  f: PublicationFields,
  expectedVersion: number,
  options: { action?: string; now?: Date } = {},
): Promise<void> {
  const db = deps.db.kysely;
  const before = await loadFor(db, actor, id, 'publication.edit');
  const problems = await checkReferences(db, f);
  if (Object.keys(problems).length) throw new EditorialError('invalid', 400, { fields: problems });
  const lang = before.row.lang;
  const slug = await resolveSlug(db, f, lang, id);
  const columns = await editedColumns(db, f, slug, lang);
  const now = (options.now ?? new Date()).toISOString();
  await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('publications')
      .set((eb) => ({
        ...columns,
        series_number: f.seriesNumber,
        updated_at: now,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) {
      const current = await trx.selectFrom('publications').select('version').where('id', '=', id).executeTakeFirst();
      throw new EditorialError('conflict', 409, { params: { version: current?.version ?? 0 } });
    }
    await writeRelations(trx, id, f);
    await recordRevision(trx, id, actor.id, now);
    const after = await loadPublication(trx, id);
    await audit(trx, actor, {
      action: options.action ?? 'update',
      entity: 'publication',
      entityId: id,
      before: snapshotOf(before),
      after: after && snapshotOf(after),
    });
    if (before.row.status === 'published') await deps.content.indexPublication(trx, id);
  });
  if (before.row.status === 'published') await deps.content.contentChanged();
}

/** Deletes a publication (with its revisions); published ones leave the site and search at once. */
export async function deletePublication(deps: EditorialDeps, actor: StaffActor, id: number): Promise<void> {
  const db = deps.db.kysely;
  const before = await loadFor(db, actor, id, 'publication.delete');
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('revisions').where('publication_id', '=', id).execute();
    await writeRelations(trx, id, { authorIds: [], topicIds: [] });
    await trx.deleteFrom('publications').where('id', '=', id).execute();
    await deps.content.indexPublication(trx, id);
    await audit(trx, actor, { action: 'delete', entity: 'publication', entityId: id, before: snapshotOf(before) });
  });
  await deps.content.contentChanged();
}

export type { PublicationStatus };
