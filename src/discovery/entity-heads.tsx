import type { Person } from '../db/schema.js';
import type { PageContext } from '../site/views/page-context.js';
import { JsonLd } from './json-ld.js';
import { organizationJsonLd, personJsonLd } from './structured-data.js';

/** The home page's head addition: the institute as an `Organization`. */
export function OrganizationHead({ ctx }: { ctx: PageContext }) {
  return <JsonLd data={organizationJsonLd(ctx)} />;
}

/** An expert page's head addition: the expert as a `Person`. */
export function ExpertHead({ ctx, person }: { ctx: PageContext; person: Person }) {
  return <JsonLd data={personJsonLd(ctx, person)} />;
}
