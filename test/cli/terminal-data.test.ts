/**
 * Data written to a terminal (src/cli/terminal-text.ts terminalData): an export, JSON or HTML on standard
 * output carries document text, and CSV escapes nothing, JSON not C1 controls or bidirectional overrides,
 * so an outlet named with ESC ]0;...BEL retitled the window when an export was read on screen. On a
 * terminal such characters are spaces; into a pipe or a file, the data is byte for byte as before.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-terminal-data-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ESC_TITLE = '\u001b]0;PWNED\u0007';
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
const record = {
  text: [
    `Myth: The dam will burst ${ESC_TITLE}\u202eterces\u202c tonight.`,
    'Fact: Engineers of the water board say the dam is sound.',
    'Myth: The water in the reservoir is poisoned.',
    'Fact: Laboratory tests of the water board show it is safe to drink.',
  ].join('\n'),
  title: `Dam rumours ${ESC_TITLE}`,
  outlet: `Example Daily ${ESC_TITLE}`,
  url: 'https://example.org/dam',
};
const db = join(dir, 'store.db');

beforeAll(async () => {
  writeFileSync(join(dir, 'in.jsonl'), `${JSON.stringify(record)}\n`);
  expect((await runCli(['ingest', 'in.jsonl', '--db', db, '--workers', '1'], { cwd: dir })).code).toBe(0);
}, 60_000);

describe('on a terminal, data shows control characters and overrides as spaces', () => {
  it.each([
    [['export', 'csv', '--corpus', '--table', 'ledger', '--db', db]],
    [['export', 'jsonl', '--corpus', '--db', db]],
    [['export', 'csv', 'in.jsonl', '--table', 'ledger']],
    [['export', 'stix', 'in.jsonl']],
    [['analyze', 'in.jsonl', '--format', 'json']],
    [['analyze', 'in.jsonl', '--format', 'html']],
    [['search', 'dam', '--json', '--db', db]],
  ])(
    '%j',
    async (argv) => {
      const shown = await runCli(argv, { cwd: dir, stdoutTty: true });
      expect(shown.code).toBe(0);
      expect(shown.stdout).toMatch(/Example Daily|Dam rumours|terces/u);
      expect(shown.stdout).not.toMatch(UNSAFE);
    },
    60_000,
  );

  it('a CSV on a terminal keeps its CRLF line ends; piped, the claim is byte for byte (its override kept)', async () => {
    const argv = ['export', 'csv', '--corpus', '--table', 'ledger', '--db', db];
    const shown = await runCli(argv, { cwd: dir, stdoutTty: true });
    expect(shown.stdout).toContain(' terces  tonight.');
    expect(shown.stdout).toContain('\r\n');
    const piped = await runCli(argv, { cwd: dir });
    expect(piped.stdout).toContain('\u202eterces\u202c tonight.');
  });

  it('the stylish report keeps its own colours on a terminal', async () => {
    const r = await runCli(['analyze', 'in.jsonl', '--color'], { cwd: dir, stdoutTty: true });
    expect(r.stdout).toContain('\u001b[');
    expect(r.stdout).not.toContain(ESC_TITLE);
  });
});
