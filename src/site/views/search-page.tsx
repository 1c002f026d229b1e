import type { Lang } from '../../db/schema.js';
import {
  FACET_NAMES,
  MAX_QUERY_LENGTH,
  MAX_MATCHES,
  type FacetName,
  type SearchFilters,
  type SearchOutcome,
} from '../../search/search-service.js';
import { formatNumber, type MessageKey } from '../i18n/index.js';
import { paths } from '../paths.js';
import { Breadcrumbs, Pagination, PublicationCardView } from './components.js';
import type { PageContext } from './page-context.js';
import { inLang } from '../../content/bilingual.js';

const facetTitles: Record<FacetName, MessageKey> = {
  language: 'facetLanguage',
  type: 'facetType',
  topic: 'facetTopic',
  author: 'facetAuthor',
  year: 'facetYear',
};

/** Display name of one facet value. */
function facetValueName(ctx: PageContext, facet: FacetName, value: string | number): string {
  const { catalog, lang, t } = ctx;
  const pick = (x: { name_en: string; name_he: string } | undefined) => (x ? inLang(x, 'name', lang) : String(value));
  switch (facet) {
    case 'language':
      return t(`languageName_${value as Lang}`);
    case 'type': {
      const type = catalog.typeById.get(Number(value));
      return type ? inLang(type, 'plural', lang) : String(value);
    }
    case 'topic':
      return pick(catalog.topicById.get(Number(value)));
    case 'author':
      return pick(catalog.personById.get(Number(value)));
    case 'year':
      return String(value);
  }
}

/** The search URL for a query, filters and page. */
export function searchHref(lang: Lang, q: string, filters: SearchFilters, page = 1): string {
  const params = new URLSearchParams({ q });
  for (const f of FACET_NAMES) {
    const v = filters[f];
    if (v !== undefined) params.set(f, String(v));
  }
  if (page > 1) params.set('page', String(page));
  return `${paths.search(lang)}?${params.toString()}`;
}

function Facets({
  ctx,
  q,
  filters,
  facets,
}: {
  ctx: PageContext;
  q: string;
  filters: SearchFilters;
  facets: Record<FacetName, Map<string | number, number>>;
}) {
  const { t, lang } = ctx;
  const active = FACET_NAMES.filter((f) => filters[f] !== undefined);
  return (
    <aside class="facets" aria-labelledby="facets-title">
      <h2 id="facets-title">{t('filterBy')}</h2>
      {active.length > 0 ? (
        <ul class="active-filters">
          {active.map((f) => (
            <li key={f}>
              <a href={searchHref(lang, q, { ...filters, [f]: undefined })}>
                {t('removeFilter', { name: facetValueName(ctx, f, filters[f] as string | number) })}
              </a>
            </li>
          ))}
          <li>
            <a href={searchHref(lang, q, {})}>{t('clearFilters')}</a>
          </li>
        </ul>
      ) : null}
      {FACET_NAMES.map((facet) => {
        const entries = [...facets[facet].entries()]
          .sort((a, b) => (facet === 'year' ? Number(b[0]) - Number(a[0]) : b[1] - a[1]))
          .slice(0, 12);
        if (entries.length === 0) return null;
        return (
          <section key={facet} class="facet">
            <h3>{t(facetTitles[facet])}</h3>
            <ul>
              {entries.map(([value, count]) => {
                const selected = String(filters[facet]) === String(value);
                return (
                  <li key={String(value)}>
                    <a
                      href={searchHref(lang, q, { ...filters, [facet]: value })}
                      aria-current={selected ? 'true' : undefined}
                    >
                      {facetValueName(ctx, facet, value)}
                    </a>{' '}
                    <span class="count">({formatNumber(count, lang)})</span>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </aside>
  );
}

export function SearchPage({
  ctx,
  q,
  filters,
  outcome,
}: {
  ctx: PageContext;
  q: string;
  filters: SearchFilters;
  outcome: SearchOutcome;
}) {
  const { t, lang } = ctx;
  let message: string | undefined;
  if (outcome.kind === 'empty') message = t('searchEmpty');
  else if (outcome.kind === 'too-long')
    message = t('searchTooLong', { n: formatNumber(outcome.length, lang), max: MAX_QUERY_LENGTH });
  else if (outcome.kind === 'no-words') message = t('searchNoWords');
  return (
    <>
      <Breadcrumbs ctx={ctx} crumbs={[{ label: t('searchTitle') }]} />
      <h1>{outcome.kind === 'results' ? t('searchResultsFor', { q }) : t('searchTitle')}</h1>
      <form role="search" action={paths.search(lang)} method="get" class="search-form">
        <label for="search-q">{t('searchLabel')}</label>
        <input
          id="search-q"
          name="q"
          type="search"
          value={q.slice(0, MAX_QUERY_LENGTH * 2)}
          maxLength={MAX_QUERY_LENGTH}
        />
        <button type="submit">{t('searchButton')}</button>
      </form>
      {message ? (
        <p class="search-message" role="status">
          {message}
        </p>
      ) : null}
      {outcome.kind === 'results' ? (
        <div class="search-layout">
          <div class="search-results">
            <p class="count" role="status">
              {t('resultsCount', { n: formatNumber(outcome.total, lang) })}
              {outcome.capped ? ` · ${t('searchCapped', { n: formatNumber(MAX_MATCHES, lang) })}` : ''}
            </p>
            {outcome.hits.length === 0 ? (
              <div class="no-results">
                <p>{t('searchNoResults', { q })}</p>
                <p>{t('searchTips')}</p>
                <p>
                  <a href={paths.topics(lang)}>{t('allTopics')}</a>
                </p>
              </div>
            ) : (
              <div class="card-list">
                {outcome.hits.map((h) => (
                  <PublicationCardView
                    key={h.card.id}
                    ctx={ctx}
                    card={h.card}
                    titleHtml={h.titleHtml}
                    snippetHtml={h.snippetHtml}
                    headingLevel={2}
                  />
                ))}
              </div>
            )}
            <Pagination
              ctx={ctx}
              page={outcome.page}
              pageCount={outcome.pageCount}
              hrefFor={(n) => searchHref(lang, q, filters, n)}
            />
          </div>
          <Facets ctx={ctx} q={q} filters={filters} facets={outcome.facets} />
        </div>
      ) : null}
    </>
  );
}
