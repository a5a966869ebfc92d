/** A per-model scratch table: `stamp[id] === generation` once `id` was emitted in the current call. */
export interface StampTable {
  readonly stamp: Int32Array;
  generation: number;
}

/**
 * Appends a feature id unless it is unknown or already emitted in this call, so the fast feature paths give
 * each id once, in first-seen order, exactly as the string-keyed reference does.
 */
export function emitOnce(table: StampTable, ids: number[], id: number | undefined): void {
  if (id === undefined || table.stamp[id] === table.generation) return;
  table.stamp[id] = table.generation;
  ids.push(id);
}

/**
 * Empties a scratch array for reuse while keeping its storage: `a.length = 0` makes V8 drop the backing
 * store, so every reuse would allocate it again as the array regrows.
 */
export function emptyKeepingCapacity(a: unknown[]): void {
  while (a.length > 0) a.pop();
}
