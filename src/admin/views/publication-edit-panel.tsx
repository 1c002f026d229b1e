import { can } from '../../auth/policy.js';
import type { Publication } from '../../db/schema.js';
import { utcToZonedLocal } from '../../editorial/local-time.js';
import type { StaffActor } from '../../editorial/publication-store.js';
import { WORKFLOW_STEPS, type WorkflowStep } from '../../editorial/workflow.js';
import { formatDate } from '../../site/i18n/index.js';
import type { AdminContext } from '../admin-context.js';
import { languageName, type AdminMessageKey } from '../i18n/index.js';
import { CsrfField } from './fields.js';
import { STATUS_LABEL } from './publication-list.js';

const STEP_LABEL: Record<WorkflowStep, AdminMessageKey> = {
  submit: 'stepSubmit',
  withdraw: 'stepWithdraw',
  publish: 'stepPublish',
  schedule: 'stepSchedule',
  unpublish: 'stepUnpublish',
};

function StepButton({ ctx, p, step }: { ctx: AdminContext; p: Publication; step: WorkflowStep }) {
  return (
    <form method="post" action={`/admin/publications/${p.id}/workflow`} class="inline-form">
      <CsrfField ctx={ctx} />
      <input type="hidden" name="step" value={step} />
      <button type="submit">{ctx.t(STEP_LABEL[step])}</button>
    </form>
  );
}

/** Status, workflow steps the user may take, preview, translation, revisions and delete. */
export function EditPanel(props: {
  ctx: AdminContext;
  actor: StaffActor;
  publication: Publication;
  translation: { id: number; lang: Publication['lang'] } | undefined;
}) {
  const { ctx, actor, publication: p, translation } = props;
  const { t } = ctx;
  const zone = ctx.catalog.settings.timeZone;
  const target = { ownerUserId: p.owner_user_id, status: p.status };
  const steps = (Object.keys(WORKFLOW_STEPS) as WorkflowStep[]).filter(
    (s) => s !== 'schedule' && can(actor, WORKFLOW_STEPS[s].permission, target),
  );
  const otherLang = p.lang === 'en' ? 'he' : 'en';
  const otherName = languageName(t, otherLang);
  return (
    <aside class="edit-panel" aria-labelledby="panel-title">
      <h2 id="panel-title">{t('workflow')}</h2>
      <p>
        <strong>{t('status', { status: t(STATUS_LABEL[p.status]) })}</strong>
        <br />
        {t('versionInfo', { version: p.version, when: formatDate(p.updated_at, ctx.lang) })}
        {p.status === 'scheduled' && p.publish_at ? (
          <>
            <br />
            {t('scheduledFor', { when: utcToZonedLocal(p.publish_at, zone).replace('T', ' '), zone })}
          </>
        ) : null}
      </p>
      <div class="panel-actions">
        {steps.map((s) => (
          <StepButton key={s} ctx={ctx} p={p} step={s} />
        ))}
      </div>
      {can(actor, 'publication.publish', target) ? (
        <form method="post" action={`/admin/publications/${p.id}/workflow`} class="schedule-form">
          <CsrfField ctx={ctx} />
          <input type="hidden" name="step" value="schedule" />
          <label for="publish_at">{t('publishAt', { zone })}</label>
          <input id="publish_at" name="publish_at" type="datetime-local" required />
          <button type="submit">{t('stepSchedule')}</button>
        </form>
      ) : null}
      <ul class="panel-links">
        <li>
          <a href={`/admin/publications/${p.id}/preview`}>{t('preview')}</a>
        </li>
        <li>
          <a href={`/admin/publications/${p.id}/revisions`}>{t('revisions')}</a>
        </li>
        <li>
          {translation ? (
            <a href={`/admin/publications/${translation.id}`}>{t('openTranslation', { lang: otherName })}</a>
          ) : (
            <form method="post" action={`/admin/publications/${p.id}/translation`} class="inline-form">
              <CsrfField ctx={ctx} />
              <button type="submit">{t('addTranslation', { lang: otherName })}</button>
            </form>
          )}
        </li>
      </ul>
      {can(actor, 'publication.delete', target) ? (
        <details class="danger">
          <summary>{t('deletePublication')}</summary>
          <form method="post" action={`/admin/publications/${p.id}/delete`}>
            <CsrfField ctx={ctx} />
            <button type="submit" class="danger">
              {t('confirmDelete')}
            </button>
          </form>
        </details>
      ) : null}
    </aside>
  );
}
