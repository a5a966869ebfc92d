/**
 * Finds a taxonomy's keywords in text: each keyword becomes a sequence of lightly stemmed words, matched
 * on word boundaries (so "sanctions" matches "sanction", "neo-Nazi" matches "neo-nazi", and "state" does
 * not match inside "statement"). Built once per taxonomy; matching is a single pass over the words.
 */
import { isStopWord, stem, textWords } from '../models/narrative/terms.js';
import type { Taxonomy } from './types.js';

export interface KeywordHit {
  /** Label the keyword belongs to. */
  readonly label: string;
  readonly keyword: string;
  /** Multi-word keywords are more specific and weigh more. */
  readonly words: number;
  readonly start: number;
  readonly end: number;
}

interface Entry {
  readonly label: string;
  readonly keyword: string;
  readonly stems: readonly string[];
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

interface Word {
  readonly stem: string;
  readonly start: number;
  readonly end: number;
}

export function words(text: string, base = 0): Word[] {
  return textWords(text).map((w) => ({ stem: stem(w.lower), start: base + w.start, end: base + w.end }));
}

/**
 * The stems of the words of the last text asked for, parallel to `textWords(text)` (the aggregators match
 * several taxonomies against one document). Only the stems are kept: a word object per word was garbage.
 */
let last: { text: string; stems: readonly string[] } | undefined;

function cachedStems(text: string): readonly string[] {
  if (last?.text !== text) last = { text, stems: textWords(text).map((w) => stem(w.lower)) };
  return last.stems;
}

export class KeywordIndex {
  private readonly byFirst = new Map<string, Entry[]>();

  constructor(taxonomy: Taxonomy) {
    for (const l of taxonomy.labels) {
      for (const keyword of effectiveKeywords(l.label, l.keywords)) {
        const stems = words(keyword).map((w) => w.stem);
        const first = stems[0];
        if (!first) continue;
        const list = this.byFirst.get(first) ?? [];
        list.push({ label: l.label, keyword, stems });
        this.byFirst.set(first, list);
      }
    }
    // Longest keywords first, so that "western media" is reported rather than a shorter overlapping one.
    for (const list of this.byFirst.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  }

  /** All keyword hits in `text` (offsets relative to `text` plus `base`). */
  match(text: string, base = 0): KeywordHit[] {
    const stems = cachedStems(text);
    const ws = textWords(text);
    const hits: KeywordHit[] = [];
    for (let i = 0; i < stems.length; i++) {
      const candidates = this.byFirst.get(stems[i]!);
      if (!candidates) continue;
      const taken = new Set<string>();
      for (const e of candidates) {
        if (taken.has(e.label) || i + e.stems.length > stems.length) continue;
        if (!e.stems.every((s, k) => stems[i + k] === s)) continue;
        taken.add(e.label);
        hits.push({
          label: e.label,
          keyword: e.keyword,
          words: e.stems.length,
          start: base + ws[i]!.start,
          end: base + ws[i + e.stems.length - 1]!.end,
        });
      }
    }
    return hits;
  }
}

/** A label without keywords is matched by the content words of its own name ("Energy blackmail"). */
export function effectiveKeywords(label: string, keywords: readonly string[]): readonly string[] {
  if (keywords.length) return keywords;
  const name = label.split(': ').pop() ?? label;
  return [...new Set((name.toLowerCase().match(WORD) ?? []).filter((w) => w.length > 3 && !isStopWord(w)))];
}
