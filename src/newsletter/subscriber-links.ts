import type { Db } from '../db/create-db.js';
import type { Subscriber } from '../db/schema.js';
import { rowFromSignedLink, signedLinkToken } from '../lib/signed-links.js';

/**
 * Links in every mail let a subscriber manage preferences without an account. A link is
 * `<id>.<signature>`, signed over the subscriber's own random key: it does not expire
 * (mail sits in inboxes for months) and dies with the subscriber's row.
 */
const PURPOSE = 'subscriber-links';

export async function subscriberLinkToken(db: Db, subscriber: Pick<Subscriber, 'id' | 'link_key'>): Promise<string> {
  return signedLinkToken(db, PURPOSE, subscriber);
}

/** The subscriber a link token names, or undefined when it is forged, mangled or erased. */
export async function subscriberFromLink(db: Db, token: string): Promise<Subscriber | undefined> {
  return rowFromSignedLink(db, PURPOSE, token, (id) =>
    db.kysely.selectFrom('subscribers').selectAll().where('id', '=', id).executeTakeFirst(),
  );
}
