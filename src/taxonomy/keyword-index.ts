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

/** A trie over keyword stems: the entries whose keyword ends at this node, in taxonomy order. */
interface TrieNode {
  readonly next: Map<string, TrieNode>;
  readonly entries: Entry[];
}

export class KeywordIndex {
  /**
   * Keywords by their stems, word after word. A list per first stem, checked in full at every occurrence
   * of that stem, cost its length each time: a user taxonomy with 200,000 keywords starting with "the"
   * took 17 s for a 2,000-word document. The trie walks only as far as the text still matches.
   */
  private readonly root: TrieNode = { next: new Map(), entries: [] };

  constructor(taxonomy: Taxonomy) {
    for (const l of taxonomy.labels) {
      for (const keyword of effectiveKeywords(l.label, l.keywords)) {
        const stems = words(keyword).map((w) => w.stem);
        if (stems.length === 0) continue;
        let node = this.root;
        for (const stem of stems) {
          let child = node.next.get(stem);
          if (!child) node.next.set(stem, (child = { next: new Map(), entries: [] }));
          node = child;
        }
        node.entries.push({ label: l.label, keyword, stems });
      }
    }
  }

  /** All keyword hits in `text` (offsets relative to `text` plus `base`). */
  match(text: string, base = 0): KeywordHit[] {
    const stems = cachedStems(text);
    const ws = textWords(text);
    const hits: KeywordHit[] = [];
    const found: Entry[][] = [];
    for (let i = 0; i < stems.length; i++) {
      found.length = 0;
      let node = this.root.next.get(stems[i]!);
      for (let k = i + 1; node; k++) {
        if (node.entries.length) found.push(node.entries);
        if (k >= stems.length) break;
        node = node.next.get(stems[k]!);
      }
      // Longest keywords first, so that "western media" is reported rather than a shorter overlapping one;
      // one hit per label at a position.
      const taken = new Set<string>();
      for (let g = found.length - 1; g >= 0; g--) {
        for (const e of found[g]!) {
          if (taken.has(e.label)) continue;
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
