import { inLang } from '../../content/bilingual.js';
import { ROLES, type Lang, type Role } from '../../db/schema.js';
import type { FieldProblems } from '../../editorial/editorial-errors.js';
import { field, type FormBody } from '../../editorial/form-body.js';
import type { AdminContext } from '../admin-context.js';
import { languageName, type AdminMessageKey } from '../i18n/index.js';
import { Alert, CheckboxField, CodeField, CsrfField, ErrorSummary, SelectField, TextField } from './fields.js';

export const ROLE_LABEL: Record<Role, AdminMessageKey> = {
  admin: 'roleAdmin',
  editor: 'roleEditor',
  author: 'roleAuthor',
  contributor: 'roleContributor',
};

export interface UserRow {
  id: number;
  email: string;
  name: string;
  role: Role;
  disabled: number;
  totp_enabled: boolean;
}

export function UserList({ ctx, users }: { ctx: AdminContext; users: UserRow[] }) {
  const { t } = ctx;
  return (
    <>
      <p class="actions">
        <a class="button primary" href="/admin/users/new">
          {t('newUser')}
        </a>
      </p>
      <table class="admin-table">
        <thead>
          <tr>
            <th scope="col">{t('colEmail')}</th>
            <th scope="col">{t('colName')}</th>
            <th scope="col">{t('colRole')}</th>
            <th scope="col">{t('colDisabled')}</th>
            <th scope="col">{t('colTwoFactor')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td dir="ltr">
                <a href={`/admin/users/${u.id}`}>{u.email}</a>
              </td>
              <td dir="auto">{u.name}</td>
              <td>{t(ROLE_LABEL[u.role])}</td>
              <td>{u.disabled ? t('yes') : t('no')}</td>
              <td>{u.totp_enabled ? t('yes') : t('no')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** New user (email editable, password made by the server) or an existing one (name, role, disabled, profile). */
export function UserForm(props: {
  ctx: AdminContext;
  values: FormBody;
  problems?: FieldProblems | undefined;
  /** Set when editing. */
  userId?: number | undefined;
}) {
  const { ctx, values, problems, userId } = props;
  const { t, catalog, lang } = ctx;
  const v = (name: string) => field(values, name);
  return (
    <form method="post" action={userId ? `/admin/users/${userId}` : '/admin/users'} class="narrow-form">
      <ErrorSummary ctx={ctx} problems={problems} />
      <CsrfField ctx={ctx} />
      {userId ? (
        <p>
          {t('email')}: <span dir="ltr">{v('email')}</span>
        </p>
      ) : (
        <TextField
          ctx={ctx}
          name="email"
          label={t('email')}
          value={v('email')}
          type="email"
          required
          maxLength={254}
          problems={problems}
          dir="ltr"
          autocomplete="off"
        />
      )}
      <TextField
        ctx={ctx}
        name="name"
        label={t('fieldName')}
        value={v('name')}
        required
        maxLength={120}
        problems={problems}
        dir="auto"
      />
      <SelectField
        ctx={ctx}
        name="role"
        label={t('fieldRole')}
        value={v('role') || 'author'}
        problems={problems}
        options={ROLES.map((r) => ({ value: r, label: t(ROLE_LABEL[r]) }))}
      />
      <SelectField
        ctx={ctx}
        name="person_id"
        label={t('fieldPerson')}
        value={v('person_id')}
        emptyLabel={t('none')}
        problems={problems}
        options={catalog.people.map((p) => ({ value: String(p.id), label: inLang(p, 'name', lang) }))}
      />
      {userId ? (
        <CheckboxField
          ctx={ctx}
          name="disabled"
          label={t('fieldDisabled')}
          checked={v('disabled') === '1'}
          problems={problems}
        />
      ) : (
        <p class="help">{t('newUserPasswordNote')}</p>
      )}
      <button type="submit" class="primary">
        {t('save')}
      </button>
    </form>
  );
}

/** Shown once after creating an account: the first password, never stored in clear. */
export function UserCreated({
  ctx,
  email,
  password,
  userId,
}: {
  ctx: AdminContext;
  email: string;
  password: string;
  userId: number;
}) {
  const marker = '\u0000';
  const [before = '', after = ''] = ctx.t('userCreatedPassword', { email, password: marker }).split(marker);
  return (
    <>
      <p class="notice" role="status">
        {before}
        <code dir="ltr" class="secret">
          {password}
        </code>
        {after}
      </p>
      <p>
        <a href={`/admin/users/${userId}`}>{ctx.t('editUser')}</a> · <a href="/admin/users">{ctx.t('usersTitle')}</a>
      </p>
    </>
  );
}

export interface AccountProblems {
  password?: FieldProblems;
  totp?: FieldProblems;
  /** A message not tied to a field (too many wrong passwords). */
  alert?: string;
}

export function AccountPage(props: {
  ctx: AdminContext;
  email: string;
  totpOn: boolean;
  /** For turning two-step sign-in on: a fresh key (or the one being confirmed) and its link. */
  setup?: { secret: string; uri: string } | undefined;
  problems?: AccountProblems;
}) {
  const { ctx, totpOn, setup } = props;
  const { t } = ctx;
  const problems = props.problems ?? {};
  return (
    <>
      <Alert text={problems.alert} />
      <section aria-labelledby="password-heading">
        <h2 id="password-heading">{t('changePassword')}</h2>
        <form method="post" action="/admin/account/password" class="narrow-form">
          <ErrorSummary ctx={ctx} problems={problems.password} />
          <CsrfField ctx={ctx} />
          {/* Lets password managers tie the new password to the account. */}
          <input type="hidden" name="username" value={props.email} autocomplete="username" />
          <TextField
            ctx={ctx}
            name="current_password"
            label={t('currentPassword')}
            value=""
            type="password"
            required
            autocomplete="current-password"
            problems={problems.password}
            dir="ltr"
          />
          <TextField
            ctx={ctx}
            name="new_password"
            label={t('newPassword')}
            value=""
            type="password"
            required
            autocomplete="new-password"
            help={t('passwordHelp')}
            problems={problems.password}
            dir="ltr"
          />
          <button type="submit">{t('changePassword')}</button>
        </form>
      </section>

      <section aria-labelledby="totp-heading">
        <h2 id="totp-heading">{t('totpTitle')}</h2>
        {totpOn ? (
          <>
            <p>{t('totpOn')}</p>
            <form method="post" action="/admin/account/totp/disable" class="narrow-form">
              <ErrorSummary ctx={ctx} problems={problems.totp} />
              <CsrfField ctx={ctx} />
              <TextField
                ctx={ctx}
                name="totp_password"
                label={t('currentPassword')}
                value=""
                type="password"
                required
                autocomplete="current-password"
                problems={problems.totp}
                dir="ltr"
              />
              <button type="submit">{t('totpDisable')}</button>
            </form>
          </>
        ) : setup ? (
          <>
            <p>{t('totpOff')}</p>
            <p>{t('totpSetupHelp')}</p>
            <dl class="totp-setup">
              <dt>{t('totpKey')}</dt>
              <dd>
                <code dir="ltr" class="secret">
                  {setup.secret.replace(/(.{4})(?=.)/g, '$1 ')}
                </code>
              </dd>
              <dt>{t('totpUri')}</dt>
              <dd>
                <a href={setup.uri} dir="ltr" class="secret">
                  {setup.uri}
                </a>
              </dd>
            </dl>
            <form method="post" action="/admin/account/totp/enable" class="narrow-form">
              <ErrorSummary ctx={ctx} problems={problems.totp} />
              <CsrfField ctx={ctx} />
              <input type="hidden" name="secret" value={setup.secret} />
              <CodeField ctx={ctx} error={problems.totp?.code ? t('codeInvalid') : undefined} />
              <button type="submit">{t('totpEnable')}</button>
            </form>
          </>
        ) : null}
      </section>

      <section aria-labelledby="language-heading">
        <h2 id="language-heading">{t('interfaceLanguage')}</h2>
        <form method="post" action="/admin/account/language" class="narrow-form">
          <CsrfField ctx={ctx} />
          <SelectField
            ctx={ctx}
            name="ui_lang"
            label={t('interfaceLanguage')}
            value={ctx.lang}
            options={(['en', 'he'] as Lang[]).map((l) => ({ value: l, label: languageName(t, l) }))}
          />
          <button type="submit">{t('save')}</button>
        </form>
      </section>
    </>
  );
}
