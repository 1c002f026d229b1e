import type { Event as SchemaEvent, WithContext } from 'schema-dts';
import { inLang } from '../content/bilingual.js';
import type { EventDetail } from '../events/event-queries.js';
import { paths } from '../site/paths.js';
import type { PageContext } from '../site/views/page-context.js';
import { expert, institute } from './structured-data.js';

/** Online when there is a web link, in person when there is a venue, or both. */
function attendanceMode(hasVenue: boolean, online: boolean) {
  if (hasVenue && online) return 'https://schema.org/MixedEventAttendanceMode' as const;
  return online
    ? ('https://schema.org/OnlineEventAttendanceMode' as const)
    : ('https://schema.org/OfflineEventAttendanceMode' as const);
}

/**
 * An event as search engines read it (`Event`): when, where (a Place, a VirtualLocation or
 * both), who speaks, who organises, in which language, and whether seats are free.
 */
export function eventJsonLd(ctx: PageContext, detail: EventDetail): WithContext<SchemaEvent> {
  const { event } = detail;
  const venue = inLang(event, 'venue', ctx.lang);
  const online = /^https?:\/\//i.test(event.online_url) ? event.online_url : '';
  const url = ctx.publicUrl + paths.event(ctx.lang, inLang(event, 'slug', ctx.lang));
  const full = event.capacity !== null && detail.confirmed >= event.capacity;
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: inLang(event, 'title', ctx.lang),
    description: inLang(event, 'summary', ctx.lang),
    url,
    startDate: event.starts_at,
    endDate: event.ends_at,
    eventStatus: 'https://schema.org/EventScheduled',
    eventAttendanceMode: attendanceMode(venue !== '', online !== ''),
    location: [
      ...(venue ? [{ '@type': 'Place' as const, name: venue, address: venue }] : []),
      ...(online ? [{ '@type': 'VirtualLocation' as const, url: online }] : []),
    ],
    inLanguage: event.held_in === 'both' ? ['en', 'he'] : event.held_in,
    organizer: institute(ctx),
    performer: detail.speakerIds.flatMap((id) => {
      const person = ctx.catalog.personById.get(id);
      return person ? [expert(ctx, person)] : [];
    }),
    isAccessibleForFree: true,
    offers: {
      '@type': 'Offer',
      url,
      availability: full ? 'https://schema.org/SoldOut' : 'https://schema.org/InStock',
    },
  };
}
