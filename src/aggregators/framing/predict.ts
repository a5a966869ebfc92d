/**
 * The role of one mention: the classifier's probabilities mixed with the rule cues of role-rules.ts.
 * The mix weight grows with the amount of cue evidence, up to RULE_WEIGHT (chosen by cross-validation).
 */
import { FINE_ROLE_CLASSES, MAIN_ROLE_CLASSES, predictRoles, type RoleModel, type RolePrediction } from '../../models/framing/role-model.js';
import type { FeatureVector } from './role-features.js';
import { ruleMainProba, ruleScores } from './role-rules.js';

export const RULE_WEIGHT = 0.3;

export function predictMentionRole(model: RoleModel, f: FeatureVector, ruleWeight = RULE_WEIGHT): RolePrediction {
  const p = predictRoles(model, f);
  const rules = ruleScores(f);
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
