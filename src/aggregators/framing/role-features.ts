/**
 * Features of one entity mention for the role classifier: the verbs the entity is subject or object of,
 * cue words (role lexicons) around it, negation, quotes, the entity's name and type, everything the text
 * says near other mentions of the same entity, and the document's overall cue profile. Each feature is a
 * readable string ("sv:attack", "cueR:Victim") so a prediction can be explained.
 */
import type { Segments, Token } from '../../core/segment/types.js';
import type { Span } from '../../core/text/span.js';
import { FINE_ROLE_CLASSES, type RoleModel } from '../../models/framing/role-model.js';
import { CUE_INDEX, PATIENT_BLAME, PATIENT_HARM } from './role-lexicons.js';
import { campOf, documentStance, type Camp, type DocumentStance } from './stance.js';

export type FeatureVector = Map<string, number>;

export interface MentionInput {
  readonly span: Span;
  /** Grouping key of the entity (see mentions.ts), e.g. `russia`. */
  readonly key: string;
  /** person | organisation | country | group | media | other */
  readonly type: string;
}

const WINDOW = 10;
const CONTENT_POS = new Set(['NOUN', 'VERB', 'ADJ', 'ADV']);
const CLIMATE = new Set(['climate', 'warming', 'carbon', 'emission', 'co2', 'greenhouse', 'fossil', 'temperature', 'renewable', 'ipcc', 'net', 'glacier']);
const WAR = new Set(['ukraine', 'russia', 'war', 'kyiv', 'moscow', 'putin', 'zelensky', 'nato', 'troop', 'missile', 'military']);

/** What `documentContext` reads of a lemma in one look-up: its cue categories and topic (null: neither). */
interface LexiconEntry {
  readonly cues: readonly string[] | null;
  readonly climate: boolean;
  readonly war: boolean;
}

const LEXICON: ReadonlyMap<string, LexiconEntry> = (() => {
  const m = new Map<string, LexiconEntry>();
  for (const lemma of new Set([...CUE_INDEX.keys(), ...CLIMATE, ...WAR])) {
    m.set(lemma, { cues: CUE_INDEX.get(lemma) ?? null, climate: CLIMATE.has(lemma), war: WAR.has(lemma) });
  }
  return m;
})();

/** Precomputed per document: token lookup and the document profile. Build once with `documentContext`. */
export interface DocumentFeatureContext {
  readonly segments: Segments;
  readonly profile: ReadonlyMap<string, number>;
  readonly stance: DocumentStance;
  /** Per camp: how strongly the text surrounds that camp's mentions with antagonist minus protagonist cues. */
  readonly campTone: ReadonlyMap<Camp, number>;
  /** Distinct content lemmas of the document, sorted (made on first use). */
  readonly vocab: readonly string[];
  /** The same lemmas, unsorted. */
  readonly vocabSet: ReadonlySet<string>;
  /** Per token of `segments.tokens`: the cue categories of its lemma (role-lexicons.ts), null: none. */
  readonly cues: readonly (readonly string[] | null)[];
  /** Per token, filled on first use: its `w:` name (null: dropped by the filter); a token is in about two windows. */
  readonly words: (string | null | undefined)[];
  /** Unprefixed local features by span object, and by range (see `localFeatures`). */
  readonly localBySpan: Map<Span, FeatureVector>;
  readonly localByRange: Map<number, FeatureVector>;
  /**
   * Memos of `entityAggregate` and `mentionFeatureParts` by span array (one per entity), held by the
   * context: Maps, not WeakMaps keyed by the context, whose entries cost more to add than the work they save.
   */
  readonly aggregates: Map<readonly Span[], FeatureVector>;
  readonly entityParts: Map<readonly Span[], Map<string, EntityParts>>;
  /** The word features kept (see `WordFeatureFilter`); null: all of them. */
  readonly keep: WordFeatureFilter | null;
}

/**
 * The word features (`w:`, `sv:`, `ov:`, `L1:`, `L2:`, `R1:`, `R2:` + a lemma) a model has weights for. Those
 * names are read only by the model's sums (no rule, tone or entity feature reads them), where a name the model
 * lacks adds nothing, so the framing stage leaves the others out of its vectors: the same sums and roles from
 * a third of the names. Training and `narrascope predict roles` build the full vectors (no filter).
 */
export interface WordFeatureFilter {
  /** Per word slot (`WORD_SLOTS` order): the lemmas whose name the model knows. */
  readonly slots: readonly ReadonlySet<string>[];
}

