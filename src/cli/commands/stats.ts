import { corpusStats, statsToCsv } from '../../corpus/stats.js';
import type { CliCommand } from '../command.js';
import { UserError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { DB_HELP, withStore } from '../store-command.js';
import { FILTER_OPTIONS, filterHelp, filtersFromArgs } from './search-filters.js';
import { terminalText } from '../terminal-text.js';
import { countOption } from './count-option.js';

/** `narrascope stats`: narrative and technique counts by outlet × week. */
export const statsCommand: CliCommand = {
  name: 'stats',
  usage: `Usage: narrascope stats [options]

Options:
  ${DB_HELP}
  --format F       table (default), csv (kind,label,outlet,week,documents,count,taxonomy) or json
  --json           the same as --format json
  --from DATE --to DATE   publication date range (YYYY-MM-DD)
  --outlet NAME    only these outlets (repeat or comma-separate)
  --level L        narrative level: coarse or fine (default both)
  --top N          outlets listed per narrative (default 5)

Only the documents a search selects (the filters of \`narrascope search\`):
  --query WORDS      full-text query (words, "phrases", OR, -word)
${filterHelp(2, 19, ['--outlet NAME', '--from DATE --to DATE'])}

Examples:
  narrascope stats --query "gas OR pipeline" --format csv > gas-narratives.csv
  narrascope stats --narrative "URW: Blaming the war on others" --level fine   # what comes with a narrative`,
  options: {
    db: { type: 'string' },
    format: { type: 'string' },
    level: { type: 'string' },
    top: { type: 'string' },
    json: { type: 'boolean' },
    query: { type: 'string' },
    ...FILTER_OPTIONS,
  },
  async run(args, io) {
    // `stats gas pipeline` counted the whole corpus, the words silently dropped.
    if (args.positionals.length > 0)
      throw new UserError(`unexpected argument "${args.positionals[0]}"`, 'stats takes options only; to count the documents that mention words, use --query "WORDS".');
    // `--format csv --json` wrote JSON, the --format given dropped in silence.
    if (args.values.json && typeof args.values.format === 'string' && args.values.format !== 'json')
      throw new UserError(`--json and --format ${args.values.format} contradict each other`, '--json is the same as --format json: give one of them.');
    const format = args.values.json ? 'json' : typeof args.values.format === 'string' ? args.values.format : 'table';
    if (!['table', 'csv', 'json'].includes(format)) throw new UserError(`--format must be table, csv or json, got "${format}"`);
    const level = args.values.level;
    if (level !== undefined && level !== 'coarse' && level !== 'fine') throw new UserError(`--level must be coarse or fine, got "${String(level)}"`);
    for (const name of ['from', 'to']) {
      const v = args.values[name];
      if (typeof v === 'string' && !/^\d{4}(-\d{2}(-\d{2})?)?$/u.test(v)) throw new UserError(`--${name} must be a date like 2024-03-01, got "${v}"`);
    }
    const top = countOption(args, 'top', 5, 1);
    // Outlets and dates are stats' own options; the other filters select documents as search does.
    const { outlets = [], from: _f, to: _t, ...select } = filtersFromArgs(args, typeof args.values.query === 'string' ? args.values.query : '');
    const selecting = Object.keys(select).some((k) => k !== 'text') || Boolean(select.text?.trim());
    const stats = await withStore(args, io, false, (store) =>
      corpusStats(store, {
        ...(typeof args.values.from === 'string' ? { from: args.values.from } : {}),
        ...(typeof args.values.to === 'string' ? { to: args.values.to } : {}),
        ...(outlets.length ? { outlets } : {}),
        ...(level ? { level } : {}),
        topOutlets: top,
        ...(selecting ? { select } : {}),
      }),
    );
    if (format === 'json') io.stdout.write(`${JSON.stringify(stats, null, 2)}\n`);
    else if (format === 'csv') io.stdout.write(statsToCsv(stats));
    else {
      const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
      const lines = [`${count(stats.documents, 'document')} from ${count(stats.outlets, 'outlet')}`, '', 'Narratives (documents, first appearance, top outlets):'];
      if (!stats.narratives.length) lines.push('  (none)');
      // A label that more than one taxonomy uses (every taxonomy's `Other`) is named with its taxonomy.
      const taxonomiesOf = new Map<string, number>();
      for (const n of stats.narratives) taxonomiesOf.set(n.label, (taxonomiesOf.get(n.label) ?? 0) + 1);
      for (const n of stats.narratives) {
        const label = (taxonomiesOf.get(n.label) ?? 0) > 1 ? `${n.label} (${n.taxonomy})` : n.label;
        lines.push(`  ${label}: ${n.documents}; first ${n.firstAppearance ? `${n.firstAppearance.date} (${n.firstAppearance.outlet ?? 'no outlet'})` : 'undated'}`);
        lines.push(`    ${n.topOutlets.map((o) => `${o.outlet ?? '(no outlet)'} (${o.documents})`).join(', ')}`);
      }
      const techniques = new Map<string, number>();
      for (const r of stats.rows) if (r.kind === 'technique') techniques.set(r.label, (techniques.get(r.label) ?? 0) + r.count);
      lines.push('', 'Techniques (occurrences):');
      if (!techniques.size) lines.push('  (none)');
      for (const [t, n] of [...techniques].sort((a, b) => b[1] - a[1])) lines.push(`  ${t}: ${n}`);
      lines.push('', 'Per outlet × week: use --format csv or --format json.');
      io.stdout.write(terminalText(`${lines.join('\n')}\n`));
    }
    return ExitCode.ok;
  },
};
