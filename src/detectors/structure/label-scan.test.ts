import { describe, expect, it } from 'vitest';
import { inlineCandidates } from './label-scan.js';

// The pattern inlineCandidates replaced, as reference.
const INLINE_CANDIDATE = /(?<=[.!?。！？…"”»)][ \t]*)[【[]?[*_]{0,2}[\p{Lu}\p{Lo}]/gu;

// Our own invented texts: sentence ends with and without spaces, brackets, emphasis, several end characters in a row.
const TEXTS = [
  'The claim spread. Myth: it works.Fact: it does not! **Truth** here? [Verdict] false… 【误导】 "Quote." Next',
  'a.b. C..  D.)\tE ."*F (.__G "[H" ]I ._*_J 。真 ！Ж »Ä ”Ö',
  '',
  'no candidates here at all',
  '...   \t  Z.   ',
];

describe('inlineCandidates', () => {
  it('gives the positions the lookbehind pattern matched at', () => {
    for (const t of TEXTS) expect(inlineCandidates(t), t).toEqual([...t.matchAll(INLINE_CANDIDATE)].map((m) => m.index));
  });
});
