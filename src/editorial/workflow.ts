import { audit } from '../audit/audit-log.js';
import type { Action } from '../auth/policy.js';
import type { PublicationStatus } from '../db/schema.js';
import { EditorialError } from './editorial-errors.js';
import { loadFor, type EditorialDeps, type StaffActor } from './publication-store.js';

/**
 * The workflow: draft → review → scheduled or published → archived. Each step names the
 * permission it needs; the policy decides who holds it and from which state.
 */
export const WORKFLOW_STEPS = {
  submit: { to: 'review', permission: 'publication.submit' },
  withdraw: { to: 'draft', permission: 'publication.withdraw' },
  publish: { to: 'published', permission: 'publication.publish' },
  schedule: { to: 'scheduled', permission: 'publication.publish' },
  unpublish: { to: 'archived', permission: 'publication.unpublish' },
} as const satisfies Record<string, { to: PublicationStatus; permission: Action }>;

export type WorkflowStep = keyof typeof WORKFLOW_STEPS;

export function isWorkflowStep(value: string): value is WorkflowStep {
  return Object.hasOwn(WORKFLOW_STEPS, value);
}

/**
 * Moves a publication to its next state. The update names the state it read, so two
 * editors pressing "publish" at once change it once. Publishing and unpublishing update
 * search and invalidate cached pages before returning.
 */
export async function applyWorkflowStep(
  deps: EditorialDeps,
  actor: StaffActor,
  id: number,
  step: WorkflowStep,
  options: { publishAt?: Date; now?: Date } = {},
): Promise<PublicationStatus> {
  const db = deps.db.kysely;
  const { to, permission } = WORKFLOW_STEPS[step];
  const current = await loadFor(db, actor, id, permission);
  const now = options.now ?? new Date();
  const p = current.row;
  if (to === 'published' && p.summary.trim() === '') {
    throw new EditorialError('invalid', 400, { fields: { summary: [{ code: 'required-to-publish' }] } });
  }
  let publishAt: string | null = null;
  if (step === 'schedule') {
    if (!options.publishAt || options.publishAt.getTime() <= now.getTime()) {
      throw new EditorialError('invalid', 400, { fields: { publish_at: [{ code: 'time-in-future' }] } });
    }
    if (p.summary.trim() === '') {
      throw new EditorialError('invalid', 400, { fields: { summary: [{ code: 'required-to-publish' }] } });
    }
    publishAt = options.publishAt.toISOString();
  }
  const changesSite = to === 'published' || p.status === 'published';
  await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('publications')
      .set((eb) => ({
        status: to,
        publish_at: publishAt,
        // A first publication takes today's date; republishing keeps the original date.
        published_at: to === 'published' ? (p.published_at ?? now.toISOString()) : p.published_at,
        updated_at: now.toISOString(),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', id)
      .where('status', '=', p.status)
      .where('version', '=', p.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1)
      throw new EditorialError('conflict', 409, { params: { version: p.version } });
    await audit(trx, actor, {
      action: step,
      entity: 'publication',
      entityId: id,
      before: { status: p.status, publish_at: p.publish_at },
      after: { status: to, publish_at: publishAt },
    });
    if (changesSite) await deps.content.indexPublication(trx, id);
  });
  if (changesSite) await deps.content.contentChanged();
  return to;
}
