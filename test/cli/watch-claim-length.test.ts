/**
 * `watch add` took a 10,000-word paste as one claim: a document matches an entry when one sentence holds
 * 75% of its content words, so such an entry could never match, yet it was stored and checked against the
 * corpus. A typed claim is at most MAX_CLAIM_WORDS words and MAX_CLAIM_CHARS characters; a longer one is
 * refused as bad input (exit 2) before the store is opened, and nothing of that command is added.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_CLAIM_CHARS, MAX_CLAIM_WORDS } from '../../src/cli/commands/watch.js';
import { ExitCode } from '../../src/cli/exit-codes.js';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-watch-length-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('watch add: claim length', () => {
  it('refuses a 10,000-word claim with the count and the limit, before creating the store', async () => {
    const db = join(dir, 'a.db');
    const run = await runCli([
      'watch',
      'add',
      'The dam will burst.',
      Array(10_000).fill('pipeline').join(' '),
      '--db',
      db,
    ]);
    expect(run.code).toBe(ExitCode.usage);
    expect(run.stderr).toContain(`is too long to watch (10,000 words; at most ${MAX_CLAIM_WORDS})`);
    expect(existsSync(db)).toBe(false);
  });

  it('refuses a claim of few but very long words by its characters', async () => {
    const run = await runCli([
      'watch',
      'add',
      `${'x'.repeat(MAX_CLAIM_CHARS)} pipeline gas`,
      '--db',
      join(dir, 'b.db'),
    ]);
    expect(run.code).toBe(ExitCode.usage);
    expect(run.stderr).toContain(`characters; at most ${MAX_CLAIM_CHARS.toLocaleString('en')})`);
  });

  it(`accepts a claim of ${MAX_CLAIM_WORDS} words`, async () => {
    const claim = Array.from({ length: MAX_CLAIM_WORDS }, (_, i) => `word${i}`).join(' ');
    const run = await runCli(['watch', 'add', claim, '--db', join(dir, 'c.db')]);
    expect([run.code, run.stdout]).toEqual([ExitCode.ok, expect.stringContaining('added 1 watch entry')]);
  });
});
