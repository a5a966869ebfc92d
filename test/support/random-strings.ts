/**
 * Deterministic random strings for equivalence tests (a hand-written scan against the regex it replaced):
 * each string is 0 .. maxLength - 1 pieces drawn from `pieces` by a seeded linear congruential generator,
 * so a failure names a string that the next run produces again.
 */
export function randomStrings(pieces: readonly string[], count: number, maxLength: number, seed: number): string[] {
  let state = seed;
  const draw = (n: number): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % n;
  };
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    let s = '';
    const length = draw(maxLength);
    for (let j = 0; j < length; j++) s += pieces[draw(pieces.length)];
    out.push(s);
  }
  return out;
}
