/**
 * The entity-role classifier: a main-role model (Protagonist / Antagonist / Innocent) and a fine-role model
 * (22 roles) over the features of role-features.ts, trained on SemEval-2025 subtask 1 by
 * `npm run train framing` and committed as role-model.json. The fine role is the best one that belongs to
 * the chosen main role, so the two never contradict each other.
 */
import { readFileSync } from 'node:fs';
import {
  predictProbaBatchPair,
  predictProbaParts,
  trainLogistic,
  type CompiledPart,
  type Example,
  type Features,
  type LinearModel,
  type TrainOptions,
} from './logistic.js';

export const MAIN_ROLE_CLASSES = ['Protagonist', 'Antagonist', 'Innocent'] as const;

export const FINE_ROLE_CLASSES: Readonly<Record<string, readonly string[]>> = {
  Protagonist: ['Guardian', 'Martyr', 'Peacemaker', 'Rebel', 'Underdog', 'Virtuous'],
  Antagonist: ['Instigator', 'Conspirator', 'Tyrant', 'Foreign Adversary', 'Traitor', 'Spy', 'Saboteur', 'Corrupt', 'Incompetent', 'Terrorist', 'Deceiver', 'Bigot'],
  Innocent: ['Forgotten', 'Exploited', 'Victim', 'Scapegoat'],
};

export interface RoleModel {
  readonly version: string;
  /** Where it came from, for the record: data set, examples, seed, options. */
  readonly provenance: Readonly<Record<string, string | number>>;
  readonly main: LinearModel;
  readonly fine: LinearModel;
  /** Weight of the main model against the summed fine-role probabilities when choosing the main role. */
  readonly mainMix: number;
  /**
   * Share of each main role among the training mentions: the accuracy of always answering that role. A
   * pooled role no more likely than this says nothing the prior did not (absent from models trained
   * before it was recorded).
   */
  readonly mainShare?: Readonly<Record<string, number>>;
}

export interface RoleExample {
  readonly features: Features;
  readonly main: string;
  readonly fine: readonly string[];
}

export interface RolePrediction {
  readonly main: string;
  readonly fine: readonly string[];
  /** Probability of the chosen main role. */
  readonly confidence: number;
  readonly mainProba: Readonly<Record<string, number>>;
  readonly fineProba: Readonly<Record<string, number>>;
}

export interface RoleTrainOptions {
  readonly main?: TrainOptions;
  readonly fine?: TrainOptions;
  readonly mainMix?: number;
}

export function trainRoleModel(examples: readonly RoleExample[], opts: RoleTrainOptions = {}, provenance: RoleModel['provenance'] = {}): RoleModel {
  const mainExamples: Example[] = examples.map((e) => ({ features: e.features, label: e.main }));
  // A mention with two fine roles counts half for each, so every mention weighs the same.
  const fineExamples: Example[] = examples.flatMap((e) => e.fine.map((f) => ({ features: e.features, label: f, weight: 1 / e.fine.length })));
  const fineClasses = MAIN_ROLE_CLASSES.flatMap((m) => FINE_ROLE_CLASSES[m] ?? []);
  return {
    version: '1',
    provenance,
    main: trainLogistic(mainExamples, MAIN_ROLE_CLASSES, opts.main),
    fine: trainLogistic(fineExamples, fineClasses, opts.fine),
    mainMix: opts.mainMix ?? 0.5,
    mainShare: shareOf(examples.map((e) => e.main)),
  };
}

function shareOf(labels: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of MAIN_ROLE_CLASSES) out[m] = labels.length ? Math.round((labels.filter((l) => l === m).length / labels.length) * 10_000) / 10_000 : 0;
  return out;
}

/**
 * A prediction whose fine-role probabilities are still the array the fine model gave (`fineP`, in the fine
 * model's class order): the framing stage pools and mixes them per mention, and makes the 22-role record
 * (`withFineRecord`) once at the end, or never where only the roles are reported.
 */
export interface RoleScores {
  readonly main: string;
  readonly fine: readonly string[];
  readonly confidence: number;
  readonly mainProba: Readonly<Record<string, number>>;
  readonly fineP: readonly number[];
  /** The main role the explicit cues around the mention favour (role-rules.ts), where any fired. */
  readonly cued?: string;
}

export function predictRoles(model: RoleModel, features: Features): RolePrediction {
  return predictRolesParts(model, [features]);
}

/** `predictRoles`, its fine-role probabilities left as an array (see `RoleScores`). */
export function predictRoleScores(model: RoleModel, features: Features): RoleScores {
  return scoresFromProba(model, predictProbaParts(model.main, [features]), predictProbaParts(model.fine, [features]));
}

/** `predictRoles` for a feature vector given as consecutive parts with no key in common (see `predictProbaParts`). */
export function predictRolesParts(model: RoleModel, parts: readonly (Features | CompiledPart)[]): RolePrediction {
  return withFineRecord(model, scoresFromProba(model, predictProbaParts(model.main, parts), predictProbaParts(model.fine, parts)));
}

/** `predictRolesParts(model, [firsts[j], ...shared])` for every j (see `predictProbaBatch`). */
export function predictRolesBatch(model: RoleModel, firsts: readonly Features[], shared: readonly (Features | CompiledPart)[]): RolePrediction[] {
  return predictRoleScoresBatch(model, firsts, shared).map((s) => withFineRecord(model, s));
}

