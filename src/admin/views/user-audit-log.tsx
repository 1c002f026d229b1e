import type { Selectable } from 'kysely';
import type { AuditLogTable } from '../../db/schema.js';
import type { AdminContext } from '../admin-context.js';
import { Pagination } from './fields.js';

export interface AuditFilters {
  entity: string;
  userEmail: string;
  page: number;
}

/** Stored JSON, indented for reading; shown as text, never as HTML. */
function pretty(json: string): string {
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}

/** A moment in the site's time zone, with the time, in the interface language. */
export function formatWhen(iso: string, ctx: AdminContext): string {
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'medium' };
  const locale = ctx.lang === 'he' ? 'he-IL' : 'en-GB';
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: ctx.catalog.settings.timeZone }).format(
      new Date(iso),
    );
  } catch {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(new Date(iso));
  }
}

function Json({ label, json }: { label: string; json: string | null }) {
  if (json === null) return null;
  return (
    <details>
      <summary>{label}</summary>
      <pre dir="ltr" class="plain-text">
        {pretty(json)}
      </pre>
    </details>
  );
}

export function AuditLog(props: {
  ctx: AdminContext;
  rows: Selectable<AuditLogTable>[];
  total: number;
  perPage: number;
  filters: AuditFilters;
  entities: string[];
}) {
  const { ctx, rows, filters } = props;
  const { t } = ctx;
  const pages = Math.max(1, Math.ceil(props.total / props.perPage));
  const query = (page: number) => {
    const params = new URLSearchParams();
    if (filters.entity) params.set('entity', filters.entity);
    if (filters.userEmail) params.set('user', filters.userEmail);
    params.set('page', String(page));
    return `/admin/audit?${params.toString()}`;
  };
  return (
    <>
      <form method="get" action="/admin/audit" class="filters" aria-label={t('filters')}>
        <div class="field">
          <label for="f-entity">{t('filterEntity')}</label>
          <select id="f-entity" name="entity">
            <option value="">{t('any')}</option>
            {props.entities.map((e) => (
              <option key={e} value={e} selected={e === filters.entity}>
                {e}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-user">{t('filterUser')}</label>
          <input id="f-user" name="user" type="email" value={filters.userEmail} maxLength={254} dir="ltr" />
        </div>
        <button type="submit">{t('filterApply')}</button>
      </form>
      {rows.length === 0 ? (
        <p>{t('auditEmpty')}</p>
      ) : (
        <table class="admin-table audit-log">
          <thead>
            <tr>
              <th scope="col">{t('colWhen')}</th>
              <th scope="col">{t('colWho')}</th>
              <th scope="col">{t('colAction')}</th>
              <th scope="col">{t('colEntity')}</th>
              <th scope="col">{t('colBefore')}</th>
              <th scope="col">{t('colAfter')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <time datetime={r.at}>{formatWhen(r.at, ctx)}</time>
                </td>
                <td dir="ltr">{r.user_email}</td>
                <td dir="ltr">{r.action}</td>
                <td dir="ltr">
                  {r.entity} #{r.entity_id}
                </td>
                <td>
                  <Json label={t('colBefore')} json={r.before_json} />
                </td>
                <td>
                  <Json label={t('colAfter')} json={r.after_json} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination ctx={ctx} page={filters.page} pages={pages} href={query} />
    </>
  );
}
