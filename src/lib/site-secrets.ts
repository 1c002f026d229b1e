import { randomBytes } from 'node:crypto';
import type { Db } from '../db/create-db.js';

/** Secrets never change once made, so each process reads each one once. */
const known = new WeakMap<Db, Map<string, Promise<string>>>();

/**
 * A named random secret shared by every app node, made on first use and kept in the
 * database, so signed links stay valid across restarts and nodes without configuration.
 */
export function siteSecret(db: Db, name: string): Promise<string> {
  let secrets = known.get(db);
  if (!secrets) known.set(db, (secrets = new Map()));
  let secret = secrets.get(name);
  if (!secret) {
    secret = readOrMakeSecret(db, name);
    // A failed read (database down) must not be remembered.
    secret.catch(() => secrets.delete(name));
    secrets.set(name, secret);
  }
  return secret;
}

async function readOrMakeSecret(db: Db, name: string): Promise<string> {
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
