import type { ComponentChildren } from 'preact';
import type { Paged, PublicationCard } from '../../content/publication-queries.js';
import type { Page, Person } from '../../db/schema.js';
import { formatNumber } from '../i18n/index.js';
import { paths, withPage } from '../paths.js';
import { Breadcrumbs, CardList, Pagination, type Crumb } from './components.js';
import type { PageContext } from './page-context.js';

/** A paged list of publications under a heading (type, topic, author, year). */
export function ListingPage({
  ctx,
  title,
  intro,
  crumbs,
  listing,
  basePath,
  children,
}: {
  ctx: PageContext;
  title: string;
  intro?: string;
  crumbs: Crumb[];
  listing: Paged<PublicationCard>;
  basePath: string;
  children?: ComponentChildren;
}) {
  const { t, lang } = ctx;
  const pageCount = Math.max(1, Math.ceil(listing.total / listing.perPage));
  return (
    <>
      <Breadcrumbs ctx={ctx} crumbs={crumbs} />
      <h1>{title}</h1>
      {intro ? <p class="intro">{intro}</p> : null}
      {children}
      <p class="count">{t('resultsCount', { n: formatNumber(listing.total, lang) })}</p>
      {listing.items.length > 0 ? <CardList ctx={ctx} cards={listing.items} /> : <p>{t('noPublications')}</p>}
      <Pagination ctx={ctx} page={listing.page} pageCount={pageCount} hrefFor={(n) => withPage(basePath, n)} />
    </>
  );
}

export function TopicsIndexPage({ ctx }: { ctx: PageContext }) {
  const { t, lang, catalog } = ctx;
  const name = (x: { name_en: string; name_he: string }) => (lang === 'he' ? x.name_he : x.name_en);
  return (
    <>
      <Breadcrumbs ctx={ctx} crumbs={[{ label: t('topics') }]} />
      <h1>{t('allTopics')}</h1>
      <ul class="topic-index">
        {(catalog.topicChildren.get(0) ?? []).map((root) => (
          <li key={root.id}>
            <h2>
              <a href={paths.topic(lang, root)}>{name(root)}</a>
            </h2>
            <p>{lang === 'he' ? root.description_he : root.description_en}</p>
            <ul class="tags">
              {(catalog.topicChildren.get(root.id) ?? []).map((child) => (
                <li key={child.id}>
                  <a href={paths.topic(lang, child)}>{name(child)}</a>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </>
  );
}

export function ExpertsPage({ ctx }: { ctx: PageContext }) {
  const { t, lang, catalog } = ctx;
  return (
    <>
      <Breadcrumbs ctx={ctx} crumbs={[{ label: t('experts') }]} />
      <h1>{t('experts')}</h1>
      <p class="intro">{t('expertsIntro')}</p>
      <ul class="people-list">
        {catalog.people.map((p: Person) => (
          <li key={p.id} class="person-card">
            <h2>
              <a href={paths.expert(lang, p)}>{lang === 'he' ? p.name_he : p.name_en}</a>
            </h2>
            <p>{lang === 'he' ? p.role_he : p.role_en}</p>
          </li>
        ))}
      </ul>
    </>
  );
}

export function ArchivePage({ ctx, years }: { ctx: PageContext; years: { year: number; count: number }[] }) {
  const { t, lang } = ctx;
  return (
    <>
      <Breadcrumbs ctx={ctx} crumbs={[{ label: t('archive') }]} />
      <h1>{t('archive')}</h1>
      <p class="intro">{t('archiveIntro')}</p>
      <ul class="year-list">
        {years.map((y) => (
          <li key={y.year}>
            <a href={paths.year(lang, y.year)}>{y.year}</a>{' '}
            <span class="count">({t('resultsCount', { n: formatNumber(y.count, lang) })})</span>
          </li>
        ))}
      </ul>
      <h2>{t('publications')}</h2>
      <ul class="tags">
        {ctx.catalog.types.map((type) => (
          <li key={type.id}>
            <a href={paths.type(lang, type)}>{lang === 'he' ? type.plural_he : type.plural_en}</a>
          </li>
        ))}
      </ul>
    </>
  );
}

export function StaticPage({ ctx, page }: { ctx: PageContext; page: Page }) {
  return (
    <article class="static-page" aria-labelledby="page-title">
      <Breadcrumbs ctx={ctx} crumbs={[{ label: page.title }]} />
      <h1 id="page-title">{page.title}</h1>
      <div class="body" dangerouslySetInnerHTML={{ __html: page.body_html }} />
    </article>
  );
}

export function ErrorPage({ ctx, status, reason }: { ctx: PageContext; status: number; reason?: string }) {
  const { t, lang } = ctx;
  const [title, text] =
    status === 404
      ? [t('notFoundTitle'), t('notFoundText')]
      : status >= 500
        ? [t('errorTitle'), t('errorText')]
        : [t('badRequestTitle'), reason ?? ''];
  return (
    <section class="error-page" aria-labelledby="error-title">
      <h1 id="error-title">{title}</h1>
      <p>{text}</p>
      <form role="search" action={paths.search(lang)} method="get" class="inline-search">
        <label for="error-q">{t('searchLabel')}</label>
        <input id="error-q" name="q" type="search" maxLength={500} />
        <button type="submit">{t('searchButton')}</button>
      </form>
      <p>
        <a href={paths.home(lang)}>{t('goHome')}</a>
      </p>
    </section>
  );
}
