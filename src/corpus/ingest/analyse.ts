/**
 * Analysis of one document for ingestion, the same code in-process and in worker threads: the payload is
 * plain data (structured-clone safe), the reply carries the AnalysisResult and the MinHash signature.
 */
import { createAnalyzer, type Analyzer, type AnalyzerOptions } from '../../analyzer.js';
import type { AnalysisResult } from '../../core/result/types.js';
import { createDocument, type DocumentSource } from '../../core/text/document.js';
import { prepareAnalysis, type PreparedAnalysis } from '../../store/repositories/prepared-analysis.js';
import { unpackResultJson } from '../../store/result-codec.js';
import { MinHasher, encodeSignature } from '../minhash.js';

/** Analyzer options that can cross a thread boundary (no registry object, no functions). */
export type SerializableAnalyzerOptions = Omit<AnalyzerOptions, 'registry' | 'identifyLanguage'> & { readonly identifyLanguage?: false };

export interface AnalysisJob {
  readonly id: number;
  readonly text: string;
  readonly title?: string;
  readonly language?: string;
  /** The record's stated language, a hint (see `Document.declaredLanguage`). */
  readonly declaredLanguage?: string;
  readonly source: DocumentSource;
  /** The reader's warnings (invalid UTF-8 replaced, an unreadable date ...): they belong in the result. */
  readonly warnings?: readonly string[];
  /** The caller stores the result: a worker also prepares its stored form (see `WireReply`). */
  readonly forStore?: boolean;
  /** Analyser settings of this job (the HTTP API's preset and threshold); absent: the pool's own options. */
  readonly preset?: string;
  readonly minConfidence?: number;
}

/**
 * `resultJson`: the result as JSON (without the document text), when it crossed a thread as JSON;
 * `prepared`: its stored form, when a worker prepared it for the store — then `result` is read from the
 * packed JSON only if someone asks for it.
 */
export type AnalysisReply = { readonly id: number; readonly result: AnalysisResult; readonly minhash: string; readonly resultJson?: string; readonly prepared?: PreparedAnalysis } | { readonly id: number; readonly error: string };

/**
 * What a worker posts. For the store (ingest), the result's stored form (store/repositories/
 * prepared-analysis.ts: compressed JSON and the rows as value arrays), so that the writing thread neither
 * parses nor compresses ≈ 80 KB of JSON per news article. Otherwise (the HTTP API) the result as one JSON
 * string: copying a string between threads is a memcpy, whereas structured clone walks the ~70 KB object
 * graph of a news article's result on both sides.
 */
export type WireReply = { readonly id: number; readonly json?: string; readonly prepared?: PreparedAnalysis; readonly minhash: string } | { readonly id: number; readonly error: string };

export function toWire(reply: AnalysisReply, forStore = false): WireReply {
  if ('error' in reply) return reply;
  // For the store the result is packed from its JSON bytes (result-codec.ts jsonBytes), never one string.
  if (forStore) return { id: reply.id, prepared: prepareAnalysis(reply.result), minhash: reply.minhash };
  return { id: reply.id, json: JSON.stringify(reply.result), minhash: reply.minhash };
}

export function fromWire(wire: WireReply): AnalysisReply {
  if ('error' in wire) return wire;
  const { id, json, prepared, minhash } = wire;
  if (json !== undefined) return { id, result: JSON.parse(json) as AnalysisResult, minhash, resultJson: json };
  if (!prepared) throw new Error('the reply holds neither a result nor its stored form');
  let result: AnalysisResult | undefined;
  return {
    id,
    minhash,
    prepared,
    get result(): AnalysisResult {
      result ??= JSON.parse(unpackResultJson(prepared.packed)) as AnalysisResult;
      return result;
    },
  };
}

export interface PayloadAnalyser {
  readonly analyzer: Analyzer;
  readonly hasher: MinHasher;
}

export function createPayloadAnalyser(options: SerializableAnalyzerOptions | AnalyzerOptions = {}): PayloadAnalyser {
  return { analyzer: createAnalyzer({ ...options, includeText: false }), hasher: new MinHasher() };
}

/** Analysers kept per thread for jobs with settings of their own, besides the base one (least recently used out). */
const MAX_JOB_ANALYSERS = 8;

/**
 * The analysers of one thread: the base one, made from the pool's options, and a few for jobs that bring a
 * preset or threshold of their own. Those used to run on the server's main thread, where one long text
 * with `minConfidence` set stalled every other request.
 */
export class PayloadAnalysers {
  private base: PayloadAnalyser | null = null;
  private readonly byKey = new Map<string, PayloadAnalyser>();

  constructor(private readonly options: SerializableAnalyzerOptions | AnalyzerOptions = {}) {}

  for(job: Pick<AnalysisJob, 'preset' | 'minConfidence'>): PayloadAnalyser {
    if (job.preset === undefined && job.minConfidence === undefined) return (this.base ??= createPayloadAnalyser(this.options));
    const key = `${job.preset ?? ''}|${job.minConfidence ?? ''}`;
    let a = this.byKey.get(key);
    if (a) this.byKey.delete(key);
    else a = createPayloadAnalyser({ ...this.options, ...(job.preset !== undefined ? { preset: job.preset } : {}), ...(job.minConfidence !== undefined ? { minConfidence: job.minConfidence } : {}) });
    this.byKey.set(key, a);
    while (this.byKey.size > MAX_JOB_ANALYSERS) this.byKey.delete(this.byKey.keys().next().value as string);
    return a;
  }
}

export async function analysePayload(a: PayloadAnalyser, job: AnalysisJob): Promise<AnalysisReply> {
  const doc = createDocument({ text: job.text, source: job.source, ...(job.title !== undefined ? { title: job.title } : {}), ...(job.language !== undefined ? { language: job.language } : {}), ...(job.declaredLanguage !== undefined ? { declaredLanguage: job.declaredLanguage } : {}), ...(job.warnings?.length ? { warnings: job.warnings } : {}) });
  const result = await a.analyzer.analyze(doc);
  return { id: job.id, result, minhash: encodeSignature(a.hasher.signature(doc.text)) };
}
