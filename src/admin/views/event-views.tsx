import { inLang } from '../../content/bilingual.js';
import { LANGUAGES, type DraftOrPublished, type Event } from '../../db/schema.js';
import type { EditableEvent } from '../../events/event-store.js';
import { dirOf } from '../../site/i18n/index.js';
import { paths } from '../../site/paths.js';
import type { AdminContext } from '../admin-context.js';
import { EVENT_PERIODS, EVENT_STATUSES, type EventListFilters, type EventListRow } from '../event-queries.js';
import { languageName, type AdminMessageKey } from '../i18n/index.js';
import { CsrfField, Pagination, StatusFilter } from './fields.js';

export const EVENT_STATUS_LABEL: Record<DraftOrPublished, AdminMessageKey> = {
  draft: 'statusDraft',
  published: 'statusPublished',
};

const PERIOD_LABEL: Record<EventListFilters['period'], AdminMessageKey> = {
  upcoming: 'eventsUpcoming',
  past: 'eventsPast',
};

/** When an event starts, in the zone it is held in, named so no one mistakes it for theirs. */
export function EventTime({ ctx, iso, zone }: { ctx: AdminContext; iso: string; zone: string }) {
  const format = new Intl.DateTimeFormat(ctx.lang === 'he' ? 'he-IL' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: zone,
  });
  return (
    <time datetime={iso}>
      {format.format(new Date(iso))} <span dir="ltr">({zone})</span>
    </time>
  );
}

/** Both titles, the interface language's first, each marked with its language. */
export function EventTitles({ ctx, event }: { ctx: AdminContext; event: Pick<Event, 'title_en' | 'title_he'> }) {
  const order = ctx.lang === 'he' ? (['he', 'en'] as const) : LANGUAGES;
  return (
    <>
      {order.map((lang, i) => (
        <span key={lang}>
          {i > 0 ? <br /> : null}
          <span lang={lang} dir={dirOf(lang)}>
            {inLang(event, 'title', lang)}
          </span>
        </span>
      ))}
    </>
  );
}

/** "12 of 120", or "12 (no limit)". */
export function seatsText(ctx: AdminContext, confirmed: number, capacity: number | null): string {
  return capacity === null
    ? ctx.t('eventSeatsUnlimited', { confirmed })
    : ctx.t('eventSeatsOf', { confirmed, capacity });
}

function EventFilters({ ctx, filters }: { ctx: AdminContext; filters: EventListFilters }) {
  const { t } = ctx;
  return (
    <form method="get" action="/admin/events" class="filters" aria-label={t('filters')}>
      <div class="field">
        <label for="f-period">{t('eventsPeriod')}</label>
        <select id="f-period" name="period">
          {EVENT_PERIODS.map((period) => (
            <option key={period} value={period} selected={period === filters.period}>
              {t(PERIOD_LABEL[period])}
            </option>
          ))}
        </select>
      </div>
      <StatusFilter ctx={ctx} statuses={EVENT_STATUSES} labels={EVENT_STATUS_LABEL} selected={filters.status} />
      <button type="submit">{t('filterApply')}</button>
    </form>
  );
}

function EventRow({ ctx, row, confirmed }: { ctx: AdminContext; row: EventListRow; confirmed: number }) {
  const { t } = ctx;
  return (
    <tr>
      <td>
        <a href={`/admin/events/${row.id}`}>
          <EventTitles ctx={ctx} event={row} />
        </a>
      </td>
      <td>
        <EventTime ctx={ctx} iso={row.starts_at} zone={row.time_zone} />
      </td>
      <td>
        <span class={`status status-${row.status}`}>{t(EVENT_STATUS_LABEL[row.status])}</span>
      </td>
      <td>{t(row.registration_open ? 'eventRegistrationIsOpen' : 'eventRegistrationIsClosed')}</td>
      <td>
        <a href={`/admin/events/${row.id}/registrations`}>{seatsText(ctx, confirmed, row.capacity)}</a>
      </td>
    </tr>
  );
}

