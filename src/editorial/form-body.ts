import { parseRichDoc } from '../content/rich-doc-schema.js';
import type { RichDoc } from '../content/rich-text.js';
import type { FieldProblems } from './editorial-errors.js';

/** A submitted form: every value as the browser sent it (repeated fields as arrays). */
export type FormBody = Record<string, string | string[] | undefined>;

export function field(body: FormBody, name: string): string {
  const v = body[name];
  return (Array.isArray(v) ? v[0] : v) ?? '';
}

export function fieldList(body: FormBody, name: string): string[] {
  const v = body[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/**
 * A rich-text field as the editor posts it (JSON text). Empty means an empty document;
 * problems are recorded against the field. The text goes to parseRichDoc unparsed, so its
 * size is checked before JSON.parse runs.
 */
export function readRichDocField(body: FormBody, name: string, problems: FieldProblems): RichDoc {
  const raw = field(body, name).trim();
  if (raw !== '') {
    const parsed = parseRichDoc(raw);
    if (parsed.ok) return parsed.doc;
    problems[name] = parsed.errors.map((e) => ({ code: `rich:${e.code}`, params: e.params }));
  }
  return { type: 'doc', content: [] };
}
