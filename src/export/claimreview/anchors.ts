import type { LedgerItem } from '../../core/result/types.js';

/**
 * The `#item-…` anchor of each ledger item of a document: its own number ("3"), or its position when it
 * has none. A review's url identifies it, so a number two items share (two numbered lists in one page, or
 * an unnumbered item whose position another item's number equals) gets the position appended ("1-4")
 * rather than two reviews claiming one url.
 */
export function itemAnchors(items: readonly LedgerItem[]): string[] {
  const used = new Set<string>();
  return items.map((item, i) => {
    // A lone surrogate (a results file's "\ud800" as the number) made encodeURIComponent throw "URI
    // malformed", and the whole export failed as an internal error: it is written as U+FFFD, as in the JSON.
    const preferred = encodeURIComponent((item.index?.trim() || String(i + 1)).replace(/\p{Cs}/gu, '\ufffd'));
    let anchor = preferred;
    for (let n = i + 1; used.has(anchor); n++) anchor = `${preferred}-${n}`;
    used.add(anchor);
    return anchor;
  });
}
