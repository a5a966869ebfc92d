import { describe, expect, it } from 'vitest';
import { TermMarks } from '../../src/corpus/matching/term-marks.js';

describe('TermMarks', () => {
  it('interns library terms and marks one query at a time', () => {
    const t = new TermMarks();
    const doc = t.intern(['bridg', 'close', 'town']);
    expect([...t.intern(['town', 'bridg'])]).toEqual([doc[2], doc[0]]);
    const first = t.mark(['close', 'unknown', 'town']);
    const has = (id: number, m: { marks: Int32Array; stamp: number }): boolean => m.marks[id] === m.stamp;
    expect([...doc].map((id) => has(id, first))).toEqual([false, true, true]);
    // A new query forgets the previous one's marks.
    const second = t.mark(['bridg']);
    expect([...doc].map((id) => has(id, second))).toEqual([true, false, false]);
  });
});
