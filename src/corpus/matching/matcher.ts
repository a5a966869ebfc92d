import type { WordVectors } from '../../models/vectors/word-vectors.js';
import { Bm25Index } from './bm25.js';
import { docUnion, pairFeatures, queryContext, type DocUnion } from './features.js';
import { highlightMatches, type Highlight } from './highlight.js';
import { prepareText, type PreparedText } from './prepared-text.js';
import { matchStrength, type MatchStrength } from './match-strength.js';
import { rerankScore, type RerankerModel } from './reranker.js';
import { SentenceVectors } from './sentence-vectors.js';
import { TagSegmenter } from './tag-segmenter.js';
import { maskUrls, type MatchToken, type TagSplitter } from './tokenize.js';
import { TrigramTable } from './trigrams.js';
import { TermMarks } from './term-marks.js';
import { splitTweetAttribution } from './tweet-attribution.js';

/**
 * Finds earlier fact-checks for a claim. Two stages: BM25 over claim + title picks candidates (cheap,
 * high recall), then a learned linear re-ranker orders them with features BM25 cannot see (coverage of
 * the fact-check by the query, names and numbers, word order, word-vector similarity). See
 * docs/matching.md for the method and its measured quality.
 */
export interface MatchableFactCheck {
  readonly id: string;
  /** The claim that was checked. */
  readonly claim: string;
  /** The fact-check's headline, when there is one. */
  readonly title?: string | null;
}

export interface MatcherOptions {
  /** Word vectors for the semantic features; null disables them (their features read 0). */
  readonly vectors?: WordVectors | null;
  /** The re-ranker; null ranks by BM25 alone. */
  readonly model?: RerankerModel | null;
  /** How many BM25 candidates the re-ranker sees (default 30). */
  readonly candidates?: number;
}

export interface MatchHit<T extends MatchableFactCheck> {
  readonly factCheck: T;
  /** 1-based. */
  readonly rank: number;
  /** The ranking score (re-ranker score, or BM25 when there is no model). Comparable within one query only. */
  readonly score: number;
  readonly bm25: number;
  /** How strongly it looks like the same claim (match-strength.ts); null when ranked by BM25 alone. */
  readonly strength: MatchStrength | null;
  /** Matched words and phrases in the fact-check's claim and title, and in the query. */
  readonly highlights: {
    readonly claim: readonly Highlight[];
    readonly title: readonly Highlight[];
    readonly query: readonly Highlight[];
  };
}

export interface MatchOptions {
  /** Number of results: a whole number of at least 1 (default 10); anything else is a RangeError. */
  readonly k?: number;
  /** Skip highlights (faster, for benchmarks and run files). */
  readonly highlights?: boolean;
  /** Rank by BM25 only, ignoring the re-ranker (the baseline). */
  readonly bm25Only?: boolean;
}

export class FactCheckMatcher<T extends MatchableFactCheck = MatchableFactCheck> {
  readonly entries: readonly T[];
  readonly vectors: WordVectors | null;
  readonly model: RerankerModel | null;
  readonly candidates: number;
  private readonly all: Bm25Index;
  private readonly claimIndex: Bm25Index;
  private readonly titleIndex: Bm25Index;
  private readonly claims: PreparedText[];
  private readonly titles: PreparedText[];
  private readonly unions: DocUnion[];
  private readonly trigrams = new TrigramTable();
  private readonly termMarks = new TermMarks();
  /** Splits a query's run-together hashtags into the library's words. */
  private readonly splitTag: TagSplitter;
  private readonly idf: (term: string) => number;
  /** SIF sentence vectors weighted by the library's word frequencies; null without word vectors. */
  private readonly sentences: SentenceVectors | null;

