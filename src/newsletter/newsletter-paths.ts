import type { Lang } from '../db/schema.js';

/** Public newsletter URLs. Links in mail carry the subscriber's language. */
export const newsletterPaths = {
  signup: (lang: Lang) => `/${lang}/newsletter`,
  confirm: (lang: Lang) => `/${lang}/newsletter/confirm`,
  preferences: (lang: Lang) => `/${lang}/newsletter/preferences`,
  unsubscribe: (lang: Lang) => `/${lang}/newsletter/unsubscribe`,
  challenge: '/newsletter/challenge',
};
