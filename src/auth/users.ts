import type { Kysely } from 'kysely';
import { z } from 'zod';
import { audit, type AuditActor } from '../audit/audit-log.js';
import { ROLES, type Database, type Role, type User } from '../db/schema.js';
import { checkPasswordPolicy, hashPassword } from './passwords.js';
import { endAllSessions } from './sessions.js';

export type UserFieldErrors = Partial<Record<'email' | 'name' | 'role' | 'password', string>>;

export class UserInputError extends Error {
  readonly fields: UserFieldErrors;
  constructor(fields: UserFieldErrors) {
    super(Object.values(fields).join(' '));
    this.fields = fields;
  }
}

const userSchema = z.object({
  email: z.email({ error: 'email-invalid' }).max(254, { error: 'email-invalid' }),
  name: z.string().trim().min(1, { error: 'required' }).max(120, { error: 'too-long' }),
  role: z.enum(ROLES, { error: 'role-invalid' }),
});

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** A user row without secrets, as the admin and the audit log see it. */
export function publicUser(user: User) {
  const { id, email, name, role, disabled, person_id, ui_lang, created_at, totp_secret } = user;
  return { id, email, name, role, disabled, person_id, ui_lang, created_at, totp_enabled: totp_secret !== null };
}

export async function findUserByEmail(db: Kysely<Database>, email: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst();
}

export interface NewUserInput {
  email: string;
  name: string;
  role: string;
  password: string;
  personId?: number | null;
}

/** Creates an account after checking every field; errors come back per field. */
export async function createUser(db: Kysely<Database>, actor: AuditActor, input: NewUserInput): Promise<User> {
  const parsed = userSchema.safeParse({ ...input, email: normaliseEmail(input.email) });
  const fields: UserFieldErrors = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) fields[issue.path[0] as keyof UserFieldErrors] ??= issue.message;
  }
  const passwordProblem = checkPasswordPolicy(input.password, input.email);
  if (passwordProblem) fields.password = passwordProblem;
  if (parsed.success && (await findUserByEmail(db, parsed.data.email))) fields.email = 'email-taken';
  if (!parsed.success || Object.keys(fields).length > 0) throw new UserInputError(fields);
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const user = await trx
      .insertInto('users')
      .values({
        email: parsed.data.email,
        name: parsed.data.name,
        role: parsed.data.role,
        password_hash: passwordHash,
        totp_secret: null,
        totp_last_step: null,
        person_id: input.personId ?? null,
        created_at: new Date().toISOString(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(trx, actor, { action: 'create', entity: 'user', entityId: user.id, after: publicUser(user) });
    return user;
  });
}

/** Role, name and disabled flag, by an admin. Changing role or disabling ends the user's sessions. */
export async function updateUser(
  db: Kysely<Database>,
  actor: AuditActor,
  id: number,
  changes: { name: string; role: string; disabled: boolean; personId: number | null },
): Promise<void> {
  const parsed = userSchema.pick({ name: true, role: true }).safeParse(changes);
  if (!parsed.success) {
    const fields: UserFieldErrors = {};
    for (const issue of parsed.error.issues) fields[issue.path[0] as keyof UserFieldErrors] ??= issue.message;
    throw new UserInputError(fields);
  }
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const after = await trx
      .updateTable('users')
      .set({
        name: parsed.data.name,
        role: parsed.data.role as Role,
        disabled: changes.disabled ? 1 : 0,
        person_id: changes.personId,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (before.role !== after.role || after.disabled) await endAllSessions(trx, id);
    await audit(trx, actor, {
      action: 'update',
      entity: 'user',
      entityId: id,
      before: publicUser(before),
      after: publicUser(after),
    });
  });
}

/** Sets a new password and signs the user out everywhere else. */
export async function setPassword(
  db: Kysely<Database>,
  actor: AuditActor,
  userId: number,
  password: string,
  email: string,
) {
  const problem = checkPasswordPolicy(password, email);
  if (problem) throw new UserInputError({ password: problem });
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
    await endAllSessions(trx, userId);
    await audit(trx, actor, { action: 'password-change', entity: 'user', entityId: userId });
  });
}

export async function setTotpSecret(db: Kysely<Database>, actor: AuditActor, userId: number, secret: string | null) {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ totp_secret: secret, totp_last_step: null })
      .where('id', '=', userId)
      .execute();
    await audit(trx, actor, { action: secret ? 'totp-enable' : 'totp-disable', entity: 'user', entityId: userId });
  });
}
