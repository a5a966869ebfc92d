/**
 * Corpus routes: search with filters and facets, documents (get, delete), ledger items across documents,
 * narrative/technique timelines per outlet, clusters, analyst dismissals and confirmations, a document's
 * export (the corpus export and its download tickets: corpus-export.ts).
 * All answer 503 `no-store` when the server runs without a store.
 */
import type { FastifyRequest } from 'fastify';
import type { ServerContext } from '../context.js';
import type { CorpusService } from '../corpus.js';
import { ApiError } from '../errors.js';
import { DEFAULT_TIMELINE_OUTLETS, MAX_TIMELINE_POINTS, TIMELINE_BUCKETS, type TimelineQuery } from '../timeline.js';
import { NO_NUL } from '../schemas.js';
import type { JsonSchema, RouteSpec } from '../route.js';
import type { VerdictLabel } from '../../core/result/types.js';
import { withoutFindings } from '../../core/result/without-findings.js';
import { confirmedClaimReviews, ledgerClaimReviews, stringifyJsonLd, SUPERSEDED } from '../../export/claimreview/index.js';
import { tableCsv, type CsvTable } from '../../export/csv/index.js';
import { buildStixBundle, stringifyStixBundle } from '../../export/stix/index.js';

const DOC_ID = { type: 'string', pattern: '^[0-9a-f]{8,64}$', description: 'Document id: its content hash (sha256 hex) or a unique prefix of at least 8 digits.' };
const docParams: JsonSchema = { type: 'object', additionalProperties: false, required: ['id'], properties: { id: DOC_ID } };
/** Routes that take a document id can meet a prefix several documents share (src/server/corpus.ts `find`). */
const AMBIGUOUS = { 409: { description: 'The id prefix begins more than one document\'s id (`ambiguous-id`).' } };
const page = { limit: { type: 'integer', minimum: 1, maximum: 200, default: 20 }, offset: { type: 'integer', minimum: 0, maximum: 1_000_000, default: 0 } };
const text200 = { type: 'string', maxLength: 200, pattern: NO_NUL };
// A day that exists (src/server/formats.ts): `2024-13-45` and `2025-02-31` are a 400, not a filter that silently matches nothing.
const date = { type: 'string', format: 'date', description: 'YYYY-MM-DD' };
/** The search filters of GET /api/documents, also those of the corpus export (GET /api/export). */
export const filterProperties = { q: { type: 'string', maxLength: 500 }, outlet: text200, language: { type: 'string', maxLength: 20, pattern: NO_NUL }, technique: text200, narrative: { type: 'string', maxLength: 300, pattern: NO_NUL }, from: date, to: date, hasLedger: { type: 'boolean' } };
const obj = (description: string): { description: string; schema: JsonSchema } => ({ description, schema: { type: 'object' } });

export interface SearchQs {
  q?: string;
  outlet?: string;
  language?: string;
  technique?: string;
  narrative?: string;
  from?: string;
  to?: string;
  hasLedger?: boolean;
  limit: number;
  offset: number;
}

/** Every corpus route can meet a missing, locked or unreachable store (`corpus()` below, errors.ts). */
export const STORE_ERRORS = { 503: { description: 'No corpus store (`no-store`), or the store is locked by another writer, unreachable, busy or too slow (`store-locked`, `store-unavailable`, `store-busy`, `store-timeout`; see Retry-After).' } };

