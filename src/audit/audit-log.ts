import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export interface AuditActor {
  id: number | null;
  email: string;
}

/** The system itself (the scheduler, the CLI) when no staff member acted. */
export const SYSTEM_ACTOR: AuditActor = { id: null, email: 'system' };

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
}

/** Fields that never go into the log, even hashed. */
const SECRET_FIELDS = new Set(['password_hash', 'totp_secret', 'totp_last_step', 'csrf_token']);

function redact(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(value, (key, v: unknown) => (SECRET_FIELDS.has(key) ? (v ? '[set]' : v) : v));
}

/** Records who changed what, when, with the state before and after; call inside the change's transaction. */
export async function audit(db: Kysely<Database>, actor: AuditActor, entry: AuditEntry, now = new Date()) {
  await db
    .insertInto('audit_log')
    .values({
      at: now.toISOString(),
      user_id: actor.id,
      user_email: actor.email,
      action: entry.action,
      entity: entry.entity,
      entity_id: String(entry.entityId),
      before_json: redact(entry.before),
      after_json: redact(entry.after),
    })
    .execute();
}

export interface AuditQuery {
  entity?: string;
  userEmail?: string;
  page: number;
}

export const AUDIT_PAGE_SIZE = 50;

export async function listAudit(db: Kysely<Database>, query: AuditQuery) {
  let q = db.selectFrom('audit_log');
  if (query.entity) q = q.where('entity', '=', query.entity);
  if (query.userEmail) q = q.where('user_email', '=', query.userEmail);
  const [rows, total] = await Promise.all([
    q
      .selectAll()
      .orderBy('id', 'desc')
      .limit(AUDIT_PAGE_SIZE)
      .offset((query.page - 1) * AUDIT_PAGE_SIZE)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}
