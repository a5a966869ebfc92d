import { builtinAggregators } from './aggregators/index.js';
import { createNarrativeAggregator, narrativeAggregator } from './aggregators/narrative/narratives.js';
import { resolveConfig, type NarrascopeConfig, type ResolvedConfig } from './core/config/config.js';
import { Registry } from './core/detect/registry.js';
import { analyzeDocument } from './core/pipeline/analyze.js';
import type { LanguageIdentifier } from './core/pipeline/language.js';
import type { AnalysisResult } from './core/result/types.js';
import { createDocument, type Document, type DocumentInit } from './core/text/document.js';
import { builtinDetectors } from './detectors/index.js';
import { identifyLanguage } from './models/language-id.js';
import type { Taxonomy } from './taxonomy/types.js';
import { TOOL_VERSION } from './version.js';

export interface AnalyzerOptions extends NarrascopeConfig {
  /** Use a custom registry instead of the built-in detectors and aggregators. */
  readonly registry?: Registry;
  /** Extra narrative taxonomies (see `loadTaxonomyFile`), used beside the built-in ones. Ignored with `registry`. */
  readonly taxonomies?: readonly Taxonomy[];
  /** Language identification; default fastText lid.176. Pass `false` to skip (language becomes `und` unless given). */
  readonly identifyLanguage?: LanguageIdentifier | false;
  readonly includeText?: boolean;
}

export function builtinRegistry(taxonomies: readonly Taxonomy[] = []): Registry {
  const aggregators = taxonomies.length
    ? builtinAggregators.map((a) => (a === narrativeAggregator ? createNarrativeAggregator({ taxonomies }) : a))
    : builtinAggregators;
  return new Registry(builtinDetectors, aggregators);
}

/**
 * The library entry point: resolve a configuration once, then analyse many documents with it.
 *
 *     const analyzer = createAnalyzer({ preset: 'default' });
 *     const result = await analyzer.analyzeText('Myth: ... Fact: ...');
 */
export class Analyzer {
  readonly registry: Registry;
  readonly config: ResolvedConfig;
  private readonly identify: LanguageIdentifier | undefined;
  private readonly includeText: boolean;

  constructor(options: AnalyzerOptions = {}) {
    this.registry = options.registry ?? builtinRegistry(options.taxonomies);
    this.config = resolveConfig(this.registry, options);
    this.identify = options.identifyLanguage === false ? undefined : (options.identifyLanguage ?? identifyLanguage);
    this.includeText = options.includeText ?? true;
  }

  analyze(document: Document): Promise<AnalysisResult> {
    return analyzeDocument(document, {
      config: this.config,
      ...(this.identify ? { identifyLanguage: this.identify } : {}),
      toolVersion: TOOL_VERSION,
      includeText: this.includeText,
    });
  }

  analyzeText(text: string, init: Omit<DocumentInit, 'text'> = {}): Promise<AnalysisResult> {
    return this.analyze(createDocument({ ...init, text }));
  }
}

export function createAnalyzer(options: AnalyzerOptions = {}): Analyzer {
  return new Analyzer(options);
}
