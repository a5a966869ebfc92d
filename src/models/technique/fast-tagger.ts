/**
 * The span tagger at run time without building feature strings. `tokenFeatures`/`sentenceFeatures` describe
 * each token with ~25 readable strings ("ww=so|called"); looking each up in a string-keyed Map costs more
 * than everything else in the technique stage, because every concatenated string has to be flattened and
 * hashed. Here the tagger's feature names are parsed once, at load, into integer tables per template: words,
 * lemmas, suffixes and POS tags are interned to small integers, a unary template is an Int32Array indexed by
 * the interned value, a pair template a Map keyed by a packed integer. A token then costs a few Map lookups
 * on strings the tokenizer already made (their hashes are cached by V8) plus array reads.
 *
 * The result is identical to the string path: the same features fire, and their weights are added in the
 * same order (so even the floating-point sums agree bit for bit; `fast-tagger.test.ts` checks it).
 */
import type { Token } from '../../core/segment/types.js';
import { bucket, type FeatureDoc } from './features.js';
import type { LinearModel } from './linear.js';
import { emptyKeepingCapacity } from './emit-once.js';
import { PairIndex } from './pair-index.js';
import { clusterFeatureIds } from './cluster-features.js';

const BOS = '<s>';
const EOS = '</s>';
const SHAPES = ['Xx', 'XX', 'x', 'd', 'p', 'o', BOS] as const;
const SHAPE_BOS = 6;

const UNARY_WORD = ['w', 'w-1', 'w+1', 'w-2', 'w+2', 'suf'] as const;
type UnaryWord = (typeof UNARY_WORD)[number];
const UNARY_WORD_SET: ReadonlySet<string> = new Set(UNARY_WORD);

export interface CompiledTagger {
  /** Interned strings (normals, lemmas, suffixes, <s>, </s>) → small ids. */
  readonly vocab: ReadonlyMap<string, number>;
  readonly pos: ReadonlyMap<string, number>;
  /**
   * The weights of the templates keyed by an interned word (output 0), one row of `ROW` per id: at
   * `id * ROW + ROW_AT[template]` the weight of w=, w-1=, w+1=, w-2=, w+2=, suf=, l=, s:l= and, from
   * `ROW_REPW`, repw=<word>|<bucket> for the three buckets; 0 where the feature is unknown (x + 0 is x).
   * One row per word rather than one table per template: a token reads its word's row and its neighbours'
   * rows, which the neighbouring tokens read again, so a token costs about one cache miss instead of one per
   * table (the tables together are megabytes). Float32: the model's weights are float32 values (linear.ts),
   * so the numbers read are the same.
   */
  readonly rows: Float32Array;
  readonly p: Float64Array;
  readonly sh: Float64Array;
  /**
   * Bigram weights: the pair table gives a word pair's slot (-1: the pair is in neither template), the weight
   * arrays its `ww=` and its `ww+=` weight (0 where only the other template has it). One table for both: the
   * `ww+=` pair of a token is the `ww=` pair of the next one, so each pair of a sentence is looked up once.
   */
  readonly wwPairs: PairIndex;
  readonly wwWeight: Float64Array;
  readonly wwNextWeight: Float64Array;
  readonly pp: Float64Array;
  readonly ppNext: Float64Array;
  readonly ppp: Float64Array;
  readonly shPrev: Float64Array;
  readonly other: ReadonlyMap<string, number>;
  /** Weights of the cue groups as token features (cue=) and sentence features (s:cue=). */
  readonly cue: ReadonlyMap<string, number>;
  readonly sCue: ReadonlyMap<string, number>;
  /** Weight of `wc=<cluster>` by cluster number (0 where unknown; empty for a tagger without them). */
  readonly wc: Float64Array;
  /** Weights of rpos=0..4 and of rep=1, 2, 3, 5, 5+ (0 where unknown). */
  readonly rpos: readonly number[];
  readonly rep: readonly number[];
  /** Weights of the sentence features s:!, s:?, s:q, s:first-block and s:len=<bucket> (0 where unknown). */
  readonly sentence: SentenceWeights;
  readonly posCount: number;
  /** 1 for the interned strings that contain "|" (see `TaggerWordIds.pipe`). */
  readonly hasPipe: Uint8Array;
  /** Interned id of each known word's last three characters (-1: none, -2: not computed yet). */
  readonly sufCache: Int32Array;
  /** Per interned id, the last sentence (a running count) whose `s:l=` weight was added: no set per sentence. */
  readonly lemmaSeen: Int32Array;
  sentenceStamp: number;
  /**
   * Vocabulary id + 2 of a token's normal form by its `normalKey` (0: not looked up yet, 1: not in the
   * vocabulary); grown on demand. An array read instead of a look-up of the string in a Map of tens of
   * thousands of words, which missed the cache on most tokens (~230 ns each in a whole analysis).
   */
  normalIdByKey: Int32Array;
}

