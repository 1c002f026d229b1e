import type { FieldProblems } from '../../editorial/editorial-errors.js';
import type { AdminContext } from '../admin-context.js';
import type { Lang } from '../../db/schema.js';
import { languageName, problemMessage, type AdminMessageKey } from '../i18n/index.js';

interface Common {
  ctx: AdminContext;
  name: string;
  label: string;
  problems?: FieldProblems | undefined;
  help?: string | undefined;
  required?: boolean;
}

function describedBy(name: string, problems: FieldProblems | undefined, help: string | undefined) {
  const ids = [help ? `${name}-help` : '', problems?.[name]?.length ? `${name}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Messages({ ctx, name, problems, help }: Pick<Common, 'ctx' | 'name' | 'problems' | 'help'>) {
  const mine = problems?.[name] ?? [];
  return (
    <>
      {help ? (
        <p id={`${name}-help`} class="help">
          {help}
        </p>
      ) : null}
      {mine.length ? (
        <ul id={`${name}-error`} class="field-error">
          {mine.map((p, i) => (
            <li key={i}>{problemMessage(p, ctx.lang)}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

function a11y(name: string, problems: FieldProblems | undefined, help: string | undefined) {
  return {
    id: name,
    name,
    'aria-invalid': problems?.[name]?.length ? ('true' as const) : undefined,
    'aria-describedby': describedBy(name, problems, help),
  };
}

export function TextField(
  props: Common & {
    value: string;
    type?: 'text' | 'email' | 'password' | 'number' | 'search' | 'url' | 'datetime-local';
    maxLength?: number;
    dir?: 'auto' | 'ltr' | 'rtl';
    autocomplete?: string;
  },
) {
  const { ctx, name, label, problems, help } = props;
  return (
    <div class="field">
      <label for={name}>{label}</label>
      <input
        {...a11y(name, problems, help)}
        type={(props.type ?? 'text') as 'text'}
        value={props.value}
        maxLength={props.maxLength}
        required={props.required}
        dir={props.dir}
        autocomplete={props.autocomplete}
      />
      <Messages ctx={ctx} name={name} problems={problems} help={help} />
    </div>
  );
}

export function TextArea(
  props: Common & { value: string; rows?: number; maxLength?: number; dir?: 'auto' | 'ltr' | 'rtl' },
) {
  const { ctx, name, label, problems, help } = props;
  return (
    <div class="field">
      <label for={name}>{label}</label>
      <textarea
        {...a11y(name, problems, help)}
        rows={props.rows ?? 4}
        maxLength={props.maxLength}
        required={props.required}
        dir={props.dir}
      >
        {props.value}
      </textarea>
      <Messages ctx={ctx} name={name} problems={problems} help={help} />
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField(props: Common & { value: string; options: Option[]; emptyLabel?: string }) {
  const { ctx, name, label, problems, help } = props;
  return (
    <div class="field">
      <label for={name}>{label}</label>
      <select {...a11y(name, problems, help)} required={props.required}>
        {props.emptyLabel !== undefined ? <option value="">{props.emptyLabel}</option> : null}
        {props.options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Messages ctx={ctx} name={name} problems={problems} help={help} />
    </div>
  );
}

export function CheckboxField(props: Common & { checked: boolean; value?: string }) {
  const { ctx, name, label, problems, help } = props;
  return (
    <div class="field checkbox">
      <input {...a11y(name, problems, help)} type="checkbox" value={props.value ?? '1'} checked={props.checked} />
      <label for={name}>{label}</label>
      <Messages ctx={ctx} name={name} problems={problems} help={help} />
    </div>
  );
}

/** The banner at the top of a refused form: how many problems, each linked to its field. */
export function ErrorSummary({ ctx, problems }: { ctx: AdminContext; problems: FieldProblems | undefined }) {
  const names = Object.keys(problems ?? {});
  if (!problems || names.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1}>
      <p>{ctx.t('formHasErrors', { count: names.length })}</p>
      <ul>
        {names.map((name) =>
          (problems[name] ?? []).map((p, i) => (
            <li key={`${name}-${i}`}>
              <a href={`#${name}`}>{problemMessage(p, ctx.lang)}</a>
            </li>
          )),
        )}
      </ul>
    </div>
  );
}

export function CsrfField({ ctx }: { ctx: AdminContext }) {
  return <input type="hidden" name="_csrf" value={ctx.csrf} />;
}

