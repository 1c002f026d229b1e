import { inLang } from '../content/bilingual.js';
import type { Paged } from '../content/publication-queries.js';
import type { Event, Media } from '../db/schema.js';
import { formatNumber, type MessageKey } from '../site/i18n/index.js';
import { paths, withPage } from '../site/paths.js';
import { AuthorLinks, Breadcrumbs, CardList, Pagination, TopicTags } from '../site/views/components.js';
import type { PageContext } from '../site/views/page-context.js';
import type { EventCard, EventDetail, EventPeriod } from './event-queries.js';
import { eventTimes, LOCALES } from './event-times.js';
import type { RegistrationState } from './registrations.js';
import { RegistrationSection, type RegistrationFormState } from './registration-views.js';

type Timed = Pick<Event, 'starts_at' | 'ends_at' | 'time_zone'>;

/** The event's times in its own zone, and in the institute's where the clocks differ. */
function EventTimes({ ctx, event }: { ctx: PageContext; event: Timed }) {
  const { t, lang } = ctx;
  const times = eventTimes(event, lang, ctx.catalog.settings.timeZone);
  return (
    <>
      <time class="event-time" dateTime={event.starts_at}>
        {t('eventTimeIn', { time: times.local.range, zone: times.local.zone })}
      </time>
      {times.institute ? (
        <span class="event-time-also">
          {t('eventTimeAlso', { time: times.institute.range, zone: times.institute.zone })}
        </span>
      ) : null}
      <span
        class="event-time-also"
        hidden
        data-visitor-time
        data-starts={event.starts_at}
        data-ends={event.ends_at}
        data-zones={times.zones.join(' ')}
        data-locale={LOCALES[lang]}
        data-template={t('eventTimeVisitor')}
      />
    </>
  );
}

/** Only web addresses become links: the field is typed by staff and could hold `javascript:`. */
function isWebAddress(url: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(url);
}

function heldInLabel(ctx: PageContext, heldIn: Event['held_in']): string {
  return heldIn === 'both' ? ctx.t('eventHeldInBoth') : ctx.t(`languageName_${heldIn}` as MessageKey);
}

function seatsLabel(ctx: PageContext, capacity: number, confirmed: number): string {
  const left = Math.max(0, capacity - confirmed);
  if (left === 0) return ctx.t('eventSeatsFull');
  if (left === 1) return ctx.t('eventOneSeatLeft', { capacity: formatNumber(capacity, ctx.lang) });
  return ctx.t('eventSeatsLeft', { left: formatNumber(left, ctx.lang), capacity: formatNumber(capacity, ctx.lang) });
}

/** One event in a listing; `upcoming` cards say when the hall is full. */
function EventCardView({ ctx, card, upcoming }: { ctx: PageContext; card: EventCard; upcoming: boolean }) {
  const { t, lang } = ctx;
  const venue = inLang(card, 'venue', lang) || (card.online_url ? t('eventOnline') : '');
  const full = upcoming && card.capacity !== null && card.confirmed >= card.capacity;
  return (
    <article class="card event-card">
      <h2 class="card-title">
        <a href={paths.event(lang, inLang(card, 'slug', lang))}>{inLang(card, 'title', lang)}</a>
      </h2>
      <p class="card-meta">
        <EventTimes ctx={ctx} event={card} />
      </p>
      {venue ? <p class="card-meta">{venue}</p> : null}
      <p class="card-summary">{inLang(card, 'summary', lang)}</p>
      {full ? <p class="event-badge">{t('eventSeatsFull')}</p> : null}
    </article>
  );
}

/** Upcoming or past events, one page of them, with the way to the other list and the calendar. */
export function EventListPage(props: { ctx: PageContext; period: EventPeriod; listing: Paged<EventCard> }) {
  const { ctx, period, listing } = props;
  const { t, lang } = ctx;
  const upcoming = period === 'upcoming';
  const basePath = upcoming ? paths.events(lang) : paths.pastEvents(lang);
  const pageCount = Math.max(1, Math.ceil(listing.total / listing.perPage));
  return (
    <>
      <Breadcrumbs
        ctx={ctx}
        crumbs={
          upcoming
            ? [{ label: t('events') }]
            : [{ label: t('events'), href: paths.events(lang) }, { label: t('eventsPast') }]
        }
      />
      <h1>{upcoming ? t('eventsUpcoming') : t('eventsPast')}</h1>
      <p class="intro">{upcoming ? t('eventsIntro') : t('eventsPastIntro')}</p>
      {listing.items.length > 0 ? (
        <div class="card-list event-list">
          {listing.items.map((card) => (
            <EventCardView key={card.id} ctx={ctx} card={card} upcoming={upcoming} />
          ))}
        </div>
      ) : (
        <p>{upcoming ? t('eventsNoUpcoming') : t('eventsNoPast')}</p>
      )}
      <Pagination ctx={ctx} page={listing.page} pageCount={pageCount} hrefFor={(n) => withPage(basePath, n)} />
      <ul class="event-links">
        <li>
          <a href={upcoming ? paths.pastEvents(lang) : paths.events(lang)}>
            {upcoming ? t('eventsSeePast') : t('eventsUpcoming')}
          </a>
        </li>
        <li>
          <a href={paths.eventsCalendar(lang)} type="text/calendar">
            {t('eventsCalendarLink')}
          </a>
        </li>
      </ul>
    </>
  );
}

