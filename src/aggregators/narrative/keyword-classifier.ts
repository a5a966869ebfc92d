/**
 * Classifies a document against a taxonomy that has no trained model (the built-in `infowar` taxonomy and
 * user taxonomies) from keyword evidence: every distinct keyword found adds to a label's score (multi-word
 * keywords more than single words, repeats a little), first per paragraph, then for the document. Fine
 * labels lend their evidence to their parent, so a fine label never appears without its coarse label.
 * Nothing above the threshold → the taxonomy answers `Other`.
 */
import type { NarrativeLabel, NarrativeSupport } from '../../core/result/types.js';
import type { Block, Sentence } from '../../core/segment/types.js';
import { isStopWord } from '../../models/narrative/terms.js';
import type { Taxonomy } from '../../taxonomy/types.js';
import type { KeywordHit, KeywordIndex } from '../../taxonomy/keyword-index.js';

export interface KeywordScoring {
  /** Evidence weight of one multi-word keyword and of one single-word keyword (each in (0, 1)). */
  readonly multiWord: number;
  readonly singleWord: number;
  /** Minimum document score for a label. */
  readonly threshold: number;
  /**
   * A claim-length text (at most `words` words) needs only this score: one multi-word keyword, or two
   * single words, in a one-line claim is as much evidence as several across an article.
   */
  readonly shortText: { readonly words: number; readonly threshold: number };
  /** Minimum score of a fine label whose parent is already chosen. */
  readonly fineThreshold: number;
  /** Most support sentences reported per label. */
  readonly maxSupport: number;
}

export const DEFAULT_KEYWORD_SCORING: KeywordScoring = {
  multiWord: 0.45,
  singleWord: 0.3,
  threshold: 0.65,
  shortText: { words: 50, threshold: 0.45 },
  fineThreshold: 0.45,
  maxSupport: 5,
};

export interface TextLayout {
  readonly text: string;
  readonly blocks: readonly Block[];
  readonly sentences: readonly Sentence[];
}

/** 1 − Π(1 − w)^r over distinct keywords: independent pieces of evidence, repeats counting up to twice. */
export function evidenceScore(hits: readonly KeywordHit[], s: KeywordScoring): number {
  const counts = new Map<string, { words: number; n: number }>();
  for (const h of hits) {
    const c = counts.get(h.keyword) ?? { words: h.words, n: 0 };
    c.n++;
    counts.set(h.keyword, c);
  }
  let miss = 1;
  for (const c of counts.values())
    miss *= (1 - (c.words > 1 ? s.multiWord : s.singleWord)) ** Math.min(2, 1 + Math.log(c.n));
  return round(1 - miss);
}

export function classifyByKeywords(
  taxonomy: Taxonomy,
  index: KeywordIndex,
  layout: TextLayout,
  s: KeywordScoring = DEFAULT_KEYWORD_SCORING,
): NarrativeLabel[] {
  const allHits = index.match(layout.text);
  const byLabel = new Map<string, KeywordHit[]>();
  const parentOf = new Map(taxonomy.labels.map((l) => [l.label, l.parent]));
  for (const h of allHits) {
    for (const label of [h.label, parentOf.get(h.label)]) {
      if (!label) continue;
      const list = byLabel.get(label) ?? [];
      list.push(h);
      byLabel.set(label, list);
    }
  }
  const out: NarrativeLabel[] = [];
  const scores = new Map(taxonomy.labels.map((l) => [l.label, evidenceScore(byLabel.get(l.label) ?? [], s)]));
  // Measured on EUvsDisinfo's 10,892 one-line claims against their own theme tags (docs/narratives.md): at
  // the article threshold 28 got any label; at one multi-word keyword, 1,030.
  const threshold = allHits.length && wordCount(layout.text, s.shortText.words) <= s.shortText.words ? Math.min(s.threshold, s.shortText.threshold) : s.threshold;
  // A coarse label's evidence includes its children's, so a confident fine label always brings its parent;
  // under a chosen parent, a fine label needs less evidence of its own.
  const chosen = new Set(
    taxonomy.labels
      .filter((l) => l.level === 'coarse' && (scores.get(l.label) ?? 0) >= threshold)
      .map((l) => l.label),
  );
  for (const l of taxonomy.labels) {
    if (l.level !== 'fine' || !l.parent) continue;
    const score = scores.get(l.label) ?? 0;
    if (score >= threshold || (chosen.has(l.parent) && score >= s.fineThreshold)) chosen.add(l.label);
  }
  for (const l of taxonomy.labels) {
    if (!chosen.has(l.label)) continue;
    const hits = byLabel.get(l.label) ?? [];
    const { paragraphs, support } = supportFor(hits, layout, s);
    out.push({
      taxonomy: taxonomy.id,
      label: l.label,
      level: l.level,
      score: scores.get(l.label) ?? 0,
      paragraphs,
      support,
    });
  }
  out.sort((a, b) => b.score - a.score || (a.label < b.label ? -1 : 1));
  return out;
}

