import type { PublicationCard } from '../../content/publication-queries.js';
import type { Person, PublicationType } from '../../db/schema.js';
import { dirOf, formatDate, formatNumber } from '../i18n/index.js';
import { paths } from '../paths.js';
import type { PageContext } from './page-context.js';
import { inLang } from '../../content/bilingual.js';
import { topicAncestors } from '../../content/catalog.js';

/** "Insight No. 1893", "Strategic Review Vol. 29, No. 3" or just the type name. */
export function seriesLabel(
  ctx: PageContext,
  type: PublicationType | undefined,
  card: Pick<PublicationCard, 'seriesNumber' | 'volume' | 'issue'>,
): string {
  if (!type) return '';
  const name = inLang(type, 'name', ctx.lang);
  if (type.has_volumes && card.volume !== null && card.issue !== null) {
    return `${name}, ${ctx.t('volumeIssue', { v: card.volume, i: card.issue })}`;
  }
  if (type.numbered && card.seriesNumber !== null) return `${name} ${ctx.t('number', { n: card.seriesNumber })}`;
  return name;
}

/** Author links joined the way the language joins a list ("A, B and C"). */
export function AuthorLinks({ ctx, authorIds }: { ctx: PageContext; authorIds: number[] }) {
  const people = authorIds.flatMap((id) => ctx.catalog.personById.get(id) ?? []);
  const list = new Intl.ListFormat(ctx.lang, { type: 'conjunction' });
  const names = people.map((p) => inLang(p, 'name', ctx.lang));
  // Format placeholder tokens, then swap each for its link, so the separators stay localised.
  const parts = list.formatToParts(names.map((_, i) => `@@${i}@@`));
  return (
    <>
      {parts.map((part, i) => {
        const m = /^@@(\d+)@@$/.exec(part.value);
        const person: Person | undefined = m ? people[Number(m[1])] : undefined;
        return person ? (
          <a key={i} href={paths.expert(ctx.lang, person)}>
            {names[Number(m?.[1])]}
          </a>
        ) : (
          part.value
        );
      })}
    </>
  );
}

export function Time({ ctx, iso }: { ctx: PageContext; iso: string }) {
  return <time dateTime={iso.slice(0, 10)}>{formatDate(iso, ctx.lang)}</time>;
}

/** One publication in a listing. `titleHtml`/`snippetHtml` are pre-escaped search highlights. */
export function PublicationCardView({
  ctx,
  card,
  titleHtml,
  snippetHtml,
  headingLevel = 3,
}: {
  ctx: PageContext;
  card: PublicationCard;
  titleHtml?: string;
  snippetHtml?: string;
  headingLevel?: 2 | 3;
}) {
  const type = ctx.catalog.typeById.get(card.typeId);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const href = paths.publication(card.lang, card.slug);
  const otherScript = card.lang !== ctx.lang;
  return (
    <article class="card" lang={otherScript ? card.lang : undefined} dir={otherScript ? dirOf(card.lang) : undefined}>
      <p class="card-kicker">{seriesLabel(ctx, type, card)}</p>
      <Heading class="card-title">
        {titleHtml ? (
          <a href={href} dangerouslySetInnerHTML={{ __html: titleHtml }} />
        ) : (
          <a href={href}>{card.title}</a>
        )}
      </Heading>
      <p class="card-meta">
        {card.authorIds.length > 0 ? (
          <>
            <AuthorLinks ctx={ctx} authorIds={card.authorIds} />
            {' · '}
          </>
        ) : null}
        <Time ctx={ctx} iso={card.publishedAt} />
      </p>
      {snippetHtml ? (
        <p class="card-summary" dangerouslySetInnerHTML={{ __html: snippetHtml }} />
      ) : (
        <p class="card-summary">{card.summary}</p>
      )}
    </article>
  );
}

export function CardList({ ctx, cards }: { ctx: PageContext; cards: PublicationCard[] }) {
  return (
    <div class="card-list">
      {cards.map((c) => (
        <PublicationCardView key={c.id} ctx={ctx} card={c} />
      ))}
    </div>
  );
}

/** Previous / next links with the current position; `hrefFor` builds a page's URL. */
export function Pagination({
  ctx,
  page,
  pageCount,
  hrefFor,
}: {
  ctx: PageContext;
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
}) {
  if (pageCount <= 1) return null;
  const { t } = ctx;
  return (
    <nav class="pagination" aria-label={t('pagination')}>
      {page > 1 ? (
        <a href={hrefFor(page - 1)} rel="prev">
          {t('previous')}
        </a>
      ) : null}
      <span aria-current="page">
        {t('pageOf', { page: formatNumber(page, ctx.lang), pages: formatNumber(pageCount, ctx.lang) })}
      </span>
      {page < pageCount ? (
        <a href={hrefFor(page + 1)} rel="next">
          {t('next')}
        </a>
      ) : null}
    </nav>
  );
}

export interface Crumb {
  label: string;
  href?: string;
}

export function Breadcrumbs({ ctx, crumbs }: { ctx: PageContext; crumbs: Crumb[] }) {
  return (
    <nav class="breadcrumbs" aria-label={ctx.t('breadcrumbs')}>
      <ol>
        <li>
          <a href={paths.home(ctx.lang)}>{ctx.t('home')}</a>
        </li>
        {crumbs.map((c, i) => (
          <li key={i}>{c.href ? <a href={c.href}>{c.label}</a> : <span aria-current="page">{c.label}</span>}</li>
        ))}
      </ol>
    </nav>
  );
}

/** The topics something is filed under, each with its path from the top ("Area › Topic"). */
export function TopicTags({ ctx, topicIds }: { ctx: PageContext; topicIds: number[] }) {
  const { t, lang, catalog } = ctx;
  const topics = topicIds.flatMap((id) => catalog.topicById.get(id) ?? []);
  if (topics.length === 0) return null;
  return (
    <footer class="publication-topics">
      <h2 class="small-heading">{t('topics')}</h2>
      <ul class="tags">
        {topics.map((topic) => (
          <li key={topic.id}>
            <a href={paths.topic(lang, topic)}>
              {[...topicAncestors(catalog, topic), topic].map((x) => inLang(x, 'name', lang)).join(' › ')}
            </a>
          </li>
        ))}
      </ul>
    </footer>
  );
}