function Recording({ ctx, media }: { ctx: PageContext; media: Media }) {
  const src = paths.media(media.path);
  const fallback = <a href={src}>{ctx.t('eventRecordingUnsupported')}</a>;
  return (
    <section class="event-recording" aria-labelledby="recording-title">
      <h2 id="recording-title">{ctx.t('eventRecording')}</h2>
      {media.mime.startsWith('video/') ? (
        <video controls preload="none" src={src}>
          {fallback}
        </video>
      ) : (
        <audio controls preload="none" src={src}>
          {fallback}
        </audio>
      )}
    </section>
  );
}

function EventFacts({ ctx, detail, ended }: { ctx: PageContext; detail: EventDetail; ended: boolean }) {
  const { t, lang } = ctx;
  const { event } = detail;
  const venue = inLang(event, 'venue', lang);
  return (
    <dl class="event-facts">
      <dt>{t('eventWhen')}</dt>
      <dd>
        <EventTimes ctx={ctx} event={event} />
      </dd>
      {venue ? (
        <>
          <dt>{t('eventWhere')}</dt>
          <dd>{venue}</dd>
        </>
      ) : null}
      {isWebAddress(event.online_url) && !ended ? (
        <>
          <dt>{t('eventOnline')}</dt>
          <dd>
            <a href={event.online_url} rel="noopener noreferrer">
              {t('eventJoinOnline')}
            </a>
          </dd>
        </>
      ) : null}
      <dt>{t('eventLanguage')}</dt>
      <dd>{heldInLabel(ctx, event.held_in)}</dd>
      {detail.speakerIds.length > 0 ? (
        <>
          <dt>{t('eventSpeakers')}</dt>
          <dd>
            <AuthorLinks ctx={ctx} authorIds={detail.speakerIds} />
          </dd>
        </>
      ) : null}
      {event.capacity !== null && !ended ? (
        <>
          <dt>{t('eventSeats')}</dt>
          <dd>{seatsLabel(ctx, event.capacity, detail.confirmed)}</dd>
        </>
      ) : null}
    </dl>
  );
}

/** The event page: facts, recording, description, registration, topics and related publications. */
export function EventPage(props: {
  ctx: PageContext;
  detail: EventDetail;
  registration: RegistrationState;
  form: RegistrationFormState;
}) {
  const { ctx, detail, registration } = props;
  const { t, lang } = ctx;
  const { event } = detail;
  const ended = registration === 'ended';
  const title = inLang(event, 'title', lang);
  const summary = inLang(event, 'summary', lang);
  const body = inLang(event, 'body_html', lang);
  return (
    <article class="event" aria-labelledby="event-title">
      <Breadcrumbs
        ctx={ctx}
        crumbs={[
          ended
            ? { label: t('eventsPast'), href: paths.pastEvents(lang) }
            : { label: t('events'), href: paths.events(lang) },
          { label: title },
        ]}
      />
      <header class="event-header">
        <p class="kicker">{ended ? t('eventPastKicker') : t('eventKicker')}</p>
        <h1 id="event-title">{title}</h1>
        {summary ? <p class="summary">{summary}</p> : null}
        {ended ? <p class="event-ended">{t('eventEnded')}</p> : null}
      </header>
      <EventFacts ctx={ctx} detail={detail} ended={ended} />
      <p class="event-ics">
        <a href={paths.eventIcs(lang, inLang(event, 'slug', lang))} type="text/calendar">
          {t('eventAddToCalendar')}
        </a>
      </p>
      {detail.recording ? <Recording ctx={ctx} media={detail.recording} /> : null}
      {body ? <div class="body" dangerouslySetInnerHTML={{ __html: body }} /> : null}
      <RegistrationSection ctx={ctx} event={event} registration={registration} form={props.form} />
      <TopicTags ctx={ctx} topicIds={detail.topicIds} />
      {detail.publications.length > 0 ? (
        <section class="event-related" aria-labelledby="related-title">
          <h2 id="related-title">{t('eventRelated')}</h2>
          <CardList ctx={ctx} cards={detail.publications} />
        </section>
      ) : null}
    </article>
  );
}
