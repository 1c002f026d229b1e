import type { Kysely } from 'kysely';
import { inLang } from '../content/bilingual.js';
import type { PublicationDetail } from '../content/publication-queries.js';
import type { Database } from '../db/schema.js';
import { toImageSources } from '../media/image-sources.js';
import { paths } from '../site/paths.js';
import type { PageContext, PageMeta } from '../site/views/page-context.js';
import { JsonLd } from './json-ld.js';
import { modifiedAt, publishedAt } from './publication-dates.js';
import { ScholarTags } from './scholar-tags.js';
import type { SocialImage } from './social-tags.js';
import { articleJsonLd, breadcrumbJsonLd, publicationTrail, type ArticleOptions } from './structured-data.js';

/** The cover as social sites and search engines should show it: the largest JPEG/PNG variant. */
function coverImage(ctx: PageContext, detail: PublicationDetail): SocialImage | undefined {
  const sources = detail.cover && toImageSources(detail.cover);
  if (!detail.cover || !sources) return undefined;
  return {
    url: ctx.publicUrl + sources.src,
    width: sources.width,
    height: sources.height,
    alt: inLang(detail.cover, 'alt', ctx.lang),
  };
}

/**
 * Whether the other-language version came first. Staff make a translation from an existing
 * publication, so the version with the lower id is the original.
 */
async function translationIsOriginal(db: Kysely<Database>, detail: PublicationDetail): Promise<boolean> {
  const { publication: p, translation } = detail;
  if (!translation) return false;
  const other = await db
    .selectFrom('publications')
    .select('id')
    .where('translation_group', '=', p.translation_group)
    .where('lang', '=', translation.lang)
    .executeTakeFirst();
  return other !== undefined && other.id < p.id;
}

/** Open Graph article facts beyond the generic card: dates, authors' pages, type, topics. */
function ArticleTags({ ctx, detail }: { ctx: PageContext; detail: PublicationDetail }) {
  const { catalog, lang, publicUrl } = ctx;
  const p = detail.publication;
  const type = catalog.typeById.get(p.type_id);
  const authors = detail.authorIds.flatMap((id) => catalog.personById.get(id) ?? []);
  const topics = detail.topicIds.flatMap((id) => catalog.topicById.get(id) ?? []);
  return (
    <>
      <meta property="article:published_time" content={publishedAt(p)} />
      <meta property="article:modified_time" content={modifiedAt(p)} />
      {authors.map((person) => (
        <meta key={person.id} property="article:author" content={publicUrl + paths.expert(lang, person)} />
      ))}
      {type ? <meta property="article:section" content={inLang(type, 'name', lang)} /> : null}
      {topics.map((topic) => (
        <meta key={topic.id} property="article:tag" content={inLang(topic, 'name', lang)} />
      ))}
    </>
  );
}

function PublicationHead({
  ctx,
  detail,
  options,
}: {
  ctx: PageContext;
  detail: PublicationDetail;
  options: ArticleOptions;
}) {
  return (
    <>
      <ArticleTags ctx={ctx} detail={detail} />
      <JsonLd data={articleJsonLd(ctx, detail, options)} />
      <JsonLd data={breadcrumbJsonLd(ctx, publicationTrail(ctx, detail))} />
      <ScholarTags ctx={ctx} detail={detail} />
    </>
  );
}

/**
 * What a publication page adds to its head metadata: the article card with its cover, and
 * the head elements for search engines (Open Graph article tags, JSON-LD, Highwire tags).
 */
export async function publicationDiscovery(
  db: Kysely<Database>,
  ctx: PageContext,
  detail: PublicationDetail,
): Promise<Required<Pick<PageMeta, 'social' | 'head'>>> {
  const image = coverImage(ctx, detail);
  const options = { image, translationIsOriginal: await translationIsOriginal(db, detail) };
  return {
    social: { type: 'article', ...(image ? { image } : {}) },
    head: <PublicationHead ctx={ctx} detail={detail} options={options} />,
  };
}
