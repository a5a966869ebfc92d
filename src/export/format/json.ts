import type { AnalysisResult } from '../../core/result/types.js';
import { exportJsonText } from '../json-text.js';
import { validateAnalysisResult } from './schema.js';

export class SchemaViolationError extends Error {
  constructor(problems: readonly string[]) {
    super(`the analysis result does not match its JSON Schema: ${problems.slice(0, 5).join('; ')}`);
    this.name = 'SchemaViolationError';
  }
}

/**
 * JSON output: one result as an object, several as an array. Each result is checked against the schema
 * before it is written, so a consumer never receives a result that breaks the documented contract.
 */
export function formatJson(results: readonly AnalysisResult[], options: { pretty?: boolean; array?: boolean } = {}): string {
  for (const r of results) {
    const problems = validateAnalysisResult(r);
    if (problems.length) throw new SchemaViolationError(problems);
  }
  const value = results.length === 1 && options.array !== true ? results[0] : results;
  // Line separators escaped: see ../json-text.ts (the same JSON value, safe for line splitters and old JS).
  return exportJsonText(JSON.stringify(value, null, options.pretty === false ? undefined : 2)) + '\n';
}
