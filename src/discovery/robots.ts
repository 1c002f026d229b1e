import { LANGUAGES } from '../db/schema.js';
import { paths } from '../site/paths.js';

/**
 * robots.txt: the whole site may be crawled except the staff area and search results
 * (an unbounded space of URLs, already noindex). `$` ends a pattern (RFC 9309), so a
 * static page such as /en/search-tips stays crawlable; `?` catches every query.
 */
export function robotsTxt(publicUrl: string): string {
  return [
    'User-agent: *',
    'Allow: /',
    'Disallow: /admin',
    ...LANGUAGES.flatMap((lang) => [`Disallow: ${paths.search(lang)}$`, `Disallow: ${paths.search(lang)}?`]),
    '',
    `Sitemap: ${publicUrl}${paths.sitemapIndex()}`,
    '',
  ].join('\n');
}
