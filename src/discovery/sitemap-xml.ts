import { LANGUAGES } from '../db/schema.js';
import { paths } from '../site/paths.js';
import type { SitemapEntry } from './sitemap-entries.js';

/** Writing sitemaps (sitemaps.org protocol 0.9) with hreflang links as Google documents them. */

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const XHTML_NS = 'http://www.w3.org/1999/xhtml';

export const URLSET_OPEN = `${XML_DECLARATION}<urlset xmlns="${SITEMAP_NS}" xmlns:xhtml="${XHTML_NS}">\n`;
export const URLSET_CLOSE = '</urlset>\n';

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
}

function link(hreflang: string, href: string): string {
  return `<xhtml:link rel="alternate" hreflang="${hreflang}" href="${escapeXml(href)}"/>`;
}

/**
 * The language links of an entry: every version, itself included, plus x-default (English,
 * as in the page head). A page in one language only gets none: there is nothing to pair.
 */
function languageLinks(publicUrl: string, entry: SitemapEntry): string {
  const versions = LANGUAGES.flatMap((lang) => {
    const path = entry.alternates[lang];
    return path ? [link(lang, publicUrl + path)] : [];
  });
  if (versions.length < 2) return '';
  const fallback = entry.alternates.en;
  return versions.join('') + (fallback ? link('x-default', publicUrl + fallback) : '');
}

/** One `<url>` element; the order of children is the schema's (loc, lastmod, then extensions). */
export function urlElement(publicUrl: string, entry: SitemapEntry): string {
  const lastmod = entry.lastmod ? `<lastmod>${escapeXml(entry.lastmod)}</lastmod>` : '';
  return `<url><loc>${escapeXml(publicUrl + entry.path)}</loc>${lastmod}${languageLinks(publicUrl, entry)}</url>\n`;
}

/** The sitemap index naming child sitemaps 1 to `count`. */
export function sitemapIndexXml(publicUrl: string, count: number): string {
  const children = Array.from(
    { length: count },
    (_, i) => `<sitemap><loc>${escapeXml(publicUrl + paths.sitemap(i + 1))}</loc></sitemap>\n`,
  );
  return `${XML_DECLARATION}<sitemapindex xmlns="${SITEMAP_NS}">\n${children.join('')}</sitemapindex>\n`;
}
