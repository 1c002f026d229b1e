import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { SYSTEM_ACTOR } from '../audit/audit-log.js';
import { createUser, UserInputError } from '../auth/users.js';
import type { Db } from '../db/create-db.js';

/** `dossier user create --email … --name … --role …`: prints the first password once. */
export async function userCommand(db: Db, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'create') {
    console.error('Usage: dossier user create --email E --name N --role admin|editor|author|contributor');
    return 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } },
  });
  const password = randomBytes(15).toString('base64url');
  try {
    const user = await createUser(
      db.kysely,
      { ...SYSTEM_ACTOR, email: 'cli' },
      {
        email: values.email ?? '',
        name: values.name ?? values.email ?? '',
        role: values.role ?? '',
        password,
      },
    );
    console.log(
      `Created ${user.role} ${user.email}. First password (shown once; change it under My account):\n  ${password}`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof UserInputError)) throw error;
    for (const [name, problem] of Object.entries(error.fields)) console.error(`--${name}: ${problem}`);
    return 2;
  }
}
