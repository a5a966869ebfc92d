/**
 * A synthetic corpus with planted near-duplicates, for the clustering benchmark and tests.
 *
 * - Vocabulary: `vocab` pseudo-words (consonant–vowel syllables), drawn with a Zipf(1.1) law like news text.
 * - Base documents: 150–400 words each, independent.
 * - Families: a share `familyShare` of base documents gets 1–5 republished variants. A variant edits each
 *   word with probability p ∈ [0.005, 0.05] (substitution, deletion or insertion in equal parts) and, in
 *   30% of cases, adds a boilerplate header/footer of 8–20 words, as republishing sites do. Their word
 *   3-shingle Jaccard with the base is mostly 0.7–0.97.
 * - Hard negatives: a share `partialShare` of base documents gets a document that reuses 30–45% of its
 *   text and adds new text (Jaccard ≈ 0.15–0.35): these must NOT be merged with their base.
 * Every document is a pure function of (seed, id), so texts can be regenerated for evaluation instead of
 * being kept in memory.
 */

export interface SyntheticOptions {
  readonly documents: number;
  readonly seed?: number;
  readonly vocab?: number;
  readonly familyShare?: number;
  readonly partialShare?: number;
}

export interface SyntheticDoc {
  readonly id: number;
  /** The base document it derives from (itself for a base). */
  readonly base: number;
  readonly kind: 'base' | 'variant' | 'partial';
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class SyntheticCorpus {
  readonly docs: SyntheticDoc[] = [];
  private readonly words: string[];
  private readonly cdf: Float64Array;
  private readonly seed: number;

  constructor(readonly options: SyntheticOptions) {
    this.seed = options.seed ?? 42;
    const vocab = options.vocab ?? 20_000;
    const syll = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'te', 'vo', 'zi', 'po', 'da', 'ge', 'hu', 'ji', 'fa', 'bo', 'ce', 'xu', 'ya', 'wi'];
    this.words = [];
    for (let i = 0; i < vocab; i++) {
      let w = '';
      let n = i + 1;
      while (n > 0) {
        w += syll[n % syll.length];
        n = Math.floor(n / syll.length);
      }
      this.words.push(w);
    }
    this.cdf = new Float64Array(vocab);
    let sum = 0;
    for (let i = 0; i < vocab; i++) {
      sum += 1 / Math.pow(i + 1, 1.1);
      this.cdf[i] = sum;
    }
    for (let i = 0; i < vocab; i++) this.cdf[i] = (this.cdf[i] as number) / sum;
    // Lay out ids: each base followed by its variants / partial.
    const rnd = mulberry32(this.seed);
    const familyShare = options.familyShare ?? 0.1;
    const partialShare = options.partialShare ?? 0.03;
    while (this.docs.length < options.documents) {
      const base = this.docs.length;
      this.docs.push({ id: base, base, kind: 'base' });
      if (rnd() < familyShare) {
        const m = 1 + Math.floor(rnd() * 5);
        for (let v = 0; v < m && this.docs.length < options.documents; v++) this.docs.push({ id: this.docs.length, base, kind: 'variant' });
      }
      if (rnd() < partialShare && this.docs.length < options.documents) this.docs.push({ id: this.docs.length, base, kind: 'partial' });
    }
  }

  private word(r: number): string {
    let lo = 0;
    let hi = this.cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cdf[mid] as number) < r) lo = mid + 1;
      else hi = mid;
    }
    return this.words[lo] as string;
  }

  private baseWords(base: number): string[] {
    const rnd = mulberry32(this.seed * 1_000_003 + base);
    const n = 150 + Math.floor(rnd() * 251);
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(this.word(rnd()));
    return out;
  }

  /** The text of document `id` (regenerated, deterministic). */
  text(id: number): string {
    const d = this.docs[id] as SyntheticDoc;
    const words = this.baseWords(d.base);
    if (d.kind === 'base') return words.join(' ');
    const rnd = mulberry32(this.seed * 7_919 + id * 31 + 17);
    if (d.kind === 'partial') {
      const keep = Math.floor(words.length * (0.3 + rnd() * 0.15));
      const start = Math.floor(rnd() * (words.length - keep));
      const out = words.slice(start, start + keep);
      const extra = 150 + Math.floor(rnd() * 150);
      for (let i = 0; i < extra; i++) out.push(this.word(rnd()));
      return out.join(' ');
    }
    const p = 0.005 + rnd() * 0.045;
    const out: string[] = [];
    for (const w of words) {
      const r = rnd();
      if (r < p / 3) out.push(this.word(rnd()));
      else if (r < (2 * p) / 3) continue;
      else if (r < p) out.push(w, this.word(rnd()));
      else out.push(w);
    }
    if (rnd() < 0.3) {
      const head: string[] = [];
      const tail: string[] = [];
      const nh = 4 + Math.floor(rnd() * 7);
      for (let i = 0; i < nh; i++) head.push(this.word(rnd()));
      for (let i = 0; i < nh; i++) tail.push(this.word(rnd()));
      return `${head.join(' ')} ${out.join(' ')} ${tail.join(' ')}`;
    }
    return out.join(' ');
  }

  /** Ids grouped by base: the only places where pairs with Jaccard ≥ 0.5 are planted. */
  families(): number[][] {
    const by = new Map<number, number[]>();
    for (const d of this.docs) {
      const g = by.get(d.base);
      if (g) g.push(d.id);
      else by.set(d.base, [d.id]);
    }
    return [...by.values()].filter((g) => g.length > 1);
  }
}
