/**
 * What the 23 technique detectors share: one model run per document (through the shared cache, so the tagger
 * and classifier run once however many technique detectors are on), and the factory that turns a technique
 * definition into a detector that picks its own label from that run.
 */
import type { Detector, DetectorMeta, InvalidExample } from '../../core/detect/types.js';
import type { DataValue, Evidence, Signal } from '../../core/finding/types.js';
import type { Token } from '../../core/segment/types.js';
import type { FeatureDoc } from '../../models/technique/features.js';
import { taxonomyRefs, techniqueInfo } from '../../models/technique/labels.js';
import { loadTechniqueModel } from '../../models/technique/load.js';
import { analyseTechniques, spanEvidence } from '../../models/technique/model.js';
import { markTechniqueRan, TECHNIQUE_CACHE_KEY, techniqueAnalysis } from '../../models/technique/run.js';

export interface TechniqueDefinition {
  /** SemEval-2023 label. */
  readonly label: string;
  /** One-sentence definition in our own words (the detector's description). */
  readonly definition: string;
  /** The finding's message: names the observed device, never accuses. */
  readonly message: string;
  readonly valid: readonly string[];
  readonly invalid: readonly Omit<InvalidExample, 'messageId'>[];
  readonly limits: string;
  /** `stable` (on in the default preset) unless the technique has too little training data. */
  readonly stability?: 'stable' | 'experimental';
}

const DEFAULT_THRESHOLD = 0.2;

/** Cue-lexicon words inside a span, as evidence ("cue fear: catastrophe"); at most three, appended to `out`. */
export function cueEvidence(fd: FeatureDoc, a: number, b: number, out: Evidence[] = []): Evidence[] {
  let added = 0;
  for (let k = a; k < b && added < 3; k++) {
    const groups = fd.cues[k] as readonly string[];
    if (groups.length === 0) continue;
    const t = fd.tokens[k] as Token;
    out.push({ kind: 'lexicon', label: `cue ${groups[0]}: ${t.normal}`, span: { start: t.start, end: t.end } });
    added++;
  }
  return out;
}

/** A detector for one technique of the trained model. */
export function modelTechniqueDetector(def: TechniqueDefinition): Detector {
  const info = techniqueInfo(def.label);
  if (!info) throw new Error(`unknown technique ${def.label}`);
  const meta: DetectorMeta = {
    id: `technique/${info.slug}`,
    version: '1.2.0',
    family: 'technique',
    description: def.definition,
    taxonomy: taxonomyRefs(def.label),
    messages: { technique: def.message },
    requires: ['sentences', 'tokens', 'quotes'],
    cost: 'model',
    stability: def.stability ?? 'stable',
    severity: 'info',
    languages: ['en'],
    // Label words of a rebuttal layout ("Lie:", "Myth:", "Truth:") are structure, not the text's own wording.
    yieldsTo: ['structure/label-word'],
    options: {
      threshold: {
        type: 'number',
        default: -1,
        min: -1,
        max: 1,
        description: 'Minimum confidence for a finding; -1 uses the default chosen by cross-validation for this technique.',
      },
      spanThreshold: {
        type: 'number',
        default: -1,
        min: -1,
        max: 1,
        description: 'Token probability for joining a candidate span (lower finds more and longer spans); -1 uses the trained default.',
      },
    },
    examples: { valid: def.valid, invalid: def.invalid.map((e) => ({ ...e, messageId: 'technique' })) },
    docs: {
      category: info.category,
      limits: def.limits,
      references: ['SemEval-2023 Task 3 (persuasion techniques)', 'SemEval-2020 Task 11 (PTC corpus)'],
    },
  };
  return {
    meta,
    detect(ctx) {
      markTechniqueRan(ctx.shared);
      const model = loadTechniqueModel();
      const k = model.classifier.outputs.indexOf(def.label);
      if (k < 0) return [];
      const given = ctx.options.threshold;
      const threshold = typeof given === 'number' && given >= 0 ? given : (model.thresholds[def.label] ?? DEFAULT_THRESHOLD);
      const st = ctx.options.spanThreshold;
      const run =
        typeof st === 'number' && st >= 0 && st !== model.spanThreshold
          ? ctx.shared.get(`${TECHNIQUE_CACHE_KEY}@${st}`, () => analyseTechniques(model, ctx.text, ctx.segments, st))
          : techniqueAnalysis(ctx);
      const out: Signal[] = [];
      for (const span of run.spans) {
        const p = span.probs[k] as number;
        const confidence = span.spanConfidence * p;
        if (confidence < threshold) continue;
        // Built by assignment and push rather than spreads: the same objects and order, without the
        // intermediate arrays and objects (this runs for every finding).
        const data: Record<string, DataValue> = { technique: def.label, spanProbability: round(span.spanConfidence), techniqueProbability: round(p) };
        if (model.spanFilter) data.spanFilterScore = round(span.filterScore);
        const evidence: Evidence[] = [{ kind: 'model', label: `span tagger ${round(span.spanConfidence)}, technique classifier ${round(p)}` }];
        if (model.spanFilter) evidence.push({ kind: 'model', label: `span filter ${round(span.filterScore)} (keeps ≥ ${model.spanFilter.threshold})` });
        for (const e of spanEvidence(model, span, k)) evidence.push({ kind: 'feature', label: e.label, weight: e.weight });
        cueEvidence(run.fd, span.tokStart, span.tokEnd, evidence);
        out.push({ span: { start: span.start, end: span.end }, messageId: 'technique', data, confidence: round(confidence), evidence });
      }
      return out;
    },
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