/** A message that is not tied to one field (conflict, permission). */
export function Alert({ text }: { text: string | undefined }) {
  return text ? (
    <p class="alert" role="alert">
      {text}
    </p>
  ) : null;
}

/** The content language: a choice on new items, fixed (hidden) once chosen. */
export function LanguageField({
  ctx,
  value,
  problems,
  fixed,
}: {
  ctx: AdminContext;
  value: string;
  problems: FieldProblems | undefined;
  fixed: Lang | undefined;
}) {
  if (fixed) return <input type="hidden" name="lang" value={fixed} />;
  return (
    <SelectField
      ctx={ctx}
      name="lang"
      label={ctx.t('fieldLanguage')}
      value={value || 'en'}
      problems={problems}
      options={(['en', 'he'] as const).map((lang) => ({ value: lang, label: languageName(ctx.t, lang) }))}
    />
  );
}

/**
 * A rich-text body: the JSON textarea the editor island mounts on. Without JavaScript the
 * textarea stays, so nothing typed is lost.
 */
export function RichTextField(props: {
  ctx: AdminContext;
  name: string;
  lang: Lang;
  value: string;
  problems: FieldProblems | undefined;
  editorScript: string;
}) {
  const { ctx, name } = props;
  return (
    <div class="rich-editor" data-rich-editor data-lang={props.lang} data-media-url="/admin/api/media?kind=image">
      <link rel="stylesheet" href={props.editorScript.replace(/\.js$/, '.css')} />
      <TextArea
        ctx={ctx}
        name={name}
        label={ctx.t('fieldBody')}
        value={props.value}
        problems={props.problems}
        rows={16}
        dir="ltr"
      />
      <script type="module" src={props.editorScript} />
    </div>
  );
}

/** The 6-digit code of an authenticator app. */
export function CodeField({ ctx, error }: { ctx: AdminContext; error?: string | undefined }) {
  return (
    <div class="field">
      <label for="code">{ctx.t('code')}</label>
      <input
        id="code"
        name="code"
        inputMode="numeric"
        autocomplete="one-time-code"
        pattern="[0-9 ]*"
        maxLength={8}
        required
        dir="ltr"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? 'code-error' : undefined}
      />
      {error ? (
        <ul id="code-error" class="field-error">
          <li>{error}</li>
        </ul>
      ) : null}
    </div>
  );
}

/** Previous / "page N of M" / next, for lists; `href` builds a page's address. */
export function Pagination({
  ctx,
  page,
  pages,
  href,
}: {
  ctx: AdminContext;
  page: number;
  pages: number;
  href: (page: number) => string;
}) {
  if (pages <= 1) return null;
  const { t } = ctx;
  return (
    <nav class="pagination" aria-label={t('pageOf', { page, pages })}>
      {page > 1 ? <a href={href(page - 1)}>{t('previous')}</a> : null} <span>{t('pageOf', { page, pages })}</span>{' '}
      {page < pages ? <a href={href(page + 1)}>{t('next')}</a> : null}
    </nav>
  );
}

/** The status filter of a list page: "any" or one of `statuses`, named by `labels`. */
export function StatusFilter<S extends string>(props: {
  ctx: AdminContext;
  statuses: readonly S[];
  labels: Record<S, AdminMessageKey>;
  selected: S | undefined;
}) {
  const { t } = props.ctx;
  return (
    <div class="field">
      <label for="f-status">{t('filterStatus')}</label>
      <select id="f-status" name="status">
        <option value="">{t('any')}</option>
        {props.statuses.map((status) => (
          <option key={status} value={status} selected={status === props.selected}>
            {t(props.labels[status])}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A work's title and its address slug (proposed from the title when left empty). */
export function TitleSlugFields(props: {
  ctx: AdminContext;
  values: { title: string; slug: string };
  problems: FieldProblems | undefined;
  titleMax: number;
  dir: 'ltr' | 'rtl';
}) {
  const { ctx, values, problems, dir } = props;
  return (
    <>
      <TextField
        ctx={ctx}
        name="title"
        label={ctx.t('fieldTitle')}
        value={values.title}
        problems={problems}
        required
        maxLength={props.titleMax}
        dir={dir}
      />
      <TextField
        ctx={ctx}
        name="slug"
        label={ctx.t('fieldSlug')}
        value={values.slug}
        problems={problems}
        help={ctx.t('fieldSlugHelp')}
        maxLength={80}
        dir={dir}
      />
    </>
  );
}
