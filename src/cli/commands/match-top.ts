import type { ParsedArgs } from '../command.js';
import { UserError } from '../errors.js';
import { countOption } from './count-option.js';

/**
 * Results per query: a whole number from 1 to MAX_TOP. `--top 2.5` was taken and cut to 2 results, and
 * `1e2` or `0x10` read as numbers; only digits are a count, as for every other count option.
 */
const MAX_TOP = 1000;
export function topOption(args: ParsedArgs, dflt: number): number {
  const k = countOption(args, 'top', dflt, 1);
  if (k > MAX_TOP) throw new UserError(`--top must be a whole number from 1 to ${MAX_TOP}, got "${k}"`);
  return k;
}
