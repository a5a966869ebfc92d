/**
 * The role of one mention: the classifier's probabilities mixed with the rule cues of role-rules.ts.
 * The mix weight grows with the amount of cue evidence, up to RULE_WEIGHT (chosen by cross-validation).
 */
import { compileFeatures, CompiledKeys, type CompiledPart } from '../../models/framing/logistic.js';
import { FINE_ROLE_CLASSES, MAIN_ROLE_CLASSES, predictRoles, predictRolesBatch, type RoleModel, type RolePrediction } from '../../models/framing/role-model.js';
import { mergeFeatureParts, type FeatureVector, type MentionFeatureParts } from './role-features.js';
import { ruleMainProba, ruleScores, type RuleScores } from './role-rules.js';

export const RULE_WEIGHT = 0.3;

export function predictMentionRole(model: RoleModel, f: FeatureVector, ruleWeight = RULE_WEIGHT): RolePrediction {
  return mixRules(predictRoles(model, f), ruleScores(f), ruleWeight);
}

const COMPILED = new WeakMap<FeatureVector, { readonly part: CompiledPart; readonly clash: boolean }>();
const COMPILED_KEYS = new WeakMap<readonly string[], CompiledKeys>();
const WORDING_PREFIX = 'st|';

/**
 * `predictMentionRole` of `mergeFeatureParts(parts)`, the same numbers computed faster: the parts shared by
 * an entity's mentions are compiled once, and the rule cues read only the local part (no other part holds a
 * rule cue). Falls back to the merged vector if two parts share a key.
 */
export function predictMentionRoleFromParts(model: RoleModel, parts: MentionFeatureParts, ruleWeight = RULE_WEIGHT): RolePrediction {
  return predictMentionRolesFromParts(model, [parts], [ruleWeight])[0] as RolePrediction;
}

/**
 * `predictMentionRoleFromParts` for many mentions: those that share their entity parts (the mentions of one
 * entity) are scored together, going through the shared weights once (see `predictProbaBatch`).
 */
export function predictMentionRolesFromParts(
  model: RoleModel,
  mentions: readonly MentionFeatureParts[],
  ruleWeights: readonly (number | undefined)[] = [],
): RolePrediction[] {
  const out: RolePrediction[] = new Array<RolePrediction>(mentions.length);
  const batches = new Map<string, { shared: (FeatureVector | CompiledPart)[]; at: number[] }>();
  const ids = new Map<object, number>();
  const idOf = (o: object | null): number => {
    if (o === null) return 0;
    let id = ids.get(o);
    if (id === undefined) ids.set(o, (id = ids.size + 1));
    return id;
  };
  mentions.forEach((parts, i) => {
    const shared = sharedParts(parts);
    if (!shared) {
      out[i] = predictMentionRole(model, mergeFeatureParts(parts), ruleWeights[i] ?? RULE_WEIGHT);
      return;
    }
    const key = `${idOf(parts.entity)}|${idOf(parts.wording)}|${idOf(parts.tone)}`;
    let batch = batches.get(key);
    if (!batch) batches.set(key, (batch = { shared, at: [] }));
    batch.at.push(i);
  });
  for (const { shared, at } of batches.values()) {
    const roles = predictRolesBatch(model, at.map((i) => (mentions[i] as MentionFeatureParts).local), shared);
    at.forEach((i, j) => {
      const parts = mentions[i] as MentionFeatureParts;
      out[i] = mixRules(roles[j] as RolePrediction, ruleScores(parts.local), ruleWeights[i] ?? RULE_WEIGHT);
    });
  }
  return out;
}

/** The parts after the local one, compiled, in order; null when two parts share a key. */
function sharedParts(parts: MentionFeatureParts): (FeatureVector | CompiledPart)[] | null {
  let entity = COMPILED.get(parts.entity);
  if (!entity) {
    const clash = [...parts.entity.keys()].some((k) => parts.tone.has(k) || (parts.wording !== null && k.startsWith(WORDING_PREFIX)));
    COMPILED.set(parts.entity, (entity = { part: compileFeatures(parts.entity), clash }));
  }
  if (entity.clash) return null;
  for (const k of parts.tone.keys()) if (parts.wording !== null && k.startsWith(WORDING_PREFIX)) return null;
  for (const k of parts.local.keys()) {
    if (parts.entity.has(k) || parts.tone.has(k) || (parts.wording !== null && k.startsWith(WORDING_PREFIX))) return null;
  }
  const shared: (FeatureVector | CompiledPart)[] = [entity.part];
  if (parts.wording) {
    let names = COMPILED_KEYS.get(parts.wording.keys);
    if (!names) COMPILED_KEYS.set(parts.wording.keys, (names = new CompiledKeys(parts.wording.keys)));
    shared.push({ names, values: parts.wording.value });
  }
  shared.push(parts.tone);
  return shared;
}

function mixRules(p: RolePrediction, rules: RuleScores, ruleWeight: number): RolePrediction {
  if (rules.strength <= 0 || ruleWeight <= 0) return p;
  const a = ruleWeight * Math.min(1, rules.strength);
  const rm = ruleMainProba(rules);
  const mainProba: Record<string, number> = {};
  let best = { m: 'Antagonist', v: -1 };
  for (const m of MAIN_ROLE_CLASSES) {
    const v = (1 - a) * (p.mainProba[m] ?? 0) + a * (rm[m] ?? 0);
    mainProba[m] = Math.round(v * 1000) / 1000;
    if (v > best.v) best = { m, v };
  }
  const roles = FINE_ROLE_CLASSES[best.m] ?? [];
  const ruleTotal = roles.reduce((s, r) => s + (rules.fine.get(r) ?? 0), 0);
  const modelTotal = roles.reduce((s, r) => s + (p.fineProba[r] ?? 0), 0) || 1;
  const fineScore = (r: string): number =>
    (1 - a) * ((p.fineProba[r] ?? 0) / modelTotal) + (ruleTotal > 0 ? (a * (rules.fine.get(r) ?? 0)) / ruleTotal : 0);
  const fine = [...roles].sort((x, y) => fineScore(y) - fineScore(x) || x.localeCompare(y))[0];
  return { main: best.m, fine: fine ? [fine] : [], confidence: Math.round(best.v * 1000) / 1000, mainProba, fineProba: p.fineProba };
}
