/**
 * Entity framing: who the text casts as protagonist, antagonist or innocent (SemEval-2025 Task 10 roles).
 * Mentions come from the gazetteer and patterns (mentions.ts), grouped coreference-light; every mention
 * gets a role from the committed classifier (src/models/framing); an entity's role is the mention roles
 * pooled, and is left null when the text does not clearly cast it. The roles describe how the text casts
 * the entity — they are an observation about the text, not a judgement of the entity.
 */
import type { Aggregator } from '../../core/aggregate/types.js';
import type { EntityFraming, EntityMention } from '../../core/result/types.js';
import type { Segments } from '../../core/segment/types.js';
import { LineIndex } from '../../core/text/line-index.js';
import { spanText, type SpanText } from '../../core/text/span.js';
import type { LedgerItem } from '../../core/result/types.js';
import type { Span } from '../../core/text/span.js';
import { fineRolePositions, FINE_ROLE_CLASSES, loadRoleModel, probabilityAt, type RoleModel, type RolePrediction, type RoleScores } from '../../models/framing/role-model.js';
import { predictMentionRoleScores } from './predict.js';
import { mentionFeaturePartsForSpan, prepareFramingDocument } from './framing-features.js';
import type { EntityGroup, FoundMention } from './mentions.js';
import { LedgerLookup } from './ledger-lookup.js';
import { wordFeatureFilter } from './role-features.js';

const MAX_ENTITIES_DEFAULT = 20;
/** An entity's pooled main role is reported only above this share of its mentions' probability mass. */
const MIN_ROLE_CONFIDENCE_DEFAULT = 0.45;

export const framingAggregator: Aggregator = {
  meta: {
    id: 'framing/entities',
    version: '1.2.0',
    family: 'framing',
    description: 'Entities (gazetteer + patterns, grouped) with the main and fine roles the text casts them in (SemEval-2025 Task 10 roles).',
    produces: ['entities'],
    taxonomy: ['semeval2025:entity-framing'],
    options: {
      maxEntities: { type: 'number', default: MAX_ENTITIES_DEFAULT, description: 'Most entities to report (by number of mentions).' },
      minRoleConfidence: { type: 'number', default: MIN_ROLE_CONFIDENCE_DEFAULT, description: 'Pooled role confidence below which the role is left null.' },
      roleAboveBaseRate: {
        type: 'boolean',
        default: true,
        description: "Leave a role null when it is no more likely than its share of the training mentions and no cue or ledger item backs it (false: report the classifier's prior too).",
      },
    },
  },
  aggregate(ctx) {
    if (ctx.language !== 'en' && !ctx.language.startsWith('en-')) {
      // Say so, as the narrative model does: an empty "Entities and roles" would otherwise read as "none cast".
      const skipped =
        ctx.language === 'und'
          ? []
          : [`entity framing: the gazetteer and the role model are English only; skipped for language "${ctx.language}"`];
      return { entities: [], warnings: skipped };
    }
    const maxEntities = typeof ctx.options.maxEntities === 'number' ? ctx.options.maxEntities : MAX_ENTITIES_DEFAULT;
    const minConf = typeof ctx.options.minRoleConfidence === 'number' ? ctx.options.minRoleConfidence : MIN_ROLE_CONFIDENCE_DEFAULT;
    const aboveBaseRate = ctx.options.roleAboveBaseRate !== false;
    return {
      entities: frameEntities(ctx.text, ctx.segments, loadRoleModel(), { maxEntities, minConfidence: minConf, ledger: ctx.partial.rebuttals, aboveBaseRate }),
    };
  },
};

export interface FramingOptions {
  readonly maxEntities?: number;
  readonly minConfidence?: number;
  /**
   * Ledger items of the document. Mentions inside a countered claim or an ascribed motive voice what the
   * text says others claim, so they do not count towards the text's own casting; an entity the false
   * claims are attributed to is cast by the text as their source (Antagonist / Deceiver).
   */
  readonly ledger?: readonly LedgerItem[];
  /**
   * Report a pooled role only when it is more likely than the role's share of the training mentions
   * (default true): below that, the classifier's answer is its prior, not a reading of the text.
   */
  readonly aboveBaseRate?: boolean;
}

const REBUTTAL_RULE_WEIGHT = 0.8;
const EVENT_WORD = /\b(?:War|Summit|Conference|Crisis|Day|Agreement|Accords?|Act|Revolution|Forum|Games|Olympics|Cup|Plan|Initiative|Strategy|Doctrine|Partnership|Declaration|Report|Protocol)\b/u;

const inside = (m: Span, s: Span | null): boolean => !!s && s.start <= m.start && m.end <= s.end;

