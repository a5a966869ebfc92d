import type { PartialResult } from '../aggregate/types.js';
import type { ResolvedConfig } from '../config/config.js';
import { createSharedCache } from '../detect/shared-cache.js';
import type { DetectContext } from '../detect/types.js';
import { signalToFinding } from '../detect/validate-signal.js';
import { postProcess } from '../finding/post-process.js';
import type { Finding } from '../finding/types.js';
import { RESULT_SCHEMA_VERSION, type AnalysisResult, type LedgerSummary } from '../result/types.js';
import { segmentText } from '../segment/segment.js';
import type { Document } from '../text/document.js';
import { chooseLanguage, primaryTag, type LanguageChoice, type LanguageIdentifier } from './language.js';
import { withTimeout } from './timeout.js';

export interface AnalyzeOptions {
  readonly config: ResolvedConfig;
  readonly identifyLanguage?: LanguageIdentifier;
  readonly toolVersion?: string;
  /** Include the normalised text in `document.text` (default true: outputs need it to show spans). */
  readonly includeText?: boolean;
  /** Called as each stage finishes, for progress display. */
  readonly onStage?: (stage: string, ms: number) => void;
}

const now = (): number => performance.now();
const round = (ms: number): number => Math.round(ms * 100) / 100;

/** Below this, an identified language may well be wrong (short texts: "NATO lies!" reads as French, 76 %). */
const UNSURE_LANGUAGE = 0.9;

/**
 * Why: skipping detectors on a wrong guess silently costs a short English text its whole analysis, and the
 * reader cannot tell a guess from a fact; so an unsure guess says so and how to set the language.
 */
function unsureLanguageHint(guess: LanguageChoice): string {
  if (guess.by !== 'identified' || guess.confidence >= UNSURE_LANGUAGE) return '';
  return `; the language was identified with only ${Math.round(guess.confidence * 100)}% confidence: if it is wrong, give it (CLI --language, API "language")`;
}

