import type { FieldProblem, FieldProblems } from '../../editorial/editorial-errors.js';
import { field, type FormBody } from '../../editorial/form-body.js';
import { isValidSlug, slugify } from '../../editorial/slug.js';
import type { Option } from '../views/fields.js';
import { SLUG_MAX, type StructureField } from '../views/structure-table.js';

/* Shared checks */

export type Value = string | number | null;
export type Data = Record<string, Value>;

export const LATIN_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** First-level paths of the public site: a static page there would never be reached. */
export const RESERVED_PAGE_SLUGS = new Set([
  'publications',
  'types',
  'topics',
  'experts',
  'archive',
  'search',
  'newsletter',
  'events',
  'podcast',
  'media',
]);

/** Trimmed, with Windows line ends and NUL characters (PostgreSQL refuses them) removed. */
export function clean(raw: string): string {
  return raw.replaceAll('\u0000', '').replace(/\r\n?/g, '\n').trim();
}

export function charCount(s: string): number {
  return [...s].length;
}

export function textProblem(value: string, max: number, required: boolean): FieldProblem | undefined {
  if (required && value === '') return { code: 'required' };
  const length = charCount(value);
  return length > max ? { code: 'too-long', params: { max, length } } : undefined;
}

export function slugProblem(slug: string, script: 'latin' | 'hebrew'): FieldProblem | undefined {
  if (script === 'latin')
    return LATIN_SLUG.test(slug) && slug.length <= SLUG_MAX ? undefined : { code: 'slug-invalid-latin' };
  return isValidSlug(slug) ? undefined : { code: 'slug-invalid' };
}

/** A slug made from a name: for latin slugs, everything outside a–z and 0–9 is dropped. */
export function deriveSlug(source: string, script: 'latin' | 'hebrew'): string {
  const slug = slugify(source);
  if (script === 'hebrew') return slug;
  return slug
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX)
    .replace(/-+$/, '');
}

/** A menu link: a path on this site (not `//host`), or an https:// address. Nothing else (`javascript:`). */
export function isMenuTarget(target: string): boolean {
  if (target.length === 0 || target.length > 2048 || /[\s\p{Cc}]/u.test(target)) return false;
  if (target.startsWith('/')) {
    if (target.startsWith('//') || target.startsWith('/\\')) return false;
    try {
      return new URL(target, 'https://site.invalid').origin === 'https://site.invalid';
    } catch {
      return false;
    }
  }
  if (!target.startsWith('https://')) return false;
  try {
    const url = new URL(target);
    return url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The zone's canonical name, or null when this server does not know it. */
export function canonicalTimeZone(raw: string): string | null {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(raw)) return null;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: raw }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** Reads the posted form against the field descriptions. Values stay typed even when refused. */
export function parseFields(fields: StructureField[], body: FormBody, choices: Record<string, Option[]>) {
  const data: Data = {};
  const problems: FieldProblems = {};
  const derived = new Set<string>();
  const refuse = (name: string, problem: FieldProblem | undefined) => {
    if (problem) problems[name] = [problem];
  };
  for (const f of fields) {
    const raw = clean(field(body, f.name));
    switch (f.kind) {
      case 'text':
      case 'textarea':
        data[f.name] = raw;
        refuse(f.name, textProblem(raw, f.max, f.required ?? false));
        break;
      case 'position':
        if (raw === '') data[f.name] = null;
        else if (/^\d{1,5}$/.test(raw) && Number(raw) <= 10_000) data[f.name] = Number(raw);
        else refuse(f.name, { code: 'whole-number', params: { max: 10_000 } });
        break;
      case 'bool':
        data[f.name] = raw === '1' ? 1 : 0;
        break;
      case 'choice': {
        const known = (choices[f.name] ?? []).some((o) => o.value === raw);
        data[f.name] = raw === '' ? null : f.numeric ? Number(raw) : raw;
        if (raw === '') refuse(f.name, f.empty ? undefined : { code: 'required' });
        else if (!known || (f.numeric && !/^\d{1,9}$/.test(raw))) refuse(f.name, { code: 'unknown-choice' });
        break;
      }
      case 'target':
        data[f.name] = raw;
        refuse(f.name, raw === '' ? { code: 'required' } : isMenuTarget(raw) ? undefined : { code: 'target-invalid' });
        break;
      case 'slug':
        break;
    }
  }
  // Slugs last: an empty one is made from its (already read) source field.
  for (const f of fields) {
    if (f.kind !== 'slug') continue;
    let slug = clean(field(body, f.name)).normalize('NFC').toLowerCase();
    if (slug === '') {
      slug = deriveSlug(String(data[f.from] ?? ''), f.script);
      if (slug === '') {
        data[f.name] = '';
        refuse(f.name, { code: 'required' });
        continue;
      }
      derived.add(f.name);
    }
    data[f.name] = slug;
    refuse(f.name, slugProblem(slug, f.script));
  }
  return { data, problems, derived };
}

/**
 * `base` if free; for a slug made by us (not typed), the first free `base-2`, `base-3`…;
 * null when a typed slug is taken.
 */
export async function freeSlug(
  base: string,
  derived: boolean,
  taken: (slug: string) => Promise<boolean>,
): Promise<string | null> {
  if (!(await taken(base))) return base;
  if (!derived) return null;
  for (let n = 2; n < 1000; n++) {
    const candidate = `${base.slice(0, SLUG_MAX - String(n).length - 1).replace(/-+$/, '')}-${n}`;
    if (!(await taken(candidate))) return candidate;
  }
  return null;
}

/** Two saves racing for the same slug: the loser's insert hits the unique index. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Runs a save; if it lost a race on a unique slug, runs it once more (its own check then reports the clash). */
export async function withRetry<T>(save: () => Promise<T>): Promise<T> {
  try {
    return await save();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return save();
  }
}

export function hasProblems(problems: FieldProblems): boolean {
  return Object.keys(problems).length > 0;
}

/** A saved row as form values. */
export function rowValues(fields: StructureField[], row: Record<string, unknown>): FormBody {
  const values: FormBody = {};
  for (const f of fields) {
    const v = row[f.name];
    values[f.name] = f.kind === 'bool' ? (v ? '1' : '') : v === null || v === undefined ? '' : String(v);
  }
  return values;
}