/** The prefixes of the word features, one per slot. */
const WORD_SLOTS = ['w:', 'sv:', 'ov:', 'L1:', 'L2:', 'R1:', 'R2:'] as const;
const W_SLOT = 0;
const SV_SLOT = 1;
const OV_SLOT = 2;
const L1_SLOT = 3;
const L2_SLOT = 4;
const R1_SLOT = 5;
const R2_SLOT = 6;

const FILTERS = new WeakMap<RoleModel, WordFeatureFilter>();

/** The word features either of the role model's two classifiers has a weight for (made once per model). */
export function wordFeatureFilter(model: RoleModel): WordFeatureFilter {
  let filter = FILTERS.get(model);
  if (!filter) {
    const slots = WORD_SLOTS.map(() => new Set<string>());
    for (const weights of [model.main.weights, model.fine.weights]) {
      for (const name in weights) {
        WORD_SLOTS.forEach((prefix, slot) => {
          if (name.startsWith(prefix)) slots[slot]?.add(name.slice(prefix.length));
        });
      }
    }
    FILTERS.set(model, (filter = { slots }));
  }
  return filter;
}

/**
 * The word feature of one slot (`w:attack`, `sv:attack`, ...) of a lemma, null where the filter drops it.
 * The filter's sets are small (the model's words), and so are the namers' tables when every context filters.
 */
function wordName(keep: WordFeatureFilter | null, lemma: string, slot: number): string | null {
  if (keep !== null && !(keep.slots[slot] as ReadonlySet<string>).has(lemma)) return null;
  return nmWith(SLOT_NAMERS[slot] as Namer, lemma);
}

const ANTAGONIST_CUES = new Set([...FINE_ROLE_CLASSES.Antagonist ?? [], 'attack', 'harm']);
const POSITIVE_CUES = new Set([...FINE_ROLE_CLASSES.Protagonist ?? [], ...FINE_ROLE_CLASSES.Innocent ?? [], 'praise', 'suffer']);

/** Antagonist minus protagonist/innocent cue weight of a local feature vector. */
export function tone(f: FeatureVector, prefix = ''): number {
  let t = 0;
  const byName = toneCues(prefix);
  for (const [k, v] of f) {
    const cue = toneCue(byName, k, prefix);
    if (!cue) continue;
    if (ANTAGONIST_CUES.has(cue.cat)) t += cue.sign * v;
    else if (POSITIVE_CUES.has(cue.cat)) t -= v;
  }
  return t;
}

const TONE_CUES = new Map<string, Map<string, { cat: string; sign: number } | null>>();

/** The memo of `toneCue` for one prefix. */
function toneCues(prefix: string): Map<string, { cat: string; sign: number } | null> {
  let byName = TONE_CUES.get(prefix);
  if (!byName) TONE_CUES.set(prefix, (byName = new Map()));
  return byName;
}

/** The cue category a feature name carries for `tone` (null: none), memoised per prefix (`byName`) and name. */
function toneCue(byName: Map<string, { cat: string; sign: number } | null>, k: string, prefix: string): { cat: string; sign: number } | null {
  // A cue name holds `cue:` or another `…c:`; any other name (most: one per word) has none, and is not memoised.
  if (!k.includes('c:') && !k.includes('cue:')) return null;
  let cue = byName.get(k);
  if (cue === undefined) {
    const m = /^[a-z:]*?(?:cue|svc|ovc|possc|adjc|selfc):(.+)$/u.exec(prefix ? k.slice(prefix.length) : k);
    // being the object of an attack verb is the victim's position
    cue = !m || !k.startsWith(prefix) || /cue[LR]:/u.test(k) ? null : { cat: m[1] as string, sign: k.includes('ovc:') ? -1 : 1 };
    if (byName.size >= MAX_NAMES) byName.clear();
    byName.set(k, cue);
  }
  return cue;
}

