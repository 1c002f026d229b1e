import { CiteBox, PrintCitation } from '../../citations/cite-box.js';
import type { PublicationCard, PublicationDetail } from '../../content/publication-queries.js';
import { dirOf, formatNumber } from '../i18n/index.js';
import { paths } from '../paths.js';
import { AuthorLinks, Breadcrumbs, PublicationCardView, seriesLabel, Time, TopicTags } from './components.js';
import type { PageContext } from './page-context.js';
import { inLang } from '../../content/bilingual.js';

function fileSize(bytes: number, lang: PageContext['lang']): string {
  return bytes >= 1024 * 1024
    ? `${formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10, lang)} MB`
    : `${formatNumber(Math.max(1, Math.round(bytes / 1024)), lang)} KB`;
}

export function PublicationPage({
  ctx,
  detail,
  recent,
}: {
  ctx: PageContext;
  detail: PublicationDetail;
  recent: PublicationCard[];
}) {
  const { t, lang, catalog } = ctx;
  const p = detail.publication;
  const type = catalog.typeById.get(p.type_id);
  const topics = detail.topicIds.flatMap((id) => catalog.topicById.get(id) ?? []);
  const firstTopic = topics[0];
  const label = seriesLabel(ctx, type, { seriesNumber: p.series_number, volume: p.volume, issue: p.issue });
  return (
    <div class="publication-layout">
      <article class="publication" aria-labelledby="publication-title">
        <Breadcrumbs
          ctx={ctx}
          crumbs={[
            ...(type ? [{ label: inLang(type, 'plural', lang), href: paths.type(lang, type) }] : []),
            { label: p.title },
          ]}
        />
        <header class="publication-header">
          <p class="kicker">{label}</p>
          <h1 id="publication-title">{p.title}</h1>
          <p class="byline">
            {detail.authorIds.length > 0 ? (
              <>
                {t('by')} <AuthorLinks ctx={ctx} authorIds={detail.authorIds} />
                {' · '}
              </>
            ) : null}
            {t('publishedOn')} <Time ctx={ctx} iso={p.published_at ?? p.created_at} />
          </p>
          {detail.translation ? (
            <p class="translation-link">
              <a
                href={paths.publication(detail.translation.lang, detail.translation.slug)}
                lang={detail.translation.lang}
                hreflang={detail.translation.lang}
                dir={dirOf(detail.translation.lang)}
              >
                {t('readInOtherLanguage')}: {detail.translation.title}
              </a>
            </p>
          ) : null}
          <p class="summary">{p.summary}</p>
        </header>
        <section class="audio" aria-label={t('audioVersion')}>
          {detail.audio ? (
            <>
              <h2 class="small-heading">{t('audioVersion')}</h2>
              <audio controls preload="none" src={paths.media(detail.audio.path)}>
                <a href={paths.media(detail.audio.path)}>{t('audioUnsupported')}</a>
              </audio>
            </>
          ) : (
            <p class="no-audio">{t('noAudio')}</p>
          )}
        </section>
        {detail.pdf ? (
          <p class="pdf-link">
            <a href={paths.media(detail.pdf.path)} type="application/pdf" download>
              {t('downloadPdf')}
            </a>{' '}
            <span class="file-size">({t('pdfSize', { size: fileSize(detail.pdf.bytes, lang) })})</span>
          </p>
        ) : null}
        <CiteBox ctx={ctx} work={detail} />
        <div class="body" dangerouslySetInnerHTML={{ __html: p.body_html }} />
        <TopicTags ctx={ctx} topicIds={detail.topicIds} />
        <PrintCitation ctx={ctx} work={detail} />
      </article>
      <aside class="sidebar">
        <section aria-labelledby="recent-title">
          <h2 id="recent-title">{t('recentPosts')}</h2>
          {recent.map((c) => (
            <PublicationCardView key={c.id} ctx={ctx} card={c} />
          ))}
          {firstTopic ? (
            <p class="more">
              <a href={paths.topic(lang, firstTopic)}>
                {t('moreFromTopic', { topic: inLang(firstTopic, 'name', lang) })}
              </a>
            </p>
          ) : null}
        </section>
      </aside>
    </div>
  );
}
