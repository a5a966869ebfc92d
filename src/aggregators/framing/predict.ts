/**
 * The role of one mention: the classifier's probabilities mixed with the rule cues of role-rules.ts.
 * The mix weight grows with the amount of cue evidence, up to RULE_WEIGHT (chosen by cross-validation).
 * Mentions of one document are predicted together: each mention's fine-role probabilities are mixed with
 * the document's mean (DOC_FINE_POOL), because a text tends to cast its entities in one theme.
 */
import { PrefixedWordSet, type CompiledPart } from '../../models/framing/logistic.js';
import {
  FINE_ROLE_CLASSES,
  fineRolePositions,
  MAIN_ROLE_CLASSES,
  predictRoleScores,
  predictRoleScoresBatch,
  probabilityAt,
  withFineRecord,
  type RoleModel,
  type RolePrediction,
  type RoleScores,
} from '../../models/framing/role-model.js';
import { mergeFeatureParts, type FeatureVector, type MentionFeatureParts } from './role-features.js';
import { ruleMainProba, ruleScores, type RuleScores } from './role-rules.js';

export const RULE_WEIGHT = 0.3;

/**
 * Weight of the document's mean fine-role probabilities in each mention's fine-role choice. In the
 * SemEval-2025 annotations a mention's fine role is the most common fine role of the document's other
 * mentions with the same main role 44 % of the time (105 of 239), so the document's profile smooths the
 * noisy per-mention estimate. Five-seed CV: 0 → 0.175 fine-role exact match, 0.3 → 0.186, 0.5 → 0.189,
 * 0.7 → 0.188; main roles are not pooled (per-entity pooling of main roles lost accuracy).
 */
export const DOC_FINE_POOL = 0.5;

/** One mention on its own (no document pooling: a single mention is its own document mean). */
export function predictMentionRole(model: RoleModel, f: FeatureVector, ruleWeight = RULE_WEIGHT): RolePrediction {
  return withFineRecord(model, mixRules(model, predictRoleScores(model, f), ruleScores(f), ruleWeight));
}

/** The mentions of one document (their full feature vectors), fine roles pooled over the document. */
export function predictDocumentRoles(model: RoleModel, vectors: readonly FeatureVector[], ruleWeight = RULE_WEIGHT, pool = DOC_FINE_POOL): RolePrediction[] {
  const raw = poolFine(
    model,
    vectors.map((f) => predictRoleScores(model, f)),
    [],
    pool,
  );
  return raw.map((p, i) => withFineRecord(model, mixRules(model, p, ruleScores(vectors[i] as FeatureVector), ruleWeight)));
}

/**
 * Each prediction's fine-role probabilities mixed with the weighted mean over all of them:
 * `(1 - pool) × own + pool × mean`. Weights default to 1; a mention of weight 0 (a countered claim) does
 * not shape the mean. Main-role probabilities are left as they are.
 */
function poolFine(model: RoleModel, preds: readonly RoleScores[], weights: readonly number[], pool: number): RoleScores[] {
  if (pool <= 0 || preds.length < 2) return [...preds];
  // Per fine class, in the fine model's class order: the weighted sum of the mentions' probabilities,
  // each added in mention order (the sums a Map keyed by role name held before the arrays).
  const K = model.fine.classes.length;
  const mean = new Float64Array(K);
  let total = 0;
  preds.forEach((p, i) => {
    const w = weights[i] ?? 1;
    if (w <= 0) return;
    total += w;
    const probs = p.fineP;
    for (let k = 0; k < K; k++) mean[k] = (mean[k] as number) + (probs[k] as number) * w;
  });
  if (total <= 0) return [...preds];
  return preds.map((p) => {
    const fineP = new Array<number>(K);
    for (let k = 0; k < K; k++) fineP[k] = (1 - pool) * (p.fineP[k] as number) + (pool * (mean[k] as number)) / total;
    // The fine role is chosen again from the pooled probabilities, as role-model.ts chooses it: the most
    // probable role of the main role (ties: alphabetical).
    let fine: string | undefined;
    let best = 0;
    const roles = FINE_ROLE_CLASSES[p.main] ?? [];
    const positions = fineRolePositions(model.fine, p.main);
    for (let r = 0; r < roles.length; r++) {
      const f = roles[r] as string;
      const v = probabilityAt(fineP, positions[r] as number);
      if (fine === undefined || v > best || (v === best && f.localeCompare(fine) < 0)) {
        fine = f;
        best = v;
      }
    }
    return { ...p, fine: fine === undefined ? [] : [fine], fineP };
  });
}

