import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/core/result/types.js';
import { runCli } from './run-cli.js';

const taxonomies = fileURLToPath(new URL('../fixtures/taxonomies/', import.meta.url));
const TEXT =
  'The minister warned that the pipeline could be shut at any moment. Critics say the gas supplies are an energy weapon, ' +
  'and families fear a cold winter with heating bills they cannot pay.';

describe('analyze --taxonomy', () => {
  it('labels the document with a user taxonomy next to the built-in ones', async () => {
    const run = await runCli(['analyze', '-', '--format', 'json', '--taxonomy', 'energy.yaml'], {
      stdin: TEXT,
      cwd: taxonomies,
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as AnalysisResult;
    const energy = result.narratives.filter((n) => n.taxonomy === 'energy').map((n) => [n.level, n.label]);
    expect(energy).toContainEqual(['coarse', 'Energy blackmail']);
  });

  it('names file, line and field of a malformed taxonomy and exits 2', async () => {
    const run = await runCli(['analyze', '-', '--taxonomy', 'broken.yaml'], { stdin: TEXT, cwd: taxonomies });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/broken\.yaml:4:\d+: labels\[0\]\.descripton/u);
  });

  it('reports a missing taxonomy file with exit 2', async () => {
    const run = await runCli(['analyze', '-', '--taxonomy', 'nope.yaml'], { stdin: TEXT, cwd: taxonomies });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('nope.yaml');
  });
});
