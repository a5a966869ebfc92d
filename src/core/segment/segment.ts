import { segmentBlocks } from './blocks.js';
import { segmentEnglishBlock } from './english.js';
import { segmentGenericBlock } from './generic.js';
import { findQuotes } from './quotes.js';
import type { Segments, Sentence, Token } from './types.js';

/**
 * Segments a normalised text into blocks, sentences, tokens and quotes with exact offsets. English goes
 * through wink-nlp (POS, lemmas, negation); other languages through Intl.Segmenter, block by block.
 */
export function segmentText(text: string, language: string): Segments {
  const blocks = segmentBlocks(text);
  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  const english = language === 'en' || language.startsWith('en-');
  for (const block of blocks) {
    if (english) segmentEnglishBlock(text, block, block.index, sentences, tokens);
    else segmentGenericBlock(text, block, block.index, language, sentences, tokens);
  }
  return { language, blocks, sentences, tokens, quotes: findQuotes(text, blocks) };
}

/** Helpers detectors use often; kept here so that every detector reads segments the same way. */
export function tokensOf(segments: Segments, sentence: Sentence): readonly Token[] {
  return segments.tokens.slice(sentence.firstToken, sentence.endToken);
}

export function sentencesOfBlock(segments: Segments, blockIndex: number): Sentence[] {
  return segments.sentences.filter((s) => s.block === blockIndex);
}
