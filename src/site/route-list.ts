import type { FastifyInstance } from 'fastify';

export interface RouteEntry {
  method: string;
  url: string;
}

const registries = new WeakMap<FastifyInstance, RouteEntry[]>();

/**
 * Records every route the app registers (in every plugin context), so the security tests
 * can walk the real router: a route added without an entry in the authorisation matrix
 * fails them. Call before any route is registered.
 */
export function recordRoutes(app: FastifyInstance): void {
  const routes: RouteEntry[] = [];
  registries.set(app, routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
  });
}

/** Every method × path registered on `app`, HEAD included. */
export function listRoutes(app: FastifyInstance): RouteEntry[] {
  return [...(registries.get(app) ?? [])];
}
