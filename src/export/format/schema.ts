import { Ajv2020 } from 'ajv/dist/2020.js';
import schema from './analysis-result.schema.json' with { type: 'json' };

/** The JSON Schema of the analysis result (DESIGN.md §3), kept in the repo and documented in docs/output.md. */
export const analysisResultSchema: Readonly<Record<string, unknown>> = schema;

let validator: ((value: unknown) => boolean) & { errors?: unknown } | undefined;

/** Validates a result against the schema; returns readable problems (empty when valid). */
export function validateAnalysisResult(value: unknown): string[] {
  if (!validator) {
    // Compiled once per process, and a one-document `analyze --format json` pays for it: checking the
    // schema itself against the JSON Schema meta-schema (a test does that once, `validateSchema: false`
    // here) and optimising the generated code (validation is as fast without it, ~0.23 ms a result) took
    // half of the ~250 ms CPU the compilation cost.
    const ajv = new Ajv2020({ allErrors: true, strict: false, validateSchema: false, code: { optimize: false } });
    validator = ajv.compile(schema);
  }
  if (validator(value)) return [];
  const errors = (validator.errors ?? []) as { instancePath: string; message?: string }[];
  return errors.map((e) => `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}`);
}
