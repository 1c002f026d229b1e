import type { Event, EventRegistration, RegistrationStatus } from '../../db/schema.js';
import type { AdminContext } from '../admin-context.js';
import { languageName, type AdminMessageKey } from '../i18n/index.js';
import { REGISTRATION_STATUSES, type RegistrationFilters, type RegistrationRow } from '../registration-queries.js';
import { CsrfField, Pagination, StatusFilter } from './fields.js';
import { When } from './newsletter-views.js';
import { EventTime, EventTitles } from './event-views.js';

export const REGISTRATION_LABEL: Record<RegistrationStatus, AdminMessageKey> = {
  confirmed: 'registrationConfirmed',
  waitlisted: 'registrationWaitlisted',
  cancelled: 'registrationCancelledStatus',
};

type EventSummary = Pick<Event, 'id' | 'title_en' | 'title_he' | 'starts_at' | 'time_zone' | 'capacity'>;

/** The event named and linked, for the top of its registration pages. */
function EventHeading({ ctx, event }: { ctx: AdminContext; event: EventSummary }) {
  return (
    <p>
      <a href={`/admin/events/${event.id}`}>
        <EventTitles ctx={ctx} event={event} />
      </a>
      <br />
      <EventTime ctx={ctx} iso={event.starts_at} zone={event.time_zone} />
    </p>
  );
}

function Counts(props: { ctx: AdminContext; counts: Record<RegistrationStatus, number>; capacity: number | null }) {
  const { ctx, counts, capacity } = props;
  const { t } = ctx;
  const seatsLeft = capacity === null ? t('eventNoLimit') : String(Math.max(0, capacity - counts.confirmed));
  return (
    <ul class="panel-links" aria-label={t('registrationCounts')}>
      {REGISTRATION_STATUSES.map((status) => (
        <li key={status}>
          {t(REGISTRATION_LABEL[status])}: {counts[status]}
        </li>
      ))}
      <li>
        {t('registrationSeatsLeft')}: {seatsLeft}
      </li>
    </ul>
  );
}

function Filters({ ctx, eventId, filters }: { ctx: AdminContext; eventId: number; filters: RegistrationFilters }) {
  const { t } = ctx;
  return (
    <form method="get" action={`/admin/events/${eventId}/registrations`} class="filters" aria-label={t('filters')}>
      <StatusFilter ctx={ctx} statuses={REGISTRATION_STATUSES} labels={REGISTRATION_LABEL} selected={filters.status} />
      <button type="submit">{t('filterApply')}</button>
    </form>
  );
}

function RegistrationTable(props: { ctx: AdminContext; eventId: number; rows: RegistrationRow[]; canCancel: boolean }) {
  const { ctx, rows, canCancel } = props;
  const { t } = ctx;
  if (rows.length === 0) return <p>{t('registrationsNone')}</p>;
  return (
    <table class="admin-table">
      <thead>
        <tr>
          <th scope="col">{t('colName')}</th>
          <th scope="col">{t('colEmail')}</th>
          <th scope="col">{t('registrationColOrganisation')}</th>
          <th scope="col">{t('colLanguage')}</th>
          <th scope="col">{t('colStatus')}</th>
          <th scope="col">{t('registrationColWhen')}</th>
          {canCancel ? (
            <th scope="col">
              <span class="visually-hidden">{t('registrationCancel')}</span>
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <td dir="auto">{row.name}</td>
            <td dir="ltr">{row.email}</td>
            <td dir="auto">{row.organisation}</td>
            <td>{languageName(t, row.lang)}</td>
            <td>
              {t(REGISTRATION_LABEL[row.status])}
              {row.mail_problem ? (
                <>
                  <br />
                  <strong>
                    {t(row.mail_problem === 'failed' ? 'registrationMailFailed' : 'registrationMailUncertain')}
                  </strong>
                </>
              ) : null}
            </td>
            <td>
              <When ctx={ctx} iso={row.created_at} />
            </td>
            {canCancel ? (
              <td>
                {row.status === 'cancelled' ? null : (
                  <a
                    href={`/admin/events/${props.eventId}/registrations/${row.id}/cancel`}
                    aria-label={t('registrationCancelWho', { name: row.name })}
                  >
                    {t('registrationCancel')}
                  </a>
                )}
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Counts, the export, the status filter and one page of registrations. */
export function RegistrationList(props: {
  ctx: AdminContext;
  event: EventSummary;
  counts: Record<RegistrationStatus, number>;
  rows: RegistrationRow[];
  total: number;
  perPage: number;
  filters: RegistrationFilters;
  canExport: boolean;
  canCancel: boolean;
}) {
  const { ctx, event, filters } = props;
  const { t } = ctx;
  const base = `/admin/events/${event.id}/registrations`;
  const withStatus = (path: string, extra: Record<string, string> = {}) => {
    const params = new URLSearchParams(extra);
    if (filters.status) params.set('status', filters.status);
    const query = params.toString();
    return query ? `${path}?${query}` : path;
  };
  return (
    <>
      <EventHeading ctx={ctx} event={event} />
      <Counts ctx={ctx} counts={props.counts} capacity={event.capacity} />
      {props.canExport ? (
        <p class="actions">
          <a class="button" href={withStatus(`${base}.csv`)} download>
            {t(filters.status ? 'registrationExportFiltered' : 'registrationExportAll')}
          </a>
        </p>
      ) : null}
      <Filters ctx={ctx} eventId={event.id} filters={filters} />
      <RegistrationTable ctx={ctx} eventId={event.id} rows={props.rows} canCancel={props.canCancel} />
      <Pagination
        ctx={ctx}
        page={filters.page}
        pages={Math.max(1, Math.ceil(props.total / props.perPage))}
        href={(page) => withStatus(base, { page: String(page) })}
      />
    </>
  );
}

/** The confirm step before staff cancel a registration: who, and what follows. */
export function CancelConfirm(props: {
  ctx: AdminContext;
  event: EventSummary;
  registration: Pick<EventRegistration, 'id' | 'name' | 'email' | 'status'>;
}) {
  const { ctx, event, registration } = props;
  const { t } = ctx;
  const back = `/admin/events/${event.id}/registrations`;
  return (
    <>
      <EventHeading ctx={ctx} event={event} />
      <p>
        {t('registrationCancelHelp', { name: registration.name, email: registration.email })}
        {registration.status === 'confirmed' ? ` ${t('registrationCancelPromotes')}` : ''}
      </p>
      <form method="post" action={`${back}/${registration.id}/cancel`}>
        <CsrfField ctx={ctx} />
        <button type="submit" class="danger">
          {t('registrationCancelConfirm')}
        </button>{' '}
        <a href={back}>{t('registrationKeep')}</a>
      </form>
    </>
  );
}