/** Runs segmentation, detectors and aggregators on one document and returns the validated result. */
export async function analyzeDocument(document: Document, options: AnalyzeOptions): Promise<AnalysisResult> {
  const t0 = now();
  const { config } = options;
  const warnings: string[] = [...document.warnings];
  const guess = await chooseLanguage(document.text, document.language, options.identifyLanguage, document.declaredLanguage);
  const language = primaryTag(guess.language);
  if (guess.overrode !== undefined) {
    warnings.push(`the record gives the language "${guess.overrode}", but the text reads as "${language}" (${Math.round(guess.confidence * 100)}%): analysed as "${language}"`);
  }

  const tSeg = now();
  const segments = segmentText(document.text, language === 'und' ? 'en' : language);
  const segmentMs = now() - tSeg;
  options.onStage?.('segment', segmentMs);

  const shared = createSharedCache();
  const detectorTimes: Record<string, number> = {};
  const raw: Finding[] = [];
  const skippedForLanguage: string[] = [];
  for (const { detector, options: detectorOptions } of config.detectors) {
    const langs = detector.meta.languages;
    if (langs !== 'any' && !langs.includes(language)) {
      skippedForLanguage.push(detector.meta.id);
      continue;
    }
    const ctx: DetectContext = { document, text: document.text, language, segments, options: detectorOptions, shared, earlierFindings: raw };
    const t = now();
    try {
      const result = detector.detect(ctx);
      const signals = isThenable(result)
        ? await withTimeout(Promise.resolve(result), config.timeoutMs, `detector ${detector.meta.id}`)
        : result;
      // The meta is the signal source as it is (signalToFinding reads six of its fields, never writes).
      for (const s of signals) raw.push(signalToFinding(detector.meta, s, document.text));
    } catch (e) {
      warnings.push(`detector ${detector.meta.id} failed on this document: ${(e as Error).message}`);
    }
    const ms = now() - t;
    if (ms > config.timeoutMs) warnings.push(`detector ${detector.meta.id} took ${Math.round(ms)} ms (limit ${config.timeoutMs} ms)`);
    detectorTimes[detector.meta.id] = round(ms);
  }
  if (skippedForLanguage.length > 0) {
    warnings.push(
      `language "${language}": ${skippedForLanguage.length} detector(s) that only work for other languages were not run (${skippedForLanguage.slice(0, 5).join(', ')}${skippedForLanguage.length > 5 ? ', ...' : ''})${unsureLanguageHint(guess)}`,
    );
  }

  const yieldsTo = yieldsToOf(config);
  let findings = postProcess(raw, { minConfidence: config.minConfidence, yieldsTo });
  const partial: PartialResult = { rebuttals: [], claims: [], narratives: [], entities: [], techniques: null, warnings };
  const aggregatorTimes: Record<string, number> = {};
  for (const { aggregator, options: aggOptions } of config.aggregators) {
    const t = now();
    try {
      const result = aggregator.aggregate({ document, text: document.text, language, segments, findings, options: aggOptions, shared, partial });
      const out = isThenable(result)
        ? await withTimeout(Promise.resolve(result), config.timeoutMs, `aggregator ${aggregator.meta.id}`)
        : result;
      if (out.rebuttals) partial.rebuttals.push(...out.rebuttals);
      if (out.claims) partial.claims.push(...out.claims);
      if (out.narratives) partial.narratives.push(...out.narratives);
      if (out.entities) partial.entities.push(...out.entities);
      if (out.techniques) partial.techniques = out.techniques;
      if (out.warnings) warnings.push(...out.warnings);
      if (out.signals && out.signals.length > 0) {
        const source = {
          id: aggregator.meta.id,
          version: aggregator.meta.version,
          family: aggregator.meta.family ?? aggregator.meta.id.split('/')[0] ?? 'aggregate',
          messages: aggregator.meta.messages ?? {},
          taxonomy: aggregator.meta.taxonomy ?? [],
          severity: 'info' as const,
        };
        const extra = out.signals.map((s) => signalToFinding(source, s, document.text));
        findings = postProcess([...findings, ...extra], { minConfidence: config.minConfidence, yieldsTo });
      }
    } catch (e) {
      warnings.push(`aggregator ${aggregator.meta.id} failed on this document: ${(e as Error).message}`);
    }
    aggregatorTimes[aggregator.meta.id] = round(now() - t);
  }

  const words = segments.tokens.reduce((n, tok) => n + (tok.kind === 'word' ? 1 : 0), 0);
  const totalMs = now() - t0;
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    document: {
      id: document.id,
      title: document.title ?? null,
      language,
      languageConfidence: guess.by === 'identified' ? Math.round(guess.confidence * 1000) / 1000 : null,
      source: Object.fromEntries(Object.entries(document.source).filter(([, v]) => typeof v === 'string')) as Record<string, string>,
      length: document.text.length,
      hash: document.hash,
      ...(options.includeText === false ? {} : { text: document.text }),
    },
    rebuttals: partial.rebuttals,
    rebuttalSummary: summariseLedger(partial.rebuttals),
    findings,
    claims: partial.claims,
    narratives: partial.narratives,
    entities: partial.entities,
    techniques: partial.techniques ?? { profile: [], paragraphs: [], words },
    warnings,
    stats: {
      totalMs: round(totalMs),
      segmentMs: round(segmentMs),
      detectors: detectorTimes,
      aggregators: aggregatorTimes,
      counts: { blocks: segments.blocks.length, sentences: segments.sentences.length, tokens: segments.tokens.length, words },
    },
    meta: {
      tool: 'narrascope',
      toolVersion: options.toolVersion ?? '0.0.0',
      detectors: config.detectors.map((d) => ({ id: d.detector.meta.id, version: d.detector.meta.version })),
      aggregators: config.aggregators.map((a) => ({ id: a.aggregator.meta.id, version: a.aggregator.meta.version })),
      configHash: config.hash,
    },
  };
}

/** Detector id → the detectors it yields to, made once per configuration rather than per document. */
const YIELDS_TO = new WeakMap<ResolvedConfig, ReadonlyMap<string, readonly string[]>>();

function yieldsToOf(config: ResolvedConfig): ReadonlyMap<string, readonly string[]> {
  let map = YIELDS_TO.get(config);
  if (!map) {
    map = new Map(config.detectors.flatMap(({ detector }) => (detector.meta.yieldsTo?.length ? [[detector.meta.id, detector.meta.yieldsTo] as const] : [])));
    YIELDS_TO.set(config, map);
  }
  return map;
}

/**
 * Whether a detector or aggregator answered with a promise. Only such work is raced against the timeout:
 * a synchronous call has returned before any timer could fire (an overrun is reported from the measured
 * time instead), so wrapping it in a timer and three promises, as before, changed nothing but the cost.
 */
function isThenable<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

/** Evidence kinds that count as citing a source; numbers and dates are evidence of precision, not of provenance. */
const SOURCE_EVIDENCE_KINDS: ReadonlySet<string> = new Set(['link', 'source', 'institution', 'quote', 'document']);

export function summariseLedger(items: AnalysisResult['rebuttals']): LedgerSummary {
  const citingSource = items.filter((i) => i.evidence.some((e) => SOURCE_EVIDENCE_KINDS.has(e.kind))).length;
  const partial = items.filter((i) => i.partial).length;
  const text =
    items.length === 0
      ? 'no rebuttal items'
      : `${items.length} rebuttal${items.length === 1 ? '' : 's'}, ${citingSource} cite${citingSource === 1 ? 's' : ''} a source${partial ? `, ${partial} partial` : ''}`;
  return { items: items.length, citingSource, partial, text };
}
