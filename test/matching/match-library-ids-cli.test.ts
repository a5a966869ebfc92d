import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-match-ids-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string): string => {
  writeFileSync(join(dir, name), text);
  return name;
};
const review = (claim: string): Record<string, unknown> => ({
  '@type': 'ClaimReview',
  claimReviewed: claim,
  url: `https://d.example/${claim.length}`,
});

describe('narrascope match --library result ids', () => {
  it('names each fact-check by its id cell, or by file and position, unambiguously across files', async () => {
    // The text after the last '#' of the source was the id: 'PF#7' became '7', and the first review of
    // every JSON file was '1'.
    const files = [
      file('a.json', JSON.stringify([review('Sea water cures colds.')])),
      file('b.json', JSON.stringify([review('Sea water cures every cold.')])),
      file('c.csv', 'id,claim\nPF#7,Sea water cures a cold.\n'),
      file('d.csv', 'claim\nSea water cures colds fast.\n'),
    ];
    const r = await runCli(
      ['match', 'sea water cures colds', ...files.flatMap((f) => ['--library', f]), '--json', '--top', '4'],
      {
        cwd: dir,
      },
    );
    expect(r.code).toBe(0);
    const ids = (JSON.parse(r.stdout) as { matches: { id: string }[] }).matches.map((m) => m.id);
    expect(ids.sort()).toEqual(['PF#7', 'a.json#1', 'b.json#1', 'd.csv:2']);
  });

  it('keeps a fact-check given twice once, as factchecks import stores it', async () => {
    // A page embedding its review in two scripts: both copies took a result place.
    const script = `<script type="application/ld+json">${JSON.stringify(review('Sea water cures colds.'))}</script>`;
    const page = file('page.html', `<html><head>${script}${script}</head></html>`);
    const r = await runCli(
      ['match', 'sea water cures colds', '--library', page, '--library', 'a.json', '--json'],
      { cwd: dir },
    );
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { matches: { id: string }[] }).matches.map((m) => m.id)).toEqual([
      'page.html#script-1#1',
    ]);
    expect(r.stderr).toMatch(/2 fact-check\(s\) repeated in the library files, kept once/u);
  });
});
