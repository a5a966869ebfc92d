import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-watch-claims-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// eslint-disable-next-line no-control-regex -- what must not reach the terminal
const RAW = /[\u001b\u0007\u202e]/u;

describe('watch: claims with control characters on the terminal', () => {
  const db = join(dir, 'w.db');

  it('shows the escapes of a refused claim instead of writing them to the terminal', async () => {
    const run = await runCli(['watch', 'add', '\u001b]0;retitled\u0007\u001b[2J', 'a\u202eb', '--db', db]);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(RAW);
    expect(run.stderr).toContain('too few content words to match on: "\\u001b]0;retitled\\u0007\\u001b[2J"');
    expect(run.stderr).toContain('"a\\u202eb"');
  });

  it('lists a stored claim with its escapes visible', async () => {
    const added = await runCli([
      'watch',
      'add',
      'The pipeline \u001b[2Jgas supplies were cut\toff',
      '--db',
      db,
    ]);
    expect(added.code).toBe(0);
    const listed = await runCli(['watch', '--db', db]);
    expect(listed.stdout).not.toMatch(RAW);
    expect(listed.stdout).toContain('#1  The pipeline \\u001b[2Jgas supplies were cut\\toff');
    // JSON keeps the claim as it was given.
    const json = JSON.parse((await runCli(['watch', '--json', '--db', db])).stdout) as { text: string }[];
    expect(json[0]!.text).toBe('The pipeline \u001b[2Jgas supplies were cut\toff');
  });
});
