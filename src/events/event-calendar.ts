import { createEvent, createEvents, type EventAttributes } from 'ics';
import { inLang } from '../content/bilingual.js';
import type { Event, Lang } from '../db/schema.js';
import { paths } from '../site/paths.js';

/** Served and attached with this type; METHOD:PUBLISH means "add this", not an invitation to answer. */
export const ICS_CONTENT_TYPE = 'text/calendar; charset=utf-8';
const PRODUCT_ID = '-//Dossier//Events//EN';

/** Where the event happens, as one line: the venue, else the online address. */
function location(event: Event, lang: Lang): string {
  return inLang(event, 'venue', lang) || event.online_url;
}

/** The summary, then the online address when there is a venue too (LOCATION holds only one). */
function description(event: Event, lang: Lang): string {
  const online = inLang(event, 'venue', lang) && event.online_url ? event.online_url : '';
  return [inLang(event, 'summary', lang), online].filter((part) => part !== '').join('\n\n');
}

/**
 * One VEVENT in `lang`. UID is fixed at creation and SEQUENCE rises with each change staff
 * publish, so calendars update the event they already hold instead of adding another.
 * Times are UTC (`…Z`): no VTIMEZONE is needed and every client converts to its own zone.
 */
function toIcsEvent(event: Event, lang: Lang, publicUrl: string): EventAttributes {
  return {
    uid: event.uid,
    sequence: event.ics_sequence,
    start: Date.parse(event.starts_at),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: Date.parse(event.ends_at),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: inLang(event, 'title', lang),
    description: description(event, lang) || undefined,
    location: location(event, lang) || undefined,
    url: publicUrl + paths.event(lang, inLang(event, 'slug', lang)),
    status: 'CONFIRMED',
    productId: PRODUCT_ID,
  };
}

function valueOrThrow(result: { error: Error | null; value: string | null }): string {
  if (result.error || result.value === null) throw result.error ?? new Error('ics produced nothing');
  return result.value;
}

/** One event as an iCalendar file (for the page's download and the confirmation mail). */
export function eventIcs(event: Event, lang: Lang, publicUrl: string): string {
  return valueOrThrow(createEvent(toIcsEvent(event, lang, publicUrl)));
}

/** A calendar of events to subscribe to, named after the institute. */
export function calendarIcs(events: Event[], lang: Lang, publicUrl: string, calendarName: string): string {
  return valueOrThrow(
    createEvents(
      events.map((event) => toIcsEvent(event, lang, publicUrl)),
      { productId: PRODUCT_ID, calName: calendarName },
    ),
  );
}
