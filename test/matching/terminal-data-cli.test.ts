import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { runCli } from '../cli/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-terminal-data-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI with standard output on a terminal (runCli's stdout is a pipe). */
async function onTerminal(argv: string[]): Promise<string> {
  const stdout = Object.assign(new PassThrough(), { isTTY: true, columns: 80 });
  const chunks: Buffer[] = [];
  stdout.on('data', (c: Buffer) => chunks.push(c));
  const code = await main(argv, {
    stdout,
    stderr: new PassThrough(),
    stdin: Readable.from([]),
    cwd: dir,
    env: {},
  });
  expect(code).toBe(0);
  return Buffer.concat(chunks).toString('utf8');
}

// Our own invented fact-check whose claim holds a right-to-left override (it would show the rest of the line
// reversed) and a C1 control (CSI): JSON.stringify escapes U+0000–U+001F only.
const claim = 'Sea water cures a cold \u202etxet desrever\u202c and \u009b2J more';
writeFileSync(join(dir, 'lib.csv'), `id,claim\n1,${claim}\n`);

describe('JSON lines of fact-checks on a terminal', () => {
  it('factchecks list shows text-direction and C1 controls of imported text as spaces', async () => {
    const db = join(dir, 'f.db');
    expect((await runCli(['factchecks', 'import', 'lib.csv', '--db', db, '-q'], { cwd: dir })).code).toBe(0);
    const shown = await onTerminal(['factchecks', 'list', '--db', db]);
    expect(shown).toContain('Sea water cures a cold  txet desrever  and  2J more');
    expect(shown).not.toMatch(/[\u202e\u202c\u009b]/u);
    // A pipe or a file gets the data as it is.
    const piped = await runCli(['factchecks', 'list', '--db', db], { cwd: dir });
    expect((JSON.parse(piped.stdout) as { claim: string }).claim).toBe(claim);
  });

  it('match --json does the same', async () => {
    const shown = await onTerminal(['match', 'sea water cold', '--library', 'lib.csv', '--json']);
    expect(shown).toContain('"claim":"Sea water cures a cold  txet desrever  and  2J more"');
    const piped = await runCli(['match', 'sea water cold', '--library', 'lib.csv', '--json'], { cwd: dir });
    expect(piped.stdout).toContain(claim);
  });
});