export function documentContext(segments: Segments, text = '', mentions: readonly MentionInput[] = [], keep: WordFeatureFilter | null = null): DocumentFeatureContext {
  const counts = new Map<string, number>();
  let words = 0;
  let climate = 0;
  let war = 0;
  const tokens = segments.tokens;
  // Cue categories per token, for the windows of the mentions too (each token's lemma looked up once).
  const cues = new Array<readonly string[] | null>(tokens.length);
  // The document's vocabulary, for the camp × wording features (see mentionFeatures); made in the same pass.
  const vocab = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const lemma = t.lemma;
    const entry = LEXICON.get(lemma);
    const cats = entry === undefined ? null : entry.cues;
    cues[i] = cats;
    if (t.kind !== 'word') continue;
    words++;
    if (entry !== undefined) {
      if (entry.climate) climate++;
      if (entry.war) war++;
      if (cats !== null) for (const cat of cats) counts.set(cat, (counts.get(cat) ?? 0) + 1);
    }
    if ((CONTENT_POS.has(t.pos) || t.pos === 'PROPN') && lemma.length > 2) vocab.add(lemma);
  }
  const profile = new Map<string, number>();
  const scale = 100 / Math.max(words, 50);
  for (const [cat, n] of counts) profile.set(nm('doc:', cat), Math.min(3, n * scale));
  profile.set('doc:climate', climate > war ? 1 : 0);
  profile.set('doc:long', Math.min(1, words / 1500));
  // Sorted only when asked for (the camp × wording part of a Russian- or Western-camp entity).
  let sorted: readonly string[] | undefined;
  const base = {
    segments,
    profile,
    stance: documentStance(text),
    campTone: new Map<Camp, number>(),
    vocabSet: vocab,
    get vocab(): readonly string[] {
      return (sorted ??= [...vocab].sort());
    },
    cues,
    words: new Array<string | null | undefined>(tokens.length),
    localBySpan: new Map<Span, FeatureVector>(),
    localByRange: new Map<number, FeatureVector>(),
    aggregates: new Map<readonly Span[], FeatureVector>(),
    entityParts: new Map<readonly Span[], Map<string, EntityParts>>(),
    keep,
  };
  const toneSum = new Map<Camp, { t: number; n: number }>();
  for (const m of mentions) {
    const camp = campOf(m.key);
    if (camp === 'other') continue;
    const slot = toneSum.get(camp) ?? { t: 0, n: 0 };
    slot.t += tone(localFeatures(base, m.span));
    slot.n++;
    toneSum.set(camp, slot);
  }
  for (const [camp, { t, n }] of toneSum) base.campTone.set(camp, t / Math.sqrt(n));
  return base;
}

