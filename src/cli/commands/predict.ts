import type { CliCommand } from '../command.js';
import { UserError } from '../errors.js';
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
    return mode.run({ values: args.values, positionals: args.positionals.slice(1) }, io);
  },
};
