import { describe, expect, it } from 'vitest';
import { BOUNDARY_AFTER_WORD, BOUNDARY_BEFORE_WORD, BoundaryPattern, tightenBoundaries, withoutAssertions, WORD_BOUNDARY } from './word-boundary.js';

const B = WORD_BOUNDARY;
const PATTERNS: RegExp[] = [
  new RegExp(`${B}myths?${B}|${B}debunk|${B}fakes?${B}|${B}false (?:claims?|narratives?)|мифы?${B}|фейк|谣言`, 'iu'),
  new RegExp(`${B}(?:will|won['’]t|is going to)${B}\\s+(\\p{L}+)`, 'u'),
  new RegExp(`(\\p{Lu}\\p{L}+),?\\s+(?:said|says|told)${B}`, 'u'),
  new RegExp(`${B}a${B}|${B}a?`, 'iu'), // can match the empty string
  new RegExp(`(?<!${B}a)b`, 'u'), // a boundary inside a negative lookbehind: must not be left out
  new RegExp(`${B}(?:na|ä)${B}`, 'i'), // not a Unicode pattern
  /\b(?:an?|na)\b\s*(?<!x)(\d+)?/iu, // ASCII boundaries and a lookbehind
  /(?<![\p{L}])(?:[Aa]nna|y)(?=\s|[.,])(?!\s*said)/u, // lookarounds at both ends, one nested in a class-free group
  /[\b ]a(?=(?!b)y)/u, // `\b` inside a class is a backspace, not a boundary; nested lookarounds
  /(a)\1|(?<=y)b/u, // a backreference: left as it is
  /x|(?=a)/u, // an alternative that is only an assertion
];

const ALPHABET = ['a', 'A', 'b', 'y', '\b', '7', '42', 'x', 'n', 'ä', 'Ä', ' ', ' ', '.', ',', '-', '1', 'é', 'м', 'и', 'ф', 'ы', '谣', '言', '😀', 'ſ', 'K'];
const WORDS = ['myth', 'Myths', 'debunk', 'fakes', 'false claims', 'мифы', 'фейк', '谣言', 'will', "won't", 'is going to', 'Anna', 'said', 'says', 'told', 'na'];

function randomText(seed: number): string {
  let x = seed >>> 0; // mulberry32
  const rnd = (n: number): number => {
    x = (x + 0x6d2b79f5) >>> 0;
    let t = x;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) / 4294967296) * n | 0;
  };
  let s = '';
  const len = 5 + rnd(60);
  for (let i = 0; i < len; i++) s += rnd(3) === 0 ? (WORDS[rnd(WORDS.length)] as string) : (ALPHABET[rnd(ALPHABET.length)] as string);
  return s;
}

const plain = (ms: Iterable<RegExpExecArray>): unknown[] => [...ms].map((m) => [m.index, [...m]]);

describe('BoundaryPattern', () => {
  it('gives exactly the matches of the full pattern', () => {
    for (const re of PATTERNS) {
      const fast = new BoundaryPattern(re);
      const global = new RegExp(re.source, `${re.flags}g`);
      for (let seed = 1; seed <= 400; seed++) {
        const text = randomText(seed);
        expect(fast.test(text), `${re.source} on ${JSON.stringify(text)}`).toBe(re.test(text));
        global.lastIndex = 0;
        expect(plain(fast.matchAll(text)), `${re.source} on ${JSON.stringify(text)}`).toEqual(plain(text.matchAll(global)));
        const from = seed % (text.length + 1);
        global.lastIndex = from;
        const want = global.exec(text);
        const got = fast.exec(text, from);
        expect(got ? [got.index, [...got]] : null).toEqual(want ? [want.index, [...want]] : null);
      }
    }
  });

  it('finds a cue word only as a whole word', () => {
    const p = new BoundaryPattern(PATTERNS[0] as RegExp);
    expect(p.test('Ten MYTHS about the war')).toBe(true);
    expect(p.test('the mythology of the war')).toBe(false);
    expect(p.test('Фейк дня')).toBe(true);
  });

  it('leaves out assertions only where that cannot lose a match', () => {
    expect(withoutAssertions(String.raw`\bab(?<![\p{L}])c(?=d(?!e))[\b]`)).toBe(String.raw`abc[\b]`);
    expect(withoutAssertions(String.raw`(a)\1(?=b)`)).toBeNull();
    expect(withoutAssertions('abc')).toBeNull();
  });
});

describe('tightenBoundaries', () => {
  const TIGHTENABLE: RegExp[] = [
    ...PATTERNS,
    new RegExp(`${B}(?:Myths?|fakes|lies|a1)${B}|(?:x|yz)${B}q|${B}(?:ab|(?:c|d)e)${B}`, 'iu'),
    new RegExp(`\\s${B}|\\sa${B}|\\u0041${B}|${B}a?b|${B}a+|(?:a|)${B}b|(?<n>ab)${B}|(?:ab|[a-z])${B}x`, 'u'),
    new RegExp(`(?:said|told)${B}\\s+(${B}(?:will|won['’]t)${B})`, 'iu'),
  ];

  it('gives exactly the matches of the pattern it tightens', () => {
    for (const re of TIGHTENABLE) {
      const tight = new RegExp(tightenBoundaries(re.source, re.flags), `${re.flags}g`);
      const global = new RegExp(re.source, `${re.flags}g`);
      for (let seed = 1; seed <= 400; seed++) {
        const text = randomText(seed);
        global.lastIndex = 0;
        tight.lastIndex = 0;
        expect(plain(text.matchAll(tight)), `${re.source} on ${JSON.stringify(text)}`).toEqual(plain(text.matchAll(global)));
      }
    }
  });

  it('keeps only the live half of a boundary next to a literal letter, and leaves the rest', () => {
    expect(tightenBoundaries(`${B}myths?${B}`, 'iu')).toBe(`${BOUNDARY_BEFORE_WORD}myths?${B}`);
    expect(tightenBoundaries(`${B}(?:lies|myth)${B}`, 'iu')).toBe(`${BOUNDARY_BEFORE_WORD}(?:lies|myth)${BOUNDARY_AFTER_WORD}`);
    expect(tightenBoundaries(`${B}(?:lies|\\d)${B}`, 'u')).toBe(`${B}(?:lies|\\d)${B}`);
    expect(tightenBoundaries(`\\u0041${B}a`, 'u')).toBe(`\\u0041${BOUNDARY_BEFORE_WORD}a`);
    // not a Unicode pattern: [\p{L}\p{N}] is not the class of letters and digits there
    expect(tightenBoundaries(`${B}ab${B}`, 'i')).toBe(`${B}ab${B}`);
  });
});
