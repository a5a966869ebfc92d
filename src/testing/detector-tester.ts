import type { Detector, InvalidExample } from '../core/detect/types.js';
import { validateDetectorMeta } from '../core/detect/registry.js';
import type { Finding } from '../core/finding/types.js';
import { parseMarkers } from './markers.js';
import { runDetector, type RunDetectorOptions } from './run-detector.js';

export interface TesterCase extends InvalidExample {
  /** Human name for the case; defaults to the text. */
  readonly name?: string;
}

export interface TesterFailure {
  readonly case: string;
  readonly problem: string;
}

/**
 * The table-driven detector tester (after ESLint's RuleTester): `valid` texts must give no finding; each
 * `invalid` case marks every expected span with ⟦ ⟧ and states the message id and, where given, the data.
 * Duplicate cases are rejected, positions are checked against the markers, and each case runs twice to
 * check that the detector is deterministic. Returns the failures; an empty list means the detector passes.
 */
export async function testDetector(
  detector: Detector,
  cases: { valid?: readonly string[]; invalid?: readonly TesterCase[] } = detector.meta.examples,
  opts: Omit<RunDetectorOptions, 'options' | 'language'> = {},
): Promise<TesterFailure[]> {
  const failures: TesterFailure[] = [];
  try {
    validateDetectorMeta(detector.meta);
  } catch (e) {
    failures.push({ case: '(meta)', problem: (e as Error).message });
  }
  const seen = new Set<string>();
  const dedupe = (key: string, name: string): boolean => {
    if (seen.has(key)) {
      failures.push({ case: name, problem: 'duplicate test case' });
      return false;
    }
    seen.add(key);
    return true;
  };
  for (const text of cases.valid ?? []) {
    if (!dedupe(`valid\u0000${text}`, text)) continue;
    const found = await runDetector(detector, text, opts);
    if (found.length > 0) failures.push({ case: text, problem: `expected no findings, got ${describe(found)}` });
  }
  for (const c of cases.invalid ?? []) {
    const name = c.name ?? c.text;
    if (!dedupe(`invalid\u0000${c.text}\u0000${JSON.stringify(c.options ?? {})}\u0000${c.language ?? ''}`, name)) continue;
    let parsed;
    try {
      parsed = parseMarkers(c.text);
    } catch (e) {
      failures.push({ case: name, problem: (e as Error).message });
      continue;
    }
    if (parsed.spans.length === 0) {
      failures.push({ case: name, problem: 'invalid case marks no span with ⟦ ⟧' });
      continue;
    }
    const runOpts = { ...opts, ...(c.options ? { options: c.options } : {}), ...(c.language ? { language: c.language } : {}) };
    const first = await runDetector(detector, parsed.text, runOpts);
    const second = await runDetector(detector, parsed.text, runOpts);
    if (JSON.stringify(first) !== JSON.stringify(second)) failures.push({ case: name, problem: 'not deterministic: two runs differ' });
    const relevant = first.filter((f) => f.messageId === c.messageId);
    const got = relevant.map((f) => `${f.span.start}-${f.span.end}`).sort();
    const want = parsed.spans.map((s) => `${s.start}-${s.end}`).sort();
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      failures.push({ case: name, problem: `expected ${c.messageId} at [${want.join(', ')}], got [${got.join(', ')}] (${describe(first)})` });
      continue;
    }
    if (c.data) {
      for (const f of relevant) {
        for (const [k, v] of Object.entries(c.data)) {
          if (f.data[k] !== v) failures.push({ case: name, problem: `data.${k}: expected ${JSON.stringify(v)}, got ${JSON.stringify(f.data[k])}` });
        }
      }
    }
    for (const f of first) {
      if (parsed.text.slice(f.span.start, f.span.end) !== f.span.text) failures.push({ case: name, problem: `finding ${f.messageId} quotes text that is not at its span` });
    }
  }
  return failures;
}

function describe(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'none';
  return findings.map((f) => `${f.messageId}@${f.span.start}-${f.span.end} "${f.span.text.slice(0, 40)}"`).join('; ');
}
