import type { Span } from '../text/span.js';
import { normalForm, tokenKind } from './token-kind.js';
import { pushSentences } from './sentence-cap.js';
import type { Sentence, Token } from './types.js';

/** Intl.Segmenter grows quadratically with input length on Node 20: feed it pieces of at most this size. */
const MAX_PIECE = 4000;

const segmenters = new Map<string, { sentence: Intl.Segmenter; word: Intl.Segmenter }>();
function segmentersFor(language: string): { sentence: Intl.Segmenter; word: Intl.Segmenter } {
  let s = segmenters.get(language);
  if (!s) {
    const locale = safeLocale(language);
    s = {
      sentence: new Intl.Segmenter(locale, { granularity: 'sentence' }),
      word: new Intl.Segmenter(locale, { granularity: 'word' }),
    };
    segmenters.set(language, s);
  }
  return s;
}

function safeLocale(language: string): string {
  try {
    return Intl.getCanonicalLocales(language)[0] ?? 'und';
  } catch {
    return 'und';
  }
}

/** Sentences and tokens of one block for languages other than English (no POS, no lemmas). */
export function segmentGenericBlock(
  text: string,
  block: Span,
  blockIndex: number,
  language: string,
  sentences: Sentence[],
  tokens: Token[],
): void {
  const { sentence, word } = segmentersFor(language);
  for (const piece of pieces(text, block)) {
    for (const s of sentence.segment(text.slice(piece.start, piece.end))) {
      const sStart = piece.start + s.index;
      const firstToken = tokens.length;
      for (const w of word.segment(s.segment)) {
        if (w.segment.trim() === '') continue;
        const start = sStart + w.index;
        const end = start + w.segment.length;
        tokens.push({
          start,
          end,
          text: w.segment,
          normal: normalForm(w.segment),
          lemma: normalForm(w.segment),
          pos: 'X',
          kind: tokenKind(w.segment),
          negated: false,
          sentence: -1,
          normalKey: -1,
        });
      }
      pushSentences(tokens, firstToken, tokens.length, blockIndex, sentences);
    }
  }
}

/** Cuts a long block at whitespace near MAX_PIECE so no Intl.Segmenter call sees a long string. */
function pieces(text: string, block: Span): Span[] {
  const out: Span[] = [];
  let start = block.start;
  while (block.end - start > MAX_PIECE) {
    let cut = start + MAX_PIECE;
    const window = text.slice(start + MAX_PIECE / 2, cut);
    const sentenceEnd = Math.max(window.lastIndexOf('. '), window.lastIndexOf('。'), window.lastIndexOf('! '), window.lastIndexOf('? '));
    const space = window.lastIndexOf(' ');
    if (sentenceEnd >= 0) cut = start + MAX_PIECE / 2 + sentenceEnd + 1;
    else if (space >= 0) cut = start + MAX_PIECE / 2 + space;
    out.push({ start, end: cut });
    start = cut;
  }
  out.push({ start, end: block.end });
  return out;
}
