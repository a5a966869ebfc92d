/**
 * `match --document FILE` read the document as UTF-8 only: a windows-1252 text came out as U+FFFD, found no
 * claims or matched nothing, without a word, and `--encoding` was refused as an option of --library files.
 * It now takes --encoding as --queries/--corpus do, and says when decoding replaced bytes.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-match-document-encoding-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Latin-1 letters are the same bytes in windows-1252; as UTF-8 each is an invalid byte.
const TEXT =
  'Myth: the dam near Görlitz will burst tonight.\nFact: engineers of the Wasserbehörde say the dam is sound.\n';

describe('match --document --encoding', () => {
  writeFileSync(join(dir, 'de.txt'), Buffer.from(TEXT, 'latin1'));
  writeFileSync(
    join(dir, 'lib.csv'),
    'claim,rating\nThe dam near Görlitz will burst tonight,False\nAntibiotics cure the flu,False\n',
  );

  it('reads the document in the encoding named and matches its claim', async () => {
    const r = await runCli(
      [
        'match',
        '--document',
        'de.txt',
        '--library',
        'lib.csv',
        '--encoding',
        'windows-1252',
        '--json',
        '--top',
        '1',
      ],
      { cwd: dir },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Görlitz will burst tonight');
    expect(r.stdout).toContain('"rating":"False"');
  }, 60_000);

  it('takes --encoding without --library (the store library), and refuses an unknown name', async () => {
    const bad = await runCli(
      ['match', '--document', 'de.txt', '--encoding', 'klingon', '--db', join(dir, 'none.db')],
      { cwd: dir },
    );
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('unknown encoding "klingon"')]);
    const empty = await runCli(
      ['match', '--document', 'de.txt', '--encoding', 'windows-1252', '--db', join(dir, 'none.db')],
      { cwd: dir },
    );
    expect(empty.stderr).not.toContain('not for this kind of query');
  }, 60_000);

  it('without --encoding says the bytes were replaced and suggests windows-1252', async () => {
    const r = await runCli(['match', '--document', 'de.txt', '--library', 'lib.csv', '--json'], { cwd: dir });
    expect(r.stderr).toMatch(
      /narrascope match: warning: .*de\.txt: \d+ invalid UTF-8 byte sequences were replaced with U\+FFFD.*--encoding windows-1252/u,
    );
  }, 60_000);

  it('shows control characters of a file name in its messages as spaces', async () => {
    writeFileSync(join(dir, 'bad\u001b]0;X\u0007.txt'), 'a\u0000b');
    const r = await runCli(['match', '--document', 'bad\u001b]0;X\u0007.txt', '--library', 'lib.csv'], {
      cwd: dir,
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad ]0;X .txt looks like a binary file');
    // eslint-disable-next-line no-control-regex -- what must not reach the terminal
    expect(r.stderr).not.toMatch(/[\u001b\u0007]/u);
  }, 60_000);
});
