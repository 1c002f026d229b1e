import { SUBSCRIBER_STATUSES, type Subscriber, type SubscriberStatus } from '../../db/schema.js';
import type { AdminContext } from '../admin-context.js';
import { languageName, type AdminMessageKey } from '../i18n/index.js';
import type { SubscriberFilters, SubscriberRow } from '../subscriber-queries.js';
import { CsrfField, Pagination, StatusFilter } from './fields.js';
import { When } from './newsletter-views.js';

const STATUS_LABEL: Record<SubscriberStatus, AdminMessageKey> = {
  pending: 'subscriberPending',
  confirmed: 'subscriberConfirmed',
  unsubscribed: 'subscriberUnsubscribed',
};

function Filters({ ctx, filters }: { ctx: AdminContext; filters: SubscriberFilters }) {
  const { t } = ctx;
  return (
    <form method="get" action="/admin/subscribers" class="filters" aria-label={t('filters')}>
      <div class="field">
        <label for="f-q">{t('filterEmail')}</label>
        <input id="f-q" name="q" type="search" value={filters.q} maxLength={254} dir="ltr" />
      </div>
      <StatusFilter ctx={ctx} statuses={SUBSCRIBER_STATUSES} labels={STATUS_LABEL} selected={filters.status} />
      <button type="submit">{t('filterApply')}</button>
    </form>
  );
}

function SubscriberTable(props: { ctx: AdminContext; rows: SubscriberRow[]; canErase: boolean }) {
  const { ctx, rows, canErase } = props;
  const { t } = ctx;
  if (rows.length === 0) return <p>{t('noSubscribers')}</p>;
  return (
    <table class="admin-table">
      <thead>
        <tr>
          <th scope="col">{t('colEmail')}</th>
          <th scope="col">{t('colLanguage')}</th>
          <th scope="col">{t('colStatus')}</th>
          <th scope="col">{t('colCreated')}</th>
          <th scope="col">{t('colConfirmed')}</th>
          {canErase ? (
            <th scope="col">
              <span class="visually-hidden">{t('eraseSubscriber')}</span>
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <td dir="ltr">{row.email}</td>
            <td>{languageName(t, row.lang)}</td>
            <td>{t(STATUS_LABEL[row.status])}</td>
            <td>
              <When ctx={ctx} iso={row.created_at} />
            </td>
            <td>
              <When ctx={ctx} iso={row.confirmed_at} />
            </td>
            {canErase ? (
              <td>
                <a href={`/admin/subscribers/${row.id}/delete`} aria-label={t('eraseWho', { email: row.email })}>
                  {t('eraseSubscriber')}
                </a>
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function SubscriberList(props: {
  ctx: AdminContext;
  rows: SubscriberRow[];
  total: number;
  perPage: number;
  counts: Record<SubscriberStatus, number>;
  filters: SubscriberFilters;
  canExport: boolean;
  canErase: boolean;
}) {
  const { ctx, filters } = props;
  const { t } = ctx;
  const href = (page: number) => {
    const params = new URLSearchParams();
    if (filters.q) params.set('q', filters.q);
    if (filters.status) params.set('status', filters.status);
    params.set('page', String(page));
    return `/admin/subscribers?${params.toString()}`;
  };
  return (
    <>
      <ul class="panel-links" aria-label={t('subscriberCounts')}>
        {SUBSCRIBER_STATUSES.map((s) => (
          <li key={s}>
            {t(STATUS_LABEL[s])}: {props.counts[s]}
          </li>
        ))}
      </ul>
      {props.canExport ? (
        <p class="actions">
          <a class="button" href="/admin/subscribers.csv" download>
            {t('exportCsv')}
          </a>
        </p>
      ) : null}
      <Filters ctx={ctx} filters={filters} />
      <SubscriberTable ctx={ctx} rows={props.rows} canErase={props.canErase} />
      <Pagination
        ctx={ctx}
        page={filters.page}
        pages={Math.max(1, Math.ceil(props.total / props.perPage))}
        href={href}
      />
    </>
  );
}

/** The confirm step before erasure: says what goes, and that it cannot be undone. */
export function EraseConfirm({ ctx, subscriber }: { ctx: AdminContext; subscriber: Pick<Subscriber, 'id' | 'email'> }) {
  const { t } = ctx;
  return (
    <>
      <p>
        <a href="/admin/subscribers">{t('subscribersTitle')}</a>
      </p>
      <p>{t('eraseHelp', { email: subscriber.email })}</p>
      <form method="post" action={`/admin/subscribers/${subscriber.id}/delete`}>
        <CsrfField ctx={ctx} />
        <button type="submit" class="danger">
          {t('eraseConfirm')}
        </button>{' '}
        <a href="/admin/subscribers">{t('cancel')}</a>
      </form>
    </>
  );
}
