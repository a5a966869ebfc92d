/**
 * Classifier feature ids of a span without building a feature string per token: the same ids, in the same
 * order, as `featureIds(model, spanFeatures(fd, a, b, start, end, clusters))` (so the technique distribution
 * agrees bit for bit). Per-token templates (w=, l=, pb=, wc=, bi=, cue=, cb=, ca=, ccue=) are found through
 * maps keyed by the tokenizer's own strings (or, for wc=, by cluster number); the few per-span features are
 * looked up by name. See `fast-tagger.ts`.
 */
import type { Token } from '../../core/segment/types.js';
import { bucket, type FeatureDoc } from './features.js';
import { emitOnce as emit, emptyKeepingCapacity } from './emit-once.js';
import { taggerWordIds } from './fast-tagger.js';
import { countOccurrences } from './occurrence-count.js';
import { lookUpVia, viaTagger, type ViaTagger } from './via-tagger.js';
import type { LinearModel } from './linear.js';
import type { PairIndex } from './pair-index.js';
import { phraseId, SpanSequencesBuilder, type SpanSequences } from './span-sequences.js';
import { WordTableBuilder } from './word-table.js';
import { clusterOfRow, tokenRow, tokenRows, type WordClusters } from './word-clusters.js';
import { clusterFeatureIds } from './cluster-features.js';

const TOKEN_TEMPLATES = ['l', 'pb', 'cue', 'cb', 'ca', 'ccue', 'f', 'L', 'fp', 'Lp', 'pw', 'nw'] as const;
type TokenTemplate = (typeof TOKEN_TEMPLATES)[number];

interface CompiledSpan {
  readonly by: Readonly<Record<TokenTemplate, ReadonlyMap<string, number>>>;
  /** Words that occur in `w=` or in single-"|" `bi=` features → small ids. */
  readonly vocab: ReadonlyMap<string, number>;
  /** Feature id of `w=<word>` by vocabulary id (-1: none). */
  readonly word: Int32Array;
  /** Feature id of `bi=x|y` by the vocabulary ids (x, y); -1: none. */
  readonly bi: PairIndex;
  /** Feature id of `wc=<c>` by cluster number c (-1: none). */
  readonly wc: Int32Array;
  /** Feature ids of the features without a per-token value (undefined: not in the model). */
  readonly fixed: Readonly<Record<FixedName, number | undefined>>;
  readonly len: BucketIds;
  readonly caps: BucketIds;
  readonly maxrep: BucketIds;
  readonly reps: BucketIds;
  /** Tables of the pseq= and phrase= features. */
  readonly sequences: SpanSequences;
  readonly stamp: Int32Array;
  generation: number;
  /** The context templates seen through the tagger's vocabulary (see `contextVia`). */
  via?: ContextVia;
}

interface ContextVia {
  readonly tagger: ReadonlyMap<string, number>;
  readonly f: ViaTagger;
  readonly L: ViaTagger;
  readonly pw: ViaTagger;
  readonly nw: ViaTagger;
  readonly cb: ViaTagger;
  readonly ca: ViaTagger;
}

/** The first/last word, previous/next word and context-lemma tables by tagger id (made once per tagger). */
function contextVia(c: CompiledSpan, tagger: ReadonlyMap<string, number>): ContextVia {
  if (c.via?.tagger !== tagger) {
    const v = (t: TokenTemplate): ViaTagger => viaTagger(c.by[t], tagger);
    c.via = { tagger, f: v('f'), L: v('L'), pw: v('pw'), nw: v('nw'), cb: v('cb'), ca: v('ca') };
  }
  return c.via;
}

const FIXED = ['bias', 'empty', 'allcaps', 'neg', '!', '?', 'q', 'cover=all', 'cover=most', 'cover=part', 'cover=small', 'first-block', 'reps-short'] as const;
type FixedName = (typeof FIXED)[number];

/** The ids of `<prefix><bucket(n, cuts)>` for every bucket, so that a span looks none of them up by name. */
interface BucketIds {
  readonly cuts: readonly number[];
  /** One per cut, then the one of `<last cut>+`. */
  readonly ids: readonly (number | undefined)[];
}

function bucketIds(index: ReadonlyMap<string, number>, prefix: string, cuts: readonly number[]): BucketIds {
  return { cuts, ids: [...cuts.map((c) => index.get(`${prefix}${bucket(c, cuts)}`)), index.get(`${prefix}${bucket(Infinity, cuts)}`)] };
}

