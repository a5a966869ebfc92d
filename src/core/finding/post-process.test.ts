import { describe, expect, it } from 'vitest';
import { postProcess } from './post-process.js';
import type { Finding } from './types.js';

// Our own generated text: thousands of labelled lines, each with a label finding and a technique finding
// that starts on the label. Every finding counts the reads of its span.
const N = 3000;
const line = 'Lie: the plan failed badly';
const text = Array.from({ length: N }, () => line).join('\n');
let reads = 0;
function finding(detector: string, start: number, end: number): Finding {
  const f = {
    id: '',
    detector,
    detectorVersion: '1',
    family: detector.split('/')[0],
    messageId: 'm',
    message: 'm',
    confidence: 0.5,
    severity: 'info',
    data: {},
    evidence: [],
    related: [],
    taxonomy: [],
  } as unknown as Finding;
  const span = { start, end, text: text.slice(start, end) };
  Object.defineProperty(f, 'span', { get: () => (reads++, span), enumerable: true });
  return f;
}

describe('postProcess giving way on many labels', () => {
  const findings: Finding[] = [];
  for (let k = 0; k < N; k++) {
    const at = k * (line.length + 1);
    findings.push(
      finding('structure/label-word', at, at + 3),
      finding('technique/doubt', at, at + line.length),
    );
  }
  const yieldsTo = new Map([['technique/doubt', ['structure/label-word']]]);

  it('cuts each technique finding back after its own label, reading each finding a bounded number of times', () => {
    reads = 0;
    const out = postProcess(findings, { yieldsTo });
    const techniques = out.filter((f) => f.detector === 'technique/doubt');
    expect(techniques).toHaveLength(N);
    for (const f of techniques) expect(f.span.text).toBe('the plan failed badly');
    expect(out.filter((f) => f.detector === 'structure/label-word').map((f) => f.span.text)).toEqual(
      Array(N).fill('Lie'),
    );
    expect(reads).toBeLessThan(50 * findings.length);
  });
});
