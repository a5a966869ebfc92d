/**
 * The checks of a DocumentInit's fields that every public way of making or analysing a document shares.
 * Plain JavaScript callers are not checked by TypeScript: `createDocument(null)` crashed inside with
 * "Cannot read properties of null (reading 'text')" instead of naming the argument at fault.
 */
import { describeValue, isPlainObject } from '../config/check-config.js';
import { SourceMap } from './source-map.js';

/**
 * A wrong argument to a public function (a number for the text, a language that is not a code), from callers
 * TypeScript does not check; thrown at the boundary instead of an internal TypeError.
 */
export class AnalyzerArgumentError extends TypeError {
  constructor(message: string) {
    super(message);
    this.name = 'AnalyzerArgumentError';
  }
}

/** A BCP 47 language code as the CLI's --language takes it: en, ru, uk, pt-BR, zh_Hant. */
export const LANGUAGE_CODE = /^[a-zA-Z]{2,3}(?:[-_][a-zA-Z0-9]{2,8})*$/u;

/** Problems with the fields of a DocumentInit or Document that the pipeline reads; empty when none. */
export function documentFieldProblems(fields: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const key of ['id', 'title', 'declaredLanguage'] as const) {
    if (fields[key] !== undefined && typeof fields[key] !== 'string')
      problems.push(`${key} must be a string, got ${describeValue(fields[key])}`);
  }
  const { language, source, warnings } = fields;
  if (language !== undefined && !(typeof language === 'string' && LANGUAGE_CODE.test(language))) {
    problems.push(
      `language must be a language code such as en, ru, uk or pt-BR, got ${describeValue(language)}`,
    );
  }
  if (source !== undefined && !(isPlainObject(source) && typeof source.kind === 'string'))
    problems.push(`source must be an object with a string "kind", got ${describeValue(source)}`);
  if (warnings !== undefined && !(Array.isArray(warnings) && warnings.every((w) => typeof w === 'string')))
    problems.push(`warnings must be a list of strings, got ${describeValue(warnings)}`);
  return problems;
}

/** Problems with the optional fields of a DocumentInit, the source map included; empty when none. */
export function documentInitProblems(init: Record<string, unknown>): string[] {
  const problems = documentFieldProblems(init);
  // createDocument composes it with the text's own map: anything else failed inside ('outer.anchors is not iterable').
  if (init.sourceMap !== undefined && !(init.sourceMap instanceof SourceMap))
    problems.push(
      `sourceMap must be a SourceMap (as readers make them), got ${describeValue(init.sourceMap)}`,
    );
  return problems;
}

/** Refuses what `createDocument` cannot make a document of, naming every wrong field at once. */
export function checkDocumentInit(init: unknown): void {
  if (!isPlainObject(init))
    throw new AnalyzerArgumentError(
      `createDocument: expected an object such as { text, title, language }, got ${describeValue(init)}`,
    );
  const problems: string[] = [];
  if (typeof init.text !== 'string')
    problems.push(
      `text must be a string (for bytes use decodeBytes, for files and URLs readInput), got ${describeValue(init.text)}`,
    );
  problems.push(...documentInitProblems(init));
  if (problems.length > 0) throw new AnalyzerArgumentError(`createDocument: ${problems.join('; ')}`);
}
