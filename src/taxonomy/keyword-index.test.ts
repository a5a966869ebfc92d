import { describe, expect, it } from 'vitest';
import { KeywordIndex } from './keyword-index.js';
import { parseTaxonomy } from './parse.js';
import type { Taxonomy } from './types.js';

describe('KeywordIndex: overlapping keywords', () => {
  const index = new KeywordIndex(
    parseTaxonomy(
      `id: o
labels:
  - label: A
    description: d
    keywords: [western media, media, western media]
  - label: B
    description: d
    keywords: [media, western media lies]
`,
      'o.yaml',
    ),
  );
  // [text, hits as label/keyword/matched text, in order]: longest keyword first at a position, one hit per
  // label there (A's repeated keyword counts once).
  const cases: [string, string[]][] = [
    ['Western media lies.', ['B/western media lies/Western media lies', 'A/western media/Western media', 'A/media/media', 'B/media/media']],
    ['western media', ['A/western media/western media', 'A/media/media', 'B/media/media']],
    ['western', []],
  ];
  it.each(cases)('%s', (text, expected) => {
    expect(index.match(text).map((h) => `${h.label}/${h.keyword}/${text.slice(h.start, h.end)}`)).toEqual(expected);
  });
});

describe('KeywordIndex on a very large taxonomy', () => {
  it('matches a document against 200,000 keywords that share their first word in one pass over it', () => {
    // Each occurrence of "the" used to be checked against all 200,000 keywords (minutes for this text).
    const keywords = Array.from({ length: 200_000 }, (_, i) => `the w${i}`);
    const taxonomy: Taxonomy = {
      id: 'big',
      name: 'Big',
      version: '1',
      description: '',
      labels: [{ label: 'Big', level: 'coarse', parent: null, description: 'd', keywords, examples: [] }],
    };
    const text = `${'The cat saw the dog near the house. '.repeat(2000)}Then the w199999 came.`;
    const hits = new KeywordIndex(taxonomy).match(text);
    expect(hits.map((h) => text.slice(h.start, h.end))).toEqual(['the w199999']);
  });
});

describe('KeywordIndex: prefix keywords for inflected languages', () => {
  const index = new KeywordIndex(
    parseTaxonomy(
      `id: p
labels:
  - label: Sanctions
    description: d
    keywords: ["санкци*", "цветн* революци*", "sanctions", "ab*", "осаждённ* крепост*"]
  - label: Colour
    description: d
    keywords: ["цветная революция", "революци*"]
`,
      'p.yaml',
    ),
  );
  const cases: [string, string[]][] = [
    // Any inflection of the prefix word; a prefix never matches inside a word ("антисанкционный").
    ['Новые санкциями и санкций, антисанкционный.', ['Sanctions/санкци*/санкциями', 'Sanctions/санкци*/санкций']],
    // Longest first at a position; an exact keyword and a prefix one of the same length are both kept.
    [
      'Это цветной революцией не было, а цветная революция была.',
      ['Sanctions/цветн* революци*/цветной революцией', 'Colour/революци*/революцией', 'Sanctions/цветн* революци*/цветная революция', 'Colour/цветная революция/цветная революция', 'Colour/революци*/революция'],
    ],
    // "ё" and "е" are one letter to a prefix keyword, written either way.
    ['Осаждённая крепость, осажденной крепости.', ['Sanctions/осаждённ* крепост*/Осаждённая крепость', 'Sanctions/осаждённ* крепост*/осажденной крепости']],
    // Fewer than three letters before "*" is an exact word ("ab"), not a prefix of "about".
    ['about ab sanction', ['Sanctions/ab*/ab', 'Sanctions/sanctions/sanction']],
  ];
  it.each(cases)('%s', (text, expected) => {
    expect(index.match(text).map((h) => `${h.label}/${h.keyword}/${text.slice(h.start, h.end)}`)).toEqual(expected);
  });
});
