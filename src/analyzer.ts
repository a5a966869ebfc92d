import { createHash } from 'node:crypto';
import { builtinAggregators } from './aggregators/index.js';
import { createNarrativeAggregator, narrativeAggregator } from './aggregators/narrative/narratives.js';
import {
  CONFIG_KEYS,
  configShapeProblems,
  describeValue,
  isPlainObject,
  unknownKeyProblems,
} from './core/config/check-config.js';
import {
  ConfigError,
  resolveConfig,
  type NarrascopeConfig,
  type ResolvedConfig,
} from './core/config/config.js';
import { Registry } from './core/detect/registry.js';
import { analyzeDocument } from './core/pipeline/analyze.js';
import type { LanguageGuess, LanguageIdentifier } from './core/pipeline/language.js';
import { withTimeout } from './core/pipeline/timeout.js';
import type { AnalysisResult } from './core/result/types.js';
import { createDocument, type Document, type DocumentInit } from './core/text/document.js';
import {
  AnalyzerArgumentError,
  documentFieldProblems,
  documentInitProblems,
  LANGUAGE_CODE,
} from './core/text/document-fields.js';
import { builtinDetectors } from './detectors/index.js';
import { identifyLanguage } from './models/language-id.js';
import type { Taxonomy } from './taxonomy/types.js';
import { TOOL_VERSION } from './version.js';

export { AnalyzerArgumentError };

export interface AnalyzerOptions extends NarrascopeConfig {
  /** Use a custom registry instead of the built-in detectors and aggregators. */
  readonly registry?: Registry;
  /** Extra narrative taxonomies (see `loadTaxonomyFile`), used beside the built-in ones. Not with `registry`. */
  readonly taxonomies?: readonly Taxonomy[];
  /** Language identification; default fastText lid.176. Pass `false` to skip (language becomes `und` unless given). */
  readonly identifyLanguage?: LanguageIdentifier | false;
  readonly includeText?: boolean;
}

/** The keys of AnalyzerOptions: a misspelt one (`minConfidense`, `language`) was silently ignored. */
const ANALYZER_KEYS: readonly string[] = [
  ...CONFIG_KEYS,
  'registry',
  'taxonomies',
  'identifyLanguage',
  'includeText',
];

/** Whether a value is a list of parsed taxonomies (the shape the narrative aggregator reads). */
function isTaxonomyList(value: unknown): value is readonly Taxonomy[] {
  return (
    Array.isArray(value) &&
    value.every((t) => isPlainObject(t) && typeof t.id === 'string' && Array.isArray(t.labels))
  );
}

function taxonomiesProblem(value: unknown): string {
  return `taxonomies must be a list of taxonomies read by loadTaxonomyFile or parseTaxonomy, got ${describeValue(value)}`;
}

/** Refuses options of the wrong shape with one ConfigError that lists every problem. */
function checkAnalyzerOptions(options: unknown): AnalyzerOptions {
  if (options === undefined) return {};
  if (!isPlainObject(options))
    throw new ConfigError(`analyzer options must be an object, got ${describeValue(options)}`);
  const problems = [...unknownKeyProblems(options, ANALYZER_KEYS), ...configShapeProblems(options)];
  const { registry, taxonomies, identifyLanguage: identify, includeText } = options;
  if (registry !== undefined && !(registry instanceof Registry))
    problems.push(`registry must be a Registry, got ${describeValue(registry)}`);
  if (taxonomies !== undefined && !isTaxonomyList(taxonomies)) problems.push(taxonomiesProblem(taxonomies));
  if (identify !== undefined && identify !== false && typeof identify !== 'function')
    problems.push(`identifyLanguage must be a function or false, got ${describeValue(identify)}`);
  if (includeText !== undefined && typeof includeText !== 'boolean')
    problems.push(`includeText must be true or false, got ${describeValue(includeText)}`);
  // Taxonomies that could not be used were dropped without a word: the caller believed them applied.
  if (Array.isArray(taxonomies) && taxonomies.length > 0) {
    if (registry !== undefined) {
      problems.push(
        'taxonomies cannot be combined with registry (they would be ignored): put createNarrativeAggregator({ taxonomies }) into your registry instead',
      );
    }
    const aggregators = options.aggregators;
    if (isPlainObject(aggregators) && aggregators[narrativeAggregator.meta.id] === 'off') {
      problems.push(
        `taxonomies need the narrative aggregator, which aggregators["${narrativeAggregator.meta.id}"] turns off`,
      );
    }
  }
  if (problems.length > 0) throw new ConfigError(problems.join('; '));
  return options as AnalyzerOptions;
}

function checkDocument(document: unknown): Document {
  const made =
    'a Document (from createDocument(), or the `document` of an item of readInput()); to analyse a string, call analyzeText(text)';
  if (!isPlainObject(document))
    throw new AnalyzerArgumentError(`analyze: expected ${made}, got ${describeValue(document)}`);
  if (document.kind === 'document' && isPlainObject(document.document))
    throw new AnalyzerArgumentError(
      'analyze: got an item of readInput(); pass its `document` (item.document)',
    );
  // Only what analysis reads: a Document that went through JSON or postMessage lost its SourceMap, and
  // analysis never looks at it.
  const problems = documentFieldProblems(document);
  for (const key of ['id', 'text'] as const)
    if (typeof document[key] !== 'string')
      problems.push(`${key} must be a string, got ${describeValue(document[key])}`);
  // The result's schema requires a sha256: another hash made a result that every JSON export refused later.
  if (!(typeof document.hash === 'string' && /^[0-9a-f]{64}$/u.test(document.hash)))
    problems.push(
      `hash must be the sha256 of the text in hex (see contentHash), got ${describeValue(document.hash)}`,
    );
  if (!Array.isArray(document.warnings))
    problems.push(`warnings must be a list of strings, got ${describeValue(document.warnings)}`);
  if (!isPlainObject(document.source))
    problems.push(`source must be an object, got ${describeValue(document.source)}`);
  if (problems.length > 0)
    throw new AnalyzerArgumentError(`analyze: expected ${made}: ${[...new Set(problems)].join('; ')}`);
  return document as unknown as Document;
}