/** The mention opens the claim ("Russia is invading ...", "“Russia’s CSTO mission proves ..."). */
function isClaimSubject(text: string, m: Span, claim: Span | null): boolean {
  if (!claim || !inside(m, claim)) return false;
  return /^[\s"“'‘«(]*(?:the\s+)?$/iu.test(text.slice(claim.start, m.start));
}

/** A byline or credit line ("By Jane Roe", "Source: X") names the author, not someone the text casts. */
function isByline(text: string, m: Span, lines: LineIndex): boolean {
  // The line's start from the index, not by reading back to the previous line break: that was once per
  // mention, quadratic in a long line of names (32,000 "Critics claim that ..." took 19 s in framing).
  const lineStart = m.start - lines.position(m.start).column + 1;
  return /^\s*(?:by|source|author|written by|photo|credit|image|via)\b[\s:]/iu.test(text.slice(lineStart, m.start + 1));
}

/**
 * The first entry of the sort by value, highest first, ties by name (`localeCompare`): one pass, no array of
 * pairs to sort. The sort is stable, so among entries it cannot order the first one seen stays; the values
 * are sums of probabilities and weights, never NaN.
 */
function bestEntry(m: ReadonlyMap<string, number>): [string, number] | undefined {
  let best: [string, number] | undefined;
  m.forEach((v, k) => {
    if (best === undefined || v > best[1] || (v === best[1] && k.localeCompare(best[0]) < 0)) best = [k, v];
  });
  return best;
}

/** Weight of a mention's role in pooling, given where it sits relative to the ledger. */
function ledgerWeight(m: Span, ledger: LedgerLookup): number {
  if (ledger.contains('claim', m)) return 0;
  if (ledger.contains('motive', m)) return 0.3;
  return 1;
}

/** Protagonist, with the protagonist fine role the entity's own-voice mentions make most likely. */
function defendedPrediction(model: RoleModel, preds: readonly RoleScores[], ownVoice: readonly boolean[]): RolePrediction {
  const score = new Map<string, number>();
  const roles = FINE_ROLE_CLASSES.Protagonist ?? [];
  const positions = fineRolePositions(model.fine, 'Protagonist');
  preds.forEach((p, i) => {
    const w = ownVoice[i] ? 3 : 1;
    roles.forEach((f, r) => score.set(f, (score.get(f) ?? 0) + probabilityAt(p.fineP, positions[r] as number) * w));
    if (p.main === 'Protagonist') for (const f of p.fine) score.set(f, (score.get(f) ?? 0) + w);
  });
  const fine = bestEntry(score)?.[0] ?? 'Guardian';
  return { main: 'Protagonist', fine: [fine], confidence: 1, mainProba: { Protagonist: 1, Antagonist: 0, Innocent: 0 }, fineProba: { [fine]: 1 } };
}

const ACCUSED: RolePrediction = {
  main: 'Antagonist',
  fine: ['Deceiver'],
  confidence: 1,
  mainProba: { Protagonist: 0, Antagonist: 1, Innocent: 0 },
  fineProba: { Deceiver: 1 },
};

/** The framing of every reported entity of a document (exported for the CLI and tests). */
export function frameEntities(text: string, segments: Segments, model: RoleModel, opts: FramingOptions = {}): EntityFraming[] {
  const prepared = prepareFramingDocument(text, segments, wordFeatureFilter(model));
  const groups = prepared.groups.filter(isReportable).sort((a, b) => b.mentions.length - a.mentions.length || (a.mentions[0]?.start ?? 0) - (b.mentions[0]?.start ?? 0));
  const out: EntityFraming[] = [];
  const ledger = opts.ledger ?? [];
  const lookup = new LedgerLookup(ledger);
  // In a rebuttal the text speaks in its own voice, so its explicit cues weigh more there.
  const inRebuttal = (m: Span): boolean => lookup.contains('rebuttal', m);
  const reported = groups.slice(0, opts.maxEntities ?? MAX_ENTITIES_DEFAULT);
  const mentions = reported.flatMap((g) => g.mentions);
  const lines = new LineIndex(text);
  const weightOf = (m: FoundMention): number => (isByline(text, m, lines) ? 0 : ledgerWeight(m, lookup));
  // All reported mentions of the document together: fine roles are pooled over the document, and a
  // mention that counts for nothing in its entity's role (a countered claim, a byline) does not shape it.
  const allWeights = mentions.map(weightOf);
  const all = predictMentionRoleScores(
    model,
    mentions.map((m) => mentionFeaturePartsForSpan(prepared, m)),
    mentions.map((m) => (inRebuttal(m) ? REBUTTAL_RULE_WEIGHT : undefined)),
    allWeights,
  );
  let at = 0;
  for (const g of reported) {
    const weights = allWeights.slice(at, at + g.mentions.length);
    const predictions = all.slice(at, (at += g.mentions.length));
    // Each ledger item whose claim is attributed to this entity is one more vote for Antagonist/Deceiver.
    const accusedAt = new Set(g.mentions.flatMap((m) => lookup.overlapping('attributedTo', m)));
    const accused = [...accusedAt].map((k) => ledger[k]!);
    const accusedVotes = new Set(accused.map((i) => (i.attributionScope === 'document' ? 'doc' : i.id))).size;
    // An entity the countered claims are about ("Lie: Russia is invading ...") is defended by the text.
    const defendedAt = new Set(
      g.mentions.flatMap((m) => lookup.overlapping('claim', m).filter((k) => isClaimSubject(text, m, ledger[k]!.claim))),
    );
    const defendedVotes = [...defendedAt].filter((k) => !accusedAt.has(k)).length;
    const defended = defendedVotes > 0 ? defendedPrediction(model, predictions, g.mentions.map(inRebuttal)) : null;
    out.push(
      pool(text, segments, g, predictions, weights, [
        ...Array.from({ length: accusedVotes }, () => ({ p: ACCUSED, w: 2 })),
        ...(defended ? Array.from({ length: defendedVotes }, () => ({ p: defended, w: 1 })) : []),
      ], opts.minConfidence ?? MIN_ROLE_CONFIDENCE_DEFAULT, opts.aboveBaseRate === false ? undefined : model.mainShare),
    );
  }
  out.sort((a, b) => (a.mentions[0]?.start ?? 0) - (b.mentions[0]?.start ?? 0));
  return out.map((e, i) => ({ ...e, id: `e${i + 1}` }));
}

/** Bare capitalised words seen once are too often ordinary words; known names and repeated names count. */
function isReportable(g: EntityGroup): boolean {
  // Events and documents are not actors: "Hybrid War of Terror", "Summit for Democracy".
  if (g.mentions.every((m) => m.source === 'capitalised') && EVENT_WORD.test(g.name)) return false;
  if (g.mentions.some((m) => m.source !== 'capitalised')) return true;
  return g.mentions.length >= 2 || g.name.includes(' ');
}

/** What pooling reads of a prediction: a mention's (`RoleScores`) or a ledger vote's (`RolePrediction`). */
type CastRole = Pick<RolePrediction, 'main' | 'fine' | 'confidence' | 'mainProba'> & { readonly cued?: string };

function pool(
  text: string,
  segments: Segments,
  g: EntityGroup,
  mentionPreds: readonly CastRole[],
  weights: readonly number[],
  votes: readonly { p: CastRole; w: number }[],
  minConfidence: number,
  baseRate: Readonly<Record<string, number>> | undefined,
): EntityFraming {
  const preds = [...mentionPreds, ...votes.map((v) => v.p)];
  const w = [...weights, ...votes.map((v) => v.w)];
  const mass = new Map<string, number>();
  preds.forEach((p, i) => {
    // The roles in the record's order, as Object.entries gives them, without an array of pairs per prediction.
    const probs = p.mainProba;
    for (const role in probs) mass.set(role, (mass.get(role) ?? 0) + (probs[role] as number) * (w[i] ?? 1));
  });
  let total = 0;
  for (const v of mass.values()) total += v;
  total ||= 1;
  const [bestRole, bestMass] = bestEntry(mass) ?? ['Antagonist', 0];
  const confidence = Math.round((bestMass / total) * 1000) / 1000;
  // A role no more likely than its share of the training mentions repeats the classifier's prior (in
  // cross-validation, Antagonist answers under 0.6 were right 56 % of the time, less than the 62 % of always
  // answering Antagonist): it is reported only when the text backs it, by an explicit cue around a mention
  // that counts or by the ledger (the entity is accused or defended), not for a name mentioned once in passing.
  const backed = votes.some((v) => v.p.main === bestRole) || mentionPreds.some((p, i) => (weights[i] ?? 1) > 0 && p.cued === bestRole);
  const cast = confidence >= minConfidence && (backed || confidence > (baseRate?.[bestRole] ?? 0));
  const fineCount = new Map<string, number>();
  preds.forEach((p, i) => {
    if (p.main === bestRole) for (const f of p.fine) fineCount.set(f, (fineCount.get(f) ?? 0) + p.confidence * (w[i] ?? 1));
  });
  const fine = bestEntry(fineCount)?.[0];
  const mentions: EntityMention[] = g.mentions.map((m, i) => {
    const p = mentionPreds[i] as CastRole;
    // `spanText(text, m)`: a found mention holds its text already.
    return { start: m.start, end: m.end, text: m.text, role: { main: p.main, fine: p.fine, confidence: p.confidence } };
  });
  return {
    id: '',
    name: g.name,
    type: g.type,
    mentions,
    mainRole: cast ? bestRole : null,
    fineRoles: cast && fine ? [fine] : [],
    confidence,
    support: cast ? support(text, segments, g.mentions, mentionPreds, weights, bestRole) : [],
  };
}

/** The sentences of the (up to three) mentions that cast the entity most clearly in its role. */
function support(
  text: string,
  segments: Segments,
  mentions: readonly FoundMention[],
  preds: readonly CastRole[],
  weights: readonly number[],
  role: string,
): SpanText[] {
  const ranked = mentions
    .map((m, i) => ({ m, p: ((preds[i] as CastRole).mainProba[role] ?? 0) * (weights[i] ?? 1) }))
    .filter((x) => x.p > 0)
    .sort((a, b) => b.p - a.p || a.m.start - b.m.start);
  const seen = new Set<number>();
  const out: SpanText[] = [];
  for (const { m } of ranked) {
    const s = segments.sentences.find((x) => x.start <= m.start && m.end <= x.end);
    if (!s || seen.has(s.index)) continue;
    seen.add(s.index);
    out.push(spanText(text, s));
    if (out.length === 3) break;
  }
  return out.sort((a, b) => a.start - b.start);
}