export function registerCorpusRoutes(ctx: ServerContext): void {
  const route = <P, Q, B>(spec: RouteSpec<P, Q, B>): void => ctx.route({ ...spec, responses: { ...STORE_ERRORS, ...spec.responses } });
  const corpus = (): CorpusService => {
    if (!ctx.corpus) throw new ApiError(503, 'no-store', 'this server runs without a corpus store', 'Start it with `narrascope serve --db PATH`.');
    return ctx.corpus;
  };
  const notFound = (id: string): ApiError => new ApiError(404, 'not-found', `no document "${id}" in the corpus`, 'List documents with GET /api/documents.');

  route<Record<string, never>, SearchQs, unknown>({
    method: 'GET',
    url: '/api/documents',
    operationId: 'searchDocuments',
    summary: 'List and search documents, with facets',
    description:
      '`q` is full-text with the syntax of `narrascope search`: words (all must occur), "quoted phrases", OR, -word; other punctuation is ignored. Filters combine with AND. The search of `narrascope search`: with `q`, results are ranked by relevance (`order`: relevance, or relevance-recent when more than 2,000 documents match: the 2,000 most recent ranked, older ones after them); without, newest first (`order`: date). Facets count outlets, languages, techniques and narratives over the matches, or over the 1,000 most recent when more match (`facetScope`: sample). `total` is exact unless `totalExact` is false (PostgreSQL above 1,000 matches: an estimate).',
    tag: 'corpus',
    access: 'read',
    querystring: {
      type: 'object',
      additionalProperties: false,
      properties: { ...filterProperties, ...page },
    },
    responses: { 200: obj('{ total, totalExact, order, facetScope, items, facets }') },
    handler: async (request: FastifyRequest<{ Querystring: SearchQs }>) => corpus().search(request.query),
  });

  route<{ id: string }, Record<string, never>, unknown>({
    method: 'GET',
    url: '/api/documents/:id',
    operationId: 'getDocument',
    summary: 'A stored document with its analysis, dismissals and confirmations',
    tag: 'corpus',
    access: 'read',
    params: docParams,
    responses: { ...AMBIGUOUS, 200: obj('{ document, result, dismissals, confirmations }'), 404: { description: 'No such document.' } },
    handler: async (request: FastifyRequest<{ Params: { id: string } }>) => {
      const d = await corpus().getDocument(request.params.id);
      if (!d) throw notFound(request.params.id);
      return { ...d, confirmations: await corpus().confirmations(request.params.id) };
    },
  });

  route<{ id: string }, Record<string, never>, unknown>({
    method: 'DELETE',
    url: '/api/documents/:id',
    operationId: 'deleteDocument',
    summary: 'Delete a document and everything derived from it',
    tag: 'corpus',
    access: 'admin',
    params: docParams,
    responses: { ...AMBIGUOUS, 200: obj('{ deleted }'), 404: { description: 'No such document.' } },
    handler: async (request: FastifyRequest<{ Params: { id: string } }>) => {
      if (!(await corpus().deleteDocument(request.params.id))) throw notFound(request.params.id);
      return { deleted: request.params.id };
    },
  });

  route<Record<string, never>, { q?: string; outlet?: string; limit: number; offset: number }, unknown>({
    method: 'GET',
    url: '/api/ledger',
    operationId: 'listLedgerItems',
    summary: 'Ledger items across the corpus',
    description: '`q` matches claim, rebuttal or attribution as plain text (no wildcards).',
    tag: 'corpus',
    access: 'read',
    querystring: { type: 'object', additionalProperties: false, properties: { q: { type: 'string', maxLength: 500, pattern: NO_NUL }, outlet: text200, ...page } },
    responses: { 200: obj('{ total, items }') },
    handler: async (request: FastifyRequest<{ Querystring: { q?: string; outlet?: string; limit: number; offset: number } }>) => corpus().ledger(request.query),
  });

  interface ClaimsQs {
    q?: string;
    outlet?: string;
    type?: string;
    hasSource?: boolean;
    limit: number;
    offset: number;
  }
  route<Record<string, never>, ClaimsQs, unknown>({
    method: 'GET',
    url: '/api/claims',
    operationId: 'listClaims',
    summary: 'Check-worthy claims across the corpus, most check-worthy first',
    description: '`q` matches the claim as plain text (no wildcards); `type` is a claim type (statistic, event, causal, intent, prediction, quote, opinion, other).',
    tag: 'corpus',
    access: 'read',
    querystring: {
      type: 'object',
      additionalProperties: false,
      properties: { q: { type: 'string', maxLength: 500, pattern: NO_NUL }, outlet: text200, type: { type: 'string', enum: ['statistic', 'event', 'causal', 'intent', 'prediction', 'quote', 'opinion', 'other'] }, hasSource: { type: 'boolean' }, ...page },
    },
    responses: { 200: obj('{ total, items }') },
    handler: async (request: FastifyRequest<{ Querystring: ClaimsQs }>) => corpus().claims(request.query),
  });

  for (const kind of ['narrative', 'technique'] as const) {
    route<Record<string, never>, TimelineQuery, unknown>({
      method: 'GET',
      url: `/api/timeline/${kind}s`,
      operationId: `${kind}Timeline`,
      summary: `${kind === 'narrative' ? 'Narrative' : 'Technique'} counts per outlet and week`,
      description: `Documents per period (ISO week by default: its Monday; or month, year: its first day, in the field \`week\`) and outlet for one ${kind} label (default: the most frequent), and the list of labels with document counts. Points are those of the \`outlets\` outlets with the most documents for the label (default ${DEFAULT_TIMELINE_OUTLETS}; \`outlets.total\` counts them all), published in \`from\`..\`to\` when given; more than ${MAX_TIMELINE_POINTS.toLocaleString('en-US')} points is a 422 \`too-many-points\`.`,
      tag: 'stats',
      access: 'read',
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: {
          label: { type: 'string', maxLength: 300, pattern: NO_NUL },
          outlet: text200,
          from: date,
          to: date,
          bucket: { type: 'string', enum: [...TIMELINE_BUCKETS], default: 'week' },
          outlets: { type: 'integer', minimum: 1, maximum: 200, default: DEFAULT_TIMELINE_OUTLETS },
        },
      },
      responses: {
        200: obj('{ labels, bucket, outlets: { total, shown }, points: [{ week, outlet, label, count }] }'),
        422: { description: `More than ${MAX_TIMELINE_POINTS.toLocaleString('en-US')} points (\`too-many-points\`): ask for a coarser bucket, a shorter range or fewer outlets.` },
      },
      handler: async (request: FastifyRequest<{ Querystring: TimelineQuery }>) => corpus().timeline(kind, request.query),
    });
  }

  route<Record<string, never>, { kind?: string; limit: number; offset: number }, unknown>({
    method: 'GET',
    url: '/api/clusters',
    operationId: 'listClusters',
    summary: 'Near-duplicate / republication and same-claim clusters, largest first',
    tag: 'corpus',
    access: 'read',
    querystring: { type: 'object', additionalProperties: false, properties: { kind: { type: 'string', enum: ['near-duplicate', 'same-claim'] }, ...page } },
    responses: { 200: obj('{ total, items }') },
    handler: async (request: FastifyRequest<{ Querystring: { kind?: string; limit: number; offset: number } }>) => corpus().clusters(request.query),
  });

  route<{ id: number }, Record<string, never>, unknown>({
    method: 'GET',
    url: '/api/clusters/:id',
    operationId: 'getCluster',
    summary: 'A cluster with its members in publication order',
    tag: 'corpus',
    access: 'read',
    params: { type: 'object', additionalProperties: false, required: ['id'], properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647 } } },
    responses: { 200: obj('{ cluster, members }'), 404: { description: 'No such cluster.' } },
    handler: async (request: FastifyRequest<{ Params: { id: number } }>) => {
      const c = await corpus().cluster(request.params.id);
      if (!c) throw new ApiError(404, 'not-found', `no cluster ${request.params.id}`, 'List clusters with GET /api/clusters (run `narrascope clusters` to compute them).');
      return c;
    },
  });

  interface DismissBody {
    detector: string;
    messageId?: string;
    start: number;
    end: number;
    quote: string;
    reason: string;
  }
  route<{ id: string }, Record<string, never>, DismissBody>({
    method: 'POST',
    url: '/api/documents/:id/dismissals',
    operationId: 'dismissFinding',
    summary: 'Mark a finding as wrong, with a reason (kept across re-analysis)',
    tag: 'analyst',
    access: 'analyst',
    params: docParams,
    body: {
      type: 'object',
      additionalProperties: false,
      required: ['detector', 'start', 'end', 'quote', 'reason'],
      properties: {
        detector: { type: 'string', pattern: '^[a-z0-9-]+(/[a-z0-9-]+)*$', maxLength: 100 },
        messageId: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' },
        start: { type: 'integer', minimum: 0 },
        end: { type: 'integer', minimum: 0 },
        quote: { type: 'string', minLength: 1, maxLength: 5000, pattern: NO_NUL },
        reason: { type: 'string', minLength: 3, maxLength: 2000, pattern: NO_NUL },
      },
    },
    responses: { ...AMBIGUOUS, 201: obj('{ id }'), 200: obj('{ id } of the same dismissal (finding, span, quote, reason, author) made before: nothing new is stored.'), 404: { description: 'No such document.' }, 422: { description: 'The span is outside the text, or the text at it is not the quote (`span-mismatch`).' } },
    handler: async (request: FastifyRequest<{ Params: { id: string }; Body: DismissBody }>, reply, principal) => {
      const b = request.body;
      if (b.end < b.start) throw new ApiError(400, 'invalid-request', 'body.end must not be before body.start');
      const c = corpus();
      const d = await c.getDocument(request.params.id);
      if (!d) throw notFound(request.params.id);
      // A finding's quote is always the text at its span, whichever analysis produced it; a dismissal
      // whose span and quote disagree could never hide a finding, so it is refused rather than kept.
      const text = d.result?.document.text;
      const fits = b.end <= d.document.length && (text === undefined || text.slice(b.start, b.end) === b.quote);
      if (!fits) {
        throw new ApiError(422, 'span-mismatch', `the document has ${d.document.length} characters and the text at [${b.start}, ${b.end}) is not the quote`, 'Send the finding\'s span start, end and text (as quote) as GET /api/documents/{id} lists them: UTF-16 offsets into result.document.text.');
      }
      const done = await c.dismiss(request.params.id, { detector: b.detector, messageId: b.messageId ?? null, start: b.start, end: b.end, quote: b.quote, reason: b.reason, author: principal.name });
      if (done === null) throw notFound(request.params.id);
      // A repeated dismissal (a double click, a retry) answers with the first one's id, as confirmations do.
      return reply.status(done.created ? 201 : 200).send({ id: done.id });
    },
  });

  interface ConfirmBody {
    itemKey: string;
    verdict: string;
    note?: string;
  }
  route<{ id: string }, Record<string, never>, ConfirmBody>({
    method: 'POST',
    url: '/api/documents/:id/confirmations',
    operationId: 'confirmLedgerItem',
    summary: 'Confirm a ledger item with a verdict the analyst stands behind',
    tag: 'analyst',
    access: 'analyst',
    params: docParams,
    body: {
      type: 'object',
      additionalProperties: false,
      required: ['itemKey', 'verdict'],
      properties: {
        itemKey: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' },
        verdict: { type: 'string', enum: ['false', 'misleading', 'partly-false', 'missing-context', 'unproven', 'true', 'mixed', 'other'] },
        note: { type: 'string', maxLength: 2000, pattern: NO_NUL },
      },
    },
    responses: { ...AMBIGUOUS, 201: obj('{ id }'), 200: obj('{ id } of the same confirmation (item, verdict, note, author) made before: nothing new is stored.'), 404: { description: 'No such document.' }, 422: { description: 'The document\'s analysis has no ledger item with this key (`unknown-ledger-item`).' } },
    handler: async (request: FastifyRequest<{ Params: { id: string }; Body: ConfirmBody }>, reply, principal) => {
      const b = request.body;
      const c = corpus();
      const d = await c.getDocument(request.params.id);
      if (!d) throw notFound(request.params.id);
      // A confirmation of an item the analysis does not have would be kept but never exported.
      if (!d.result?.rebuttals.some((it) => it.id === b.itemKey)) {
        const known = d.result?.rebuttals.map((it) => it.id) ?? [];
        throw new ApiError(422, 'unknown-ledger-item', `the document has no ledger item "${b.itemKey}"`, known.length ? `Its ledger items are ${known.slice(0, 20).join(', ')} (result.rebuttals[].id).` : 'This document has no ledger items to confirm.');
      }
      const done = await c.confirm(request.params.id, { itemKey: b.itemKey, verdict: b.verdict, note: b.note ?? '', author: principal.name });
      if (done === null) throw notFound(request.params.id);
      return reply.status(done.created ? 201 : 200).send({ id: done.id });
    },
  });

  interface ExportQuery {
    format: 'json' | 'csv' | 'claimreview' | 'stix';
    table: CsvTable;
    url?: string;
    publisher?: string;
    keepDismissed: boolean;
  }
  route<{ id: string }, ExportQuery, unknown>({
    method: 'GET',
    url: '/api/documents/:id/export',
    operationId: 'exportDocument',
    summary: 'Export a document\'s analysis: json, csv (ledger, claims or findings), claimreview (JSON-LD), stix (2.1 bundle)',
    description: 'ClaimReview holds one review per ledger item, the analyst\'s (latest confirmation) for an item an analyst confirmed; an older version of a re-ingested page has none (422). STIX links techniques to DISARM (see docs/exports.md). Findings analysts dismissed are left out (and technique counts redone) unless `keepDismissed`, as in GET /api/export.',
    tag: 'export',
    access: 'read',
    params: docParams,
    querystring: {
      type: 'object',
      additionalProperties: false,
      properties: {
        format: { type: 'string', enum: ['json', 'csv', 'claimreview', 'stix'], default: 'json' },
        table: { type: 'string', enum: ['ledger', 'claims', 'findings'], default: 'ledger', description: 'For csv.' },
        url: { type: 'string', pattern: '^https?://', maxLength: 2000, description: 'For claimreview: the document\'s address when it has none.' },
        publisher: { type: 'string', maxLength: 200, description: 'For claimreview: the publisher when the document names no outlet.' },
        keepDismissed: { type: 'boolean', default: false },
      },
    },
    responses: { ...AMBIGUOUS, 200: { description: 'The export as a download.', mediaType: 'application/octet-stream' }, 404: { description: 'No such document.' } },
    handler: async (request: FastifyRequest<{ Params: { id: string }; Querystring: ExportQuery }>, reply) => {
      const c = corpus();
      const d = await c.getDocument(request.params.id);
      if (!d?.result) throw notFound(request.params.id);
      const r = request.query.keepDismissed ? d.result : withoutFindings(d.result, new Set(d.dismissedFindings));
      const base = `narrascope-${d.document.id.slice(0, 12)}`;
      const download = (type: string, name: string, body: string): unknown => reply.type(type).header('content-disposition', `attachment; filename="${name}"`).send(body);
      const q = request.query;
      if (q.format === 'csv') return download('text/csv; charset=utf-8', `${base}-${q.table}.csv`, tableCsv(q.table, [r]));
      // Dated by the document's first storing, as the corpus export is (StixExportOptions.createdOf).
      if (q.format === 'stix') return download('application/json; charset=utf-8', `${base}.stix.json`, stringifyStixBundle(buildStixBundle([r], { createdOf: () => d.document.ingestedAt })));
      if (q.format === 'claimreview') {
        const publisher = q.publisher ?? d.document.outlet;
        const url = q.url ?? d.document.url;
        const ctxCr = { ...(publisher ? { publisher } : {}), ...(url ? { url } : {}), ...(d.document.publishedAt ? { datePublished: d.document.publishedAt } : {}) };
        const confirmations = (await c.confirmations(request.params.id)).map((x) => ({ itemId: x.itemKey, verdict: x.verdict as VerdictLabel, note: x.note, author: x.author, createdAt: x.createdAt }));
        // Older versions of a re-ingested page are not reviewed, as in every ClaimReview export.
        if ((await c.supersededDocuments()).has(d.document.id))
          throw new ApiError(422, 'nothing-to-export', `no ClaimReview can be made for this document: ${SUPERSEDED}`, 'Export the latest stored version of the page.');
        const fromLedger = ledgerClaimReviews([r], ctxCr);
        const fromAnalysts = confirmedClaimReviews(r, confirmations, ctxCr);
        // An item an analyst confirmed is reviewed once, by the analyst: the document's own verdict for it
        // would be a second review under the same url (page#item-N).
        const confirmedUrls = new Set(fromAnalysts.reviews.map((x) => x.url));
        const reviews = [...fromLedger.reviews.filter((x) => !confirmedUrls.has(x.url)), ...fromAnalysts.reviews];
        const skipped = [...fromLedger.skipped, ...fromAnalysts.skipped];
        if (reviews.length === 0) {
          // The reasons are worded for the CLI ("pass --url"); here the parameter is url=.
          const reasons = [...new Set(skipped.flatMap((x) => x.reasons.map((reason) => reason.replace('pass --url', 'pass url='))))];
          throw new ApiError(422, 'nothing-to-export', `no ClaimReview can be made for this document${reasons.length ? `: ${reasons.join('; ')}` : ' (it has no ledger items)'}`, 'Pass url= (and publisher=) for documents without them, or confirm verdicts as an analyst.');
        }
        void reply.header('x-narrascope-skipped', String(skipped.length));
        return download('application/ld+json; charset=utf-8', `${base}.claimreview.jsonld`, stringifyJsonLd(reviews));
      }
      return download('application/json; charset=utf-8', `${base}.json`, JSON.stringify(r, null, 2));
    },
  });

  interface MatchBody {
    claims: string[];
    k?: number;
  }
  route<Record<string, never>, Record<string, never>, MatchBody>({
    method: 'POST',
    url: '/api/matches',
    operationId: 'matchFactChecks',
    summary: 'Earlier fact-checks for one or more claims',
    description: 'Ranks the store\'s fact-check library (imported ClaimReview, CSV and ledger items; `narrascope factchecks import`) by BM25 and the re-ranker of docs/matching.md, with matched words highlighted.',
    tag: 'matching',
    access: 'read',
    cost: 2,
    body: {
      type: 'object',
      additionalProperties: false,
      required: ['claims'],
      properties: { claims: { type: 'array', minItems: 1, maxItems: 50, items: { type: 'string', minLength: 1, maxLength: 2000 } }, k: { type: 'integer', minimum: 1, maximum: 20, default: 5 } },
    },
    responses: { 200: obj('{ library, method (rerank | bm25), results: [{ claim, matches: [{ rank, score, strength (strong | possible | weak, null under bm25), factCheck, highlights }] }] }') },
    handler: async (request: FastifyRequest<{ Body: MatchBody }>) => {
      const b = request.body;
      const out = await corpus().matchFactChecks(b.claims, b.k ?? 5);
      return { library: out.library, method: out.method, results: b.claims.map((claim, i) => ({ claim, matches: out.results[i] ?? [] })) };
    },
  });

  route<{ id: string }, { k: number }, unknown>({
    method: 'GET',
    url: '/api/documents/:id/matches',
    operationId: 'matchDocument',
    summary: 'Earlier fact-checks for a stored document\'s ledger claims and its most check-worthy claims',
    tag: 'matching',
    access: 'read',
    cost: 2,
    params: docParams,
    querystring: { type: 'object', additionalProperties: false, properties: { k: { type: 'integer', minimum: 1, maximum: 20, default: 3 } } },
    responses: { ...AMBIGUOUS, 200: obj('{ library, results: [{ kind, id, claim, matches }] }'), 404: { description: 'No such document.' } },
    handler: async (request: FastifyRequest<{ Params: { id: string }; Querystring: { k: number } }>) => {
      const c = corpus();
      const d = await c.getDocument(request.params.id);
      if (!d?.result) throw notFound(request.params.id);
      const probes = [
        ...d.result.rebuttals.filter((it) => it.claim).map((it) => ({ kind: 'ledger', id: it.id, claim: it.claim?.text ?? '' })),
        ...d.result.claims.slice(0, 10).map((cl) => ({ kind: 'claim', id: cl.id, claim: cl.span.text })),
      ].slice(0, 50);
      if (probes.length === 0) return { library: 0, method: 'bm25', results: [] };
      const out = await c.matchFactChecks(probes.map((p) => p.claim), request.query.k);
      return { library: out.library, method: out.method, results: probes.map((p, i) => ({ ...p, matches: out.results[i] ?? [] })) };
    },
  });
}
