import type { FastifyInstance } from 'fastify';
import { diffRevisions, listRevisions, restoreRevision, type FieldDiff } from '../../editorial/revisions.js';
import { loadFor } from '../../editorial/publication-store.js';
import { type FormBody } from '../../editorial/form-body.js';
import { field } from '../../editorial/form-body.js';
import type { AdminContext } from '../admin-context.js';
import { idParam, optionalId } from '../admin-params.js';
import type { AdminKit } from '../admin-plugin.js';
import type { AdminMessageKey } from '../i18n/index.js';
import { CsrfField } from '../views/fields.js';

const FIELD_LABEL: Record<string, AdminMessageKey> = {
  title: 'fieldTitle',
  slug: 'fieldSlug',
  summary: 'fieldSummary',
  body: 'fieldBodyText',
  seo_description: 'fieldSeoDescription',
  series_number: 'fieldSeriesNumber',
  type_id: 'fieldTypeId',
  author_ids: 'fieldAuthorIds',
  topic_ids: 'fieldTopicIds',
  media: 'fieldMedia',
};

function DiffView({ ctx, diffs }: { ctx: AdminContext; diffs: FieldDiff[] }) {
  if (diffs.length === 0) return <p>{ctx.t('diffNone')}</p>;
  return (
    <>
      {diffs.map((d) => (
        <section key={d.field} class="diff">
          <h2>{ctx.t(FIELD_LABEL[d.field] ?? 'fieldTitle')}</h2>
          <p class="diff-text" dir="auto">
            {d.parts.map((part, i) =>
              part.added ? (
                <ins key={i} aria-label={ctx.t('diffAdded')}>
                  {part.value}
                </ins>
              ) : part.removed ? (
                <del key={i} aria-label={ctx.t('diffRemoved')}>
                  {part.value}
                </del>
              ) : (
                <span key={i}>{part.value}</span>
              ),
            )}
          </p>
        </section>
      ))}
    </>
  );
}

export function registerRevisionRoutes(admin: FastifyInstance, kit: AdminKit) {
  const deps = kit.deps;
  const db = deps.db.kysely;

  admin.get<{ Params: { id: string }; Querystring: Record<string, unknown> }>(
    '/publications/:id/revisions',
    async (request, reply) => {
      const id = idParam(request.params.id);
      const actor = kit.actor(request);
      const found = await loadFor(db, actor, id, 'publication.view');
      const ctx = await kit.context(request, reply);
      const revisions = await listRevisions(db, id);
      const from = optionalId(request.query.from);
      const to = optionalId(request.query.to);
      const diffs = from && to ? await diffRevisions(db, actor, id, from, to) : undefined;
      const versions = revisions.map((r) => r.version);
      const current = found.row.version;
      return kit.page(
        reply,
        ctx,
        ctx.t('revisionsTitle', { title: found.row.title }),
        <>
          <p>
            <a href={`/admin/publications/${id}`}>{ctx.t('editPublication')}</a>
          </p>
          <form method="get" class="filters" action={`/admin/publications/${id}/revisions`}>
            <div class="field">
              <label for="from">{ctx.t('compareFrom')}</label>
              <select id="from" name="from">
                {versions.map((v) => (
                  <option key={v} value={String(v)} selected={v === (from ?? versions[1] ?? versions[0])}>
                    {v}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="to">{ctx.t('compareTo')}</label>
              <select id="to" name="to">
                {versions.map((v) => (
                  <option key={v} value={String(v)} selected={v === (to ?? versions[0])}>
                    {v}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit">{ctx.t('compare')}</button>
          </form>
          {diffs && from && to ? (
            <section aria-labelledby="diff-title">
              <h2 id="diff-title">{ctx.t('diffTitle', { from, to })}</h2>
              <DiffView ctx={ctx} diffs={diffs} />
            </section>
          ) : null}
          <table class="admin-table">
            <thead>
              <tr>
                <th scope="col">{ctx.t('colVersion')}</th>
                <th scope="col">{ctx.t('colWhen')}</th>
                <th scope="col">{ctx.t('colWho')}</th>
                <th scope="col">
                  <span class="visually-hidden">{ctx.t('restore')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {revisions.map((r) => (
                <tr key={r.id}>
                  <td>{r.version}</td>
                  <td>{r.createdAt.replace('T', ' ').slice(0, 16)} UTC</td>
                  <td>{r.userEmail ?? 'system'}</td>
                  <td>
                    {r.version !== current ? (
                      <form
                        method="post"
                        action={`/admin/publications/${id}/revisions/${r.version}/restore`}
                        class="inline-form"
                      >
                        <CsrfField ctx={ctx} />
                        <input type="hidden" name="version" value={String(current)} />
                        <button type="submit" aria-label={`${ctx.t('restore')} ${r.version}`}>
                          {ctx.t('restore')}
                        </button>
                      </form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>,
      );
    },
  );

  admin.post<{ Params: { id: string; version: string }; Body: FormBody }>(
    '/publications/:id/revisions/:version/restore',
    async (request, reply) => {
      const id = idParam(request.params.id);
      const version = idParam(request.params.version);
      await restoreRevision(deps, kit.actor(request), id, version, Number(field(request.body, 'version')));
      return reply.redirect(`/admin/publications/${id}?notice=restored`, 303);
    },
  );
}
