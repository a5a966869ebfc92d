/**
 * Character trigrams of words (" cornflakes " → " co", "cor", …, "es "), for a similarity that survives
 * what word terms miss: run-together hashtags ("#krystinamartelli" vs "Kristyna Martelli"), spelling
 * variants and compounds ("cornflakes" / "Corn Flakes"). Trigrams are interned to numbers when the library
 * is indexed; a query marks its trigrams in a reusable stamp array, so comparing it with a candidate is one
 * pass over the candidate's trigram ids.
 */
const WORD_RE = /[\p{L}\p{N}]{3,}/gu;

function eachTrigram(text: string, visit: (g: string) => void): void {
  // In NFKC form, as the tokeniser reads it: full-width "ＣＯＶＩＤ" has the trigrams of "covid".
  // eslint-disable-next-line no-control-regex
  const plain = /[^\u0000-\u007f]/u.test(text) ? text.normalize('NFKC') : text;
  for (const m of plain.toLowerCase().matchAll(WORD_RE)) {
    const p = ` ${m[0]} `;
    for (let i = 0; i + 3 <= p.length; i++) visit(p.slice(i, i + 3));
  }
}

export interface QueryTrigrams {
  /** Number of distinct trigrams of the query (including ones no fact-check has). */
  readonly size: number;
  /** Stamp value marking this query's trigrams in the table's stamp array. */
  readonly stamp: number;
}

export class TrigramTable {
  private readonly ids = new Map<string, number>();
  private stamps = new Int32Array(0);
  private current = 0;

  /** The distinct trigram ids of a library text (adds new trigrams to the table). */
  index(text: string): Int32Array {
    const out = new Set<number>();
    eachTrigram(text, (g) => {
      let id = this.ids.get(g);
      if (id === undefined) {
        id = this.ids.size;
        this.ids.set(g, id);
      }
      out.add(id);
    });
    return Int32Array.from(out);
  }

  /** Marks a query's trigrams; valid until the next call (one query at a time, as the matcher works). */
  query(text: string): QueryTrigrams {
    if (this.stamps.length < this.ids.size) this.stamps = new Int32Array(this.ids.size);
    const stamp = ++this.current;
    const seen = new Set<string>();
    eachTrigram(text, (g) => {
      if (seen.has(g)) return;
      seen.add(g);
      const id = this.ids.get(g);
      if (id !== undefined) this.stamps[id] = stamp;
    });
    return { size: seen.size, stamp };
  }

  /** How many of a library text's trigrams the marked query has. */
  shared(q: QueryTrigrams, doc: Int32Array): number {
    let n = 0;
    for (let i = 0; i < doc.length; i++) if (this.stamps[doc[i]!] === q.stamp) n++;
    return n;
  }
}
