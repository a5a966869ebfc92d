/**
 * The `wc=<cluster>` features of a linear model (span classifier, tagger, paragraph model, candidate model), by
 * cluster number: the fast paths look a token's cluster up in this table instead of building the name.
 * Only canonical numbers count ("wc=7", never "wc=07"), as `wc=${c}` is the only name the readable path writes.
 */
export function clusterFeatureIds(features: readonly string[]): Int32Array {
  const found: [number, number][] = [];
  features.forEach((name, id) => {
    if (name.startsWith('wc=') && /^(0|[1-9][0-9]{0,4})$/u.test(name.slice(3))) found.push([Number(name.slice(3)), id]);
  });
  const ids = new Int32Array(found.reduce((m, [c]) => Math.max(m, c + 1), 0)).fill(-1);
  // A repeated name keeps its last id, as a Map from names would.
  for (const [c, id] of found) ids[c] = id;
  return ids;
}
