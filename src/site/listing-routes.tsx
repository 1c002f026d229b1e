import type { FastifyInstance } from 'fastify';
import type { ComponentChildren, VNode } from 'preact';
import { inLang } from '../content/bilingual.js';
import { findTopicBySlug, topicAncestors, topicWithDescendants } from '../content/catalog.js';
import {
  listPublications,
  yearsWithCounts,
  type ListFilter,
  type Paged,
  type PublicationCard,
} from '../content/publication-queries.js';
import type { Lang } from '../db/schema.js';
import { ExpertHead } from '../discovery/entity-heads.js';
import { feedLinks } from '../feeds/feed-links.js';
import { ExpertMentions } from '../press/media-section-views.js';
import { mentionsOfPerson } from '../press/mention-queries.js';
import { notFound } from './http-errors.js';
import { createPageHandler, type SiteDeps, type View } from './page-handler.js';
import { inBothLanguages, paths, withPage } from './paths.js';
import type { Crumb } from './views/components.js';
import { ArchivePage, ExpertsPage, ListingPage, TopicsIndexPage } from './views/listing-pages.js';
import type { FeedLink, PageContext } from './views/page-context.js';

const PER_PAGE = 12;
/** Latest media mentions shown on an expert's page. */
const EXPERT_MENTIONS = 5;

interface ListingSpec {
  title: string;
  description: string;
  /** The listing's first-page path in a language. */
  pathFor: (lang: Lang) => string;
  listing: Paged<PublicationCard>;
  crumbs: Crumb[];
  intro?: string;
  children?: ComponentChildren;
  /** Feeds of this listing, announced in the head and linked on the page. */
  feeds?: FeedLink[];
  /** Further head elements (structured data). */
  head?: VNode;
}

/** Head metadata and body shared by every paged listing. */
function listingView(ctx: PageContext, spec: ListingSpec): View {
  const page = spec.listing.page;
  const title = page > 1 ? `${spec.title} (${ctx.t('pageN', { n: page })})` : spec.title;
  return {
    meta: {
      title,
      description: spec.description,
      ...inBothLanguages(ctx.lang, (l) => withPage(spec.pathFor(l), page)),
      feeds: spec.feeds,
      head: spec.head,
    },
    body: (
      <ListingPage
        ctx={ctx}
        title={spec.title}
        intro={spec.intro}
        crumbs={spec.crumbs}
        listing={spec.listing}
        basePath={spec.pathFor(ctx.lang)}
        feeds={spec.feeds}
      >
        {spec.children}
      </ListingPage>
    ),
  };
}