/** The id of `<prefix><bucket(n, cuts)>`. */
function bucketId(b: BucketIds, n: number): number | undefined {
  const cuts = b.cuts;
  for (let j = 0; j < cuts.length; j++) if (n <= (cuts[j] as number)) return b.ids[j];
  return b.ids[cuts.length];
}

const compiled = new WeakMap<LinearModel, CompiledSpan>();

function compile(model: LinearModel): CompiledSpan {
  const hit = compiled.get(model);
  if (hit) return hit;
  const by = Object.fromEntries(TOKEN_TEMPLATES.map((t) => [t, new Map<string, number>()])) as Record<TokenTemplate, Map<string, number>>;
  const table = new WordTableBuilder();
  const sequences = new SpanSequencesBuilder();
  model.features.forEach((name, id) => {
    const eq = name.indexOf('=');
    if (eq < 0) return;
    const tpl = name.slice(0, eq);
    const val = name.slice(eq + 1);
    if (tpl === 'bi') table.addBigram(val, id);
    else if (tpl === 'pseq') sequences.addTagSequence(val, id);
    else if (tpl === 'phrase') sequences.addPhrase(val, id, (w) => table.addWord(w));
    else if (tpl === 'w') table.addUnigram(val, id);
    else if ((TOKEN_TEMPLATES as readonly string[]).includes(tpl)) by[tpl as TokenTemplate].set(val, id);
  });
  const { vocab, unigram: word, bigram: bi } = table.build();
  const wc = clusterFeatureIds(model.features);
  const fixed = Object.fromEntries(FIXED.map((name) => [name, model.index.get(name)])) as Record<FixedName, number | undefined>;
  const c: CompiledSpan = {
    by,
    vocab,
    word,
    bi,
    wc,
    fixed,
    len: bucketIds(model.index, 'len=', LEN_CUTS),
    caps: bucketIds(model.index, 'caps=', CAPS_CUTS),
    maxrep: bucketIds(model.index, 'maxrep=', MAXREP_CUTS),
    reps: bucketIds(model.index, 'reps=', REPS_CUTS),
    sequences: sequences.build(vocab.size),
    stamp: new Int32Array(model.features.length),
    generation: 0,
  };
  compiled.set(model, c);
  return c;
}

/**
 * Per document and model, each token's word vocabulary id and its `l=`, `pb=` and `wc=` feature ids, filled as
 * spans reach the token (-2: not looked up yet, -1: not in the model): overlapping candidate spans and
 * their sentence context then look each token up once.
 */
interface TokenIds {
  readonly model: LinearModel;
  readonly clusters: WordClusters | null;
  readonly vid: Int32Array;
  readonly lemma: Int32Array;
  readonly pos: Int32Array;
  readonly wc: Int32Array;
}

/**
 * By model, then by document: the classifier and the second stage's candidate model score the same candidates
 * one after the other, and one entry per document would be rebuilt at every switch.
 */
const tokenIds = new WeakMap<LinearModel, WeakMap<FeatureDoc, TokenIds>>();

function idsOf(model: LinearModel, clusters: WordClusters | null, fd: FeatureDoc): TokenIds {
  let byDoc = tokenIds.get(model);
  if (!byDoc) tokenIds.set(model, (byDoc = new WeakMap()));
  let t = byDoc.get(fd);
  if (!t || t.clusters !== clusters) {
    const n = fd.tokens.length;
    t = { model, clusters, vid: new Int32Array(n).fill(-2), lemma: new Int32Array(n).fill(-2), pos: new Int32Array(n).fill(-2), wc: new Int32Array(n).fill(-2) };
    byDoc.set(fd, t);
  }
  return t;
}

const BOS = '<s>';
const EOS = '</s>';

/** `tagSequenceKey`: look the sequence up by name. */
const NAME = -2;

/**
 * Key of the POS tags of tokens [a, b) (up to 3) in `tags`' numbering (see `tagKey`); -1 when a tag is not
 * among the model's, so no `pseq=` feature matches; NAME when a tag contains "_" (its name could match).
 */
function tagSequenceKey(tags: ReadonlyMap<string, number>, toks: readonly Token[], a: number, b: number): number {
  let key = 0;
  for (let k = a; k < a + 3; k++) {
    if (k >= b) {
      key *= 64;
      continue;
    }
    const pos = (toks[k] as Token).pos;
    const id = tags.get(pos);
    if (id === undefined) return pos.includes('_') ? NAME : -1;
    key = key * 64 + id;
  }
  return key;
}

