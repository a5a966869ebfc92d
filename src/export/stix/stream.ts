import type { AnalysisResult } from '../../core/result/types.js';
import { buildStixBundle, type StixExportOptions } from './bundle.js';
import { uuidv5, stixTimestamp } from './ids.js';
import type { StixBundle } from './types.js';
import { validateStixBundle } from './validate.js';
import { exportJsonText } from '../json-text.js';

/**
 * Types whose objects several documents share (the producer, the extension definition, an outlet's
 * identity, a DISARM attack-pattern). Every other object is keyed by its document's hash, so it can only
 * come once in a store's documents; only these need remembering across parts.
 */
const SHARED_TYPES = new Set(['identity', 'extension-definition', 'attack-pattern']);

/**
 * A STIX 2.1 bundle written in parts, for selections too large to hold in memory (`narrascope export stix
 * --corpus`): `add` takes the results of some documents and returns the JSON of their objects, `end`
 * closes the bundle. Each part is built by `buildStixBundle` with the same creation time and validated as
 * a bundle of its own before any of it is returned, so every reference resolves inside the part; objects
 * an earlier part already wrote (identical, as ids and timestamps are the same) are left out. The text is
 * byte for byte what `stringifyStixBundle` writes for the same objects, except for the bundle's own id.
 */
export class StixBundleStream {
  private readonly options: StixExportOptions & { readonly now: Date };
  private readonly id: string;
  private readonly written = new Set<string>();
  private objects = 0;

  /** `key` names the selection (it goes into the bundle id with the creation time). */
  constructor(key: string, options: StixExportOptions = {}) {
    this.options = { ...options, now: options.now ?? new Date() };
    this.id = `bundle--${uuidv5(`bundle|${stixTimestamp(this.options.now)}|${key}`)}`;
  }

  /** Objects written so far. */
  get count(): number {
    return this.objects;
  }

  /**
   * The JSON text of these documents' objects (with the bundle's opening before the first); `ingestedAt`,
   * by content hash, dates each document's objects (see `StixExportOptions.createdOf`).
   */
  add(results: readonly AnalysisResult[], ingestedAt?: ReadonlyMap<string, string>): string {
    if (!results.length) return '';
    return this.write(buildStixBundle(results, ingestedAt ? { ...this.options, createdOf: (r) => ingestedAt.get(r.document.hash) } : this.options));
  }

  /**
   * The end of the bundle. When no document was added (every selected one lacked a readable stored
   * analysis), the bundle of no documents that `buildStixBundle([])` makes — the producer and the
   * extension definition: `"objects": []` was written before, and STIX forbids empty lists (this module's
   * own validator refuses such a bundle).
   */
  end(): string {
    const rest = this.objects === 0 ? this.write(buildStixBundle([], this.options)) : '';
    return `${rest}\n  ]\n}\n`;
  }

  /** The objects of a part not written yet, validated as a bundle of their own first. */
  private write(part: StixBundle): string {
    const problems = validateStixBundle(part);
    if (problems.length) throw new Error(`refusing to write an invalid STIX bundle: ${problems.slice(0, 5).join('; ')}`);
    let out = '';
    for (const o of part.objects) {
      if (SHARED_TYPES.has(o.type)) {
        if (this.written.has(o.id)) continue;
        this.written.add(o.id);
      }
      const text = exportJsonText(JSON.stringify(o, null, 2)).replace(/\n/gu, '\n    ');
      out += `${this.objects === 0 ? this.opening() : ','}\n    ${text}`;
      this.objects++;
    }
    return out;
  }

  private opening(): string {
    return `{\n  "type": "bundle",\n  "id": ${JSON.stringify(this.id)},\n  "objects": [`;
  }
}
