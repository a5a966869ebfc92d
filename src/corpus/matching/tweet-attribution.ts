/**
 * Tweets copied from a web page end with their attribution: "— Donald J. Trump (@realDonaldTrump) March 24,
 * 2019" (a quoted thread has one per tweet). The author's name and the date are evidence of another kind
 * than the tweet's words: the name matches fact-checks *about* that person, the date matches claims that
 * name a year or month, and both also match unrelated fact-checks that share a first name or a month. The
 * re-ranker therefore gets BM25 over the body and over the attribution as separate features. Retrieval
 * itself keeps all words at full weight: down-weighting the attribution lost MAP@5 on train and dev.
 */
const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
// Dash, a name of up to 60 characters (no dash or parenthesis), "(@handle)", "Month D, YYYY".
const ATTRIBUTION_RE = new RegExp(
  `[—–]\\s*[^—–()]{0,60}?\\s*\\(@\\w+\\)\\s*${MONTH}\\s+\\d{1,2},\\s+\\d{4}`,
  'gu',
);

export interface TweetParts {
  /** The text with every attribution blanked out (same length, so token offsets stay valid). */
  readonly body: string;
  /** [start, end) of each attribution in the text. */
  readonly spans: readonly (readonly [number, number])[];
}

export function splitTweetAttribution(text: string): TweetParts {
  const spans: [number, number][] = [];
  const body = text.replace(ATTRIBUTION_RE, (m: string, at: number) => {
    spans.push([at, at + m.length]);
    return ' '.repeat(m.length);
  });
  return { body, spans };
}
