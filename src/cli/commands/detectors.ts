import { builtinRegistry } from '../../analyzer.js';
import { PRESETS } from '../../core/config/config.js';
import type { DetectorMeta } from '../../core/detect/types.js';
import type { CliCommand } from '../command.js';
import { UserError } from '../errors.js';
import { writeOutput } from '../analyze/output.js';
import { str } from '../analyze/flags.js';
import { explainCommand } from './explain.js';

/** What `detectors --json` prints for each detector: its metadata without examples. */
export interface DetectorSummary {
  readonly id: string;
  readonly version: string;
  readonly family: string;
  readonly description: string;
  readonly cost: DetectorMeta['cost'];
  readonly stability: DetectorMeta['stability'];
  readonly languages: DetectorMeta['languages'];
  /** Whether the `default` preset runs it. */
  readonly defaultOn: boolean;
  /** Presets that include it. */
  readonly presets: readonly string[];
  readonly taxonomy: readonly string[];
  readonly messages: readonly string[];
}

export function summarise(meta: DetectorMeta): DetectorSummary {
  const presets = PRESETS.filter((p) => p.includes(meta)).map((p) => p.name);
  return {
    id: meta.id,
    version: meta.version,
    family: meta.family,
    description: meta.description,
    cost: meta.cost,
    stability: meta.stability,
    languages: meta.languages,
    defaultOn: presets.includes('default'),
    presets,
    taxonomy: meta.taxonomy,
    messages: Object.keys(meta.messages),
  };
}

export const detectorsCommand: CliCommand = {
  name: 'detectors',
  usage: `Usage: narrascope detectors [--json] [--family NAME] [--preset NAME] [--explain ID]

Lists every built-in detector from its metadata, then the aggregators' ids (what a config file's
"aggregators" key takes). \`narrascope explain <id>\` shows one in full.

  --json          print a JSON array (id, version, family, description, cost, stability, languages,
                  defaultOn, presets, taxonomy, messages)
  --family NAME   only this family (structure, ledger, technique, claim, evidence, ...)
  --preset NAME   only detectors this preset runs (${PRESETS.map((p) => p.name).join(', ')})
  --explain ID    the same as \`narrascope explain ID\`
  -o, --out FILE  write to FILE`,
  options: {
    json: { type: 'boolean' },
    // DESIGN.md §3 spells these `detectors --list` and `detectors --explain <id>`; both are accepted.
    list: { type: 'boolean' },
    explain: { type: 'string' },
    family: { type: 'string' },
    preset: { type: 'string' },
    out: { type: 'string', short: 'o' },
  },
  async run(args, io) {
    const explainId = str(args, 'explain');
    if (explainId !== undefined)
      return explainCommand.run(
        { values: { ...args.values, explain: undefined }, positionals: [explainId] },
        io,
      );
    let metas = builtinRegistry().detectors.map((d) => d.meta);
    // `detectors technique` listed every detector, the word silently dropped.
    const [extra] = args.positionals;
    if (extra !== undefined)
      throw new UserError(
        `unexpected argument "${extra}"`,
        metas.some((m) => m.family === extra)
          ? `To list one family: narrascope detectors --family ${extra}`
          : `To describe one detector: narrascope explain ${extra}`,
      );
    const family = str(args, 'family');
    if (family !== undefined) {
      const families = [...new Set(metas.map((m) => m.family))].sort();
      if (!families.includes(family))
        throw new UserError(`no detector family "${family}"`, `Families: ${families.join(', ')}.`);
      metas = metas.filter((m) => m.family === family);
    }
    const presetName = str(args, 'preset');
    if (presetName !== undefined) {
      const preset = PRESETS.find((p) => p.name === presetName);
      if (!preset)
        throw new UserError(
          `unknown preset "${presetName}"`,
          `Presets: ${PRESETS.map((p) => p.name).join(', ')}.`,
        );
      metas = metas.filter((m) => preset.includes(m));
    }
    metas.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const summaries = metas.map(summarise);
    const width = io.stdout.isTTY === true && str(args, 'out') === undefined ? io.stdout.columns : undefined;
    // Aggregator ids were named nowhere, though `explain` takes them and a config file's `aggregators`
    // key needs them ("unknown aggregator \"narratives\"" sent the user here, to a list without them).
    const aggregators = builtinRegistry().aggregators.map((a) => a.meta.id).sort();
    const content =
      args.values.json === true
        ? JSON.stringify(summaries, null, 2) + '\n'
        : `${table(summaries, width)}Aggregators (config key "aggregators"; \`narrascope explain <id>\`): ${aggregators.join(', ')}.\n`;
    await writeOutput(content, str(args, 'out'), io.stdout, io.cwd);
    return 0;
  },
};

/** A plain table; on a terminal, descriptions are cut to the width so each detector stays on one line. */
function table(rows: readonly DetectorSummary[], width?: number): string {
  if (rows.length === 0) return 'No detectors match.\n';
  const cells = rows.map((r) => [
    r.id,
    r.cost,
    r.stability,
    r.languages === 'any' ? 'any' : r.languages.join(','),
    r.defaultOn ? 'on' : 'off',
    r.description.replace(/\s+/gu, ' '),
  ]);
  const head = ['ID', 'COST', 'STABILITY', 'LANGUAGES', 'DEFAULT', 'DESCRIPTION'];
  const widths = head
    .slice(0, -1)
    .map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] as string).length)));
  const room =
    width === undefined ? Infinity : Math.max(20, width - widths.reduce((n, w) => n + w + 2, 0) - 1);
  const clip = (x: string): string => (x.length > room ? `${x.slice(0, room - 1)}…` : x);
  const line = (c: readonly string[]): string =>
    c
      .map((x, i) => (i < widths.length ? x.padEnd(widths[i] as number) : clip(x)))
      .join('  ')
      .trimEnd();
  const on = rows.filter((r) => r.defaultOn).length;
  return (
    [
      line(head),
      ...cells.map(line),
      '',
      `${rows.length} detector${rows.length === 1 ? '' : 's'}, ${on} on by default. Run \`narrascope explain <id>\` for one in full.`,
    ].join('\n') + '\n'
  );
}
