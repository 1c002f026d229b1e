import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { EditorialError, type FieldProblems } from '../../editorial/editorial-errors.js';
import { field, type FormBody } from '../../editorial/form-body.js';
import {
  closeRegistration,
  createEvent,
  getEventFor,
  publishEvent,
  saveEvent,
  unpublishEvent,
  type EditableEvent,
} from '../../events/event-store.js';
import { fillFreeSeats } from '../../events/registrations.js';
import type { AdminContext } from '../admin-context.js';
import { formBody, idParam, pageParam, stringParam } from '../admin-params.js';
import type { AdminKit } from '../admin-plugin.js';
import { eventContext } from '../event-context.js';
import { collectOrdered, eventValues, parseEventForm, timeZoneChoices } from '../event-form.js';
import {
  EVENTS_PAGE_SIZE,
  EVENT_STATUSES,
  listEvents,
  recordingChoices,
  type EventListFilters,
} from '../event-queries.js';
import { messageFor } from '../i18n/index.js';
import { pickedIds, pickerRows } from '../newsletter-issues.js';
import { registrationCounts } from '../registration-queries.js';
import { withRetry } from '../structure/structure-fields.js';
import { EventForm } from '../views/event-form-view.js';
import { EventList, EventPanel, TheirEvent } from '../views/event-views.js';
import { Alert } from '../views/fields.js';
import { registerRegistrationRoutes } from './registration-routes.js';

/*
 * Events: the list (upcoming or past), the bilingual form, publishing and closing
 * registration. Saving lives in events/event-store.ts; registrations have their own routes.
 */

function listFilters(query: Record<string, unknown>): EventListFilters {
  const status = stringParam(query.status);
  return {
    period: query.period === 'past' ? 'past' : 'upcoming',
    status: EVENT_STATUSES.find((s) => s === status),
    page: pageParam(query.page),
  };
}

interface FormOptions {
  event?: EditableEvent;
  values: FormBody;
  problems?: FieldProblems;
  alert?: string;
  status?: number;
  extra?: ComponentChildren;
}

