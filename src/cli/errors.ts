import { ExitCode } from './exit-codes.js';

/**
 * An error the user can act on: says what happened, why, and what to do, and carries its exit code.
 * Anything else reaching the top level is reported as an internal error (exit 1).
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
    readonly exitCode: ExitCode = ExitCode.usage,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
