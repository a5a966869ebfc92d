import { describe, expect, it } from 'vitest';
import { commands } from '../../src/cli/commands/index.js';

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