/** `predictRolesBatch`, the fine-role probabilities left as arrays (see `RoleScores`). */
export function predictRoleScoresBatch(model: RoleModel, firsts: readonly Features[], shared: readonly (Features | CompiledPart)[]): RoleScores[] {
  const [pm, pf] = predictProbaBatchPair(model.main, model.fine, firsts, shared);
  return pm.map((p, j) => scoresFromProba(model, p, pf[j] as number[]));
}

/** The prediction with its fine-role probabilities as a `{ role: probability }` record, in class order. */
export function withFineRecord(model: RoleModel, s: RoleScores): RolePrediction {
  const fineProba = newClassRecord(model.fine);
  const classes = model.fine.classes;
  // Set in class order, a repeated name last: what setting them from `classIndex` (last positions) does.
  for (let i = 0; i < classes.length; i++) fineProba[classes[i] as string] = s.fineP[i] ?? 0;
  return { main: s.main, fine: s.fine, confidence: s.confidence, mainProba: s.mainProba, fineProba };
}

/**
 * Positions in the fine model's classes of a main role's fine roles, in FINE_ROLE_CLASSES order (-1 for a
 * role the model lacks, which reads as probability 0).
 */
export function fineRolePositions(model: LinearModel, main: string): readonly number[] {
  let byMain = FINE_POSITIONS.get(model);
  if (!byMain) FINE_POSITIONS.set(model, (byMain = new Map()));
  let at = byMain.get(main);
  if (!at) {
    const index = classIndex(model);
    byMain.set(main, (at = (FINE_ROLE_CLASSES[main] ?? []).map((f) => index.get(f) ?? -1)));
  }
  return at;
}

const FINE_POSITIONS = new WeakMap<LinearModel, Map<string, readonly number[]>>();

/** `p[i]`, 0 where the class is missing (i < 0) or has no probability. */
export const probabilityAt = (p: readonly number[], i: number): number => (i < 0 ? 0 : (p[i] ?? 0));

function scoresFromProba(model: RoleModel, pm: readonly number[], pf: readonly number[]): RoleScores {
  let bestMain = MAIN_ROLE_CLASSES[1] as string;
  let bestScore = -1;
  let bestP = 0;
  const mainProba: Record<string, number> = {};
  for (let i = 0; i < model.main.classes.length; i++) {
    const m = model.main.classes[i] as string;
    let fineSum = 0;
    for (const at of fineRolePositions(model.fine, m)) fineSum += probabilityAt(pf, at);
    const score = model.mainMix * (pm[i] ?? 0) + (1 - model.mainMix) * fineSum;
    mainProba[m] = Math.round(score * 1000) / 1000;
    if (score > bestScore) {
      bestMain = m;
      bestScore = score;
      bestP = score;
    }
  }
  // The most probable fine role of the chosen main role (ties: alphabetical).
  let fine: string | undefined;
  let fineP = 0;
  const roles = FINE_ROLE_CLASSES[bestMain] ?? [];
  const positions = fineRolePositions(model.fine, bestMain);
  for (let r = 0; r < roles.length; r++) {
    const f = roles[r] as string;
    const p = probabilityAt(pf, positions[r] as number);
    if (fine === undefined || p > fineP || (p === fineP && f.localeCompare(fine) < 0)) {
      fine = f;
      fineP = p;
    }
  }
  return {
    main: bestMain,
    fine: fine === undefined ? [] : [fine],
    confidence: Math.round(bestP * 1000) / 1000,
    mainProba,
    fineP: pf,
  };
}

const CLASS_RECORDS = new WeakMap<LinearModel, Readonly<Record<string, number>>>();

/**
 * A fresh `{ class: 0, ... }` for the model's classes, in class order. Filling an empty object key by key
 * with the 22 fine roles turns it into a slow dictionary-mode object in V8 (more than a dozen properties added
 * by computed keys), and the framing stage makes several such records per mention; a copy of a template
 * made by `JSON.parse` keeps V8's fast property layout, which makes the records several times cheaper to
 * build and to read.
 */
function newClassRecord(model: LinearModel): Record<string, number> {
  let template = CLASS_RECORDS.get(model);
  if (!template) CLASS_RECORDS.set(model, (template = JSON.parse(JSON.stringify(Object.fromEntries(model.classes.map((c) => [c, 0])))) as Record<string, number>));
  return { ...template };
}

const CLASS_INDEX = new WeakMap<LinearModel, ReadonlyMap<string, number>>();

/** class → its (last) position in `classes`, in order of first appearance: what a Map built from the pairs holds. */
function classIndex(model: LinearModel): ReadonlyMap<string, number> {
  let index = CLASS_INDEX.get(model);
  if (!index) {
    const m = new Map<string, number>();
    model.classes.forEach((c, i) => m.set(c, i));
    CLASS_INDEX.set(model, (index = m));
  }
  return index;
}

let cached: RoleModel | undefined;

/** The committed model, read once per process. */
export function loadRoleModel(): RoleModel {
  cached ??= JSON.parse(readFileSync(new URL('./role-model.json', import.meta.url), 'utf8')) as RoleModel;
  return cached;
}
