import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { inLang } from '../../content/bilingual.js';
import { findPublicationForPreview } from '../../content/publication-queries.js';
import { PUBLICATION_STATUSES, type Database, type Lang, type PublicationStatus } from '../../db/schema.js';
import { EditorialError, type FieldProblems } from '../../editorial/editorial-errors.js';
import { zonedLocalToUtc } from '../../editorial/local-time.js';
import { parsePublicationForm } from '../../editorial/publication-form.js';
import { field, type FormBody } from '../../editorial/form-body.js';
import {
  createPublication,
  deletePublication,
  loadFor,
  nextSeriesNumber,
  savePublication,
} from '../../editorial/publication-store.js';
import { listStaffPublications, STAFF_PAGE_SIZE, type StaffListFilters } from '../../editorial/staff-publications.js';
import { addTranslation } from '../../editorial/translations.js';
import { applyWorkflowStep, isWorkflowStep } from '../../editorial/workflow.js';
import { escapeHtml } from '../../lib/escape-html.js';
import { pageContext, renderDocument } from '../../site/page-handler.js';
import { publicationView } from '../../site/site-routes.js';
import type { AdminContext } from '../admin-context.js';
import { idParam, noticeParam, optionalId, pageParam, stringParam } from '../admin-params.js';
import type { AdminKit } from '../admin-plugin.js';
import { messageFor } from '../i18n/index.js';
import { Alert } from '../views/fields.js';
import { EditPanel } from '../views/publication-edit-panel.js';
import { collectAuthorIds, PublicationForm, publicationValues } from '../views/publication-form.js';
import { PublicationList } from '../views/publication-list.js';
import { registerImportRoutes } from './import-routes.js';
import { registerRevisionRoutes } from './revision-routes.js';

async function nextNumbers(db: Kysely<Database>, ctx: AdminContext) {
  const numbered = ctx.catalog.types.filter((t) => t.numbered);
  return Promise.all(
    numbered.map(async (t) => ({ typeName: inLang(t, 'name', ctx.lang), next: await nextSeriesNumber(db, t.id) })),
  );
}

/** Renders the new/edit form, with what was typed and the problems when a save failed. */
export async function renderPublicationForm(
  kit: AdminKit,
  request: FastifyRequest,
  reply: FastifyReply,
  options: {
    id?: number;
    values: FormBody;
    problems?: FieldProblems;
    alert?: string;
    status?: number;
    notice?: ReturnType<typeof noticeParam>;
    extra?: preact.ComponentChildren;
  },
) {
  const db = kit.deps.db.kysely;
  const ctx = await kit.context(request, reply, options.notice);
  const actor = kit.actor(request);
  const found = options.id !== undefined ? await loadFor(db, actor, options.id, 'publication.view') : undefined;
  const [translation, media, numbers, editorScript] = await Promise.all([
    found
      ? db
          .selectFrom('publications')
          .select(['id', 'lang'])
          .where('translation_group', '=', found.row.translation_group)
          .where('id', '!=', found.row.id)
          .executeTakeFirst()
      : undefined,
    db.selectFrom('media').selectAll().orderBy('id', 'desc').limit(500).execute(),
    nextNumbers(db, ctx),
    kit.editorScript(),
  ]);
  const title = found ? ctx.t('editPublication') : ctx.t('newPublication');
  return kit.page(
    reply,
    ctx,
    title,
    <>
      <Alert text={options.alert} />
      {options.extra}
      {found ? <EditPanel ctx={ctx} actor={actor} publication={found.row} translation={translation} /> : null}
      <PublicationForm
        ctx={ctx}
        values={options.values}
        problems={options.problems}
        publication={found?.row}
        media={media}
        nextNumbers={numbers}
        editorScript={editorScript}
      />
    </>,
    options.status ?? 200,
  );
}

function listFilters(query: Record<string, unknown>): StaffListFilters {
  const status = stringParam(query.status);
  const lang = stringParam(query.lang);
  return {
    status: (PUBLICATION_STATUSES as readonly string[]).includes(status) ? (status as PublicationStatus) : undefined,
    lang: lang === 'en' || lang === 'he' ? (lang as Lang) : undefined,
    typeId: optionalId(query.type),
    personId: optionalId(query.author),
    topicId: optionalId(query.topic),
    q: stringParam(query.q, 200).trim(),
    page: pageParam(query.page),
  };
}

