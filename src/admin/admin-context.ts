import type { Catalog } from '../content/catalog.js';
import type { ActiveSession, SessionUser } from '../auth/sessions.js';
import type { Lang } from '../db/schema.js';
import type { AdminTranslate } from './i18n/index.js';

/** What every admin view needs. */
export interface AdminContext {
  lang: Lang;
  t: AdminTranslate;
  catalog: Catalog;
  /** The signed-in user; null on the sign-in and password pages. */
  user: SessionUser | null;
  /** The token every state-changing form carries. */
  csrf: string;
  stylesheet: string;
  /** The page's own path, for the language switch. */
  path: string;
  /** A one-line confirmation after a redirect ("Saved."). */
  notice?: string;
}

export type { ActiveSession };
