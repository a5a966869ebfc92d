/**
 * The ledger items' claims, motives, rebuttals and attributions, indexed by position, for asking about one
 * mention at a time. Framing asked `ledger.some(...)` / `ledger.filter(...)` for every mention, which took
 * time proportional to mentions × items: a page of 3,000 "Myth: / Fact:" items naming countries spent 4 s
 * in framing. The index visits only the items near the mention.
 */
import type { LedgerItem } from '../../core/result/types.js';
import { OverlapIndex } from '../../core/text/overlap-index.js';
import type { Span } from '../../core/text/span.js';

type Field = 'claim' | 'motive' | 'rebuttal' | 'attributedTo';

const FIELDS: readonly Field[] = ['claim', 'motive', 'rebuttal', 'attributedTo'];

export class LedgerLookup {
  private readonly indexes = new Map<Field, { readonly index: OverlapIndex; readonly items: number[] }>();

  constructor(readonly ledger: readonly LedgerItem[]) {
    for (const field of FIELDS) {
      const index = new OverlapIndex();
      const items: number[] = [];
      ledger.forEach((item, i) => {
        const span = item[field];
        if (!span) return;
        index.add(span);
        items.push(i);
      });
      this.indexes.set(field, { index, items });
    }
  }

  /** Whether some item's `field` contains the span. */
  contains(field: Field, m: Span): boolean {
    return this.overlapping(field, m).some((i) => {
      const s = this.ledger[i]![field]!;
      return s.start <= m.start && m.end <= s.end;
    });
  }

  /** The items (their positions in the ledger, ascending) whose `field` overlaps the span. */
  overlapping(field: Field, m: Span): number[] {
    const { index, items } = this.indexes.get(field)!;
    return index.all(m).map((k) => items[k]!);
  }
}
