import type { CliIO, ParsedArgs } from '../command.js';

/**
 * One benchmark adapter of `narrascope predict <mode>`: reads a shared-task input layout and writes the
 * task's prediction format to stdout (or --out). One file per mode under cli/predict/.
 */
export interface PredictMode {
  readonly name: string;
  readonly summary: string;
  /** Usage lines shown by `narrascope predict --help`. */
  readonly usage: string;
  /** The options of `narrascope predict` this mode reads (without --): the others are refused, not ignored. */
  readonly options: readonly string[];
  run(args: ParsedArgs, io: CliIO): Promise<number>;
}
