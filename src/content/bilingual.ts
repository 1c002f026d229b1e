import type { Lang } from '../db/schema.js';

/** Picks the `_en` or `_he` column of a bilingual record: `inLang(topic, 'name', lang)`. */
export function inLang<K extends string>(record: Record<`${K}_en` | `${K}_he`, string>, field: K, lang: Lang): string {
  return record[`${field}_${lang}`];
}
