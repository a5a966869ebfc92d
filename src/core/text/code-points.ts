/**
 * Converts between UTF-16 offsets (ours) and Unicode code point offsets (Python-made datasets such as
 * PTC and SemEval). The two differ only after characters outside the Basic Multilingual Plane (emoji,
 * some CJK), so the converter records just those positions and maps by binary search.
 */
export class CodePointIndex {
  /** UTF-16 offsets at which an astral character (surrogate pair) starts, ascending. */
  private readonly astralUtf16: number[] = [];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          this.astralUtf16.push(i);
          i++;
        }
      }
    }
  }

  /** UTF-16 offset → code point offset. An offset inside a surrogate pair maps to the pair's start. */
  toCodePoint(utf16: number): number {
    // Each astral character that starts before utf16 used two units for one point. One that starts at
    // utf16 - 1 is cut in half: subtracting it too lands on its own code point, i.e. the pair's start.
    const before = upperBound(this.astralUtf16, utf16 - 1);
    return utf16 - before;
  }

  /** Code point offset → UTF-16 offset. */
  toUtf16(codePoint: number): number {
    // Walk the astral positions: the k-th astral character sits at code point astral[k] - k.
    let lo = 0;
    let hi = this.astralUtf16.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const cpOfMid = (this.astralUtf16[mid] as number) - mid;
      if (cpOfMid < codePoint) lo = mid + 1;
      else hi = mid;
    }
    return codePoint + lo;
  }
}

/** Number of elements of a sorted array that are <= value. */
function upperBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
