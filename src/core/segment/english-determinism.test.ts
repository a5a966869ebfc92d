import { describe, expect, it } from 'vitest';
import { segmentText } from './segment.js';

const tokens = (text: string): string[][] => segmentText(text, 'en').tokens.map((t) => [t.text, t.normal, t.pos, String(t.start), String(t.end), String(t.sentence)]);

describe('English segmentation does not depend on what was read before', () => {
  it('splits a possessive the same way before and after wink has met the word whole', () => {
    const text = "Quorvath's plan failed. Everyone saw Quorvath's face.";
    const first = tokens(text);
    expect(first.slice(0, 2).map((t) => t[0])).toEqual(['Quorvath', "'s"]);
    // wink-nlp's lexicon cache learns "Quorvath's" as one word from this sentence ...
    segmentText("He thanked Quorvath's. Then he left, Quorvath's-led team in tow.", 'en');
    // ... after which its own tokenizer would stop splitting it.
    expect(tokens(text)).toEqual(first);
    // Every token belongs to a sentence, the clitic included.
    expect(first.every((t) => t[5] !== '-1')).toBe(true);
  });

  it('gives the same tokens and lemmas when the lexeme and lemma memos are warm', () => {
    const text = "They can't saw wood with a saw. The cans were sawn; I can see. Ca. 1900 the ca came.";
    const cold = segmentText(text, 'en').tokens;
    const warm = segmentText(text, 'en').tokens;
    expect(warm).toEqual(cold);
    // Contraction parts keep the lemma wink stores with them, not the lemma of the same letters alone.
    const parts = cold.filter((t) => t.text === 'ca' || t.text === "n't").map((t) => [t.text, t.lemma]);
    expect(parts).toContainEqual(['ca', 'can']);
    expect(parts).toContainEqual(["n't", 'not']);
  });
});
