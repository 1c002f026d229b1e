import { LANGUAGES, type Lang } from '../db/schema.js';
import type { PageContext, PageMeta } from '../site/views/page-context.js';

/** What a page tells social sites beyond its title and description. */
export interface SocialCard {
  /** Open Graph type; pages that give no card are a 'website'. */
  type: 'website' | 'article';
  image?: SocialImage;
}

export interface SocialImage {
  /** Absolute URL. */
  url: string;
  width: number;
  height: number;
  /** Text alternative in the page's language; '' when the library has none. */
  alt: string;
}

/** Open Graph wants a territory with the language; the institute writes British English. */
const OG_LOCALES: Record<Lang, string> = { en: 'en_GB', he: 'he_IL' };

/**
 * Open Graph and Twitter card tags of any page. Twitter reads og:title, og:description and
 * og:image itself, so only its card size (and the image's alt, which it does not take
 * from Open Graph) are given twice.
 */
export function SocialTags({ ctx, meta }: { ctx: PageContext; meta: PageMeta }) {
  const card = meta.social ?? { type: 'website' };
  const image = card.image;
  const otherLocales = LANGUAGES.filter((l) => l !== ctx.lang && meta.alternates[l]).map((l) => OG_LOCALES[l]);
  return (
    <>
      <meta property="og:type" content={card.type} />
      <meta property="og:title" content={meta.title} />
      <meta property="og:description" content={meta.description} />
      <meta property="og:url" content={ctx.publicUrl + meta.path} />
      <meta property="og:site_name" content={ctx.catalog.settings.instituteName[ctx.lang]} />
      <meta property="og:locale" content={OG_LOCALES[ctx.lang]} />
      {otherLocales.map((locale) => (
        <meta key={locale} property="og:locale:alternate" content={locale} />
      ))}
      {image ? (
        <>
          <meta property="og:image" content={image.url} />
          <meta property="og:image:width" content={String(image.width)} />
          <meta property="og:image:height" content={String(image.height)} />
          {image.alt ? <meta property="og:image:alt" content={image.alt} /> : null}
          {image.alt ? <meta name="twitter:image:alt" content={image.alt} /> : null}
        </>
      ) : null}
      <meta name="twitter:card" content={image ? 'summary_large_image' : 'summary'} />
    </>
  );
}
