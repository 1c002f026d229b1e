/**
 * Staff enter times in the institute's time zone (a `datetime-local` field); the database
 * stores UTC. Intl gives the zone's offset at an instant, so no time-zone library is needed.
 */
function offsetMinutes(zone: string, instant: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - instant.getTime()) / 60000);
}

/** `2026-12-01T09:30` in `zone` → the UTC instant, or null when the text is not such a time. */
export function zonedLocalToUtc(local: string, zone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const naive = Date.UTC(y, mo - 1, d, h, mi);
  if (Number.isNaN(naive)) return null;
  // Two passes settle the offset on either side of a daylight-saving change.
  let guess = naive - offsetMinutes(zone, new Date(naive)) * 60000;
  guess = naive - offsetMinutes(zone, new Date(guess)) * 60000;
  return new Date(guess);
}

/** The UTC instant as a `datetime-local` value in `zone`. */
export function utcToZonedLocal(iso: string, zone: string): string {
  const instant = new Date(iso);
  const shifted = new Date(instant.getTime() + offsetMinutes(zone, instant) * 60000);
  return shifted.toISOString().slice(0, 16);
}
