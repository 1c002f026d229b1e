import { solveChallenge } from 'altcha-lib/v1';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.js';
import type { TestSite } from './test-db.js';

/** Fetches a challenge from the site and solves it as the browser script does. */
export async function solvedProof(site: TestSite): Promise<string> {
  const challenge = (await site.app.inject({ method: 'GET', url: '/newsletter/challenge' })).json();
  const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber)
    .promise;
  if (!solution) throw new Error('challenge could not be solved');
  const payload = { ...challenge, number: solution.number };
  delete payload.maxnumber;
  return Buffer.from(JSON.stringify(payload)).toString('base64');
}

/** URL-encodes a form, repeating keys for arrays. */
export function formBody(fields: Record<string, string | string[]>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) params.append(name, v);
  }
  return params.toString();
}

/** The first link in a text mail body that contains `path`. */
export function linkIn(text: string, path: string): string {
  const found = text.match(/https?:\/\/\S+/g)?.find((url) => url.includes(path));
  if (!found) throw new Error(`no link to ${path} in mail:\n${text}`);
  return found;
}

/** A draft issue with these texts and publications (in this order); returns its id. */
export async function draftIssue(
  db: Kysely<Database>,
  text: { subject_en: string; subject_he: string; intro_en?: string; intro_he?: string },
  publicationIds: number[],
): Promise<number> {
  const now = new Date().toISOString();
  const issue = await db
    .insertInto('newsletter_issues')
    .values({ intro_en: '', intro_he: '', ...text, status: 'draft', created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('newsletter_issue_items')
    .values(publicationIds.map((id, position) => ({ issue_id: issue.id, publication_id: id, position })))
    .execute();
  return issue.id;
}
