import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_VECTORS_FILE } from '../../src/models/vectors/word-vectors.js';
import { infowarTaxonomy } from '../../src/taxonomy/builtin/index.js';

/**
 * The English words of the word-vector table (43,321 frequent words; format in src/models/vectors/README.md:
 * magic, u32 header length, header JSON with the count, then the words joined by "\n").
 */
function englishWords(): string[] {
  const bytes = readFileSync(DEFAULT_VECTORS_FILE);
  const headerLength = bytes.readUInt32LE(8);
  const { count } = JSON.parse(bytes.subarray(12, 12 + headerLength).toString('utf8')) as { count: number };
  const words: string[] = [];
  let at = 12 + headerLength;
  for (let i = 0; i < count; i++) {
    const end = i === count - 1 ? bytes.indexOf(0, at) : bytes.indexOf(10, at);
    words.push(bytes.subarray(at, end < 0 ? undefined : end).toString('utf8'));
    at = end + 1;
  }
  return words;
}

// Spanish words that the table holds from Spanish names in English text ("Copa Libertadores").
const ALLOWED = new Set(['libertador*']);

describe('infowar keywords in other languages', () => {
  it('has no one-word prefix keyword that starts an English word, so English text keeps its English keywords', () => {
    const words = englishWords();
    expect(words.length).toBeGreaterThan(40_000);
    expect(words.slice(0, 3)).toEqual(['the', 'of', 'to']);
    const clashes: string[] = [];
    let checked = 0;
    for (const label of infowarTaxonomy.labels) {
      for (const k of label.keywords) {
        if (!/^[^\s*]+\*$/u.test(k) || ALLOWED.has(k)) continue;
        checked++;
        const prefix = k.slice(0, -1);
        const hit = words.find((w) => w.startsWith(prefix));
        if (hit) clashes.push(`${label.label}: ${k} matches "${hit}"`);
      }
    }
    expect(checked).toBeGreaterThan(200);
    expect(clashes).toEqual([]);
    // A clash is found where there is one: the English keyword "boomerang" as a prefix.
    expect(words.some((w) => w.startsWith('boomerang'))).toBe(true);
  });
});
