/** Exit codes of the `narrascope` command; every user-facing failure maps to exactly one. */
export const ExitCode = {
  ok: 0,
  /** A bug or an unexpected failure inside Narrascope. */
  internal: 1,
  /** Bad input or usage: unknown flag, missing file, binary file, malformed taxonomy ... */
  usage: 2,
  /** Some inputs of a batch failed; the others were processed. */
  partial: 3,
  /** The store could not be opened or is corrupt / locked. */
  store: 4,
  /** A network fetch failed (timeout, unreachable host, refused content type). */
  network: 5,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
