import { badRequest } from './http-errors.js';

export const MAX_PAGE = 10_000;

/** A single string value, or a 400 when the parameter was repeated (`?page=1&page=2`). */
function single(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw badRequest('invalidFilter', { name });
  return value;
}

/** `?page=` as a number from 1 to MAX_PAGE; absent means 1. */
export function parsePage(query: Record<string, unknown>): number {
  const raw = single(query.page, 'page');
  if (raw === undefined || raw === '') return 1;
  if (!/^\d{1,5}$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_PAGE)
    throw badRequest('invalidPage', { max: MAX_PAGE });
  return Number(raw);
}

/** An optional positive integer id parameter. */
export function parseIdParam(
  query: Record<string, unknown>,
  name: string,
  exists: (id: number) => boolean,
): number | undefined {
  const raw = single(query[name], name);
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d{1,9}$/.test(raw) || !exists(Number(raw))) throw badRequest('invalidFilter', { name });
  return Number(raw);
}

export function parseStringParam(query: Record<string, unknown>, name: string): string {
  return single(query[name], name) ?? '';
}
