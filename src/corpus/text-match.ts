/**
 * Light text matching used by watchlists, counter-narrative links and same-claim clusters: content-word
 * sets (lower-cased, stop words dropped, a crude suffix strip so "claims"/"claimed" meet) compared by
 * containment (how much of a short probe a sentence covers) or Jaccard. Language-agnostic apart from the
 * English stop-word list; other scripts still match on their words.
 */
import { letterLength, wordCharLength } from './word-chars.js';
import { wordRarity } from './word-rarity.js';

const STOP = new Set(
  `a an the and or but if then else of to in on at by for with from into onto over under about as is are was were be been being am
  do does did done have has had having it its this that these those there here their they them he she his her him we our us you your i me my
  not no nor so such than too very can could should would will shall may might must also just only own same other any each all both few more most
  some what which who whom whose when where why how again further once up down out off above below between through during before after while
  because until against among per via than said says say according`.split(/\s+/u),
);


function stem(w: string): string {
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
  if (w.length > 4 && w.endsWith('es')) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

/**
 * Content words of a text, in order (duplicates kept): the matches of /[\p{L}\p{N}]+(?:['’]\p{L}+)?/gu
 * (letters and digits, with an apostrophe and letters after them: "it's") cut at the apostrophe, minus
 * short and stop words, stemmed. A hand-written scan with the same result as that regex walk (tested
 * against it), because ingest runs this on every sentence of every document while a watch or ledger index
 * is non-empty and the regex walk with its match objects and a replace per word was most of that matching.
 */
export function contentWords(text: string): string[] {
  const out: string[] = [];
  const lower = text.toLowerCase();
  const n = lower.length;
  let i = 0;
  while (i < n) {
    // A position that starts no letter or digit is passed by one unit: the second half of a surrogate pair
    // starts none either, so the scan sees the same code points as the regex.
    let len = wordCharLength(lower, i);
    if (len === 0) {
      i++;
      continue;
    }
    const start = i;
    do {
      i += len;
      len = i < n ? wordCharLength(lower, i) : 0;
    } while (len > 0);
    const end = i;
    // An apostrophe followed by letters belongs to the word (and is cut off below with them).
    const a = i < n ? lower.charCodeAt(i) : 0;
    if ((a === 39 || a === 0x2019) && i + 1 < n && letterLength(lower, i + 1) > 0) {
      i += 1;
      let letter = letterLength(lower, i);
      while (letter > 0) {
        i += letter;
        letter = i < n ? letterLength(lower, i) : 0;
      }
    }
    if (end - start < 2) continue;
    const w = lower.slice(start, end);
    if (STOP.has(w)) continue;
    out.push(stem(w));
  }
  return out;
}

export function contentSet(text: string): Set<string> {
  return new Set(contentWords(text));
}

/**
 * Each content word's stem (the keys are `contentSet(text)`) with the word as first written, lower-cased:
 * the regex walk `contentWords` replaced, which is fast enough for the few texts that become probes.
 */
export function contentWordForms(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.toLowerCase().matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)) {
    const w = m[0].replace(/['’].*$/u, '');
    if (w.length < 2 || STOP.has(w)) continue;
    const s = stem(w);
    if (!out.has(s)) out.set(s, w);
  }
  return out;
}

/** Share of `probe` covered by `target`, in [0, 1]. */
export function containment(probe: ReadonlySet<string>, target: ReadonlySet<string>): number {
  if (probe.size === 0) return 0;
  let hit = 0;
  for (const w of probe) if (target.has(w)) hit++;
  return hit / probe.size;
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let inter = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const w of small) if (large.has(w)) inter++;
  return inter / (a.size + b.size - inter);
}

export interface SentenceSpan {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Sentence-sized pieces with offsets (punctuation or line breaks); cheap, for matching only. */
export function sentenceSpans(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  const re = /[^.!?\n]+(?:[.!?]+["”’)]*|\n|$)/gu;
  for (const m of text.matchAll(re)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const t = raw.trim();
    if (t.length < 8) continue;
    const start = (m.index ?? 0) + lead;
    out.push({ text: t, start, end: start + t.length });
  }
  return out;
}

/** A probe (watch entry, countered claim) matches a sentence that covers this much of its words and of their weight. */
export const MATCH_THRESHOLD = 0.75;
/** Probes with fewer content words are too vague to match on. */
export const MIN_PROBE_WORDS = 3;

export interface Probe<K> {
  readonly key: K;
  readonly words: ReadonlySet<string>;
  /** Each word's weight (word-rarity.ts) and their sum. */
  readonly weights: ReadonlyMap<string, number>;
  readonly total: number;
}

export interface ProbeHit<K> {
  readonly key: K;
  readonly sentence: SentenceSpan;
  readonly score: number;
}

/**
 * An inverted index of probes by content word: finds, for a document, every probe that some sentence
 * covers (best sentence per probe). Memory grows with the number of probes, not with the corpus.
 */
export class ProbeIndex<K> {
  private readonly byWord = new Map<string, Probe<K>[]>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  add(key: K, text: string): boolean {
    const forms = contentWordForms(text);
    const words = new Set(forms.keys());
    if (words.size < MIN_PROBE_WORDS) return false;
    const weights = new Map([...forms].map(([s, w]) => [s, wordRarity(w)]));
    let total = 0;
    for (const v of weights.values()) total += v;
    const probe = { key, words, weights, total };
    for (const w of words) {
      const list = this.byWord.get(w);
      if (list) list.push(probe);
      else this.byWord.set(w, [probe]);
    }
    this.count++;
    return true;
  }

  /** Probes matched in `text`, skipping sentences that overlap any of `exclude` ([start, end) ranges). */
  match(text: string, exclude: readonly (readonly [number, number])[] = [], threshold = MATCH_THRESHOLD): ProbeHit<K>[] {
    if (this.count === 0) return [];
    const best = new Map<Probe<K>, ProbeHit<K>>();
    for (const s of sentenceSpans(text)) {
      if (exclude.some(([a, b]) => s.start < b && a < s.end)) continue;
      // Only words of some probe can count (a probe's words are all in byWord): the rest are not kept.
      const words = new Set<string>();
      for (const w of contentWords(s.text)) if (this.byWord.has(w)) words.add(w);
      if (words.size === 0) continue;
      const seen = new Set<Probe<K>>();
      for (const w of words) {
        for (const p of this.byWord.get(w) ?? []) {
          if (seen.has(p)) continue;
          seen.add(p);
          // Both the share of the words and the share of their weight: a sentence that lacks the one telling
          // word ("coronavirus" of "Coronavirus is an American biological weapon") repeats another claim.
          const score = Math.min(containment(p.words, words), weightedContainment(p, words));
          if (score >= threshold && score > (best.get(p)?.score ?? 0)) best.set(p, { key: p.key, sentence: s, score });
        }
      }
    }
    return [...best.values()];
  }
}

/** Share of the probe's word weight that `target` covers. */
function weightedContainment<K>(probe: Probe<K>, target: ReadonlySet<string>): number {
  if (probe.total <= 0) return 0;
  let hit = 0;
  for (const [w, v] of probe.weights) if (target.has(w)) hit += v;
  return hit / probe.total;
}
