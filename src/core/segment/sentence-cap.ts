import type { Sentence, Token } from './types.js';

/**
 * Most tokens in one sentence. Wink ends a sentence only at sentence-final punctuation, so a line without one
 * (a 100,000-character paste, "Myth: Myth: ..." without a full stop) is one sentence however long, and
 * work done per sentence for each token or span in it (the technique model reads a span's whole sentence)
 * grows with the square of its length. The longest sentence of the 511 English training and evaluation
 * documents has 210 tokens (wink's sentences; Intl.Segmenter's are cut at 4,000 characters); longer runs are cut into sentences of at most this many tokens.
 */
export const MAX_SENTENCE_TOKENS = 500;

/** Records tokens [first, end) of one block as a sentence, or as several when it has more than MAX_SENTENCE_TOKENS. */
export function pushSentences(
  tokens: readonly Token[],
  first: number,
  end: number,
  blockIndex: number,
  sentences: Sentence[],
): void {
  for (let from = first; from < end; from += MAX_SENTENCE_TOKENS) {
    const to = Math.min(end, from + MAX_SENTENCE_TOKENS);
    const index = sentences.length;
    for (let g = from; g < to; g++) (tokens[g] as { sentence: number }).sentence = index;
    sentences.push({
      index,
      block: blockIndex,
      start: (tokens[from] as Token).start,
      end: (tokens[to - 1] as Token).end,
      firstToken: from,
      endToken: to,
    });
  }
}
