import type { ComponentChildren } from 'preact';
import { dirOf, otherLang } from '../i18n/index.js';
import { paths } from '../paths.js';
import type { PageContext, PageMeta } from './page-context.js';
import { inLang } from '../../content/bilingual.js';
import { SocialTags } from '../../discovery/social-tags.js';
import { NewsletterBox } from '../../newsletter/signup-form.js';

function menuHref(ctx: PageContext, target: string): string {
  return /^https?:\/\//.test(target) ? target : `/${ctx.lang}${target}`;
}

function Header({ ctx, meta }: { ctx: PageContext; meta: PageMeta }) {
  const { t, lang, catalog } = ctx;
  const other = otherLang(lang);
  const switchTo = meta.alternates[other] ?? paths.home(other);
  return (
    <header id="header" class="site-header">
      <div class="header-top">
        <a class="brand" href={paths.home(lang)}>
          <span class="brand-name">{catalog.settings.instituteName[lang]}</span>
          <span class="brand-tagline">{catalog.settings.tagline[lang]}</span>
        </a>
        <a class="lang-switch" href={switchTo} lang={other} hreflang={other}>
          {t('otherLanguage')}
        </a>
      </div>
      <nav class="main-nav" aria-label={t('mainNav')}>
        <ul>
          {(catalog.menus.get('main') ?? []).map((item) => (
            <li key={item.id}>
              <a href={menuHref(ctx, item.target)}>{inLang(item, 'label', lang)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <form id="search" class="header-search" role="search" action={paths.search(lang)} method="get">
        <label for="header-q" class="visually-hidden">
          {t('searchLabel')}
        </label>
        <input id="header-q" name="q" type="search" placeholder={t('searchPlaceholder')} maxLength={500} />
        <button type="submit">{t('searchButton')}</button>
      </form>
    </header>
  );
}

function Footer({ ctx }: { ctx: PageContext }) {
  const { t, lang, catalog } = ctx;
  const s = catalog.settings;
  return (
    <footer id="footer" class="site-footer">
      <div class="footer-contact">
        <h2>{s.instituteName[lang]}</h2>
        <address>
          <p>
            <span class="label">{t('address')}: </span>
            {s.address[lang]}
          </p>
          <p>
            <span class="label">{t('email')}: </span>
            <a href={`mailto:${s.email}`}>{s.email}</a>
          </p>
          <p>
            <span class="label">{t('phone')}: </span>
            <a href={`tel:${s.phone.replace(/[^+\d]/g, '')}`} dir="ltr">
              {s.phone}
            </a>
          </p>
        </address>
      </div>
      <nav aria-label={t('footerNav')}>
        <ul>
          {(catalog.menus.get('footer') ?? []).map((item) => (
            <li key={item.id}>
              <a href={menuHref(ctx, item.target)}>{inLang(item, 'label', lang)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <p class="rights">{t('rights', { year: new Date().getFullYear(), name: s.instituteName[lang] })}</p>
    </footer>
  );
}

/** The whole HTML document around a page's main content. */
export function Layout({ ctx, meta, children }: { ctx: PageContext; meta: PageMeta; children: ComponentChildren }) {
  const { lang, t, publicUrl, catalog } = ctx;
  const siteName = catalog.settings.instituteName[lang];
  return (
    <html lang={lang} dir={dirOf(lang)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{meta.title === siteName ? siteName : `${meta.title} | ${siteName}`}</title>
        <meta name="description" content={meta.description} />
        {meta.noindex ? <meta name="robots" content="noindex" /> : null}
        <link rel="canonical" href={publicUrl + meta.path} />
        {Object.entries(meta.alternates).map(([l, p]) => (
          <link key={l} rel="alternate" hreflang={l} href={publicUrl + p} />
        ))}
        {meta.alternates.en ? (
          <link rel="alternate" hreflang="x-default" href={publicUrl + meta.alternates.en} />
        ) : null}
        {(meta.feeds ?? []).map((feed) => (
          <link key={feed.href} rel="alternate" type={feed.type} title={feed.title} href={publicUrl + feed.href} />
        ))}
        <SocialTags ctx={ctx} meta={meta} />
        {meta.head ?? null}
        <link rel="stylesheet" href={ctx.stylesheet} />
      </head>
      <body>
        <ul class="skip-links">
          <li>
            <a href="#main">{t('skipToContent')}</a>
          </li>
          <li>
            <a href="#header-q">{t('skipToSearch')}</a>
          </li>
          <li>
            <a href="#footer">{t('skipToFooter')}</a>
          </li>
        </ul>
        <Header ctx={ctx} meta={meta} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        {meta.noNewsletterBox ? null : <NewsletterBox ctx={ctx} />}
        <Footer ctx={ctx} />
        <script src={ctx.scripts.newsletter} defer />
      </body>
    </html>
  );
}
