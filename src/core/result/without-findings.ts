import type { AnalysisResult, TechniqueProfileEntry } from './types.js';

/**
 * The result with some findings taken out — those an analyst dismissed as wrong — so that what is shared
 * (exports) says what the analyst stands behind. The technique profile is recounted from the findings
 * removed: a dismissed technique finding no longer counts, and a technique left with none drops out.
 * Paragraph labels stay as they are: those of the trained techniques come from the paragraph model, not
 * from single findings, so no dismissal of one span can undo them. Ledger items, claims, narratives and
 * entities are not findings and are kept.
 */
export function withoutFindings(result: AnalysisResult, remove: ReadonlySet<string>): AnalysisResult {
  if (remove.size === 0) return result;
  const removedPerTechnique = new Map<string, number>();
  const findings = result.findings.filter((f) => {
    if (!remove.has(f.id)) return true;
    const technique = f.data.technique;
    if (f.family === 'technique' && typeof technique === 'string') removedPerTechnique.set(technique, (removedPerTechnique.get(technique) ?? 0) + 1);
    return false;
  });
  if (findings.length === result.findings.length) return result;
  const words = result.techniques.words;
  const profile: TechniqueProfileEntry[] = [];
  for (const entry of result.techniques.profile) {
    const count = entry.count - (removedPerTechnique.get(entry.technique) ?? 0);
    if (count <= 0) continue;
    // The same rounding as the profile aggregator (aggregators/technique/technique-profile.ts).
    profile.push({ technique: entry.technique, count, density: words > 0 ? Math.round((count / words) * 1000 * 100) / 100 : 0 });
  }
  // Most findings first, as the aggregator orders them; equal counts keep their earlier order (a stable sort).
  profile.sort((a, b) => b.count - a.count);
  return { ...result, findings, techniques: { ...result.techniques, profile } };
}
