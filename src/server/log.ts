/**
 * The server's request log. A download ticket (download-tickets.ts) is a bearer secret in a URL path: the
 * default request serializer wrote it into every log line of its request, where whoever reads the log
 * could use it within its minute. The log keeps the route and says the ticket was there.
 */
import type { FastifyRequest } from 'fastify';

const TICKET_PATH = /(\/api\/+export\/+tickets\/+)[^/?#]+/giu;

/** `url` with the ticket of a ticket download replaced by `[ticket]`. */
export function redactUrl(url: string): string {
  return url.replace(TICKET_PATH, '$1[ticket]');
}

/** Where and how much the server logs (`ServerOptions.logger`). */
export interface LogOptions {
  /** Where log lines go (default standard output). */
  readonly stream?: { write(line: string): void };
  /** pino level (default info). */
  readonly level?: string;
}

/** Fastify's logger options: fastify's own request fields, with the URL redacted. */
export function loggerOptions(options: boolean | LogOptions | undefined): false | Record<string, unknown> {
  if (!options) return false;
  const { stream, level } = options === true ? {} : options;
  return {
    level: level ?? 'info',
    ...(stream ? { stream } : {}),
    serializers: {
      req: (request: FastifyRequest) => ({
        method: request.method,
        url: redactUrl(request.url),
        host: request.host,
        remoteAddress: request.ip,
        remotePort: request.socket?.remotePort,
      }),
    },
  };
}
