import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { audit } from '../audit/audit-log.js';
import { can } from '../auth/policy.js';
import type { Database, Lang, PodcastEpisode } from '../db/schema.js';
import { EditorialError, forbidden, notFound, type FieldProblems } from '../editorial/editorial-errors.js';
import type { EditorialDeps, StaffActor } from '../editorial/publication-store.js';
import { renderBody } from '../editorial/render-body.js';
import { slugify } from '../editorial/slug.js';
import type { EpisodeFields } from './episode-form.js';

/**
 * Writing podcast episodes: create, save (optimistic, by version), publish and unpublish.
 * Every write is audited; every change a reader can see empties the page cache through
 * `content.contentChanged()`, which clears the podcast pages and feeds with the rest.
 */

export interface EditableEpisode {
  row: PodcastEpisode;
  guestIds: number[];
  topicIds: number[];
}

export async function loadEpisode(db: Kysely<Database>, id: number): Promise<EditableEpisode | undefined> {
  const row = await db.selectFrom('podcast_episodes').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const [guests, topics] = await Promise.all([
    db.selectFrom('episode_guests').select('person_id').where('episode_id', '=', id).orderBy('position').execute(),
    db.selectFrom('episode_topics').select('topic_id').where('episode_id', '=', id).orderBy('position').execute(),
  ]);
  return { row, guestIds: guests.map((g) => g.person_id), topicIds: topics.map((t) => t.topic_id) };
}

/** Loads an episode for someone allowed to manage the podcast: 403 before anything is read, then 404. */
export async function loadForManager(db: Kysely<Database>, actor: StaffActor, id: number): Promise<EditableEpisode> {
  if (!can(actor, 'podcast.manage')) throw forbidden();
  const found = await loadEpisode(db, id);
  if (!found) throw notFound();
  return found;
}

/** What the audit log keeps of an episode: every edited field and its state (not the rendered HTML). */
function snapshotOf({ row, guestIds, topicIds }: EditableEpisode) {
  return {
    lang: row.lang,
    title: row.title,
    slug: row.slug,
    summary: row.summary,
    notes_json: row.notes_json,
    transcript: row.transcript,
    audio_media_id: row.audio_media_id,
    episode_number: row.episode_number,
    season: row.season,
    explicit: row.explicit,
    status: row.status,
    guest_ids: guestIds,
    topic_ids: topicIds,
  };
}

const invalid = (fields: FieldProblems) => new EditorialError('invalid', 400, { fields });

/** Every guest, topic and the audio file must exist, and the file must be audio. */
async function checkReferences(db: Kysely<Database>, f: EpisodeFields): Promise<FieldProblems> {
  const problems: FieldProblems = {};
  if (f.guestIds.length) {
    const found = await db.selectFrom('people').select('id').where('id', 'in', f.guestIds).execute();
    if (found.length !== f.guestIds.length) problems.guest_ids = [{ code: 'unknown-choice' }];
  }
  if (f.topicIds.length) {
    const found = await db.selectFrom('topics').select('id').where('id', 'in', f.topicIds).execute();
    if (found.length !== f.topicIds.length) problems.topic_ids = [{ code: 'unknown-choice' }];
  }
  if (f.audioMediaId !== null) {
    const media = await db.selectFrom('media').select('kind').where('id', '=', f.audioMediaId).executeTakeFirst();
    if (media?.kind !== 'audio') problems.audio_media_id = [{ code: 'unknown-choice' }];
  }
  return problems;
}

async function slugTaken(db: Kysely<Database>, lang: Lang, slug: string, exceptId?: number): Promise<boolean> {
  let query = db.selectFrom('podcast_episodes').select('id').where('lang', '=', lang).where('slug', '=', slug);
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** The slug typed, or one made from the title with -2, -3… until it is free among the language's episodes. */
async function resolveSlug(db: Kysely<Database>, f: EpisodeFields, lang: Lang, exceptId?: number): Promise<string> {
  if (f.slug !== '') {
    if (await slugTaken(db, lang, f.slug, exceptId)) throw invalid({ slug: [{ code: 'episode-slug-taken' }] });
    return f.slug;
  }
  const base = slugify(f.title) || 'episode';
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await slugTaken(db, lang, candidate, exceptId))) return candidate;
  }
}

/** The columns staff edit; the show notes are rendered to sanitised HTML here, once, on save. */
async function editedColumns(db: Kysely<Database>, f: EpisodeFields, slug: string, lang: Lang) {
  const { html } = await renderBody(db, f.notes, lang);
  return {
    title: f.title,
    slug,
    summary: f.summary,
    notes_json: JSON.stringify(f.notes),
    notes_html: html,
    transcript: f.transcript,
    audio_media_id: f.audioMediaId,
    episode_number: f.episodeNumber,
    season: f.season,
    explicit: f.explicit ? 1 : 0,
  };
}

async function writeRelations(trx: Transaction<Database>, id: number, f: Pick<EpisodeFields, 'guestIds' | 'topicIds'>) {
  await trx.deleteFrom('episode_guests').where('episode_id', '=', id).execute();
  await trx.deleteFrom('episode_topics').where('episode_id', '=', id).execute();
  if (f.guestIds.length) {
    await trx
      .insertInto('episode_guests')
      .values(f.guestIds.map((person_id, position) => ({ episode_id: id, person_id, position })))
      .execute();
  }
  if (f.topicIds.length) {
    await trx
      .insertInto('episode_topics')
      .values(f.topicIds.map((topic_id, position) => ({ episode_id: id, topic_id, position })))
      .execute();
  }
}

