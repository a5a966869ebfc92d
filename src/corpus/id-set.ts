/**
 * Sorted sets of document ids as Int32Arrays: the in-memory algebra of SQLite search. Each filter reads its
 * ids from its own index and the sets are intersected here, which is linear in their sizes — SQLite
 * itself would build a temporary B-tree of every full-text match before applying a filter.
 */

/** Sorted, without duplicates. */
export function toIdSet(values: readonly unknown[] | Int32Array): Int32Array {
  const a = values instanceof Int32Array ? values : Int32Array.from(values as number[]);
  let sorted = true;
  for (let i = 1; i < a.length && sorted; i++) sorted = (a[i - 1] as number) <= (a[i] as number);
  if (!sorted) a.sort();
  let n = 0;
  for (let i = 0; i < a.length; i++) if (i === 0 || a[i] !== a[i - 1]) a[n++] = a[i] as number;
  return a.subarray(0, n);
}

/** Members of every set (smallest first, each next set probed by galloping search). */
export function intersectAll(sets: readonly Int32Array[]): Int32Array {
  if (!sets.length) return new Int32Array(0);
  const ordered = [...sets].sort((x, y) => x.length - y.length);
  let acc = ordered[0] as Int32Array;
  for (let s = 1; s < ordered.length && acc.length; s++) acc = intersect(acc, ordered[s] as Int32Array);
  return acc;
}

function intersect(small: Int32Array, large: Int32Array): Int32Array {
  const out = new Int32Array(small.length);
  let n = 0;
  let lo = 0;
  for (let i = 0; i < small.length && lo < large.length; i++) {
    const x = small[i] as number;
    lo = lowerBound(large, x, lo);
    if (lo < large.length && large[lo] === x) out[n++] = x;
  }
  return out.subarray(0, n);
}

/** Members of `a` not in `b`. */
export function difference(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length);
  let n = 0;
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    j = lowerBound(b, x, j);
    if (j >= b.length || b[j] !== x) out[n++] = x;
  }
  return out.subarray(0, n);
}

export function contains(set: Int32Array, x: number): boolean {
  const i = lowerBound(set, x, 0);
  return i < set.length && set[i] === x;
}

/** First index ≥ from whose value is ≥ x (exponential then binary search: cheap for nearby targets). */
function lowerBound(a: Int32Array, x: number, from: number): number {
  let step = 1;
  let hi = from;
  while (hi < a.length && (a[hi] as number) < x) {
    from = hi + 1;
    hi += step;
    step *= 2;
  }
  hi = Math.min(hi, a.length);
  while (from < hi) {
    const mid = (from + hi) >>> 1;
    if ((a[mid] as number) < x) from = mid + 1;
    else hi = mid;
  }
  return from;
}

/**
 * Ids from a comma-separated list (SQLite `group_concat` of integer ids): one string crosses from SQLite
 * to JavaScript instead of one row per id, which is 2–3× faster for tens of thousands of ids.
 */
export function parseIdList(list: string | null): Int32Array {
  if (!list) return new Int32Array(0);
  const out = new Int32Array((list.length >>> 1) + 1);
  let n = 0;
  let v = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list.charCodeAt(i);
    if (c === 44) {
      out[n++] = v;
      v = 0;
    } else v = v * 10 + (c - 48);
  }
  out[n++] = v;
  return toIdSet(out.subarray(0, n));
}
