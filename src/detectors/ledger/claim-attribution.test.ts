import { describe, expect, it } from 'vitest';
import { randomStrings } from '../../../test/support/random-strings.js';
import type { DetectContext } from '../../core/detect/types.js';
import type { Signal } from '../../core/finding/types.js';
import { backwardPhrase, isBroadGroup } from '../../core/text/noun-phrase.js';
import { claimAttribution } from './claim-attribution.js';

/** The detector's signals (it reads only the text) as [start, end, pattern]. */
function attributions(text: string): [number, number, string][] {
  const signals = claimAttribution.detect({ text } as DetectContext) as Signal[];
  return signals.map((s) => [s.span.start, s.span.end, String(s.data?.pattern)]);
}

// The two patterns as they were written before, starting with `\s+`: the reference for the same matches.
const NOUNS = String.raw`(?:narratives|claims|lies|myths|fakes|falsehoods|allegations|talking points|propaganda|disinformation|misinformation|fake news|story|stories|narrative)`;
const OLD_OF_WHICH = new RegExp(
  String.raw`,?\s+(?:the\s+)?(?:false\s+|fake\s+|main\s+)?${NOUNS}\s+of\s+which`,
  'giu',
);
const OLD_CLAIM_VERB =
  /\s+(?:(?:often|now|still|repeatedly|falsely|routinely)\s+)?(?:claims?|alleges?|insists?|argues?|maintains?|asserts?|would have (?:you|us) believe|(?:are|is|have been|has been) (?:now )?(?:saying|claiming|alleging|spreading the (?:lie|myth|claim))|утвержда(?:ют|ет)|заявля(?:ют|ет)|стверджу(?:ють|є)|заявля(?:ють|є)|behaupte(?:n|t)|prétend(?:ent)?|affirment|afirma(?:n)?|aseguran?|声称)(?:,)?\s+(?:that|что|що|dass|que)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/giu;

/** Where the old patterns put the holder's phrase: backwardPhrase from the start of their match. */
function oldPhrases(text: string): { ofWhich: [number, number][]; claimVerb: [number, number][] } {
  const phrase = (at: number, keep: (s: string) => boolean): [number, number][] => {
    const span = backwardPhrase(text, at);
    return span && span.end > span.start && keep(text.slice(span.start, span.end))
      ? [[span.start, span.end]]
      : [];
  };
  return {
    ofWhich: [...text.matchAll(OLD_OF_WHICH)].flatMap((m) => phrase(m.index, () => true)),
    claimVerb: [...text.matchAll(OLD_CLAIM_VERB)].flatMap((m) =>
      phrase(m.index, (s) => isBroadGroup(s) || /^\p{Lu}/u.test(s)),
    ),
  };
}

describe('ledger/claim-attribution on white space', () => {
  it('puts the holder where the patterns starting with white space did (seeded random texts)', () => {
    const words = ['Critics', 'Western media', 'the', 'false', 'narratives', 'of', 'which', 'claim', 'often'];
    const pieces = [
      ...words,
      ...words.map((w) => `${w} `),
      'claims ',
      'that ',
      'утверждают ',
      'что ',
      'x',
      ', ',
      ',',
    ];
    pieces.push(' ', '  ', '\t', '\n', '.');
    for (const text of randomStrings(pieces, 8000, 40, 3)) {
      const got = attributions(text);
      const old = oldPhrases(text);
      const name = JSON.stringify(text);
      // Each old match's phrase is found (unless an earlier pattern already took its start), and nothing else.
      const ofWhich = got.filter((g) => g[2] === 'of-which').map(([s, e]) => [s, e]);
      expect(ofWhich, name).toEqual(
        old.ofWhich.filter(([s], i, all) => all.findIndex(([t]) => t === s) === i),
      );
      const claimVerb = got.filter((g) => g[2] === 'claim-verb').map(([s, e]) => [s, e]);
      const taken = new Set(got.filter((g) => g[2] !== 'claim-verb').map(([s]) => s));
      expect(claimVerb, name).toEqual(
        old.claimVerb.filter(([s], i, all) => !taken.has(s) && all.findIndex(([t]) => t === s) === i),
      );
    }
  });

  it('finds holders before long runs of white space, and nothing in a line of 200,000 spaces and tabs', () => {
    expect(attributions(' \t'.repeat(100_000))).toEqual([]);
    const text = `Critics${' '.repeat(50_000)}claim that it failed, the false narratives of which${' \t'.repeat(50_000)}end.`;
    expect(attributions(text)).toEqual([
      [0, 7, 'claim-verb'],
      [50_021, 50_027, 'of-which'],
    ]);
    expect(text.slice(50_021, 50_027)).toBe('failed');
    const ofWhich = `The Western campaign,${' '.repeat(100_000)}the narratives of which are old.`;
    expect(attributions(ofWhich)).toEqual([[4, 20, 'of-which']]);
  });
});
