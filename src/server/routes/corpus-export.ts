/**
 * The corpus export (GET /api/export) and its download tickets. A browser cannot send the API token with a
 * plain link, so on a private server the web app asks for a ticket (POST /api/export/tickets, the same
 * access and parameters as the export, checked at once) and lets the browser follow the ticket's URL: the
 * download manager then streams the export to disk instead of the page holding it in memory
 * (download-tickets.ts says how tickets are kept).
 */
import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { bearerSecret } from '../auth/guard.js';
import { hashToken } from '../auth/tokens.js';
import type { ServerContext } from '../context.js';
import type { CorpusService } from '../corpus.js';
import { TICKET_PATTERN, type DownloadTickets } from '../download-tickets.js';
import { ApiError } from '../errors.js';
import { clientKey } from '../rate-limit.js';
import type { JsonSchema, RouteSpec } from '../route.js';
import type { CsvTable } from '../../export/csv/index.js';
import { createExportEncoder, type ExportFormat } from '../../export/encoder.js';
import { filterProperties, STORE_ERRORS, type SearchQs } from './corpus.js';

export interface CorpusExportQuery extends Omit<SearchQs, 'limit' | 'offset'> {
  format: ExportFormat;
  table: CsvTable;
  limit: number;
  keepDismissed: boolean;
  publisher?: string;
}

/**
 * What a ticket carries: the export's validated parameters, who asked (checked again on use), and the
 * documents the search selected when it was asked for, so that the download does not search again: their
 * store ids, 4 bytes each (8 past 2^32), at most 400 KB for the largest export.
 */
export interface ExportTicket {
  readonly query: CorpusExportQuery;
  /** SHA-256 of the token that asked, or null for an anonymous reader. */
  readonly tokenHash: string | null;
  readonly matched: number;
  readonly ids: Uint32Array | Float64Array;
}

/** The bytes a ticket's payload holds, for the ticket map's bound. */
export function ticketBytes(t: ExportTicket): number {
  return t.ids.byteLength;
}

function packIds(ids: readonly number[]): Uint32Array | Float64Array {
  return ids.every((id) => id <= 0xffff_ffff) ? Uint32Array.from(ids) : Float64Array.from(ids);
}

const exportQuerystring: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    format: { type: 'string', enum: ['stix', 'csv', 'claimreview', 'jsonl'], default: 'stix' },
    table: {
      type: 'string',
      enum: ['ledger', 'claims', 'findings'],
      default: 'ledger',
      description: 'For csv.',
    },
    ...filterProperties,
    limit: { type: 'integer', minimum: 1, maximum: 100_000, default: 10_000 },
    keepDismissed: { type: 'boolean', default: false },
    publisher: {
      type: 'string',
      maxLength: 200,
      description: 'For claimreview: the publisher of documents that name no outlet.',
    },
  },
};

const FILES: Readonly<Record<ExportFormat, readonly [string, string]>> = {
  csv: ['text/csv; charset=utf-8', 'narrascope-corpus-{table}.csv'],
  stix: ['application/json; charset=utf-8', 'narrascope-corpus.stix.json'],
  claimreview: ['application/ld+json; charset=utf-8', 'narrascope-corpus.claimreview.jsonld'],
  jsonl: ['application/x-ndjson; charset=utf-8', 'narrascope-corpus.jsonl'],
};

/** The Content-Type and attachment headers of an export. */
function asDownload(reply: FastifyReply, query: CorpusExportQuery): FastifyReply {
  const [type, name] = FILES[query.format];
  return reply
    .type(type)
    .header('content-disposition', `attachment; filename="${name.replace('{table}', query.table)}"`);
}

type Selection = Awaited<ReturnType<CorpusService['exportDocuments']>>;

function filtersOf(
  query: CorpusExportQuery,
): Omit<CorpusExportQuery, 'format' | 'table' | 'limit' | 'keepDismissed' | 'publisher'> {
  const { format: _f, table: _t, limit: _l, keepDismissed: _k, publisher: _p, ...filters } = query;
  return filters;
}

function noMatch(): ApiError {
  return new ApiError(
    404,
    'no-match',
    'no stored document matches these filters',
    'Check them with GET /api/documents (the same parameters).',
  );
}

async function select(corpus: CorpusService, query: CorpusExportQuery): Promise<Selection> {
  const selection = await corpus.exportDocuments(filtersOf(query), {
    limit: query.limit,
    keepDismissed: query.keepDismissed,
  });
  if (selection.documents === 0) throw noMatch();
  return selection;
}

