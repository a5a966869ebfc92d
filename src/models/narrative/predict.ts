/**
 * The document-level decision of the SemEval-style model, shared by the aggregator, `predict narratives`
 * and the cross-validation in bench/: first "does the text carry a narrative at all" (else `Other`), then
 * the domain (URW or CC), then coarse labels of that domain (the best one, plus any above the threshold),
 * then fine labels under each chosen coarse label (or its `: Other` child when none is confident).
 * Fine implies coarse and every label stays inside one domain: the hierarchy is consistent by construction.
 */
import { KeywordIndex } from '../../taxonomy/keyword-index.js';
import type { Taxonomy, TaxonomyLabel } from '../../taxonomy/types.js';
import { LabelEmbeddings, textEmbedding } from './embedding.js';
import {
  denseGateProbability,
  DOMAIN_CC_HEAD,
  NARRATIVE_HEAD,
  packVector,
  sigmoid,
  type NarrativeModel,
  type NarrativeThresholds,
  type SparseVector,
} from './model.js';

export interface ScoredLabel {
  readonly label: string;
  readonly score: number;
}

export interface NarrativePrediction {
  /** P(the text carries a narrative of the taxonomy). */
  readonly narrativeScore: number;
  readonly hasNarrative: boolean;
  readonly domain: string | null;
  /** Chosen labels, best first; empty when `hasNarrative` is false. */
  readonly coarse: readonly ScoredLabel[];
  readonly fine: readonly ScoredLabel[];
}

/** Domain prefix of a SemEval label (`URW`, `CC`). */
export function domainOf(label: string): string {
  return label.split(':', 1)[0] ?? '';
}

/** Precomputed taxonomy profiles (TF-IDF of description + keywords + examples) for the keyword prior. */
export class LabelProfiles {
  /** Each label's profile as a dense array over the model's vocabulary (small: a few thousand terms). */
  private readonly profiles = new Map<string, Float64Array>();
  readonly keywords: KeywordIndex;
  constructor(
    readonly model: NarrativeModel,
    readonly taxonomy: Taxonomy,
  ) {
    const size = model.data.vocabulary.length;
    for (const l of taxonomy.labels) {
      const dense = new Float64Array(size);
      for (const [i, v] of model.vectorize(profileText(l))) dense[i] = v;
      this.profiles.set(l.label, dense);
    }
    this.keywords = new KeywordIndex(taxonomy);
  }

  /** Dense gate features of a text for a domain: [keyword hits per 100 words, best coarse-profile similarity]. */
  denseFeatures(text: string, x: SparseVector, domain: string): number[] {
    const words = (text.match(/\S+/gu) ?? []).length || 1;
    const hits = this.keywords.match(text).filter((h) => domainOf(h.label) === domain).length;
    const coarse = structureOf(this.taxonomy).coarseByDomain.get(domain) ?? [];
    const sim = coarse.reduce((m, l) => Math.max(m, this.similarity(l.label, x)), 0);
    return [Math.min(10, (100 * hits) / words), sim];
  }
  private embeddings: LabelEmbeddings | undefined;
  /** Centred word-vector similarity of `text` to every label (loads the word vectors on first use). */
  embeddingSimilarities(text: string): ReadonlyMap<string, number> {
    this.embeddings ??= new LabelEmbeddings(this.taxonomy, profileText);
    return this.embeddings.similarities(textEmbedding(text));
  }
  similarity(label: string, x: SparseVector): number {
    const p = this.profiles.get(label);
    if (!p) return 0;
    let s = 0;
    // The same sum, in the same order, as over a sparse profile: a term outside it adds v * 0.
    const { index, value } = packVector(x);
    for (let k = 0; k < index.length; k++) s += (value[k] as number) * (p[index[k] as number] ?? 0);
    return s;
  }
}

export function profileText(l: TaxonomyLabel): string {
  // The label's own words count too: "Western media is an instrument of propaganda" is a good cue.
  const name = l.label.split(': ').slice(1).join(' ');
  return [name, l.description, l.keywords.join('. '), l.examples.join(' ')].join('\n');
}

/** What the decision needs about one text: the head scores, precomputed or computed lazily. */
export interface NarrativeScorer {
  readonly empty: boolean;
  narrative(): number;
  domainCC(): number;
  logit(label: string): number;
  similarity(label: string): number;
  /** Neighbour vote for the label within the domain (0 when the model has no exemplars). */
  knn(label: string, domain: string): number;
  /** Dense gate probability for the domain (0.5 when the model has none). */
  dense(domain: string): number;
  /** Centred word-vector similarity to the label (embedding.ts). */
  embedding(label: string): number;
}

export function scorerFor(
  model: NarrativeModel,
  profiles: LabelProfiles,
  x: SparseVector,
  text: string,
): NarrativeScorer {
  const cache = new Map<string, ReadonlyMap<string, number>>();
  let embedded: ReadonlyMap<string, number> | undefined;
  return {
    empty: x.size === 0,
    narrative: () => model.probability(NARRATIVE_HEAD, x),
    domainCC: () => model.probability(DOMAIN_CC_HEAD, x),
    logit: (label) => model.logit(label, x),
    similarity: (label) => profiles.similarity(label, x),
    knn: (label, domain) => {
      let votes = cache.get(domain);
      if (!votes) {
        votes = model.neighbourVotes(x, domain);
        cache.set(domain, votes);
      }
      return votes.get(label) ?? 0;
    },
    dense: (domain) => {
      const head = model.data.denseGate?.[domain];
      return head ? denseGateProbability(head, profiles.denseFeatures(text, x, domain)) : 0.5;
    },
    embedding: (label) => (embedded ??= profiles.embeddingSimilarities(text)).get(label) ?? 0,
  };
}

