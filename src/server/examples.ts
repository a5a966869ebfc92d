/**
 * Fills an empty store with the bundled example documents (examples/), so that a fresh `narrascope serve`
 * shows a corpus at once. Documents go through the same readers and analyser as `narrascope ingest`.
 */
import { existsSync } from 'node:fs';
import { readInputs } from '../ingest/read-input.js';
import type { AnalysisService } from './analysis/service.js';
import type { Store } from '../store/index.js';
import { countDocuments, saveAnalysedDocument } from '../store/index.js';

export interface ExampleIngestReport {
  readonly stored: number;
  readonly failed: readonly string[];
}

export async function ingestExamplesIfEmpty(store: Store, analysis: AnalysisService, dir: string): Promise<ExampleIngestReport | null> {
  if (!existsSync(dir) || (await countDocuments(store.db)) > 0) return null;
  let stored = 0;
  const failed: string[] = [];
  for await (const item of readInputs([dir])) {
    if (item.kind === 'error') failed.push(`${item.origin}: ${item.error.message}`);
    if (item.kind !== 'document') continue;
    try {
      const result = await analysis.analyze(item.document);
      const r = await saveAnalysedDocument(store, item.document, result);
      if (r.status === 'inserted') stored++;
    } catch (e) {
      failed.push(`${item.origin}: ${(e as Error).message}`);
    }
  }
  return { stored, failed };
}
