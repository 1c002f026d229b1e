import type { Paged } from '../content/publication-queries.js';
import type { Media } from '../db/schema.js';
import { mediaUrl, toImageSources } from '../media/image-sources.js';
import { formatNumber } from '../site/i18n/index.js';
import { paths, withPage } from '../site/paths.js';
import { AuthorLinks, Breadcrumbs, Pagination, Time, TopicTags } from '../site/views/components.js';
import type { PageContext } from '../site/views/page-context.js';
import type { EpisodeDetail, EpisodeSummary } from './episode-queries.js';
import type { Show } from './podcast-settings.js';

/** The show page (artwork, description, how to subscribe, episodes) and the episode page. */

/** "1:02:03" or "5:07": how players show a length. */
export function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** The length as a `<time>`: readable text, machine-readable ISO 8601 duration. */
function Duration({ seconds }: { seconds: number }) {
  return (
    <time dateTime={`PT${seconds}S`} dir="ltr">
      {formatDuration(seconds)}
    </time>
  );
}

/** "Season 2, episode 5", "Episode 5", "Season 2", or nothing. */
function episodeLabel(ctx: PageContext, e: { episodeNumber: number | null; season: number | null }): string {
  const { t } = ctx;
  if (e.season !== null && e.episodeNumber !== null)
    return t('podcastSeasonEpisode', { season: e.season, n: e.episodeNumber });
  if (e.episodeNumber !== null) return t('podcastEpisodeNumber', { n: e.episodeNumber });
  return e.season !== null ? t('podcastSeason', { season: e.season }) : '';
}

/** The show's square artwork; decorative next to the show's title, so its alt text is empty. */
function Artwork({ media }: { media: Media }) {
  const image = toImageSources(media);
  if (!image) return null;
  const sizes = '(min-width: 40rem) 14rem, 45vw';
  return (
    <picture class="podcast-artwork">
      {image.sources.map((s) => (
        <source key={s.type} type={s.type} srcset={s.srcset} sizes={sizes} />
      ))}
      <img src={image.src} srcset={image.srcset} sizes={sizes} width={image.width} height={image.height} alt="" />
    </picture>
  );
}

function EpisodeListItem({ ctx, episode }: { ctx: PageContext; episode: EpisodeSummary }) {
  const label = episodeLabel(ctx, episode);
  return (
    <li class="episode-card">
      <h3 class="card-title">
        <a href={paths.episode(ctx.lang, episode.slug)}>{episode.title}</a>
      </h3>
      <p class="card-meta">
        {label ? `${label} · ` : null}
        <Time ctx={ctx} iso={episode.publishedAt} />
        {episode.durationSeconds !== null ? (
          <>
            {' · '}
            <span class="visually-hidden">{ctx.t('podcastDuration')}: </span>
            <Duration seconds={episode.durationSeconds} />
          </>
        ) : null}
      </p>
      {episode.summary ? <p class="card-summary">{episode.summary}</p> : null}
    </li>
  );
}

export function ShowPage({ ctx, show, listing }: { ctx: PageContext; show: Show; listing: Paged<EpisodeSummary> }) {
  const { t, lang } = ctx;
  const feedPath = paths.feed(paths.podcast(lang), 'rss');
  const pageCount = Math.max(1, Math.ceil(listing.total / listing.perPage));
  return (
    <>
      <Breadcrumbs ctx={ctx} crumbs={[{ label: t('podcast') }]} />
      <header class="podcast-header">
        {show.artwork ? <Artwork media={show.artwork} /> : null}
        <div>
          <h1>{show.title}</h1>
          <p class="intro">{show.description}</p>
          <section class="podcast-subscribe" aria-labelledby="subscribe-title">
            <h2 id="subscribe-title" class="small-heading">
              {t('podcastSubscribeTitle')}
            </h2>
            <p>{t('podcastSubscribeText')}</p>
            <p>
              <a class="feed-address" href={feedPath} type="application/rss+xml" dir="ltr">
                {ctx.publicUrl + feedPath}
              </a>
            </p>
          </section>
        </div>
      </header>
      <section aria-labelledby="episodes-title">
        <h2 id="episodes-title">{t('podcastEpisodes')}</h2>
        {listing.items.length > 0 ? (
          <ol class="episode-list">
            {listing.items.map((e) => (
              <EpisodeListItem key={e.id} ctx={ctx} episode={e} />
            ))}
          </ol>
        ) : (
          <p>{t('podcastNoEpisodes')}</p>
        )}
        <Pagination
          ctx={ctx}
          page={listing.page}
          pageCount={pageCount}
          hrefFor={(n) => withPage(paths.podcast(lang), n)}
        />
      </section>
    </>
  );
}

