import { randomBytes } from 'node:crypto';
import type { Db } from '../db/create-db.js';

/**
 * A named random secret shared by every app node, made on first use and kept in the
 * database, so signed links stay valid across restarts and nodes without configuration.
 */
export async function siteSecret(db: Db, name: string): Promise<string> {
  const found = await db.kysely.selectFrom('site_secrets').select('value').where('name', '=', name).executeTakeFirst();
  if (found) return found.value;
  // Two nodes may race to create it; the primary key keeps the first, and both read it back.
  await db.kysely
    .insertInto('site_secrets')
    .values({ name, value: randomBytes(32).toString('base64url') })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.kysely
    .selectFrom('site_secrets')
    .select('value')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return row.value;
}
