/**
 * The integer tables of a model's word features, shared by the fast feature paths (fast-span.ts,
 * fast-paragraph.ts): words of the unigram template (`w=`, `l=`) and of single-"|" bigrams (`bi=x|y`) are
 * interned to small ids; a unigram's feature id is then an array read and a bigram's one look-up in an
 * integer pair table (pair-index.ts), instead of nested string-keyed maps.
 */
import { PairIndex } from './pair-index.js';

export interface WordTable {
  readonly vocab: ReadonlyMap<string, number>;
  /** Feature id of the unigram feature by vocabulary id (-1: none). */
  readonly unigram: Int32Array;
  /** Feature id of `bi=x|y` by the vocabulary ids (x, y); -1: none. */
  readonly bigram: PairIndex;
}

export class WordTableBuilder {
  private readonly vocab = new Map<string, number>();
  private readonly unigrams: [number, number][] = [];
  private readonly pairs: [number, number, number][] = [];

  private intern(w: string): number {
    let id = this.vocab.get(w);
    if (id === undefined) this.vocab.set(w, (id = this.vocab.size));
    return id;
  }

  /** The word's id (interned without a feature of its own: a word of another template's tables). */
  addWord(word: string): number {
    return this.intern(word);
  }

  addUnigram(word: string, featureId: number): void {
    this.unigrams.push([this.intern(word), featureId]);
  }

  /** `x|y`; bigrams whose words contain "|" themselves are left out (the fast paths look those up by name). */
  addBigram(pair: string, featureId: number): void {
    const at = pair.indexOf('|');
    if (at < 0 || pair.indexOf('|', at + 1) >= 0) return;
    this.pairs.push([this.intern(pair.slice(0, at)), this.intern(pair.slice(at + 1)), featureId]);
  }

  build(): WordTable {
    const unigram = new Int32Array(this.vocab.size).fill(-1);
    for (const [v, id] of this.unigrams) unigram[v] = id;
    return { vocab: this.vocab, unigram, bigram: new PairIndex(this.pairs) };
  }
}