/** Keys beyond this are looked up by string every time (bounds the table at 16 MB). */
const MAX_NORMAL_KEY = 1 << 22;

/** The vocabulary id of the token's normal form (-1: none), through its `normalKey` where it has one. */
function normalIdOf(c: CompiledTagger, t: Token): number {
  const key = t.normalKey ?? -1;
  if (key < 0 || key >= MAX_NORMAL_KEY) return c.vocab.get(t.normal) ?? -1;
  let table = c.normalIdByKey;
  if (key >= table.length) {
    const grown = new Int32Array(Math.min(MAX_NORMAL_KEY, Math.max(key + 1, table.length * 2)));
    grown.set(table);
    c.normalIdByKey = table = grown;
  }
  const known = table[key] as number;
  if (known !== 0) return known - 2;
  const id = c.vocab.get(t.normal) ?? -1;
  table[key] = id + 2;
  return id;
}

const compiled = new WeakMap<LinearModel, CompiledTagger>();

/** The tagger's integer tables (built once per loaded model). */
export function compileTagger(model: LinearModel): CompiledTagger {
  const hit = compiled.get(model);
  if (hit) return hit;
  const K = model.outputs.length;
  const weight = (id: number): number => model.weights[id * K] as number;
  const vocab = new Map<string, number>();
  const intern = (s: string): number => {
    let id = vocab.get(s);
    if (id === undefined) {
      id = vocab.size;
      vocab.set(s, id);
    }
    return id;
  };
  const pos = new Map<string, number>();
  const internPos = (s: string): number => {
    let id = pos.get(s);
    if (id === undefined) {
      id = pos.size;
      pos.set(s, id);
    }
    return id;
  };
  internPos(BOS);
  internPos(EOS);
  intern(BOS);
  intern(EOS);
  // First pass: intern every value so that the tables can be sized. Word bigrams are complete once their
  // two words are interned; other features keep their template, value and interned id (-1: none) for the
  // second pass. Parallel arrays rather than an object per feature: this runs at every process start over
  // ~77,000 names, and short-lived objects by the ten thousand made most of its time garbage collection.
  const features = model.features;
  const F = features.length;
  const tpls: string[] = new Array<string>(F);
  const vals: string[] = new Array<string>(F);
  const ids = new Int32Array(F).fill(-1);
  // Word pairs of ww= and ww+= features: slot by pair (key a * 2^26 + b: interned ids stay far below 2^26).
  const pairSlot = new Map<number, number>();
  const pairs: [number, number, number][] = [];
  const wwWeight: number[] = [];
  const wwNextWeight: number[] = [];
  for (let id = 0; id < F; id++) {
    const name = features[id] as string;
    const eq = name.indexOf('=');
    const tpl = eq < 0 ? name : name.slice(0, eq);
    const val = eq < 0 ? '' : name.slice(eq + 1);
    tpls[id] = tpl;
    vals[id] = val;
    if (UNARY_WORD_SET.has(tpl) || tpl === 'l' || tpl === 's:l') ids[id] = intern(val);
    else if (tpl === 'p') internPos(val);
    else if (tpl === 'pp' || tpl === 'pp+' || tpl === 'ppp') for (const v of val.split('|')) internPos(v);
    else if ((tpl === 'ww' || tpl === 'ww+') && singlePipe(val)) {
      // Bigrams whose words contain "|" themselves stay in `other`, looked up by name at run time.
      const bar = val.indexOf('|');
      const a = intern(val.slice(0, bar));
      const b = intern(val.slice(bar + 1));
      const key = a * 0x4000000 + b;
      let slot = pairSlot.get(key);
      if (slot === undefined) {
        pairSlot.set(key, (slot = pairs.length));
        pairs.push([a, b, slot]);
        wwWeight.push(0);
        wwNextWeight.push(0);
      }
      // A repeated feature name keeps its last weight (as the separate tables did).
      (tpl === 'ww' ? wwWeight : wwNextWeight)[slot] = weight(id);
      ids[id] = -2; // done
    } else if (tpl === 'repw' && val.lastIndexOf('|') > 0) ids[id] = intern(val.slice(0, val.lastIndexOf('|')));
  }
  const posCount = Math.max(pos.size, 1);
  const zeros = (n: number): Float64Array => new Float64Array(n);
  const V = vocab.size;
  const rows = new Float32Array(V * ROW);
  const p = zeros(posCount);
  const sh = zeros(SHAPES.length);
  const pp = zeros(posCount * posCount);
  const ppNext = zeros(posCount * posCount);
  const ppp = zeros(posCount * posCount * posCount);
  const shPrev = zeros(SHAPES.length * SHAPES.length);
  const other = new Map<string, number>();
  const shapeId = (s: string): number => SHAPES.indexOf(s as (typeof SHAPES)[number]);
  for (let id = 0; id < F; id++) {
    const i = ids[id] as number;
    if (i === -2) continue; // a word bigram, already in its pair table
    const name = features[id] as string;
    const tpl = tpls[id] as string;
    const val = vals[id] as string;
    const w = weight(id);
    let done = true;
    if (UNARY_WORD_SET.has(tpl)) rows[i * ROW + ROW_AT[tpl as UnaryWord]] = w;
    else if (tpl === 'l') rows[i * ROW + ROW_L] = w;
    else if (tpl === 's:l') rows[i * ROW + ROW_SL] = w;
    else if (tpl === 'p') p[pos.get(val) as number] = w;
    else if (tpl === 'sh' && shapeId(val) >= 0) sh[shapeId(val)] = w;
    else if (tpl === 'pp' || tpl === 'pp+' || tpl === 'ppp') {
      const tags = val.split('|').map((v) => pos.get(v) as number);
      if (tpl === 'ppp' && tags.length === 3) ppp[((tags[0] as number) * posCount + (tags[1] as number)) * posCount + (tags[2] as number)] = w;
      else if (tpl !== 'ppp' && tags.length === 2) (tpl === 'pp' ? pp : ppNext)[(tags[0] as number) * posCount + (tags[1] as number)] = w;
      else done = false;
    } else if (tpl === 'sh-1') {
      const [a, b] = val.split('|');
      const ia = shapeId(a ?? '');
      const ib = shapeId(b ?? '');
      if (ia >= 0 && ib >= 0) shPrev[ia * SHAPES.length + ib] = w;
      else done = false;
    } else if (tpl === 'repw' && i >= 0) {
      const b = REPW_BUCKETS.indexOf(val.slice(val.lastIndexOf('|') + 1));
      if (b >= 0) rows[i * ROW + ROW_REPW + b] = w;
      else done = false;
    } else if (tpl !== 'wc') done = false; // wc= below
    if (!done) other.set(name, w);
  }
  const wc = Float64Array.from(clusterFeatureIds(features), (id) => (id >= 0 ? weight(id) : 0));
  const cue = new Map<string, number>();
  const sCue = new Map<string, number>();
  for (const [name, w] of other) {
    if (name.startsWith('cue=')) cue.set(name.slice(4), w);
    else if (name.startsWith('s:cue=')) sCue.set(name.slice(6), w);
  }
  const rpos = [0, 1, 2, 3, 4].map((k) => other.get(`rpos=${k}`) ?? 0);
  const rep = ['1', '2', '3', '5', '5+'].map((b) => other.get(`rep=${b}`) ?? 0);
  const o = (name: string): number => other.get(name) ?? 0;
  const sentence: SentenceWeights = {
    bang: o('s:!'),
    question: o('s:?'),
    quote: o('s:q'),
    firstBlock: o('s:first-block'),
    len: [...S_LEN_CUTS, Infinity].map((n) => o(`s:len=${bucket(n, S_LEN_CUTS)}`)),
  };
  const result: CompiledTagger = {
    vocab,
    pos,
    rows,
    p,
    sh,
    wwPairs: new PairIndex(pairs),
    wwWeight: Float64Array.from(wwWeight),
    wwNextWeight: Float64Array.from(wwNextWeight),
    pp,
    ppNext,
    ppp,
    shPrev,
    other,
    cue,
    sCue,
    wc,
    rpos,
    rep,
    sentence,
    posCount,
    hasPipe: Uint8Array.from(vocab.keys(), (w) => (w.includes('|') ? 1 : 0)),
    sufCache: new Int32Array(V).fill(-2),
    lemmaSeen: new Int32Array(V),
    sentenceStamp: 0,
    normalIdByKey: new Int32Array(1 << 16),
  };
  compiled.set(model, result);
  return result;
}

