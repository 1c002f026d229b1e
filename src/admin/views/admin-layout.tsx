import type { ComponentChildren } from 'preact';
import { can, type Action } from '../../auth/policy.js';
import type { Role } from '../../db/schema.js';
import { dirOf } from '../../site/i18n/index.js';
import type { AdminContext } from '../admin-context.js';
import type { AdminMessageKey } from '../i18n/index.js';

export const ROLE_LABEL: Record<Role, AdminMessageKey> = {
  admin: 'roleAdmin',
  editor: 'roleEditor',
  author: 'roleAuthor',
  contributor: 'roleContributor',
};

const NAV: [string, AdminMessageKey, Action][] = [
  ['/admin/publications', 'navPublications', 'admin.enter'],
  ['/admin/media', 'navMedia', 'admin.enter'],
  ['/admin/people', 'navPeople', 'structure.manage'],
  ['/admin/topics', 'navTopics', 'structure.manage'],
  ['/admin/types', 'navTypes', 'structure.manage'],
  ['/admin/pages', 'navPages', 'structure.manage'],
  ['/admin/menus', 'navMenus', 'structure.manage'],
  ['/admin/events', 'navEvents', 'events.manage'],
  ['/admin/podcast', 'navPodcast', 'podcast.manage'],
  ['/admin/newsletter', 'navNewsletter', 'newsletter.send'],
  ['/admin/subscribers', 'navSubscribers', 'subscribers.view'],
  ['/admin/press', 'navPress', 'press.manage'],
  ['/admin/settings', 'navSettings', 'settings.manage'],
  ['/admin/users', 'navUsers', 'users.manage'],
  ['/admin/audit', 'navAudit', 'audit.view'],
  ['/admin/account', 'navAccount', 'admin.enter'],
];

function Header({ ctx }: { ctx: AdminContext }) {
  const { t, user } = ctx;
  return (
    <header class="admin-header">
      <a class="admin-brand" href="/admin">
        {t('adminTitle')}
      </a>
      {user ? (
        <nav aria-label={t('adminNav')}>
          <ul>
            {NAV.filter(([, , action]) => can(user, action)).map(([href, key]) => (
              <li key={href}>
                <a href={href} aria-current={ctx.path.startsWith(href) ? 'page' : undefined}>
                  {t(key)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <div class="admin-user">
        <a href={`/${ctx.lang}/`}>{t('viewSite')}</a>
        <form method="post" action="/admin/language">
          <input type="hidden" name="_csrf" value={ctx.csrf} />
          <input type="hidden" name="lang" value={ctx.lang === 'he' ? 'en' : 'he'} />
          <input type="hidden" name="back" value={ctx.path} />
          <button type="submit" class="link-button" lang={ctx.lang === 'he' ? 'en' : 'he'}>
            {t('switchLanguage')}
          </button>
        </form>
        {user ? (
          <form method="post" action="/admin/sign-out">
            <input type="hidden" name="_csrf" value={ctx.csrf} />
            <span class="who">{t('signedInAs', { email: user.email, role: t(ROLE_LABEL[user.role]) })}</span>{' '}
            <button type="submit" class="link-button">
              {t('signOut')}
            </button>
          </form>
        ) : null}
      </div>
    </header>
  );
}

export function AdminLayout({
  ctx,
  title,
  children,
}: {
  ctx: AdminContext;
  title: string;
  children: ComponentChildren;
}) {
  return (
    <html lang={ctx.lang} dir={dirOf(ctx.lang)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`${title} · ${ctx.t('adminTitle')}`}</title>
        <link rel="stylesheet" href={ctx.stylesheet} />
      </head>
      <body class="admin">
        <a class="skip-link" href="#main">
          {ctx.t('skipToContent')}
        </a>
        <Header ctx={ctx} />
        <main id="main" tabIndex={-1}>
          <h1>{title}</h1>
          {ctx.notice ? (
            <p class="notice" role="status">
              {ctx.notice}
            </p>
          ) : null}
          {children}
        </main>
      </body>
    </html>
  );
}
