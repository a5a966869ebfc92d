import { describe, expect, it } from 'vitest';
import { randomStrings } from '../../../test/support/random-strings.js';
import { bodyMatches } from './body-matches.js';
import { findMentions } from './mentions.js';

/** The pattern the scan replaces: the reference for the same matches. */
const BODY_RE =
  /(?<![\p{L}])([A-Z][\p{L}-]+)\s+(?:army|government|forces|military|troops|ministry|authorities|regime|police|navy|parliament|administration|militia|rebels)(?![\p{L}])/gu;

const reference = (text: string): [number, number, string][] =>
  [...text.matchAll(BODY_RE)].map((m) => [m.index, m.index + m[0].length, m[1] as string]);
const scanned = (text: string): [number, number, string][] =>
  bodyMatches(text).map((m) => [m.index, m.end, m.name]);

describe('bodyMatches', () => {
  it('finds what the pattern finds (seeded random strings of names, hyphens, spaces, bodies, astral letters)', () => {
    const pieces = [
      'A',
      'B',
      'x',
      'é',
      'É',
      '-',
      ' ',
      '  ',
      '\t',
      '\n',
      '.',
      "'",
      'army',
      'police',
      'armyx',
      'Northland',
    ];
    pieces.push('rebels', 'government', '\u{1D400}', '\u{1F600}', '1', 'the ');
    for (const text of randomStrings(pieces, 30_000, 20, 5))
      expect(scanned(text), JSON.stringify(text)).toEqual(reference(text));
  });

  it('finds names before bodies', () => {
    const text = 'The Northland army met the pro-Lakeport police and Army army; xYz forces.';
    expect(scanned(text)).toEqual(reference(text));
    expect(scanned(text).map(([, , name]) => name)).toEqual(['Northland', 'Lakeport', 'Army']);
  });

  it('reads a run of 200,000 capitals or "A-A-A-..." once', () => {
    expect(scanned(`${'A'.repeat(200_000)} army`)).toEqual([[0, 200_005, 'A'.repeat(200_000)]]);
    expect(scanned(`${'A-'.repeat(100_000)}x army`)).toEqual([[0, 200_006, `${'A-'.repeat(100_000)}x`]]);
    expect(scanned('A-'.repeat(100_000))).toEqual([]);
  });

  it('gives findMentions the body mention after a run of 200,000 capitals', () => {
    const text = `The ${'A'.repeat(200_000)} army left.`;
    expect(findMentions(text).map((m) => [m.start, m.end, m.source])).toEqual([[4, 200_009, 'body']]);
  });
});
