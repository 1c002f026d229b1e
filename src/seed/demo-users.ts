import type { Kysely } from 'kysely';
import { hashPassword } from '../auth/passwords.js';
import type { Database, Role } from '../db/schema.js';

/** Printed by `npm start` so a new user can sign in to the demo; never use these on a real site. */
export const DEMO_PASSWORD = 'meridian-demo-2026';

export const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: 'admin@meridian.example', name: 'Dana Admin', role: 'admin' },
  { email: 'editor@meridian.example', name: 'Eli Editor', role: 'editor' },
  { email: 'author@meridian.example', name: 'Avi Author', role: 'author' },
];

let demoHash: Promise<string> | undefined;

/** The demo's staff accounts (one hash shared: argon2 is slow on purpose). */
export async function seedDemoUsers(db: Kysely<Database>): Promise<void> {
  demoHash ??= hashPassword(DEMO_PASSWORD);
  const passwordHash = await demoHash;
  const now = new Date().toISOString();
  await db
    .insertInto('users')
    .values(
      DEMO_USERS.map((u) => ({
        ...u,
        password_hash: passwordHash,
        totp_secret: null,
        totp_last_step: null,
        person_id: null,
        created_at: now,
      })),
    )
    .execute();
}

/** The demo accounts still present, for the start-up message. */
export async function demoUsersPresent(db: Kysely<Database>): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('email')
    .where(
      'email',
      'in',
      DEMO_USERS.map((u) => u.email),
    )
    .execute();
  return rows.map((r) => r.email);
}
