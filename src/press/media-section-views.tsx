import type { ComponentChildren } from 'preact';
import { inLang } from '../content/bilingual.js';
import type { Paged, PublicationCard } from '../content/publication-queries.js';
import type { Media, PublicationType } from '../db/schema.js';
import { mediaUrl, toImageSources } from '../media/image-sources.js';
import { dirOf, formatDate } from '../site/i18n/index.js';
import { paths, withPage } from '../site/paths.js';
import { AuthorLinks, Breadcrumbs, CardList, Pagination, Time, type Crumb } from '../site/views/components.js';
import type { PageContext } from '../site/views/page-context.js';
import type { MentionCard } from './mention-queries.js';
import type { VideoWithMedia } from './video-queries.js';
import { embedUrl, isExternalProvider, isValidExternalId, PROVIDER_NAMES, watchUrl } from './video-embed.js';

type Heading = 'h2' | 'h3';

const PAGE_IMAGE_SIZES = '(min-width: 48rem) 48rem, 100vw';
const CARD_IMAGE_SIZES = '(min-width: 48rem) 16rem, 100vw';

function MentionItem({ ctx, mention, heading: H }: { ctx: PageContext; mention: MentionCard; heading: Heading }) {
  const { t } = ctx;
  return (
    <li class="mention">
      <p class="mention-outlet">
        <bdi>{mention.outlet}</bdi>
      </p>
      <H class="mention-headline">
        <a href={mention.url} rel="noopener" hreflang={mention.lang} lang={mention.lang} dir={dirOf(mention.lang)}>
          {mention.headline}
        </a>
        {mention.lang !== ctx.lang ? <span class="mention-lang"> ({t(`mediaItemIn_${mention.lang}`)})</span> : null}
      </H>
      <p class="mention-meta">
        <Time ctx={ctx} iso={mention.appearedOn} />
        {mention.personIds.length > 0 ? (
          <>
            {' · '}
            {t('mediaFeaturing')} <AuthorLinks ctx={ctx} authorIds={mention.personIds} />
          </>
        ) : null}
      </p>
    </li>
  );
}

/** Mentions newest first; each headline links out to the item, marked with the item's language. */
export function MentionList({
  ctx,
  mentions,
  heading,
}: {
  ctx: PageContext;
  mentions: MentionCard[];
  heading: Heading;
}) {
  if (mentions.length === 0) return <p>{ctx.t('mediaNoMentions')}</p>;
  return (
    <ol class="mention-list">
      {mentions.map((m) => (
        <MentionItem key={m.id} ctx={ctx} mention={m} heading={heading} />
      ))}
    </ol>
  );
}

/** The "In the media" box on an expert's page; nothing when they have no mentions. */
export function ExpertMentions({ ctx, mentions }: { ctx: PageContext; mentions: MentionCard[] }) {
  if (mentions.length === 0) return null;
  return (
    <section class="expert-mentions" aria-labelledby="expert-mentions-title">
      <h2 id="expert-mentions-title">{ctx.t('mediaInTheMedia')}</h2>
      <MentionList ctx={ctx} mentions={mentions} heading="h3" />
      <p class="more">
        <a href={paths.inTheMedia(ctx.lang)}>{ctx.t('mediaAllMentions')}</a>
      </p>
    </section>
  );
}

/** A poster from the library as a responsive `<picture>`; the video's title stands in for missing alt text. */
function Poster({ ctx, poster, title, sizes }: { ctx: PageContext; poster: Media; title: string; sizes: string }) {
  const sources = toImageSources(poster);
  if (!sources) return null;
  return (
    <picture class="video-poster">
      {sources.sources.map((s) => (
        <source key={s.type} type={s.type} srcset={s.srcset} sizes={sizes} />
      ))}
      <img
        src={sources.src}
        srcset={sources.srcset}
        sizes={sizes}
        width={sources.width}
        height={sources.height}
        alt={inLang(poster, 'alt', ctx.lang) || title}
        decoding="async"
      />
    </picture>
  );
}

