import type { Finding } from '../../core/finding/types.js';

export interface Piece {
  readonly start: number;
  readonly end: number;
  /** Indices into the findings array of every highlighted finding covering this piece. */
  readonly covering: readonly number[];
}

/**
 * Cuts the text at every finding boundary so that overlapping findings can be shown together: each piece
 * knows which findings cover it. Linear in text length plus findings (a sweep over sorted boundaries).
 */
export function piecesOf(textLength: number, findings: readonly Finding[]): Piece[] {
  const boundaries = new Set<number>([0, textLength]);
  for (const f of findings) {
    boundaries.add(f.span.start);
    boundaries.add(f.span.end);
  }
  const points = [...boundaries].filter((p) => p >= 0 && p <= textLength).sort((a, b) => a - b);
  const starts = new Map<number, number[]>();
  const ends = new Map<number, number[]>();
  findings.forEach((f, i) => {
    if (f.span.end <= f.span.start) return;
    push(starts, f.span.start, i);
    push(ends, f.span.end, i);
  });
  const active = new Set<number>();
  const pieces: Piece[] = [];
  for (let k = 0; k < points.length - 1; k++) {
    const p = points[k] as number;
    for (const i of ends.get(p) ?? []) active.delete(i);
    for (const i of starts.get(p) ?? []) active.add(i);
    pieces.push({ start: p, end: points[k + 1] as number, covering: [...active].sort((a, b) => a - b) });
  }
  return pieces;
}

function push(map: Map<number, number[]>, key: number, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
