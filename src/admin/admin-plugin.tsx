import { isDatabaseUnavailable } from '../db/db-unavailable.js';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { can, type Action } from '../auth/policy.js';
import { findSession, type ActiveSession } from '../auth/sessions.js';
import { newToken, tokensEqual } from '../auth/tokens.js';
import type { ContentService } from '../content/content-service.js';
import type { Db } from '../db/create-db.js';
import type { Lang } from '../db/schema.js';
import { EditorialError } from '../editorial/editorial-errors.js';
import type { StaffActor } from '../editorial/publication-store.js';
import type { Mailer } from '../mail/mailer.js';
import type { MediaStore } from '../media/media-store.js';
import type { SiteDeps } from '../site/page-handler.js';
import type { AdminContext } from './admin-context.js';
import { adminTranslator, messageFor, type AdminMessageKey } from './i18n/index.js';
import { getEditorBundle } from './editor/editor-bundle.js';
import { registerAuthRoutes } from './routes/auth-routes.js';
import { registerEventRoutes } from './routes/event-routes.js';
import { registerMediaRoutes } from './routes/media-routes.js';
import { registerNewsletterAdminRoutes } from './routes/newsletter-routes.js';
import { registerPodcastAdminRoutes } from './routes/podcast-routes.js';
import { registerPressRoutes } from './routes/press-routes.js';
import { registerPublicationRoutes } from './routes/publication-routes.js';
import { registerStructureRoutes } from './structure/structure-routes.js';
import { registerUserRoutes } from './routes/user-routes.js';
import { AdminLayout } from './views/admin-layout.js';
import { notCrossSite } from '../site/same-origin.js';

export interface AdminDeps {
  db: Db;
  content: ContentService;
  mailer: Mailer;
  mediaStore: MediaStore;
  site: SiteDeps;
  publicUrl: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    staff: ActiveSession | null;
  }
  interface FastifyContextConfig {
    /** Reachable without signing in (sign-in and password pages). */
    public?: boolean;
  }
}

/** Admin pages may use inline styles (the editor sets some); scripts still only from this site. */
const ADMIN_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "media-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export const FORM_BODY_LIMIT = 4 * 1024 * 1024;
export const UPLOAD_LIMIT = 200 * 1024 * 1024;

function cookieNames(secure: boolean) {
  // The __Host- prefix pins a cookie to this host over HTTPS (no Domain, Path=/).
  return secure
    ? { session: '__Host-dossier_session', preCsrf: '__Host-dossier_csrf', lang: 'dossier_admin_lang' }
    : { session: 'dossier_session', preCsrf: 'dossier_csrf', lang: 'dossier_admin_lang' };
}

function loadAdminStylesheet() {
  const css = readFileSync(new URL('./assets/admin.css', import.meta.url));
  const hash = createHash('sha256').update(css).digest('hex').slice(0, 12);
  return { url: `/admin/assets/admin.${hash}.css`, css };
}

/** The admin's shared machinery, handed to every route module. */
export interface AdminKit {
  deps: AdminDeps;
  cookies: ReturnType<typeof cookieNames>;
  secure: boolean;
  /** Builds the context for a view (language, strings, user, CSRF token). */
  context(request: FastifyRequest, reply: FastifyReply, notice?: AdminMessageKey): Promise<AdminContext>;
  /** Renders a full admin page. */
  page(reply: FastifyReply, ctx: AdminContext, title: string, body: VNode, status?: number): FastifyReply;
  /** The signed-in user, or a 401 (routes are protected by the hook; this narrows the type). */
  staff(request: FastifyRequest): NonNullable<FastifyRequest['staff']>;
  /** The signed-in staff member; with `action`, a 403 unless the policy allows it (before any data is read). */
  actor(request: FastifyRequest, action?: Action): StaffActor;
  setSessionCookie(reply: FastifyReply, token: string): void;
  editorScript(): Promise<string>;
}

