/**
 * Narrative taxonomies as data: a taxonomy is a flat list of labels, each either coarse (no parent) or fine
 * (its parent is a coarse label of the same taxonomy). Labels carry our own description, keywords and
 * example sentences; the narrative aggregator matches documents and paragraphs against them.
 */

export type LabelLevel = 'coarse' | 'fine';

export interface TaxonomyLabel {
  /** The label string as it is reported, e.g. `URW: Distrust towards Media` (unique in its taxonomy). */
  readonly label: string;
  readonly level: LabelLevel;
  /** The coarse label a fine label belongs to; null for coarse labels. */
  readonly parent: string | null;
  readonly description: string;
  /** Words or short phrases that signal the label (lower-case; matched on word boundaries). */
  readonly keywords: readonly string[];
  /** Example sentences we wrote ourselves; they also serve as a pseudo-document for similarity. */
  readonly examples: readonly string[];
}

export interface Taxonomy {
  /** Stable id used in results (`semeval2025`, `infowar`, or the user's). kebab-case or alphanumeric. */
  readonly id: string;
  readonly name: string;
  readonly version: string;
  readonly description: string;
  readonly labels: readonly TaxonomyLabel[];
}

/** A malformed taxonomy file: names the file, the 1-based line and column, and the field at fault. */
export class TaxonomyError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${file}:${line}:${column}: ${field}: ${problem}`);
    this.name = 'TaxonomyError';
  }
}

/** Children of each coarse label, in file order. */
export function childrenOf(taxonomy: Taxonomy): ReadonlyMap<string, readonly TaxonomyLabel[]> {
  const map = new Map<string, TaxonomyLabel[]>();
  for (const l of taxonomy.labels) {
    if (l.level === 'coarse') map.set(l.label, map.get(l.label) ?? []);
    else if (l.parent) {
      const list = map.get(l.parent) ?? [];
      list.push(l);
      map.set(l.parent, list);
    }
  }
  return map;
}
