import { createHmac } from 'node:crypto';
import type { Db } from '../db/create-db.js';
import type { Subscriber } from '../db/schema.js';
import { siteSecret } from '../lib/site-secrets.js';
import { tokensEqual } from '../auth/tokens.js';

/**
 * Links in every mail let a subscriber manage preferences without an account. A link is
 * `<id>.<signature>`, signed over the subscriber's own random key: it does not expire
 * (mail sits in inboxes for months) and dies with the subscriber's row.
 */
async function signature(db: Db, id: number, linkKey: string): Promise<string> {
  const secret = await siteSecret(db, 'subscriber-links');
  return createHmac('sha256', secret).update(`${id}:${linkKey}`).digest('base64url');
}

export async function subscriberLinkToken(db: Db, subscriber: Pick<Subscriber, 'id' | 'link_key'>): Promise<string> {
  return `${subscriber.id}.${await signature(db, subscriber.id, subscriber.link_key)}`;
}

/** The subscriber a link token names, or undefined when it is forged, mangled or erased. */
export async function subscriberFromLink(db: Db, token: string): Promise<Subscriber | undefined> {
  const match = /^(\d{1,12})\.([\w-]{43})$/.exec(token);
  if (!match) return undefined;
  const subscriber = await db.kysely
    .selectFrom('subscribers')
    .selectAll()
    .where('id', '=', Number(match[1]))
    .executeTakeFirst();
  if (!subscriber) return undefined;
  const expected = await signature(db, subscriber.id, subscriber.link_key);
  return tokensEqual(expected, match[2]!) ? subscriber : undefined;
}
