import type { AnalysisResult } from '../../core/result/types.js';
import { formatHtml } from './html.js';
import { formatJson } from './json.js';
import { formatStylish, type StylishOptions } from './stylish.js';

export const FORMATS = ['stylish', 'json', 'html'] as const;
export type FormatName = (typeof FORMATS)[number];

export interface FormatOptions extends StylishOptions {
  readonly pretty?: boolean;
  /** json: write an array even for one result (the caller named several inputs, or some failed). */
  readonly array?: boolean;
}

/** Renders analysis results in one of the output formats of `narrascope analyze --format`. */
export function formatResults(results: readonly AnalysisResult[], format: FormatName, options: FormatOptions = {}): string {
  switch (format) {
    case 'stylish':
      return formatStylish(results, options);
    case 'json':
      return formatJson(results, options);
    case 'html':
      return formatHtml(results);
  }
}

export { formatHtml, formatJson, formatStylish };
export { validateAnalysisResult, analysisResultSchema } from './schema.js';
export { SchemaViolationError } from './json.js';
