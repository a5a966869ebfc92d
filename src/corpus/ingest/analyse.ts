/**
 * Analysis of one document for ingestion, the same code in-process and in worker threads: the payload is
 * plain data (structured-clone safe), the reply carries the AnalysisResult and the MinHash signature.
 */
import { createAnalyzer, type Analyzer, type AnalyzerOptions } from '../../analyzer.js';
import type { AnalysisResult } from '../../core/result/types.js';
import { createDocument, type DocumentSource } from '../../core/text/document.js';
import { packResultJson } from '../../store/result-codec.js';
import { MinHasher, encodeSignature } from '../minhash.js';

/** Analyzer options that can cross a thread boundary (no registry object, no functions). */
export type SerializableAnalyzerOptions = Omit<AnalyzerOptions, 'registry' | 'identifyLanguage'> & { readonly identifyLanguage?: false };

export interface AnalysisJob {
  readonly id: number;
  readonly text: string;
  readonly title?: string;
  readonly language?: string;
  readonly source: DocumentSource;
}

/**
 * `resultJson`: the result as JSON (without the document text), when it crossed a thread as JSON;
 * `resultPacked`: the same compressed as the store keeps it (src/store/result-codec.ts).
 */
export type AnalysisReply = { readonly id: number; readonly result: AnalysisResult; readonly minhash: string; readonly resultJson?: string; readonly resultPacked?: Uint8Array } | { readonly id: number; readonly error: string };

/**
 * What a worker posts. The result crosses as one JSON string: copying a string between threads is a
 * memcpy, whereas structured clone walks the ~70 KB object graph of a news article's result on both sides,
 * and the store needs that JSON anyway (it would otherwise serialise the result again). The worker also
 * compresses it for the store, so that this CPU work runs in parallel instead of on the writing thread.
 */
export type WireReply = { readonly id: number; readonly json: string; readonly packed: Uint8Array; readonly minhash: string } | { readonly id: number; readonly error: string };

export function toWire(reply: AnalysisReply): WireReply {
  if ('error' in reply) return reply;
  const json = JSON.stringify(reply.result);
  return { id: reply.id, json, packed: packResultJson(json), minhash: reply.minhash };
}

export function fromWire(wire: WireReply): AnalysisReply {
  return 'error' in wire ? wire : { id: wire.id, result: JSON.parse(wire.json) as AnalysisResult, minhash: wire.minhash, resultJson: wire.json, resultPacked: wire.packed };
}

export interface PayloadAnalyser {
  readonly analyzer: Analyzer;
  readonly hasher: MinHasher;
}

export function createPayloadAnalyser(options: SerializableAnalyzerOptions | AnalyzerOptions = {}): PayloadAnalyser {
  return { analyzer: createAnalyzer({ ...options, includeText: false }), hasher: new MinHasher() };
}

export async function analysePayload(a: PayloadAnalyser, job: AnalysisJob): Promise<AnalysisReply> {
  const doc = createDocument({ text: job.text, source: job.source, ...(job.title !== undefined ? { title: job.title } : {}), ...(job.language !== undefined ? { language: job.language } : {}) });
  const result = await a.analyzer.analyze(doc);
  return { id: job.id, result, minhash: encodeSignature(a.hasher.signature(doc.text)) };
}
