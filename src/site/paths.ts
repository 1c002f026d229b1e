import type { Lang, Person, PublicationType, Topic } from '../db/schema.js';

/** Every public URL is built here, so routes and links cannot drift apart. */
export const paths = {
  home: (lang: Lang) => `/${lang}/`,
  publication: (lang: Lang, slug: string) => `/${lang}/publications/${encodeURIComponent(slug)}`,
  type: (lang: Lang, type: Pick<PublicationType, 'slug'>) => `/${lang}/types/${encodeURIComponent(type.slug)}`,
  topics: (lang: Lang) => `/${lang}/topics`,
  topic: (lang: Lang, topic: Pick<Topic, 'slug_en' | 'slug_he'>) =>
    `/${lang}/topics/${encodeURIComponent(lang === 'he' ? topic.slug_he : topic.slug_en)}`,
  experts: (lang: Lang) => `/${lang}/experts`,
  expert: (lang: Lang, person: Pick<Person, 'slug'>) => `/${lang}/experts/${encodeURIComponent(person.slug)}`,
  archive: (lang: Lang) => `/${lang}/archive`,
  year: (lang: Lang, year: number) => `/${lang}/archive/${year}`,
  search: (lang: Lang) => `/${lang}/search`,
  page: (lang: Lang, slug: string) => `/${lang}/${encodeURIComponent(slug)}`,
  media: (path: string) => `/media/${path.split('/').map(encodeURIComponent).join('/')}`,
};

/** Adds `?page=N` for pages after the first. */
export function withPage(path: string, page: number): string {
  return page > 1 ? `${path}?page=${page}` : path;
}

/** Picks the `_en` or `_he` column of a bilingual record. */
export function inLang<K extends string>(record: Record<`${K}_en` | `${K}_he`, string>, field: K, lang: Lang): string {
  return record[`${field}_${lang}`];
}
