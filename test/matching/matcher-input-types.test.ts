import { describe, expect, it } from 'vitest';
import { FactCheckMatcher, type MatchableFactCheck } from '../../src/corpus/matching/matcher.js';

/** What a JavaScript caller can pass that the types forbid (rows of a parsed file, a JSON body). */
const untyped = (value: unknown): MatchableFactCheck[] => value as MatchableFactCheck[];

describe('FactCheckMatcher given values of the wrong type', () => {
  it.each([
    ['a null claim', [{ id: 'a', claim: 'Tap water causes hair loss' }, { id: 'b', claim: null }], /fact-check 1 \(id "b"\): claim must be a string, got null/],
    ['a numeric claim', [{ id: 7, claim: 42 }], /fact-check 0 \(id 7\): claim must be a string, got number/],
    ['a numeric title', [{ id: 'a', claim: 'Tap water causes hair loss', title: 3 }], /fact-check 0 \(id "a"\): title must be a string or null, got number/],
    ['a null entry', [null], /fact-check 0 must be an object with a claim, got null/],
    ['no array', { id: 'a', claim: 'x' }, /the fact-checks must be an array, got object/],
  ])('names the entry with %s (it failed inside the tokeniser)', (_, entries, message) => {
    expect(() => new FactCheckMatcher(untyped(entries))).toThrow(TypeError);
    expect(() => new FactCheckMatcher(untyped(entries))).toThrow(message);
  });

  it('says so when the query is not a string', () => {
    const matcher = new FactCheckMatcher([{ id: 'a', claim: 'Tap water causes hair loss' }]);
    for (const [query, type] of [[null, 'null'], [12, 'number'], [['tap water'], 'an array']] as const) {
      expect(() => matcher.match(query as unknown as string)).toThrow(new TypeError(`the text to match must be a string, got ${type}`));
    }
    expect(matcher.match('tap water and hair loss').map((h) => h.factCheck.id)).toEqual(['a']);
    expect(new FactCheckMatcher([{ id: 'a', claim: 'Tap water causes hair loss', title: null }]).size).toBe(1);
  });
});
