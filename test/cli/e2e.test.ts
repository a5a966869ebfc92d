import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const built = existsSync(`${root}dist/cli/bin.js`);
if (!built) console.warn('[skip] dist/ is absent (run `npm run build`): the end-to-end CLI test is skipped.');

/** One real process through bin/narrascope.js, as a user runs it after `npm ci`. */
describe.skipIf(!built)('bin/narrascope.js end to end', () => {
  it('analyses the example fixture to JSON and exits 0; a missing file exits 2', () => {
    const ok = spawnSync(
      process.execPath,
      ['bin/narrascope.js', 'analyze', 'test/fixtures/inputs/myth-fact.txt', '--format', 'json'],
      { cwd: root, encoding: 'utf8' },
    );
    expect(ok.status).toBe(0);
    const result = JSON.parse(ok.stdout) as { document: { title: string }; rebuttals: unknown[] };
    expect(result.document.title).toBe('myth-fact');
    const missing = spawnSync(process.execPath, ['bin/narrascope.js', 'analyze', 'no-such-file.txt'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no-such-file.txt: no such file or directory');
  });
});
