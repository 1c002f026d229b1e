import { hash, verify } from '@node-rs/argon2';

/** OWASP's argon2id floor (19 MiB, 2 passes); the library's default algorithm is argon2id. */
const ARGON2_OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** A few of the passwords tried first in every guessing attack; the length rule covers most others. */
const COMMON_PASSWORDS = new Set([
  'password1234',
  '123456789012',
  'qwertyuiopas',
  'passwordpassword',
  'iloveyou1234',
  'administrator',
  'letmein12345',
]);

export type PasswordProblem = 'password-too-short' | 'password-too-long' | 'password-too-common';

/** Length and a common-password check only: composition rules make passwords weaker (ASVS 6.2). */
export function checkPasswordPolicy(password: string, email = ''): PasswordProblem | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return 'password-too-short';
  if ([...password].length > PASSWORD_MAX_LENGTH) return 'password-too-long';
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower) || (email !== '' && lower === email.toLowerCase())) return 'password-too-common';
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * The hash unknown emails are checked against, made once per process. Call it at start-up
 * so the first unknown email does not stand out by also paying for the hashing.
 */
export function prepareDummyHash(): Promise<string> {
  if (!dummyHash) {
    dummyHash = hashPassword('dossier-dummy-password-for-timing');
    // A failure is not kept: unknown emails would otherwise fail differently from known ones.
    dummyHash.catch(() => (dummyHash = undefined));
  }
  return dummyHash;
}

/**
 * Spends the same time as a real check when the account does not exist, so response time
 * does not tell an attacker which emails have accounts.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  await verifyPassword(await prepareDummyHash(), password);
  return false;
}
