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
    expect(source).not.toMatch(/^import .*(analyse-specs|match-document|analyzer)/mu);
    expect(source).toContain("await import('./match-document.js')");
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

  it('exits 3 when library rows were skipped, also when every document was read', async () => {
    // The documents' count of failures replaced the library's: exit 0 here, exit 3 for the same library
    // with a claim.
    const doc = join(dir, 'memo.txt');
    writeFileSync(
      doc,
      'Officials say the new dam will flood the old town next spring, a leaked memo shows.\n',
    );
    const library = join(dir, 'partial.csv');
    writeFileSync(library, 'id,claim\n1,The new dam will flood the old town\n2,\n');
    const r = await runCli(['match', '--document', doc, '--library', library, '--json'], { cwd: dir });
    expect(r.stderr).toMatch(/skipped .*partial\.csv:3#2: the claim cell is empty/u);
    expect(r.stdout).toContain('"id":"1"');
    expect(r.code).toBe(3);
  });
});
