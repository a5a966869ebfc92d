/**
 * The cost model of the PostgreSQL search plan (search-postgres.ts): how common the query's words are
 * among the newest documents (a probe), and what finding their matches costs by walking the documents
 * newest first or through the GIN index, in units of one tsvector read.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Store } from '../store/open.js';
import type { JoinedPlanInput, Page } from './search-postgres.js';

/** Documents the density probe reads (the newest ones). */
const PROBE_DOCUMENTS = 256;
/**
 * The cost model that picks an access path for the words, in units of one tsvector read among the newest
 * documents (detoasted and tested: ≈5 µs, their TOAST pages being cached). Walking reads one tsvector per
 * document walked; below the ranking window the documents are older and their TOAST pages less often
 * cached (OLD_WALK: ≈10–18 µs a document). The GIN index
 * decodes every posting of the words (GIN_POSTING), visits the heap once per candidate in the id range
 * (HEAP_VISIT; the heap is compact since migration 0005) and sorts those that pass the filters (SORT); for
 * a phrase it must also read each candidate's tsvector to check the word positions. Measured warm at
 * 100,000 documents: the window's edge of a word in 48% of them, 32 ms through GIN (48,500 candidates)
 * against 21 ms walked (4,200 documents); in 11%, 12 ms against 84 ms. Below the window, the ~1,000
 * newest matches of a word in 93% of the documents under a filter, measured 2026-11-30: within two
 * outlets 11–18 ms walked against 28–30 through GIN, within a technique or a date range 7–8 against 22–25.
 * OLD_WALK was 10 (from a walk of two outlets' documents measured at 50–90 ms on a busier machine); at 3,
 * the benchmark's query mix, each query run under both settings in turn, gave p95 36.8–40.1 ms against
 * 40.0–45.4 and a mean 1.5 ms lower (three runs; 2 was as good as 3). PostgreSQL's own cost model prices
 * neither the tsvector reads nor the heap visits at this, and walked the primary key for a word in 5% of
 * the documents (37,000 tsvectors, 180 ms; GIN 12 ms).
 */
const GIN_POSTING = 0.02;
const HEAP_VISIT = 0.03;
const SORT = 0.08;
export const OLD_WALK = 3;

/** The newest documents' share holding the words, and holding all their words (phrases relaxed). */
export interface Density {
  readonly match: number;
  readonly candidates: number;
  readonly phrase: boolean;
  /** Whether the phrases' word pairs select GIN's candidates (then the filters come before the position check). */
  readonly pairs: boolean;
  /** The newest document id (≈ the number of documents). */
  readonly top: number;
}

export async function probe(store: Store, input: JoinedPlanInput & { words: RawBuilder<boolean> }): Promise<Density> {
  // Without a phrase the candidates are the matches: one test per document.
  const candidates = input.relaxedWords ? sql`count(*) FILTER (WHERE ${input.relaxedWords})` : sql`NULL`;
  const r = (await sql<{ n: number; c: number | null; top: number | null; probed: number }>`SELECT count(*) FILTER (WHERE ${input.words}) AS n, ${candidates} AS c, max(documents.id) AS top, count(*) AS probed FROM (SELECT * FROM documents ORDER BY documents.id DESC LIMIT ${PROBE_DOCUMENTS}) documents`.execute(store.db)).rows[0];
  const probed = Math.max(1, Number(r?.probed ?? 0));
  const match = Number(r?.n ?? 0) / probed;
  return { match, candidates: r?.c === null || r?.c === undefined ? match : Number(r.c) / probed, phrase: input.relaxedWords !== null, pairs: Boolean(input.phrasePairs), top: Number(r?.top ?? 0) };
}

/**
 * Tsvector reads to find `needed` matches walking newest first through `region` documents, of which the
 * filters keep the share `kept` (the walk reads only those).
 */
export function walkCost(d: Density, needed: number, region: number, kept = 1): number {
  return Math.min(region * kept, needed / Math.max(d.match, 1 / Math.max(d.top, 1)));
}

/**
 * Cost of one GIN statement over `region` documents of which the filters keep the share `kept`: every
 * posting decoded, each candidate in the region visited (and its tsvector read for a phrase), those kept
 * sorted.
 */
export function ginCost(d: Density, region: number, kept = 1, needed = Infinity): number {
  const candidates = d.candidates * region;
  // A phrase: candidates' tsvectors read to check the word positions (≈2 heap visits each). Without the
  // word pairs, every candidate's, before the filters; with them, after the filters and newest first
  // until `needed` matches (see matching).
  const positions = !d.phrase ? 0 : d.pairs ? 2 * Math.min(candidates * kept, needed * (d.candidates / Math.max(d.match, 1 / Math.max(d.top, 1)))) : 2 * candidates;
  return d.candidates * d.top * GIN_POSTING + candidates * HEAP_VISIT + positions + candidates * kept * SORT;
}

/** The share of the window's matches of the words that also passed the filters (rankWindow of them). */
export function windowSpan(ranked: Page, windowStart: number, d: Density): number {
  return windowStart ? Math.min(1, Math.max(ranked.length, 1) / Math.max(1, d.match * (d.top - windowStart + 1))) : 1;
}
