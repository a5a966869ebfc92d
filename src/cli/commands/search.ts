import { search, type SearchQuery } from '../../corpus/search.js';
import type { CliCommand, ParsedArgs } from '../command.js';
import { UserError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { DB_HELP, withStore } from './ingest.js';

function list(args: ParsedArgs, name: string): string[] | undefined {
  const v = args.values[name];
  const items = (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string').flatMap((x) => x.split(',')).map((x) => x.trim()).filter(Boolean);
  return items.length ? items : undefined;
}

function date(args: ParsedArgs, name: string): string | undefined {
  const v = args.values[name];
  if (typeof v !== 'string') return undefined;
  if (!/^\d{4}(-\d{2}(-\d{2}([T ][\d:.]+Z?)?)?)?$/u.test(v)) throw new UserError(`--${name} must be a date like 2024-03-01, got "${v}"`);
  return v;
}

/** `narrascope search`: full-text search with filters and facets. */
export const searchCommand: CliCommand = {
  name: 'search',
  usage: `Usage: narrascope search [QUERY] [options]

QUERY: words (all must occur), "quoted phrases", OR between terms, -word to exclude. Empty: filters only.

Options:
  ${DB_HELP}
  --outlet NAME        only these outlets (repeat or comma-separate)
  --from DATE --to DATE  publication date range, inclusive (YYYY-MM-DD)
  --language CODE      only these languages
  --technique NAME     documents using a technique (e.g. Loaded_Language)
  --narrative LABEL    documents with a narrative label (a coarse label also matches its sub-narratives)
  --entity NAME        documents mentioning an entity
  --has-ledger / --no-ledger   documents with / without a rebuttal ledger
  --limit N (default 20)  --offset N
  --no-facets          skip facet counts
  --exact-total        count every match (PostgreSQL estimates totals above 1,000 matches; slow for common words)
  --json               machine-readable result`,
  options: {
    db: { type: 'string' },
    outlet: { type: 'string', multiple: true },
    from: { type: 'string' },
    to: { type: 'string' },
    language: { type: 'string', multiple: true },
    technique: { type: 'string', multiple: true },
    narrative: { type: 'string', multiple: true },
    entity: { type: 'string', multiple: true },
    'has-ledger': { type: 'boolean' },
    'no-ledger': { type: 'boolean' },
    limit: { type: 'string' },
    offset: { type: 'string' },
    'no-facets': { type: 'boolean' },
    'exact-total': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run(args, io) {
    const num = (name: string, dflt: number): number => {
      const v = args.values[name];
      if (v === undefined) return dflt;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0) throw new UserError(`--${name} must be a whole number, got "${String(v)}"`);
      return n;
    };
    if (args.values['has-ledger'] && args.values['no-ledger']) throw new UserError('--has-ledger and --no-ledger exclude each other');
    const q: SearchQuery = {
      text: args.positionals.join(' '),
      ...(list(args, 'outlet') ? { outlets: list(args, 'outlet') as string[] } : {}),
      ...(date(args, 'from') ? { from: date(args, 'from') as string } : {}),
      ...(date(args, 'to') ? { to: date(args, 'to') as string } : {}),
      ...(list(args, 'language') ? { languages: list(args, 'language') as string[] } : {}),
      ...(list(args, 'technique') ? { techniques: list(args, 'technique') as string[] } : {}),
      ...(list(args, 'narrative') ? { narratives: list(args, 'narrative') as string[] } : {}),
      ...(list(args, 'entity') ? { entities: list(args, 'entity') as string[] } : {}),
      ...(args.values['has-ledger'] ? { hasLedger: true } : args.values['no-ledger'] ? { hasLedger: false } : {}),
      limit: num('limit', 20),
      offset: num('offset', 0),
      facets: args.values['no-facets'] !== true,
      ...(args.values['exact-total'] ? { exactTotal: true } : {}),
    };
    const result = await withStore(args, io, false, (store) => search(store, q));
    if (args.values.json) {
      io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      return ExitCode.ok;
    }
    // PostgreSQL estimates totals above EXACT_TOTAL_LIMIT matches (`totalExact: false`).
    const out: string[] = [`${result.totalExact ? '' : 'about '}${result.total} document${result.total === 1 ? '' : 's'}`];
    for (const h of result.hits) {
      out.push('', `${h.hash.slice(0, 12)}  ${h.publishedAt ?? '(no date)'}  ${h.outlet ?? '(no outlet)'}  ${h.language ?? ''}${h.ledgerItems ? `  ledger: ${h.ledgerItems}` : ''}`);
      if (h.title) out.push(`  ${h.title}`);
      out.push(`  ${h.snippet}`);
    }
    if (result.facets) {
      out.push('');
      for (const [name, values] of Object.entries(result.facets)) {
        if (values.length) out.push(`${name}: ${values.slice(0, 8).map((v) => `${v.value} (${v.count})`).join(', ')}`);
      }
    }
    io.stdout.write(`${out.join('\n')}\n`);
    return ExitCode.ok;
  },
};
