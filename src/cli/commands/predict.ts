import { realpath } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { CliCommand } from '../command.js';
import { UserError } from '../errors.js';
import { refuseOutputOverInput } from '../output-target.js';
import { predictModes } from '../predict/index.js';

/** `narrascope predict <mode>`: benchmark adapters that read and write shared-task formats. */
export const predictCommand: CliCommand = {
  name: 'predict',
  get usage(): string {
    return [
      'Usage: narrascope predict <mode> [options]',
      '',
      'Modes:',
      ...predictModes.map((m) => `  ${m.name.padEnd(12)} ${m.summary}\n${m.usage.replace(/^/gmu, '      ')}`),
      '',
      'Common options: --out FILE (default: standard output)',
      '',
      'Offsets count code points (the task files were made in Python). On a terminal, a progress line on stderr.',
      'Exit codes: 0 all written; 2 bad input or usage, nothing written; 3 some documents or mentions skipped',
      '(narratives, roles; each named on stderr), the others written (all skipped: 2); 1 internal error.',
    ].join('\n');
  },
  options: {
    articles: { type: 'string' },
    documents: { type: 'string' },
    spans: { type: 'string' },
    mentions: { type: 'string' },
    out: { type: 'string', short: 'o' },
    'min-confidence': { type: 'string' },
  },
  async run(args, io) {
    const [modeName] = args.positionals;
    const mode = predictModes.find((m) => m.name === modeName);
    if (!mode) {
      throw new UserError(
        modeName ? `unknown predict mode "${modeName}"` : 'no predict mode given',
        `Modes: ${predictModes.map((m) => m.name).join(', ') || '(none registered)'}. Run \`narrascope predict --help\`.`,
      );
    }
    // A word or an option the mode does not read was dropped in silence: `predict spans articles/` ran
    // without its folder's name in the message, `predict paragraphs --min-confidence 0.5` did not filter.
    const [extra] = args.positionals.slice(1);
    if (extra !== undefined) {
      throw new UserError(`unexpected argument "${extra}"`, `predict ${mode.name} takes options only: ${mode.usage.split('\n')[0]}`);
    }
    const unread = Object.keys(args.values).find((k) => args.values[k] !== undefined && !mode.options.includes(k));
    if (unread !== undefined) {
      throw new UserError(`predict ${mode.name} does not take --${unread}`, `Its options: ${mode.usage.split('\n')[0]}`);
    }
    await refuseOutputOverAnInput(mode.name, args.values, io.cwd);
    return mode.run({ values: args.values, positionals: [] }, io);
  },
};

/**
 * `predict spans --articles arts -o arts/article1.txt` (or `--spans s.tsv -o s.tsv`) read the input, then
 * replaced it with the prediction file, exit 0: the article lost. Refused before any work, as the other
 * commands do. Of an input folder, the `*.txt` files directly in it are read (roles: any file in it, by
 * the names in the mentions file).
 */
async function refuseOutputOverAnInput(mode: string, values: Readonly<Record<string, unknown>>, cwd: string): Promise<void> {
  const text = (key: string): string | undefined => (typeof values[key] === 'string' ? values[key] : undefined);
  const out = text('out');
  const folderArg = text('articles') ?? text('documents');
  const folder = folderArg === undefined ? null : await realpath(resolve(cwd, folderArg)).catch(() => null);
  const readFromFolder = (path: string): boolean => dirname(path) === folder && (mode === 'roles' || path.endsWith('.txt'));
  await refuseOutputOverInput(out, [folderArg, text('spans'), text('mentions')], cwd, readFromFolder);
}
