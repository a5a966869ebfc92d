import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

// Words these commands do not take were dropped in silence: `stats gas` counted the whole corpus.
describe('a word where a command takes options only', () => {
  it.each([
    [
      ['stats', 'gas', 'pipeline', '--db', '/nonexistent/narrascope.db'],
      'unexpected argument "gas"',
      '--query',
    ],
    [
      ['clusters', 'near-duplicate', '--db', '/nonexistent/narrascope.db'],
      'unexpected argument "near-duplicate"',
      'clusters --help',
    ],
    [['detectors', 'technique'], 'unexpected argument "technique"', 'detectors --family technique'],
    [
      ['detectors', 'ledger/claim-attribution'],
      'unexpected argument',
      'narrascope explain ledger/claim-attribution',
    ],
  ])('%j → exit 2 naming it', async (argv, message, hint) => {
    const run = await runCli(argv);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain(hint);
    expect(run.stdout).toBe('');
  });
});
