import type { FastifyInstance } from 'fastify';

export interface ListedRoute {
  method: string;
  /** The route's path as registered, parameters included (`/admin/releases/:id`). */
  url: string;
}

/**
 * Every route the app serves, read from Fastify's own route tree (after `ready`, so routes of
 * plugins registered late are there too): one entry per method, HEAD and OPTIONS left out.
 */
export async function listRoutes(app: FastifyInstance): Promise<ListedRoute[]> {
  await app.ready();
  const stack: string[] = [];
  const routes: ListedRoute[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const marker = line.indexOf('── ');
    if (marker < 0) continue;
    const depth = Math.round((marker - 1) / 4);
    const m = /^(.*?)(?: \(([A-Z, ]+)\))?$/.exec(line.slice(marker + 3))!;
    stack.length = depth;
    stack.push(m[1]!);
    const url = stack.join('');
    for (const method of (m[2] ?? '').split(', ').filter(Boolean)) {
      if (method !== 'HEAD' && method !== 'OPTIONS') routes.push({ method, url });
    }
  }
  return routes;
}
