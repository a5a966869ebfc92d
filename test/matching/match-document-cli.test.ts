import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-match-document-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('narrascope match --document', () => {
  it('loads the analysis pipeline only for --document', () => {
    // A static import loaded it for every match: 0.64 s → 0.28 s for one claim against a small library.
    const source = readFileSync(join(process.cwd(), 'src/cli/commands/match.ts'), 'utf8');
    expect(source).not.toMatch(/^import .*analyse-specs/mu);
    expect(source).toContain("await import('../analyse-specs.js')");
  });

  it('matches the claims of every document of a folder, labelled by document; an unreadable one gives exit 3', async () => {
    // Only the first document of a folder (or JSONL/CSV file) was matched, silently, with exit 0.
    const folder = join(dir, 'docs');
    mkdirSync(folder);
    copyFileSync(join(process.cwd(), 'examples/myth-fact-en.txt'), join(folder, 'b.txt'));
    writeFileSync(
      join(folder, 'a.txt'),
      'Radio waves cannot carry viruses, engineers at the national lab said.\n',
    );
    writeFileSync(join(folder, 'c.txt'), 'a\u0000b');
    const library = join(dir, 'lib.csv');
    writeFileSync(
      library,
      'claim,rating\nAntibiotics cure the flu.,False\n5G radio waves carry viruses.,False\n',
    );
    const r = await runCli(['match', '--document', 'docs', '--library', library, '--json', '--top', '1'], {
      cwd: dir,
    });
    const labels = r.stdout
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { query: string }).query);
    expect(labels.some((l) => l.startsWith('docs/a.txt: claim '))).toBe(true);
    expect(labels.some((l) => l.startsWith('docs/b.txt: ledger item '))).toBe(true);
    expect(r.stderr).toMatch(/docs\/c\.txt looks like a binary file/u);
    expect(r.code).toBe(3);
  });
});
