/**
 * Analysis of one document for ingestion, the same code in-process and in worker threads: the payload is
 * plain data (structured-clone safe), the reply carries the AnalysisResult and the MinHash signature.
 */
import { createAnalyzer, type Analyzer, type AnalyzerOptions } from '../../analyzer.js';
import type { AnalysisResult } from '../../core/result/types.js';
import { createDocument, type DocumentSource } from '../../core/text/document.js';
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

export type AnalysisReply = { readonly id: number; readonly result: AnalysisResult; readonly minhash: string } | { readonly id: number; readonly error: string };

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