/** "MP3", "M4A"…: the file format as listeners know it. */
const AUDIO_FORMATS: Record<string, string> = {
  'audio/mpeg': 'MP3',
  'audio/mp4': 'M4A',
  'audio/aac': 'AAC',
  'audio/ogg': 'Ogg',
  'audio/wav': 'WAV',
};

function megabytes(ctx: PageContext, bytes: number): string {
  return `${formatNumber(Math.max(0.1, Math.round(bytes / 1024 / 102.4) / 10), ctx.lang)} MB`;
}

/** The player, with a download link for browsers that cannot play the file and for listening later. */
function Player({ ctx, title, audio }: { ctx: PageContext; title: string; audio: Media }) {
  const { t } = ctx;
  const url = mediaUrl(audio.path);
  const download = t('podcastDownload', {
    format: AUDIO_FORMATS[audio.mime] ?? audio.mime,
    size: megabytes(ctx, audio.bytes),
  });
  return (
    <section class="episode-player" aria-labelledby="listen-title">
      <h2 id="listen-title" class="small-heading">
        {t('podcastListen')}
      </h2>
      <audio controls preload="none" aria-label={t('podcastPlayerLabel', { title })}>
        <source src={url} type={audio.mime} />
        <a href={url}>{t('audioUnsupported')}</a>
      </audio>
      <p class="episode-download">
        <a href={url} type={audio.mime} download>
          {download}
        </a>
      </p>
    </section>
  );
}

function Transcript({ ctx, slug, text }: { ctx: PageContext; slug: string; text: string }) {
  const { t, lang } = ctx;
  return (
    <section class="transcript" aria-labelledby="transcript-title">
      <h2 id="transcript-title">{t('podcastTranscript')}</h2>
      <details>
        <summary>{t('podcastShowTranscript')}</summary>
        <div class="transcript-text">
          {text.split(/\n\s*\n/).map((paragraph, i) => (
            <p key={i}>{paragraph}</p>
          ))}
        </div>
      </details>
      <p>
        <a href={paths.episodeTranscript(lang, slug)} type="text/plain">
          {t('podcastTranscriptFile')}
        </a>
      </p>
    </section>
  );
}

export function EpisodePage({ ctx, show, detail }: { ctx: PageContext; show: Show; detail: EpisodeDetail }) {
  const { t, lang } = ctx;
  const e = detail.episode;
  const label = episodeLabel(ctx, { episodeNumber: e.episode_number, season: e.season });
  const duration = detail.audio?.duration_seconds ?? null;
  return (
    <article class="episode" aria-labelledby="episode-title">
      <Breadcrumbs ctx={ctx} crumbs={[{ label: t('podcast'), href: paths.podcast(lang) }, { label: e.title }]} />
      <header>
        <p class="kicker">{label ? `${show.title} · ${label}` : show.title}</p>
        <h1 id="episode-title">{e.title}</h1>
        <p class="byline">
          {t('publishedOn')} <Time ctx={ctx} iso={e.published_at ?? e.created_at} />
          {duration !== null ? (
            <>
              {' · '}
              {t('podcastDuration')}: <Duration seconds={duration} />
            </>
          ) : null}
        </p>
        {detail.guestIds.length > 0 ? (
          <p class="episode-guests">
            {t('podcastGuests')}: <AuthorLinks ctx={ctx} authorIds={detail.guestIds} />
          </p>
        ) : null}
        {e.summary ? <p class="summary">{e.summary}</p> : null}
      </header>
      {detail.audio ? <Player ctx={ctx} title={e.title} audio={detail.audio} /> : null}
      {e.notes_html ? (
        <section class="show-notes" aria-labelledby="notes-title">
          <h2 id="notes-title">{t('podcastShowNotes')}</h2>
          <div class="body" dangerouslySetInnerHTML={{ __html: e.notes_html }} />
        </section>
      ) : null}
      {e.transcript ? <Transcript ctx={ctx} slug={e.slug} text={e.transcript} /> : null}
      <TopicTags ctx={ctx} topicIds={detail.topicIds} />
    </article>
  );
}