export function predictNarratives(
  model: NarrativeModel,
  profiles: LabelProfiles,
  text: string,
): NarrativePrediction {
  return decideNarratives(
    scorerFor(model, profiles, model.vectorize(text), text),
    profiles.taxonomy,
    model.data.thresholds,
  );
}

export function decideNarratives(
  s: NarrativeScorer,
  taxonomy: Taxonomy,
  t: NarrativeThresholds,
): NarrativePrediction {
  const domain = s.domainCC() >= 0.5 ? 'CC' : 'URW';
  const ranked = rankedLabels(s, taxonomy, t, domain);
  const coarseScored = ranked.coarse;
  const mix = t.gateMix ?? 0;
  const dense = t.gateDense ?? 0;
  const narrativeScore =
    Math.max(0, 1 - mix - dense) * s.narrative() +
    mix * (coarseScored[0]?.score ?? 0) +
    (dense ? dense * s.dense(domain) : 0);
  const gate = t.narrativeByDomain?.[domain] ?? t.narrative;
  if (narrativeScore < gate || s.empty)
    return { narrativeScore, hasNarrative: false, domain, coarse: [], fine: [] };
  const coarse = coarseScored
    .filter((c, i) => i === 0 || c.score >= t.coarse)
    .slice(0, t.maxCoarse ?? coarseScored.length);
  const fine: ScoredLabel[] = [];
  for (const c of coarse) {
    const scored = ranked.children(c.label).filter((f) => f.score >= t.fine);
    if (scored.length) fine.push(...scored.slice(0, t.maxFine ?? scored.length));
    else fine.push({ label: `${c.label}: Other`, score: c.score });
  }
  return { narrativeScore, hasNarrative: true, domain, coarse, fine };
}

interface Ranked {
  /** Coarse labels of the domain, best first. */
  readonly coarse: readonly ScoredLabel[];
  /** Fine labels under a coarse label, best first. */
  children(parent: string): readonly ScoredLabel[];
}

/**
 * Label scores of one text for one setting of the score parameters (prior, neighbour and word-vector
 * weights), kept with the scorer: the threshold search of training and evaluation decides many gate and
 * label thresholds over the same scores (about 10× fewer score computations there; one decision per text
 * in the product).
 */
const rankings = new WeakMap<NarrativeScorer, Map<string, Ranked>>();

function rankedLabels(s: NarrativeScorer, taxonomy: Taxonomy, t: NarrativeThresholds, domain: string): Ranked {
  const embed = t.embed ?? 0;
  const knn = t.knn ?? 0;
  const key = `${taxonomy.id}|${domain}|${t.prior}|${knn}|${embed}`;
  let byKey = rankings.get(s);
  if (!byKey) rankings.set(s, (byKey = new Map()));
  const hit = byKey.get(key);
  if (hit) return hit;
  const score = (label: string): number => sigmoid(s.logit(label) + t.prior * s.similarity(label) + knn * s.knn(label, domain) + (embed ? embed * s.embedding(label) : 0));
  const rank = (labels: readonly TaxonomyLabel[]): ScoredLabel[] =>
    labels.map((l) => ({ label: l.label, score: score(l.label) })).sort((a, b) => b.score - a.score || (a.label < b.label ? -1 : 1));
  const structure = structureOf(taxonomy);
  const children = new Map<string, readonly ScoredLabel[]>();
  const ranked: Ranked = {
    coarse: rank(structure.coarseByDomain.get(domain) ?? []),
    children: (parent) => {
      let c = children.get(parent);
      if (!c) children.set(parent, (c = rank(structure.children.get(parent) ?? [])));
      return c;
    },
  };
  byKey.set(key, ranked);
  return ranked;
}

interface Structure {
  readonly coarseByDomain: ReadonlyMap<string, readonly TaxonomyLabel[]>;
  /** Fine labels with a head of their own (not the `: Other` catch-alls), per coarse label. */
  readonly children: ReadonlyMap<string, readonly TaxonomyLabel[]>;
}

const structures = new WeakMap<Taxonomy, Structure>();

function structureOf(taxonomy: Taxonomy): Structure {
  let s = structures.get(taxonomy);
  if (!s) {
    const coarseByDomain = new Map<string, TaxonomyLabel[]>();
    const children = new Map<string, TaxonomyLabel[]>();
    for (const l of taxonomy.labels) {
      if (l.level === 'coarse')
        coarseByDomain.set(domainOf(l.label), [...(coarseByDomain.get(domainOf(l.label)) ?? []), l]);
      else if (l.parent && !l.label.endsWith(': Other'))
        children.set(l.parent, [...(children.get(l.parent) ?? []), l]);
    }
    s = { coarseByDomain, children };
    structures.set(taxonomy, s);
  }
  return s;
}
