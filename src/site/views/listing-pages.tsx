import { Fragment, type ComponentChildren } from 'preact';
import type { Paged, PublicationCard } from '../../content/publication-queries.js';
import type { Person } from '../../db/schema.js';
import { formatNumber } from '../i18n/index.js';
import { paths, withPage } from '../paths.js';
import { Breadcrumbs, CardList, Pagination, type Crumb } from './components.js';
import type { FeedLink, PageContext } from './page-context.js';
import { inLang } from '../../content/bilingual.js';
import { feedFormatName } from '../../feeds/feed-links.js';

/** A paged list of publications under a heading (type, topic, author, year). */
export function ListingPage({
  ctx,
  title,
  intro,
  crumbs,
  listing,
  basePath,
  children,
  feeds,
}: {
  ctx: PageContext;
  title: string;
  intro?: string;
  crumbs: Crumb[];
  listing: Paged<PublicationCard>;
  basePath: string;
  children?: ComponentChildren;
  feeds?: FeedLink[];
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
      {feeds?.length ? <FeedLinks ctx={ctx} feeds={feeds} /> : null}
    </>
  );
}

/** "Subscribe to updates: RSS · Atom · JSON Feed" under a listing. */
function FeedLinks({ ctx, feeds }: { ctx: PageContext; feeds: FeedLink[] }) {
  return (
    <p class="feed-links">
      {ctx.t('subscribeToFeed')}{' '}
      {feeds.map((feed, i) => (
        <Fragment key={feed.href}>
          {i > 0 ? ' · ' : null}
          <a href={feed.href} type={feed.type}>
            {feedFormatName(feed.type)}
          </a>
        </Fragment>
      ))}
    </p>
  );
}

export function TopicsIndexPage({ ctx }: { ctx: PageContext }) {
  const { t, lang, catalog } = ctx;
  return (
    <>
      <Breadcrumbs ctx={ctx} crumbs={[{ label: t('topics') }]} />
      <h1>{t('allTopics')}</h1>
      <ul class="topic-index">
        {(catalog.topicChildren.get(0) ?? []).map((root) => (
          <li key={root.id}>
            <h2>
              <a href={paths.topic(lang, root)}>{inLang(root, 'name', lang)}</a>
            </h2>
            <p>{inLang(root, 'description', lang)}</p>
            <ul class="tags">
              {(catalog.topicChildren.get(root.id) ?? []).map((child) => (
                <li key={child.id}>
                  <a href={paths.topic(lang, child)}>{inLang(child, 'name', lang)}</a>
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
              <a href={paths.expert(lang, p)}>{inLang(p, 'name', lang)}</a>
            </h2>
            <p>{inLang(p, 'role', lang)}</p>
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
            <a href={paths.type(lang, type)}>{inLang(type, 'plural', lang)}</a>
          </li>
        ))}
      </ul>
    </>
  );
}
