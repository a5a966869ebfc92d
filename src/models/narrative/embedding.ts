/**
 * A semantic second opinion for labels with few or no training examples: the cosine between the text's
 * averaged word vector (src/models/vectors/) and each label's taxonomy profile, centred among the label's
 * siblings (coarse labels of one domain, fine labels of one parent). Centring keeps only the relative
 * preference: every Ukraine-war text is close to every Ukraine-war label, so the raw cosine says little.
 * The decision adds `thresholds.embed` × this value to each label's logit; the weight is chosen by
 * cross-validation and 0 switches it off (then the word vectors are never loaded).
 */
import type { Taxonomy } from '../../taxonomy/types.js';
import { loadWordVectors } from '../vectors/word-vectors.js';
import { isStopWord } from './terms.js';

const LETTERS = /\p{L}+/gu;

/** Unit-length mean word vector of the content words of `text` (all zeros when none is known). */
export function textEmbedding(text: string): Float32Array {
  const vectors = loadWordVectors();
  const words = (text.toLowerCase().match(LETTERS) ?? []).filter((w) => w.length > 2 && !isStopWord(w));
  const v = vectors.mean(words) ?? new Float32Array(vectors.dims);
  let norm = 0;
  for (const x of v) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  return v.map((x) => x / norm);
}

/** Label embeddings of a taxonomy, grouped by siblings; built once per taxonomy. */
export class LabelEmbeddings {
  private readonly groups: { labels: string[]; vectors: Float32Array[] }[] = [];

  constructor(taxonomy: Taxonomy, profileText: (label: Taxonomy['labels'][number]) => string) {
    const byKey = new Map<string, { labels: string[]; vectors: Float32Array[] }>();
    for (const l of taxonomy.labels) {
      const key =
        l.level === 'coarse' ? `coarse:${l.label.split(':', 1)[0] ?? ''}` : `fine:${l.parent ?? ''}`;
      const g = byKey.get(key) ?? { labels: [], vectors: [] };
      g.labels.push(l.label);
      g.vectors.push(textEmbedding(profileText(l)));
      byKey.set(key, g);
    }
    this.groups = [...byKey.values()];
  }

  /** Centred similarity of every label to a text embedding. */
  similarities(e: Float32Array): Map<string, number> {
    const out = new Map<string, number>();
    for (const g of this.groups) {
      const cos = g.vectors.map((v) => v.reduce((s, x, i) => s + x * (e[i] ?? 0), 0));
      const mean = cos.reduce((a, b) => a + b, 0) / cos.length;
      g.labels.forEach((l, i) => out.set(l, (cos[i] ?? 0) - mean));
    }
    return out;
  }
}
