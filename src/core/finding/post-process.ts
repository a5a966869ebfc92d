import { compareSpans } from '../text/span.js';
import type { Finding } from './types.js';

export interface PostProcessOptions {
  /** Drop findings under this confidence (per-detector thresholds are applied before). */
  readonly minConfidence?: number;
}

/**
 * Merges exact duplicates (same detector, message and span: keep the more confident, join evidence),
 * drops findings under the confidence floor, sorts by position then detector, and numbers them f1, f2 ...
 */
export function postProcess(findings: readonly Finding[], options: PostProcessOptions = {}): Finding[] {
  const floor = options.minConfidence ?? 0;
  const byKey = new Map<string, Finding>();
  for (const f of findings) {
    if (f.confidence < floor) continue;
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
