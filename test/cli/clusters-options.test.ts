import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

describe('clusters --limit', () => {
  it('refuses 0, which listed "none" under each kind as if the corpus held no cluster', async () => {
    const run = await runCli(['clusters', '--limit', '0', '--db', '/nonexistent/narrascope.db']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--limit must be a whole number from 1');
  });
});
