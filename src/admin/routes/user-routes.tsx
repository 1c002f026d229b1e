import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AUDIT_PAGE_SIZE, audit, listAudit } from '../../audit/audit-log.js';
import { checkPasswordPolicy, verifyPassword } from '../../auth/passwords.js';
import { createSession } from '../../auth/sessions.js';
import { credentialCounters } from '../../auth/sign-in.js';
import { attemptSucceeded, beginAttempt } from '../../auth/sign-in-throttle.js';
import { newDeviceToken } from '../../auth/trusted-devices.js';
import { matchTotp, newTotpSecret, totpUri } from '../../auth/totp.js';
import { createUser, publicUser, setPassword, setTotpSecret, updateUser, UserInputError } from '../../auth/users.js';
import type { Lang } from '../../db/schema.js';
import { EditorialError, type FieldProblems } from '../../editorial/editorial-errors.js';
import { field, type FormBody } from '../../editorial/form-body.js';
import type { AdminContext } from '../admin-context.js';
import { idParam, noticeParam, pageParam, stringParam, formBody, queryOf } from '../admin-params.js';
import type { AdminKit } from '../admin-plugin.js';
import { deviceToken, setDeviceCookie, throttledMessage } from './auth-routes.js';
import { AuditLog } from '../views/user-audit-log.js';
import { AccountPage, UserCreated, UserForm, UserList, type AccountProblems } from '../views/user-views.js';

/*
 * Staff accounts (admins), each user's own account page, and the audit log. Permission
 * checks come first, through `can`; the account logic itself lives in auth/users.ts.
 */

const TOTP_ISSUER = 'Dossier';
/** A base32 secret as newTotpSecret makes it (160 bits); anything else posted back is refused. */
const TOTP_SECRET = /^[A-Z2-7]{32}$/;
const USER_NAME_MAX = 120;

/** The domain layer's per-field codes as form problems (with the numbers the messages need). */
function userProblems(error: UserInputError, values: FormBody): FieldProblems {
  const problems: FieldProblems = {};
  for (const [name, code] of Object.entries(error.fields)) {
    if (!code) continue;
    const target = name === 'password' ? 'new_password' : name;
    problems[target] =
      code === 'too-long'
        ? [{ code, params: { max: USER_NAME_MAX, length: [...field(values, name).trim()].length } }]
        : [{ code }];
  }
  return problems;
}

/** The chosen site profile: none, or one that exists. */
function personChoice(ctx: AdminContext, raw: string, problems: FieldProblems): number | null {
  if (raw === '') return null;
  const id = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (!ctx.catalog.personById.has(id)) {
    problems.person_id = [{ code: 'unknown-choice' }];
    return null;
  }
  return id;
}

