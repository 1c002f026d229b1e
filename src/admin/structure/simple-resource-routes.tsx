import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { audit, type AuditActor } from '../../audit/audit-log.js';
import { EditorialError, type FieldProblems } from '../../editorial/editorial-errors.js';
import { type FormBody } from '../../editorial/form-body.js';
import type { AdminContext } from '../admin-context.js';
import { idParam, noticeParam, formBody } from '../admin-params.js';
import type { AdminKit } from '../admin-plugin.js';
import { messageFor } from '../i18n/index.js';
import { Alert } from '../views/fields.js';
import {
  DeleteBox,
  layoutFields,
  StructureForm,
  StructureList,
  type StructureField,
} from '../views/structure-table.js';
import { type Value, parseFields, freeSlug, withRetry, hasProblems, rowValues } from './structure-fields.js';
import { loose, looseTable, type SimpleResource } from './simple-resources.js';

export function registerSimpleResource<R extends { id: number }>(
  admin: FastifyInstance,
  kit: AdminKit,
  r: SimpleResource<R>,
) {
  const db = kit.deps.db.kysely;
  const table = looseTable(r.table);
  const base = `/admin${r.path}`;
  const fields = layoutFields(r.layout);
  const slugFields = fields.filter((f): f is Extract<StructureField, { kind: 'slug' }> => f.kind === 'slug');

  async function findRow(id: number): Promise<R | undefined> {
    const row = await loose(db).selectFrom(table).selectAll().where('id', '=', id).executeTakeFirst();
    return row as R | undefined;
  }

  async function renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    options: { row?: R; values: FormBody; problems?: FieldProblems; alert?: string; status?: number },
  ) {
    const ctx = await kit.context(
      request,
      reply,
      noticeParam((request.query as Record<string, unknown> | undefined)?.notice),
    );
    const { row } = options;
    const choices = (await r.choices?.(ctx, db, row?.id)) ?? {};
    const title = row ? ctx.t('editItem', { name: r.label(row, ctx.lang) }) : ctx.t(r.newTitle);
    return kit.page(
      reply,
      ctx,
      title,
      <>
        <p>
          <a href={base}>{ctx.t(r.title)}</a>
        </p>
        <Alert text={options.alert} />
        <StructureForm
          ctx={ctx}
          action={row ? `${base}/${row.id}` : base}
          layout={r.layout}
          values={options.values}
          problems={options.problems}
          choices={choices}
        />
        {row ? <DeleteBox ctx={ctx} action={`${base}/${row.id}/delete`} /> : null}
      </>,
      options.status ?? 200,
    );
  }

  /** Validates and writes; returns the problems instead when the form is refused. */
  async function save(actor: AuditActor, ctx: AdminContext, body: FormBody, id: number | undefined) {
    const choices = (await r.choices?.(ctx, db, id)) ?? {};
    const parsed = parseFields(fields, body, choices);
    const { problems, derived } = parsed;
    return withRetry(() =>
      db.transaction().execute(async (trx) => {
        const t = loose(trx);
        const data = { ...parsed.data };
        const before =
          id === undefined ? undefined : await t.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirst();
        if (id !== undefined && !before) throw new EditorialError('not-found', 404);
        const found: FieldProblems = { ...problems };
        for (const f of slugFields) {
          const slug = data[f.name];
          if (found[f.name] || typeof slug !== 'string') continue;
          const free = await freeSlug(slug, derived.has(f.name), async (candidate) => {
            let q = t.selectFrom(table).select('id').where(f.name, '=', candidate);
            if (id !== undefined) q = q.where('id', '!=', id);
            return (await q.executeTakeFirst()) !== undefined;
          });
          if (free === null) found[f.name] = [{ code: 'slug-duplicate' }];
          else data[f.name] = free;
        }
        Object.assign(found, await r.check?.(trx, data, id));
        if (hasProblems(found)) return { ok: false as const, problems: found };
        if (data.position === null) {
          let q = t.selectFrom(table).select((eb) => eb.fn.max('position').as('last'));
          if (r.positionScope) q = q.where(r.positionScope, '=', data[r.positionScope] ?? null);
          const { last } = await q.executeTakeFirstOrThrow();
          data.position = last === null || last === undefined ? 0 : Number(last) + 1;
        }
        let after: Record<string, Value>;
        if (before) {
          after = await t.updateTable(table).set(data).where('id', '=', id!).returningAll().executeTakeFirstOrThrow();
        } else {
          after = await t.insertInto(table).values(data).returningAll().executeTakeFirstOrThrow();
        }
        const savedId = Number(after.id);
        await audit(trx, actor, {
          action: before ? 'update' : 'create',
          entity: r.entity,
          entityId: savedId,
          before,
          after,
        });
        return { ok: true as const, id: savedId };
      }),
    );
  }

  admin.get<{ Querystring: Record<string, unknown> }>(r.path, async (request, reply) => {
    kit.actor(request, 'structure.manage');
    const ctx = await kit.context(request, reply, noticeParam(request.query.notice));
    let q = loose(db).selectFrom(table).selectAll();
    for (const column of r.order) q = q.orderBy(column);
    const rows = (await q.orderBy('id').execute()) as R[];
    return kit.page(
      reply,
      ctx,
      ctx.t(r.title),
      <StructureList
        ctx={ctx}
        basePath={base}
        newLabel={r.newTitle}
        rows={r.arrange ? r.arrange(rows, ctx) : rows}
        columns={r.columns(ctx)}
      />,
    );
  });

  admin.get(`${r.path}/new`, async (request, reply) => {
    kit.actor(request, 'structure.manage');
    return renderForm(request, reply, { values: {} });
  });

  admin.post(r.path, async (request, reply) => {
    const actor = kit.actor(request, 'structure.manage');
    const ctx = await kit.context(request, reply);
    const result = await save(actor, ctx, formBody(request), undefined);
    if (!result.ok)
      return renderForm(request, reply, { values: formBody(request), problems: result.problems, status: 400 });
    await kit.deps.content.contentChanged();
    return reply.redirect(`${base}?notice=created`, 303);
  });

  admin.get<{ Params: { id: string } }>(`${r.path}/:id`, async (request, reply) => {
    kit.actor(request, 'structure.manage');
    const row = await findRow(idParam(request.params.id));
    if (!row) throw new EditorialError('not-found', 404);
    return renderForm(request, reply, { row, values: rowValues(fields, row) });
  });

  admin.post<{ Params: { id: string } }>(`${r.path}/:id`, async (request, reply) => {
    const actor = kit.actor(request, 'structure.manage');
    const id = idParam(request.params.id);
    const ctx = await kit.context(request, reply);
    const result = await save(actor, ctx, formBody(request), id);
    if (!result.ok) {
      const row = await findRow(id);
      if (!row) throw new EditorialError('not-found', 404);
      return renderForm(request, reply, { row, values: formBody(request), problems: result.problems, status: 400 });
    }
    await kit.deps.content.contentChanged();
    return reply.redirect(`${base}?notice=saved`, 303);
  });

  admin.post<{ Params: { id: string } }>(`${r.path}/:id/delete`, async (request, reply) => {
    const actor = kit.actor(request, 'structure.manage');
    const id = idParam(request.params.id);
    const blocked = await db.transaction().execute(async (trx) => {
      const before = await loose(trx).selectFrom(table).selectAll().where('id', '=', id).executeTakeFirst();
      if (!before) throw new EditorialError('not-found', 404);
      const blockers = (await r.blockers?.(trx, id)) ?? [];
      if (blockers.length) return blockers;
      await loose(trx).deleteFrom(table).where('id', '=', id).execute();
      await audit(trx, actor, { action: 'delete', entity: r.entity, entityId: id, before });
      return [];
    });
    if (blocked.length) {
      const row = await findRow(id);
      if (!row) throw new EditorialError('not-found', 404);
      const ctx = await kit.context(request, reply);
      const alert = blocked.map((b) => messageFor(b.code, ctx.lang, b.params)).join(' ');
      return renderForm(request, reply, { row, values: rowValues(fields, row), alert, status: 409 });
    }
    await kit.deps.content.contentChanged();
    return reply.redirect(`${base}?notice=deleted`, 303);
  });
}
