import type { Lang, Page } from '../../db/schema.js';
import type { FieldProblems } from '../../editorial/editorial-errors.js';
import { field, type FormBody } from '../../editorial/form-body.js';
import type { AdminContext } from '../admin-context.js';
import { languageName } from '../i18n/index.js';
import { CsrfField, ErrorSummary, LanguageField, RichTextField, TextField } from './fields.js';
import { DeleteBox, SLUG_MAX } from './structure-table.js';

export const PAGE_TITLE_MAX = 300;

export interface PageFormProps {
  ctx: AdminContext;
  values: FormBody;
  problems?: FieldProblems | undefined;
  /** Set when editing: the form posts to the page and its language is fixed. */
  page?: Page | undefined;
  /** The page this one translates, when creating a translation. */
  source?: Page | undefined;
  editorScript: string;
}

/** Title, address, language and the rich-text body (the same editor as publications). */
export function PageForm(props: PageFormProps) {
  const { ctx, values, problems, page, source } = props;
  const { t } = ctx;
  const v = (name: string) => field(values, name);
  const fixedLang = page?.lang ?? (source ? (source.lang === 'he' ? 'en' : 'he') : undefined);
  const contentLang: Lang = fixedLang ?? (v('lang') === 'he' ? 'he' : 'en');
  const dir = contentLang === 'he' ? 'rtl' : 'ltr';
  return (
    <form method="post" action={page ? `/admin/pages/${page.id}` : '/admin/pages'} class="page-form">
      <ErrorSummary ctx={ctx} problems={problems} />
      <CsrfField ctx={ctx} />
      {source ? <input type="hidden" name="translation_of" value={String(source.id)} /> : null}
      <LanguageField ctx={ctx} value={v('lang')} problems={problems} fixed={fixedLang} />
      <TextField
        ctx={ctx}
        name="title"
        label={t('pageTitle')}
        value={v('title')}
        problems={problems}
        required
        maxLength={PAGE_TITLE_MAX}
        dir={dir}
      />
      <TextField
        ctx={ctx}
        name="slug"
        label={t('fieldSlug')}
        value={v('slug')}
        problems={problems}
        help={t('fieldSlugHelp')}
        maxLength={SLUG_MAX}
        dir={dir}
      />
      <RichTextField
        ctx={ctx}
        name="body_json"
        lang={contentLang}
        value={v('body_json')}
        problems={problems}
        editorScript={props.editorScript}
      />
      <button type="submit" class="primary">
        {t('save')}
      </button>
    </form>
  );
}

/** Beside an existing page: where it is on the site, its translation, and deleting it. */
export function PagePanel({
  ctx,
  page,
  translation,
}: {
  ctx: AdminContext;
  page: Page;
  translation: Page | undefined;
}) {
  const { t } = ctx;
  const other: Lang = page.lang === 'he' ? 'en' : 'he';
  return (
    <aside class="edit-panel">
      <ul>
        <li>
          <a href={`/${page.lang}/${encodeURIComponent(page.slug)}`}>{t('viewOnSite')}</a>
        </li>
        <li>
          {translation ? (
            <a href={`/admin/pages/${translation.id}`}>{t('openTranslation', { lang: languageName(ctx.t, other) })}</a>
          ) : (
            <a href={`/admin/pages/new?translation_of=${page.id}`}>
              {t('addTranslation', { lang: languageName(ctx.t, other) })}
            </a>
          )}
        </li>
      </ul>
      <DeleteBox ctx={ctx} action={`/admin/pages/${page.id}/delete`} />
    </aside>
  );
}

export function PageList({ ctx, pages }: { ctx: AdminContext; pages: Page[] }) {
  const { t } = ctx;
  const byGroup = new Map<string, Page[]>();
  for (const p of pages) byGroup.set(p.translation_group, [...(byGroup.get(p.translation_group) ?? []), p]);
  return (
    <>
      <p class="actions">
        <a class="button primary" href="/admin/pages/new">
          {t('newPage')}
        </a>
      </p>
      {pages.length === 0 ? (
        <p>{t('noItems')}</p>
      ) : (
        <table class="admin-table">
          <thead>
            <tr>
              <th scope="col">{t('colTitle')}</th>
              <th scope="col">{t('colLanguage')}</th>
              <th scope="col">{t('colSlug')}</th>
              <th scope="col">{t('colTranslation')}</th>
            </tr>
          </thead>
          <tbody>
            {pages.map((p) => {
              const translation = byGroup.get(p.translation_group)?.find((o) => o.id !== p.id);
              return (
                <tr key={p.id}>
                  <td>
                    <a href={`/admin/pages/${p.id}`} lang={p.lang} dir="auto">
                      {p.title || `#${p.id}`}
                    </a>
                  </td>
                  <td>{languageName(ctx.t, p.lang)}</td>
                  <td dir="auto">
                    <a href={`/${p.lang}/${encodeURIComponent(p.slug)}`}>{p.slug}</a>
                  </td>
                  <td>
                    {translation ? (
                      <a href={`/admin/pages/${translation.id}`} lang={translation.lang} dir="auto">
                        {translation.title || `#${translation.id}`}
                      </a>
                    ) : (
                      t('no')
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}