/** Index of the first token whose end is after `offset`. */
function firstTokenAfter(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((tokens[mid] as Token).end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Token range [first, end) covering a span. */
export function tokenRange(segments: Segments, span: Span): [number, number] {
  const tokens = segments.tokens;
  const first = firstTokenAfter(tokens, span.start);
  let end = first;
  while (end < tokens.length && (tokens[end] as Token).start < span.end) end++;
  return [first, Math.max(end, first)];
}

const NAMES = new Map<string, Map<string, string>>();
const MAX_NAMES = 100_000;

/**
 * `a + b`, as one string object per distinct pair. Feature names are looked up in Maps again and again
 * (the model's weights, the feature vectors); a string seen before keeps its hash and its flat form.
 */
function nm(a: string, b: string): string {
  let inner = NAMES.get(a);
  if (!inner) NAMES.set(a, (inner = new Map()));
  let s = inner.get(b);
  if (s === undefined) {
    if (inner.size >= MAX_NAMES) inner.clear();
    inner.set(b, (s = a + b));
  }
  return s;
}

/** `nm(prefix, ·)` with the prefix's inner map held: one Map look-up per name instead of two. */
interface Namer {
  readonly prefix: string;
  readonly names: Map<string, string>;
}

function namer(a: string): Namer {
  let inner = NAMES.get(a);
  if (!inner) NAMES.set(a, (inner = new Map()));
  return { prefix: a, names: inner };
}

/** `nm(n.prefix, b)`: the same string (NAMES keeps each inner map for good; a full one is cleared in place). */
function nmWith(n: Namer, b: string): string {
  const inner = n.names;
  let s = inner.get(b);
  if (s === undefined) {
    if (inner.size >= MAX_NAMES) inner.clear();
    inner.set(b, (s = n.prefix + b));
  }
  return s;
}

/** The namers of the word slots (`WORD_SLOTS` order). */
const SLOT_NAMERS: readonly Namer[] = WORD_SLOTS.map(namer);
const COLON = namer(':');

/** The prefixed names and namers `computeLocalFeatures` uses, per prefix. */
interface PrefixNames {
  readonly cue: Namer;
  readonly cueL: Namer;
  readonly cueR: Namer;
  readonly negcue: Namer;
  readonly ovc: Namer;
  readonly svc: Namer;
  readonly possc: Namer;
  readonly pp: Namer;
  readonly prep: Namer;
  readonly adjc: Namer;
  readonly selfc: Namer;
  readonly ovneg: string;
  readonly svneg: string;
  readonly agent: string;
  readonly inquote: string;
  readonly sentstart: string;
}

const PREFIX_NAMES = new Map<string, PrefixNames>();

function prefixNames(prefix: string): PrefixNames {
  let p = PREFIX_NAMES.get(prefix);
  if (!p) {
    const sub = (b: string): Namer => namer(nm(prefix, b));
    p = {
      cue: sub('cue:'),
      cueL: sub('cueL:'),
      cueR: sub('cueR:'),
      negcue: sub('negcue:'),
      ovc: sub('ovc:'),
      svc: sub('svc:'),
      possc: sub('possc:'),
      pp: sub('pp:'),
      prep: sub('prep:'),
      adjc: sub('adjc:'),
      selfc: sub('selfc:'),
      ovneg: nm(prefix, 'ovneg'),
      svneg: nm(prefix, 'svneg'),
      agent: nm(prefix, 'agent'),
      inquote: nm(prefix, 'inquote'),
      sentstart: nm(prefix, 'sentstart'),
    };
    PREFIX_NAMES.set(prefix, p);
  }
  return p;
}

const add = (f: FeatureVector, name: string, v = 1): void => {
  f.set(name, (f.get(name) ?? 0) + v);
};

/** Local features of one mention, memoised per document (every mention is also summed into its entity). */
export function localFeatures(ctx: DocumentFeatureContext, span: Span, prefix = ''): FeatureVector {
  if (prefix === '') {
    // The same span object asks again (a mention: for its camp's tone, its entity, itself): found by
    // identity; another object with the same range by the range as one number.
    let f = ctx.localBySpan.get(span);
    if (f) return f;
    if (span.end < RANGE_KEY_LIMIT) {
      const key = span.start * RANGE_KEY_LIMIT + span.end;
      f = ctx.localByRange.get(key);
      if (!f) ctx.localByRange.set(key, (f = computeLocalFeatures(ctx, span, '')));
      ctx.localBySpan.set(span, f);
      return f;
    }
  }
  // Keyed by prefix, start and end in nested Maps: no key string to build on every call.
  let byPrefix = MEMO.get(ctx);
  if (!byPrefix) MEMO.set(ctx, (byPrefix = new Map()));
  let byStart = byPrefix.get(prefix);
  if (!byStart) byPrefix.set(prefix, (byStart = new Map()));
  let byEnd = byStart.get(span.start);
  if (!byEnd) byStart.set(span.start, (byEnd = new Map()));
  const hit = byEnd.get(span.end);
  if (hit) return hit;
  const f = prefix === ENT ? prefixed(localFeatures(ctx, span)) : computeLocalFeatures(ctx, span, prefix);
  byEnd.set(span.end, f);
  return f;
}

/** Offsets below this make `start × limit + end` an exact, distinct number (below 2^53 for any start under it). */
const RANGE_KEY_LIMIT = 2 ** 26;

const ENT = 'ent:';
/**
 * Names only the unprefixed local features have (`computeLocalFeatures` sets them only without a prefix):
 * `w:`, `sv:`, `ov:`, `L1:`, `L2:`, `R1:`, `R2:`, `pat:` (the test of /^(?:w|sv|ov|L1|L2|R1|R2|pat):/ by
 * characters, called for every local name).
 */
function unprefixedOnly(k: string): boolean {
  switch (k.charCodeAt(0)) {
    case 119: // w
      return k.charCodeAt(1) === 58;
    case 115: // s
      return k.charCodeAt(1) === 118 && k.charCodeAt(2) === 58;
    case 111: // o
      return k.charCodeAt(1) === 118 && k.charCodeAt(2) === 58;
    case 76: // L
    case 82: {
      // R
      const d = k.charCodeAt(1);
      return (d === 49 || d === 50) && k.charCodeAt(2) === 58;
    }
    case 112: // p
      return k.startsWith('pat:');
    default:
      return false;
  }
}

/**
 * `computeLocalFeatures(ctx, span, 'ent:')` from the unprefixed features of the same span: the same
 * additions in the same order, less the unprefixed-only names, each name behind `ent:`.
 */
function prefixed(plain: FeatureVector): FeatureVector {
  const f: FeatureVector = new Map();
  plain.forEach((v, k) => {
    const name = entName(k);
    if (name !== null) f.set(name, v);
  });
  return f;
}

const MEMO = new WeakMap<DocumentFeatureContext, Map<string, Map<number, Map<number, FeatureVector>>>>();

/** Local features summed over an entity's mentions; memoised so an entity named 1,000 times costs 1,000, not 1,000². */
function entityAggregate(ctx: DocumentFeatureContext, spans: readonly Span[]): FeatureVector {
  // Keyed by the array itself: callers pass one shared array per entity (see framing-features.ts).
  const hit = ctx.aggregates.get(spans);
  if (hit) return hit;
  // The sum of `localFeatures(ctx, s, 'ent:')` over the spans, read off the unprefixed features: the same
  // names in the same order (see `prefixed`), without a prefixed vector per span.
  const agg: FeatureVector = new Map();
  const addEnt = (v: number, k: string): void => {
    const name = entName(k);
    if (name !== null) add(agg, name, v);
  };
  // forEach, not for-of over entries: no [name, value] pair per entry.
  for (const s of spans) localFeatures(ctx, s).forEach(addEnt);
  ctx.aggregates.set(spans, agg);
  return agg;
}

const ENT_NAMES = new Map<string, string>();

/**
 * `ent:` + an unprefixed local feature's name, null for the names only unprefixed features have. The test
 * comes first: those names (one per word: `w:`, `L1:`, ...) are most of the names, and a memo holding them
 * all would be a large table, slow to look up; the rest (cue categories) are few.
 */
function entName(k: string): string | null {
  if (unprefixedOnly(k)) return null;
  let name = ENT_NAMES.get(k);
  if (name === undefined) {
    if (ENT_NAMES.size >= MAX_NAMES) ENT_NAMES.clear();
    ENT_NAMES.set(k, (name = nm(ENT, k)));
  }
  return name;
}


/** The local features of a span, computed (see `localFeatures` for the memoised ones). */
export function computeLocalFeatures(ctx: DocumentFeatureContext, span: Span, prefix: string): FeatureVector {
  const f: FeatureVector = new Map();
  const { tokens, sentences, quotes } = ctx.segments;
  const [first, end] = tokenRange(ctx.segments, span);
  const head = tokens[first];
  if (!head) return f;
  const P = prefixNames(prefix);
  const sentence = sentences[head.sentence];
  const sFirst = sentence?.firstToken ?? 0;
  const sEnd = sentence?.endToken ?? tokens.length;

  const cues = ctx.cues;
  const words = ctx.words;
  for (let i = Math.max(sFirst, first - WINDOW); i < Math.min(sEnd, end + WINDOW); i++) {
    if (i >= first && i < end) continue;
    const t = tokens[i] as Token;
    const side = i < first ? 'L' : 'R';
    if (!prefix && CONTENT_POS.has(t.pos)) {
      let name = words[i];
      if (name === undefined) words[i] = name = wordName(ctx.keep, t.lemma, W_SLOT);
      if (name !== null) f.set(name, 1);
    }
    const cats = cues[i] as readonly string[] | null;
    if (cats !== null) for (const cat of cats) {
      add(f, nmWith(P.cue, cat), 0.5);
      add(f, nmWith(side === 'L' ? P.cueL : P.cueR, cat), 0.5);
      if (t.negated) add(f, nmWith(P.negcue, cat), 0.5);
    }
  }

  // A mention behind a preposition ("the mission in X will fail", "a war on X was launched") is not the
  // subject of the verb that follows, nor its passive object: that verb belongs to the phrase it hangs on.
  const prepObject = isPrepositionalObject(tokens, first, sFirst);
  // Verb the mention is the subject of: the first verb to its right before a clause break.
  let passive = false;
  for (let i = end; i < Math.min(sEnd, end + 6); i++) {
    const t = tokens[i] as Token;
    if ((t.pos === 'PUNCT' && t.text !== "'s" && t.text !== '’s') || t.pos === 'CCONJ') break;
    if (t.pos === 'AUX' && t.lemma === 'be') passive = true;
    if (t.pos === 'VERB') {
      if (prepObject) break;
      passive = passive && /(?:ed|en|wn|ht)$/u.test(t.normal);
      if (!prefix) setWord(ctx, f, tokens[i] as Token, passive ? OV_SLOT : SV_SLOT); // the role: object or subject of the verb
      for (const cat of cues[i] ?? []) add(f, nmWith(passive ? P.ovc : P.svc, cat));
      if (t.negated) add(f, passive ? P.ovneg : P.svneg);
      break;
    }
    if (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'PRON') {
      if (t.normal !== "'s" && t.normal !== 's') {
        // "Russia's aggression": the possessed noun says what the entity does.
        if (i === end || (tokens[i - 1] as Token).normal.endsWith("'s")) {
          for (const cat of cues[i] ?? []) add(f, nmWith(P.possc, cat));
        }
      }
    }
  }
  // Verb the mention is the object of: the nearest verb to its left.
  for (let i = first - 1; i >= Math.max(sFirst, first - 5); i--) {
    const t = tokens[i] as Token;
    if (t.pos === 'PUNCT') break;
    if (t.normal === 'by') add(f, P.agent);
    if (t.pos === 'VERB') {
      if (!prefix) setWord(ctx, f, tokens[i] as Token, OV_SLOT);
      for (const cat of cues[i] ?? []) add(f, nmWith(P.ovc, cat));
      break;
    }
  }
  // The words right next to the mention ("attack on X", "X said", "against X") and, behind a
  // preposition, the noun it hangs on: "attacks against X" casts X as a target.
  if (!prefix) {
    const near = (i: number, slot: number): void => {
      if (i >= sFirst && i < sEnd) setWord(ctx, f, tokens[i] as Token, slot);
    };
    near(first - 1, L1_SLOT);
    near(first - 2, L2_SLOT);
    near(end, R1_SLOT);
    near(end + 1, R2_SLOT);
  }
  for (let i = first - 1; i >= Math.max(sFirst, first - 3); i--) {
    const t = tokens[i] as Token;
    if (t.pos === 'ADP') {
      const head = tokens[i - 1];
      if (head && i - 1 >= sFirst) for (const cat of cues[i - 1] ?? []) add(f, nm(nmWith(P.pp, t.lemma), nmWith(COLON, cat)));
      add(f, nmWith(P.prep, t.lemma));
      break;
    }
    if (t.pos !== 'DET' && t.pos !== 'ADJ') break;
  }
  // How the text names the entity: "innocent civilians", "corrupt officials", "refugees".
  const adj = first - 1 >= sFirst ? tokens[first - 1] : undefined;
  if (adj && adj.pos === 'ADJ') for (const cat of cues[first - 1] ?? []) add(f, nmWith(P.adjc, cat));
  const headNoun = tokens[end - 1];
  if (headNoun && headNoun.pos === 'NOUN') for (const cat of cues[end - 1] ?? []) add(f, nmWith(P.selfc, cat));
  // Local only: pooled over an entity's mentions (ent:pat:*) they measured worse (five-seed CV 0.718 / 0.192
  // against 0.722 / 0.194).
  if (!prefix) patientCues(f, tokens, first, end, sFirst, sEnd);
  if (quotes.some((q) => q.start <= span.start && span.end <= q.end)) add(f, P.inquote);
  if (first === sFirst || (first === sFirst + 1 && tokens[sFirst]?.pos === 'DET')) add(f, P.sentstart);
  return f;
}

/** `f.set(name, 1)` for the token's word feature of one slot, unless the context's filter drops it. */
function setWord(ctx: DocumentFeatureContext, f: FeatureVector, t: Token, slot: number): void {
  const name = wordName(ctx.keep, t.lemma, slot);
  if (name !== null) f.set(name, 1);
}

/** Prepositions that put a mention on the receiving end of the noun before them ("attacks on X"). */
const PATIENT_PREPS = new Set(['of', 'on', 'against', 'at', 'upon', 'toward', 'towards', 'in']);

/** 'harm' | 'blame' when the token's lemma or form names something done to an entity (role-lexicons.ts). */
function patientKind(t: Token): 'harm' | 'blame' | null {
  if (PATIENT_HARM.has(t.lemma) || PATIENT_HARM.has(t.normal)) return 'harm';
  if (PATIENT_BLAME.has(t.lemma) || PATIENT_BLAME.has(t.normal)) return 'blame';
  return null;
}

/**
 * `pat:harm` / `pat:blame`: the mention is on the receiving end — the object of a harm or blame verb or
 * noun to its left ("captured X", "the kidnapping of Mayor X", "accuses the X"), the subject of a passive
 * one ("X was attacked"), or the subject of suffer / die / flee.
 */
function patientCues(f: FeatureVector, tokens: readonly Token[], first: number, end: number, sFirst: number, sEnd: number): void {
  for (let i = first - 1; i >= Math.max(sFirst, first - 4); i--) {
    const t = tokens[i] as Token;
    if (t.pos === 'ADP') {
      const head = i - 1 >= sFirst ? tokens[i - 1] : undefined;
      const kind = head && PATIENT_PREPS.has(t.normal) ? patientKind(head) : null;
      if (kind) add(f, kind === 'harm' ? 'pat:harm' : 'pat:blame');
      break;
    }
    if (t.pos === 'VERB') {
      const kind = patientKind(t);
      if (kind) add(f, kind === 'harm' ? 'pat:harm' : 'pat:blame');
      break;
    }
    if (t.pos !== 'DET' && t.pos !== 'ADJ' && t.pos !== 'PROPN' && t.pos !== 'NOUN') break;
  }
  let aux = false;
  for (let i = end; i < Math.min(sEnd, end + 4); i++) {
    const t = tokens[i] as Token;
    if (t.pos === 'AUX' && (t.lemma === 'be' || t.lemma === 'get' || t.lemma === 'have')) {
      aux = true;
      continue;
    }
    if (t.pos === 'ADV') continue;
    if (aux && t.pos === 'VERB' && /(?:ed|en|wn|ht)$/u.test(t.normal)) {
      const kind = patientKind(t);
      if (kind) add(f, kind === 'harm' ? 'pat:harm' : 'pat:blame');
    }
    if (t.lemma === 'suffer' || t.lemma === 'die' || t.lemma === 'flee') add(f, 'pat:harm');
    break;
  }
}

/** Words the tagger calls ADP that also open a clause ("after X was attacked"): X can be its subject. */
const SUBORDINATORS = new Set(['after', 'before', 'since', 'until', 'till', 'as', 'because', 'while', 'once', 'though', 'although', 'if', 'unless', 'whether', 'than']);

/** The mention is the object of a preposition: an ADP right before it, with only determiners and adjectives between. */
function isPrepositionalObject(tokens: readonly Token[], first: number, sFirst: number): boolean {
  for (let i = first - 1; i >= Math.max(sFirst, first - 3); i--) {
    const t = tokens[i] as Token;
    if (t.pos === 'ADP') return !SUBORDINATORS.has(t.normal);
    if (t.pos !== 'DET' && t.pos !== 'ADJ') return false;
  }
  return false;
}

/** The camp × wording part of a mention's features (see `MentionFeatureParts.wording`). */
export interface WordingPart {
  readonly keys: readonly string[];
  /** The same lemmas without the prefix (sorted on first use). */
  readonly lemmas: readonly string[];
  /** The same lemmas, unsorted: one set per document. */
  readonly words: ReadonlySet<string>;
  readonly value: number;
}

/**
 * A mention's feature vector in consecutive parts with no key in common: its own local features, then the
 * features of its entity, the camp × wording features (one value for every word) and the entity's tone.
 * All but the local part are the same for every mention of one entity, so they are built once per entity.
 */
export interface MentionFeatureParts {
  readonly local: FeatureVector;
  /** Read-only, shared. */
  readonly entity: FeatureVector;
  /**
   * `st|<lemma>` for the document's vocabulary (`keys`, sorted; made on first use), all with one value; null
   * outside the two camps. `lemmas`: the same lemmas without the prefix.
   */
  readonly wording: WordingPart | null;
  /** Read-only, shared. */
  readonly tone: FeatureVector;
  /**
   * True when `mentionFeatureParts` built the parts, which then share no key: local names carry the local
   * prefixes (`w:`, `cue:`, `svc:`, ..., `pat:`) or are `agent`, `inquote`, ...; the entity part's are `bias`,
   * `name:`, `type:`, `ent:` + a local name, `ent:mentions`, `ent:early`, `doc:`, `camp:`, `stance`, `camp*…`;
   * the tone part's is `ent:tone` (no local name is `tone`); the wording's start with `st|`. Parts made
   * elsewhere are checked key by key (predict.ts).
   */
  readonly builtApart?: boolean;
}

/**
 * Full feature vector of a mention: local features, the same features summed over every mention of the
 * entity in the document (scaled), the entity's name and type, and the document profile.
 */
export function mentionFeatures(ctx: DocumentFeatureContext, mention: MentionInput, sameEntity: readonly Span[]): FeatureVector {
  return mergeFeatureParts(mentionFeatureParts(ctx, mention, sameEntity));
}

/** The one vector of `mentionFeatures`: the local features, then every feature of the other parts set in order. */
export function mergeFeatureParts(parts: MentionFeatureParts): FeatureVector {
  const f = new Map(parts.local);
  for (const [k, v] of parts.entity) f.set(k, v);
  if (parts.wording) for (const k of parts.wording.keys) f.set(k, parts.wording.value);
  for (const [k, v] of parts.tone) f.set(k, v);
  return f;
}

type EntityParts = Omit<MentionFeatureParts, 'local'>;


/** `mentionFeatures` in parts; all but the local part are memoised per document, entity span array, key and type. */
export function mentionFeatureParts(ctx: DocumentFeatureContext, mention: MentionInput, sameEntity: readonly Span[]): MentionFeatureParts {
  const local = localFeatures(ctx, mention.span);
  if (sameEntity.length === 0) return { local, ...entityParts(ctx, mention, sameEntity) };
  const byArray = ctx.entityParts;
  let byKey = byArray.get(sameEntity);
  if (!byKey) byArray.set(sameEntity, (byKey = new Map()));
  const memoKey = `${mention.key}\u0000${mention.type}`;
  let parts = byKey.get(memoKey);
  if (!parts) byKey.set(memoKey, (parts = entityParts(ctx, mention, sameEntity)));
  return { local, ...parts };
}

const WORDING_KEYS = new WeakMap<DocumentFeatureContext, readonly string[]>();

/** Everything of `mentionFeatures` after the local features (depends on the mention only through its key and type). */
function entityParts(ctx: DocumentFeatureContext, mention: MentionInput, sameEntity: readonly Span[]): EntityParts {
  const f: FeatureVector = new Map();
  f.set('bias', 1);
  f.set(nm('name:', mention.key), 1);
  // Places share the country feature: 303 training mentions hold too few places to learn a weight of
  // their own, and texts cast a region much as they cast a country.
  f.set(nm('type:', mention.type === 'place' ? 'country' : mention.type), 1);
  const others = sameEntity.length > 0 ? sameEntity : [mention.span];
  const agg = entityAggregate(ctx, others);
  const scale = 1 / Math.sqrt(others.length);
  agg.forEach((v, k) => f.set(k, v * scale));
  f.set('ent:mentions', Math.min(1, Math.log2(1 + others.length) / 4));
  const firstStart = others.reduce((m, s) => Math.min(m, s.start), Infinity);
  const textEnd = ctx.segments.tokens.at(-1)?.end ?? 1;
  f.set('ent:early', firstStart / Math.max(1, textEnd) < 0.2 ? 1 : 0);
  ctx.profile.forEach((v, k) => f.set(k, v));
  // Camp and stance: the two camps of the conflict are nearly always cast on opposite sides.
  const camp = campOf(mention.key);
  f.set(nm('camp:', camp), 1);
  f.set('stance', ctx.stance.value);
  let wording: MentionFeatureParts['wording'] = null;
  if (camp !== 'other') {
    const sign = camp === 'ru' ? 1 : -1;
    f.set('camp*stance', sign * ctx.stance.value);
    const own = ctx.campTone.get(camp) ?? 0;
    const other = ctx.campTone.get(camp === 'ru' ? 'west' : 'ru') ?? 0;
    f.set('camp*tone', Math.max(-3, Math.min(3, (own - other) / 2)));
    // Camp × the document's wording, signed so one weight serves both camps: a word typical of texts
    // that cast the Russian camp as aggressor pushes Russian-camp entities one way and Western ones the other.
    const v = (0.3 * sign) / Math.sqrt(Math.max(1, ctx.vocabSet.size / 50));
    wording = {
      get keys(): readonly string[] {
        let keys = WORDING_KEYS.get(ctx);
        if (!keys) WORDING_KEYS.set(ctx, (keys = ctx.vocab.map((lemma) => nm('st|', lemma))));
        return keys;
      },
      get lemmas(): readonly string[] {
        return ctx.vocab;
      },
      words: ctx.vocabSet,
      value: v,
    };
  }
  const tonePart: FeatureVector = new Map([['ent:tone', Math.max(-3, Math.min(3, tone(agg, 'ent:') * scale / 2))]]);
  return { entity: f, wording, tone: tonePart, builtApart: true };
}
