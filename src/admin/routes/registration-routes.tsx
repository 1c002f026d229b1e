import type { FastifyInstance, FastifyRequest } from 'fastify';
import { audit, type AuditActor } from '../../audit/audit-log.js';
import { can } from '../../auth/policy.js';
import type { EventRegistration } from '../../db/schema.js';
import { EditorialError } from '../../editorial/editorial-errors.js';
import { cancelRegistration } from '../../events/registrations.js';
import { idParam, pageParam, stringParam } from '../admin-params.js';
import type { AdminKit } from '../admin-plugin.js';
import { eventContext } from '../event-context.js';
import {
  listRegistrations,
  registrationCounts,
  registrationsCsv,
  REGISTRATION_STATUSES,
  REGISTRATIONS_PAGE_SIZE,
  type RegistrationFilters,
} from '../registration-queries.js';
import { Alert } from '../views/fields.js';
import { CancelConfirm, RegistrationList } from '../views/registration-views.js';

/*
 * An event's registrations: counts, the list, CSV export and cancelling on someone's behalf.
 * The audit log records exports and cancellations by id and count only, never names or addresses.
 */

function registrationFilters(query: Record<string, unknown>): RegistrationFilters {
  const status = stringParam(query.status);
  return { status: REGISTRATION_STATUSES.find((s) => s === status), page: pageParam(query.page) };
}

type IdParams = { Params: { id: string }; Querystring: Record<string, unknown> };
type RegistrationParams = { Params: { id: string; registrationId: string } };

export function registerRegistrationRoutes(admin: FastifyInstance, kit: AdminKit) {
  const deps = kit.deps;
  const db = deps.db.kysely;

  async function findEvent(raw: string) {
    const event = await db
      .selectFrom('events')
      .select(['id', 'title_en', 'title_he', 'starts_at', 'time_zone', 'capacity'])
      .where('id', '=', idParam(raw))
      .executeTakeFirst();
    if (!event) throw new EditorialError('not-found', 404);
    return event;
  }

  /** The registration, only as part of the event named in the path. */
  async function findRegistration(request: FastifyRequest<RegistrationParams>) {
    const event = await findEvent(request.params.id);
    const registration = await db
      .selectFrom('event_registrations')
      .select(['id', 'name', 'email', 'status'])
      .where('id', '=', idParam(request.params.registrationId))
      .where('event_id', '=', event.id)
      .executeTakeFirst();
    if (!registration) throw new EditorialError('not-found', 404);
    return { event, registration };
  }

  /**
   * Cancels through the events module, which also gives a freed seat to the waiting list and
   * mails that person. When only that mail failed, the cancellation stands: it is audited and
   * the failure returned, so staff can tell the person themselves.
   */
  async function cancelAndAudit(actor: AuditActor, registration: Pick<EventRegistration, 'id' | 'status'>) {
    let promoted: number | undefined;
    let mailError: string | undefined;
    try {
      ({ promoted } = await cancelRegistration(deps, registration.id));
    } catch (error) {
      const now = await db
        .selectFrom('event_registrations')
        .select('status')
        .where('id', '=', registration.id)
        .executeTakeFirst();
      if (now?.status !== 'cancelled') throw error;
      mailError = String((error as Error).message ?? error);
    }
    await audit(db, actor, {
      action: 'cancel',
      entity: 'event_registration',
      entityId: registration.id,
      before: { status: registration.status },
      after: { status: 'cancelled', promoted_registration_id: promoted ?? null },
    });
    return mailError;
  }

  admin.get<IdParams>('/events/:id/registrations', async (request, reply) => {
    const actor = kit.actor(request, 'registrations.view');
    const event = await findEvent(request.params.id);
    const ctx = await eventContext(kit, request, reply);
    const filters = registrationFilters(request.query);
    const [counts, { rows, total }] = await Promise.all([
      registrationCounts(db, event.id),
      listRegistrations(db, event.id, filters),
    ]);
    return kit.page(
      reply,
      ctx,
      ctx.t('registrationsTitle'),
      <RegistrationList
        ctx={ctx}
        event={event}
        counts={counts}
        rows={rows}
        total={total}
        perPage={REGISTRATIONS_PAGE_SIZE}
        filters={filters}
        canExport={can(actor, 'registrations.export')}
        canCancel={can(actor, 'events.manage')}
      />,
    );
  });

  admin.get<IdParams>('/events/:id/registrations.csv', async (request, reply) => {
    const actor = kit.actor(request, 'registrations.export');
    const event = await findEvent(request.params.id);
    const { status } = registrationFilters(request.query);
    const { csv, rows } = await registrationsCsv(db, event.id, status);
    // That an export happened, of what and how big; never the people in it.
    await audit(db, actor, {
      action: 'export',
      entity: 'event_registrations',
      entityId: event.id,
      after: { status: status ?? 'all', rows },
    });
    const date = new Date().toISOString().slice(0, 10);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="event-${event.id}-registrations-${date}.csv"`)
      .send(csv);
  });

  admin.get<RegistrationParams>('/events/:id/registrations/:registrationId/cancel', async (request, reply) => {
    kit.actor(request, 'events.manage');
    const { event, registration } = await findRegistration(request);
    const ctx = await kit.context(request, reply);
    return kit.page(
      reply,
      ctx,
      ctx.t('registrationCancelTitle'),
      <CancelConfirm ctx={ctx} event={event} registration={registration} />,
    );
  });

  admin.post<RegistrationParams>('/events/:id/registrations/:registrationId/cancel', async (request, reply) => {
    const actor = kit.actor(request, 'events.manage');
    const { event, registration } = await findRegistration(request);
    const back = `/admin/events/${event.id}/registrations`;
    // Cancelled already (a second click, or by the registrant): nothing to do or to record.
    if (registration.status === 'cancelled') return reply.redirect(`${back}?notice=registrationCancelled`, 303);
    const mailError = await cancelAndAudit(actor, registration);
    if (mailError === undefined) return reply.redirect(`${back}?notice=registrationCancelled`, 303);
    request.log.warn({ err: mailError }, 'mail to the promoted registrant failed');
    const ctx = await kit.context(request, reply);
    return kit.page(
      reply,
      ctx,
      ctx.t('registrationsTitle'),
      <>
        <Alert text={ctx.t('registrationPromotedMailFailed', { error: mailError })} />
        <p>
          <a href={back}>{ctx.t('registrationsTitle')}</a>
        </p>
      </>,
      502,
    );
  });
}
