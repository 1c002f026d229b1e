import type { FastifyInstance } from 'fastify';
import { audit } from '../../audit/audit-log.js';
import { can } from '../../auth/policy.js';
import { SUBSCRIBER_STATUSES, type SubscriberStatus } from '../../db/schema.js';
import { EditorialError } from '../../editorial/editorial-errors.js';
import { eraseSubscriber } from '../../newsletter/subscribers.js';
import { idParam, noticeParam, pageParam, stringParam } from '../admin-params.js';
import type { AdminKit } from '../admin-plugin.js';
import {
  listSubscribers,
  subscriberCounts,
  subscribersCsv,
  SUBSCRIBERS_PAGE_SIZE,
  type SubscriberFilters,
} from '../subscriber-queries.js';
import { EraseConfirm, SubscriberList } from '../views/subscriber-views.js';

/*
 * Newsletter subscribers: list and search, export (admins), and erasure on request. The
 * audit log records erasures by id only, so it never keeps a copy of an erased address.
 */

function subscriberFilters(query: Record<string, unknown>): SubscriberFilters {
  const status = stringParam(query.status);
  return {
    q: stringParam(query.q, 254).trim(),
    status: (SUBSCRIBER_STATUSES as readonly string[]).includes(status) ? (status as SubscriberStatus) : undefined,
    page: pageParam(query.page),
  };
}

export function registerSubscriberRoutes(admin: FastifyInstance, kit: AdminKit) {
  const db = kit.deps.db.kysely;

  admin.get<{ Querystring: Record<string, unknown> }>('/subscribers', async (request, reply) => {
    const actor = kit.actor(request, 'subscribers.view');
    const ctx = await kit.context(request, reply, noticeParam(request.query.notice));
    const filters = subscriberFilters(request.query);
    const [{ rows, total }, counts] = await Promise.all([listSubscribers(db, filters), subscriberCounts(db)]);
    return kit.page(
      reply,
      ctx,
      ctx.t('subscribersTitle'),
      <SubscriberList
        ctx={ctx}
        rows={rows}
        total={total}
        perPage={SUBSCRIBERS_PAGE_SIZE}
        counts={counts}
        filters={filters}
        canExport={can(actor, 'subscribers.export')}
        canErase={can(actor, 'subscribers.delete')}
      />,
    );
  });

  admin.get('/subscribers.csv', async (request, reply) => {
    const actor = kit.actor(request, 'subscribers.export');
    const { csv, rows } = await subscribersCsv(db);
    // That an export happened, and how big it was; never the addresses themselves.
    await audit(db, actor, { action: 'export', entity: 'subscribers', entityId: 'csv', after: { rows } });
    const date = new Date().toISOString().slice(0, 10);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="subscribers-${date}.csv"`)
      .send(csv);
  });

  admin.get<{ Params: { id: string } }>('/subscribers/:id/delete', async (request, reply) => {
    kit.actor(request, 'subscribers.delete');
    const subscriber = await db
      .selectFrom('subscribers')
      .select(['id', 'email'])
      .where('id', '=', idParam(request.params.id))
      .executeTakeFirst();
    if (!subscriber) throw new EditorialError('not-found', 404);
    const ctx = await kit.context(request, reply);
    return kit.page(reply, ctx, ctx.t('eraseTitle'), <EraseConfirm ctx={ctx} subscriber={subscriber} />);
  });

  admin.post<{ Params: { id: string } }>('/subscribers/:id/delete', async (request, reply) => {
    const actor = kit.actor(request, 'subscribers.delete');
    const id = idParam(request.params.id);
    if (!(await eraseSubscriber(db, id))) throw new EditorialError('not-found', 404);
    await audit(db, actor, { action: 'erase', entity: 'subscriber', entityId: id });
    return reply.redirect('/admin/subscribers?notice=subscriberErased', 303);
  });
}
