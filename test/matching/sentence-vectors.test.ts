import { describe, expect, it } from 'vitest';
import { dot } from '../../src/corpus/matching/prepared-text.js';
import { principalComponent, SentenceVectors } from '../../src/corpus/matching/sentence-vectors.js';
import { tokenizeForMatching } from '../../src/corpus/matching/tokenize.js';
import { parseWordVectors, serializeWordVectors } from '../../src/models/vectors/word-vectors.js';

// A tiny invented table: "claim" points along a direction every text shares, the others are topics.
const table = parseWordVectors(
  serializeWordVectors(
    ['claim', 'vaccine', 'shot', 'flood', 'dam'],
    [
      [1, 0, 0, 0],
      [0.2, 1, 0, 0],
      [0.2, 0.9, 0.3, 0],
      [0.2, 0, 0, 1],
      [0.2, 0, 0.3, 0.9],
    ],
    4,
    { source: 'test', licence: 'test' },
  ),
);
const library = [
  'claim claim vaccine',
  'claim claim flood',
  'claim claim dam flood',
  'claim vaccine shot',
].map((t) => tokenizeForMatching(t));
const embed = (s: SentenceVectors, text: string): Float32Array | null => s.embed(tokenizeForMatching(text));

describe('SIF sentence vectors', () => {
  it('finds the dominant direction by power iteration, deterministically', () => {
    const pc = principalComponent(
      [Float32Array.from([3, 0.1, 0]), Float32Array.from([2, -0.1, 0]), null],
      3,
    );
    expect(Math.abs(pc[0]!)).toBeGreaterThan(0.99);
    expect(principalComponent([Float32Array.from([3, 0.1, 0])], 3)).toEqual(
      principalComponent([Float32Array.from([3, 0.1, 0])], 3),
    );
    expect([...principalComponent([null], 3)]).toEqual([0, 0, 0]);
  });

  it('removes the common component and gives unit vectors', () => {
    const s = new SentenceVectors(table, library);
    const v = embed(s, 'claim vaccine')!;
    expect(Math.abs(dot(v, s.commonComponent))).toBeLessThan(1e-5);
    expect(dot(v, v)).toBeCloseTo(1, 5);
    expect(embed(s, 'unknown words only')).toBeNull();
  });

  it('tells topics apart that share the frequent word', () => {
    const s = new SentenceVectors(table, library);
    const vaccine = embed(s, 'claim about a shot')!;
    expect(dot(vaccine, embed(s, 'claim vaccine')!)).toBeGreaterThan(dot(vaccine, embed(s, 'claim dam')!));
    // The frequent word weighs less than the rare one: the pair reads as its rare word.
    const pair = embed(s, 'claim vaccine')!;
    expect(dot(pair, embed(s, 'vaccine')!)).toBeGreaterThan(0.9);
    expect(dot(pair, embed(s, 'vaccine')!)).toBeGreaterThan(dot(pair, embed(s, 'claim')!));
  });
});
