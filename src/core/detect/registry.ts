import type { Aggregator } from '../aggregate/types.js';
import { placeholders } from '../finding/message.js';
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
    for (const d of detectors) this.addDetector(d);
    for (const a of aggregators) this.addAggregator(a);
  }

  addDetector(detector: Detector): this {
    validateDetectorMeta(detector.meta);
    if (this.detectorMap.has(detector.meta.id)) throw new Error(`detector id "${detector.meta.id}" is registered twice`);
    this.detectorMap.set(detector.meta.id, detector);
    return this;
  }

  addAggregator(aggregator: Aggregator): this {
    const id = aggregator.meta.id;
    if (!ID.test(id)) throw new Error(`aggregator id "${id}" must be kebab-case "family/name"`);
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
  const fail = (why: string): never => {
    throw new Error(`detector "${meta.id}": ${why}`);
  };
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
