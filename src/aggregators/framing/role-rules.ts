/**
 * Transparent role cues that need no training: what the entity does (the verb it is subject of, the noun it
 * possesses: "Russia's aggression") and what is done to it (the verb it is object of, "attacks on X"),
 * matched against the role lexicons. Mixed with the classifier's probabilities (weight chosen by
 * cross-validation) so that a clear cue in the text wins over weak statistical evidence.
 */
import { FINE_ROLE_CLASSES, MAIN_ROLE_CLASSES } from '../../models/framing/role-model.js';
import type { FeatureVector } from './role-features.js';

/** Cue categories that, done TO an entity, make it a victim. */
const HARM = new Set(['Instigator', 'Terrorist', 'Tyrant', 'Foreign Adversary', 'attack', 'harm', 'Saboteur']);
const BLAME = new Set(['Scapegoat', 'Deceiver']);
const FINE_SET = new Set(Object.values(FINE_ROLE_CLASSES).flat());

export interface RuleScores {
  /** Evidence per fine role (0 when none). */
  readonly fine: ReadonlyMap<string, number>;
  /** Total evidence found. */
  readonly strength: number;
}

/** What `ruleScores` gives a vector without cues: no Map per mention for the many that have none. */
const NO_CUES: RuleScores = { fine: new Map<string, number>(), strength: 0 };

export function ruleScores(f: FeatureVector): RuleScores {
  let fine: Map<string, number> | undefined;
  for (const k of f.keys()) {
    const cue = ruleCue(k);
    if (!cue) continue;
    const v = f.get(k) as number;
    fine ??= new Map<string, number>();
    const cat = cue.cat;
    if (cue.kind === 'named') {
      if (FINE_SET.has(cat)) addScore(fine, cat, v);
    } else if (cue.kind === 'agentive') {
      if (cat === 'Victim' || cat === 'Exploited' || cat === 'Forgotten') addScore(fine, cat, v);
      else if (!['attack', 'harm', 'praise', 'suffer', 'Scapegoat'].includes(cat)) addScore(fine, cat, v);
      else if (cat === 'attack' || cat === 'harm') addScore(fine, 'Instigator', v * 0.5);
      else if (cat === 'suffer') addScore(fine, 'Victim', v);
    } else {
      // Done to the entity: harm makes it a victim; "victimise", "exploit", "neglect" name its role directly.
      if (HARM.has(cat)) addScore(fine, 'Victim', v);
      else if (cat === 'Victim' || cat === 'Exploited' || cat === 'Forgotten') addScore(fine, cat, v);
      else if (BLAME.has(cat)) addScore(fine, 'Scapegoat', v * 0.5);
    }
  }
  // A cue that adds nothing (v <= 0) leaves the Map empty: that is the same as no cue.
  if (!fine || fine.size === 0) return NO_CUES;
  if ((f.get('svneg') ?? 0) > 0) for (const k of fine.keys()) fine.set(k, (fine.get(k) ?? 0) * 0.3);
  let strength = 0;
  for (const v of fine.values()) strength += v;
  return { fine, strength };
}

function addScore(fine: Map<string, number>, role: string, v: number): void {
  if (v > 0) fine.set(role, (fine.get(role) ?? 0) + v);
}

type RuleCue = { readonly kind: 'named' | 'agentive' | 'patient'; readonly cat: string } | null;
const RULE_CUES = new Map<string, RuleCue>();

/** The names a rule cue can have: any other name says nothing (tested before the memo, which stays small). */
const CUE_NAME = /^(?:adjc|selfc|svc|possc|ovc|pp):/u;

/** What a feature name says for the rules (null: nothing), memoised per cue name. */
function ruleCue(k: string): RuleCue {
  // Every cue name starts with a, s, o or p: most names (`w:`, `cue:`, `L1:`, ...) go without the regex.
  const c = k.charCodeAt(0);
  if ((c !== 97 && c !== 115 && c !== 111 && c !== 112) || !CUE_NAME.test(k)) return null;
  let cue = RULE_CUES.get(k);
  if (cue === undefined) {
    const named = /^(?:adjc|selfc):(.+)$/u.exec(k);
    const agentive = named ? null : /^(?:svc|possc):(.+)$/u.exec(k);
    const patient = named || agentive ? null : /^(?:ovc|pp:[a-z]+):(.+)$/u.exec(k);
    cue = named
      ? { kind: 'named', cat: named[1] as string }
      : agentive
        ? { kind: 'agentive', cat: agentive[1] as string }
        : patient
          ? { kind: 'patient', cat: patient[1] as string }
          : null;
    if (RULE_CUES.size >= 100_000) RULE_CUES.clear();
    RULE_CUES.set(k, cue);
  }
  return cue;
}

/** Main-role distribution implied by the cues (uniform-ish when there are none). */
export function ruleMainProba(r: RuleScores): Record<string, number> {
  const out: Record<string, number> = {};
  let total = 0;
  for (const m of MAIN_ROLE_CLASSES) {
    const v = (FINE_ROLE_CLASSES[m] ?? []).reduce((s, x) => s + (r.fine.get(x) ?? 0), 0) + 0.2;
    out[m] = v;
    total += v;
  }
  for (const m of MAIN_ROLE_CLASSES) out[m] = (out[m] as number) / total;
  return out;
}
