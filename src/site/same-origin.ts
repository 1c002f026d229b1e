import type { FastifyRequest } from 'fastify';

/**
 * False when the browser says the request comes from a page of another site: an Origin
 * header naming another host, or the opaque `null` of sandboxed and privacy-redirected
 * documents. Requests without Origin (older browsers, mail providers, tools) pass; forms
 * that must also resist those carry a token.
 */
export function notCrossSite(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  if (origin === 'null') return false;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}
