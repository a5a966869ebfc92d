/**
 * 405 for a known path asked with a method it does not take (`GET /api/analyse`, `PUT /api/documents/…`):
 * the client has the right address and the wrong verb, which a 404 "no route" hides. The answer names the
 * methods the path takes in `Allow`, as HTTP asks.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from './errors.js';
import type { RouteTable } from './route.js';

/** The methods the route table serves at this path (HEAD wherever GET), empty when the path is unknown. */
export function allowedMethods(table: RouteTable, path: string): string[] {
  const methods = new Set<string>();
  for (const r of table.routes) {
    // `:param` matches one path segment, as in fastify's router.
    const re = new RegExp(`^${r.url.split('/').map((seg) => (seg.startsWith(':') ? '[^/]+' : seg.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'))).join('/')}$`, 'u');
    if (re.test(path)) {
      methods.add(r.method);
      if (r.method === 'GET') methods.add('HEAD');
    }
  }
  return [...methods].sort();
}

/** Sends the 405 when the path is known under other methods; false when it is not (the caller sends its 404). */
export function replyMethodNotAllowed(table: RouteTable, request: FastifyRequest, reply: FastifyReply): boolean {
  const path = request.url.split('?')[0] ?? '';
  const allowed = allowedMethods(table, path);
  if (allowed.length === 0 || allowed.includes(request.method)) return false;
  void reply
    .status(405)
    .header('allow', allowed.join(', '))
    .send(errorBody('method-not-allowed', `${request.method} is not allowed on ${path.slice(0, 200)}; it takes ${allowed.join(', ')}`, 'See /api/openapi.json for the routes.'));
  return true;
}
