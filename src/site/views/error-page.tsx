import type { Translate } from '../i18n/index.js';
import { paths } from '../paths.js';
import type { PageContext } from './page-context.js';

/** The heading of the error page for a status. */
export function errorTitle(t: Translate, status: number): string {
  return status === 404 ? t('notFoundTitle') : status >= 500 ? t('errorTitle') : t('badRequestTitle');
}

export function ErrorPage({ ctx, status, reason }: { ctx: PageContext; status: number; reason?: string }) {
  const { t, lang } = ctx;
  const title = errorTitle(t, status);
  const text = status === 404 ? t('notFoundText') : status >= 500 ? t('errorText') : (reason ?? '');
  return (
    <section class="error-page" aria-labelledby="error-title">
      <h1 id="error-title">{title}</h1>
      <p>{text}</p>
      <form role="search" action={paths.search(lang)} method="get" class="inline-search">
        <label for="error-q">{t('searchLabel')}</label>
        <input id="error-q" name="q" type="search" maxLength={500} />
        <button type="submit">{t('searchButton')}</button>
      </form>
      <p>
        <a href={paths.home(lang)}>{t('goHome')}</a>
      </p>
    </section>
  );
}
