import { inLang } from '../../content/bilingual.js';
import { PUBLICATION_STATUSES, type Lang, type PublicationStatus } from '../../db/schema.js';
import { formatDate } from '../../site/i18n/index.js';
import type { StaffListFilters } from '../../editorial/staff-publications.js';
import type { AdminContext } from '../admin-context.js';
import { Pagination } from './fields.js';
import { languageName, type AdminMessageKey } from '../i18n/index.js';

export const STATUS_LABEL: Record<PublicationStatus, AdminMessageKey> = {
  draft: 'statusDraft',
  review: 'statusReview',
  scheduled: 'statusScheduled',
  published: 'statusPublished',
  archived: 'statusArchived',
};

interface Row {
  id: number;
  title: string;
  lang: Lang;
  type_id: number;
  status: PublicationStatus;
  updated_at: string;
}

function Filter({
  id,
  label,
  value,
  options,
}: {
  id: string;
  label: string;
  value: string;
  options: [string, string][];
}) {
  return (
    <div class="field">
      <label for={`f-${id}`}>{label}</label>
      <select id={`f-${id}`} name={id}>
        {options.map(([v, l]) => (
          <option key={v} value={v} selected={v === value}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
}

export function PublicationList(props: {
  ctx: AdminContext;
  rows: Row[];
  total: number;
  perPage: number;
  filters: StaffListFilters;
}) {
  const { ctx, rows, filters } = props;
  const { t, catalog, lang } = ctx;
  const any: [string, string] = ['', t('any')];
  const pages = Math.max(1, Math.ceil(props.total / props.perPage));
  const query = (page: number) => {
    const params = new URLSearchParams();
    if (filters.status) params.set('status', filters.status);
    if (filters.lang) params.set('lang', filters.lang);
    if (filters.typeId) params.set('type', String(filters.typeId));
    if (filters.personId) params.set('author', String(filters.personId));
    if (filters.topicId) params.set('topic', String(filters.topicId));
    if (filters.q) params.set('q', filters.q);
    params.set('page', String(page));
    return `/admin/publications?${params.toString()}`;
  };
  return (
    <>
      <p class="actions">
        <a class="button primary" href="/admin/publications/new">
          {t('newPublication')}
        </a>{' '}
        <a class="button" href="/admin/publications/import">
          {t('importDocx')}
        </a>
      </p>
      <form method="get" action="/admin/publications" class="filters" aria-label={t('filters')}>
        <Filter
          id="status"
          label={t('filterStatus')}
          value={filters.status ?? ''}
          options={[any, ...PUBLICATION_STATUSES.map((s): [string, string] => [s, t(STATUS_LABEL[s])])]}
        />
        <Filter
          id="type"
          label={t('filterType')}
          value={String(filters.typeId ?? '')}
          options={[any, ...catalog.types.map((ty): [string, string] => [String(ty.id), inLang(ty, 'name', lang)])]}
        />
        <Filter
          id="author"
          label={t('filterAuthor')}
          value={String(filters.personId ?? '')}
          options={[any, ...catalog.people.map((p): [string, string] => [String(p.id), inLang(p, 'name', lang)])]}
        />
        <Filter
          id="lang"
          label={t('filterLanguage')}
          value={filters.lang ?? ''}
          options={[any, ['en', t('langEn')], ['he', t('langHe')]]}
        />
        <Filter
          id="topic"
          label={t('filterTopic')}
          value={String(filters.topicId ?? '')}
          options={[any, ...catalog.topics.map((tp): [string, string] => [String(tp.id), inLang(tp, 'name', lang)])]}
        />
        <div class="field">
          <label for="f-q">{t('filterSearch')}</label>
          <input id="f-q" name="q" type="search" value={filters.q} maxLength={200} />
        </div>
        <button type="submit">{t('filterApply')}</button>
      </form>
      {rows.length === 0 ? (
        <p>{t('noResults')}</p>
      ) : (
        <table class="admin-table">
          <thead>
            <tr>
              <th scope="col">{t('colTitle')}</th>
              <th scope="col">{t('colType')}</th>
              <th scope="col">{t('colLanguage')}</th>
              <th scope="col">{t('colStatus')}</th>
              <th scope="col">{t('colUpdated')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const type = catalog.typeById.get(r.type_id);
              return (
                <tr key={r.id}>
                  <td>
                    <a href={`/admin/publications/${r.id}`} lang={r.lang} dir="auto">
                      {r.title}
                    </a>
                  </td>
                  <td>{type ? inLang(type, 'name', lang) : ''}</td>
                  <td>{languageName(t, r.lang)}</td>
                  <td>
                    <span class={`status status-${r.status}`}>{t(STATUS_LABEL[r.status])}</span>
                  </td>
                  <td>{formatDate(r.updated_at, lang)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <Pagination ctx={ctx} page={filters.page} pages={pages} href={query} />
    </>
  );
}
