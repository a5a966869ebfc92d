/**
 * JSON bodies, parsed as fastify does by default, except that an empty body is no body on a route that
 * takes none. Clients (fetch wrappers, axios defaults, `curl -H 'Content-Type: application/json'`) send
 * that header on every request, a DELETE included: `DELETE /api/documents/:id` with it and no body was
 * answered 400 malformed-json ("The body is empty"), though the route reads no body at all. A route that
 * takes a JSON body still answers an empty one with that 400.
 */
import type { FastifyInstance } from 'fastify';

export function installJsonBodyParser(app: FastifyInstance): void {
  const { onProtoPoisoning = 'error', onConstructorPoisoning = 'error' } = app.initialConfig as {
    onProtoPoisoning?: 'error' | 'remove' | 'ignore';
    onConstructorPoisoning?: 'error' | 'remove' | 'ignore';
  };
  const parseJson = app.getDefaultJsonParser(onProtoPoisoning, onConstructorPoisoning);
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, raw, done) => {
    const body = typeof raw === 'string' ? raw : raw.toString('utf8');
    if (body.length === 0 && !request.routeOptions.schema?.body) {
      done(null, undefined);
      return;
    }
    parseJson(request, body, done);
  });
}
