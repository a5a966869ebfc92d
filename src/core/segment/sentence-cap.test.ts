import { describe, expect, it } from 'vitest';
import { segmentText } from './segment.js';
import { MAX_SENTENCE_TOKENS } from './sentence-cap.js';
import type { Segments } from './types.js';

/** Sentences tile the tokens in order, each token names its sentence, and none is longer than the cap. */
function checkSentences(segments: Segments): void {
  let next = 0;
  for (const [i, s] of segments.sentences.entries()) {
    expect(s.index).toBe(i);
    expect(s.firstToken).toBe(next);
    expect(s.endToken - s.firstToken).toBeGreaterThan(0);
    expect(s.endToken - s.firstToken).toBeLessThanOrEqual(MAX_SENTENCE_TOKENS);
    expect(s.start).toBe(segments.tokens[s.firstToken]?.start);
    expect(s.end).toBe(segments.tokens[s.endToken - 1]?.end);
    for (let k = s.firstToken; k < s.endToken; k++) expect(segments.tokens[k]?.sentence).toBe(i);
    next = s.endToken;
  }
  expect(next).toBe(segments.tokens.length);
}

describe('sentence length cap', () => {
  it.each([
    ['English, labels without a full stop', 'en', 'Myth: '.repeat(1500)],
    ['English, words without a full stop', 'en', 'the people said that '.repeat(400)],
    ['another language, words without a full stop', 'ru', 'люди сказали что '.repeat(600)],
  ])('cuts a run without a sentence end into sentences of at most the cap (%s)', (_name, language, text) => {
    const segments = segmentText(text, language);
    expect(segments.tokens.length).toBeGreaterThan(2 * MAX_SENTENCE_TOKENS);
    expect(segments.sentences.length).toBeGreaterThanOrEqual(
      Math.ceil(segments.tokens.length / MAX_SENTENCE_TOKENS),
    );
    checkSentences(segments);
  });

  it('leaves ordinary sentences as they are', () => {
    const text = 'The council met on Tuesday. It published a report!\n\nA second paragraph follows here.';
    const segments = segmentText(text, 'en');
    expect(segments.sentences.map((s) => text.slice(s.start, s.end))).toEqual([
      'The council met on Tuesday.',
      'It published a report!',
      'A second paragraph follows here.',
    ]);
    checkSentences(segments);
  });
});
