import type { FieldProblems } from '../../editorial/editorial-errors.js';
import { field, type FormBody } from '../../editorial/form-body.js';
import type { AdminContext } from '../admin-context.js';
import type { AdminMessageKey } from '../i18n/index.js';
import {
  Alert,
  CheckboxField,
  CsrfField,
  ErrorSummary,
  SelectField,
  TextArea,
  TextField,
  type Option,
} from './fields.js';

/*
 * Views for the "simple table" structure editors (people, topics, publication types, menu
 * items): one field description drives the form, the parsing (in admin/structure) and the
 * values shown back after a refused save.
 */

type Dir = 'ltr' | 'rtl';

interface FieldBase {
  /** The form field and the table column. */
  name: string;
  label: AdminMessageKey;
  help?: AdminMessageKey;
}

export type StructureField = FieldBase &
  (
    | { kind: 'text'; max: number; required?: boolean; dir?: Dir; type?: 'email' }
    | { kind: 'textarea'; max: number; required?: boolean; dir?: Dir; rows?: number }
    /** Empty means "make one from `from`"; latin slugs are a–z, 0–9 and hyphens, hebrew ones also allow Hebrew letters. */
    | { kind: 'slug'; script: 'latin' | 'hebrew'; from: string }
    /** A display position; empty means "after the last". */
    | { kind: 'position' }
    | { kind: 'bool' }
    /** One of the options given to the form (`choices[name]`); `empty` allows none. */
    | { kind: 'choice'; numeric: boolean; empty?: AdminMessageKey }
    /** A menu link: a site path or an https:// address. */
    | { kind: 'target' }
  );

/** Fields in form order; a pair is an English/Hebrew couple shown side by side. */
export type StructureLayout = (StructureField | [StructureField, StructureField])[];

export const SLUG_MAX = 80;

export function layoutFields(layout: StructureLayout): StructureField[] {
  return layout.flatMap((f) => (Array.isArray(f) ? f : [f]));
}

function dirOf(f: StructureField): Dir | undefined {
  if ('dir' in f && f.dir) return f.dir;
  if (f.kind === 'slug') return f.script === 'hebrew' ? 'rtl' : 'ltr';
  if (f.kind === 'target') return 'ltr';
  return f.name.endsWith('_he') ? 'rtl' : f.name.endsWith('_en') ? 'ltr' : undefined;
}

function Field(props: {
  ctx: AdminContext;
  f: StructureField;
  values: FormBody;
  problems: FieldProblems | undefined;
  choices: Record<string, Option[]>;
}) {
  const { ctx, f, values, problems } = props;
  const { t } = ctx;
  const common = {
    ctx,
    name: f.name,
    label: t(f.label),
    problems,
    help: f.help ? t(f.help) : undefined,
  };
  const value = field(values, f.name);
  const dir = dirOf(f);
  switch (f.kind) {
    case 'text':
      return <TextField {...common} value={value} type={f.type} maxLength={f.max} required={f.required} dir={dir} />;
    case 'textarea':
      return (
        <TextArea {...common} value={value} rows={f.rows ?? 6} maxLength={f.max} required={f.required} dir={dir} />
      );
    case 'slug':
      return <TextField {...common} value={value} maxLength={SLUG_MAX} dir={dir} />;
    case 'position':
      return <TextField {...common} value={value} type="number" help={t('positionHelp')} />;
    case 'bool':
      return <CheckboxField {...common} checked={value === '1'} />;
    case 'choice':
      return (
        <SelectField
          {...common}
          value={value}
          options={props.choices[f.name] ?? []}
          emptyLabel={f.empty ? t(f.empty) : undefined}
          required={!f.empty}
        />
      );
    case 'target':
      return <TextField {...common} value={value} maxLength={2048} required dir={dir} />;
  }
}

export interface StructureFormProps {
  ctx: AdminContext;
  action: string;
  layout: StructureLayout;
  values: FormBody;
  problems?: FieldProblems | undefined;
  choices: Record<string, Option[]>;
}

export function StructureForm({ ctx, action, layout, values, problems, choices }: StructureFormProps) {
  return (
    <form method="post" action={action} class="structure-form">
      <ErrorSummary ctx={ctx} problems={problems} />
      <CsrfField ctx={ctx} />
      {layout.map((item) =>
        Array.isArray(item) ? (
          <div class="field-row bilingual" key={item[0].name}>
            {item.map((f) => (
              <Field key={f.name} ctx={ctx} f={f} values={values} problems={problems} choices={choices} />
            ))}
          </div>
        ) : (
          <Field key={item.name} ctx={ctx} f={item} values={values} problems={problems} choices={choices} />
        ),
      )}
      <button type="submit" class="primary">
        {ctx.t('save')}
      </button>
    </form>
  );
}

/** The confirm-to-delete box under an edit form. */
export function DeleteBox({ ctx, action }: { ctx: AdminContext; action: string }) {
  return (
    <details class="danger">
      <summary>{ctx.t('deleteItem')}</summary>
      <form method="post" action={action}>
        <CsrfField ctx={ctx} />
        <button type="submit" class="danger">
          {ctx.t('confirmDelete')}
        </button>
      </form>
    </details>
  );
}

export interface ListColumn<R> {
  label: AdminMessageKey;
  /** Text of the cell; the first column links to the item's edit page. */
  cell: (row: R) => string;
  dir?: 'auto' | 'ltr' | 'rtl';
}

export function StructureList<R extends { id: number }>(props: {
  ctx: AdminContext;
  basePath: string;
  newLabel: AdminMessageKey;
  rows: R[];
  columns: ListColumn<R>[];
  alert?: string | undefined;
}) {
  const { ctx, basePath, rows, columns } = props;
  const { t } = ctx;
  return (
    <>
      <Alert text={props.alert} />
      <p class="actions">
        <a class="button primary" href={`${basePath}/new`}>
          {t(props.newLabel)}
        </a>
      </p>
      {rows.length === 0 ? (
        <p>{t('noItems')}</p>
      ) : (
        <table class="admin-table">
          <thead>
            <tr>
              {columns.map((c) => (
                <th scope="col" key={c.label}>
                  {t(c.label)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                {columns.map((c, i) => (
                  <td key={c.label} dir={c.dir ?? 'auto'}>
                    {i === 0 ? <a href={`${basePath}/${row.id}`}>{c.cell(row) || `#${row.id}`}</a> : c.cell(row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