/** A looked-up id as emit takes it (-1: not in the model → undefined). */
function known(id: number): number | undefined {
  return id >= 0 ? id : undefined;
}

const LEN_CUTS = [1, 2, 3, 5, 8, 12, 20, 30];
const CAPS_CUTS = [0, 1, 2, 3];
const MAXREP_CUTS = [1, 2, 3, 5, 8];
const REPS_CUTS = [0, 1, 2, 4];

/**
 * `featureIds(model, spanFeatures(fd, a, b, start, end, clusters))`, computed without the per-token strings;
 * written into `out` (emptied first) when given, so that a caller can reuse one array for every span.
 */
export function spanFeatureIds(model: LinearModel, fd: FeatureDoc, a: number, b: number, start: number, end: number, clusters: WordClusters | null, out?: number[]): number[] {
  const c = compile(model);
  if (++c.generation >= 0x7fffffff) {
    c.stamp.fill(0);
    c.generation = 1;
  }
  const ids: number[] = out ?? [];
  emptyKeepingCapacity(ids);
  const index = model.index;
  const name = (s: string): void => emit(c, ids, index.get(s));
  const { l: L, pb: PB, cue: CUE, cb: CB, ca: CA, ccue: CCUE } = c.by;
  const F = c.fixed;
  const toks = fd.tokens;
  emit(c, ids, F.bias);
  if (b <= a) {
    emit(c, ids, F.empty);
    return ids;
  }
  const n = b - a;
  emit(c, ids, bucketId(c.len, n));
  const firstTok = toks[a] as Token;
  const lastTok = toks[b - 1] as Token;
  // Where the tagger has run on this document, its word ids lead to ours (via-tagger.ts).
  const tagged = taggerWordIds(fd);
  const via = tagged ? contextVia(c, tagged.vocab) : null;
  // A per-token template's feature id for token k's normal form or lemma (undefined: not in the model):
  // through the tagger's ids where it has run (an array read instead of a string look-up).
  const byNormal = (table: ReadonlyMap<string, number>, v: ViaTagger | undefined, k: number): number | undefined => {
    const word = (toks[k] as Token).normal;
    return tagged && v ? known(lookUpVia(v, tagged.wid[k] as number, word)) : table.get(word);
  };
  const byLemma = (table: ReadonlyMap<string, number>, v: ViaTagger | undefined, k: number): number | undefined => {
    const lemma = (toks[k] as Token).lemma;
    return tagged && v ? known(lookUpVia(v, tagged.lid[k] as number, lemma)) : table.get(lemma);
  };
  emit(c, ids, byNormal(c.by.f, via?.f, a));
  emit(c, ids, byNormal(c.by.L, via?.L, b - 1));
  emit(c, ids, c.by.fp.get(firstTok.pos));
  emit(c, ids, c.by.Lp.get(lastTok.pos));
  const cache = idsOf(model, clusters, fd);
  const viaWord = tagged ? viaTagger(c.vocab, tagged.vocab) : null;
  const vidAt = (k: number): number => {
    let v = cache.vid[k] as number;
    if (v === -2) {
      const word = (toks[k] as Token).normal;
      cache.vid[k] = v = tagged && viaWord ? lookUpVia(viaWord, tagged.wid[k] as number, word) : (c.vocab.get(word) ?? -1);
    }
    return v;
  };
  // pseq= and phrase= through integer tables (span-sequences.ts); by name only in the rare cases where a
  // tag or word could make the joined name split differently (a tag with "_", a word with a space).
  if (n <= 3) {
    const key = c.sequences.tags ? tagSequenceKey(c.sequences.tags, toks, a, b) : NAME;
    if (key === NAME) {
      let seq = `pseq=${firstTok.pos}`;
      for (let k = a + 1; k < b; k++) seq += `_${(toks[k] as Token).pos}`;
      name(seq);
    } else if (key >= 0) emit(c, ids, c.sequences.pseq.get(key));
  }
  if (n <= 4) {
    let space = false;
    for (let k = a; k < b && !space; k++) space = (toks[k] as Token).normal.includes(' ');
    if (space) {
      let phrase = `phrase=${firstTok.normal}`;
      for (let k = a + 1; k < b; k++) phrase += ` ${(toks[k] as Token).normal}`;
      name(phrase);
    } else emit(c, ids, known(phraseId(c.sequences, vidAt(a), n > 1 ? vidAt(a + 1) : -1, n > 2 ? vidAt(a + 2) : -1, n > 3 ? vidAt(a + 3) : -1, n)));
  }
  let caps = 0;
  let maxRep = 1;
  const rows = clusters ? tokenRows(clusters.vectors, fd) : null;
  const viaLemma = tagged ? viaTagger(L, tagged.vocab) : null;
  for (let k = a; k < b; k++) {
    const t = toks[k] as Token;
    const x = vidAt(k);
    emit(c, ids, x >= 0 ? known(c.word[x] as number) : undefined);
    let l = cache.lemma[k] as number;
    if (l === -2) cache.lemma[k] = l = tagged && viaLemma ? lookUpVia(viaLemma, tagged.lid[k] as number, t.lemma) : (L.get(t.lemma) ?? -1);
    emit(c, ids, known(l));
    let p = cache.pos[k] as number;
    if (p === -2) cache.pos[k] = p = PB.get(t.pos) ?? -1;
    emit(c, ids, known(p));
    if (clusters && rows) {
      let w = cache.wc[k] as number;
      if (w === -2) {
        const cl = clusterOfRow(clusters, tokenRow(rows, fd, k));
        cache.wc[k] = w = cl >= 0 && cl < c.wc.length ? (c.wc[cl] as number) : -1;
      }
      emit(c, ids, known(w));
    }
    if (k + 1 < b) {
      const pipe = tagged ? tagged.pipe[k] || tagged.pipe[k + 1] : t.normal.includes('|') || (toks[k + 1] as Token).normal.includes('|');
      if (pipe) name(`bi=${t.normal}|${(toks[k + 1] as Token).normal}`);
      else {
        const y = vidAt(k + 1);
        if (x >= 0 && y >= 0) {
          const f = c.bi.get(x, y);
          if (f >= 0) emit(c, ids, f);
        }
      }
    }
    const shape = fd.shapes[k];
    if (shape === 'Xx' || shape === 'XX') caps++;
    if (shape === 'XX') emit(c, ids, F.allcaps);
    if (t.negated) emit(c, ids, F.neg);
    if (t.text === '!') emit(c, ids, F['!']);
    if (t.text === '?') emit(c, ids, F['?']);
    if (fd.inQuote[k]) emit(c, ids, F.q);
    const count = fd.contentCount[k] as number;
    if (count > 0) maxRep = Math.max(maxRep, count); // a content word and its lemma's count
    for (const cue of fd.cues[k] as readonly string[]) emit(c, ids, CUE.get(cue));
  }
  emit(c, ids, bucketId(c.caps, Math.round((caps / n) * 4)));
  emit(c, ids, bucketId(c.maxrep, maxRep));
  const sent = fd.segments.sentences[firstTok.sentence];
  const sFirst = sent ? sent.firstToken : 0;
  const sEnd = sent ? sent.endToken : toks.length;
  emit(c, ids, a - 1 >= sFirst ? byNormal(c.by.pw, via?.pw, a - 1) : c.by.pw.get(BOS));
  emit(c, ids, b < sEnd ? byNormal(c.by.nw, via?.nw, b) : c.by.nw.get(EOS));
  for (let k = Math.max(sFirst, a - 3); k < a; k++) emit(c, ids, byLemma(CB, via?.cb, k));
  for (let k = b; k < Math.min(sEnd, b + 3); k++) emit(c, ids, byLemma(CA, via?.ca, k));
  for (let k = sFirst; k < sEnd; k++) {
    if (k >= a && k < b) continue;
    for (const cue of fd.cues[k] as readonly string[]) emit(c, ids, CCUE.get(cue));
  }
  const cover = sEnd > sFirst ? n / (sEnd - sFirst) : 1;
  emit(c, ids, cover >= 0.9 ? F['cover=all'] : cover >= 0.5 ? F['cover=most'] : cover >= 0.2 ? F['cover=part'] : F['cover=small']);
  if (sent && sent.block === 0) emit(c, ids, F['first-block']);
  const needle = fd.lower.slice(start, end).trim();
  const reps = needle.length >= 3 ? countOccurrences(fd.lower, needle, 6) : 0;
  emit(c, ids, bucketId(c.reps, Math.max(0, reps - 1)));
  if (reps > 1 && n <= 4) emit(c, ids, F['reps-short']);
  return ids;
}
