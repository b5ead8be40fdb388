import type { FastifyInstance, FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The route's form fields that are lists (checkboxes sharing one name): they keep every value.
     * Any other repeated form field keeps its first value.
     */
    listFields?: readonly string[];
  }
}

/**
 * Parses a query string keeping the first value of a name that repeats (`?page=1&page=2` is page 1),
 * so every handler sees one string per name and `?q=a&q=b` can never reach a schema as an array.
 * The result has no prototype: `__proto__` is an ordinary name.
 */
export function parseQueryFirstWins(text: string): Record<string, string> {
  const query = Object.create(null) as Record<string, string>;
  for (const [name, value] of new URLSearchParams(text)) {
    if (!(name in query)) query[name] = value;
  }
  return query;
}

function isFormBody(request: FastifyRequest): boolean {
  return /^application\/x-www-form-urlencoded\b/i.test(request.headers['content-type'] ?? '');
}

/**
 * Form fields that repeat keep their first value, as query parameters do, except the route's
 * declared list fields. Runs before validation and the CSRF check, for every route, so a repeated
 * `email`, `password`, `next` or `_csrf` is never an array where a handler expects text.
 */
export function registerFirstWinsForms(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const body = request.body;
    if (!isFormBody(request) || typeof body !== 'object' || body === null) return;
    const lists = new Set(request.routeOptions.config?.listFields ?? []);
    const record = body as Record<string, unknown>;
    for (const name of Object.keys(record)) {
      const value = record[name];
      if (Array.isArray(value) && !lists.has(name)) record[name] = value[0];
    }
  });
}
