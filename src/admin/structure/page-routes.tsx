import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { audit, type AuditActor } from '../../audit/audit-log.js';
import type { RichDoc } from '../../content/rich-text.js';
import { LANGUAGES, type Lang, type Page } from '../../db/schema.js';
import { EditorialError, type FieldProblems } from '../../editorial/editorial-errors.js';
import { field, readRichDocField, type FormBody } from '../../editorial/form-body.js';
import { renderBody } from '../../editorial/render-body.js';
import { idParam, noticeParam, optionalId, formBody } from '../admin-params.js';
import type { AdminKit } from '../admin-plugin.js';
import { PageForm, PageList, PagePanel, PAGE_TITLE_MAX } from '../views/structure-page-form.js';
import {
  RESERVED_PAGE_SLUGS,
  clean,
  textProblem,
  slugProblem,
  deriveSlug,
  freeSlug,
  withRetry,
  hasProblems,
} from './structure-fields.js';

/* Static pages */

export const EMPTY_DOC = JSON.stringify({ type: 'doc', content: [] });

export interface PageInput {
  lang: Lang;
  title: string;
  slug: string;
  slugDerived: boolean;
  body: RichDoc;
}

export function parsePageForm(body: FormBody, fixedLang: Lang | undefined) {
  const problems: FieldProblems = {};
  const rawLang = field(body, 'lang');
  const lang: Lang = fixedLang ?? ((LANGUAGES as readonly string[]).includes(rawLang) ? (rawLang as Lang) : 'en');
  if (!fixedLang && !(LANGUAGES as readonly string[]).includes(rawLang)) problems.lang = [{ code: 'unknown-choice' }];
  const title = clean(field(body, 'title'));
  const titleProblem = textProblem(title, PAGE_TITLE_MAX, true);
  if (titleProblem) problems.title = [titleProblem];

  const script = lang === 'he' ? 'hebrew' : 'latin';
  let slug = clean(field(body, 'slug')).normalize('NFC').toLowerCase();
  const slugDerived = slug === '';
  if (slugDerived) slug = deriveSlug(title, script);
  if (slug === '') {
    if (!problems.title) problems.slug = [{ code: 'required' }];
  } else {
    const problem =
      slugProblem(slug, script) ?? (RESERVED_PAGE_SLUGS.has(slug) ? { code: 'slug-reserved' } : undefined);
    if (problem) problems.slug = [problem];
  }

  const doc = readRichDocField(body, 'body_json', problems);
  const input: PageInput = { lang, title, slug, slugDerived, body: doc };
  return { input, problems };
}

/** What the audit log keeps of a page: everything but the rendered HTML. */
export function pageForAudit(page: Page | undefined) {
  if (!page) return undefined;
  const kept: Partial<Page> = { ...page };
  delete kept.body_html;
  return kept;
}