export async function registerAdmin(app: FastifyInstance, deps: AdminDeps): Promise<void> {
  const secure = deps.publicUrl.startsWith('https://');
  const cookies = cookieNames(secure);
  const stylesheet = loadAdminStylesheet();
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure };

  function uiLanguage(request: FastifyRequest): Lang {
    if (request.staff) return request.staff.user.ui_lang;
    const chosen = request.cookies[cookies.lang];
    if (chosen === 'en' || chosen === 'he') return chosen;
    return /^\s*he\b/i.test(request.headers['accept-language'] ?? '') ? 'he' : 'en';
  }

  /** Forms shown before sign-in use a double-submit cookie; after sign-in, the session's token. */
  function csrfToken(request: FastifyRequest, reply: FastifyReply): string {
    if (request.staff) return request.staff.csrfToken;
    let token = request.cookies[cookies.preCsrf];
    if (!token) {
      token = newToken();
      reply.setCookie(cookies.preCsrf, token, { ...cookieOptions, sameSite: 'strict' });
      request.cookies[cookies.preCsrf] = token;
    }
    return token;
  }

  const kit: AdminKit = {
    deps,
    cookies,
    secure,
    async context(request, reply, notice) {
      const lang = uiLanguage(request);
      const t = adminTranslator(lang);
      return {
        lang,
        t,
        catalog: await deps.content.getCatalog(),
        user: request.staff?.pendingSecondFactor ? null : (request.staff?.user ?? null),
        csrf: csrfToken(request, reply),
        stylesheet: stylesheet.url,
        path: request.url.split('?')[0] ?? '/admin',
        notice: notice ? t(notice) : undefined,
      };
    },
    page(reply, ctx, title, body, status = 200) {
      const html =
        '<!doctype html>' +
        renderToString(
          <AdminLayout ctx={ctx} title={title}>
            {body}
          </AdminLayout>,
        );
      return reply.code(status).type('text/html; charset=utf-8').send(html);
    },
    staff(request) {
      if (!request.staff) throw new EditorialError('forbidden', 403);
      return request.staff;
    },
    actor(request, action) {
      const { user } = kit.staff(request);
      if (action && !can(user, action)) throw new EditorialError('forbidden', 403);
      return { id: user.id, email: user.email, role: user.role };
    },
    setSessionCookie(reply, token) {
      reply.setCookie(cookies.session, token, cookieOptions);
    },
    async editorScript() {
      return `/admin/assets/editor.${(await getEditorBundle()).hash}.js`;
    },
  };

  // Outside the admin's hooks: a stylesheet or script needs no session lookup.
  app.get('/admin/assets/:file', async (request, reply) => {
    const url = request.url.split('?')[0];
    reply.header('cache-control', 'public, max-age=31536000, immutable');
    if (url === stylesheet.url) return reply.type('text/css; charset=utf-8').send(stylesheet.css);
    const bundle = await getEditorBundle();
    if (url === `/admin/assets/editor.${bundle.hash}.js`)
      return reply.type('text/javascript; charset=utf-8').send(bundle.js);
    if (url === `/admin/assets/editor.${bundle.hash}.css`)
      return reply.type('text/css; charset=utf-8').send(bundle.css);
    return reply.code(404).header('cache-control', 'no-store').send('Not found');
  });

  await app.register(
    async (admin) => {
      await admin.register(fastifyCookie);
      await admin.register(fastifyFormbody, { bodyLimit: FORM_BODY_LIMIT });
      await admin.register(fastifyMultipart, { limits: { fileSize: UPLOAD_LIMIT, files: 1, fields: 10 } });
      admin.decorateRequest('staff', null);

      admin.addHook('onRequest', async (request, reply) => {
        reply.header('content-security-policy', ADMIN_CSP).header('cache-control', 'no-store');
        const token = request.cookies[cookies.session];
        request.staff = token ? await findSession(deps.db.kysely, token) : null;
        if (token && !request.staff) reply.clearCookie(cookies.session, { path: '/' });
        const isPublic = request.routeOptions.config?.public === true;
        if (isPublic || (request.staff && !request.staff.pendingSecondFactor)) return;
        if (request.method === 'GET' || request.method === 'HEAD') {
          const next = encodeURIComponent(request.url);
          return reply.redirect(`/admin/sign-in?next=${next}${token ? '&expired=1' : ''}`, 303);
        }
        const ctx = await kit.context(request, reply, 'sessionExpired');
        return kit.page(reply, ctx, ctx.t('signInTitle'), <SignInAgain ctx={ctx} />, 401);
      });

      // Every state-changing request carries the form's token and, when the browser says
      // where it came from, comes from this site. Multipart uploads check their own token.
      admin.addHook('preHandler', async (request, reply) => {
        if (request.method === 'GET' || request.method === 'HEAD' || request.isMultipart()) return;
        const body = (request.body ?? {}) as Record<string, unknown>;
        if (!csrfValid(request, String(body._csrf ?? ''), csrfToken(request, reply))) {
          const ctx = await kit.context(request, reply);
          return kit.page(reply, ctx, ctx.t('forbidden'), <p role="alert">{ctx.t('csrfFailed')}</p>, 403);
        }
      });

      admin.setErrorHandler(async (error: Error & { statusCode?: number }, request, reply) => {
        // The site-wide handler answers 503 + Retry-After without touching the database.
        if (isDatabaseUnavailable(error)) throw error;
        const ctx = await kit.context(request, reply);
        if (error instanceof EditorialError) {
          return kit.page(
            reply,
            ctx,
            messageFor(error.code, ctx.lang),
            <p role="alert">{messageFor(error.code, ctx.lang, error.params)}</p>,
            error.status,
          );
        }
        const status = typeof error.statusCode === 'number' && error.statusCode < 500 ? error.statusCode : 500;
        if (status >= 500) request.log.error({ err: error }, 'admin request failed');
        return kit.page(
          reply,
          ctx,
          String(status),
          // A 500's message may be the database's own words (SQL, table and column names).
          <p role="alert">{status === 413 ? 'Too large' : status >= 500 ? 'Server error' : error.message}</p>,
          status,
        );
      });

      admin.get('/', async (_request, reply) => reply.redirect('/admin/publications', 303));

      registerAuthRoutes(admin, kit);
      registerPublicationRoutes(admin, kit);
      registerMediaRoutes(admin, kit);
      registerUserRoutes(admin, kit);
      registerStructureRoutes(admin, kit);
      registerNewsletterAdminRoutes(admin, kit);
      registerEventRoutes(admin, kit);
      registerPressRoutes(admin, kit);
      registerPodcastAdminRoutes(admin, kit);
    },
    { prefix: '/admin' },
  );
}

/** Token match, plus the Origin header (when sent) naming this host. */
export function csrfValid(request: FastifyRequest, sent: string, expected: string): boolean {
  return notCrossSite(request) && sent !== '' && tokensEqual(sent, expected);
}

function SignInAgain({ ctx }: { ctx: AdminContext }) {
  return (
    <p>
      <a href="/admin/sign-in">{ctx.t('signInButton')}</a>
    </p>
  );
}
