/**
 * The span classifier's whole-span sequence features without their names: `pseq=` (the POS tags of a span
 * of up to 3 tokens, joined by "_") and `phrase=` (the words of a span of up to 4 tokens, joined by " ").
 * Building each candidate span's two names and looking them up among the classifier's ~55,000 names cost
 * about as much as all its per-token features; here a tag sequence is a small integer key and a phrase a
 * chain of integer pair look-ups over the span vocabulary's word ids (fast-span.ts), which give the same
 * feature id (or none) as the name would.
 */
import { PairIndex } from './pair-index.js';

/** At most this many distinct tags in `pseq=` features (6 bits each in the key); more: no integer table. */
const MAX_TAGS = 63;

export interface SpanSequences {
  /** POS tag of the `pseq=` features → 1 .. MAX_TAGS (null: too many tags, look sequences up by name). */
  readonly tags: ReadonlyMap<string, number> | null;
  /** Key of a tag sequence (see `tagKey`) → feature id. */
  readonly pseq: ReadonlyMap<number, number>;
  /** Feature id of the one-word phrase by word id (-1: none). */
  readonly phrase1: Int32Array;
  /** Prefixes of two, three and four words: (prefix id or word id, next word id) → prefix id. */
  readonly prefix2: PairIndex;
  readonly prefix3: PairIndex;
  readonly prefix4: PairIndex;
  /** Feature id of the phrase that is exactly the prefix (-1: none), by prefix id, for 2, 3 and 4 words. */
  readonly phrase2: Int32Array;
  readonly phrase3: Int32Array;
  readonly phrase4: Int32Array;
}

/** Integer key of a sequence of 1 to 3 tag ids (1-based; 0 marks no tag). */
export function tagKey(t0: number, t1: number, t2: number): number {
  return (t0 * 64 + t1) * 64 + t2;
}

/** Collects the sequence features of a model while its names are read, then builds the tables. */
export class SpanSequencesBuilder {
  private readonly tagIds = new Map<string, number>();
  private readonly tagSeqs: [string[], number][] = [];
  private readonly phrases: [number[], number][] = [];

  /** `pseq=<value>` is feature `id`. */
  addTagSequence(value: string, id: number): void {
    const tags = value.split('_');
    if (tags.length > 3) return; // no span of up to 3 tokens gives it
    for (const t of tags) if (!this.tagIds.has(t)) this.tagIds.set(t, this.tagIds.size + 1);
    this.tagSeqs.push([tags, id]);
  }

  /** `phrase=<value>` is feature `id`; `intern` gives a word's id in the span vocabulary. */
  addPhrase(value: string, id: number, intern: (word: string) => number): void {
    const words = value.split(' ');
    if (words.length > 4) return; // no span of up to 4 tokens gives it
    this.phrases.push([words.map(intern), id]);
  }

  build(vocabSize: number): SpanSequences {
    const tags = this.tagIds.size <= MAX_TAGS ? this.tagIds : null;
    const pseq = new Map<number, number>();
    if (tags) {
      // A later feature of the same name replaces an earlier one (as the name index does).
      for (const [seq, id] of this.tagSeqs) pseq.set(tagKey(tags.get(seq[0] as string) ?? 0, seq[1] === undefined ? 0 : (tags.get(seq[1]) ?? 0), seq[2] === undefined ? 0 : (tags.get(seq[2]) ?? 0)), id);
    }
    const phrase1 = new Int32Array(vocabSize).fill(-1);
    // Prefix ids per length, by their (previous prefix, word) pair, assigned in order of first use.
    const prefixes = [new Map<number, number>(), new Map<number, number>(), new Map<number, number>()];
    const entries: [number, number, number][][] = [[], [], []];
    const phraseOf: number[][] = [[], [], []];
    for (const [words, id] of this.phrases) {
      let p = words[0] as number;
      if (words.length === 1) {
        phrase1[p] = id;
        continue;
      }
      for (let j = 1; j < words.length; j++) {
        const w = words[j] as number;
        const level = j - 1;
        const key = p * 0x4000000 + w; // ids stay far below 2^26
        let next = (prefixes[level] as Map<number, number>).get(key);
        if (next === undefined) {
          next = (prefixes[level] as Map<number, number>).size;
          (prefixes[level] as Map<number, number>).set(key, next);
          (entries[level] as [number, number, number][]).push([p, w, next]);
          (phraseOf[level] as number[]).push(-1);
        }
        p = next;
      }
      (phraseOf[words.length - 2] as number[])[p] = id;
    }
    return {
      tags,
      pseq,
      phrase1,
      prefix2: new PairIndex(entries[0] as [number, number, number][]),
      prefix3: new PairIndex(entries[1] as [number, number, number][]),
      prefix4: new PairIndex(entries[2] as [number, number, number][]),
      phrase2: Int32Array.from(phraseOf[0] as number[]),
      phrase3: Int32Array.from(phraseOf[1] as number[]),
      phrase4: Int32Array.from(phraseOf[2] as number[]),
    };
  }
}

/**
 * Feature id of `phrase=<words>` for a span of 1 to 4 words given by their vocabulary ids (-1: a word the
 * vocabulary lacks, so no phrase feature has it), or -1.
 */
export function phraseId(s: SpanSequences, x0: number, x1: number, x2: number, x3: number, n: number): number {
  if (x0 < 0) return -1;
  if (n === 1) return s.phrase1[x0] as number;
  if (x1 < 0) return -1;
  const p2 = s.prefix2.get(x0, x1);
  if (n === 2 || p2 < 0) return p2 < 0 ? -1 : (s.phrase2[p2] as number);
  if (x2 < 0) return -1;
  const p3 = s.prefix3.get(p2, x2);
  if (n === 3 || p3 < 0) return p3 < 0 ? -1 : (s.phrase3[p3] as number);
  if (x3 < 0) return -1;
  const p4 = s.prefix4.get(p3, x3);
  return p4 < 0 ? -1 : (s.phrase4[p4] as number);
}