function VideoCard({ ctx, item, heading: H }: { ctx: PageContext; item: VideoWithMedia; heading: Heading }) {
  const title = inLang(item.video, 'title', ctx.lang);
  return (
    <li class="video-card">
      {item.poster ? <Poster ctx={ctx} poster={item.poster} title={title} sizes={CARD_IMAGE_SIZES} /> : null}
      <H class="video-card-title">
        <a href={paths.video(ctx.lang, item.video.id)}>{title}</a>
      </H>
      <p class="card-meta">
        <Time ctx={ctx} iso={item.video.recorded_on} />
      </p>
    </li>
  );
}

export function VideoGrid({ ctx, items, heading }: { ctx: PageContext; items: VideoWithMedia[]; heading: Heading }) {
  if (items.length === 0) return <p>{ctx.t('mediaNoVideos')}</p>;
  return (
    <ul class="video-grid">
      {items.map((item) => (
        <VideoCard key={item.video.id} ctx={ctx} item={item} heading={heading} />
      ))}
    </ul>
  );
}

/**
 * A YouTube or Vimeo video as a local poster and a play link. The link leads to the video
 * on the provider's site; video-player.js turns a click into the provider's `<iframe>`
 * instead, so nothing is fetched from the provider before the reader asks for it.
 */
function ExternalPlayer({ ctx, item }: { ctx: PageContext; item: VideoWithMedia }) {
  const { video, poster } = item;
  const { t } = ctx;
  if (!isExternalProvider(video.provider) || !isValidExternalId(video.provider, video.external_id)) return null;
  const title = inLang(video, 'title', ctx.lang);
  const provider = video.provider;
  return (
    <div class="video-player">
      <div
        class="video-stage"
        data-video-embed={embedUrl(provider, video.external_id)}
        data-video-title={t('mediaPlayerTitle', { title })}
      >
        {poster ? <Poster ctx={ctx} poster={poster} title={title} sizes={PAGE_IMAGE_SIZES} /> : null}
        <a class="video-play" href={watchUrl(provider, video.external_id)} data-video-play>
          {t('mediaPlay')}
          <span class="visually-hidden">: {title}</span>
        </a>
      </div>
      <p class="video-notice">{t('mediaPlayNotice', { provider: PROVIDER_NAMES[provider] })}</p>
    </div>
  );
}

/** A video from the library, played by the browser itself; nothing loads until play. */
function FilePlayer({ ctx, item }: { ctx: PageContext; item: VideoWithMedia }) {
  const { file, poster } = item;
  if (!file) return null;
  const posterSrc = poster ? toImageSources(poster)?.src : undefined;
  return (
    <div class="video-player">
      <video class="video-stage" controls preload="none" poster={posterSrc}>
        <source src={mediaUrl(file.path)} type={file.mime} />
        <p>
          {ctx.t('mediaVideoUnsupported')} <a href={mediaUrl(file.path)}>{ctx.t('mediaVideoDownload')}</a>
        </p>
      </video>
    </div>
  );
}

/** A description typed as plain text: blank lines separate paragraphs. */
function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p, i) => (
          <p key={i}>{p}</p>
        ))}
    </>
  );
}

function sectionCrumbs(ctx: PageContext, label: string): Crumb[] {
  return [{ label: ctx.t('mediaSectionTitle'), href: paths.mediaSection(ctx.lang) }, { label }];
}

export function VideoPage({ ctx, item }: { ctx: PageContext; item: VideoWithMedia }) {
  const { video } = item;
  const { t, lang } = ctx;
  const title = inLang(video, 'title', lang);
  const crumbs: Crumb[] = [
    { label: t('mediaSectionTitle'), href: paths.mediaSection(lang) },
    { label: t('mediaVideos'), href: paths.videos(lang) },
    { label: title },
  ];
  return (
    <article class="video-page">
      <Breadcrumbs ctx={ctx} crumbs={crumbs} />
      <h1>{title}</h1>
      {video.provider === 'file' ? <FilePlayer ctx={ctx} item={item} /> : <ExternalPlayer ctx={ctx} item={item} />}
      <p class="card-meta">
        <time dateTime={video.recorded_on}>{t('mediaRecordedOn', { date: formatDate(video.recorded_on, lang) })}</time>
      </p>
      <Paragraphs text={inLang(video, 'description', lang)} />
    </article>
  );
}

