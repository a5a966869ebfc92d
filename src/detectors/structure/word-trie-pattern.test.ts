import { describe, expect, it } from 'vitest';
import { randomStrings } from '../../../test/support/random-strings.js';
import { escapeRegExp, LEXICON_WORDS } from './label-lexicon.js';
import { wordTriePattern } from './word-trie-pattern.js';

const JOINER = '[\\s\\-]+';
/** The flat alternation, longest word first, that the trie replaced. */
function flatPattern(words: readonly string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length || a.localeCompare(b))
    .map((w) => w.split(/[ -]+/u).map(escapeRegExp).join(JOINER))
    .join('|');
}

function firstMatch(source: string, text: string): string | null {
  // Followed by a colon, as a label is: a longer word that fails there must give way to a shorter one.
  return new RegExp(`^(${source})\\s*:`, 'u').exec(text)?.[1] ?? null;
}

describe('wordTriePattern', () => {
  it('matches what the flat longest-first alternation matches, on the label lexicon', () => {
    const words = [...new Set(LEXICON_WORDS.map((h) => h.word.toLowerCase()))];
    const trie = wordTriePattern(words, JOINER);
    const flat = flatPattern(words);
    const texts = [
      ...words.map((w) => `${w}: x`),
      ...words.map((w) => `${w.replace(/ /gu, ' - ')} : x`),
      ...words.map((w) => `${w.slice(0, -1)}: x`),
      ...words.map((w) => `${w}s: x`),
      ...randomStrings(['myth', 'my', 'th', 's', ' ', '-', ':', 'fact', 'reality', ' check', 'ложь', 'миф', 'mito', 'mit', 'fakt', 'the', 'q', 'a', 'شائعة', '谣言', 'é', 'verdade'], 3000, 6, 5),
    ];
    for (const text of texts) expect(firstMatch(trie, text), JSON.stringify(text)).toBe(firstMatch(flat, text));
    expect(texts.filter((t) => firstMatch(trie, t) !== null).length).toBeGreaterThan(words.length);
  });

  it('tries the longer of two words that share a start first, and keeps the shorter one', () => {
    const source = wordTriePattern(['myth', 'myths', 'the myth', 'reality check', 'reality'], JOINER);
    const re = new RegExp(`^(${source})`, 'u');
    expect(re.exec('myths are')?.[1]).toBe('myths');
    expect(re.exec('myth is')?.[1]).toBe('myth');
    expect(re.exec('reality -  check')?.[1]).toBe('reality -  check');
    expect(re.exec('reality')?.[1]).toBe('reality');
    expect(re.exec('the  myth')?.[1]).toBe('the  myth');
    expect(re.exec('mythical')?.[1]).toBe('myth');
    expect(re.exec('fact')).toBeNull();
  });
});
