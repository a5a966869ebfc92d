/**
 * `ingest --json` on a terminal: its errors name files and quote records, and JSON escapes C0 controls but
 * not C1 (U+009B, CSI to some terminals) or bidirectional overrides, so they reached the terminal as they
 * came while the plain-text errors showed them as spaces. On a terminal they are spaces; piped, the JSON
 * keeps them (escaped or raw, as JSON.stringify writes them).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-ingest-json-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
const NAME = 'bad\u009b31m\u202etxt.jsonl';

describe('ingest --json', () => {
  writeFileSync(
    join(dir, NAME),
    `{"text": "Myth: the dam will burst."}\n[1, 2]\n{"outlet": "no text \u009b\u202e"}\n`,
  );

  it('on a terminal shows the C1 controls and overrides of its errors as spaces', async () => {
    const run = await runCli(['ingest', NAME, '--db', join(dir, 'a.db'), '--workers', '1', '--json'], {
      cwd: dir,
      stdoutTty: true,
    });
    expect(run.code).toBe(3);
    const summary = JSON.parse(run.stdout) as { errors: { message: string }[] };
    expect(summary.errors.map((e) => e.message)).toEqual([
      expect.stringContaining('bad 31m txt.jsonl:2: expected a JSON object, got an array'),
      expect.stringContaining('bad 31m txt.jsonl:3: no text'),
    ]);
    expect(run.stdout).not.toMatch(UNSAFE);
  }, 60_000);

  it('into a pipe keeps the JSON as it is', async () => {
    const run = await runCli(['ingest', NAME, '--db', join(dir, 'b.db'), '--workers', '1', '--json'], {
      cwd: dir,
    });
    const summary = JSON.parse(run.stdout) as { errors: { message: string }[] };
    expect(summary.errors[0]?.message).toContain(NAME);
  }, 60_000);
});