/** Listings per type, topic, author and year, and the indexes that lead to them. */
export function registerListingRoutes(app: FastifyInstance, deps: SiteDeps) {
  const page = createPageHandler(deps);

  /** One page of a listing; a page past the end is a 404, not an empty list. */
  const listing = async (ctx: PageContext, filter: Omit<ListFilter, 'lang'>, pageNumber: number) => {
    const result = await listPublications(deps.db.kysely, { ...filter, lang: ctx.lang }, pageNumber, PER_PAGE);
    if (pageNumber > 1 && result.items.length === 0) throw notFound();
    return result;
  };

  app.get(
    '/:lang/types/:slug',
    page(async (ctx, params, _query, pageNumber) => {
      const type = ctx.catalog.typeBySlug.get(params.slug ?? '');
      if (!type) throw notFound();
      const title = inLang(type, 'plural', ctx.lang);
      return listingView(ctx, {
        title,
        description: title,
        pathFor: (l) => paths.type(l, type),
        listing: await listing(ctx, { typeId: type.id }, pageNumber),
        crumbs: [{ label: title }],
        feeds: feedLinks(ctx, { kind: 'type', lang: ctx.lang, type }),
      });
    }),
  );

  app.get(
    '/:lang/topics',
    page(async (ctx) => ({
      meta: {
        title: ctx.t('allTopics'),
        description: ctx.t('allTopics'),
        ...inBothLanguages(ctx.lang, paths.topics),
      },
      body: <TopicsIndexPage ctx={ctx} />,
    })),
  );

  app.get(
    '/:lang/topics/:slug',
    page(async (ctx, params, _query, pageNumber) => {
      const { catalog, lang } = ctx;
      const topic = findTopicBySlug(catalog, lang, params.slug ?? '');
      if (!topic) throw notFound();
      const title = inLang(topic, 'name', lang);
      const children = catalog.topicChildren.get(topic.id) ?? [];
      return listingView(ctx, {
        title,
        description: inLang(topic, 'description', lang),
        intro: inLang(topic, 'description', lang),
        pathFor: (l) => paths.topic(l, topic),
        listing: await listing(ctx, { topicIds: topicWithDescendants(catalog, topic.id) }, pageNumber),
        feeds: feedLinks(ctx, { kind: 'topic', lang, topic }),
        crumbs: [
          { label: ctx.t('topics'), href: paths.topics(lang) },
          ...topicAncestors(catalog, topic).map((a) => ({
            label: inLang(a, 'name', lang),
            href: paths.topic(lang, a),
          })),
          { label: title },
        ],
        children:
          children.length > 0 ? (
            <ul class="tags">
              {children.map((c) => (
                <li key={c.id}>
                  <a href={paths.topic(lang, c)}>{inLang(c, 'name', lang)}</a>
                </li>
              ))}
            </ul>
          ) : null,
      });
    }),
  );

  app.get(
    '/:lang/experts',
    page(async (ctx) => ({
      meta: {
        title: ctx.t('experts'),
        description: ctx.t('expertsIntro'),
        ...inBothLanguages(ctx.lang, paths.experts),
      },
      body: <ExpertsPage ctx={ctx} />,
    })),
  );

  app.get(
    '/:lang/experts/:slug',
    page(async (ctx, params, _query, pageNumber) => {
      const person = ctx.catalog.personBySlug.get(params.slug ?? '');
      if (!person) throw notFound();
      const name = inLang(person, 'name', ctx.lang);
      const role = inLang(person, 'role', ctx.lang);
      const bio = inLang(person, 'bio', ctx.lang);
      const mentions = await mentionsOfPerson(deps.db.kysely, person.id, EXPERT_MENTIONS);
      return listingView(ctx, {
        title: name,
        description: `${role}. ${bio}`.slice(0, 300),
        intro: role,
        pathFor: (l) => paths.expert(l, person),
        listing: await listing(ctx, { personId: person.id }, pageNumber),
        feeds: feedLinks(ctx, { kind: 'author', lang: ctx.lang, person }),
        crumbs: [{ label: ctx.t('experts'), href: paths.experts(ctx.lang) }, { label: name }],
        head: <ExpertHead ctx={ctx} person={person} />,
        children: (
          <>
            <p class="bio">{bio}</p>
            <ExpertMentions ctx={ctx} mentions={mentions} />
            <h2>{ctx.t('publicationsBy', { name })}</h2>
          </>
        ),
      });
    }),
  );

  app.get(
    '/:lang/archive',
    page(async (ctx) => ({
      meta: {
        title: ctx.t('archive'),
        description: ctx.t('archiveIntro'),
        ...inBothLanguages(ctx.lang, paths.archive),
      },
      body: <ArchivePage ctx={ctx} years={await yearsWithCounts(deps.db.kysely, ctx.lang)} />,
    })),
  );

  app.get(
    '/:lang/archive/:year',
    page(async (ctx, params, _query, pageNumber) => {
      const raw = params.year ?? '';
      if (!/^\d{4}$/.test(raw)) throw notFound();
      const year = Number(raw);
      const result = await listing(ctx, { year }, pageNumber);
      if (result.total === 0) throw notFound();
      const title = ctx.t('yearTitle', { year });
      return listingView(ctx, {
        title,
        description: title,
        pathFor: (l) => paths.year(l, year),
        listing: result,
        crumbs: [{ label: ctx.t('archive'), href: paths.archive(ctx.lang) }, { label: String(year) }],
      });
    }),
  );
}
