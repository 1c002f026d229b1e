import { createHmac } from 'node:crypto';
import type { Db } from '../db/create-db.js';
import { tokensEqual } from '../auth/tokens.js';
import { siteSecret } from './site-secrets.js';

/**
 * Links in mail that act for one row without an account (newsletter preferences, event
 * cancellation). A token is `<id>.<signature>`, an HMAC over the row's id and its own
 * random key with a site secret of the link's purpose: it does not expire (mail sits in
 * inboxes for months) and dies with the row or a new key.
 */
async function signature(db: Db, purpose: string, id: number, linkKey: string): Promise<string> {
  const secret = await siteSecret(db, purpose);
  return createHmac('sha256', secret).update(`${id}:${linkKey}`).digest('base64url');
}

/** The link token of a row; `purpose` names the secret (one per kind of link). */
export async function signedLinkToken(db: Db, purpose: string, row: { id: number; link_key: string }): Promise<string> {
  return `${row.id}.${await signature(db, purpose, row.id, row.link_key)}`;
}

/**
 * The row a token names, or undefined when the token is mangled or forged or the row is
 * gone. `load` fetches the row by id.
 */
export async function rowFromSignedLink<Row extends { id: number; link_key: string }>(
  db: Db,
  purpose: string,
  token: string,
  load: (id: number) => Promise<Row | undefined>,
): Promise<Row | undefined> {
  const match = /^(\d{1,12})\.([\w-]{43})$/.exec(token);
  if (!match) return undefined;
  const row = await load(Number(match[1]));
  if (!row) return undefined;
  const expected = await signature(db, purpose, row.id, row.link_key);
  return tokensEqual(expected, match[2]!) ? row : undefined;
}
