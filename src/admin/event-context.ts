import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AdminContext } from './admin-context.js';
import { noticeParam, queryOf } from './admin-params.js';
import type { AdminKit } from './admin-plugin.js';
import type { AdminMessageKey } from './i18n/index.js';

/** Confirmations of the events pages that may come back in the URL after a redirect. */
const EVENT_NOTICES: AdminMessageKey[] = [
  'eventPublished',
  'eventUnpublished',
  'eventRegistrationClosed',
  'registrationCancelled',
];

/** An events page's context, with the notice named in the URL when it is one of ours or a shared one. */
export function eventContext(kit: AdminKit, request: FastifyRequest, reply: FastifyReply): Promise<AdminContext> {
  const raw = String(queryOf(request).notice ?? '');
  return kit.context(request, reply, EVENT_NOTICES.find((key) => key === raw) ?? noticeParam(raw));
}
