import type { FastifyInstance, FastifyRequest } from 'fastify';
import { findResetToken, requestPasswordReset, resetPassword, RESET_LINK_MINUTES } from '../../auth/password-reset.js';
import { endSession } from '../../auth/sessions.js';
import { completeSecondFactor, signInWithPassword } from '../../auth/sign-in.js';
import { UserInputError } from '../../auth/users.js';
import { audit } from '../../audit/audit-log.js';
import type { FieldProblems } from '../../editorial/editorial-errors.js';
import { field, type FormBody } from '../../editorial/form-body.js';
import type { AdminContext } from '../admin-context.js';
import type { AdminKit } from '../admin-plugin.js';
import { adminTranslator } from '../i18n/index.js';
import { Alert, CodeField, CsrfField, TextField } from '../views/fields.js';

const publicRoute = { config: { public: true } };

/** Only paths inside the admin are followed after sign-in (no open redirect). */
function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/admin(\/[^/\\]|$|\?)/.test(next) ? next : '/admin/publications';
}

function SignInForm({ ctx, email, error, next }: { ctx: AdminContext; email: string; error?: string; next: string }) {
  const { t } = ctx;
  return (
    <>
      <Alert text={error} />
      <form method="post" action="/admin/sign-in" class="narrow-form">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="next" value={next} />
        <TextField
          ctx={ctx}
          name="email"
          label={t('email')}
          value={email}
          type="email"
          required
          autocomplete="username"
          dir="ltr"
        />
        <TextField
          ctx={ctx}
          name="password"
          label={t('password')}
          value=""
          type="password"
          required
          autocomplete="current-password"
          dir="ltr"
        />
        <button type="submit">{t('signInButton')}</button>
      </form>
      <p>
        <a href="/admin/password/forgot">{t('forgotPassword')}</a>
      </p>
    </>
  );
}

function CodeForm({ ctx, error }: { ctx: AdminContext; error?: string }) {
  const { t } = ctx;
  return (
    <>
      <Alert text={error} />
      <p>{t('codeHelp')}</p>
      <form method="post" action="/admin/sign-in/code" class="narrow-form">
        <CsrfField ctx={ctx} />
        <CodeField ctx={ctx} />
        <button type="submit">{t('codeButton')}</button>
      </form>
    </>
  );
}

function ip(request: FastifyRequest): string {
  return request.ip;
}

