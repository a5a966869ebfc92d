/**
 * Turns text into the terms the narrative model counts: lower-cased, lightly stemmed words (stop words
 * dropped) and bigrams of adjacent content words, each with its span so that the aggregator can show the
 * words behind a label. Own tokenizer rather than the segmenter's tokens so that training (plain files) and
 * analysis see exactly the same terms.
 */

export interface TermOccurrence {
  readonly term: string;
  readonly start: number;
  readonly end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

// Function words and reporting verbs that carry no narrative; written for this model.
const STOP = new Set(
  `a about above after again against all also am an and any are aren't as at be because been before being below between both
but by can cannot could couldn't did didn't do does doesn't doing don't down during each few for from further had hadn't has
hasn't have haven't having he he'd he'll he's her here here's hers herself him himself his how how's i i'd i'll i'm i've if in
into is isn't it it's its itself let's me more most mustn't my myself no nor not of off on once only or other ought our ours
ourselves out over own same shan't she she'd she'll she's should shouldn't so some such than that that's the their theirs them
themselves then there there's these they they'd they'll they're they've this those through to too under until up very was wasn't
we we'd we'll we're we've were weren't what what's when when's where where's which while who who's whom why why's with won't
would wouldn't you you'd you'll you're you've your yours yourself yourselves said says say told also just one two three may might
will can't must yet still even however according per via mr mrs ms s t like get got make made many much new now well way year years
time day days first last since back around already within without across another us dr`.split(/\s+/u),
);

export function isStopWord(word: string): boolean {
  return STOP.has(word);
}

/** A light suffix stripper: plural and possessive forms share one term. Deterministic and tiny on purpose. */
export function stem(word: string): string {
  let w = word.replace(/['’]s$/u, '').replace(/’/gu, "'");
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(?:sses|xes|ches|shes)$/u.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !/(?:ss|us|is|ous)$/u.test(w)) w = w.slice(0, -1);
  return w;
}

/** Unigram and bigram occurrences of `text`, in order; offsets are relative to `text` plus `base`. */
export function termOccurrences(text: string, base = 0): TermOccurrence[] {
  const out: TermOccurrence[] = [];
  let prev: { term: string; start: number; end: number } | null = null;
  let lastEnd = base;
  for (const m of text.matchAll(WORD)) {
    const raw = m[0].toLowerCase();
    const start = base + (m.index ?? 0);
    const end = start + m[0].length;
    const gap = text.slice(lastEnd - base, start - base);
    lastEnd = end;
    if (isStopWord(raw.replace(/’/gu, "'")) || raw.length < 2 || /^\d+$/u.test(raw)) {
      prev = null;
      continue;
    }
    const term = stem(raw);
    out.push({ term, start, end });
    // A bigram only across plain spacing or a hyphen: not across sentence punctuation.
    if (prev && /^[\s-]*$/u.test(gap)) out.push({ term: `${prev.term} ${term}`, start: prev.start, end });
    prev = { term, start, end };
  }
  return out;
}

/** Term counts of `text`. */
export function termCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const o of termOccurrences(text)) counts.set(o.term, (counts.get(o.term) ?? 0) + 1);
  return counts;
}
