import type { FastifyRequest } from 'fastify';
import type { FormBody } from '../editorial/form-body.js';
import { EditorialError } from '../editorial/editorial-errors.js';
import type { AdminMessageKey } from './i18n/index.js';

/** A positive integer route or query parameter; anything else is a 404 (ids) or ignored (filters). */
export function idParam(raw: unknown): number {
  const n = typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n <= 0) throw new EditorialError('not-found', 404);
  return n;
}

export function optionalId(raw: unknown): number | undefined {
  return typeof raw === 'string' && /^\d{1,9}$/.test(raw) && Number(raw) > 0 ? Number(raw) : undefined;
}

export function stringParam(raw: unknown, max = 200): string {
  return typeof raw === 'string' ? raw.slice(0, max) : '';
}

export function pageParam(raw: unknown): number {
  const n = optionalId(raw);
  return n && n <= 10_000 ? n : 1;
}

/** Confirmations shown after a redirect; only these keys may come from the URL. */
const NOTICES = [
  'saved',
  'created',
  'deleted',
  'restored',
  'translationCreated',
  'uploaded',
  'passwordChanged',
  'totpEnabled',
  'totpDisabled',
  'newsletterQueued',
  'subscriberErased',
] as const;

export function noticeParam(raw: unknown): AdminMessageKey | undefined {
  return (NOTICES as readonly string[]).includes(String(raw)) ? (raw as AdminMessageKey) : undefined;
}

/** A parsed urlencoded form body (the admin registers the form parser). */
export function formBody(request: FastifyRequest): FormBody {
  return (request.body ?? {}) as FormBody;
}

export function queryOf(request: FastifyRequest): Record<string, unknown> {
  return (request.query ?? {}) as Record<string, unknown>;
}
