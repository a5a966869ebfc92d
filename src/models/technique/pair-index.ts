/**
 * A read-only map from a pair of small non-negative integers (two interned word ids) to a non-negative
 * integer (a feature id, or a slot in a weight array). The fast feature paths look a bigram up for almost
 * every token; a JavaScript Map keyed by `x * V + y` costs ~100 ns per look-up (hashing plus probing a
 * large table of heap objects), this open-addressing table of typed arrays a fraction of that.
 */
export class PairIndex {
  private readonly first: Int32Array;
  private readonly second: Int32Array;
  private readonly values: Int32Array;
  private readonly mask: number;
  readonly size: number;

  /** Later entries with the same pair replace earlier ones (as Map.set does). */
  constructor(entries: Iterable<readonly [number, number, number]>) {
    const list = [...entries];
    // Load factor ≤ 1/2: unsuccessful look-ups (most of them) end after a probe or two.
    let capacity = 8;
    while (capacity < list.length * 2) capacity *= 2;
    this.first = new Int32Array(capacity).fill(-1);
    this.second = new Int32Array(capacity);
    this.values = new Int32Array(capacity);
    this.mask = capacity - 1;
    let size = 0;
    for (const [a, b, v] of list) {
      if (!(a >= 0 && b >= 0 && v >= 0 && a <= 0x7fffffff && b <= 0x7fffffff && v <= 0x7fffffff)) throw new RangeError(`PairIndex: bad entry ${a}, ${b} → ${v}`);
      let at = slotOf(a, b) & this.mask;
      while (this.first[at] !== -1 && (this.first[at] !== a || this.second[at] !== b)) at = (at + 1) & this.mask;
      if (this.first[at] === -1) size++;
      this.first[at] = a;
      this.second[at] = b;
      this.values[at] = v;
    }
    this.size = size;
  }

  /** The value stored for (a, b), or -1. */
  get(a: number, b: number): number {
    const first = this.first;
    let at = slotOf(a, b) & this.mask;
    for (;;) {
      const f = first[at] as number;
      if (f === a && this.second[at] === b) return this.values[at] as number;
      if (f === -1) return -1;
      at = (at + 1) & this.mask;
    }
  }
}

function slotOf(a: number, b: number): number {
  const h = Math.imul(a, 0x9e3779b1) ^ b;
  return Math.imul(h ^ (h >>> 15), 0x85ebca6b) ^ (h >>> 13);
}
