import type { Lang } from '../../db/schema.js';
import { en, type MessageKey } from './en.js';
import { he } from './he.js';

export { LANGUAGES, type Lang } from '../../db/schema.js';
export type { MessageKey };

const catalogs: Record<Lang, Record<MessageKey, string>> = { en, he };

/** Text direction of a language; the only place direction is decided. */
export function dirOf(lang: Lang): 'ltr' | 'rtl' {
  return lang === 'he' ? 'rtl' : 'ltr';
}

export function otherLang(lang: Lang): Lang {
  return lang === 'he' ? 'en' : 'he';
}

export function isLang(value: string): value is Lang {
  return value === 'en' || value === 'he';
}

/** Translator bound to a language: `t('pageOf', { page: 2, pages: 9 })`. */
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translator(lang: Lang): Translate {
  const messages = catalogs[lang];
  return (key, vars) => {
    const text = messages[key];
    return vars ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`)) : text;
  };
}

const dateFormats: Record<Lang, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Jerusalem' }),
  he: new Intl.DateTimeFormat('he-IL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Jerusalem' }),
};

/** A date as readers of the language expect it ("14 October 2026", "14 באוקטובר 2026"). */
export function formatDate(iso: string, lang: Lang): string {
  return dateFormats[lang].format(new Date(iso));
}

const numberFormats: Record<Lang, Intl.NumberFormat> = {
  en: new Intl.NumberFormat('en-GB'),
  he: new Intl.NumberFormat('he-IL'),
};

export function formatNumber(n: number, lang: Lang): string {
  return numberFormats[lang].format(n);
}
