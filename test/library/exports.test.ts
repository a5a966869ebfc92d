// What an embedding developer needs from `narrascope`: the entry points, every error class a call can throw
// (each with its own `name`, which is what logs and other realms see), and the types of results and
// options. The type-only import fails `tsc` (part of `npm test`) when one of them stops being exported.
import { describe, expect, it } from 'vitest';
import * as narrascope from '../../src/index.js';
import type {
  AnalysisResult,
  AnalyzerOptions,
  Claim,
  Document,
  DocumentInit,
  EntityFraming,
  EvidenceItem,
  Finding,
  LanguageGuess,
  LanguageIdentifier,
  LedgerItem,
  NarrascopeConfig,
  NarrativeLabel,
  ReadItem,
  SpanText,
  Taxonomy,
  TechniqueSummary,
  Verdict,
} from '../../src/index.js';

export type PublicTypes = [
  AnalysisResult,
  AnalyzerOptions,
  Claim,
  Document,
  DocumentInit,
  EntityFraming,
  EvidenceItem,
  Finding,
  LanguageGuess,
  LanguageIdentifier,
  LedgerItem,
  NarrascopeConfig,
  NarrativeLabel,
  ReadItem,
  SpanText,
  Taxonomy,
  TechniqueSummary,
  Verdict,
];

describe('the public entry', () => {
  it.each([
    'createAnalyzer',
    'Analyzer',
    'builtinRegistry',
    'Registry',
    'builtinDetectors',
    'builtinAggregators',
    'createDocument',
    'readInput',
    'loadTaxonomyFile',
    'parseTaxonomy',
    'createNarrativeAggregator',
    'testDetector',
    'resolveConfig',
    'PRESETS',
    'TOOL_VERSION',
    'RESULT_SCHEMA_VERSION',
  ])('exports %s', (name) => {
    expect(narrascope).toHaveProperty(name);
  });

  it.each([
    'AnalyzerArgumentError',
    'ConfigError',
    'OptionsError',
    'TaxonomyError',
    'TimeoutError',
    'InputError',
    'StoreError',
  ])('exports the error class %s, named after itself', (name) => {
    const ErrorClass = (narrascope as unknown as Record<string, new (...args: string[]) => Error>)[name];
    expect(ErrorClass).toBeTypeOf('function');
    const error = new (ErrorClass as new (...args: string[]) => Error)('not-found', 'message', 'c', 'd', 'e');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(name);
  });

  it('makes AnalyzerArgumentError a TypeError, so code that checks for TypeError still catches it', () => {
    expect(new narrascope.AnalyzerArgumentError('x')).toBeInstanceOf(TypeError);
  });
});
