import { describe, expect, it } from 'vitest';
import { randomStrings } from '../../test/support/random-strings.js';
import { contentSet, contentWordForms, contentWords, ProbeIndex } from './text-match.js';
import { wordRarity } from './word-rarity.js';

// The regex implementation that the hand-written scan replaced, copied whole: the reference.
const STOP = new Set(
  `a an the and or but if then else of to in on at by for with from into onto over under about as is are was were be been being am
  do does did done have has had having it its this that these those there here their they them he she his her him we our us you your i me my
  not no nor so such than too very can could should would will shall may might must also just only own same other any each all both few more most
  some what which who whom whose when where why how again further once up down out off above below between through during before after while
  because until against among per via than said says say according`.split(/\s+/u),
);

function stem(w: string): string {
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
  if (w.length > 4 && w.endsWith('es')) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

function reference(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)) {
    const w = m[0].replace(/['’].*$/u, '');
    if (w.length < 2 || STOP.has(w)) continue;
    out.push(stem(w));
  }
  return out;
}

describe('contentWords', () => {
  it('finds the words of the regex it replaces, in any script, with apostrophes, digits and odd code points', () => {
    const pieces = ['a', 'Z', 'é', 'Σ', 'ß', 'İ', '9', '٣', '谣', '言', '\u{1d400}', '\u{1f600}', "'", '’', '‘', ' ', '.', '-', '\n', '\ud800', '\udc00', 'xy', 'The', 'said', 'don', "n't", 'ǅ', '\u0301', 'ﬁ', 'ing', 'es', 'ss'];
    for (const s of randomStrings(pieces, 5000, 25, 7)) expect(contentWords(s), JSON.stringify(s)).toEqual(reference(s));
  });

  it('drops stop words and short words and stems', () => {
    expect(contentWords("The minister's claims: it's 2 bridges, they said, passing")).toEqual(['minister', 'claim', 'bridg', 'pass']);
  });
});

describe('contentWordForms', () => {
  it('keys every content word stem of the text to the word as first written', () => {
    const text = "The minister's claims: it's 2 bridges, they said, passing the Bridges";
    expect([...contentWordForms(text).keys()].sort()).toEqual([...contentSet(text)].sort());
    expect(Object.fromEntries(contentWordForms(text))).toEqual({ minister: 'minister', claim: 'claims', bridg: 'bridges', pass: 'passing' });
  });
});

describe('ProbeIndex', () => {
  it('weighs a probe word by how telling it is: a sentence lacking the rare word does not repeat the claim', () => {
    expect(wordRarity('coronavirus')).toBeGreaterThan(wordRarity('weapon'));
    expect(wordRarity('weapon')).toBeGreaterThan(wordRarity('american'));
    const index = new ProbeIndex<string>();
    index.add('w', 'Coronavirus is an American biological weapon');
    // Three of the four words, but not the one that makes the claim.
    expect(index.match('An American laboratory creates biological weapons.')).toEqual([]);
    // Three of the four, the common one missing.
    expect(index.match('Officials say the coronavirus is a biological weapon.').map((h) => h.key)).toEqual(['w']);
  });
});

