/** The API client: JSON in, JSON out, errors as ApiFailure with the server's code and message. */
import type { AnalysisResult } from '../../src/core/result/types.js';
import { sendWithRetry, type RetryNotice } from './retry.js';

export type { AnalysisResult };
export type { Finding } from '../../src/core/finding/types.js';
export type { LedgerItem, Claim, NarrativeLabel, EntityFraming, EvidenceItem } from '../../src/core/result/types.js';

const TOKEN_KEY = 'narrascope.token';

export function getToken(): string {
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}

export function setToken(token: string): void {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    /* storage disabled: the token lives for this page only */
  }
}

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

export interface ApiRequest {
  method?: string;
  body?: unknown;
  raw?: Blob | string;
  contentType?: string;
  /** Called before a GET is sent again because the store was locked (retry.ts); the page says so. */
  onRetry?: (notice: RetryNotice) => void;
  /** Aborts the request, and a pending retry (the page moved on). */
  signal?: AbortSignal;
}

/** A request with the API token; answers other than 2xx become an ApiFailure with the server's code and message. */
export async function request(path: string, init: ApiRequest = {}): Promise<Response> {
  const headers: Record<string, string> = {};
  const token = getToken();
  if (token) headers.authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (init.raw !== undefined) {
    body = init.raw;
    headers['content-type'] = init.contentType ?? 'application/octet-stream';
  } else if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers['content-type'] = 'application/json';
  }
  const method = init.method ?? (body ? 'POST' : 'GET');
  let res: Response;
  let retries = 0;
  const onRetry = (n: RetryNotice): void => {
    retries = n.retry;
    init.onRetry?.(n);
  };
  try {
    const send = (): Promise<Response> => fetch(path, { method, headers, ...(body !== undefined ? { body } : {}), ...(init.signal ? { signal: init.signal } : {}) });
    res = await sendWithRetry(send, method, { onRetry, ...(init.signal ? { signal: init.signal } : {}) });
  } catch (e) {
    if (init.signal?.aborted) throw e;
    throw new ApiFailure(0, 'network', 'the server could not be reached', 'Is `narrascope serve` still running?');
  }
  if (!res.ok) {
    const e = (parseJson(await res.text()) as { error?: { code?: string; message?: string; hint?: string } } | null)?.error;
    // A read sent again until the retries ran out: say so, or "retry shortly" reads as if nothing had been tried.
    const hint = retries > 0 && (e?.code === 'store-locked' || e?.code === 'store-busy') ? `Still busy after ${retries + 1} tries; try again in a moment.` : e?.hint;
    throw new ApiFailure(res.status, e?.code ?? 'http-error', e?.message ?? `HTTP ${res.status}`, hint);
  }
  return res;
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

export async function api<T>(path: string, init: ApiRequest = {}): Promise<T> {
  return parseJson(await (await request(path, init)).text()) as T;
}

export interface AnalyseResponse {
  result: AnalysisResult;
  stored: { id: string; created: boolean } | null;
}

export interface Facet {
  value: string;
  count: number;
}

export interface DocumentSummary {
  id: string;
  title: string | null;
  outlet: string | null;
  language: string | null;
  publishedAt: string | null;
  url: string | null;
  length: number;
  ingestedAt: string;
  ledgerItems?: number;
}

export interface SearchResponse {
  /** Exact when `totalExact` is true; on PostgreSQL above 1,000 matches the planner's estimate. */
  total: number;
  totalExact?: boolean;
  /** relevance / relevance-recent with words, date for filters only. */
  order?: 'relevance' | 'relevance-recent' | 'date';
  /** `sample`: the facets count the 1,000 most recently ingested matches. */
  facetScope?: 'all' | 'sample' | null;
  items: DocumentSummary[];
  facets: { outlets: Facet[]; languages: Facet[]; techniques: Facet[]; narratives: Facet[] };
}

export interface Dismissal {
  detector: string;
  messageId?: string | null;
  quote: string;
  start: number;
  end: number;
  author: string;
  reason: string;
}

export interface StoredDocumentResponse {
  document: DocumentSummary;
  result: AnalysisResult | null;
  dismissals: Dismissal[];
  /** Ids of findings hidden by a dismissal (matched on the server, re-anchored by quote). */
  dismissedFindings: string[];
  confirmations: { itemKey: string; verdict: string; note: string; author: string; createdAt: string }[];
}

export interface TimelineResponse {
  labels: Facet[];
  /** The period the points count in (the `bucket` asked for). */
  bucket: 'week' | 'month' | 'year';
  /** Outlets with a dated document for the label, and how many of them the points cover (the most documents first). */
  outlets: { total: number; shown: number };
  points: { week: string; outlet: string; label: string; count: number }[];
}

export interface ClusterSummary {
  id: number;
  kind: string;
  size: number;
  outlets: number;
  firstSeen: string | null;
  lastSeen: string | null;
  label: string;
}

export interface ClusterResponse {
  cluster: ClusterSummary;
  members: { document: string; title: string | null; outlet: string | null; publishedAt: string | null; similarity: number; text: string | null }[];
}

export interface Whoami {
  kind: 'token' | 'anonymous';
  name: string;
  role: 'viewer' | 'analyst' | 'admin' | null;
  anonymousRead: boolean;
}