/** Per entity part: whether one of its keys is also a key of its tone or wording part. */
const ENTITY_CLASH = new WeakMap<FeatureVector, boolean>();
const COMPILED_KEYS = new WeakMap<ReadonlySet<string>, PrefixedWordSet>();
const WORDING_PREFIX = 'st|';

/**
 * `predictMentionRole` of `mergeFeatureParts(parts)`, the same numbers computed faster: the parts shared by
 * an entity's mentions are summed once, and the rule cues read only the local part (no other part holds a
 * rule cue). Falls back to the merged vector if two parts share a key.
 */
export function predictMentionRoleFromParts(model: RoleModel, parts: MentionFeatureParts, ruleWeight = RULE_WEIGHT): RolePrediction {
  return predictMentionRolesFromParts(model, [parts], [ruleWeight])[0] as RolePrediction;
}

/**
 * `predictMentionRoleFromParts` for the mentions of one document, fine roles pooled over them (see
 * `DOC_FINE_POOL`; `poolWeights`, default 1, weigh each mention in the document mean). Those that share
 * their entity parts (the mentions of one entity) are scored together, going through the shared weights
 * once (see `predictProbaBatch`).
 */
export function predictMentionRolesFromParts(
  model: RoleModel,
  mentions: readonly MentionFeatureParts[],
  ruleWeights: readonly (number | undefined)[] = [],
  poolWeights: readonly number[] = [],
  pool = DOC_FINE_POOL,
): RolePrediction[] {
  return predictMentionRoleScores(model, mentions, ruleWeights, poolWeights, pool).map((p) => withFineRecord(model, p));
}

/**
 * `predictMentionRolesFromParts` with the fine-role probabilities left as arrays (see `RoleScores`): the
 * framing aggregator reports the roles, not the 22 probabilities, so it makes no record per mention.
 */
export function predictMentionRoleScores(
  model: RoleModel,
  mentions: readonly MentionFeatureParts[],
  ruleWeights: readonly (number | undefined)[] = [],
  poolWeights: readonly number[] = [],
  pool = DOC_FINE_POOL,
): RoleScores[] {
  const raw: RoleScores[] = new Array<RoleScores>(mentions.length);
  // Rule cues of each mention: from the local part, or from the merged vector when the parts clash.
  const cues: RuleScores[] = new Array<RuleScores>(mentions.length);
  const batches = new Map<string, { shared: (FeatureVector | CompiledPart)[]; at: number[] }>();
  const ids = new Map<object, number>();
  const idOf = (o: object | null): number => {
    if (o === null) return 0;
    let id = ids.get(o);
    if (id === undefined) ids.set(o, (id = ids.size + 1));
    return id;
  };
  mentions.forEach((parts, i) => {
    if (partsClash(parts)) {
      const merged = mergeFeatureParts(parts);
      raw[i] = predictRoleScores(model, merged);
      cues[i] = ruleScores(merged);
      return;
    }
    const key = `${idOf(parts.entity)}|${idOf(parts.wording)}|${idOf(parts.tone)}`;
    let batch = batches.get(key);
    if (!batch) batches.set(key, (batch = { shared: sharedParts(parts), at: [] }));
    batch.at.push(i);
  });
  for (const { shared, at } of batches.values()) {
    const roles = predictRoleScoresBatch(model, at.map((i) => (mentions[i] as MentionFeatureParts).local), shared);
    at.forEach((i, j) => {
      raw[i] = roles[j] as RoleScores;
      cues[i] = ruleScores((mentions[i] as MentionFeatureParts).local);
    });
  }
  return poolFine(model, raw, poolWeights, pool).map((p, i) => mixRules(model, p, cues[i] as RuleScores, ruleWeights[i] ?? RULE_WEIGHT));
}