export function registerPublicationRoutes(admin: FastifyInstance, kit: AdminKit) {
  const deps = kit.deps;
  const db = deps.db.kysely;

  admin.get<{ Querystring: Record<string, unknown> }>('/publications', async (request, reply) => {
    const ctx = await kit.context(request, reply, noticeParam(request.query.notice));
    const actor = kit.actor(request);
    const filters = listFilters(request.query);
    const { rows, total } = await listStaffPublications(db, actor, filters);
    return kit.page(
      reply,
      ctx,
      ctx.t('publicationsTitle'),
      <PublicationList ctx={ctx} rows={rows} total={total} perPage={STAFF_PAGE_SIZE} filters={filters} />,
    );
  });

  admin.get<{ Querystring: { lang?: string } }>('/publications/new', async (request, reply) => {
    const lang = request.query.lang === 'he' ? 'he' : 'en';
    const ctx = await kit.context(request, reply);
    const firstType = ctx.catalog.types[0];
    return renderPublicationForm(kit, request, reply, {
      values: {
        lang,
        type_id: firstType ? String(firstType.id) : '',
        body_json: JSON.stringify({ type: 'doc', content: [] }),
      },
    });
  });

  admin.post<{ Body: FormBody }>('/publications', async (request, reply) => {
    const values = collectAuthorIds(request.body);
    const parsed = parsePublicationForm(values);
    if (!parsed.ok)
      return renderPublicationForm(kit, request, reply, { values, problems: parsed.problems, status: 400 });
    try {
      const id = await createPublication(deps, kit.actor(request), parsed.fields);
      return reply.redirect(`/admin/publications/${id}?notice=created`, 303);
    } catch (error) {
      if (error instanceof EditorialError && error.status === 400) {
        return renderPublicationForm(kit, request, reply, { values, problems: error.fields, status: 400 });
      }
      throw error;
    }
  });

  admin.get<{ Params: { id: string }; Querystring: Record<string, unknown> }>(
    '/publications/:id',
    async (request, reply) => {
      const id = idParam(request.params.id);
      const found = await loadFor(db, kit.actor(request), id, 'publication.view');
      return renderPublicationForm(kit, request, reply, {
        id,
        values: publicationValues(found.row, found.authorIds, found.topicIds),
        notice: noticeParam(request.query.notice),
      });
    },
  );

  admin.post<{ Params: { id: string }; Body: FormBody }>('/publications/:id', async (request, reply) => {
    const id = idParam(request.params.id);
    const values = collectAuthorIds(request.body);
    const parsed = parsePublicationForm(values);
    if (!parsed.ok)
      return renderPublicationForm(kit, request, reply, { id, values, problems: parsed.problems, status: 400 });
    try {
      await savePublication(deps, kit.actor(request), id, parsed.fields, Number(field(values, 'version')));
      return reply.redirect(`/admin/publications/${id}?notice=saved`, 303);
    } catch (error) {
      if (!(error instanceof EditorialError) || (error.status !== 400 && error.status !== 409)) throw error;
      if (error.status === 400)
        return renderPublicationForm(kit, request, reply, { id, values, problems: error.fields, status: 400 });
      // Conflict: keep the writer's text in the form, show the text saved meanwhile beside it.
      const theirs = await loadFor(db, kit.actor(request), id, 'publication.view');
      const ctx = await kit.context(request, reply);
      return renderPublicationForm(kit, request, reply, {
        id,
        values: { ...values, version: String(theirs.row.version) },
        alert: messageFor('conflict', ctx.lang, error.params),
        status: 409,
        extra: (
          <details class="conflict-theirs" open>
            <summary>{ctx.t('conflictTheirs')}</summary>
            <h2 dir="auto">{theirs.row.title}</h2>
            <p dir="auto">{theirs.row.summary}</p>
            <pre dir="auto" class="plain-text">
              {theirs.row.body_text}
            </pre>
          </details>
        ),
      });
    }
  });

  admin.post<{ Params: { id: string }; Body: FormBody }>('/publications/:id/workflow', async (request, reply) => {
    const id = idParam(request.params.id);
    const step = field(request.body, 'step');
    if (!isWorkflowStep(step)) throw new EditorialError('forbidden', 403);
    const ctx = await kit.context(request, reply);
    let publishAt: Date | undefined;
    if (step === 'schedule') {
      publishAt = zonedLocalToUtc(field(request.body, 'publish_at'), ctx.catalog.settings.timeZone) ?? undefined;
    }
    try {
      await applyWorkflowStep(deps, kit.actor(request), id, step, publishAt ? { publishAt } : {});
    } catch (error) {
      if (!(error instanceof EditorialError) || error.status !== 400) throw error;
      const found = await loadFor(db, kit.actor(request), id, 'publication.view');
      return renderPublicationForm(kit, request, reply, {
        id,
        values: publicationValues(found.row, found.authorIds, found.topicIds),
        problems: error.fields,
        status: 400,
      });
    }
    return reply.redirect(`/admin/publications/${id}?notice=saved`, 303);
  });

  admin.post<{ Params: { id: string } }>('/publications/:id/translation', async (request, reply) => {
    const newId = await addTranslation(deps, kit.actor(request), idParam(request.params.id));
    return reply.redirect(`/admin/publications/${newId}?notice=translationCreated`, 303);
  });

  admin.post<{ Params: { id: string } }>('/publications/:id/delete', async (request, reply) => {
    await deletePublication(deps, kit.actor(request), idParam(request.params.id));
    return reply.redirect('/admin/publications?notice=deleted', 303);
  });

  admin.get<{ Params: { id: string } }>('/publications/:id/preview', async (request, reply) => {
    const id = idParam(request.params.id);
    await loadFor(db, kit.actor(request), id, 'publication.view');
    const detail = await findPublicationForPreview(db, id);
    if (!detail) throw new EditorialError('not-found', 404);
    const ctx = await pageContext(deps.site, detail.publication.lang);
    const view = await publicationView(deps.site, ctx, detail);
    const adminCtx = await kit.context(request, reply);
    const banner = `<p class="preview-banner" role="status">${escapeHtml(adminCtx.t('previewBanner'))}</p>`;
    const html = renderDocument(ctx, { ...view, meta: { ...view.meta, noindex: true } }).replace(
      /<body([^>]*)>/,
      `<body$1>${banner}`,
    );
    return reply.type('text/html; charset=utf-8').send(html);
  });

  registerRevisionRoutes(admin, kit);
  registerImportRoutes(admin, kit);
}
