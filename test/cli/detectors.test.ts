import { describe, expect, it } from 'vitest';
import { builtinAggregators } from '../../src/aggregators/index.js';
import { builtinDetectors } from '../../src/detectors/index.js';
import type { DetectorSummary } from '../../src/cli/commands/detectors.js';
import { explainAggregatorText, explainText, suggest } from '../../src/cli/commands/explain.js';
import { heading } from '../../src/detectors/structure/heading.js';
import { runCli } from './run-cli.js';

describe('narrascope detectors', () => {
  it('lists every built-in detector as JSON, sorted, with metadata', async () => {
    const r = await runCli(['detectors', '--json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as DetectorSummary[];
    expect(list.map((d) => d.id)).toEqual(builtinDetectors.map((d) => d.meta.id).sort());
    expect(list.find((d) => d.id === 'structure/heading')).toMatchObject({
      family: 'structure',
      cost: 'cheap',
      stability: 'stable',
      languages: 'any',
      defaultOn: true,
      messages: ['heading'],
    });
  });

  it('prints a table with one row per detector and a count', async () => {
    const r = await runCli(['detectors']);
    expect(r.stdout.split('\n')[0]).toMatch(/^ID\s+COST\s+STABILITY\s+LANGUAGES\s+DEFAULT\s+DESCRIPTION$/u);
    expect(r.stdout).toMatch(/^structure\/heading\s+cheap\s+stable\s+any\s+on\s+Headings/mu);
    expect(r.stdout).toContain(`${builtinDetectors.length} detectors`);
  });

  it('accepts the DESIGN.md spelling: --list and --explain ID', async () => {
    const list = await runCli(['detectors', '--list']);
    expect(list.stdout).toBe((await runCli(['detectors'])).stdout);
    const explained = await runCli(['detectors', '--explain', 'structure/heading']);
    expect(explained.stdout).toBe((await runCli(['explain', 'structure/heading'])).stdout);
  });

  it('filters by family and preset, and refuses unknown ones', async () => {
    const fam = JSON.parse(
      (await runCli(['detectors', '--json', '--family', 'structure'])).stdout,
    ) as DetectorSummary[];
    expect(fam.length).toBeGreaterThan(0);
    expect(fam.every((d) => d.family === 'structure')).toBe(true);
    const bad = await runCli(['detectors', '--family', 'nope']);
    expect([bad.code, bad.stderr.includes('no detector family "nope"')]).toEqual([2, true]);
    const preset = await runCli(['detectors', '--preset', 'nope']);
    expect(preset.code).toBe(2);
  });
});

describe('narrascope explain', () => {
  it('prints description, presets, messages, options and examples with the marked span readable', async () => {
    const r = await runCli(['explain', 'structure/heading']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(
      'structure/heading  v1.0.0 · structure · cheap · stable · on by default',
    );
    expect(r.stdout).toContain(heading.meta.description);
    expect(r.stdout).toContain('  heading: Heading (level {{level}}).');
    expect(r.stdout).toContain('# [[Myths and facts]]');
    expect(r.stdout).toContain('→ heading {"level":1}');
    expect(r.stdout).toContain('Just one ordinary sentence that ends with a full stop.');
    expect(r.stdout).not.toMatch(/[⟦⟧]/u);
  });

  it('underlines the span instead when colour is on', () => {
    const text = explainText(heading.meta, true);
    expect(text).toContain('\u001b[4m');
    expect(text).not.toContain('[[');
  });

  it('shows options with defaults and bounds, and known limits', () => {
    const text = explainText({
      ...heading.meta,
      options: { threshold: { type: 'number', default: 0.5, min: 0, max: 1, description: 'Minimum score.' } },
      docs: {
        limits: 'Misses headings written as ordinary sentences.',
        references: ['https://example.org/ref'],
      },
    });
    expect(text).toContain('  threshold (number, default 0.5; min 0, max 1)\n      Minimum score.');
    expect(text).toContain('Known limits\n  Misses headings written as ordinary sentences.');
    expect(text).toContain('  - https://example.org/ref');
  });

  it('names the detectors a detector yields to, and says nothing when it yields to none', () => {
    expect(explainText({ ...heading.meta, yieldsTo: ['structure/label-word'] })).toContain('Yields to: structure/label-word (its findings inside theirs are dropped; those that start or end on theirs are cut back)');
    expect(explainText(heading.meta)).not.toContain('Yields to');
  });

  it('prints the metadata as JSON with --json', async () => {
    const r = await runCli(['explain', 'structure/heading', '--json']);
    expect(JSON.parse(r.stdout)).toMatchObject({
      id: 'structure/heading',
      examples: { valid: heading.meta.examples.valid },
    });
  });

  it.each([
    ['heading', 'Did you mean "structure/heading"?'],
    ['structure/headng', 'Did you mean "structure/heading"?'],
    ['zzz/qqq', 'Run `narrascope detectors` for the list of ids.'],
  ])('an unknown id "%s" exits 2 with close matches', async (id, hint) => {
    const r = await runCli(['explain', id]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`unknown detector "${id}"`);
    expect(r.stderr).toContain(hint);
  });

  it('explains an aggregator: what it produces, its messages and options', async () => {
    const text = explainAggregatorText({
      id: 'ledger/test',
      version: '1.2.0',
      description: 'Builds a test ledger.',
      produces: ['rebuttals', 'findings'],
      messages: { 'no-source': 'Rebuttal cites no source.' },
      options: { maxItems: { type: 'number', default: 50, description: 'Most items kept.' } },
    });
    expect(text.split('\n')[0]).toBe('ledger/test  v1.2.0 · aggregator · produces rebuttals, findings');
    expect(text).toContain('  no-source: Rebuttal cites no source.');
    expect(text).toContain('  maxItems (number, default 50)\n      Most items kept.');
    const first = builtinAggregators[0];
    if (first) {
      const r = await runCli(['explain', first.meta.id]);
      expect([r.code, r.stdout.startsWith(`${first.meta.id}  v`)]).toEqual([0, true]);
    }
  });

  it('needs exactly one id', async () => {
    expect((await runCli(['explain'])).code).toBe(2);
    expect((await runCli(['explain', 'a/b', 'c/d'])).code).toBe(2);
  });

  it('every built-in detector can be explained', () => {
    for (const d of builtinDetectors) expect(explainText(d.meta)).toContain(d.meta.id);
  });
});

describe('suggest', () => {
  const ids = [
    'structure/heading',
    'structure/label-word',
    'technique/loaded-language',
    'technique/name-calling',
  ];
  it.each([
    ['loaded-language', ['technique/loaded-language']],
    ['technique/loaded-languag', ['technique/loaded-language']],
    ['structure/label', ['structure/label-word']],
    ['completely-different', []],
  ])('%s → %j', (wanted, expected) => expect(suggest(wanted, ids)).toEqual(expected));
});
