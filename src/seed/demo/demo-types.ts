/**
 * The shape of the hand-written demo institute. The content itself lives in the sibling
 * files; `seed-demo.ts` turns it into database rows. Keys (`key`, `parent`, `authors`,
 * `topics`) are only used to link records while seeding and never reach the site.
 */

/** Text in both site languages. */
export interface Bilingual {
  en: string;
  he: string;
}

/**
 * One block of a body. A plain string is a paragraph. Inside paragraphs, quotes and list
 * items, `[[fn:…]]` marks a footnote whose text is between the colon and `]]`, and
 * `**…**` marks strong emphasis.
 */
export type DemoBlock = string | { h2: string } | { quote: string } | { list: string[] };

export interface DemoPublicationType {
  key: string;
  slug: string;
  name: Bilingual;
  /** Plural name used as the listing title ("Policy Papers"). */
  plural: Bilingual;
  numbered: boolean;
  hasVolumes: boolean;
  hasPdf: boolean;
}

export interface DemoTopic {
  key: string;
  /** Key of the parent area; absent for a top-level area. */
  parent?: string;
  name: Bilingual;
  slug: Bilingual;
  description: Bilingual;
}

export interface DemoPerson {
  key: string;
  slug: string;
  name: Bilingual;
  role: Bilingual;
  bio: Bilingual;
}

export interface DemoPage {
  key: string;
  slug: Bilingual;
  title: Bilingual;
  body: { en: DemoBlock[]; he: DemoBlock[] };
}

export interface DemoLanguageVersion {
  title: string;
  /** URL slug: lower-case Latin words joined by hyphens in English, Hebrew words joined by hyphens in Hebrew. */
  slug: string;
  summary: string;
  body: DemoBlock[];
}

export interface DemoPublication {
  /** Unique key of the translation group. */
  key: string;
  /** Key of a DemoPublicationType. */
  type: string;
  /** Series number for numbered types. */
  number?: number;
  /** For types with volumes (the journal). */
  volume?: number;
  issue?: number;
  /** Publication date, YYYY-MM-DD. */
  date: string;
  /** Person keys, in byline order. */
  authors: string[];
  /** Topic keys (sub-topics or areas). */
  topics: string[];
  featured?: boolean;
  /** Generate a small PDF edition. */
  pdf?: boolean;
  /** Generate a short audio version. */
  audio?: boolean;
  en?: DemoLanguageVersion;
  he?: DemoLanguageVersion;
}

export interface DemoSettings {
  instituteName: Bilingual;
  tagline: Bilingual;
  address: Bilingual;
  email: string;
  phone: string;
}
