import type { Person } from '../db/schema.js';
import type { PageContext } from '../site/views/page-context.js';
import { JsonLd } from './json-ld.js';
import { organizationJsonLd, personJsonLd } from './structured-data.js';
import { eventJsonLd } from './event-data.js';
import type { EventDetail } from '../events/event-queries.js';

/** The home page's head addition: the institute as an `Organization`. */
export function OrganizationHead({ ctx }: { ctx: PageContext }) {
  return <JsonLd data={organizationJsonLd(ctx)} />;
}

/** An expert page's head addition: the expert as a `Person`. */
export function ExpertHead({ ctx, person }: { ctx: PageContext; person: Person }) {
  return <JsonLd data={personJsonLd(ctx, person)} />;
}

/** An event page's head addition: the event as an `Event`. */
export function EventHead({ ctx, detail }: { ctx: PageContext; detail: EventDetail }) {
  return <JsonLd data={eventJsonLd(ctx, detail)} />;
}