function singlePipe(val: string): boolean {
  const at = val.indexOf('|');
  return at >= 0 && val.indexOf('|', at + 1) < 0;
}

const REPW_BUCKETS = ['1', '2', '2+'];

/** Sentence lengths of the `s:len=` buckets (features.ts). */
const S_LEN_CUTS = [3, 6, 10, 20, 35];

/**
 * The sentence features' weights, looked up once: looking them up by name for every sentence built a closure
 * and an `s:len=` string each time.
 */
interface SentenceWeights {
  readonly bang: number;
  readonly question: number;
  readonly quote: number;
  readonly firstBlock: number;
  /** One weight per bucket of `S_LEN_CUTS`, then the `35+` one. */
  readonly len: readonly number[];
}

/** Index of `bucket(n, S_LEN_CUTS)` in `SentenceWeights.len`. */
function sentenceLengthBucket(n: number): number {
  let j = 0;
  while (j < S_LEN_CUTS.length && n > (S_LEN_CUTS[j] as number)) j++;
  return j;
}

/** Layout of a word's row in `CompiledTagger.rows`. */
const ROW = 12;
const ROW_AT: Readonly<Record<UnaryWord, number>> = { w: 0, 'w-1': 1, 'w+1': 2, 'w-2': 3, 'w+2': 4, suf: 5 };
const ROW_L = 6;
const ROW_SL = 7;
const ROW_REPW = 8;

