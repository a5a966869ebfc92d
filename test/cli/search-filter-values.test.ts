import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

// search and export --corpus answered for the whole corpus (or for none of it) as if for the outlet or range given.
describe('search and export --corpus: filter values that select nothing', () => {
  const commands = [
    ['search', 'gas'],
    ['export', 'csv', '--corpus'],
  ];
  it.each([
    [['--outlet', ''], '--outlet is empty'],
    [['--outlet', ' , '], '--outlet is empty'],
    [['--language', 'en', '--language', ''], '--language is empty'],
    [['--entity', ''], '--entity is empty'],
    [['--from', '2021-02-01', '--to', '2021-01'], '--from 2021-02-01 is after --to 2021-01'],
  ])('%j → exit 2 before the store is opened', async (argv, message) => {
    for (const command of commands) {
      const run = await runCli([...command, ...argv, '--db', '/nonexistent/narrascope.db']);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(message);
      expect(run.stdout).toBe('');
    }
  });

  it('takes a range within one month', async () => {
    for (const command of commands) {
      // Past the options: the store is missing (exit 4).
      expect(
        (
          await runCli([
            ...command,
            '--from',
            '2021-01-05',
            '--to',
            '2021-01',
            '--db',
            '/nonexistent/narrascope.db',
          ])
        ).code,
      ).toBe(4);
    }
  });
});
