import { describe, expect, it } from 'vitest';
import { checkConfig } from '../../src/cli/analyze/config-file.js';
import { createAnalyzer } from '../../src/index.js';

/** What the library says about the same config, one line per problem. */
function libraryProblems(config: unknown): string[] {
  try {
    createAnalyzer(config as never);
    return [];
  } catch (e) {
    return (e as Error).message.split('; ');
  }
}

describe('config file check', () => {
  // The CLI kept its own copy of the shape check: other wording, and no upper bound for timeoutMs.
  it.each([
    [{ timeoutMs: 1e12 }],
    [{ timeoutMs: 0 }],
    [{ timeoutMs: Number.MAX_VALUE }],
    [{ minConfidence: 'high' }],
    [{ minConfidence: 2 }],
    [{ preset: 3 }],
    [{ detectors: 'structure/*' }],
    [{ rules: { 'structure/heading': 3 } }],
    [{ aggregators: { 'ledger/ledger': 'on' } }],
    [{ minConfidence: -1, timeoutMs: -1 }],
  ])('gives the library its own lines for %j', (config) => {
    const lines = checkConfig(config);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines).toEqual(libraryProblems(config));
  });

  it('lets a good config and $-keys through', () => {
    expect(checkConfig({ $schema: 'x', preset: 'default', timeoutMs: 2_147_483_647, minConfidence: 0.5 })).toEqual([]);
  });

  it('names an unknown key with the library\'s words, listing only the keys a file can carry', () => {
    expect(checkConfig({ presets: 'all', registry: {} })).toEqual([
      'unknown option "presets"; known options: preset, detectors, rules, aggregators, minConfidence, timeoutMs',
      'unknown option "registry"; known options: preset, detectors, rules, aggregators, minConfidence, timeoutMs',
    ]);
  });

  it('refuses a file that is not an object', () => {
    expect(checkConfig([])).toEqual(['the configuration must be an object, got []']);
  });
});