/** Streams the selection through the shared encoder, a batch of documents at a time. */
function sendExport(
  reply: FastifyReply,
  query: CorpusExportQuery,
  selection: Selection,
  now: Date,
  superseded: ReadonlySet<string> | null,
): FastifyReply {
  const encoder = createExportEncoder(query.format, {
    table: query.table,
    key: JSON.stringify(query),
    now,
    ...(superseded ? { superseded: (hash: string) => superseded.has(hash) } : {}),
    ...(query.publisher ? { claimReview: { publisher: query.publisher } } : {}),
  });
  async function* body(): AsyncGenerator<string> {
    for await (const batch of selection.batches) {
      const text = encoder.add(batch.results, batch.ingestedAt);
      if (text) yield text;
    }
    yield encoder.end();
  }
  return asDownload(reply, query)
    .header('x-narrascope-matched', String(selection.matched))
    .header('x-narrascope-documents', String(selection.documents))
    .send(Readable.from(body()));
}

export function registerCorpusExportRoutes(ctx: ServerContext, tickets: DownloadTickets<ExportTicket>): void {
  const route = <P, Q, B>(spec: RouteSpec<P, Q, B>): void =>
    ctx.route({ ...spec, responses: { ...STORE_ERRORS, ...spec.responses } });
  const corpus = (): CorpusService => {
    if (!ctx.corpus)
      throw new ApiError(
        503,
        'no-store',
        'this server runs without a corpus store',
        'Start it with `narrascope serve --db PATH`.',
      );
    return ctx.corpus;
  };
  const now = (): Date => new Date(tickets.options.now());
  // ClaimReview: older versions of a re-ingested page make no reviews (asked of the whole store, as the CLI does).
  const supersededFor = async (query: CorpusExportQuery): Promise<ReadonlySet<string> | null> =>
    query.format === 'claimreview' ? corpus().supersededDocuments() : null;
  const ttlS = Math.round(tickets.options.ttlMs / 1000);

  route<Record<string, never>, CorpusExportQuery, unknown>({
    method: 'GET',
    url: '/api/export',
    operationId: 'exportDocuments',
    summary:
      'Export the stored documents a search selects: stix (one 2.1 bundle), csv (ledger, claims or findings), claimreview (JSON-LD array), jsonl (the analysis results, one per line)',
    description:
      'The filters of GET /api/documents (`q`, `outlet`, `language`, `technique`, `narrative`, `from`, `to`, `hasLedger`) select documents; every match is exported, in ingestion order, from its stored analysis — at most `limit`, the most recently ingested. The body is streamed as it is read from the store. Findings analysts dismissed are left out (and technique counts redone) unless `keepDismissed`. Headers `x-narrascope-matched` and `x-narrascope-documents` give the number of matching and of exported documents. ClaimReview: one review per ledger item with a verdict, of documents with an http(s) address and a publisher (`publisher` is the fallback); an empty array when there is none. 404 when nothing matches. A browser that cannot send the token with a link asks for a download ticket instead (POST /api/export/tickets).',
    tag: 'export',
    access: 'read',
    cost: 5,
    querystring: exportQuerystring,
    responses: {
      200: { description: 'The export as a download, streamed.', mediaType: 'application/octet-stream' },
      404: { description: 'No stored document matches.' },
    },
    handler: async (request: FastifyRequest<{ Querystring: CorpusExportQuery }>, reply) =>
      sendExport(reply, request.query, await select(corpus(), request.query), now(), await supersededFor(request.query)),
  });

  route<Record<string, never>, CorpusExportQuery, unknown>({
    method: 'POST',
    url: '/api/export/tickets',
    operationId: 'createExportTicket',
    summary: 'A single-use URL that downloads a corpus export without the Authorization header',
    description: `The query parameters of GET /api/export, checked now with the same errors (400 for a bad parameter, 404 \`no-match\` when no stored document matches). The documents are selected now (\`matched\`, \`documents\`: what the download will hold). The answer's \`url\` serves that export once, within ${ttlS} s, to whoever holds it, with no token: the web app lets the browser follow it so that the download streams to disk. A ticket of a token revoked before it is used is refused. A client holds at most ${tickets.options.perOwner} unused tickets (429 \`too-many-tickets\`); when the server holds too many in all, the oldest ticket of the client holding the most is dropped to make room.`,
    tag: 'export',
    access: 'read',
    cost: 5,
    querystring: exportQuerystring,
    responses: {
      201: {
        description: 'The ticket.',
        schema: {
          type: 'object',
          required: ['url', 'expiresAt'],
          properties: {
            url: { type: 'string', description: 'Path of the download, relative to this server.' },
            expiresAt: { type: 'string', format: 'date-time' },
            matched: { type: 'integer' },
            documents: { type: 'integer' },
          },
        },
      },
      404: { description: 'No stored document matches (`no-match`).' },
      429: {
        description:
          'Rate limit reached, or this client holds too many unused tickets (`too-many-tickets`); see Retry-After.',
      },
    },
    handler: async (request: FastifyRequest<{ Querystring: CorpusExportQuery }>, reply, principal) => {
      // Selected once, here: the ticket keeps the documents' ids, and its download reads them.
      const { matched, ids } = await corpus().selectForExport(filtersOf(request.query), {
        limit: request.query.limit,
      });
      if (ids.length === 0) throw noMatch();
      const secret = request.headers.authorization ? bearerSecret(request.headers.authorization) : null;
      const owner = principal.tokenId ?? clientKey(request.ip);
      const issued = tickets.issue(owner, {
        query: { ...request.query },
        tokenHash: principal.tokenId && secret ? hashToken(secret) : null,
        matched,
        ids: packIds(ids),
      });
      return reply
        .status(201)
        .header('cache-control', 'no-store')
        .send({
          url: `/api/export/tickets/${issued.ticket}`,
          expiresAt: new Date(issued.expiresAt).toISOString(),
          matched,
          documents: ids.length,
        });
    },
  });

  route<{ ticket: string }, Record<string, never>, unknown>({
    method: 'GET',
    url: '/api/export/tickets/:ticket',
    operationId: 'downloadExportTicket',
    summary: 'Download the corpus export a ticket stands for (once, no token)',
    description: `What GET /api/export answers for the ticket's parameters, as an attachment. Works once, within ${ttlS} s of the ticket's issue; then 410 (\`ticket-used\`, \`ticket-expired\`), and 404 (\`unknown-ticket\`) once forgotten. Never cached (Cache-Control: no-store), and sent with Referrer-Policy: no-referrer. A HEAD request answers as the GET would (the asking token checked too) and does not spend the ticket.`,
    tag: 'export',
    access: 'public',
    params: {
      type: 'object',
      additionalProperties: false,
      required: ['ticket'],
      properties: {
        ticket: {
          type: 'string',
          pattern: TICKET_PATTERN,
          description: 'The ticket, as POST /api/export/tickets gave it.',
        },
      },
    },
    responses: {
      200: { description: 'The export as a download, streamed.', mediaType: 'application/octet-stream' },
      401: {
        description:
          'The token that asked for the ticket has since been revoked (`revoked-token`) or removed (`invalid-token`).',
      },
      404: {
        description:
          'No such ticket (`unknown-ticket`): never issued, forgotten a minute after it expired, or dropped to make room.',
      },
      410: { description: 'The ticket was used (`ticket-used`) or expired (`ticket-expired`).' },
    },
    handler: async (request: FastifyRequest<{ Params: { ticket: string } }>, reply) => {
      void reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
      // A HEAD request does not spend the ticket, and answers what the GET would (the web app asks before it
      // lets the browser follow the link, whose failure the page could not see).
      const head = request.method === 'HEAD';
      // Spent before anything is awaited: two requests racing for one ticket cannot both pass.
      const { query, tokenHash, matched, ids } = head
        ? tickets.peek(request.params.ticket)
        : tickets.redeem(request.params.ticket);
      if (tokenHash !== null) {
        const token = await ctx.tokens.findByHash(tokenHash);
        if (!token)
          throw new ApiError(
            401,
            'invalid-token',
            'the token that asked for this download ticket is no longer known to this server',
            'Ask an admin for a token (POST /api/tokens).',
          );
        if (token.revokedAt)
          throw new ApiError(
            401,
            'revoked-token',
            'the token that asked for this download ticket has been revoked since',
            'Ask an admin for a new token.',
          );
      }
      if (head)
        return asDownload(reply, query)
          .header('x-narrascope-matched', String(matched))
          .header('x-narrascope-documents', String(ids.length))
          .send();
      // The documents selected when the ticket was issued (the numbers its answer gave); one deleted since is
      // left out, as from GET /api/export when it is deleted while the export streams.
      const selection: Selection = {
        matched,
        documents: ids.length,
        batches: corpus().exportSelected(Array.from(ids), { keepDismissed: query.keepDismissed }),
      };
      return sendExport(reply, query, selection, now(), await supersededFor(query));
    },
  });
}
