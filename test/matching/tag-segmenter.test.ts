import { describe, expect, it } from 'vitest';
import { FactCheckMatcher } from '../../src/corpus/matching/index.js';
import { TagSegmenter } from '../../src/corpus/matching/tag-segmenter.js';
import { tokenizeForMatching } from '../../src/corpus/matching/tokenize.js';

// An invented library.
const texts = [
  'A tent city for migrant children was built in Texas.',
  'A church shooting in Texas left many dead.',
  'The city council will close the old tent market.',
];

describe('TagSegmenter', () => {
  const seg = new TagSegmenter(texts);

  it('splits run-together tags into library words, keeping the original letters', () => {
    expect(seg.split('tentcity')).toEqual(['tent', 'city']);
    expect(seg.split('TEXASCHURCHSHOOTING')).toEqual(['TEXAS', 'CHURCH', 'SHOOTING']);
  });

  it('keeps library words, short tags and tags it cannot cover whole', () => {
    expect(seg.split('shooting')).toBeNull();
    expect(seg.split('texas')).toBeNull();
    expect(seg.split('qwertyzz')).toBeNull();
    expect(seg.split('tent2020')).toBeNull();
  });

  it('gives the tokeniser pieces with exact offsets, for #tags and @handles but not plain words', () => {
    const text = 'Look #tentcity @texaschurch tentcity';
    const tokens = tokenizeForMatching(text, false, (p) => seg.split(p));
    expect(tokens.map((t) => [t.word, text.slice(t.start, t.end)])).toEqual([
      ['look', 'Look'],
      ['tent', 'tent'],
      ['city', 'city'],
      ['texas', 'texas'],
      ['church', 'church'],
      ['tentcity', 'tentcity'],
    ]);
  });

  it('lets the matcher find a fact-check from a run-together hashtag', () => {
    const m = new FactCheckMatcher(texts.map((claim, i) => ({ id: `f${i}`, claim })));
    expect(m.match('so sad #texaschurchshooting', { k: 1 })[0]!.factCheck.id).toBe('f1');
  });
});
