import { sql, type Kysely } from 'kysely';
import type { Database, RegistrationStatus } from '../db/schema.js';
import { csvLine } from '../lib/csv.js';

/* An event's registrations as staff list and export them. */

export const REGISTRATION_STATUSES = [
  'confirmed',
  'waitlisted',
  'cancelled',
] as const satisfies readonly RegistrationStatus[];
export const REGISTRATIONS_PAGE_SIZE = 100;

export interface RegistrationFilters {
  status: RegistrationStatus | undefined;
  page: number;
}

export async function registrationCounts(
  db: Kysely<Database>,
  eventId: number,
): Promise<Record<RegistrationStatus, number>> {
  const counts = { confirmed: 0, waitlisted: 0, cancelled: 0 };
  const rows = await db
    .selectFrom('event_registrations')
    .select((eb) => ['status', eb.fn.countAll<number>().as('n')])
    .where('event_id', '=', eventId)
    .groupBy('status')
    .execute();
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}

const COLUMNS = ['id', 'name', 'email', 'organisation', 'lang', 'status', 'created_at'] as const;

/** One page of registrations in the order they came in (the waiting list's order). */
export async function listRegistrations(db: Kysely<Database>, eventId: number, f: RegistrationFilters) {
  let q = db.selectFrom('event_registrations').where('event_id', '=', eventId);
  if (f.status) q = q.where('status', '=', f.status);
  const [rows, total] = await Promise.all([
    q
      .select(COLUMNS)
      .select((eb) =>
        // The registrant's latest mail that the outbox gave up on, so staff can tell them themselves.
        eb
          .selectFrom('mail_outbox')
          .select('mail_outbox.status')
          .where('mail_outbox.ref', '=', sql<string>`'registration:' || ${sql.ref('event_registrations.id')}`)
          .where('mail_outbox.status', 'in', ['failed', 'uncertain'])
          .orderBy('mail_outbox.id', 'desc')
          .limit(1)
          .as('mail_problem'),
      )
      .orderBy('id')
      .limit(REGISTRATIONS_PAGE_SIZE)
      .offset((f.page - 1) * REGISTRATIONS_PAGE_SIZE)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export type RegistrationRow = Awaited<ReturnType<typeof listRegistrations>>['rows'][number];

/**
 * The registrations (of one status, or all) as CSV, with a byte-order mark so spreadsheet
 * programs read it as UTF-8. Cells that would run as formulas are neutralised by csvLine.
 */
export async function registrationsCsv(
  db: Kysely<Database>,
  eventId: number,
  status: RegistrationStatus | undefined,
): Promise<{ csv: string; rows: number }> {
  let q = db.selectFrom('event_registrations').select(COLUMNS).where('event_id', '=', eventId);
  if (status) q = q.where('status', '=', status);
  const registrations = await q.orderBy('id').execute();
  const header = csvLine(['name', 'email', 'organisation', 'language', 'status', 'registered_at']);
  const lines = registrations.map((r) => csvLine([r.name, r.email, r.organisation, r.lang, r.status, r.created_at]));
  return { csv: '\uFEFF' + header + lines.join(''), rows: registrations.length };
}
