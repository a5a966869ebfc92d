/** Why a store could not be used. The CLI maps every StoreError to exit code 4. */
export type StoreErrorKind =
  | 'corrupt'
  | 'locked'
  | 'missing'
  | 'unreachable'
  /** Reachable, but every pooled connection stayed in use (PostgreSQL). */
  | 'busy'
  /** A statement ran out of its time limit, or the database stopped answering (PostgreSQL). */
  | 'timeout'
  | 'too-new'
  | 'migration'
  | 'bad-url';

export class StoreError extends Error {
  constructor(
    readonly kind: StoreErrorKind,
    message: string,
    /** What the user can do about it. */
    readonly hint?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreError';
  }
}

export function isStoreError(e: unknown): e is StoreError {
  return e instanceof StoreError;
}