  constructor(entries: readonly T[], options: MatcherOptions = {}) {
    checkEntries(entries);
    this.entries = entries;
    this.vectors = options.vectors ?? null;
    this.model = options.model ?? null;
    this.candidates = Math.max(1, options.candidates ?? 30);
    // Terms first (idf is not known yet), then the indexes, then the sentence vectors (library word
    // frequencies) and the prepared texts with idf.
    const noIdf = (): number => 1;
    const rawClaims = entries.map((e) => prepareText(e.claim, noIdf, null));
    const rawTitles = entries.map((e) => prepareText(e.title ?? '', noIdf, null));
    this.all = new Bm25Index(rawClaims.map((c, i) => [...c.terms, ...rawTitles[i]!.terms]));
    this.claimIndex = new Bm25Index(rawClaims.map((c) => c.terms));
    this.titleIndex = new Bm25Index(rawTitles.map((c) => c.terms));
    this.idf = (t) => this.all.idf(t);
    const segmenter = new TagSegmenter(entries.map((e) => `${e.claim} ${e.title ?? ''}`));
    this.splitTag = (part) => segmenter.split(part);
    this.sentences = this.vectors
      ? new SentenceVectors(
          this.vectors,
          rawClaims.map((c, i) => [...c.tokens, ...rawTitles[i]!.tokens]),
        )
      : null;
    this.claims = entries.map((e) => prepareText(e.claim, this.idf, this.sentences));
    this.titles = entries.map((e) => prepareText(e.title ?? '', this.idf, this.sentences));
    this.unions = this.claims.map((c, i) =>
      docUnion(
        c,
        this.titles[i]!,
        this.idf,
        this.trigrams.index(`${entries[i]!.claim} ${entries[i]!.title ?? ''}`),
        (terms) => this.termMarks.intern(terms),
      ),
    );
  }

  get size(): number {
    return this.entries.length;
  }

  /** Whether the fact-check at `index` has a word to be found by (not only stop words, links, punctuation). */
  hasTerms(index: number): boolean {
    return (this.claims[index]?.terms.length ?? 0) + (this.titles[index]?.terms.length ?? 0) > 0;
  }

  /** Feature vectors of the BM25 candidates of a query (for training and inspection). */
  candidateFeatures(text: string): { doc: number; bm25: number; features: Float64Array }[] {
    const q = prepareText(text, this.idf, null, this.splitTag);
    return this.scoreCandidates(text, q).map((c) => ({ doc: c.doc, bm25: c.bm25, features: c.features }));
  }

  match(text: string, options: MatchOptions = {}): MatchHit<T>[] {
    // A k that is no count (0, -3, 2.5, NaN) was read quietly: 0 gave one result, NaN none at all.
    if (options.k !== undefined && !(Number.isInteger(options.k) && options.k >= 1))
      throw new RangeError(`k must be a whole number of at least 1, got ${String(options.k)}`);
    // A library caller in JavaScript (a parsed JSON body) could pass null or a number: it failed deep in the
    // tokeniser with "text.replace is not a function".
    if (typeof text !== 'string') throw new TypeError(`the text to match must be a string, got ${describe(text)}`);
    const k = options.k ?? 10;
    const useModel = !!this.model && !options.bm25Only;
    // No sentence vector here: scoreCandidates embeds the tweet's body alone.
    const q = prepareText(text, this.idf, null, this.splitTag);
    let ranked: { doc: number; bm25: number; score: number }[];
    if (useModel) {
      // At least k candidates: re-ranking only the candidate pool returned no more than the pool for --top 100.
      // For k within the pool (every default) the candidates and their features are the same.
      const scored = this.scoreCandidates(text, q, Math.max(this.candidates, k)).map((c) => ({
        doc: c.doc,
        bm25: c.bm25,
        score: rerankScore(this.model!, c.features),
      }));
      scored.sort((a, b) => b.score - a.score || a.doc - b.doc);
      ranked = scored;
    } else {
      ranked = this.all.search(q.terms, k).map((s) => ({ doc: s.doc, bm25: s.score, score: s.score }));
    }
    const withHighlights = options.highlights !== false;
    return ranked.slice(0, k).map((r, i) => {
      const entry = this.entries[r.doc]!;
      const shared = new Set<string>();
      if (withHighlights) {
        const docTerms = this.unions[r.doc]!.unique;
        for (const t of q.unique) if (docTerms.has(t)) shared.add(t);
      }
      return {
        factCheck: entry,
        rank: i + 1,
        score: r.score,
        bm25: r.bm25,
        strength: useModel && this.model!.strength ? matchStrength(r.score, this.model!.strength) : null,
        highlights: withHighlights
          ? {
              claim: highlightMatches(entry.claim, shared),
              title: highlightMatches(entry.title ?? '', shared),
              query: highlightMatches(text, shared),
            }
          : { claim: [], title: [], query: [] },
      };
    });
  }

