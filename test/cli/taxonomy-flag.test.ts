import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  it.each([
    ['an empty path (it read the working folder)', ['--taxonomy', ''], '--taxonomy is empty'],
    ['the same file twice (the hint spoke of built-in ids)', ['--taxonomy', 'energy.yaml', '--taxonomy', './energy.yaml'], '--taxonomy ./energy.yaml is given twice'],
  ])('refuses %s with exit 2', async (_name, flags, message) => {
    const run = await runCli(['analyze', '-', ...flags], { stdin: TEXT, cwd: taxonomies });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toContain('built-in ids');
  });

  it('refuses --taxonomy when the configuration turns the narrative aggregator off (it did nothing, exit 0)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'narrascope-taxonomy-'));
    try {
      const config = join(dir, 'config.json');
      writeFileSync(config, JSON.stringify({ aggregators: { 'narrative/narratives': 'off' } }));
      const run = await runCli(['analyze', '-', '--taxonomy', 'energy.yaml', '--config', config], { stdin: TEXT, cwd: taxonomies });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('--taxonomy needs the narrative aggregator');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
