/**
 * Loads SemEval-2025 subtask 1 (entity framing) from ../shared/data/narratives-2025 and turns each gold
 * mention into features exactly as `narrascope predict roles` does (mentionFeaturesForSpan).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mentionFeaturesForSpan, prepareFramingDocument } from '../../src/aggregators/framing/framing-features.js';
import { createDocument } from '../../src/core/text/document.js';
import { CodePointIndex } from '../../src/core/text/code-points.js';
import { segmentText } from '../../src/core/segment/segment.js';
import type { RoleExample } from '../../src/models/framing/role-model.js';
import { parseSt1, st1Span } from '../../src/models/framing/st1-format.js';

export interface FramingExample extends RoleExample {
  readonly doc: string;
  readonly entity: string;
}

export function loadFramingExamples(dataDir: string): FramingExample[] {
  const base = join(dataDir, 'narratives-2025');
  const rows = parseSt1(readFileSync(join(base, 'subtask-1-annotations.txt'), 'utf8'), { requireRoles: true });
  const byDoc = new Map<string, typeof rows>();
  for (const r of rows) byDoc.set(r.doc, [...(byDoc.get(r.doc) ?? []), r]);
  const out: FramingExample[] = [];
  for (const doc of [...byDoc.keys()].sort()) {
    const raw = readFileSync(join(base, 'documents', doc), 'utf8');
    const document = createDocument({ text: raw, id: doc });
    if (document.text.length !== raw.length) throw new Error(`${doc}: normalisation changed the length; offsets would need mapping`);
    const index = new CodePointIndex(raw);
    const prepared = prepareFramingDocument(document.text, segmentText(document.text, 'en'));
    for (const r of byDoc.get(doc) ?? []) {
      const span = st1Span(raw, r, index);
      out.push({ doc, entity: r.entity, features: mentionFeaturesForSpan(prepared, span), main: r.main ?? 'Antagonist', fine: r.fine });
    }
  }
  return out;
}

/** Deterministic k-fold split by document (mulberry32 shuffle with a fixed seed). */
export function foldsByDocument(docs: readonly string[], k: number, seed: number): Map<string, number> {
  const unique = [...new Set(docs)].sort();
  let a = seed >>> 0;
  const rand = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = unique.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [unique[i], unique[j]] = [unique[j] as string, unique[i] as string];
  }
  return new Map(unique.map((d, i) => [d, i % k]));
}
