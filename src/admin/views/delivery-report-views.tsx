import { DELIVERY_STATUSES, type DeliveryStatus } from '../../db/schema.js';
import type { AdminContext } from '../admin-context.js';
import { languageName, type AdminMessageKey } from '../i18n/index.js';
import type { DeliveryCounts, DeliveryFilters, DeliveryRow } from '../newsletter-issues.js';
import { Pagination, StatusFilter } from './fields.js';
import { DELIVERY_LABEL, When } from './newsletter-views.js';

/** How an issue's sending went: counts per status and each recipient's row. */

const DELIVERY_HELP: Record<DeliveryStatus, AdminMessageKey> = {
  queued: 'deliveryQueuedHelp',
  sending: 'deliverySendingHelp',
  sent: 'deliverySentHelp',
  failed: 'deliveryFailedHelp',
  uncertain: 'deliveryUncertainHelp',
  skipped: 'deliverySkippedHelp',
};

function CountsTable({ ctx, counts }: { ctx: AdminContext; counts: DeliveryCounts }) {
  const { t } = ctx;
  return (
    <table class="admin-table">
      <thead>
        <tr>
          <th scope="col">{t('colStatus')}</th>
          <th scope="col">{t('colCount')}</th>
          <th scope="col">{t('colMeaning')}</th>
        </tr>
      </thead>
      <tbody>
        {DELIVERY_STATUSES.map((status) => (
          <tr key={status}>
            <th scope="row">{t(DELIVERY_LABEL[status])}</th>
            <td>{counts[status]}</td>
            <td>{t(DELIVERY_HELP[status])}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RecipientFilter({ ctx, issueId, filters }: { ctx: AdminContext; issueId: number; filters: DeliveryFilters }) {
  const { t } = ctx;
  return (
    <form method="get" action={`/admin/newsletter/${issueId}`} class="filters" aria-label={t('filters')}>
      <StatusFilter ctx={ctx} statuses={DELIVERY_STATUSES} labels={DELIVERY_LABEL} selected={filters.status} />
      <button type="submit">{t('filterApply')}</button>
    </form>
  );
}

function RecipientTable({ ctx, rows }: { ctx: AdminContext; rows: DeliveryRow[] }) {
  const { t } = ctx;
  if (rows.length === 0) return <p>{t('noRecipients')}</p>;
  return (
    <table class="admin-table">
      <thead>
        <tr>
          <th scope="col">{t('colEmail')}</th>
          <th scope="col">{t('colLanguage')}</th>
          <th scope="col">{t('colStatus')}</th>
          <th scope="col">{t('colAttempts')}</th>
          <th scope="col">{t('colSentAt')}</th>
          <th scope="col">{t('colLastError')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <td dir="ltr">{row.email}</td>
            <td>{languageName(t, row.lang)}</td>
            <td>
              <span class={`status delivery-${row.status}`}>{t(DELIVERY_LABEL[row.status])}</span>
            </td>
            <td>{row.attempts}</td>
            <td>
              <When ctx={ctx} iso={row.sent_at} />
            </td>
            <td dir="auto">{row.last_error}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** How sending went: counts per status and, for those who may see addresses, each recipient. */
export function DeliveryReport(props: {
  ctx: AdminContext;
  issueId: number;
  counts: DeliveryCounts;
  recipients?: { rows: DeliveryRow[]; total: number; perPage: number; filters: DeliveryFilters } | undefined;
}) {
  const { ctx, issueId, recipients } = props;
  const { t } = ctx;
  const href = (page: number) => {
    const params = new URLSearchParams();
    if (recipients?.filters.status) params.set('status', recipients.filters.status);
    params.set('page', String(page));
    return `/admin/newsletter/${issueId}?${params.toString()}`;
  };
  return (
    <>
      <section aria-labelledby="progress-heading">
        <h2 id="progress-heading">{t('deliveryProgress')}</h2>
        <CountsTable ctx={ctx} counts={props.counts} />
      </section>
      {recipients ? (
        <section aria-labelledby="recipients-heading">
          <h2 id="recipients-heading">{t('recipientsTitle')}</h2>
          <RecipientFilter ctx={ctx} issueId={issueId} filters={recipients.filters} />
          <RecipientTable ctx={ctx} rows={recipients.rows} />
          <Pagination
            ctx={ctx}
            page={recipients.filters.page}
            pages={Math.max(1, Math.ceil(recipients.total / recipients.perPage))}
            href={href}
          />
        </section>
      ) : null}
    </>
  );
}
