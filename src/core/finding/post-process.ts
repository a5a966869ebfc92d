import { compareSpans } from '../text/span.js';
import type { Finding } from './types.js';

export interface PostProcessOptions {
  /** Drop findings under this confidence (per-detector thresholds are applied before). */
  readonly minConfidence?: number;
  /** Detector id → the detectors it yields to (DetectorMeta.yieldsTo). */
  readonly yieldsTo?: ReadonlyMap<string, readonly string[]>;
}

/** Findings that lie within a finding of a detector their own detector yields to. */
function yielding(findings: readonly Finding[], yieldsTo: ReadonlyMap<string, readonly string[]>): Set<Finding> {
  const out = new Set<Finding>();
  if (yieldsTo.size === 0) return out;
  const byDetector = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byDetector.get(f.detector);
    if (list) list.push(f);
    else byDetector.set(f.detector, [f]);
  }
  for (const f of findings) {
    for (const other of yieldsTo.get(f.detector) ?? []) {
      if ((byDetector.get(other) ?? []).some((g) => g.span.start <= f.span.start && f.span.end <= g.span.end)) {
        out.add(f);
        break;
      }
    }
  }
  return out;
}

/**
 * Merges exact duplicates (same detector, message and span: keep the more confident, join evidence),
 * drops findings under the confidence floor and those that yield to another detector's finding, sorts by
 * position then detector, and numbers them f1, f2 ...
 */
export function postProcess(findings: readonly Finding[], options: PostProcessOptions = {}): Finding[] {
  const floor = options.minConfidence ?? 0;
  const dropped = yielding(findings, options.yieldsTo ?? new Map());
  const byKey = new Map<string, Finding>();
  for (const f of findings) {
    if (f.confidence < floor || dropped.has(f)) continue;
    const key = `${f.detector}\u0000${f.messageId}\u0000${f.span.start}\u0000${f.span.end}`;
    const seen = byKey.get(key);
    if (!seen) {
      byKey.set(key, f);
      continue;
    }
    const [keep, other] = seen.confidence >= f.confidence ? [seen, f] : [f, seen];
    const labels = new Set(keep.evidence.map((e) => e.label));
    byKey.set(key, { ...keep, evidence: [...keep.evidence, ...other.evidence.filter((e) => !labels.has(e.label))] });
  }
  const sorted = [...byKey.values()].sort(
    (a, b) => compareSpans(a.span, b.span) || a.detector.localeCompare(b.detector) || a.messageId.localeCompare(b.messageId),
  );
  return sorted.map((f, i) => ({ ...f, id: `f${i + 1}` }));
}
