import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeCommand } from '../../src/cli/commands/analyze.js';
import { detectorsCommand } from '../../src/cli/commands/detectors.js';
import { explainCommand } from '../../src/cli/commands/explain.js';
import { commands } from '../../src/cli/commands/index.js';
import { ExitCode } from '../../src/cli/exit-codes.js';

const guide = readFileSync(new URL('../../docs/cli.md', import.meta.url), 'utf8');

/** The user guide must not fall behind the commands: every flag and exit code is documented. */
describe('docs/cli.md', () => {
  it.each([analyzeCommand, detectorsCommand])('documents every option of `$name`', (command) => {
    for (const name of Object.keys(command.options)) {
      if (name === 'list') continue; // an alias kept for DESIGN.md's spelling
      expect(guide, `--${name}`).toContain(`--${name}`);
    }
  });

  it('documents the analyze options also in the command help', () => {
    for (const name of Object.keys(analyzeCommand.options))
      expect(analyzeCommand.usage, `--${name}`).toContain(`--${name}`);
    for (const name of Object.keys(explainCommand.options))
      if (name !== 'out') expect(explainCommand.usage).toContain(`--${name}`);
  });

  it('every option of every command is in its --help and in the docs', async () => {
    const docsDir = new URL('../../docs/', import.meta.url);
    const docs = readdirSync(docsDir)
      .filter((f) => f.endsWith('.md'))
      .map((f) => readFileSync(new URL(f, docsDir), 'utf8'))
      .join('\n');
    for (const entry of commands) {
      const command = await entry.load();
      for (const name of Object.keys(command.options)) {
        if (name === 'list') continue; // detectors: an alias kept for DESIGN.md's spelling
        expect(command.usage, `${entry.name} --help: --${name}`).toContain(`--${name}`);
        expect(docs, `docs: ${entry.name} --${name}`).toContain(`--${name}`);
      }
    }
  });

  it('documents every exit code of the commands', () => {
    for (const code of Object.values(ExitCode))
      expect(guide).toMatch(new RegExp(`^\\| ${code} \\|`, 'mu'));
  });
});
