import type { Kysely, Transaction } from 'kysely';
import { audit, type AuditActor } from '../audit/audit-log.js';
import type { Database, DraftOrPublished } from '../db/schema.js';
import { EditorialError } from '../editorial/editorial-errors.js';
import type { MentionFields, VideoFields } from './press-forms.js';

/*
 * Writes for the media section. Each change and its audit entry share one transaction, so
 * the log never records a change that did not happen. The caller clears the page cache.
 */

/** 'publish' and 'unpublish' are logged as such, so the log shows when an item went live. */
function auditAction(before: DraftOrPublished | undefined, after: DraftOrPublished): string {
  if (before === undefined) return 'create';
  if (before === after) return 'update';
  return after === 'published' ? 'publish' : 'unpublish';
}

async function writePeople(trx: Transaction<Database>, mentionId: number, personIds: number[]) {
  await trx.deleteFrom('mention_people').where('mention_id', '=', mentionId).execute();
  if (personIds.length === 0) return;
  await trx
    .insertInto('mention_people')
    .values(personIds.map((personId, position) => ({ mention_id: mentionId, person_id: personId, position })))
    .execute();
}

async function existingMention(trx: Transaction<Database>, id: number) {
  const row = await trx.selectFrom('media_mentions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new EditorialError('not-found', 404);
  const people = await trx
    .selectFrom('mention_people')
    .select('person_id')
    .where('mention_id', '=', id)
    .orderBy('position')
    .execute();
  return { ...row, personIds: people.map((p) => p.person_id) };
}

/** Creates a mention (no `id`) or replaces one's fields and people; returns its id. */
export function saveMention(db: Kysely<Database>, actor: AuditActor, fields: MentionFields, id?: number) {
  return db.transaction().execute(async (trx) => {
    const before = id === undefined ? undefined : await existingMention(trx, id);
    const { personIds, ...columns } = fields;
    const row =
      id === undefined
        ? await trx
            .insertInto('media_mentions')
            .values({ ...columns, created_at: new Date().toISOString() })
            .returningAll()
            .executeTakeFirstOrThrow()
        : await trx
            .updateTable('media_mentions')
            .set(columns)
            .where('id', '=', id)
            .returningAll()
            .executeTakeFirstOrThrow();
    await writePeople(trx, row.id, personIds);
    await audit(trx, actor, {
      action: auditAction(before?.status, row.status),
      entity: 'media_mention',
      entityId: row.id,
      before,
      after: { ...row, personIds },
    });
    return row.id;
  });
}

export function deleteMention(db: Kysely<Database>, actor: AuditActor, id: number) {
  return db.transaction().execute(async (trx) => {
    const before = await existingMention(trx, id);
    await trx.deleteFrom('media_mentions').where('id', '=', id).execute();
    await audit(trx, actor, { action: 'delete', entity: 'media_mention', entityId: id, before });
  });
}

async function existingVideo(trx: Transaction<Database>, id: number) {
  const row = await trx.selectFrom('videos').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new EditorialError('not-found', 404);
  return row;
}

/** Creates a video (no `id`) or replaces one's fields; returns its id. */
export function saveVideo(db: Kysely<Database>, actor: AuditActor, fields: VideoFields, id?: number) {
  return db.transaction().execute(async (trx) => {
    const before = id === undefined ? undefined : await existingVideo(trx, id);
    const row =
      id === undefined
        ? await trx
            .insertInto('videos')
            .values({ ...fields, created_at: new Date().toISOString() })
            .returningAll()
            .executeTakeFirstOrThrow()
        : await trx.updateTable('videos').set(fields).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await audit(trx, actor, {
      action: auditAction(before?.status, row.status),
      entity: 'video',
      entityId: row.id,
      before,
      after: row,
    });
    return row.id;
  });
}

export function deleteVideo(db: Kysely<Database>, actor: AuditActor, id: number) {
  return db.transaction().execute(async (trx) => {
    const before = await existingVideo(trx, id);
    await trx.deleteFrom('videos').where('id', '=', id).execute();
    await audit(trx, actor, { action: 'delete', entity: 'video', entityId: id, before });
  });
}
