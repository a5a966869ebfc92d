/**
 * Factory for the technique detectors that rest on written patterns rather than on the trained model: the
 * four techniques of the 23-label scheme that the English PTC training data does not contain (appeal to
 * values, appeal to time, consequential oversimplification, questioning the reputation). Patterns are
 * precise phrases; each finding names the pattern that fired.
 */
import type { Detector, DetectorMeta } from '../../core/detect/types.js';
import type { Signal } from '../../core/finding/types.js';
import { taxonomyRefs, techniqueInfo } from '../../models/technique/labels.js';
import { markTechniqueRan } from '../../models/technique/run.js';
import type { TechniqueDefinition } from './shared.js';

export interface TechniquePattern {
  /** Case-insensitive; matched on the whole text. Must not be global: the factory adds the flag. */
  readonly re: RegExp;
  /** Short readable name of the cue, shown as evidence. */
  readonly cue: string;
}

export interface PatternTechniqueDefinition extends TechniqueDefinition {
  readonly patterns: readonly TechniquePattern[];
  /** Confidence of a pattern hit (patterns are precise but not every use is persuasive). */
  readonly confidence: number;
}

/** Characters on which `i` and `iu` matching can differ for ASCII patterns: ſ, K (Kelvin) and surrogates. */
const UNICODE_FOLDS = /[\u017F\u212A\uD800-\uDFFF]/;

export function patternTechniqueDetector(def: PatternTechniqueDefinition): Detector {
  const info = techniqueInfo(def.label);
  if (!info) throw new Error(`unknown technique ${def.label}`);
  const compiled = def.patterns.map((p) => ({ re: new RegExp(p.re.source, 'giu'), cue: p.cue }));
  // Most documents match none of the patterns: one pass of their alternation says so, instead of one pass
  // per pattern. The pass runs without the `u` flag, which makes case-insensitive matching ~15x faster; it
  // finds every match the `iu` patterns find except through the characters that Unicode case folding maps
  // onto ASCII (ſ, K) or astral characters, so texts with those skip the shortcut. Group numbers shift in an
  // alternation, and some escapes mean other things without `u`, so patterns using them are not combined.
  const combinable = def.patterns.every((p) => !/\\[1-9]|\\k<|\\[pP]\{|\\u\{/.test(p.re.source));
  const any = combinable ? new RegExp(def.patterns.map((p) => `(?:${p.re.source})`).join('|'), 'i') : null;
  const meta: DetectorMeta = {
    id: `technique/${info.slug}`,
    version: '1.2.0',
    family: 'technique',
    description: def.definition,
    taxonomy: taxonomyRefs(def.label),
    messages: { technique: def.message },
    requires: [],
    cost: 'cheap',
    stability: def.stability ?? 'stable',
    severity: 'info',
    languages: ['en'],
    yieldsTo: ['structure/label-word'],
    options: {
      threshold: { type: 'number', default: 0, min: 0, max: 1, description: 'Minimum confidence for a finding.' },
    },
    examples: { valid: def.valid, invalid: def.invalid.map((e) => ({ ...e, messageId: 'technique' })) },
    docs: {
      category: info.category,
      limits: def.limits,
      references: ['SemEval-2023 Task 3 (persuasion techniques)'],
    },
  };
  return {
    meta,
    detect(ctx) {
      markTechniqueRan(ctx.shared);
      const threshold = typeof ctx.options.threshold === 'number' ? ctx.options.threshold : 0;
      if (def.confidence < threshold) return [];
      if (any && !UNICODE_FOLDS.test(ctx.text) && !any.test(ctx.text)) return [];
      const hits: { start: number; end: number; cue: string }[] = [];
      for (const { re, cue } of compiled) {
        re.lastIndex = 0;
        for (let m = re.exec(ctx.text); m; m = re.exec(ctx.text)) {
          if (m[0].length === 0) {
            re.lastIndex++;
            continue;
          }
          hits.push({ start: m.index, end: m.index + m[0].length, cue });
        }
      }
      // Overlapping hits of several patterns become one finding: the earliest, longest one.
      hits.sort((x, y) => x.start - y.start || y.end - x.end);
      const out: Signal[] = [];
      let lastEnd = -1;
      for (const h of hits) {
        if (h.start < lastEnd) continue;
        lastEnd = h.end;
        out.push({
          span: { start: h.start, end: h.end },
          messageId: 'technique',
          data: { technique: def.label, cue: h.cue },
          confidence: def.confidence,
          evidence: [{ kind: 'pattern', label: `pattern ${h.cue}`, span: { start: h.start, end: h.end } }],
        });
      }
      return out;
    },
  };
}
