import { inLang } from '../content/bilingual.js';
import type { PublicationDetail } from '../content/publication-queries.js';
import { paths } from '../site/paths.js';
import type { PageContext } from '../site/views/page-context.js';
import { splitHonorific } from '../content/person-names.js';
import { publishedAt } from './publication-dates.js';

type Tag = [name: string, content: string];

/** Google Scholar wants dates as YYYY/MM/DD; the day is the institute's, as the page shows it. */
export function scholarDate(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(new Date(iso))
    .filter((part) => part.type !== 'literal');
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return `${get('year')}/${get('month')}/${get('day')}`;
}

/**
 * Where the work was published, in the terms Scholar knows: a journal with volume and
 * issue, or a numbered report series of the institute.
 */
function venueTags(ctx: PageContext, detail: PublicationDetail): Tag[] {
  const p = detail.publication;
  const type = ctx.catalog.typeById.get(p.type_id);
  if (!type) return [];
  const series = inLang(type, 'plural', ctx.lang);
  if (type.has_volumes) {
    return [
      ['citation_journal_title', series],
      ...(p.volume !== null ? [['citation_volume', String(p.volume)] as Tag] : []),
      ...(p.issue !== null ? [['citation_issue', String(p.issue)] as Tag] : []),
    ];
  }
  if (type.numbered && p.series_number !== null) {
    return [
      ['citation_series_title', series],
      ['citation_technical_report_institution', ctx.catalog.settings.instituteName[ctx.lang]],
      ['citation_technical_report_number', String(p.series_number)],
    ];
  }
  return [];
}

/**
 * Highwire Press tags, which Google Scholar reads (scholar.google.com/intl/en/scholar/inclusion.html):
 * one citation_author per author in byline order, bare names; dates as YYYY/MM/DD; the PDF
 * edition as an absolute URL on this site; the page itself as the abstract page.
 */
export function ScholarTags({ ctx, detail }: { ctx: PageContext; detail: PublicationDetail }) {
  const { catalog, publicUrl, lang } = ctx;
  const p = detail.publication;
  const date = scholarDate(publishedAt(p), catalog.settings.timeZone);
  const tags: Tag[] = [
    ['citation_title', p.title],
    ...detail.authorIds.flatMap((id): Tag[] => {
      const person = catalog.personById.get(id);
      return person ? [['citation_author', splitHonorific(inLang(person, 'name', lang)).name]] : [];
    }),
    ['citation_publication_date', date],
    ['citation_online_date', date],
    ['citation_language', p.lang],
    ['citation_publisher', catalog.settings.instituteName[lang]],
    ...venueTags(ctx, detail),
    ['citation_abstract_html_url', publicUrl + paths.publication(p.lang, p.slug)],
    ...(detail.pdf ? [['citation_pdf_url', publicUrl + paths.media(detail.pdf.path)] as Tag] : []),
    ...detail.topicIds.flatMap((id): Tag[] => {
      const topic = catalog.topicById.get(id);
      return topic ? [['citation_keywords', inLang(topic, 'name', lang)]] : [];
    }),
  ];
  return (
    <>
      {tags.map(([name, content], i) => (
        <meta key={i} name={name} content={content} />
      ))}
    </>
  );
}
