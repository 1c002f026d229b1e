import type {
  Article,
  BreadcrumbList,
  CreativeWork,
  Organization,
  Person,
  ScholarlyArticle,
  Thing,
  WithContext,
} from 'schema-dts';
import { inLang } from '../content/bilingual.js';
import type { PublicationDetail } from '../content/publication-queries.js';
import type { Person as Expert, Publication, PublicationType } from '../db/schema.js';
import { paths } from '../site/paths.js';
import type { PageContext } from '../site/views/page-context.js';
import { splitHonorific } from '../content/person-names.js';
import { modifiedAt, publishedAt } from './publication-dates.js';
import type { SocialImage } from './social-tags.js';

/** Google shows at most 110 characters of an article headline. */
export const MAX_HEADLINE = 110;

type Node<T> = Exclude<T, string>;

/**
 * The rule for `ScholarlyArticle`: a type whose works carry a series number, a journal
 * volume or a PDF edition is research output meant to be cited (insights, policy papers,
 * memoranda, the journal, special publications). Anything else (short posts) is an `Article`.
 */
export function isScholarly(type: PublicationType | undefined): boolean {
  return Boolean(type && (type.numbered || type.has_volumes || type.has_pdf));
}

/** The title cut at a word boundary to fit MAX_HEADLINE, with an ellipsis when cut. */
export function toHeadline(title: string): string {
  const chars = Array.from(title);
  if (chars.length <= MAX_HEADLINE) return title;
  const cut = chars.slice(0, MAX_HEADLINE - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX_HEADLINE / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const absolute = (ctx: PageContext, path: string) => ctx.publicUrl + path;

/** The institute, as publisher and employer. */
export function institute(ctx: PageContext): Node<Organization> {
  return {
    '@type': 'Organization',
    name: ctx.catalog.settings.instituteName[ctx.lang],
    url: absolute(ctx, paths.home(ctx.lang)),
  };
}

/** An expert by their bare name (titles go to honorificPrefix) with their page. */
export function expert(ctx: PageContext, person: Expert): Node<Person> {
  const { honorific, name } = splitHonorific(inLang(person, 'name', ctx.lang));
  return {
    '@type': 'Person',
    name,
    ...(honorific ? { honorificPrefix: honorific } : {}),
    url: absolute(ctx, paths.expert(ctx.lang, person)),
  };
}

/** The home page's description of the institute. */
export function organizationJsonLd(ctx: PageContext): WithContext<Organization> {
  const s = ctx.catalog.settings;
  return {
    '@context': 'https://schema.org',
    ...institute(ctx),
    description: s.tagline[ctx.lang],
    address: s.address[ctx.lang],
    ...(s.email ? { email: s.email } : {}),
    ...(s.phone ? { telephone: s.phone } : {}),
  };
}

/** An expert's page: who they are and where they work. */
export function personJsonLd(ctx: PageContext, person: Expert): WithContext<Person> {
  return {
    '@context': 'https://schema.org',
    ...expert(ctx, person),
    jobTitle: inLang(person, 'role', ctx.lang),
    description: inLang(person, 'bio', ctx.lang),
    worksFor: institute(ctx),
  };
}

/** The numbered series or journal issue a work belongs to, if any. */
function container(ctx: PageContext, type: PublicationType, p: Publication): Node<CreativeWork> | undefined {
  const name = inLang(type, 'plural', ctx.lang);
  const url = absolute(ctx, paths.type(ctx.lang, type));
  if (type.has_volumes && p.volume !== null && p.issue !== null) {
    return {
      '@type': 'PublicationIssue',
      issueNumber: p.issue,
      isPartOf: {
        '@type': 'PublicationVolume',
        volumeNumber: p.volume,
        isPartOf: { '@type': 'Periodical', name, url },
      },
    };
  }
  if (type.numbered && p.series_number !== null) return { '@type': 'CreativeWorkSeries', name, url };
  return undefined;
}

/** The topics a work is about, each with its listing page. */
function topicsOf(ctx: PageContext, topicIds: number[]): Node<Thing>[] {
  return topicIds.flatMap((id): Node<Thing>[] => {
    const topic = ctx.catalog.topicById.get(id);
    if (!topic) return [];
    return [
      { '@type': 'Thing', name: inLang(topic, 'name', ctx.lang), url: absolute(ctx, paths.topic(ctx.lang, topic)) },
    ];
  });
}

export interface ArticleOptions {
  image: SocialImage | undefined;
  /** Whether the other-language version is the original this one was translated from. */
  translationIsOriginal: boolean;
}

/** A publication as `Article` or `ScholarlyArticle` (see isScholarly). */
export function articleJsonLd(
  ctx: PageContext,
  detail: PublicationDetail,
  options: ArticleOptions,
): WithContext<Article | ScholarlyArticle> {
  const p = detail.publication;
  const type = ctx.catalog.typeById.get(p.type_id);
  const kind = isScholarly(type) ? ('ScholarlyArticle' as const) : ('Article' as const);
  const url = absolute(ctx, paths.publication(p.lang, p.slug));
  const partOf = type && container(ctx, type, p);
  const translation = detail.translation && {
    '@type': kind,
    name: detail.translation.title,
    inLanguage: detail.translation.lang,
    url: absolute(ctx, paths.publication(detail.translation.lang, detail.translation.slug)),
  };
  return {
    '@context': 'https://schema.org',
    '@type': kind,
    headline: toHeadline(p.title),
    name: p.title,
    description: p.summary,
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    inLanguage: p.lang,
    datePublished: publishedAt(p),
    dateModified: modifiedAt(p),
    author: detail.authorIds.flatMap((id) => {
      const person = ctx.catalog.personById.get(id);
      return person ? [expert(ctx, person)] : [];
    }),
    publisher: institute(ctx),
    ...(options.image ? { image: [options.image.url] } : {}),
    about: topicsOf(ctx, detail.topicIds),
    ...(partOf ? { isPartOf: partOf } : {}),
    ...(type?.numbered && p.series_number !== null ? { position: p.series_number } : {}),
    ...(translation && options.translationIsOriginal ? { translationOfWork: translation } : {}),
    ...(translation && !options.translationIsOriginal ? { workTranslation: translation } : {}),
  };
}

/** One step of a breadcrumb trail. */
export interface TrailStep {
  name: string;
  path: string;
}

/**
 * The publication page's visible breadcrumbs (see views/publication-page.tsx): home, the
 * type's listing, the publication itself.
 */
export function publicationTrail(ctx: PageContext, detail: PublicationDetail): TrailStep[] {
  const p = detail.publication;
  const type = ctx.catalog.typeById.get(p.type_id);
  return [
    { name: ctx.t('home'), path: paths.home(ctx.lang) },
    ...(type ? [{ name: inLang(type, 'plural', ctx.lang), path: paths.type(ctx.lang, type) }] : []),
    { name: p.title, path: paths.publication(p.lang, p.slug) },
  ];
}

export function breadcrumbJsonLd(ctx: PageContext, trail: TrailStep[]): WithContext<BreadcrumbList> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((step, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: step.name,
      item: absolute(ctx, step.path),
    })),
  };
}
