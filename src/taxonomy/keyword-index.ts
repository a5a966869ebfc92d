/**
 * Finds a taxonomy's keywords in text: each keyword becomes a sequence of lightly stemmed words, matched
 * on word boundaries (so "sanctions" matches "sanction", "neo-Nazi" matches "neo-nazi", and "state" does
 * not match inside "statement"). Built once per taxonomy; matching is a single pass over the words.
 */
import { isStopWord, stem, textWords, type TextWord } from '../models/narrative/terms.js';
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
  /**
   * Prefix words ("санкци*": any word that starts so), by the prefix's first PREFIX_KEY letters. Inflected
   * languages need them: "санкции", "санкций", "санкциями" are one keyword. Empty in most taxonomies.
   */
  readonly prefixes: Map<string, { readonly prefix: string; readonly node: TrieNode }[]>;
  /** The prefixes' first letters: most words of a text start with none of them and skip the look-up. */
  readonly prefixFirst: Set<number>;
  readonly entries: Entry[];
  /** Whether this node or one below it has prefix words; below one that has none, a match is a single path. */
  prefixBelow: boolean;
}

/** A keyword word ending in "*" matches as a prefix when it has at least this many letters or digits. */
export const MIN_PREFIX = 3;
const PREFIX_KEY = MIN_PREFIX;

function newNode(): TrieNode {
  return { next: new Map(), prefixes: new Map(), prefixFirst: new Set(), entries: [], prefixBelow: false };
}

/** The keyword's words, each as an exact stem or (written with a trailing "*") a lower-case prefix. */
function keywordSteps(keyword: string): { readonly key: string; readonly prefix: boolean }[] {
  return textWords(keyword).map((w) => {
    const prefix = keyword[w.end] === '*' && w.lower.length >= MIN_PREFIX;
    return { key: prefix ? foldYo(w.lower) : stem(w.lower), prefix };
  });
}

export class KeywordIndex {
  /**
   * Keywords by their stems, word after word. A list per first stem, checked in full at every occurrence
   * of that stem, cost its length each time: a user taxonomy with 200,000 keywords starting with "the"
   * took 17 s for a 2,000-word document. The trie walks only as far as the text still matches.
   */
  private readonly root: TrieNode = newNode();
  /** Whether any keyword has a prefix word; without one, matching keeps its single-path walk. */
  private hasPrefixes = false;

  constructor(taxonomy: Taxonomy) {
    for (const l of taxonomy.labels) {
      for (const keyword of effectiveKeywords(l.label, l.keywords)) {
        const steps = keywordSteps(keyword);
        if (steps.length === 0) continue;
        let node = this.root;
        for (const { key, prefix } of steps) {
          if (prefix) {
            this.hasPrefixes = true;
            const bucket = node.prefixes.get(key.slice(0, PREFIX_KEY)) ?? [];
            node.prefixes.set(key.slice(0, PREFIX_KEY), bucket);
            node.prefixFirst.add(key.charCodeAt(0));
            let step = bucket.find((b) => b.prefix === key);
            if (!step) bucket.push((step = { prefix: key, node: newNode() }));
            node = step.node;
            continue;
          }
          let child = node.next.get(key);
          if (!child) node.next.set(key, (child = newNode()));
          node = child;
        }
        node.entries.push({ label: l.label, keyword, stems: steps.map((st) => st.key) });
      }
    }
    markPrefixBelow(this.root);
  }

  /** All keyword hits in `text` (offsets relative to `text` plus `base`). */
  match(text: string, base = 0): KeywordHit[] {
    const stems = cachedStems(text);
    const ws = textWords(text);
    const hits: KeywordHit[] = [];
    const found: Entry[][] = [];
    for (let i = 0; i < stems.length; i++) {
      found.length = 0;
      if (this.hasPrefixes) this.walk(this.root, i, stems, ws, found);
      else {
        let node = this.root.next.get(stems[i]!);
        for (let k = i + 1; node; k++) {
          if (node.entries.length) found.push(node.entries);
          if (k >= stems.length) break;
          node = node.next.get(stems[k]!);
        }
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

  /**
   * The entries of every keyword that matches the words from `k` on, shortest first (as the single-path walk
   * gives them), following both the exact stem and any prefix that the word starts with.
   */
  private walk(node: TrieNode, k: number, stems: readonly string[], ws: readonly TextWord[], found: Entry[][]): void {
    if (k >= stems.length) return;
    const exact = node.next.get(stems[k]!);
    if (exact?.prefixBelow) this.step(exact, k, stems, ws, found);
    else if (exact) {
      // No prefix word further down: follow the one path, as a taxonomy without prefixes does.
      for (let n: TrieNode | undefined = exact, j = k + 1; n; j++) {
        if (n.entries.length) insertByLength(found, n.entries);
        if (j >= stems.length) break;
        n = n.next.get(stems[j]!);
      }
    }
    if (node.prefixes.size === 0) return;
    const first = ws[k]!.lower.charCodeAt(0);
    if (!node.prefixFirst.has(first === YO ? YE : first)) return;
    const lower = foldYo(ws[k]!.lower);
    const bucket = node.prefixes.get(lower.slice(0, PREFIX_KEY));
    if (bucket) for (const p of bucket) if (lower.startsWith(p.prefix)) this.step(p.node, k, stems, ws, found);
  }

  /** Keeps `found` ordered by keyword length: entries ending at word `k` go before those of longer keywords. */
  private step(next: TrieNode, k: number, stems: readonly string[], ws: readonly TextWord[], found: Entry[][]): void {
    if (next.entries.length) insertByLength(found, next.entries);
    this.walk(next, k + 1, stems, ws, found);
  }
}

function markPrefixBelow(node: TrieNode): boolean {
  let below = node.prefixes.size > 0;
  for (const child of node.next.values()) below = markPrefixBelow(child) || below;
  for (const bucket of node.prefixes.values()) for (const p of bucket) markPrefixBelow(p.node);
  node.prefixBelow = below;
  return below;
}

/** Russian writes "ё" or "е" for the same letter ("осаждённой", "осажденной"); prefix keywords match both. */
const YO = 0x451;
const YE = 0x435;
function foldYo(word: string): string {
  return word.includes('ё') ? word.replaceAll('ё', 'е') : word;
}

/** Inserts a group of entries after the groups of keywords no longer than its own. */
function insertByLength(found: Entry[][], entries: Entry[]): void {
  const length = entries[0]!.stems.length;
  let at = found.length;
  while (at > 0 && found[at - 1]![0]!.stems.length > length) at--;
  found.splice(at, 0, entries);
}

/** A label without keywords is matched by the content words of its own name ("Energy blackmail"). */
export function effectiveKeywords(label: string, keywords: readonly string[]): readonly string[] {
  if (keywords.length) return keywords;
  const name = label.split(': ').pop() ?? label;
  return [...new Set((name.toLowerCase().match(WORD) ?? []).filter((w) => w.length > 3 && !isStopWord(w)))];
}
