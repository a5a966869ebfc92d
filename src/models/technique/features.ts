/**
 * Feature extraction for the technique models: one `FeatureDoc` per document (token facts computed once),
 * then string features for a token (span tagger), for a sentence (shared by all its tokens) and for a span
 * (technique classifier). Features are readable strings ("w=desperate", "cue=fear", "rep=3+") so that the
 * weights that fire can be shown to a person as evidence. Training and prediction use exactly this code.
 */
import type { Segments, Token } from '../../core/segment/types.js';
import { cuesOf } from './cues.js';
import { clusterOfWord, type WordClusters } from './word-clusters.js';

export interface FeatureDoc {
  readonly text: string;
  readonly lower: string;
  readonly tokens: readonly Token[];
  readonly segments: Segments;
  /** 1 where the token lies inside a quotation. */
  readonly inQuote: Uint8Array;
  /** Document frequency of each content lemma (repetition cue). */
  readonly lemmaCount: ReadonlyMap<string, number>;
  /**
   * Per token: `lemmaCount` of its lemma when it is a content word (`isContent`), else 0. The models read
   * a token's repetition count here instead of looking its lemma up again for every span and paragraph.
   */
  readonly contentCount: Int32Array;
  /** Token shape: Xx, XX, x, d, p (punctuation), o. */
  readonly shapes: readonly string[];
  readonly cues: readonly (readonly string[])[];
}

const CONTENT_POS = new Set(['NOUN', 'PROPN', 'ADJ', 'VERB', 'ADV']);

export function isContent(t: Token): boolean {
  return CONTENT_POS.has(t.pos) && t.kind === 'word';
}

export function buildFeatureDoc(text: string, segments: Segments): FeatureDoc {
  const tokens = segments.tokens;
  const inQuote = new Uint8Array(tokens.length);
  let q = 0;
  const quotes = segments.quotes;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    while (q < quotes.length && (quotes[q] as { end: number }).end <= t.start) q++;
    const quote = quotes[q];
    if (quote && quote.start <= t.start && t.end <= quote.end) inQuote[i] = 1;
  }
  const lemmaCount = new Map<string, number>();
  const shapes: string[] = new Array<string>(tokens.length);
  const cues: (readonly string[])[] = new Array<readonly string[]>(tokens.length);
  const contentCount = new Int32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (isContent(t)) {
      lemmaCount.set(t.lemma, (lemmaCount.get(t.lemma) ?? 0) + 1);
      contentCount[i] = 1; // a content word; its count is filled in below
    }
    shapes[i] = shapeOf(t);
    cues[i] = cuesOf(t.normal, t.lemma);
  }
  for (let i = 0; i < tokens.length; i++) if (contentCount[i]) contentCount[i] = lemmaCount.get((tokens[i] as Token).lemma) as number;
  return { text, lower: text.toLowerCase(), tokens, segments, inQuote, lemmaCount, contentCount, shapes, cues };
}

function shapeOf(t: Token): string {
  if (t.kind === 'punctuation') return 'p';
  if (t.kind === 'number') return 'd';
  if (t.kind !== 'word') return 'o';
  const s = t.text;
  const first = s.charAt(0);
  if (first === first.toLowerCase()) return 'x';
  if (s.length > 1 && s === s.toUpperCase()) return 'XX';
  return 'Xx';
}

/** Bins a count into the model's feature value (shared with the fast paths so both stay identical). */
export function bucket(n: number, cuts: readonly number[]): string {
  for (const c of cuts) if (n <= c) return String(c);
  return `${cuts[cuts.length - 1] ?? 0}+`;
}

const BOS = '<s>';
const EOS = '</s>';

/**
 * Features of token `i` for the span tagger (sentence-wide features come from `sentenceFeatures`). With a
 * word-cluster table, a token in it also gives `wc=<cluster>` (last, so that the fast path adds its weight
 * last too): emotive words the 371 training articles saw rarely or never share weight with their neighbours
 * in vector space.
 */
