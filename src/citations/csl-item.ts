import type { CslData } from '@citation-js/core';
import { inLang } from '../content/bilingual.js';
import type { Catalog } from '../content/catalog.js';
import type { Lang, Person, Publication, PublicationType } from '../db/schema.js';
import { paths } from '../site/paths.js';
import { toCslName } from '../content/person-names.js';

/** What a reference is made from: the publication row and its authors in byline order. */
export interface CitableWork {
  publication: Publication;
  authorIds: number[];
}

/**
 * The publication as one CSL-JSON item, in its own language: authors, date, publisher and
 * series as the page shows them. Every citation format is generated from this item.
 */
export function toCslItem(work: CitableWork, catalog: Catalog, publicUrl: string): CslData {
  const p = work.publication;
  const lang = p.lang;
  const people = work.authorIds.flatMap((id) => catalog.personById.get(id) ?? []);
  const item: CslData = {
    id: `publication-${p.id}`,
    ...typeFields(p, catalog.typeById.get(p.type_id), lang),
    title: p.title,
    author: people.map((person) => toCslName(personName(person, lang))),
    issued: { 'date-parts': [localDate(p.published_at ?? p.created_at, catalog.settings.timeZone)] },
    publisher: catalog.settings.instituteName[lang],
    URL: publicUrl + paths.publication(lang, p.slug),
    language: lang,
  };
  // plugin-bibtex builds its key from the first author's and the title's Latin letters;
  // a Hebrew work has none, so it gets a plain ASCII key instead.
  return lang === 'he' ? { ...item, 'citation-key': `publication${p.id}` } : item;
}

/**
 * The CSL type and its series or journal fields. A type with volumes is a journal, named by
 * its listing title ("Strategic Review"); a numbered or PDF type is a report series
 * ("Insight", number 1893); anything else (short posts) is a page of the institute's site,
 * which the styles date to the day and attribute to the publisher.
 */
function typeFields(p: Publication, type: PublicationType | undefined, lang: Lang) {
  if (type?.has_volumes) {
    return {
      type: 'article-journal',
      'container-title': inLang(type, 'plural', lang),
      ...(p.volume === null ? {} : { volume: String(p.volume) }),
      ...(p.issue === null ? {} : { issue: String(p.issue) }),
    };
  }
  if (type && (type.numbered || type.has_pdf)) {
    return {
      type: 'report',
      'collection-title': inLang(type, 'name', lang),
      ...(type.numbered && p.series_number !== null ? { 'collection-number': String(p.series_number) } : {}),
    };
  }
  return { type: 'webpage' };
}

/** The name in the work's language, or the other one when only that is filled in. */
function personName(person: Person, lang: Lang): string {
  return inLang(person, 'name', lang) || person.name_en || person.name_he;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** [year, month, day] of an instant in the institute's time zone (a 1 a.m. post is that day's). */
function localDate(iso: string, timeZone: string): number[] {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(new Date(iso)).split('-').map(Number);
}
