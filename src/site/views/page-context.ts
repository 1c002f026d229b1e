import type { Catalog } from '../../content/catalog.js';
import type { Lang } from '../../db/schema.js';
import type { Translate } from '../i18n/index.js';

/** What every view needs: the language, its strings, the catalog and the page's identity. */
export interface PageContext {
  lang: Lang;
  t: Translate;
  catalog: Catalog;
  /** Origin for absolute URLs (canonical, hreflang). */
  publicUrl: string;
  /** Fingerprinted stylesheet URL. */
  stylesheet: string;
}

/** Head metadata of one page. */
export interface PageMeta {
  title: string;
  description: string;
  /** Path of this page (canonical). */
  path: string;
  /** Path of the same page in each language, when it exists there. */
  alternates: Partial<Record<Lang, string>>;
  /** Pages that should not be indexed (search results, errors). */
  noindex?: boolean;
}