function checkTextArguments(text: unknown, init: unknown): void {
  if (typeof text !== 'string') {
    throw new AnalyzerArgumentError(
      `analyzeText: text must be a string (for bytes use decodeBytes, for files and URLs readInput), got ${describeValue(text)}`,
    );
  }
  if (init === undefined) return;
  if (!isPlainObject(init))
    throw new AnalyzerArgumentError(
      `analyzeText: the second argument must be an object such as { title, language }, got ${describeValue(init)}`,
    );
  // Keys beyond DocumentInit's are allowed: callers pass a whole Document or DocumentInit (text included) here.
  const problems = documentInitProblems(init);
  if (problems.length > 0) throw new AnalyzerArgumentError(`analyzeText: ${problems.join('; ')}`);
}

/**
 * A caller's identifier whose answer is checked: `{ language: 5 }` crashed inside (`language.split is not a
 * function`), and a NaN confidence or a name ("english") went into the result as it came.
 */
function checkedIdentifier(identify: LanguageIdentifier, timeoutMs: number): LanguageIdentifier {
  return async (text) => {
    // Raced like an async detector: an identifier that never answers would hold the analysis for ever.
    const guess: unknown = await withTimeout(Promise.resolve(identify(text)), timeoutMs, 'identifyLanguage');
    const ok =
      isPlainObject(guess) &&
      typeof guess.language === 'string' &&
      LANGUAGE_CODE.test(guess.language) &&
      typeof guess.confidence === 'number' &&
      guess.confidence >= 0 &&
      guess.confidence <= 1;
    if (!ok) {
      throw new AnalyzerArgumentError(
        `identifyLanguage (an option of createAnalyzer) must return { language: a code such as en or "und", confidence: a number from 0 to 1 }, got ${describeValue(guess)}`,
      );
    }
    return guess as unknown as LanguageGuess;
  };
}

/**
 * The config hash covers detector and aggregator ids, versions and options, but not the user taxonomies the
 * narrative aggregator reads: results with and without `--taxonomy energy.yaml` (or with two versions of
 * it) carried the same `meta.configHash`, and an ingest could not tell them apart. Taxonomies are folded in
 * here, only when there are some, so every other configuration keeps the hash it had.
 */
function withTaxonomies(config: ResolvedConfig, taxonomies: readonly Taxonomy[]): ResolvedConfig {
  if (taxonomies.length === 0) return config;
  const hash = createHash('sha256')
    .update(JSON.stringify([config.hash, taxonomies]))
    .digest('hex')
    .slice(0, 16);
  return { ...config, hash };
}

export function builtinRegistry(taxonomies: readonly Taxonomy[] = []): Registry {
  // Public too: a plain-JavaScript caller's `null` or string crashed inside the narrative aggregator.
  if (!isTaxonomyList(taxonomies)) throw new ConfigError(taxonomiesProblem(taxonomies));
  const aggregators = taxonomies.length
    ? builtinAggregators.map((a) =>
        a === narrativeAggregator ? createNarrativeAggregator({ taxonomies }) : a,
      )
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

  /** Throws ConfigError for options of the wrong type, unknown keys, presets, detector ids and option values. */
  constructor(options: AnalyzerOptions = {}) {
    options = checkAnalyzerOptions(options);
    this.registry = options.registry ?? builtinRegistry(options.taxonomies);
    this.config = withTaxonomies(resolveConfig(this.registry, options), options.taxonomies ?? []);
    const given = options.identifyLanguage;
    this.identify =
      given === false
        ? undefined
        : given
          ? checkedIdentifier(given, this.config.timeoutMs)
          : identifyLanguage;
    this.includeText = options.includeText ?? true;
    // Bound, so that a method passed on alone (`const { analyzeText } = analyzer`, a callback) still has its
    // analyzer; unbound it failed with "Cannot read properties of undefined (reading 'analyze')".
    this.analyze = this.analyze.bind(this);
    this.analyzeText = this.analyzeText.bind(this);
  }

  /**
   * Analyses one document. A wrong argument rejects with AnalyzerArgumentError (never throws synchronously).
   * The analyzer keeps nothing from one document to the next, so calls may overlap and come in any order.
   */
  async analyze(document: Document): Promise<AnalysisResult> {
    document = checkDocument(document);
    return analyzeDocument(document, {
      config: this.config,
      ...(this.identify ? { identifyLanguage: this.identify } : {}),
      toolVersion: TOOL_VERSION,
      includeText: this.includeText,
    });
  }

  /** Makes a Document of `text` (see createDocument) and analyses it; wrong arguments reject as in `analyze`. */
  async analyzeText(text: string, init: Omit<DocumentInit, 'text'> = {}): Promise<AnalysisResult> {
    checkTextArguments(text, init);
    return this.analyze(createDocument({ ...init, text }));
  }
}

export function createAnalyzer(options: AnalyzerOptions = {}): Analyzer {
  return new Analyzer(options);
}