export function registerAuthRoutes(admin: FastifyInstance, kit: AdminKit) {
  const db = kit.deps.db.kysely;

  admin.get<{ Querystring: { next?: string; expired?: string; reset?: string } }>(
    '/sign-in',
    publicRoute,
    async (request, reply) => {
      if (request.staff && !request.staff.pendingSecondFactor) return reply.redirect(safeNext(request.query.next), 303);
      const notice = request.query.expired ? 'sessionExpired' : request.query.reset ? 'resetDone' : undefined;
      const ctx = await kit.context(request, reply, notice);
      return kit.page(
        reply,
        ctx,
        ctx.t('signInTitle'),
        <SignInForm ctx={ctx} email="" next={safeNext(request.query.next)} />,
      );
    },
  );

  admin.post<{ Body: FormBody }>('/sign-in', publicRoute, async (request, reply) => {
    const email = field(request.body, 'email').trim();
    const next = safeNext(field(request.body, 'next'));
    const result = await signInWithPassword(db, { email, password: field(request.body, 'password'), ip: ip(request) });
    if (!result.ok) {
      const ctx = await kit.context(request, reply);
      const error =
        result.reason === 'throttled'
          ? ctx.t('signInThrottled', { minutes: result.retryAfterMinutes })
          : ctx.t('signInInvalid');
      const status = result.reason === 'throttled' ? 429 : 401;
      if (result.reason === 'throttled') reply.header('retry-after', String(result.retryAfterMinutes * 60));
      return kit.page(
        reply,
        ctx,
        ctx.t('signInTitle'),
        <SignInForm ctx={ctx} email={email} error={error} next={next} />,
        status,
      );
    }
    // A new session id at every sign-in: a planted cookie cannot be carried into the account.
    if (request.staff) await endSession(db, request.staff.idHash);
    kit.setSessionCookie(reply, result.token);
    if (result.pendingSecondFactor) return reply.redirect('/admin/sign-in/code', 303);
    await audit(db, { id: result.userId, email }, { action: 'sign-in', entity: 'user', entityId: result.userId });
    return reply.redirect(next, 303);
  });

  admin.get('/sign-in/code', publicRoute, async (request, reply) => {
    if (!request.staff?.pendingSecondFactor) return reply.redirect('/admin/sign-in', 303);
    const ctx = await kit.context(request, reply);
    return kit.page(reply, ctx, ctx.t('codeTitle'), <CodeForm ctx={ctx} />);
  });

  admin.post<{ Body: FormBody }>('/sign-in/code', publicRoute, async (request, reply) => {
    const pending = request.staff;
    if (!pending?.pendingSecondFactor || !pending.user.totp_secret) return reply.redirect('/admin/sign-in', 303);
    const result = await completeSecondFactor(db, {
      userId: pending.user.id,
      secret: pending.user.totp_secret,
      code: field(request.body, 'code'),
      pendingIdHash: pending.idHash,
      email: pending.user.email,
      ip: ip(request),
    });
    if (!result.ok) {
      const ctx = await kit.context(request, reply);
      const error =
        result.reason === 'throttled'
          ? ctx.t('signInThrottled', { minutes: result.retryAfterMinutes })
          : ctx.t('codeInvalid');
      return kit.page(
        reply,
        ctx,
        ctx.t('codeTitle'),
        <CodeForm ctx={ctx} error={error} />,
        result.reason === 'throttled' ? 429 : 401,
      );
    }
    kit.setSessionCookie(reply, result.token);
    await audit(db, pending.user, { action: 'sign-in', entity: 'user', entityId: pending.user.id });
    return reply.redirect('/admin/publications', 303);
  });

  admin.post('/sign-out', publicRoute, async (request, reply) => {
    if (request.staff) await endSession(db, request.staff.idHash);
    reply.clearCookie(kit.cookies.session, { path: '/' });
    return reply.redirect('/admin/sign-in', 303);
  });

  admin.post<{ Body: FormBody }>('/language', publicRoute, async (request, reply) => {
    const lang = field(request.body, 'lang') === 'he' ? 'he' : 'en';
    reply.setCookie(kit.cookies.lang, lang, { path: '/admin', httpOnly: true, sameSite: 'lax', secure: kit.secure });
    if (request.staff)
      await db.updateTable('users').set({ ui_lang: lang }).where('id', '=', request.staff.user.id).execute();
    return reply.redirect(safeNext(field(request.body, 'back')), 303);
  });

  admin.get('/password/forgot', publicRoute, async (request, reply) => {
    const ctx = await kit.context(request, reply);
    return kit.page(reply, ctx, ctx.t('resetTitle'), <ForgotForm ctx={ctx} email="" />);
  });

  admin.post<{ Body: FormBody }>('/password/forgot', publicRoute, async (request, reply) => {
    const email = field(request.body, 'email').trim();
    const ctx = await kit.context(request, reply);
    if (!/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 254) {
      const problems: FieldProblems = { email: [{ code: 'email-invalid' }] };
      return kit.page(reply, ctx, ctx.t('resetTitle'), <ForgotForm ctx={ctx} email={email} problems={problems} />, 400);
    }
    const issued = await requestPasswordReset(db, email);
    if (issued) {
      const t = adminTranslator(issued.user.ui_lang);
      const link = `${kit.deps.publicUrl}/admin/password/reset?token=${issued.token}`;
      await kit.deps.mailer.send({
        to: issued.user.email,
        subject: t('resetMailSubject'),
        text: t('resetMailText', { email: issued.user.email, minutes: RESET_LINK_MINUTES, link }),
      });
    }
    // The same answer whether or not the account exists.
    return kit.page(reply, ctx, ctx.t('resetTitle'), <p role="status">{ctx.t('resetSent')}</p>);
  });

  admin.get<{ Querystring: { token?: string } }>('/password/reset', publicRoute, async (request, reply) => {
    const ctx = await kit.context(request, reply);
    const token = String(request.query.token ?? '');
    reply.header('referrer-policy', 'no-referrer');
    if (!(await findResetToken(db, token))) {
      return kit.page(reply, ctx, ctx.t('resetNewTitle'), <ResetInvalid ctx={ctx} />, 410);
    }
    return kit.page(reply, ctx, ctx.t('resetNewTitle'), <ResetForm ctx={ctx} token={token} />);
  });

  admin.post<{ Body: FormBody }>('/password/reset', publicRoute, async (request, reply) => {
    const ctx = await kit.context(request, reply);
    const token = field(request.body, 'token');
    try {
      if (!(await resetPassword(db, token, field(request.body, 'password')))) {
        return kit.page(reply, ctx, ctx.t('resetNewTitle'), <ResetInvalid ctx={ctx} />, 410);
      }
    } catch (error) {
      if (!(error instanceof UserInputError)) throw error;
      const problems: FieldProblems = { password: [{ code: error.fields.password ?? 'required' }] };
      return kit.page(
        reply,
        ctx,
        ctx.t('resetNewTitle'),
        <ResetForm ctx={ctx} token={token} problems={problems} />,
        400,
      );
    }
    return reply.redirect('/admin/sign-in?reset=1', 303);
  });
}

function ForgotForm({ ctx, email, problems }: { ctx: AdminContext; email: string; problems?: FieldProblems }) {
  return (
    <form method="post" action="/admin/password/forgot" class="narrow-form">
      <p>{ctx.t('resetHelp', { minutes: RESET_LINK_MINUTES })}</p>
      <CsrfField ctx={ctx} />
      <TextField
        ctx={ctx}
        name="email"
        label={ctx.t('email')}
        value={email}
        type="email"
        required
        problems={problems}
        dir="ltr"
      />
      <button type="submit">{ctx.t('resetSend')}</button>
    </form>
  );
}

function ResetForm({ ctx, token, problems }: { ctx: AdminContext; token: string; problems?: FieldProblems }) {
  return (
    <form method="post" action="/admin/password/reset" class="narrow-form">
      <CsrfField ctx={ctx} />
      <input type="hidden" name="token" value={token} />
      <TextField
        ctx={ctx}
        name="password"
        label={ctx.t('newPassword')}
        value=""
        type="password"
        required
        autocomplete="new-password"
        help={ctx.t('passwordHelp')}
        problems={problems}
        dir="ltr"
      />
      <button type="submit">{ctx.t('resetSave')}</button>
    </form>
  );
}

function ResetInvalid({ ctx }: { ctx: AdminContext }) {
  return (
    <>
      <p role="alert">{ctx.t('resetInvalid')}</p>
      <p>
        <a href="/admin/password/forgot">{ctx.t('forgotPassword')}</a>
      </p>
    </>
  );
}
