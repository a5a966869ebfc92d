/**
 * A memoised pure function of a string, for surfaces that repeat across a corpus (token kinds, normal
 * forms, stems). The memo is emptied when it holds `max` entries, so memory stays bounded on any corpus.
 */
export function memoise<T>(fn: (key: string) => T, max: number): (key: string) => T {
  const memo = new Map<string, T>();
  return (key) => {
    let value = memo.get(key);
    if (value === undefined) {
      value = fn(key);
      if (memo.size >= max) memo.clear();
      memo.set(key, value);
    }
    return value;
  };
}
