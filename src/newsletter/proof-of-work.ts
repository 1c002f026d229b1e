import { createChallenge, extractParams, verifySolution } from 'altcha-lib/v1';
import type { Challenge } from 'altcha-lib/v1/types';
import type { Db } from '../db/create-db.js';
import { siteSecret } from '../lib/site-secrets.js';

/**
 * Self-hosted proof of work for public forms (ALTCHA's SHA-256 scheme): the browser finds
 * the number whose hash the server asked for. 100,000 candidates take a phone about a
 * second and cost a spammer the same for every sign-up.
 */
const MAX_NUMBER = 100_000;
const CHALLENGE_LIFETIME_MS = 20 * 60 * 1000;

export async function newChallenge(db: Db, now = new Date()): Promise<Challenge> {
  return createChallenge({
    hmacKey: await siteSecret(db, 'proof-of-work'),
    maxNumber: MAX_NUMBER,
    expires: new Date(now.getTime() + CHALLENGE_LIFETIME_MS),
  });
}

/**
 * True when `payload` solves a challenge we issued, unexpired and not spent before.
 * Verification alone is stateless, so each signature is recorded once spent: replaying a
 * solution fails on the primary key, on every node.
 */
export async function redeemSolution(db: Db, payload: string, now = new Date()): Promise<boolean> {
  if (payload.length === 0 || payload.length > 2000) return false;
  const valid = await verifySolution(payload, await siteSecret(db, 'proof-of-work'), true).catch(() => false);
  if (!valid) return false;
  const signature = (JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as { signature: string }).signature;
  const expires = Number(extractParams(payload).expires) * 1000;
  await db.kysely.deleteFrom('spent_challenges').where('expires_at', '<', now.toISOString()).execute();
  const inserted = await db.kysely
    .insertInto('spent_challenges')
    .values({ signature, expires_at: new Date(expires).toISOString() })
    .onConflict((oc) => oc.column('signature').doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
}