function shapeIndex(s: string | undefined): number {
  switch (s) {
    case 'Xx':
      return 0;
    case 'XX':
      return 1;
    case 'x':
      return 2;
    case 'd':
      return 3;
    case 'p':
      return 4;
    default:
      return 5;
  }
}

/** Id at position k of a sentence [first, end), or the <s> (0) / </s> (1) id outside it; words and POS share this. */
function wAt(ids: Int32Array, k: number, first: number, end: number): number {
  return k < first ? 0 : k >= end ? 1 : (ids[k] as number);
}

function wordAt(toks: readonly Token[], k: number, first: number, end: number): string {
  return k < first ? BOS : k >= end ? EOS : (toks[k] as Token).normal;
}

/** The tagger's vocabulary and, per token, the id of its normal form (wid) and of its lemma (lid); -1: none. */
export interface TaggerWordIds {
  readonly vocab: ReadonlyMap<string, number>;
  readonly wid: Int32Array;
  readonly lid: Int32Array;
  /**
   * 1 where the token's normal form (`pipe`) or lemma (`lemmaPipe`) contains "|", which makes a bigram's
   * feature name ambiguous (the fast paths then look the bigram up by name). Read from the vocabulary for
   * known words: `includes('|')` on every token of every span and paragraph was a tenth of their cost.
   */
  readonly pipe: Uint8Array;
  readonly lemmaPipe: Uint8Array;
}

/** Per document, the tagger's word ids, kept for later stages. */
const wordIdsOf = new WeakMap<FeatureDoc, TaggerWordIds>();

/**
 * The tagger vocabulary and its id for each token's normal form, when `tagTokensFast` has run on `fd`: lets
 * the span classifier find a token's word-vector row through an integer table instead of a string look-up.
 */
export function taggerWordIds(fd: FeatureDoc): TaggerWordIds | undefined {
  return wordIdsOf.get(fd);
}

/**
 * Probability, for every token, that it lies inside a persuasion span: the same numbers as summing the
 * weights of `sentenceFeatures` + `tokenFeatures`, without building their strings. `clustersOf` gives a
 * document's word cluster per token (`word-clusters.ts` tokenClusters) for the `wc=` features; it is called
 * once the word ids of this document are set.
 */
