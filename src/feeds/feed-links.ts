import { FEED_FORMATS, paths, type FeedFormat } from '../site/paths.js';
import type { FeedLink, PageContext } from '../site/views/page-context.js';
import { subjectPagePath, subjectTitle, type FeedSubject } from './feed-subject.js';

/** The media type each format is announced and served with (the served one adds the charset). */
export const FEED_MEDIA_TYPES: Record<FeedFormat, FeedLink['type']> = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  json: 'application/feed+json',
};

const FORMAT_NAMES: Record<FeedLink['type'], string> = {
  'application/rss+xml': 'RSS',
  'application/atom+xml': 'Atom',
  'application/feed+json': 'JSON Feed',
  'text/calendar': 'iCalendar',
};

/** The format's own name ("RSS"), the same in every language. */
export function feedFormatName(type: FeedLink['type']): string {
  return FORMAT_NAMES[type];
}

/** A page's feeds, one per format, for `PageMeta.feeds`; each is titled like the feed itself. */
export function feedLinks(ctx: PageContext, subject: FeedSubject): FeedLink[] {
  const title = subjectTitle(ctx.catalog, subject);
  const pagePath = subjectPagePath(subject);
  return FEED_FORMATS.map((format) => ({
    title: `${title} (${feedFormatName(FEED_MEDIA_TYPES[format])})`,
    href: paths.feed(pagePath, format),
    type: FEED_MEDIA_TYPES[format],
  }));
}