export function tokenFeatures(fd: FeatureDoc, i: number, clusters: WordClusters | null = null): string[] {
  const toks = fd.tokens;
  const t = toks[i] as Token;
  const sent = fd.segments.sentences[t.sentence];
  const first = sent ? sent.firstToken : 0;
  const end = sent ? sent.endToken : toks.length;
  const w = (k: number): string => (k < first ? BOS : k >= end ? EOS : (toks[k] as Token).normal);
  const p = (k: number): string => (k < first ? BOS : k >= end ? EOS : (toks[k] as Token).pos);
  const f: string[] = [
    'bias',
    `w=${t.normal}`,
    `l=${t.lemma}`,
    `p=${t.pos}`,
    `sh=${fd.shapes[i]}`,
    `w-1=${w(i - 1)}`,
    `w+1=${w(i + 1)}`,
    `w-2=${w(i - 2)}`,
    `w+2=${w(i + 2)}`,
    `ww=${w(i - 1)}|${t.normal}`,
    `ww+=${t.normal}|${w(i + 1)}`,
    `pp=${p(i - 1)}|${t.pos}`,
    `pp+=${t.pos}|${p(i + 1)}`,
    `ppp=${p(i - 1)}|${t.pos}|${p(i + 1)}`,
    `sh-1=${i - 1 >= first ? fd.shapes[i - 1] : BOS}|${fd.shapes[i]}`,
  ];
  if (t.normal.length > 3) f.push(`suf=${t.normal.slice(-3)}`);
  if (fd.inQuote[i]) f.push('q');
  if (t.negated) f.push('neg');
  const rel = end - first > 1 ? (i - first) / (end - first - 1) : 0;
  f.push(`rpos=${Math.round(rel * 4)}`);
  if (isContent(t)) f.push(`rep=${bucket(fd.lemmaCount.get(t.lemma) ?? 1, [1, 2, 3, 5])}`, `repw=${t.lemma}|${bucket(fd.lemmaCount.get(t.lemma) ?? 1, [1, 2])}`);
  for (const c of fd.cues[i] as readonly string[]) f.push(`cue=${c}`);
  if (clusters) {
    const c = clusterOfWord(clusters, t.normal);
    if (c >= 0) f.push(`wc=${c}`);
  }
  return f;
}

/** Features shared by every token of sentence `s` (the tagger adds them to each token's score). */
export function sentenceFeatures(fd: FeatureDoc, s: number): string[] {
  const sent = fd.segments.sentences[s];
  if (!sent) return [];
  const f: string[] = [];
  const seen = new Set<string>();
  let bang = false;
  let question = false;
  let quote = false;
  for (let k = sent.firstToken; k < sent.endToken; k++) {
    const t = fd.tokens[k] as Token;
    if (t.text === '!') bang = true;
    if (t.text === '?') question = true;
    if (fd.inQuote[k]) quote = true;
    if (t.kind === 'word' && !seen.has(t.lemma)) {
      seen.add(t.lemma);
      f.push(`s:l=${t.lemma}`);
    }
    for (const c of fd.cues[k] as readonly string[]) {
      if (!seen.has(`cue:${c}`)) {
        seen.add(`cue:${c}`);
        f.push(`s:cue=${c}`);
      }
    }
  }
  if (bang) f.push('s:!');
  if (question) f.push('s:?');
  if (quote) f.push('s:q');
  f.push(`s:len=${bucket(sent.endToken - sent.firstToken, [3, 6, 10, 20, 35])}`);
  if (sent.block === 0) f.push('s:first-block');
  return f;
}

/**
 * Features of the span covering tokens [a, b) and characters [start, end), for the technique classifier.
 * With a word-cluster table, each span token in it also gives `wc=<cluster>` (see `word-clusters.ts`).
 */