  private scoreCandidates(
    text: string,
    q: PreparedText,
    pool = this.candidates,
  ): { doc: number; bm25: number; features: Float64Array }[] {
    const hits = this.all.search(q.terms, pool);
    const max = hits[0]?.score ?? 0;
    const docs = hits.map((h) => h.doc);
    // Which distinct terms occur in the tweet's body and which in its attribution (a term may be in both).
    const parts = splitTweetAttribution(text);
    const inBody = new Set<string>();
    const inAttribution = new Set<string>();
    const bodyTokens: MatchToken[] = [];
    for (const t of q.tokens) {
      const attributed = parts.spans.some(([s, e]) => t.start >= s && t.start < e);
      (attributed ? inAttribution : inBody).add(t.term);
      if (!attributed) bodyTokens.push(t);
    }
    const terms = q.uniqueTerms;
    const bodyTerm = terms.map((t) => inBody.has(t));
    const attributionTerm = terms.map((t) => inAttribution.has(t));
    const impacts = this.all.termImpacts(terms, docs);
    const claimScores = this.claimIndex.scoreDocs(terms, docs);
    const titleScores = this.titleIndex.scoreDocs(terms, docs);
    // The sentence vector describes what the tweet says: its body, without the author's name and the date
    // (they have their own BM25 feature). Measured against the whole tweet: train CV MAP@5 0.8906 → 0.8911,
    // dev 0.8629 → 0.8690.
    const withVector = { ...q, vector: this.sentences ? this.sentences.embed(bodyTokens) : null };
    const ctx = queryContext(
      withVector,
      this.trigrams.query(maskUrls(parts.body)),
      this.trigrams,
      this.termMarks.mark(q.uniqueTerms),
    );
    return hits.map((h, rank) => {
      let bm25Body = 0;
      let bm25Attribution = 0;
      for (let t = 0; t < terms.length; t++) {
        const impact = impacts[t * docs.length + rank]!;
        if (bodyTerm[t]) bm25Body += impact;
        if (attributionTerm[t]) bm25Attribution += impact;
      }
      return {
        doc: h.doc,
        bm25: h.score,
        features: pairFeatures(ctx, this.claims[h.doc]!, this.titles[h.doc]!, this.unions[h.doc]!, {
          bm25: h.score,
          bm25Max: max,
          bm25Claim: claimScores[rank]!,
          bm25Title: titleScores[rank]!,
          rank,
          bm25Body,
          bm25Attribution,
        }),
      };
    });
  }
}

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}

/**
 * Library entries are typed, but a JavaScript caller's (rows of a parsed file, a JSON body) can hold a null
 * or numeric claim, which failed deep in the tokeniser ("Cannot read properties of null (reading
 * 'replace')") without naming the entry. Each bad entry is named by its position and id.
 */
function checkEntries(entries: readonly MatchableFactCheck[]): void {
  if (!Array.isArray(entries)) throw new TypeError(`the fact-checks must be an array, got ${describe(entries)}`);
  entries.forEach((e: unknown, i) => {
    const where = () => `fact-check ${i}${e !== null && typeof e === 'object' && 'id' in e ? ` (id ${JSON.stringify((e as { id: unknown }).id)})` : ''}`;
    if (e === null || typeof e !== 'object') throw new TypeError(`${where()} must be an object with a claim, got ${describe(e)}`);
    const { claim, title } = e as { claim?: unknown; title?: unknown };
    if (typeof claim !== 'string') throw new TypeError(`${where()}: claim must be a string, got ${describe(claim)}`);
    if (title !== undefined && title !== null && typeof title !== 'string') throw new TypeError(`${where()}: title must be a string or null, got ${describe(title)}`);
  });
}
