import { describe, expect, it } from 'vitest';
import { commands } from '../../src/cli/commands/index.js';
import { runCli } from './run-cli.js';

/** `narrascope --help` lists the commands from the index without loading them: the two must agree. */
describe('command index', () => {
  it('loads, for every listed name, the command of that name with usage text and options', async () => {
    expect(new Set(commands.map((c) => c.name)).size).toBe(commands.length);
    for (const entry of commands) {
      const command = await entry.load();
      expect(command.name).toBe(entry.name);
      expect(command.usage).toContain(entry.name);
      expect(typeof command.run).toBe('function');
      expect(entry.summary.length).toBeGreaterThan(10);
    }
  });
});

describe('an unknown command', () => {
  it('is a usage error that quotes the word with its control characters escaped, not sent to the terminal', async () => {
    const r = await runCli(['\u001b]0;owned\u0007\u009b2J\u202eanalyse']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command "\\u001b]0;owned\\u0007');
    for (const c of ['\u001b', '\u0007', '\u009b', '\u202e']) expect(r.stderr).not.toContain(c);
  });
});