export function tagTokensFast(model: LinearModel, fd: FeatureDoc, clustersOf: ((fd: FeatureDoc) => (k: number) => number) | null = null): Float64Array {
  const c = compileTagger(model);
  const toks = fd.tokens;
  const n = toks.length;
  const out = new Float64Array(n);
  // Interned ids per token, computed once and reused by the token and its neighbours.
  const wid = new Int32Array(n);
  const lid = new Int32Array(n);
  const pid = new Int32Array(n);
  const shp = new Uint8Array(n);
  const pipe = new Uint8Array(n);
  const lemmaPipe = new Uint8Array(n);
  const hasPipe = c.hasPipe;
  for (let i = 0; i < n; i++) {
    const t = toks[i] as Token;
    const w = normalIdOf(c, t);
    wid[i] = w;
    pipe[i] = w >= 0 ? (hasPipe[w] as number) : t.normal.includes('|') ? 1 : 0;
    if (t.lemma === t.normal) {
      lid[i] = w;
      lemmaPipe[i] = pipe[i] as number;
    } else {
      const l = c.vocab.get(t.lemma) ?? -1;
      lid[i] = l;
      lemmaPipe[i] = l >= 0 ? (hasPipe[l] as number) : t.lemma.includes('|') ? 1 : 0;
    }
    pid[i] = c.pos.get(t.pos) ?? -1;
    shp[i] = shapeIndex(fd.shapes[i]);
  }
  wordIdsOf.set(fd, { vocab: c.vocab, wid, lid, pipe, lemmaPipe });
  const wc = c.wc;
  const clusterAt = clustersOf && wc.length ? clustersOf(fd) : null;
  const other = c.other;
  const bias = other.get('bias') ?? 0;
  const q = other.get('q') ?? 0;
  const neg = other.get('neg') ?? 0;
  const sentences = fd.segments.sentences;
  let sentBase = 0;
  // The pair slot token i - 1 found for its ww+= feature, valid for token `carriedFor` (see below).
  let carried = -1;
  let carriedFor = -1;
  let sentIndex = -1;
  const seenCue: string[] = [];
  // Tables in locals: the loop below runs once per token of every document.
  const R = c.rows;
  const { p: Pt, sh: Sh, pp: PP, ppNext: PPn, ppp: PPP, shPrev: ShP, sufCache } = c;
  const contentCount = fd.contentCount;
  for (let i = 0; i < n; i++) {
    const t = toks[i] as Token;
    const sent = sentences[t.sentence];
    if (t.sentence !== sentIndex) {
      sentIndex = t.sentence;
      sentBase = sentenceScore(c, fd, t.sentence, lid, seenCue);
    }
    const first = sent ? sent.firstToken : 0;
    const end = sent ? sent.endToken : n;
    let s = 0;
    s += bias;
    const wi = wid[i] as number;
    const li = lid[i] as number;
    const pi = pid[i] as number;
    if (wi >= 0) s += R[wi * ROW] as number;
    if (li >= 0) s += R[li * ROW + ROW_L] as number;
    if (pi >= 0) s += Pt[pi] as number;
    s += Sh[shp[i] as number] as number;
    const wm1 = wAt(wid, i - 1, first, end);
    const wp1 = wAt(wid, i + 1, first, end);
    const wm2 = wAt(wid, i - 2, first, end);
    const wp2 = wAt(wid, i + 2, first, end);
    if (wm1 >= 0) s += R[wm1 * ROW + 1] as number;
    if (wp1 >= 0) s += R[wp1 * ROW + 2] as number;
    if (wm2 >= 0) s += R[wm2 * ROW + 3] as number;
    if (wp2 >= 0) s += R[wp2 * ROW + 4] as number;
    // Rare: a word containing "|" makes a bigram's name ambiguous; such bigrams are looked up by name.
    // The weight is added in place (`if`, not a helper returning `acc + w`): through the helper V8 kept `s` as a
    // boxed number, and every addition of every token allocated one (~85 KB per news article).
    if (pipe[i] || (i - 1 >= first && pipe[i - 1])) {
      const w = other.get(`ww=${wordAt(toks, i - 1, first, end)}|${t.normal}`);
      if (w !== undefined) s += w;
    } else if (wm1 >= 0 && wi >= 0) {
      // Token i - 1 looked this pair up for its ww+= feature when it is inside the sentence.
      const slot = carriedFor === i ? carried : c.wwPairs.get(wm1, wi);
      // A pair known only as ww+= weighs 0 here, and s + 0 is s (s is never -0: it starts at +0).
      if (slot >= 0) s += c.wwWeight[slot] as number;
    }
    if (pipe[i] || (i + 1 < end && pipe[i + 1])) {
      const w = other.get(`ww+=${t.normal}|${wordAt(toks, i + 1, first, end)}`);
      if (w !== undefined) s += w;
    } else if (wp1 >= 0 && wi >= 0) {
      const slot = c.wwPairs.get(wi, wp1);
      if (slot >= 0) s += c.wwNextWeight[slot] as number;
      if (i + 1 < end) {
        carried = slot;
        carriedFor = i + 1;
      }
    }
    const pm1 = wAt(pid, i - 1, first, end);
    const pp1 = wAt(pid, i + 1, first, end);
    const P = c.posCount;
    if (pm1 >= 0 && pi >= 0) s += PP[pm1 * P + pi] as number;
    if (pp1 >= 0 && pi >= 0) s += PPn[pi * P + pp1] as number;
    if (pm1 >= 0 && pi >= 0 && pp1 >= 0) s += PPP[(pm1 * P + pi) * P + pp1] as number;
    s += ShP[(i - 1 >= first ? (shp[i - 1] as number) : SHAPE_BOS) * SHAPES.length + (shp[i] as number)] as number;
    if (t.normal.length > 3) {
      // The suffix's id is cached per known word, so that slice + lookup run once per word type.
      let suf = wi >= 0 ? (sufCache[wi] as number) : -2;
      if (suf === -2) {
        suf = c.vocab.get(t.normal.slice(-3)) ?? -1;
        if (wi >= 0) sufCache[wi] = suf;
      }
      if (suf >= 0) s += R[suf * ROW + 5] as number;
    }
    if (fd.inQuote[i]) s += q;
    if (t.negated) s += neg;
    const rel = end - first > 1 ? (i - first) / (end - first - 1) : 0;
    s += c.rpos[Math.round(rel * 4)] ?? 0;
    const count = contentCount[i] as number;
    if (count > 0) {
      // A content word (isContent): its lemma's count in the document (features.ts).
      s += c.rep[count <= 1 ? 0 : count <= 2 ? 1 : count <= 3 ? 2 : count <= 5 ? 3 : 4] ?? 0;
      const rl = li >= 0 ? li : (c.vocab.get(t.lemma) ?? -1);
      // An unknown repw= feature weighs 0 in the table, and s + 0 is s (s is never -0: it starts at +0).
      if (rl >= 0) s += R[rl * ROW + ROW_REPW + (count <= 1 ? 0 : count <= 2 ? 1 : 2)] as number;
    }
    for (const cue of fd.cues[i] as readonly string[]) s += c.cue.get(cue) ?? 0;
    if (clusterAt) {
      // A cluster without a weight (pruned, or past the table) adds 0, and s + 0 is s.
      const k = clusterAt(i);
      if (k >= 0 && k < wc.length) s += wc[k] as number;
    }
    out[i] = 1 / (1 + Math.exp(-(sentBase + s)));
  }
  return out;
}

