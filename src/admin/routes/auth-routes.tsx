import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  findResetToken,
  issueResetToken,
  requestPasswordReset,
  resetPassword,
  RESET_LINK_MINUTES,
} from '../../auth/password-reset.js';
import { prepareDummyHash } from '../../auth/passwords.js';
import { endSession } from '../../auth/sessions.js';
import { completeSecondFactor, signInWithPassword } from '../../auth/sign-in.js';
import { DEVICE_COOKIE_MAX_AGE_SECONDS, deviceCookieName, newDeviceToken } from '../../auth/trusted-devices.js';
import { UserInputError } from '../../auth/users.js';
import { audit } from '../../audit/audit-log.js';
import type { FieldProblems } from '../../editorial/editorial-errors.js';
import { field, type FormBody } from '../../editorial/form-body.js';
import type { AdminContext } from '../admin-context.js';
import type { AdminKit } from '../admin-plugin.js';
import { adminTranslator, type AdminTranslate } from '../i18n/index.js';
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

/** The client's address; behind a trusted proxy (TRUST_PROXY) Fastify takes it from X-Forwarded-For. */
function ip(request: FastifyRequest): string {
  return request.ip;
}

/** This browser's trusted-device cookie (see auth/trusted-devices.ts), if it sent one. */
export function deviceToken(request: FastifyRequest, kit: AdminKit): string | undefined {
  return request.cookies[deviceCookieName(kit.secure)];
}

export function setDeviceCookie(reply: FastifyReply, kit: AdminKit, token: string): void {
  // Strict: it is only needed on this site's own sign-in and account forms.
  reply.setCookie(deviceCookieName(kit.secure), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: kit.secure,
    maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS,
  });
}

/** The wait in the unit a person would use: minutes up to two hours, then hours. */
export function throttledMessage(t: AdminTranslate, retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return minutes < 120
    ? t('signInThrottled', { minutes })
    : t('signInThrottledHours', { hours: Math.ceil(minutes / 60) });
}

/** A 429 says when to come back, in seconds (RFC 9110). */
function retryAfter(reply: FastifyReply, seconds: number): void {
  reply.header('retry-after', String(Math.max(1, seconds)));
}

export function registerAuthRoutes(admin: FastifyInstance, kit: AdminKit) {
  const db = kit.deps.db.kysely;
  // Made now, so the first unknown email is not slower than the rest.
  void prepareDummyHash();

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
    const result = await signInWithPassword(kit.deps.db, {
      email,
      password: field(request.body, 'password'),
      ip: ip(request),
      deviceToken: deviceToken(request, kit),
    });
    if (!result.ok) {
      const ctx = await kit.context(request, reply);
      // Unknown email, wrong password and disabled account get this same page.
      const error =
        result.reason === 'throttled' ? throttledMessage(ctx.t, result.retryAfterSeconds) : ctx.t('signInInvalid');
      const status = result.reason === 'throttled' ? 429 : 401;
      if (result.reason === 'throttled') retryAfter(reply, result.retryAfterSeconds);
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
    if (result.deviceToken) setDeviceCookie(reply, kit, result.deviceToken);
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
    const result = await completeSecondFactor(kit.deps.db, {
      userId: pending.user.id,
      secret: pending.user.totp_secret,
      code: field(request.body, 'code'),
      pendingIdHash: pending.idHash,
      ip: ip(request),
      deviceToken: deviceToken(request, kit),
    });
    if (!result.ok && result.reason === 'throttled') {
      // The pending session has ended: back to the password, after the wait.
      request.staff = null;
      reply.clearCookie(kit.cookies.session, { path: '/' });
      retryAfter(reply, result.retryAfterSeconds);
      const ctx = await kit.context(request, reply);
      const form = (
        <SignInForm
          ctx={ctx}
          email={pending.user.email}
          error={throttledMessage(ctx.t, result.retryAfterSeconds)}
          next="/admin/publications"
        />
      );
      return kit.page(reply, ctx, ctx.t('signInTitle'), form, 429);
    }
    if (!result.ok) {
      const ctx = await kit.context(request, reply);
      return kit.page(reply, ctx, ctx.t('codeTitle'), <CodeForm ctx={ctx} error={ctx.t('codeInvalid')} />, 401);
    }
    // A new session id after the second step too: the pending one has been deleted.
    kit.setSessionCookie(reply, result.token);
    if (result.deviceToken) setDeviceCookie(reply, kit, result.deviceToken);
    await audit(db, pending.user, { action: 'sign-in', entity: 'user', entityId: pending.user.id });
    return reply.redirect('/admin/publications', 303);
  });

  // POST only, so the CSRF check applies (a forged link cannot sign anyone out).
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
    const result = await requestPasswordReset(db, email, { ip: ip(request) });
    if (result.throttled) {
      // Refused by the address's count alone, so this says nothing about the email.
      retryAfter(reply, result.retryAfterSeconds);
      const alert = ctx.t('resetThrottled', { minutes: Math.max(1, Math.ceil(result.retryAfterSeconds / 60)) });
      return kit.page(reply, ctx, ctx.t('resetTitle'), <ForgotForm ctx={ctx} email={email} alert={alert} />, 429);
    }
    const { user } = result;
    if (user) {
      const mail = async () => {
        const token = await issueResetToken(db, user.id);
        const t = adminTranslator(user.ui_lang);
        const link = `${kit.deps.publicUrl}/admin/password/reset?token=${token}`;
        await kit.deps.mailer.send({
          to: user.email,
          subject: t('resetMailSubject'),
          text: t('resetMailText', { email: user.email, minutes: RESET_LINK_MINUTES, link }),
        });
      };
      // Made and mailed once the answer has gone out: a known email must not answer later
      // (the link's write, the mail server) or differently (a failing mail server) than an
      // unknown one. 'close' also fires when the client hung up before the end.
      reply.raw.once('close', () =>
        setImmediate(
          () => void mail().catch((error: unknown) => request.log.error({ err: error }, 'reset mail failed')),
        ),
      );
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
      const account = await resetPassword(db, token, field(request.body, 'password'));
      if (!account) return kit.page(reply, ctx, ctx.t('resetNewTitle'), <ResetInvalid ctx={ctx} />, 410);
      // Whoever holds the link controls the mailbox: this browser becomes a trusted device,
      // so it can sign in even while someone keeps the account locked with wrong guesses.
      const user = await db
        .selectFrom('users')
        .select(['email', 'password_hash'])
        .where('id', '=', account.id)
        .executeTakeFirstOrThrow();
      setDeviceCookie(reply, kit, await newDeviceToken(kit.deps.db, user));
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

function ForgotForm({
  ctx,
  email,
  problems,
  alert,
}: {
  ctx: AdminContext;
  email: string;
  problems?: FieldProblems;
  alert?: string;
}) {
  return (
    <form method="post" action="/admin/password/forgot" class="narrow-form">
      <Alert text={alert} />
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