export function spanFeatures(fd: FeatureDoc, a: number, b: number, start: number, end: number, clusters: WordClusters | null): string[] {
  const toks = fd.tokens;
  const f = new Set<string>(['bias']);
  if (b <= a) {
    f.add('empty');
    return [...f];
  }
  const n = b - a;
  f.add(`len=${bucket(n, [1, 2, 3, 5, 8, 12, 20, 30])}`);
  const firstTok = toks[a] as Token;
  const lastTok = toks[b - 1] as Token;
  f.add(`f=${firstTok.normal}`);
  f.add(`L=${lastTok.normal}`);
  f.add(`fp=${firstTok.pos}`);
  f.add(`Lp=${lastTok.pos}`);
  if (n <= 3) f.add(`pseq=${toks.slice(a, b).map((t) => t.pos).join('_')}`);
  if (n <= 4) f.add(`phrase=${toks.slice(a, b).map((t) => t.normal).join(' ')}`);
  let caps = 0;
  let maxRep = 1;
  for (let k = a; k < b; k++) {
    const t = toks[k] as Token;
    f.add(`w=${t.normal}`);
    f.add(`l=${t.lemma}`);
    f.add(`pb=${t.pos}`);
    if (clusters) {
      const c = clusterOfWord(clusters, t.normal);
      if (c >= 0) f.add(`wc=${c}`);
    }
    if (k + 1 < b) f.add(`bi=${t.normal}|${(toks[k + 1] as Token).normal}`);
    if (fd.shapes[k] === 'Xx' || fd.shapes[k] === 'XX') caps++;
    if (fd.shapes[k] === 'XX') f.add('allcaps');
    if (t.negated) f.add('neg');
    if (t.text === '!') f.add('!');
    if (t.text === '?') f.add('?');
    if (fd.inQuote[k]) f.add('q');
    if (isContent(t)) maxRep = Math.max(maxRep, fd.lemmaCount.get(t.lemma) ?? 1);
    for (const c of fd.cues[k] as readonly string[]) f.add(`cue=${c}`);
  }
  f.add(`caps=${bucket(Math.round((caps / n) * 4), [0, 1, 2, 3])}`);
  f.add(`maxrep=${bucket(maxRep, [1, 2, 3, 5, 8])}`);
  // Context: the words around the span say how it is used ("so-called X", "X said").
  const sentOf = toks[a] ? (toks[a] as Token).sentence : -1;
  const sent = fd.segments.sentences[sentOf];
  const sFirst = sent ? sent.firstToken : 0;
  const sEnd = sent ? sent.endToken : toks.length;
  f.add(`pw=${a - 1 >= sFirst ? (toks[a - 1] as Token).normal : BOS}`);
  f.add(`nw=${b < sEnd ? (toks[b] as Token).normal : EOS}`);
  for (let k = Math.max(sFirst, a - 3); k < a; k++) f.add(`cb=${(toks[k] as Token).lemma}`);
  for (let k = b; k < Math.min(sEnd, b + 3); k++) f.add(`ca=${(toks[k] as Token).lemma}`);
  for (let k = sFirst; k < sEnd; k++) {
    if (k >= a && k < b) continue;
    for (const c of fd.cues[k] as readonly string[]) f.add(`ccue=${c}`);
  }
  const cover = sEnd > sFirst ? n / (sEnd - sFirst) : 1;
  f.add(`cover=${cover >= 0.9 ? 'all' : cover >= 0.5 ? 'most' : cover >= 0.2 ? 'part' : 'small'}`);
  if (sent && sent.block === 0) f.add('first-block');
  // Repetition: how often the same words occur elsewhere in the document.
  const needle = fd.lower.slice(start, end).trim();
  let reps = 0;
  if (needle.length >= 3) {
    for (let at = fd.lower.indexOf(needle); at >= 0 && reps < 6; at = fd.lower.indexOf(needle, at + needle.length)) reps++;
  }
  f.add(`reps=${bucket(Math.max(0, reps - 1), [0, 1, 2, 4])}`);
  if (reps > 1 && n <= 4) f.add('reps-short');
  return [...f];
}

/** Features of a paragraph (tokens [a, b)) for the paragraph-level technique model. */
export function paragraphFeatures(fd: FeatureDoc, a: number, b: number, clusters: WordClusters | null = null): string[] {
  const toks = fd.tokens;
  const f = new Set<string>(['bias']);
  const n = b - a;
  f.add(`plen=${bucket(n, [5, 10, 20, 40, 80])}`);
  const cueCount = new Map<string, number>();
  let maxRep = 1;
  let quoted = 0;
  for (let k = a; k < b; k++) {
    const t = toks[k] as Token;
    if (t.kind === 'word') f.add(`l=${t.lemma}`);
    if (k + 1 < b && t.kind === 'word') f.add(`bi=${t.lemma}|${(toks[k + 1] as Token).lemma}`);
    if (t.text === '!') f.add('!');
    if (t.text === '?') f.add('?');
    if (fd.shapes[k] === 'XX') f.add('allcaps');
    if (fd.inQuote[k]) quoted++;
    if (isContent(t)) maxRep = Math.max(maxRep, fd.lemmaCount.get(t.lemma) ?? 1);
    for (const c of fd.cues[k] as readonly string[]) cueCount.set(c, (cueCount.get(c) ?? 0) + 1);
  }
  for (const [c, m] of cueCount) {
    f.add(`cue=${c}`);
    if (m >= 2) f.add(`cue2=${c}`);
  }
  f.add(`maxrep=${bucket(maxRep, [1, 2, 3, 5, 8])}`);
  if (quoted > 0) f.add(quoted * 2 > n ? 'mostly-quoted' : 'has-quote');
  const first = toks[a];
  if (first && (fd.segments.sentences[first.sentence]?.block ?? 1) === 0) f.add('first-block');
  // The word clusters of the paragraph's words, last (the fast path adds them in a second pass).
  if (clusters) {
    for (let k = a; k < b; k++) {
      const t = toks[k] as Token;
      if (t.kind !== 'word') continue;
      const c = clusterOfWord(clusters, t.normal);
      if (c >= 0) f.add(`wc=${c}`);
    }
  }
  return [...f];
}