/** Whether two of the mention's parts share a key (then only the merged vector gives the right sums). */
function partsClash(parts: MentionFeatureParts): boolean {
  if (parts.builtApart === true) return false;
  const wording = parts.wording !== null;
  let clash = ENTITY_CLASH.get(parts.entity);
  if (clash === undefined) {
    clash = false;
    for (const k of parts.entity.keys()) {
      if (parts.tone.has(k) || (wording && k.startsWith(WORDING_PREFIX))) {
        clash = true;
        break;
      }
    }
    ENTITY_CLASH.set(parts.entity, clash);
  }
  if (clash) return true;
  if (wording) for (const k of parts.tone.keys()) if (k.startsWith(WORDING_PREFIX)) return true;
  for (const k of parts.local.keys()) {
    if (parts.entity.has(k) || parts.tone.has(k) || (wording && k.startsWith(WORDING_PREFIX))) return true;
  }
  return false;
}

/**
 * The parts after the local one, in order. The entity and tone parts go as they are: an entity's mentions
 * are scored in one batch, which adds them once, so compiling them would only add a pass; the wording part
 * goes as its `st|` names' summed rows, made once per document and shared by every entity of a camp.
 */
function sharedParts(parts: MentionFeatureParts): (FeatureVector | CompiledPart)[] {
  const shared: (FeatureVector | CompiledPart)[] = [parts.entity];
  if (parts.wording) {
    // The `st|` names of the lemmas in sorted order, without building or sorting them (see PrefixedWordSet).
    let names = COMPILED_KEYS.get(parts.wording.words);
    if (!names) {
      names = new PrefixedWordSet(WORDING_PREFIX, parts.wording.words);
      COMPILED_KEYS.set(parts.wording.words, names);
    }
    shared.push({ names, values: parts.wording.value });
  }
  shared.push(parts.tone);
  return shared;
}

function mixRules(model: RoleModel, p: RoleScores, rules: RuleScores, ruleWeight: number): RoleScores {
  if (rules.strength <= 0 || ruleWeight <= 0) return p;
  const a = ruleWeight * Math.min(1, rules.strength);
  const rm = ruleMainProba(rules);
  const mainProba: Record<string, number> = {};
  let bestM = 'Antagonist';
  let bestV = -1;
  for (const m of MAIN_ROLE_CLASSES) {
    const v = (1 - a) * (p.mainProba[m] ?? 0) + a * (rm[m] ?? 0);
    mainProba[m] = Math.round(v * 1000) / 1000;
    if (v > bestV) {
      bestM = m;
      bestV = v;
    }
  }
  const roles = FINE_ROLE_CLASSES[bestM] ?? [];
  const positions = fineRolePositions(model.fine, bestM);
  const modelP = (r: number): number => probabilityAt(p.fineP, positions[r] as number);
  let ruleTotal = 0;
  let modelTotal = 0;
  for (let r = 0; r < roles.length; r++) {
    ruleTotal += rules.fine.get(roles[r] as string) ?? 0;
    modelTotal += modelP(r);
  }
  modelTotal ||= 1;
  // The first role of the sort by score, best first, ties alphabetical (the scores are never NaN): one pass.
  let fine: string | undefined;
  let fineBest = 0;
  for (let i = 0; i < roles.length; i++) {
    const r = roles[i] as string;
    const v = (1 - a) * (modelP(i) / modelTotal) + (ruleTotal > 0 ? (a * (rules.fine.get(r) ?? 0)) / ruleTotal : 0);
    if (fine === undefined || v > fineBest || (v === fineBest && r.localeCompare(fine) < 0)) {
      fine = r;
      fineBest = v;
    }
  }
  return { main: bestM, fine: fine ? [fine] : [], confidence: Math.round(bestV * 1000) / 1000, mainProba, fineP: p.fineP, cued: strongestRole(rm) };
}

function strongestRole(proba: Readonly<Record<string, number>>): string {
  let best = 'Antagonist';
  let bestV = -1;
  for (const m of MAIN_ROLE_CLASSES) {
    const v = proba[m] ?? 0;
    if (v > bestV) {
      best = m;
      bestV = v;
    }
  }
  return best;
}
