/**
 * Paragraph-model feature ids without building a feature string per token: the same ids, in the same order,
 * as `featureIds(model, paragraphFeatures(fd, a, b))` (so the scores agree bit for bit), but lemma and
 * lemma-bigram features are found through maps keyed by the tokenizer's own strings. See `fast-tagger.ts`.
 */
import type { Token } from '../../core/segment/types.js';
import { bucket, type FeatureDoc } from './features.js';
import { emitOnce as emit, emptyKeepingCapacity } from './emit-once.js';
import type { LinearModel } from './linear.js';
import { taggerWordIds } from './fast-tagger.js';
import type { PairIndex } from './pair-index.js';
import { lookUpVia, viaTagger } from './via-tagger.js';
import { WordTableBuilder } from './word-table.js';
import { clusterOfRow, tokenRow, tokenRows, type WordClusters } from './word-clusters.js';
import { clusterFeatureIds } from './cluster-features.js';

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
  /** Ids of the features named by a constant or a bucket, looked up once (undefined: not in the model). */
  readonly named: Readonly<Record<'bias' | '!' | '?' | 'allcaps' | 'mostly-quoted' | 'has-quote' | 'first-block', number | undefined>>;
  /** Ids of `plen=<bucket(n, PLEN_CUTS)>` for n up to the last cut + 1 (then the `+` bucket). */
  readonly plen: readonly (number | undefined)[];
  readonly maxrep: readonly (number | undefined)[];
  /** Ids of `cue=<group>` and `cue2=<group>` by group, filled as groups are met. */
  readonly cue: Map<string, readonly [number | undefined, number | undefined]>;
  /** Feature id of `wc=<cluster>` by cluster number (-1: none; empty for a model without them). */
  readonly wc: Int32Array;
}

const PLEN_CUTS = [5, 10, 20, 40, 80];
const MAXREP_CUTS = [1, 2, 3, 5, 8];

/** Id of `<prefix><bucket(n, cuts)>` for every n in 0 .. last cut + 1 (every larger n has the last one's). */
function bucketTable(index: ReadonlyMap<string, number>, prefix: string, cuts: readonly number[]): (number | undefined)[] {
  const last = cuts[cuts.length - 1] as number;
  return Array.from({ length: last + 2 }, (_, n) => index.get(`${prefix}${bucket(n, cuts)}`));
}

/** The id of the bucket of a whole number n: `ids[n]`, the first entry below 0, the last one above. */
function inBucket(ids: readonly (number | undefined)[], n: number): number | undefined {
  return n <= 0 ? ids[0] : n < ids.length ? ids[n] : ids[ids.length - 1];
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
  const wc = clusterFeatureIds(model.features);
  const index = model.index;
  const named = { bias: index.get('bias'), '!': index.get('!'), '?': index.get('?'), allcaps: index.get('allcaps'), 'mostly-quoted': index.get('mostly-quoted'), 'has-quote': index.get('has-quote'), 'first-block': index.get('first-block') };
  const c: CompiledParagraph = {
    vocab,
    lemma,
    bi,
    stamp: new Int32Array(model.features.length),
    generation: 0,
    named,
    plen: bucketTable(index, 'plen=', PLEN_CUTS),
    maxrep: bucketTable(index, 'maxrep=', MAXREP_CUTS),
    cue: new Map(),
    wc,
  };
  compiled.set(model, c);
  return c;
}

// Scratch of paragraphFeatureIds, reused by every paragraph: each token's lemma id (an Int32Array of more
// than 16 values would be allocated outside V8's heap) and the cue groups with their counts.
let vidScratch = new Int32Array(256);
const CUE_NAMES: string[] = [];
const CUE_COUNTS: number[] = [];

/**
 * `featureIds(model, paragraphFeatures(fd, a, b, clusters))`, computed without the per-token strings; written
 * into `out` (emptied first) when given, so that a caller that only scores the ids can reuse one array.
 */
export function paragraphFeatureIds(model: LinearModel, fd: FeatureDoc, a: number, b: number, clusters: WordClusters | null, out?: number[]): number[] {
  const c = compile(model);
  if (++c.generation >= 0x7fffffff) {
    c.stamp.fill(0);
    c.generation = 1;
  }
  const ids: number[] = out ?? [];
  emptyKeepingCapacity(ids);
  const index = model.index;
  const toks = fd.tokens;
  const n = b - a;
  const named = c.named;
  emit(c, ids, named.bias);
  emit(c, ids, inBucket(c.plen, n));
  // Cue groups of the paragraph in first-seen order with their counts: a few names, so two reused arrays
  // rather than a Map per paragraph.
  const cueNames = CUE_NAMES;
  const cueCounts = CUE_COUNTS;
  let nCues = 0;
  let maxRep = 1;
  let quoted = 0;
  // Vocabulary id of each token's lemma (-1: not in the model), looked up once and reused for bigrams.
  if (vidScratch.length < n) vidScratch = new Int32Array(Math.max(n, 2 * vidScratch.length));
  const vid = vidScratch;
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
        const pipe = tagged ? tagged.lemmaPipe[k] || tagged.lemmaPipe[k + 1] : t.lemma.includes('|') || (toks[k + 1] as Token).lemma.includes('|');
        if (pipe) emit(c, ids, index.get(`bi=${t.lemma}|${(toks[k + 1] as Token).lemma}`));
        else {
          const y = vid[k + 1 - a] as number;
          if (x >= 0 && y >= 0) {
            const f = c.bi.get(x, y);
            if (f >= 0) emit(c, ids, f);
          }
        }
      }
    }
    if (t.text === '!') emit(c, ids, named['!']);
    if (t.text === '?') emit(c, ids, named['?']);
    if (fd.shapes[k] === 'XX') emit(c, ids, named.allcaps);
    if (fd.inQuote[k]) quoted++;
    const count = fd.contentCount[k] as number;
    if (count > 0) maxRep = Math.max(maxRep, count); // a content word and its lemma's count
    for (const cue of fd.cues[k] as readonly string[]) {
      const at = cueNames.indexOf(cue);
      if (at >= 0 && at < nCues) cueCounts[at] = (cueCounts[at] as number) + 1;
      else {
        cueNames[nCues] = cue;
        cueCounts[nCues++] = 1;
      }
    }
  }
  for (let j = 0; j < nCues; j++) {
    const cue = cueNames[j] as string;
    const m = cueCounts[j] as number;
    let cueIds = c.cue.get(cue);
    if (!cueIds) c.cue.set(cue, (cueIds = [index.get(`cue=${cue}`), index.get(`cue2=${cue}`)]));
    emit(c, ids, cueIds[0]);
    if (m >= 2) emit(c, ids, cueIds[1]);
  }
  emit(c, ids, inBucket(c.maxrep, maxRep));
  if (quoted > 0) emit(c, ids, quoted * 2 > n ? named['mostly-quoted'] : named['has-quote']);
  const first = toks[a];
  if (first && (fd.segments.sentences[first.sentence]?.block ?? 1) === 0) emit(c, ids, named['first-block']);
  if (clusters && c.wc.length) {
    const rows = tokenRows(clusters.vectors, fd);
    for (let k = a; k < b; k++) {
      if ((toks[k] as Token).kind !== 'word') continue;
      const cluster = clusterOfRow(clusters, tokenRow(rows, fd, k));
      if (cluster >= 0 && cluster < c.wc.length) {
        const id = c.wc[cluster] as number;
        if (id >= 0) emit(c, ids, id);
      }
    }
  }
  return ids;
}
