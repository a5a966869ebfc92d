/** JSON Schemas shared by several routes (and so by the OpenAPI document). */
import type { JsonSchema } from './route.js';

export const PRESETS = ['default', 'all', 'fast', 'ledger', 'techniques'];

export const analyseOptionsProps: Readonly<Record<string, JsonSchema>> = {
  preset: { type: 'string', enum: PRESETS, description: 'Detector preset; default `default`.' },
  language: { type: 'string', pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$', description: 'BCP 47 language tag; detected when absent.' },
  minConfidence: { type: 'number', minimum: 0, maximum: 1, description: 'Drop findings below this confidence.' },
  store: { type: 'boolean', description: 'Also store the document and its analysis in the corpus (analyst role).' },
};

/**
 * One line of text without control characters: a NUL in a title or outlet made PostgreSQL refuse the
 * stored document (a 500), and an escape sequence would reach every terminal that lists the corpus. The C1
 * controls (U+0080–U+009F: U+009B is a one-character escape sequence to many terminals, U+0085 a line
 * break) and the line and paragraph separators (U+2028, U+2029) are refused as well: they were accepted
 * and stored, where the CLI's readers make each of them a space (src/ingest/title.ts `oneLine`).
 */
export const NO_CONTROLS = '^[^\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029]*$';

/**
 * Text that may span lines (a reason, a note, a quoted span, a search filter) but holds no NUL: PostgreSQL
 * refuses NUL in any text value, bound parameters included, so a NUL in a filter or a note was a 500 there
 * (and matched nothing on SQLite, whose stored texts never hold one either).
 */
export const NO_NUL = '^[^\\u0000]*$';

/** What the patterns above mean, for validation messages: "must match pattern ^[^\u0000]*$" helps nobody. */
export const PATTERN_MEANINGS: Readonly<Record<string, string>> = {
  [NO_CONTROLS]: 'must not contain control characters (NUL, line breaks, escape sequences)',
  [NO_NUL]: 'must not contain a NUL character',
};

export const sourceSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    outlet: { type: 'string', maxLength: 200, pattern: NO_CONTROLS },
    author: { type: 'string', maxLength: 200, pattern: NO_CONTROLS },
    uri: { type: 'string', maxLength: 2000, pattern: NO_CONTROLS },
    publishedAt: { type: 'string', maxLength: 40, format: 'publication-date', description: 'YYYY-MM-DD, optionally with a time: 2025-03-04 or 2025-03-04T10:30:00Z.' },
  },
};

/** A loose description of AnalysisResult (src/core/result/types.ts) for the API reference. */
export const analysisResultSchema: JsonSchema = {
  type: 'object',
  description: 'AnalysisResult (see docs/output.md): spans are UTF-16 [start, end) offsets into `document.text`.',
  properties: {
    schemaVersion: { type: 'string' },
    document: { type: 'object', properties: { id: { type: 'string' }, title: { type: ['string', 'null'] }, language: { type: 'string' }, hash: { type: 'string' }, length: { type: 'integer' }, text: { type: 'string' } } },
    rebuttals: { type: 'array', items: { type: 'object' }, description: 'Ledger items: claim, attributedTo, motive, rebuttal, verdict, evidence.' },
    rebuttalSummary: { type: 'object' },
    findings: { type: 'array', items: { type: 'object' } },
    claims: { type: 'array', items: { type: 'object' } },
    narratives: { type: 'array', items: { type: 'object' } },
    entities: { type: 'array', items: { type: 'object' } },
    techniques: { type: 'object' },
    warnings: { type: 'array', items: { type: 'string' } },
    stats: { type: 'object' },
    meta: { type: 'object' },
  },
};

export const analyseResponseSchema: JsonSchema = {
  type: 'object',
  properties: {
    result: analysisResultSchema,
    stored: { type: ['object', 'null'], properties: { id: { type: 'string' }, created: { type: 'boolean' } } },
  },
};
