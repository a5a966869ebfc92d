// One analyzer serves many documents (the CLI, the server and the ingest workers each keep one): it must keep
// nothing from one document to the next, whatever the order, and overlapping calls must not mix.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnalyzer, type AnalysisResult } from '../../src/index.js';

const root = join(import.meta.dirname, '..', '..');
const ledgerDir = join(root, 'test', 'fixtures', 'ledger');
const texts = [
  readFileSync(join(root, 'examples', 'myth-fact-en.txt'), 'utf8'),
  ...readdirSync(ledgerDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .slice(0, 5)
    .map((f) => readFileSync(join(ledgerDir, f), 'utf8')),
];

/** The result without its timings, which differ from run to run. */
function comparable(r: AnalysisResult): string {
  return JSON.stringify({
    ...r,
    stats: { ...r.stats, totalMs: 0, segmentMs: 0, detectors: {}, aggregators: {} },
  });
}

describe('an analyzer reused across documents', () => {
  it('gives each text the result a fresh analyzer gives it: in order, in reverse and all at once', async () => {
    const fresh: string[] = [];
    for (const t of texts) fresh.push(comparable(await createAnalyzer().analyzeText(t)));
    const analyzer = createAnalyzer();
    const forward: string[] = [];
    for (const t of texts) forward.push(comparable(await analyzer.analyzeText(t)));
    const backward: string[] = [];
    for (const t of [...texts].reverse()) backward.unshift(comparable(await analyzer.analyzeText(t)));
    const together = (await Promise.all(texts.map((t) => analyzer.analyzeText(t)))).map(comparable);
    expect(forward).toEqual(fresh);
    expect(backward).toEqual(fresh);
    expect(together).toEqual(fresh);
  });

  it('is not spoilt by a call that was refused', async () => {
    const analyzer = createAnalyzer({ identifyLanguage: false });
    const before = comparable(await analyzer.analyzeText(texts[0] ?? ''));
    await expect(analyzer.analyzeText(42 as never)).rejects.toThrow(TypeError);
    await expect(analyzer.analyze(null as never)).rejects.toThrow(TypeError);
    expect(comparable(await analyzer.analyzeText(texts[0] ?? ''))).toBe(before);
  });
});