export function EventList(props: {
  ctx: AdminContext;
  rows: EventListRow[];
  confirmed: Map<number, number>;
  total: number;
  perPage: number;
  filters: EventListFilters;
}) {
  const { ctx, rows, filters } = props;
  const { t } = ctx;
  const href = (page: number) => {
    const params = new URLSearchParams({ period: filters.period });
    if (filters.status) params.set('status', filters.status);
    params.set('page', String(page));
    return `/admin/events?${params.toString()}`;
  };
  return (
    <>
      <p class="actions">
        <a class="button primary" href="/admin/events/new">
          {t('eventNew')}
        </a>
      </p>
      <EventFilters ctx={ctx} filters={filters} />
      {rows.length === 0 ? (
        <p>{t('eventsNone')}</p>
      ) : (
        <table class="admin-table">
          <thead>
            <tr>
              <th scope="col">{t('colTitle')}</th>
              <th scope="col">{t('eventColStarts')}</th>
              <th scope="col">{t('colStatus')}</th>
              <th scope="col">{t('eventColRegistration')}</th>
              <th scope="col">{t('eventColSeats')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <EventRow key={row.id} ctx={ctx} row={row} confirmed={props.confirmed.get(row.id) ?? 0} />
            ))}
          </tbody>
        </table>
      )}
      <Pagination
        ctx={ctx}
        page={filters.page}
        pages={Math.max(1, Math.ceil(props.total / props.perPage))}
        href={href}
      />
    </>
  );
}

/** A one-button form for a change of state on the edit page; `help` says what it does. */
function ActionButton(props: {
  ctx: AdminContext;
  action: string;
  label: string;
  help?: { id: string; text: string };
}) {
  const { help } = props;
  return (
    <form method="post" action={props.action} class="inline-form">
      <CsrfField ctx={props.ctx} />
      <button type="submit" aria-describedby={help?.id}>
        {props.label}
      </button>
      {help ? (
        <span id={help.id} class="help">
          {' '}
          {help.text}
        </span>
      ) : null}
    </form>
  );
}

/** Above the edit form: state, publish or unpublish, close registration, and the way to registrations. */
export function EventPanel({ ctx, event, confirmed }: { ctx: AdminContext; event: Event; confirmed: number }) {
  const { t } = ctx;
  const base = `/admin/events/${event.id}`;
  return (
    <section class="edit-panel" aria-label={t('workflow')}>
      <p>
        {t('status', { status: t(EVENT_STATUS_LABEL[event.status]) })} ·{' '}
        {t(event.registration_open ? 'eventRegistrationIsOpen' : 'eventRegistrationIsClosed')} ·{' '}
        <a href={`${base}/registrations`}>
          {t('eventRegistrationsLink')}: {seatsText(ctx, confirmed, event.capacity)}
        </a>
      </p>
      <div class="panel-actions">
        {event.status === 'draft' ? (
          <ActionButton ctx={ctx} action={`${base}/publish`} label={t('eventPublish')} />
        ) : (
          <ActionButton ctx={ctx} action={`${base}/unpublish`} label={t('eventUnpublish')} />
        )}
        {event.registration_open ? (
          <ActionButton
            ctx={ctx}
            action={`${base}/close-registration`}
            label={t('eventCloseRegistration')}
            help={{ id: 'close-registration-help', text: t('eventCloseRegistrationHelp') }}
          />
        ) : null}
      </div>
      {event.status === 'published' ? (
        <ul class="panel-links">
          {LANGUAGES.map((lang) => (
            <li key={lang}>
              <a href={paths.event(lang, inLang(event, 'slug', lang))}>
                {t('viewOnSite')} ({languageName(t, lang)})
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** The saved texts shown beside the editor's own after a conflict. */
export function TheirEvent({ ctx, event }: { ctx: AdminContext; event: EditableEvent }) {
  const r = event.row;
  return (
    <details class="conflict-theirs" open>
      <summary>{ctx.t('conflictTheirs')}</summary>
      <p>
        <EventTime ctx={ctx} iso={r.starts_at} zone={r.time_zone} />
      </p>
      {LANGUAGES.map((lang) => (
        <div key={lang} lang={lang} dir={dirOf(lang)}>
          <h2>{inLang(r, 'title', lang)}</h2>
          <p class="plain-text">{inLang(r, 'summary', lang)}</p>
          <p>{inLang(r, 'venue', lang)}</p>
        </div>
      ))}
    </details>
  );
}