/** Sum of the weights of `sentenceFeatures(fd, s)`, in the same order. */
function sentenceScore(c: CompiledTagger, fd: FeatureDoc, s: number, lid: Int32Array, seenCue: string[]): number {
  const sent = fd.segments.sentences[s];
  if (!sent) return 0;
  // Lemmas already counted in this sentence: lemmaSeen[id] === stamp (a Set cleared per sentence re-grew its
  // table in every sentence). Cue groups are few: a short array.
  if (++c.sentenceStamp >= 0x7fffffff) {
    c.lemmaSeen.fill(0);
    c.sentenceStamp = 1;
  }
  const stamp = c.sentenceStamp;
  const lemmaSeen = c.lemmaSeen;
  emptyKeepingCapacity(seenCue);
  let sum = 0;
  let bang = false;
  let question = false;
  let quote = false;
  for (let k = sent.firstToken; k < sent.endToken; k++) {
    const t = fd.tokens[k] as Token;
    if (t.text === '!') bang = true;
    if (t.text === '?') question = true;
    if (fd.inQuote[k]) quote = true;
    if (t.kind === 'word') {
      const l = lid[k] as number;
      if (l >= 0) {
        if (lemmaSeen[l] !== stamp) {
          lemmaSeen[l] = stamp;
          sum += c.rows[l * ROW + ROW_SL] as number;
        }
      }
    }
    for (const cue of fd.cues[k] as readonly string[]) {
      if (!seenCue.includes(cue)) {
        seenCue.push(cue);
        sum += c.sCue.get(cue) ?? 0;
      }
    }
  }
  const w = c.sentence;
  if (bang) sum += w.bang;
  if (question) sum += w.question;
  if (quote) sum += w.quote;
  sum += w.len[sentenceLengthBucket(sent.endToken - sent.firstToken)] as number;
  if (sent.block === 0) sum += w.firstBlock;
  return sum;
}
