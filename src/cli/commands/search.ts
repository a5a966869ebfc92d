import { search, type SearchQuery } from '../../corpus/search.js';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { DB_HELP, withStore } from '../store-command.js';
import { countOption } from './count-option.js';
import { FILTER_OPTIONS, filterHelp, filtersFromArgs } from './search-filters.js';
import { terminalData, terminalText } from '../terminal-text.js';

/** `narrascope search`: full-text search with filters and facets. */
export const searchCommand: CliCommand = {
  name: 'search',
  usage: `Usage: narrascope search [QUERY] [options]

QUERY: words (all must occur), "quoted phrases", OR between terms, -word to exclude. Empty: filters only.

Options:
  ${DB_HELP}
${filterHelp(2, 21)}
  --limit N (default 20)  --offset N
  --no-facets          skip facet counts
  --exact-total        count every match (PostgreSQL estimates totals above 1,000 matches; slow for common words)
  --json               machine-readable result`,
  options: {
    db: { type: 'string' },
    ...FILTER_OPTIONS,
    limit: { type: 'string' },
    offset: { type: 'string' },
    'no-facets': { type: 'boolean' },
    'exact-total': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run(args, io) {
    const q: SearchQuery = {
      ...filtersFromArgs(args, args.positionals.join(' ')),
      limit: countOption(args, 'limit', 20),
      offset: countOption(args, 'offset', 0),
      facets: args.values['no-facets'] !== true,
      ...(args.values['exact-total'] ? { exactTotal: true } : {}),
    };
    const result = await withStore(args, io, false, (store) => search(store, q));
    if (args.values.json) {
      // JSON escapes C0 controls but not C1 or bidirectional overrides: on a terminal they are spaces.
      const json = `${JSON.stringify(result, null, 2)}\n`;
      io.stdout.write(io.stdout.isTTY === true ? terminalData(json) : json);
      return ExitCode.ok;
    }
    // PostgreSQL estimates totals above EXACT_TOTAL_LIMIT matches (`totalExact: false`).
    const out: string[] = [`${result.totalExact ? '' : 'about '}${result.total} document${result.total === 1 ? '' : 's'}`];
    for (const h of result.hits) {
      out.push('', `${h.hash.slice(0, 12)}  ${h.publishedAt ?? '(no date)'}  ${h.outlet ?? '(no outlet)'}  ${h.language ?? ''}${h.ledgerItems ? `  ledger: ${h.ledgerItems}` : ''}`);
      if (h.title) out.push(`  ${h.title}`);
      // A claim index's record is often its title alone (`--map text=title`): the snippet would repeat it.
      if (h.snippet !== h.title) out.push(`  ${h.snippet}`);
    }
    if (result.facets) {
      out.push('');
      for (const [name, values] of Object.entries(result.facets)) {
        if (values.length) out.push(`${name}: ${values.slice(0, 8).map((v) => `${v.value} (${v.count})`).join(', ')}`);
      }
    }
    io.stdout.write(terminalText(`${out.join('\n')}\n`));
    return ExitCode.ok;
  },
};