/** A paged list page of the section: heading, intro, the items and the page links. */
function SectionListPage(props: {
  ctx: PageContext;
  title: string;
  intro: string;
  basePath: string;
  listing: Paged<unknown>;
  children: ComponentChildren;
}) {
  const { ctx, listing } = props;
  return (
    <>
      <Breadcrumbs ctx={ctx} crumbs={sectionCrumbs(ctx, props.title)} />
      <h1>{props.title}</h1>
      <p class="intro">{props.intro}</p>
      {props.children}
      <Pagination
        ctx={ctx}
        page={listing.page}
        pageCount={Math.max(1, Math.ceil(listing.total / listing.perPage))}
        hrefFor={(n) => withPage(props.basePath, n)}
      />
    </>
  );
}

export function InTheMediaPage({ ctx, listing }: { ctx: PageContext; listing: Paged<MentionCard> }) {
  const { t } = ctx;
  return (
    <SectionListPage
      ctx={ctx}
      title={t('mediaInTheMedia')}
      intro={t('mediaInTheMediaIntro')}
      basePath={paths.inTheMedia(ctx.lang)}
      listing={listing}
    >
      <MentionList ctx={ctx} mentions={listing.items} heading="h2" />
    </SectionListPage>
  );
}

export function VideosPage({ ctx, listing }: { ctx: PageContext; listing: Paged<VideoWithMedia> }) {
  const { t } = ctx;
  return (
    <SectionListPage
      ctx={ctx}
      title={t('mediaVideos')}
      intro={t('mediaVideosIntro')}
      basePath={paths.videos(ctx.lang)}
      listing={listing}
    >
      <VideoGrid ctx={ctx} items={listing.items} heading="h2" />
    </SectionListPage>
  );
}

export interface MediaLandingData {
  /** The press-release publication type, when the site has one. */
  pressType: PublicationType | undefined;
  pressReleases: PublicationCard[];
  mentions: MentionCard[];
  videos: VideoWithMedia[];
}

function LandingSection(props: {
  id: string;
  title: string;
  more: string;
  moreHref: string;
  children: ComponentChildren;
}) {
  return (
    <section class="media-section" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.children}
      <p class="more">
        <a href={props.moreHref}>{props.more}</a>
      </p>
    </section>
  );
}

export function MediaLandingPage({ ctx, data }: { ctx: PageContext; data: MediaLandingData }) {
  const { t, lang } = ctx;
  const pressTitle = data.pressType ? inLang(data.pressType, 'plural', lang) : '';
  return (
    <>
      <Breadcrumbs ctx={ctx} crumbs={[{ label: t('mediaSectionTitle') }]} />
      <h1>{t('mediaSectionTitle')}</h1>
      <p class="intro">{t('mediaSectionIntro')}</p>
      {data.pressType ? (
        <LandingSection
          id="media-press"
          title={pressTitle}
          more={t('seeAllOf', { type: pressTitle })}
          moreHref={paths.type(lang, data.pressType)}
        >
          {data.pressReleases.length > 0 ? (
            <CardList ctx={ctx} cards={data.pressReleases} />
          ) : (
            <p>{t('noPublications')}</p>
          )}
        </LandingSection>
      ) : null}
      <LandingSection
        id="media-mentions"
        title={t('mediaInTheMedia')}
        more={t('mediaAllMentions')}
        moreHref={paths.inTheMedia(lang)}
      >
        <MentionList ctx={ctx} mentions={data.mentions} heading="h3" />
      </LandingSection>
      <LandingSection
        id="media-videos"
        title={t('mediaVideos')}
        more={t('mediaAllVideos')}
        moreHref={paths.videos(lang)}
      >
        <VideoGrid ctx={ctx} items={data.videos} heading="h3" />
      </LandingSection>
    </>
  );
}
