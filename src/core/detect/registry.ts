import type { Aggregator } from '../aggregate/types.js';
import { placeholders } from '../finding/message.js';
import { describeValue, isPlainObject } from '../config/check-config.js';
import type { Detector, DetectorMeta } from './types.js';

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/u;

/**
 * Holds the detectors and aggregators a pipeline can run, in their run order. Metadata is checked when a
 * component is registered, so a malformed detector fails at start-up with its id in the message, not
 * halfway through a corpus.
 */
export class Registry {
  private readonly detectorMap = new Map<string, Detector>();
  private readonly aggregatorMap = new Map<string, Aggregator>();

  constructor(detectors: readonly Detector[] = [], aggregators: readonly Aggregator[] = []) {
    if (!Array.isArray(detectors))
      throw new TypeError(`Registry: detectors must be a list of detectors, got ${describeValue(detectors)}`);
    if (!Array.isArray(aggregators))
      throw new TypeError(`Registry: aggregators must be a list of aggregators, got ${describeValue(aggregators)}`);
    for (const d of detectors) this.addDetector(d);
    for (const a of aggregators) this.addAggregator(a);
  }

  addDetector(detector: Detector): this {
    // Plain JavaScript callers are not checked by TypeScript: `new Registry([{}])` failed inside with
    // "Cannot read properties of undefined (reading 'id')".
    if (!isPlainObject(detector) || !isPlainObject(detector.meta) || typeof detector.detect !== 'function')
      throw new TypeError(
        `Registry: a detector is an object with "meta" (its DetectorMeta) and a "detect" function, got ${describeValue(detector)}`,
      );
    validateDetectorMeta(detector.meta);
    if (this.detectorMap.has(detector.meta.id)) throw new Error(`detector id "${detector.meta.id}" is registered twice`);
    this.detectorMap.set(detector.meta.id, detector);
    return this;
  }

  addAggregator(aggregator: Aggregator): this {
    if (!isPlainObject(aggregator) || !isPlainObject(aggregator.meta) || typeof aggregator.aggregate !== 'function')
      throw new TypeError(
        `Registry: an aggregator is an object with "meta" and an "aggregate" function, got ${describeValue(aggregator)}`,
      );
    const id = aggregator.meta.id;
    if (typeof id !== 'string' || !ID.test(id)) throw new Error(`aggregator id "${id}" must be kebab-case "family/name"`);
    if (this.aggregatorMap.has(id)) throw new Error(`aggregator id "${id}" is registered twice`);
    this.aggregatorMap.set(id, aggregator);
    return this;
  }

  get detectors(): Detector[] {
    return [...this.detectorMap.values()];
  }

  get aggregators(): Aggregator[] {
    return [...this.aggregatorMap.values()];
  }

  detector(id: string): Detector | undefined {
    return this.detectorMap.get(id);
  }

  aggregator(id: string): Aggregator | undefined {
    return this.aggregatorMap.get(id);
  }
}

export function validateDetectorMeta(meta: DetectorMeta): void {
  if (!isPlainObject(meta)) throw new TypeError(`detector meta must be an object, got ${describeValue(meta)}`);
  const fail = (why: string): never => {
    throw new Error(`detector "${String(meta.id)}": ${why}`);
  };
  shapeProblems(meta).forEach(fail);
  if (!ID.test(meta.id)) fail('id must be kebab-case "family/name"');
  if (meta.id.split('/')[0] !== meta.family) fail(`id must start with its family "${meta.family}/"`);
  if (!/^\d+\.\d+\.\d+$/u.test(meta.version)) fail('version must be semver x.y.z');
  if (!meta.description.trim()) fail('description is empty');
  const messageIds = Object.keys(meta.messages);
  if (messageIds.length === 0) fail('declares no messages');
  for (const ex of meta.examples.invalid) {
    if (!(ex.messageId in meta.messages)) fail(`example uses unknown messageId "${ex.messageId}"`);
    for (const name of placeholders(meta.messages[ex.messageId] as string)) {
      if (ex.data && !(name in ex.data)) fail(`example for "${ex.messageId}" lacks data.${name}`);
    }
  }
}

/** The first wrong field type of a meta, before the checks below read the fields (they would crash on it). */
function shapeProblems(meta: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const key of ['id', 'family', 'version', 'description'] as const)
    if (typeof meta[key] !== 'string') problems.push(`${key} must be a string, got ${describeValue(meta[key])}`);
  if (!isPlainObject(meta.messages)) problems.push(`messages must be an object of message templates, got ${describeValue(meta.messages)}`);
  else if (!Object.values(meta.messages).every((m) => typeof m === 'string')) problems.push('every message must be a string');
  const examples = meta.examples;
  if (!isPlainObject(examples) || !Array.isArray(examples.valid) || !Array.isArray(examples.invalid))
    problems.push(`examples must be { valid: [...], invalid: [...] }, got ${describeValue(examples)}`);
  else if (!examples.invalid.every((e) => isPlainObject(e) && typeof e.text === 'string' && typeof e.messageId === 'string'))
    problems.push('every invalid example needs a string text and messageId');
  return problems.slice(0, 1);
}
