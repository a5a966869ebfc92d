import { describe, expect, it } from 'vitest';
import { ANTI_RU, ANTI_WEST, documentStance } from './stance.js';

// The original counting (one search per phrase), to check the word-start index against.
function reference(text: string, phrases: readonly string[]): number {
  const lower = text.toLowerCase().replace(/’/gu, "'");
  let n = 0;
  for (const p of phrases) {
    let i = lower.indexOf(p);
    while (i >= 0) {
      if (!/\p{L}/u.test(i === 0 ? ' ' : (lower[i - 1] as string))) n++;
      i = lower.indexOf(p, i + p.length);
    }
  }
  return n;
}

// Our own invented sentences, with phrases at word starts, inside words, after hyphens, repeated and glued.
const TEXTS = [
  'The Kiev regime lies; NAZIS and neo-nazis. Invasion invaded, full-scale war crimes. xlies unlies',
  "Putin’s war and putin's war: the Kremlin's brutal occupation; occupiers occupied. Disinformation!",
  'Proxy war, proxy warfare, collective West, Anglo-Saxon multipolar hegemony; de-dollarization 2023.',
  'lieslies lies-lies «lies» 1lies éliés Ülies',
  '',
];

describe('documentStance', () => {
  it('counts the phrases exactly as one search per phrase does', () => {
    for (const text of TEXTS) {
      const s = documentStance(text);
      expect([s.antiWest, s.antiRu], text).toEqual([reference(text, ANTI_WEST), reference(text, ANTI_RU)]);
    }
    expect(documentStance(TEXTS[0] as string)).toMatchObject({ antiWest: 5, antiRu: 6 });
  });
});
