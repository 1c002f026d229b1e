import type { Event, Lang } from '../db/schema.js';

export const LOCALES: Record<Lang, string> = { en: 'en-GB', he: 'he-IL' };

/** Formatters are costly to build and few in number (languages × zones in use): keep them. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${zone}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone: zone });
    formatters.set(key, format);
  }
  return format;
}

const RANGE: Intl.DateTimeFormatOptions = {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
};

/**
 * "Wednesday, 14 October 2026, 17:00–19:00" in `zone`; an event over midnight names both
 * days. Intl decides the separators, so each language reads naturally.
 */
export function formatEventRange(event: Pick<Event, 'starts_at' | 'ends_at'>, zone: string, lang: Lang): string {
  return formatter(LOCALES[lang], zone, RANGE).formatRange(new Date(event.starts_at), new Date(event.ends_at));
}

function zonePart(locale: string, zone: string, style: 'longGeneric' | 'longOffset', at: string): string {
  const parts = formatter(locale, zone, { timeZoneName: style }).formatToParts(new Date(at));
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? zone;
}

/** The zone's everyday name on that date ("Israel Time", "שעון בריטניה"). */
export function zoneName(zone: string, lang: Lang, at: string): string {
  return zonePart(LOCALES[lang], zone, 'longGeneric', at);
}

/**
 * True when two zones show the same wall-clock times for the event, so a second line in
 * the other zone would only repeat the first. Offsets are compared at the event's start
 * and end, not today: zones that differ in summer time differ only part of the year.
 */
export function sameWallClock(event: Pick<Event, 'starts_at' | 'ends_at'>, zoneA: string, zoneB: string): boolean {
  if (zoneA === zoneB) return true;
  return [event.starts_at, event.ends_at].every(
    (iso) => zonePart('en-GB', zoneA, 'longOffset', iso) === zonePart('en-GB', zoneB, 'longOffset', iso),
  );
}

/**
 * The event's zone, or `fallback` when the stored name is one this runtime does not know
 * (Intl would throw mid-render and turn the page into an error).
 */
export function eventZone(event: Pick<Event, 'time_zone'>, fallback: string): string {
  try {
    formatter('en-GB', event.time_zone, RANGE);
    return event.time_zone;
  } catch {
    return fallback;
  }
}

/** One rendering of the event's times: the range and the zone's name. */
export interface ZonedRange {
  range: string;
  zone: string;
}

/**
 * The event's times as readers see them: in the event's own zone, and also in the
 * institute's (where its readers are) when the clocks there differ.
 */
export function eventTimes(
  event: Pick<Event, 'starts_at' | 'ends_at' | 'time_zone'>,
  lang: Lang,
  instituteZone: string,
): { local: ZonedRange; institute: ZonedRange | undefined; zones: string[] } {
  const zone = eventZone(event, instituteZone);
  const inZone = (z: string) => ({ range: formatEventRange(event, z, lang), zone: zoneName(z, lang, event.starts_at) });
  return {
    local: inZone(zone),
    institute: sameWallClock(event, zone, instituteZone) ? undefined : inZone(instituteZone),
    zones: [zone, instituteZone],
  };
}
