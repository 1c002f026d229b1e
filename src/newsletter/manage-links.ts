import type { Db } from '../db/create-db.js';
import type { Subscriber } from '../db/schema.js';
import type { ManageLinks } from './mail-views.js';
import { newsletterPaths } from './newsletter-paths.js';
import { subscriberLinkToken } from './subscriber-links.js';

/** The preferences and one-click unsubscribe URLs of one subscriber, in their language. */
export async function manageLinks(
  deps: { db: Db; publicUrl: string },
  subscriber: Pick<Subscriber, 'id' | 'link_key' | 'lang'>,
): Promise<ManageLinks> {
  const token = await subscriberLinkToken(deps.db, subscriber);
  const query = `?token=${encodeURIComponent(token)}`;
  return {
    preferencesUrl: `${deps.publicUrl}${newsletterPaths.preferences(subscriber.lang)}${query}`,
    unsubscribeUrl: `${deps.publicUrl}${newsletterPaths.unsubscribe(subscriber.lang)}${query}`,
  };
}