export function registerEventRoutes(admin: FastifyInstance, kit: AdminKit) {
  const deps = kit.deps;
  const db = deps.db.kysely;

  async function renderForm(request: FastifyRequest, reply: FastifyReply, options: FormOptions) {
    const ctx = await eventContext(kit, request, reply);
    const row = options.event?.row;
    const [publications, recordings, editorScript, counts] = await Promise.all([
      // The same field name as the newsletter's picker, so its reading of the ticks serves here.
      pickerRows(db, pickedIds(options.values)),
      recordingChoices(db),
      kit.editorScript(),
      row ? registrationCounts(db, row.id) : undefined,
    ]);
    return kit.page(
      reply,
      ctx,
      row ? ctx.t('eventEdit') : ctx.t('eventNew'),
      <>
        <p>
          <a href="/admin/events">{ctx.t('eventsTitle')}</a>
        </p>
        <Alert text={options.alert} />
        {options.extra}
        {row ? <EventPanel ctx={ctx} event={row} confirmed={counts?.confirmed ?? 0} /> : null}
        <EventForm
          ctx={ctx}
          values={options.values}
          problems={options.problems}
          event={row}
          zones={timeZoneChoices(ctx.catalog.settings.timeZone, row?.time_zone)}
          publications={publications}
          recordings={recordings}
          editorScript={editorScript}
        />
      </>,
      options.status ?? 200,
    );
  }

  /** After a refused save: the form with what was typed, and either the problems or the text saved meanwhile. */
  async function renderRefusal(
    request: FastifyRequest,
    reply: FastifyReply,
    ctx: AdminContext,
    error: EditorialError,
    options: FormOptions,
  ) {
    if (error.status === 400) return renderForm(request, reply, { ...options, problems: error.fields, status: 400 });
    const theirs = await getEventFor(db, kit.actor(request), options.event!.row.id);
    return renderForm(request, reply, {
      event: theirs,
      values: { ...options.values, version: String(theirs.row.version) },
      alert: messageFor(error.code, ctx.lang, error.params),
      extra: <TheirEvent ctx={ctx} event={theirs} />,
      status: 409,
    });
  }

  admin.get<{ Querystring: Record<string, unknown> }>('/events', async (request, reply) => {
    kit.actor(request, 'events.manage');
    const ctx = await eventContext(kit, request, reply);
    const filters = listFilters(request.query);
    const { rows, total, confirmed } = await listEvents(db, filters);
    return kit.page(
      reply,
      ctx,
      ctx.t('eventsTitle'),
      <EventList
        ctx={ctx}
        rows={rows}
        confirmed={confirmed}
        total={total}
        perPage={EVENTS_PAGE_SIZE}
        filters={filters}
      />,
    );
  });

  admin.get('/events/new', async (request, reply) => {
    kit.actor(request, 'events.manage');
    const ctx = await kit.context(request, reply);
    const emptyDoc = JSON.stringify({ type: 'doc', content: [] });
    return renderForm(request, reply, {
      values: {
        held_in: ctx.lang,
        time_zone: ctx.catalog.settings.timeZone,
        registration_open: '1',
        body_json_en: emptyDoc,
        body_json_he: emptyDoc,
      },
    });
  });

  admin.post('/events', async (request, reply) => {
    const actor = kit.actor(request, 'events.manage');
    const ctx = await kit.context(request, reply);
    const values = collectOrdered(formBody(request), 'speaker_ids');
    const parsed = parseEventForm(values, timeZoneChoices(ctx.catalog.settings.timeZone));
    if (!parsed.ok) return renderForm(request, reply, { values, problems: parsed.problems, status: 400 });
    try {
      // A slug taken by a save racing this one hits the unique index; the retry then reports it.
      const id = await withRetry(() => createEvent(deps, actor, parsed.fields));
      return reply.redirect(`/admin/events/${id}?notice=created`, 303);
    } catch (error) {
      if (!(error instanceof EditorialError) || error.status !== 400) throw error;
      return renderRefusal(request, reply, ctx, error, { values });
    }
  });

  admin.get<{ Params: { id: string } }>('/events/:id', async (request, reply) => {
    const event = await getEventFor(db, kit.actor(request, 'events.manage'), idParam(request.params.id));
    return renderForm(request, reply, { event, values: eventValues(event) });
  });

  admin.post<{ Params: { id: string } }>('/events/:id', async (request, reply) => {
    const actor = kit.actor(request, 'events.manage');
    const event = await getEventFor(db, actor, idParam(request.params.id));
    const ctx = await kit.context(request, reply);
    const values = collectOrdered(formBody(request), 'speaker_ids');
    const zones = timeZoneChoices(ctx.catalog.settings.timeZone, event.row.time_zone);
    const parsed = parseEventForm(values, zones);
    if (!parsed.ok) return renderForm(request, reply, { event, values, problems: parsed.problems, status: 400 });
    try {
      const version = Number(field(values, 'version'));
      await withRetry(() => saveEvent(deps, actor, event.row.id, parsed.fields, version));
      // More seats (or none limited now) go to the waiting list at once.
      await fillFreeSeats(deps, event.row.id);
      return reply.redirect(`/admin/events/${event.row.id}?notice=saved`, 303);
    } catch (error) {
      if (!(error instanceof EditorialError) || (error.status !== 400 && error.status !== 409)) throw error;
      return renderRefusal(request, reply, ctx, error, { event, values });
    }
  });

  const stateChanges = [
    ['publish', publishEvent, 'eventPublished'],
    ['unpublish', unpublishEvent, 'eventUnpublished'],
    ['close-registration', closeRegistration, 'eventRegistrationClosed'],
  ] as const;
  for (const [path, change, notice] of stateChanges) {
    admin.post<{ Params: { id: string } }>(`/events/:id/${path}`, async (request, reply) => {
      const id = idParam(request.params.id);
      // Pressed twice, or by two people: the second press changes nothing and says the same.
      await change(deps, kit.actor(request, 'events.manage'), id);
      return reply.redirect(`/admin/events/${id}?notice=${notice}`, 303);
    });
  }

  registerRegistrationRoutes(admin, kit);
}
