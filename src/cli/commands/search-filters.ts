import { inclusiveUpperBound } from '../../corpus/date-bound.js';
import type { CorpusSelection } from '../../corpus/selection.js';
import type { CliCommand, ParsedArgs } from '../command.js';
import { UserError } from '../errors.js';
import { ListValueError, splitListValue } from './list-value.js';

/** The filter options of `narrascope search`, shared with `export --corpus` (one spelling, one parser). */
export const FILTER_OPTIONS = {
  outlet: { type: 'string', multiple: true },
  from: { type: 'string' },
  to: { type: 'string' },
  language: { type: 'string', multiple: true },
  technique: { type: 'string', multiple: true },
  narrative: { type: 'string', multiple: true },
  entity: { type: 'string', multiple: true },
  'has-ledger': { type: 'boolean' },
  'no-ledger': { type: 'boolean' },
} as const satisfies CliCommand['options'];

const FILTER_LINES: readonly (readonly [string, string])[] = [
  ['--outlet NAME', 'only these outlets (repeat or comma-separate; quote a name with a comma: \'"Acme, Inc.",RT\')'],
  ['--from DATE --to DATE', 'publication date range, inclusive (YYYY-MM-DD)'],
  ['--language CODE', 'only these languages'],
  ['--technique NAME', 'documents using a technique (e.g. Loaded_Language)'],
  ['--narrative LABEL', 'documents with a narrative label (a coarse label also matches its sub-narratives)'],
  ['--entity NAME', 'documents mentioning an entity'],
  ['--has-ledger / --no-ledger', 'documents with / without a rebuttal ledger'],
];

/** The help lines of the filter options (less those a command lists itself), in its indentation and column width. */
export function filterHelp(indent: number, width: number, except: readonly string[] = []): string {
  return FILTER_LINES.filter(([flag]) => !except.includes(flag)).map(([flag, what]) => `${' '.repeat(indent)}${flag.length < width ? flag.padEnd(width) : `${flag}  `}${what}`).join('\n');
}

function list(args: ParsedArgs, name: string): string[] | undefined {
  const v = args.values[name];
  const items = (Array.isArray(v) ? v : v === undefined ? [] : [v])
    .filter((x): x is string => typeof x === 'string')
    .flatMap((x) => {
      try {
        return splitListValue(x);
      } catch (e) {
        if (e instanceof ListValueError) throw new UserError(`--${name}: ${e.message}`);
        throw e;
      }
    });
  return items.length ? items : undefined;
}

function date(args: ParsedArgs, name: string): string | undefined {
  const v = args.values[name];
  if (typeof v !== 'string') return undefined;
  if (!/^\d{4}(-\d{2}(-\d{2}([T ][\d:.]+Z?)?)?)?$/u.test(v) || !realDate(v)) throw new UserError(`--${name} must be a date like 2024-03-01, got "${v}"`);
  return v;
}

/**
 * Month 01-12 and a day the month has: `2024-13-45` is compared as text with the stored dates, so it
 * silently selected nothing (or everything) instead of being reported as the typo it is.
 */
function realDate(v: string): boolean {
  const [, y, m, d] = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/u.exec(v) ?? [];
  const month = m === undefined ? 1 : Number(m);
  const day = d === undefined ? 1 : Number(d);
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
}

/**
 * A filter given an empty value (`--outlet "$OUTLET"` with the variable unset, `--outlet ,`) was no filter
 * at all: search, stats and export --corpus answered for the whole corpus as if for that outlet.
 */
function refuseEmptyFilters(args: ParsedArgs): void {
  for (const name of ['outlet', 'language', 'technique', 'narrative', 'entity']) {
    const given = args.values[name];
    const values = (Array.isArray(given) ? given : given === undefined ? [] : [given]).filter((v): v is string => typeof v === 'string');
    if (values.some((v) => v.replace(/[\s,]/gu, '') === '')) throw new UserError(`--${name} is empty`, `Give a value to --${name}, or leave the option out to select every document.`);
  }
}

/** The selection the filter options describe, with `text` as the full-text query. */
export function filtersFromArgs(args: ParsedArgs, text: string): CorpusSelection {
  if (args.values['has-ledger'] && args.values['no-ledger']) throw new UserError('--has-ledger and --no-ledger exclude each other');
  refuseEmptyFilters(args);
  const outlets = list(args, 'outlet');
  const from = date(args, 'from');
  const to = date(args, 'to');
  // From after to selected nothing, as if no document had been stored.
  if (from !== undefined && to !== undefined && from > inclusiveUpperBound(to)) throw new UserError(`--from ${from} is after --to ${to}: no date is in that range`, 'Swap the two dates.');
  // Stored languages are lower-case codes (en, ru): --language EN found nothing, silently.
  const languages = list(args, 'language')?.map((l) => l.toLowerCase());
  const techniques = list(args, 'technique');
  const narratives = list(args, 'narrative');
  const entities = list(args, 'entity');
  return {
    text,
    ...(outlets ? { outlets } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(languages ? { languages } : {}),
    ...(techniques ? { techniques } : {}),
    ...(narratives ? { narratives } : {}),
    ...(entities ? { entities } : {}),
    ...(args.values['has-ledger'] ? { hasLedger: true } : args.values['no-ledger'] ? { hasLedger: false } : {}),
  };
}
