/**
 * Count and id options of the corpus commands: a number past the database's integer range is a usage
 * error (exit 2), not an internal error from the query (exit 1), on SQLite and PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import { runCli, type CliRun } from './run-cli.js';
import { openStore } from '../../src/store/index.js';
import { dialects } from '../store/dialects.js';

const run = (...argv: string[]): Promise<CliRun> => runCli(argv);

const HUGE = '99999999999999999999';

describe.each(await dialects())('count options on %s', (_name, make) => {
  it('refuses counts and ids past the integer range with exit 2, and still takes the largest one', async () => {
    const db = make();
    const store = await openStore(db.url, { create: true });
    await store.close();
    try {
      for (const argv of [
        ['search', 'war', '--offset', HUGE],
        ['search', '--limit', HUGE],
        ['clusters', '--no-compute', '--limit', HUGE],
        ['clusters', '--no-compute', '--min-size', HUGE],
        ['clusters', '--no-compute', '--min-outlets', HUGE],
        ['stats', '--top', HUGE],
        ['search', 'war', '--limit', ''],
        ['search', 'war', '--limit', '1e3'],
      ]) {
        const r = await run(...argv, '--db', db.url);
        expect([argv.join(' '), r.code]).toEqual([argv.join(' '), 2]);
        expect(r.stderr).toMatch(/must be a whole number from \d+ to 2147483647/u);
      }
      const gone = await run('watch', 'remove', HUGE, '--db', db.url);
      expect([gone.code, gone.stderr]).toEqual([
        2,
        `narrascope watch: no watch entry #${HUGE}\n  See the ids with \`narrascope watch list\`.\n`,
      ]);
      const most = await run(
        'search',
        'war',
        '--offset',
        '2147483647',
        '--limit',
        '2147483647',
        '--db',
        db.url,
      );
      expect([most.code, most.stdout.split('\n')[0]]).toEqual([0, '0 documents']);
      expect((await run('clusters', '--no-compute', '--min-size', '2147483647', '--db', db.url)).code).toBe(
        0,
      );
    } finally {
      await db.cleanup();
    }
  });
});
