import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

// Each was answered with the counts of the whole corpus, or of none of it, as if the store held that.
describe('stats: options that select nothing or contradict each other', () => {
  it.each([
    [['--from', '2021', '--to', '2020'], '--from 2021 is after --to 2020'],
    [['--from', '2024-03-05', '--to', '2024-02'], '--from 2024-03-05 is after --to 2024-02'],
    [['--outlet', ''], '--outlet is empty'],
    [['--outlet', ' , '], '--outlet is empty'],
    [['--outlet', 'RT', '--outlet', ''], '--outlet is empty'],
    [['--narrative', ''], '--narrative is empty'],
    [['--format', 'csv', '--json'], '--json and --format csv contradict each other'],
  ])('%j → exit 2', async (argv, message) => {
    const run = await runCli(['stats', ...argv, '--db', '/nonexistent/narrascope.db']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe('');
  });

  it('takes a range within one month, and --json with --format json', async () => {
    for (const argv of [
      ['--from', '2024-03-05', '--to', '2024-03'],
      ['--format', 'json', '--json'],
    ]) {
      // Past the options: the store is missing (exit 4).
      expect((await runCli(['stats', ...argv, '--db', '/nonexistent/narrascope.db'])).code).toBe(4);
    }
  });
});

describe('stats: the table of an empty store', () => {
  it('says none under each heading, in the singular or plural the count needs', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'narrascope-stats-empty-'));
    try {
      const db = join(dir, 'e.db');
      expect((await runCli(['watch', 'add', 'pipeline gas supplies were cut by the minister', '--db', db])).code).toBe(0);
      const run = await runCli(['stats', '--db', db]);
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(
        [
          '0 documents from 0 outlets',
          '',
          'Narratives (documents, first appearance, top outlets):',
          '  (none)',
          '',
          'Techniques (occurrences):',
          '  (none)',
          '',
          'Per outlet × week: use --format csv or --format json.',
          '',
        ].join('\n'),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
