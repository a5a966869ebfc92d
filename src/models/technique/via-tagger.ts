/**
 * String-keyed tables of the span and paragraph models seen through the tagger's vocabulary. The tagger
 * runs first and looks up every token's normal form and lemma (`taggerWordIds`); a later model's look-up of
 * the same string is then an array read, `ids[tagger id]`, and only strings the tagger does not know (a
 * handful per model) need the model's own map. Looking strings up in large Maps was the largest cost left
 * in the span and paragraph features.
 */
export interface ViaTagger {
  /** The table's value for each tagger word id (-1: the word is not in the table). */
  readonly ids: Int32Array;
  /** Entries of the table whose word the tagger does not know. */
  readonly extra: ReadonlyMap<string, number>;
}

const built = new WeakMap<ReadonlyMap<string, number>, { readonly tagger: ReadonlyMap<string, number>; readonly via: ViaTagger }>();

/** `table` indexed by the tagger's word ids; built once per pair of tables. Values must be ≥ 0. */
export function viaTagger(table: ReadonlyMap<string, number>, tagger: ReadonlyMap<string, number>): ViaTagger {
  const hit = built.get(table);
  if (hit?.tagger === tagger) return hit.via;
  const ids = new Int32Array(tagger.size).fill(-1);
  for (const [word, id] of tagger) ids[id] = table.get(word) ?? -1;
  const extra = new Map<string, number>();
  for (const [word, value] of table) if (!tagger.has(word)) extra.set(word, value);
  const via = { ids, extra };
  built.set(table, { tagger, via });
  return via;
}

/** `table.get(word) ?? -1`, where `taggerId` is the tagger's id of `word` (-1: not in the tagger's vocabulary). */
export function lookUpVia(via: ViaTagger, taggerId: number, word: string): number {
  if (taggerId >= 0) return via.ids[taggerId] as number;
  return via.extra.size > 0 ? (via.extra.get(word) ?? -1) : -1;
}
