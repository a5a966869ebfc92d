/**
 * Which recomputed cluster keeps which old cluster's id. Cluster ids are public (web links, the API), and
 * clusters are recomputed as a whole whenever an analyst runs `narrascope clusters`: a cluster that is still
 * the same group of texts, grown or shrunk, should keep its id, and a new group must get a new one.
 *
 * A new cluster carries an old id when they share at least two members and more than half of the smaller
 * of the two: growth ({a, b} → {a, b, c, d}) and a lost member keep the id; of a cluster that splits, the
 * part with most of the old members keeps it; two old clusters that merge leave the id of the larger share
 * to the merged one. Pairs are taken by shared members, most first (ties: earlier new cluster, then lower
 * old id), so the result does not depend on the order of a map.
 */

/** A member's identity across recomputes: its document and, for same-claim clusters, the claim it is. */
export function clusterMemberKey(documentId: number, itemRef: string | null): string {
  return `${documentId}\u0000${itemRef ?? ''}`;
}

/**
 * For each new cluster (its member keys), the old id it keeps, or null for a new id. `previous`: old
 * cluster id → its member keys.
 */
export function carryClusterIds(
  previous: ReadonlyMap<number, ReadonlySet<string>>,
  next: readonly (readonly string[])[],
): (number | null)[] {
  const oldOf = new Map<string, number>();
  for (const [id, members] of previous) for (const m of members) oldOf.set(m, id);
  const pairs: { readonly newIndex: number; readonly oldId: number; readonly shared: number }[] = [];
  next.forEach((members, newIndex) => {
    const shared = new Map<number, number>();
    for (const m of new Set(members)) {
      const id = oldOf.get(m);
      if (id !== undefined) shared.set(id, (shared.get(id) ?? 0) + 1);
    }
    const size = new Set(members).size;
    for (const [oldId, n] of shared) {
      const oldSize = previous.get(oldId)?.size ?? 0;
      if (n >= 2 && 2 * n > Math.min(size, oldSize)) pairs.push({ newIndex, oldId, shared: n });
    }
  });
  pairs.sort((a, b) => b.shared - a.shared || a.newIndex - b.newIndex || a.oldId - b.oldId);
  const ids: (number | null)[] = next.map(() => null);
  const taken = new Set<number>();
  for (const p of pairs) {
    if (ids[p.newIndex] !== null || taken.has(p.oldId)) continue;
    ids[p.newIndex] = p.oldId;
    taken.add(p.oldId);
  }
  return ids;
}