export function registerUserRoutes(admin: FastifyInstance, kit: AdminKit) {
  const db = kit.deps.db.kysely;

  // -------------------------------------------------------------------------------------------
  // Users (admins only)

  const findUser = (id: number) => db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

  async function renderUserForm(
    request: FastifyRequest,
    reply: FastifyReply,
    options: { userId?: number; values: FormBody; problems?: FieldProblems; status?: number },
  ) {
    const ctx = await kit.context(request, reply, noticeParam(queryOf(request).notice));
    const title = options.userId ? ctx.t('editUser') : ctx.t('newUser');
    return kit.page(
      reply,
      ctx,
      title,
      <>
        <p>
          <a href="/admin/users">{ctx.t('usersTitle')}</a>
        </p>
        <UserForm ctx={ctx} values={options.values} problems={options.problems} userId={options.userId} />
      </>,
      options.status ?? 200,
    );
  }

  admin.get<{ Querystring: Record<string, unknown> }>('/users', async (request, reply) => {
    kit.actor(request, 'users.manage');
    const ctx = await kit.context(request, reply, noticeParam(request.query.notice));
    const users = (await db.selectFrom('users').selectAll().orderBy('email').execute()).map(publicUser);
    return kit.page(reply, ctx, ctx.t('usersTitle'), <UserList ctx={ctx} users={users} />);
  });

  admin.get('/users/new', async (request, reply) => {
    kit.actor(request, 'users.manage');
    return renderUserForm(request, reply, { values: { role: 'author' } });
  });

  admin.post('/users', async (request, reply) => {
    const actor = kit.actor(request, 'users.manage');
    const body = formBody(request);
    const ctx = await kit.context(request, reply);
    const problems: FieldProblems = {};
    const personId = personChoice(ctx, field(body, 'person_id'), problems);
    if (Object.keys(problems).length) return renderUserForm(request, reply, { values: body, problems, status: 400 });
    // 144 random bits; the user changes it on their account page.
    const password = randomBytes(18).toString('base64url');
    let user;
    try {
      user = await createUser(db, actor, {
        email: field(body, 'email'),
        name: field(body, 'name'),
        role: field(body, 'role'),
        password,
        personId,
      });
    } catch (error) {
      if (!(error instanceof UserInputError)) throw error;
      return renderUserForm(request, reply, { values: body, problems: userProblems(error, body), status: 400 });
    }
    return kit.page(
      reply,
      ctx,
      ctx.t('usersTitle'),
      <UserCreated ctx={ctx} email={user.email} password={password} userId={user.id} />,
      201,
    );
  });

  admin.get<{ Params: { id: string } }>('/users/:id', async (request, reply) => {
    kit.actor(request, 'users.manage');
    const id = idParam(request.params.id);
    const user = await findUser(id);
    if (!user) throw new EditorialError('not-found', 404);
    return renderUserForm(request, reply, {
      userId: id,
      values: {
        email: user.email,
        name: user.name,
        role: user.role,
        person_id: user.person_id === null ? '' : String(user.person_id),
        disabled: user.disabled ? '1' : '',
      },
    });
  });

  admin.post<{ Params: { id: string } }>('/users/:id', async (request, reply) => {
    const actor = kit.actor(request, 'users.manage');
    const id = idParam(request.params.id);
    const user = await findUser(id);
    if (!user) throw new EditorialError('not-found', 404);
    const body = formBody(request);
    // The address cannot be changed here; show the stored one again.
    const values = { ...body, email: user.email };
    const ctx = await kit.context(request, reply);
    const problems: FieldProblems = {};
    const role = field(body, 'role');
    const disabled = field(body, 'disabled') === '1';
    // An admin cannot lock themselves out (and so the last admin always remains).
    if (id === actor.id && role !== 'admin') problems.role = [{ code: 'cannot-demote-self' }];
    if (id === actor.id && disabled) problems.disabled = [{ code: 'cannot-disable-self' }];
    const personId = personChoice(ctx, field(body, 'person_id'), problems);
    if (Object.keys(problems).length)
      return renderUserForm(request, reply, { userId: id, values, problems, status: 400 });
    try {
      await updateUser(db, actor, id, { name: field(body, 'name'), role, disabled, personId });
    } catch (error) {
      if (!(error instanceof UserInputError)) throw error;
      return renderUserForm(request, reply, { userId: id, values, problems: userProblems(error, body), status: 400 });
    }
    return reply.redirect('/admin/users?notice=saved', 303);
  });

  // -------------------------------------------------------------------------------------------
  // My account (every signed-in user)

  async function renderAccount(
    request: FastifyRequest,
    reply: FastifyReply,
    options: { problems?: AccountProblems; secret?: string; status?: number } = {},
  ) {
    const ctx = await kit.context(request, reply, noticeParam(queryOf(request).notice));
    const { user } = kit.staff(request);
    const totpOn = user.totp_secret !== null;
    const secret = totpOn ? undefined : (options.secret ?? newTotpSecret());
    const setup = secret ? { secret, uri: totpUri(secret, user.email, TOTP_ISSUER) } : undefined;
    return kit.page(
      reply,
      ctx,
      ctx.t('accountTitle'),
      <AccountPage ctx={ctx} email={user.email} totpOn={totpOn} setup={setup} problems={options.problems} />,
      options.status ?? 200,
    );
  }

  /**
   * Checks the signed-in user's password. Each check counts like a sign-in attempt (same
   * counters, same back-off), so a borrowed session cannot be used to guess the password.
   */
  async function checkOwnPassword(
    request: FastifyRequest,
    password: string,
  ): Promise<{ ok: true } | { ok: false; throttledSeconds?: number }> {
    const { user } = kit.staff(request);
    const account = await db
      .selectFrom('users')
      .select(['email', 'password_hash'])
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    const { counters } = await credentialCounters(kit.deps.db, user.email, account, {
      ip: request.ip,
      deviceToken: deviceToken(request, kit),
    });
    const attempt = await beginAttempt(db, counters);
    if (attempt.blocked) return { ok: false, throttledSeconds: attempt.retryAfterSeconds };
    if (!(await verifyPassword(account.password_hash, password))) return { ok: false };
    await attemptSucceeded(db, attempt);
    return { ok: true };
  }

  async function renderThrottled(request: FastifyRequest, reply: FastifyReply, seconds: number) {
    const ctx = await kit.context(request, reply);
    reply.header('retry-after', String(Math.max(1, seconds)));
    return renderAccount(request, reply, { problems: { alert: throttledMessage(ctx.t, seconds) }, status: 429 });
  }

  admin.get('/account', async (request, reply) => renderAccount(request, reply));

  admin.post('/account/password', async (request, reply) => {
    const { user } = kit.staff(request);
    const actor = { id: user.id, email: user.email };
    const body = formBody(request);
    const next = field(body, 'new_password');
    const checked = await checkOwnPassword(request, field(body, 'current_password'));
    if (checked.ok === false && checked.throttledSeconds !== undefined)
      return renderThrottled(request, reply, checked.throttledSeconds);
    const problems: FieldProblems = {};
    if (!checked.ok) problems.current_password = [{ code: 'current-password-wrong' }];
    const policy = checkPasswordPolicy(next, user.email);
    if (policy) problems.new_password = [{ code: policy }];
    if (Object.keys(problems).length)
      return renderAccount(request, reply, { problems: { password: problems }, status: 400 });
    // setPassword ends every session of the user, this one included: start a fresh one here.
    await setPassword(db, actor, user.id, next, user.email);
    kit.setSessionCookie(reply, await createSession(db, user.id, { pendingSecondFactor: false }));
    // The new password retired every trusted-device cookie; this browser keeps its trust.
    const changed = await db
      .selectFrom('users')
      .select(['email', 'password_hash'])
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    setDeviceCookie(reply, kit, await newDeviceToken(kit.deps.db, changed));
    return reply.redirect('/admin/account?notice=passwordChanged', 303);
  });

  admin.post('/account/totp/enable', async (request, reply) => {
    const { user } = kit.staff(request);
    if (user.totp_secret !== null) return reply.redirect('/admin/account', 303);
    const body = formBody(request);
    const secret = field(body, 'secret');
    if (!TOTP_SECRET.test(secret))
      return renderAccount(request, reply, { problems: { totp: { code: [{ code: 'code-invalid' }] } }, status: 400 });
    // The key is not stored until a code from the app proves it was added correctly.
    const step = matchTotp(secret, field(body, 'code'));
    if (step === null) {
      return renderAccount(request, reply, {
        secret,
        problems: { totp: { code: [{ code: 'code-invalid' }] } },
        status: 400,
      });
    }
    await setTotpSecret(db, { id: user.id, email: user.email }, user.id, secret);
    // The code just used counts as used: it cannot sign anyone in again.
    await db.updateTable('users').set({ totp_last_step: step }).where('id', '=', user.id).execute();
    return reply.redirect('/admin/account?notice=totpEnabled', 303);
  });

  admin.post('/account/totp/disable', async (request, reply) => {
    const { user } = kit.staff(request);
    if (user.totp_secret === null) return reply.redirect('/admin/account', 303);
    const checked = await checkOwnPassword(request, field(formBody(request), 'totp_password'));
    if (!checked.ok) {
      if (checked.throttledSeconds !== undefined) return renderThrottled(request, reply, checked.throttledSeconds);
      return renderAccount(request, reply, {
        problems: { totp: { totp_password: [{ code: 'current-password-wrong' }] } },
        status: 400,
      });
    }
    await setTotpSecret(db, { id: user.id, email: user.email }, user.id, null);
    return reply.redirect('/admin/account?notice=totpDisabled', 303);
  });

  admin.post('/account/language', async (request, reply) => {
    const { user } = kit.staff(request);
    const lang: Lang = field(formBody(request), 'ui_lang') === 'he' ? 'he' : 'en';
    if (lang !== user.ui_lang) {
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('users').set({ ui_lang: lang }).where('id', '=', user.id).execute();
        await audit(trx, user, {
          action: 'update',
          entity: 'user',
          entityId: user.id,
          before: { ui_lang: user.ui_lang },
          after: { ui_lang: lang },
        });
      });
    }
    reply.setCookie(kit.cookies.lang, lang, { path: '/admin', httpOnly: true, sameSite: 'lax', secure: kit.secure });
    return reply.redirect('/admin/account?notice=saved', 303);
  });

  // -------------------------------------------------------------------------------------------
  // Audit log

  admin.get<{ Querystring: Record<string, unknown> }>('/audit', async (request, reply) => {
    kit.actor(request, 'audit.view');
    const ctx = await kit.context(request, reply);
    const entities = (await db.selectFrom('audit_log').select('entity').distinct().orderBy('entity').execute()).map(
      (r) => r.entity,
    );
    const entity = stringParam(request.query.entity, 100);
    const filters = {
      entity: entities.includes(entity) ? entity : '',
      userEmail: stringParam(request.query.user, 254).trim().toLowerCase(),
      page: pageParam(request.query.page),
    };
    const { rows, total } = await listAudit(db, {
      entity: filters.entity || undefined,
      userEmail: filters.userEmail || undefined,
      page: filters.page,
    });
    return kit.page(
      reply,
      ctx,
      ctx.t('auditTitle'),
      <AuditLog ctx={ctx} rows={rows} total={total} perPage={AUDIT_PAGE_SIZE} filters={filters} entities={entities} />,
    );
  });
}