function supportFor(
  hits: readonly KeywordHit[],
  layout: TextLayout,
  s: KeywordScoring,
): { paragraphs: number[]; support: NarrativeSupport[] } {
  const byBlock = new Map<number, KeywordHit[]>();
  for (const h of hits) {
    const b = blockAt(layout.blocks, h.start);
    if (b < 0) continue;
    byBlock.set(b, [...(byBlock.get(b) ?? []), h]);
  }
  const paragraphs = [...byBlock.keys()].sort((a, b) => a - b);
  const bySentence = new Map<number, KeywordHit[]>();
  for (const h of hits) {
    const i = spanIndexAt(layout.sentences, h.start);
    if (i >= 0) bySentence.set(i, [...(bySentence.get(i) ?? []), h]);
  }
  const support = [...bySentence]
    .map(([i, hs]) => {
      const sentence = layout.sentences[i]!;
      return {
        span: {
          text: layout.text.slice(sentence.start, sentence.end),
          start: sentence.start,
          end: sentence.end,
        },
        score: evidenceScore(hs, s),
        cues: [...new Set(hs.map((h) => cueText(layout.text, h.start, h.end)))],
      };
    })
    .sort((a, b) => b.score - a.score || a.span.start - b.span.start)
    .slice(0, s.maxSupport)
    .sort((a, b) => a.span.start - b.span.start);
  return { paragraphs, support };
}

/**
 * The keyword as written, widened to the capitalised modifiers right before it, so that the cue names what
 * the narrative is about: "mainstream media" in "the US-led Western Mainstream Media's" gives
 * "US-led Western Mainstream Media". A trailing possessive is dropped.
 */
export function cueText(text: string, start: number, end: number): string {
  let s = start;
  for (let i = 0; i < 4; i++) {
    const before = /(?:^|[\s(“"])((?:\p{Lu}[\p{L}\p{N}]*)(?:-[\p{L}\p{N}]+)*)[ -]$/u.exec(
      text.slice(Math.max(0, s - 40), s),
    );
    // Stop at capitalised function words ("The", "Our"): they start sentences, not names.
    if (!before?.[1] || isStopWord(before[1].toLowerCase())) break;
    s -= before[1].length + 1;
  }
  return text.slice(s, end).replace(/['’]s$/u, '');
}

export function blockAt(blocks: readonly Block[], offset: number): number {
  const i = spanIndexAt(blocks, offset);
  return i < 0 ? -1 : blocks[i]!.index;
}

/** Index of the span (sorted, non-overlapping) that contains `offset`, or -1: binary search, for long texts. */
export function spanIndexAt(spans: readonly { start: number; end: number }[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Words of `text` (runs of non-space), counted no further than `limit + 1`: only "at most limit" is asked. */
function wordCount(text: string, limit: number): number {
  let n = 0;
  for (const _ of text.matchAll(/\S+/gu)) if (++n > limit) break;
  return n;
}
