import type { Db } from '../db/create-db.js';
import type { EventRegistration } from '../db/schema.js';
import { rowFromSignedLink, signedLinkToken } from '../lib/signed-links.js';
import { siteSecret } from '../lib/site-secrets.js';
import { paths } from '../site/paths.js';

/** Cancellation links are signed with their own secret, so a newsletter link can never cancel a seat. */
const PURPOSE = 'registration-links';

/** The absolute cancellation URL of a registration, in the registrant's language. */
export async function cancellationUrl(
  deps: { db: Db; publicUrl: string },
  registration: Pick<EventRegistration, 'id' | 'link_key' | 'lang'>,
): Promise<string> {
  const token = await signedLinkToken(deps.db, PURPOSE, registration);
  return `${deps.publicUrl}${paths.cancelRegistration(registration.lang)}?token=${encodeURIComponent(token)}`;
}

/**
 * Reads the signing secret now, so cancellation links made afterwards need no query: mail
 * is rendered inside a transaction, and on SQLite a query outside it would wait for it.
 */
export async function prepareCancellationLinks(deps: { db: Db }): Promise<void> {
  await siteSecret(deps.db, PURPOSE);
}

/** The registration a cancellation token names, or undefined when forged, mangled or deleted. */
export async function registrationFromLink(db: Db, token: string): Promise<EventRegistration | undefined> {
  return rowFromSignedLink(db, PURPOSE, token, (id) =>
    db.kysely.selectFrom('event_registrations').selectAll().where('id', '=', id).executeTakeFirst(),
  );
}
