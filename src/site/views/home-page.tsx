import type { PublicationCard } from '../../content/publication-queries.js';
import type { PublicationType } from '../../db/schema.js';
import { paths } from '../paths.js';
import { CardList, PublicationCardView } from './components.js';
import type { PageContext } from './page-context.js';
import { inLang } from '../../content/bilingual.js';

export interface HomeData {
  featured: PublicationCard[];
  latestByType: { type: PublicationType; cards: PublicationCard[] }[];
}

export function HomePage({ ctx, data }: { ctx: PageContext; data: HomeData }) {
  const { t, lang, catalog } = ctx;
  const roots = catalog.topicChildren.get(0) ?? [];
  return (
    <>
      <h1 class="visually-hidden">{catalog.settings.instituteName[lang]}</h1>
      {data.featured.length > 0 ? (
        <section class="featured" aria-labelledby="featured-title">
          <h2 id="featured-title">{t('featured')}</h2>
          <div class="card-list featured-list">
            {data.featured.map((c) => (
              <PublicationCardView key={c.id} ctx={ctx} card={c} />
            ))}
          </div>
        </section>
      ) : null}
      {data.latestByType.map(({ type, cards }) => {
        const plural = inLang(type, 'plural', lang);
        return (
          <section key={type.id} class="latest-type" aria-labelledby={`latest-${type.slug}`}>
            <h2 id={`latest-${type.slug}`}>{plural}</h2>
            <CardList ctx={ctx} cards={cards} />
            <p class="more">
              <a href={paths.type(lang, type)}>{t('seeAllOf', { type: plural })}</a>
            </p>
          </section>
        );
      })}
      <section class="topic-overview" aria-labelledby="topics-title">
        <h2 id="topics-title">{t('topics')}</h2>
        <ul class="topic-grid">
          {roots.map((root) => (
            <li key={root.id}>
              <a class="topic-root" href={paths.topic(lang, root)}>
                {inLang(root, 'name', lang)}
              </a>
              <ul>
                {(catalog.topicChildren.get(root.id) ?? []).map((child) => (
                  <li key={child.id}>
                    <a href={paths.topic(lang, child)}>{inLang(child, 'name', lang)}</a>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
