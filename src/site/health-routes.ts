import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Db } from '../db/create-db.js';
import { migrationsAreCurrent } from '../db/migrate.js';

/** A readiness probe answers within this time even when the database hangs. */
const READY_TIMEOUT_MS = 2_000;

function withinTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * `/healthz`: the process is up and its event loop turns (for restarting a wedged node).
 * `/readyz`: this node can serve pages — the database answers and its schema is current
 * (for taking a node out of the load balancer while the database is away or mid-upgrade).
 */
export function registerHealthRoutes(app: FastifyInstance, db: Db): void {
  // Applied migrations are never removed, so once current stays current for this process.
  let schemaCurrent = false;

  app.get('/healthz', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return { status: 'ok' };
  });

  app.get('/readyz', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    try {
      await withinTimeout(sql`select 1`.execute(db.kysely), READY_TIMEOUT_MS);
    } catch (error) {
      // The details (host names, addresses) go to the log, not to whoever asks.
      request.log.warn({ err: error }, 'readiness: database unreachable');
      return reply.code(503).send({ status: 'unavailable', reason: 'database unreachable' });
    }
    schemaCurrent ||= await withinTimeout(migrationsAreCurrent(db), READY_TIMEOUT_MS).catch(() => false);
    if (!schemaCurrent) {
      return reply.code(503).send({ status: 'unavailable', reason: 'database schema is behind: run dossier migrate' });
    }
    return { status: 'ready' };
  });
}