/** Creates a draft episode; its guid is made here and never changes. Returns its id. */
export async function createEpisode(
  deps: EditorialDeps,
  actor: StaffActor,
  f: EpisodeFields,
  now = new Date(),
): Promise<number> {
  if (!can(actor, 'podcast.manage')) throw forbidden();
  const db = deps.db.kysely;
  const problems = await checkReferences(db, f);
  if (Object.keys(problems).length) throw invalid(problems);
  const slug = await resolveSlug(db, f, f.lang);
  const columns = await editedColumns(db, f, slug, f.lang);
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('podcast_episodes')
      .values({
        ...columns,
        lang: f.lang,
        // Podcast apps know an episode by its guid: a new one would show it twice.
        guid: randomUUID(),
        status: 'draft',
        published_at: null,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeRelations(trx, id, f);
    const created = await loadEpisode(trx, id);
    await audit(trx, actor, {
      action: 'create',
      entity: 'podcast_episode',
      entityId: id,
      after: created && snapshotOf(created),
    });
    return id;
  });
}

/**
 * Saves an edit. `expectedVersion` is the version the form was opened at: if someone saved
 * since, nothing is written and a 409 `episode-conflict` names the current version.
 */
export async function saveEpisode(
  deps: EditorialDeps,
  actor: StaffActor,
  id: number,
  f: EpisodeFields,
  expectedVersion: number,
  now = new Date(),
): Promise<void> {
  const db = deps.db.kysely;
  const before = await loadForManager(db, actor, id);
  const problems = await checkReferences(db, f);
  // A published episode is in podcast apps' lists: it cannot lose its audio.
  if (before.row.status === 'published' && f.audioMediaId === null)
    problems.audio_media_id = [{ code: 'episode-audio-required' }];
  if (Object.keys(problems).length) throw invalid(problems);
  const lang = before.row.lang;
  const columns = await editedColumns(db, f, await resolveSlug(db, f, lang, id), lang);
  await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('podcast_episodes')
      .set((eb) => ({ ...columns, updated_at: now.toISOString(), version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) {
      const current = await trx
        .selectFrom('podcast_episodes')
        .select('version')
        .where('id', '=', id)
        .executeTakeFirst();
      throw new EditorialError('episode-conflict', 409, { params: { version: current?.version ?? 0 } });
    }
    await writeRelations(trx, id, f);
    const after = await loadEpisode(trx, id);
    await audit(trx, actor, {
      action: 'update',
      entity: 'podcast_episode',
      entityId: id,
      before: snapshotOf(before),
      after: after && snapshotOf(after),
    });
  });
  if (before.row.status === 'published') await deps.content.contentChanged();
}

/**
 * Publishes a draft (it needs its audio) or takes a published episode back to draft. The
 * update names the state it read, so two clicks change it once. A first publication takes
 * the current time; publishing again keeps the original date, so apps do not see a new episode.
 */
export async function setEpisodePublished(
  deps: EditorialDeps,
  actor: StaffActor,
  id: number,
  publish: boolean,
  now = new Date(),
): Promise<void> {
  const db = deps.db.kysely;
  const { row } = await loadForManager(db, actor, id);
  const from = publish ? 'draft' : 'published';
  if (row.status !== from) return;
  if (publish && row.audio_media_id === null) throw invalid({ audio_media_id: [{ code: 'episode-audio-required' }] });
  const to = publish ? 'published' : 'draft';
  const changed = await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('podcast_episodes')
      .set((eb) => ({
        status: to,
        published_at: row.published_at ?? (publish ? now.toISOString() : null),
        updated_at: now.toISOString(),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', id)
      .where('status', '=', from)
      .where('version', '=', row.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await audit(trx, actor, {
      action: publish ? 'publish' : 'unpublish',
      entity: 'podcast_episode',
      entityId: id,
      before: { status: from },
      after: { status: to },
    });
    return true;
  });
  if (changed) await deps.content.contentChanged();
}

export const STAFF_EPISODES_PAGE_SIZE = 30;

/** One page of every episode, drafts included, newest first, with its audio's length; for the admin list. */
export async function listStaffEpisodes(db: Kysely<Database>, page: number) {
  const [rows, count] = await Promise.all([
    db
      .selectFrom('podcast_episodes as e')
      .leftJoin('media as m', 'm.id', 'e.audio_media_id')
      .select([
        'e.id',
        'e.lang',
        'e.title',
        'e.status',
        'e.season',
        'e.episode_number',
        'e.published_at',
        'm.duration_seconds',
      ])
      .orderBy('e.created_at', 'desc')
      .orderBy('e.id', 'desc')
      .limit(STAFF_EPISODES_PAGE_SIZE)
      .offset((page - 1) * STAFF_EPISODES_PAGE_SIZE)
      .execute(),
    db
      .selectFrom('podcast_episodes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export type StaffEpisodeRow = Awaited<ReturnType<typeof listStaffEpisodes>>['rows'][number];
