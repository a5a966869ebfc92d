/**
 * Paragraph-model feature ids without building a feature string per token: the same ids, in the same order,
 * as `featureIds(model, paragraphFeatures(fd, a, b))` (so the scores agree bit for bit), but lemma and
 * lemma-bigram features are found through maps keyed by the tokenizer's own strings. See `fast-tagger.ts`.
 */
import type { Token } from '../../core/segment/types.js';
import { bucket, isContent, type FeatureDoc } from './features.js';
import { emitOnce as emit } from './emit-once.js';
import type { LinearModel } from './linear.js';
import { taggerWordIds } from './fast-tagger.js';
import type { PairIndex } from './pair-index.js';
import { lookUpVia, viaTagger } from './via-tagger.js';
import { WordTableBuilder } from './word-table.js';

interface CompiledParagraph {
  /** Lemmas that occur in `l=` or in single-"|" `bi=` features → small ids. */
  readonly vocab: ReadonlyMap<string, number>;
  /** Feature id of `l=<lemma>` by vocabulary id (-1: none). */
  readonly lemma: Int32Array;
  /** Feature id of `bi=x|y` by the vocabulary ids (x, y); -1: none. */
  readonly bi: PairIndex;
  /** De-duplication: stamp[id] === generation when id was already emitted in this call. */
  readonly stamp: Int32Array;
  generation: number;
}

const compiled = new WeakMap<LinearModel, CompiledParagraph>();

function compile(model: LinearModel): CompiledParagraph {
  const hit = compiled.get(model);
  if (hit) return hit;
  const table = new WordTableBuilder();
  model.features.forEach((name, id) => {
    if (name.startsWith('l=')) table.addUnigram(name.slice(2), id);
    else if (name.startsWith('bi=')) table.addBigram(name.slice(3), id);
  });
  const { vocab, unigram: lemma, bigram: bi } = table.build();
  const c: CompiledParagraph = { vocab, lemma, bi, stamp: new Int32Array(model.features.length), generation: 0 };
  compiled.set(model, c);
  return c;
}

/** `featureIds(model, paragraphFeatures(fd, a, b))`, computed without the per-token strings. */
export function paragraphFeatureIds(model: LinearModel, fd: FeatureDoc, a: number, b: number): number[] {
  const c = compile(model);
  if (++c.generation >= 0x7fffffff) {
    c.stamp.fill(0);
    c.generation = 1;
  }
  const ids: number[] = [];
  const index = model.index;
  const toks = fd.tokens;
  const n = b - a;
  emit(c, ids, index.get('bias'));
  emit(c, ids, index.get(`plen=${bucket(n, [5, 10, 20, 40, 80])}`));
  const cueCount = new Map<string, number>();
  let maxRep = 1;
  let quoted = 0;
  // Vocabulary id of each token's lemma (-1: not in the model), looked up once and reused for bigrams.
  const vid = new Int32Array(n);
  const tagged = taggerWordIds(fd);
  if (tagged) {
    // The tagger has looked every lemma up: its ids lead to ours (via-tagger.ts).
    const via = viaTagger(c.vocab, tagged.vocab);
    for (let k = a; k < b; k++) vid[k - a] = lookUpVia(via, tagged.lid[k] as number, (toks[k] as Token).lemma);
  } else for (let k = a; k < b; k++) vid[k - a] = c.vocab.get((toks[k] as Token).lemma) ?? -1;
  for (let k = a; k < b; k++) {
    const t = toks[k] as Token;
    if (t.kind === 'word') {
      const x = vid[k - a] as number;
      emit(c, ids, x >= 0 && (c.lemma[x] as number) >= 0 ? (c.lemma[x] as number) : undefined);
      if (k + 1 < b) {
        const next = (toks[k + 1] as Token).lemma;
        if (t.lemma.includes('|') || next.includes('|')) emit(c, ids, index.get(`bi=${t.lemma}|${next}`));
        else {
          const y = vid[k + 1 - a] as number;
          if (x >= 0 && y >= 0) {
            const f = c.bi.get(x, y);
            if (f >= 0) emit(c, ids, f);
          }
        }
      }
    }
    if (t.text === '!') emit(c, ids, index.get('!'));
    if (t.text === '?') emit(c, ids, index.get('?'));
    if (fd.shapes[k] === 'XX') emit(c, ids, index.get('allcaps'));
    if (fd.inQuote[k]) quoted++;
    if (isContent(t)) maxRep = Math.max(maxRep, fd.lemmaCount.get(t.lemma) ?? 1);
    for (const cue of fd.cues[k] as readonly string[]) cueCount.set(cue, (cueCount.get(cue) ?? 0) + 1);
  }
  for (const [cue, m] of cueCount) {
    emit(c, ids, index.get(`cue=${cue}`));
    if (m >= 2) emit(c, ids, index.get(`cue2=${cue}`));
  }
  emit(c, ids, index.get(`maxrep=${bucket(maxRep, [1, 2, 3, 5, 8])}`));
  if (quoted > 0) emit(c, ids, index.get(quoted * 2 > n ? 'mostly-quoted' : 'has-quote'));
  const first = toks[a];
  if (first && (fd.segments.sentences[first.sentence]?.block ?? 1) === 0) emit(c, ids, index.get('first-block'));
  return ids;
}
