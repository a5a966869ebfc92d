/**
 * The library's index terms interned to numbers, and one query's terms marked in a reusable stamp array:
 * "does the query have this fact-check term?" becomes an array read instead of a string-set look-up. The
 * re-ranker asks it for every term of every candidate (coverage, shared terms, names), which made the
 * look-ups a large part of re-ranking time. Same pattern as the trigram table (trigrams.ts).
 */
export class TermMarks {
  private readonly ids = new Map<string, number>();
  private stamps = new Int32Array(0);
  private current = 0;

  /** Ids of library terms, in the given order (adds new terms). */
  intern(terms: readonly string[]): Int32Array {
    return Int32Array.from(terms, (t) => {
      let id = this.ids.get(t);
      if (id === undefined) {
        id = this.ids.size;
        this.ids.set(t, id);
      }
      return id;
    });
  }

  /**
   * Marks a query's terms (terms no library text has are skipped: nothing can match them). Returns the
   * marks and the stamp that means "in the query", valid until the next call: one query at a time.
   */
  mark(terms: Iterable<string>): { readonly marks: Int32Array; readonly stamp: number } {
    if (this.stamps.length < this.ids.size) this.stamps = new Int32Array(this.ids.size);
    const stamp = ++this.current;
    for (const t of terms) {
      const id = this.ids.get(t);
      if (id !== undefined) this.stamps[id] = stamp;
    }
    return { marks: this.stamps, stamp };
  }
}
