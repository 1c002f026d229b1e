import type { VNode } from 'preact';
import type { SiteScripts } from '../assets.js';
import type { Catalog } from '../../content/catalog.js';
import type { SocialCard } from '../../discovery/social-tags.js';
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
  /** Fingerprinted URLs of the site's scripts. */
  scripts: SiteScripts;
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
  /** Feeds of this page's content, announced with `<link rel="alternate">`. */
  feeds?: FeedLink[];
  /** Open Graph type and image; a 'website' without image when absent. */
  social?: SocialCard;
  /** Further `<head>` elements: JSON-LD, citation tags. */
  head?: VNode;
  /** Leaves out the newsletter box (on the newsletter's own pages, which show the form). */
  noNewsletterBox?: boolean;
}

/** One feed offered by a page: a news feed, or an iCalendar of events. */
export interface FeedLink {
  title: string;
  /** Site-relative URL of the feed. */
  href: string;
  type: 'application/rss+xml' | 'application/atom+xml' | 'application/feed+json' | 'text/calendar';
}
