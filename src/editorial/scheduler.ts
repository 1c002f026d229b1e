import { audit, SYSTEM_ACTOR } from '../audit/audit-log.js';
import type { EditorialDeps } from './publication-store.js';
import { startRepeatingJob, type RepeatingJob } from '../lib/repeating-job.js';

/**
 * Publishes every scheduled publication whose time has come. Safe to run on several
 * nodes at once and after a restart: each row flips from 'scheduled' by a conditional
 * update, so exactly one run publishes it, and the schedule lives in the database.
 */
export async function publishDue(deps: EditorialDeps, now = new Date()): Promise<number[]> {
  const db = deps.db.kysely;
  const due = await db
    .selectFrom('publications')
    .select(['id', 'publish_at'])
    .where('status', '=', 'scheduled')
    .where('publish_at', '<=', now.toISOString())
    .orderBy('publish_at')
    .execute();
  const published: number[] = [];
  for (const { id, publish_at } of due) {
    const won = await db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('publications')
        .set((eb) => ({
          status: 'published',
          published_at: eb.fn.coalesce('published_at', 'publish_at'),
          publish_at: null,
          updated_at: now.toISOString(),
          version: eb('version', '+', 1),
        }))
        .where('id', '=', id)
        .where('status', '=', 'scheduled')
        .where('publish_at', '<=', now.toISOString())
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return false;
      await deps.content.indexPublication(trx, id);
      await audit(trx, SYSTEM_ACTOR, {
        action: 'publish-scheduled',
        entity: 'publication',
        entityId: id,
        before: { status: 'scheduled', publish_at },
        after: { status: 'published' },
      });
      return true;
    });
    if (won) published.push(id);
  }
  if (published.length) await deps.content.contentChanged();
  return published;
}

/** Runs publishDue now and every `intervalSeconds`; `stop` waits for a run in progress. */
export function startScheduler(
  deps: EditorialDeps,
  intervalSeconds: number,
  onError: (error: unknown) => void,
): RepeatingJob {
  return startRepeatingJob(() => publishDue(deps), intervalSeconds, onError);
}