export function registerPageRoutes(admin: FastifyInstance, kit: AdminKit) {
  const db = kit.deps.db.kysely;

  const findPage = (id: number) => db.selectFrom('pages').selectAll().where('id', '=', id).executeTakeFirst();
  const findTranslation = (page: Page) =>
    db
      .selectFrom('pages')
      .selectAll()
      .where('translation_group', '=', page.translation_group)
      .where('id', '!=', page.id)
      .executeTakeFirst();

  async function renderPageForm(
    request: FastifyRequest,
    reply: FastifyReply,
    options: { page?: Page; source?: Page; values: FormBody; problems?: FieldProblems; status?: number },
  ) {
    const ctx = await kit.context(
      request,
      reply,
      noticeParam((request.query as Record<string, unknown> | undefined)?.notice),
    );
    const { page } = options;
    const [editorScript, translation] = await Promise.all([
      kit.editorScript(),
      page ? findTranslation(page) : undefined,
    ]);
    return kit.page(
      reply,
      ctx,
      page ? ctx.t('editItem', { name: page.title }) : ctx.t('newPage'),
      <>
        <p>
          <a href="/admin/pages">{ctx.t('navPages')}</a>
        </p>
        {page ? <PagePanel ctx={ctx} page={page} translation={translation} /> : null}
        <PageForm
          ctx={ctx}
          values={options.values}
          problems={options.problems}
          page={page}
          source={options.source}
          editorScript={editorScript}
        />
      </>,
      options.status ?? 200,
    );
  }

  /** Creates (no `page`) or updates a page; problems come back instead of a 500. */
  async function savePage(actor: AuditActor, body: FormBody, page: Page | undefined, source: Page | undefined) {
    const fixedLang: Lang | undefined = page?.lang ?? (source ? (source.lang === 'he' ? 'en' : 'he') : undefined);
    const { input, problems } = parsePageForm(body, fixedLang);
    const rendered = hasProblems(problems) ? undefined : await renderBody(db, input.body, input.lang);
    return withRetry(() =>
      db.transaction().execute(async (trx) => {
        const found: FieldProblems = { ...problems };
        let slug = input.slug;
        if (!found.slug && slug !== '') {
          const free = await freeSlug(slug, input.slugDerived, async (candidate) => {
            let q = trx.selectFrom('pages').select('id').where('lang', '=', input.lang).where('slug', '=', candidate);
            if (page) q = q.where('id', '!=', page.id);
            return (await q.executeTakeFirst()) !== undefined;
          });
          if (free === null || RESERVED_PAGE_SLUGS.has(free)) found.slug = [{ code: 'slug-duplicate' }];
          else slug = free;
        }
        if (source) {
          const clash = await trx
            .selectFrom('pages')
            .select('id')
            .where('translation_group', '=', source.translation_group)
            .where('lang', '=', input.lang)
            .executeTakeFirst();
          if (clash) found.lang = [{ code: 'page-translation-exists' }];
        }
        if (hasProblems(found) || !rendered) return { ok: false as const, problems: found };
        const values = {
          lang: input.lang,
          title: input.title,
          slug,
          body_json: JSON.stringify(input.body),
          body_html: rendered.html,
          updated_at: new Date().toISOString(),
        };
        const after = page
          ? await trx
              .updateTable('pages')
              .set(values)
              .where('id', '=', page.id)
              .returningAll()
              .executeTakeFirstOrThrow()
          : await trx
              .insertInto('pages')
              .values({ ...values, translation_group: source?.translation_group ?? randomUUID() })
              .returningAll()
              .executeTakeFirstOrThrow();
        await audit(trx, actor, {
          action: page ? 'update' : 'create',
          entity: 'page',
          entityId: after.id,
          before: pageForAudit(page),
          after: pageForAudit(after),
        });
        return { ok: true as const, id: after.id };
      }),
    );
  }

  admin.get<{ Querystring: Record<string, unknown> }>('/pages', async (request, reply) => {
    kit.actor(request, 'structure.manage');
    const ctx = await kit.context(request, reply, noticeParam(request.query.notice));
    const pages = await db.selectFrom('pages').selectAll().orderBy('lang').orderBy('title').orderBy('id').execute();
    return kit.page(reply, ctx, ctx.t('navPages'), <PageList ctx={ctx} pages={pages} />);
  });

  admin.get<{ Querystring: Record<string, unknown> }>('/pages/new', async (request, reply) => {
    kit.actor(request, 'structure.manage');
    const sourceId = optionalId(request.query.translation_of);
    const source = sourceId === undefined ? undefined : await findPage(sourceId);
    if (sourceId !== undefined && !source) throw new EditorialError('not-found', 404);
    const lang = source ? (source.lang === 'he' ? 'en' : 'he') : request.query.lang === 'he' ? 'he' : 'en';
    return renderPageForm(request, reply, { source, values: { lang, body_json: source?.body_json ?? EMPTY_DOC } });
  });

  admin.post('/pages', async (request, reply) => {
    const actor = kit.actor(request, 'structure.manage');
    const body = formBody(request);
    const sourceId = optionalId(field(body, 'translation_of'));
    const source = sourceId === undefined ? undefined : await findPage(sourceId);
    if (sourceId !== undefined && !source) throw new EditorialError('not-found', 404);
    const result = await savePage(actor, body, undefined, source);
    if (!result.ok)
      return renderPageForm(request, reply, { source, values: body, problems: result.problems, status: 400 });
    await kit.deps.content.contentChanged();
    return reply.redirect(`/admin/pages/${result.id}?notice=created`, 303);
  });

  admin.get<{ Params: { id: string } }>('/pages/:id', async (request, reply) => {
    kit.actor(request, 'structure.manage');
    const page = await findPage(idParam(request.params.id));
    if (!page) throw new EditorialError('not-found', 404);
    return renderPageForm(request, reply, {
      page,
      values: { lang: page.lang, title: page.title, slug: page.slug, body_json: page.body_json },
    });
  });

  admin.post<{ Params: { id: string } }>('/pages/:id', async (request, reply) => {
    const actor = kit.actor(request, 'structure.manage');
    const page = await findPage(idParam(request.params.id));
    if (!page) throw new EditorialError('not-found', 404);
    const body = formBody(request);
    const result = await savePage(actor, body, page, undefined);
    if (!result.ok)
      return renderPageForm(request, reply, { page, values: body, problems: result.problems, status: 400 });
    await kit.deps.content.contentChanged();
    return reply.redirect(`/admin/pages/${page.id}?notice=saved`, 303);
  });

  admin.post<{ Params: { id: string } }>('/pages/:id/delete', async (request, reply) => {
    const actor = kit.actor(request, 'structure.manage');
    const id = idParam(request.params.id);
    await db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('pages').selectAll().where('id', '=', id).executeTakeFirst();
      if (!before) throw new EditorialError('not-found', 404);
      await trx.deleteFrom('pages').where('id', '=', id).execute();
      await audit(trx, actor, { action: 'delete', entity: 'page', entityId: id, before: pageForAudit(before) });
    });
    await kit.deps.content.contentChanged();
    return reply.redirect('/admin/pages?notice=deleted', 303);
  });
}
