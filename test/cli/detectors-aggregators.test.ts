import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { builtinRegistry } from '../../src/analyzer.js';
import { runCli } from './run-cli.js';

describe('narrascope detectors: aggregator ids', () => {
  it('names every aggregator, the ids a config file\'s "aggregators" key and explain take', async () => {
    const ids = builtinRegistry().aggregators.map((a) => a.meta.id);
    expect(ids).toContain('narrative/narratives');
    const run = await runCli(['detectors']);
    expect(run.code).toBe(0);
    const line = run.stdout.split('\n').find((l) => l.startsWith('Aggregators'));
    for (const id of ids) expect(line).toContain(id);
    // JSON stays the array of detectors.
    const json = JSON.parse((await runCli(['detectors', '--json'])).stdout) as { id: string }[];
    expect(json.some((d) => ids.includes(d.id))).toBe(false);
  });
});

describe('narrascope explain: a family where one detector is expected', () => {
  it.each(['technique', 'technique/*', 'ledger/'])(
    '%s → exit 2 pointing to detectors --family',
    async (id) => {
      const run = await runCli(['explain', id]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('is a family of detectors, not one detector');
      expect(run.stderr).toContain(`narrascope detectors --family ${id.split('/')[0]!}`);
    },
  );
});

describe('detectors and explain: an empty --out', () => {
  it.each([
    ['detectors', '--out', ''],
    ['explain', 'ledger/ledger', '--out', ' '],
    ['detectors', '--explain', 'ledger/ledger', '--out', ''],
  ])('%s … → exit 2 saying so (it named a temporary file of ours)', async (...argv) => {
    // In a folder of its own: on the old code `--out ' '` wrote a file named ' ' into the working directory.
    const run = await runCli(argv, { cwd: tmpdir() });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--out is empty');
    expect(run.stderr).not.toContain('.tmp');
  });
});
