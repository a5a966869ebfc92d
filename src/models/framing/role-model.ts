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
  };
}

export function predictRoles(model: RoleModel, features: Features): RolePrediction {
  return predictRolesParts(model, [features]);
}

/** `predictRoles` for a feature vector given as consecutive parts with no key in common (see `predictProbaParts`). */
export function predictRolesParts(model: RoleModel, parts: readonly (Features | CompiledPart)[]): RolePrediction {
  return rolesFromProba(model, predictProbaParts(model.main, parts), predictProbaParts(model.fine, parts));
}

/** `predictRolesParts(model, [firsts[j], ...shared])` for every j (see `predictProbaBatch`). */
export function predictRolesBatch(model: RoleModel, firsts: readonly Features[], shared: readonly (Features | CompiledPart)[]): RolePrediction[] {
  const [pm, pf] = predictProbaBatchPair(model.main, model.fine, firsts, shared);
  return pm.map((p, j) => rolesFromProba(model, p, pf[j] as number[]));
}

function rolesFromProba(model: RoleModel, pm: readonly number[], pf: readonly number[]): RolePrediction {
  const fineAt = classIndex(model.fine);
  let best = { main: MAIN_ROLE_CLASSES[1] as string, score: -1, p: 0 };
  const mainProba: Record<string, number> = {};
  for (let i = 0; i < model.main.classes.length; i++) {
    const m = model.main.classes[i] as string;
    let fineSum = 0;
    for (const f of FINE_ROLE_CLASSES[m] ?? []) fineSum += probabilityOf(fineAt, pf, f);
    const score = model.mainMix * (pm[i] ?? 0) + (1 - model.mainMix) * fineSum;
    mainProba[m] = Math.round(score * 1000) / 1000;
    if (score > best.score) best = { main: m, score, p: score };
  }
  // The most probable fine role of the chosen main role (ties: alphabetical).
  let fine: string | undefined;
  let fineP = 0;
  for (const f of FINE_ROLE_CLASSES[best.main] ?? []) {
    const p = probabilityOf(fineAt, pf, f);
    if (fine === undefined || p > fineP || (p === fineP && f.localeCompare(fine) < 0)) {
      fine = f;
      fineP = p;
    }
  }
  const fineProba = newClassRecord(model.fine);
  for (const [c, i] of fineAt) fineProba[c] = pf[i] ?? 0;
  return {
    main: best.main,
    fine: fine === undefined ? [] : [fine],
    confidence: Math.round(best.p * 1000) / 1000,
    mainProba,
    fineProba,
  };
}

function probabilityOf(index: ReadonlyMap<string, number>, p: readonly number[], cls: string): number {
  const i = index.get(cls);
  return i === undefined ? 0 : (p[i] ?? 0);
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
