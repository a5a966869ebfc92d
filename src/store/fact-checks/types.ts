import type { VerdictLabel } from '../../core/result/types.js';

/** One fact-check of the library, however it came in. */
export interface FactCheckRecord {
  readonly claim: string;
  /** Headline of the fact-check article, when known. */
  readonly title: string | null;
  /** What the fact-check says instead (a rebuttal document's "truth", a review body). */
  readonly rebuttal: string | null;
  /** Normalised verdict, when one can be read. */
  readonly verdict: VerdictLabel | null;
  /** The rating in the publisher's words ("False", "Pants on Fire", "Myth"). */
  readonly rating: string | null;
  readonly ratingValue: number | null;
  readonly publisher: string | null;
  readonly url: string | null;
  readonly datePublished: string | null;
  /** Who made the claim, per the fact-check. */
  readonly claimAuthor: string | null;
  /** Where the claim appeared (URLs). */
  readonly appearances: readonly string[];
  readonly language: string | null;
  /** How it came in: claimreview | csv | ledger. */
  readonly origin: 'claimreview' | 'csv' | 'ledger';
  /** File, URL or document hash it was imported from, with a position (`file.json#3`). */
  readonly source: string;
  /** Recommended fields that were missing or unreadable (imported anyway). */
  readonly warnings: readonly string[];
}

/** A record that could not be imported, and why. */
export interface ImportRejection {
  readonly source: string;
  readonly reason: string;
}

export interface ImportBatch {
  readonly records: readonly FactCheckRecord[];
  readonly rejected: readonly ImportRejection[];
  /** About the file as a whole: bytes that were not valid UTF-8 and were replaced (with the encoding to try). */
  readonly notices?: readonly string[];
}

/** Fills the optional fields with null. */
export function factCheck(
  init: Pick<FactCheckRecord, 'claim' | 'origin' | 'source'> & Partial<FactCheckRecord>,
): FactCheckRecord {
  return {
    title: null,
    rebuttal: null,
    verdict: null,
    rating: null,
    ratingValue: null,
    publisher: null,
    url: null,
    datePublished: null,
    claimAuthor: null,
    appearances: [],
    language: null,
    warnings: [],
    ...init,
  };
}
