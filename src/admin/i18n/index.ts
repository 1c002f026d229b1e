import type { Lang } from '../../db/schema.js';
import type { FieldProblem } from '../../editorial/editorial-errors.js';
import { richDocErrorMessage } from '../../content/rich-doc-schema.js';
import { en, type AdminMessageKey } from './en.js';
import { he } from './he.js';

export type { AdminMessageKey };
export type AdminTranslate = (key: AdminMessageKey, vars?: Record<string, string | number>) => string;

const catalogs: Record<Lang, Record<AdminMessageKey, string>> = { en, he };

export function adminTranslator(lang: Lang): AdminTranslate {
  const messages = catalogs[lang];
  return (key, vars) => {
    const text = messages[key];
    return vars ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`)) : text;
  };
}

/** Problem codes from the domain layers ('too-long') → message keys ('tooLong'). */
function keyOf(code: string): AdminMessageKey | undefined {
  const key = code.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
  return Object.hasOwn(en, key) ? (key as AdminMessageKey) : undefined;
}

/** The message for one field problem, in the interface language. */
export function problemMessage(problem: FieldProblem, lang: Lang): string {
  if (problem.code.startsWith('rich:')) {
    return richDocErrorMessage({ code: problem.code.slice(5), params: problem.params }, lang);
  }
  const key = keyOf(problem.code);
  return key ? adminTranslator(lang)(key, problem.params) : problem.code;
}

export function messageFor(code: string, lang: Lang, params?: Record<string, string | number>): string {
  const key = keyOf(code);
  return key ? adminTranslator(lang)(key, params) : code;
}

/** A language's name in the interface language ("Hebrew", "עברית"). */
export function languageName(t: AdminTranslate, lang: Lang): string {
  return t(lang === 'he' ? 'langHe' : 'langEn');
}
