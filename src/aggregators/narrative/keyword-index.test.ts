import { describe, expect, it } from 'vitest';
import { parseTaxonomy } from '../../taxonomy/parse.js';
import { classifyByKeywords, cueText, evidenceScore, DEFAULT_KEYWORD_SCORING } from './keyword-classifier.js';
import { effectiveKeywords, KeywordIndex } from '../../taxonomy/keyword-index.js';

const taxonomy = parseTaxonomy(
  `id: t
labels:
  - label: Media
    description: Media as propaganda.
    keywords: [mainstream media, propaganda, fake news]
  - label: Plots
    description: Hidden plots.
    keywords: [deep state, conspiracy]
  - label: Deep plots
    parent: Plots
    description: The deep state in particular.
    keywords: [deep state faction]
  - label: Energy blackmail
    description: "No keywords: matched by the words of its name."
`,
  't.yaml',
);

describe('KeywordIndex', () => {
  const index = new KeywordIndex(taxonomy);
  // [text, expected hits as label/keyword/matched text]
  const cases: [string, string[]][] = [
    [
      'The Mainstream Media’s story is propaganda.',
      ['Media/mainstream media/Mainstream Media’s', 'Media/propaganda/propaganda'],
    ],
    [
      'A deep-state faction did it.',
      ['Deep plots/deep state faction/deep-state faction', 'Plots/deep state/deep-state'],
    ],
    ['Statements about the state are not deep.', []],
    ['Conspiracies everywhere.', ['Plots/conspiracy/Conspiracies']],
    ['A conspiratorial tone.', []],
    ['It was energy blackmail.', ['Energy blackmail/energy/energy', 'Energy blackmail/blackmail/blackmail']],
  ];
  it.each(cases)('%s', (text, expected) => {
    expect(index.match(text).map((h) => `${h.label}/${h.keyword}/${text.slice(h.start, h.end)}`)).toEqual(
      expected,
    );
  });

  it('uses name words only for labels without keywords', () => {
    expect(effectiveKeywords('X: Gas as a weapon', [])).toEqual(['weapon']);
    expect(effectiveKeywords('X', ['given'])).toEqual(['given']);
  });
});

describe('evidenceScore and classifyByKeywords', () => {
  const index = new KeywordIndex(taxonomy);
  it('grows with distinct evidence, multi-word keywords weigh more, repeats count at most twice', () => {
    const hit = (keyword: string, words: number) => ({ label: 'Media', keyword, words, start: 0, end: 1 });
    const one = evidenceScore([hit('propaganda', 1)], DEFAULT_KEYWORD_SCORING);
    const phrase = evidenceScore([hit('fake news', 2)], DEFAULT_KEYWORD_SCORING);
    const two = evidenceScore([hit('propaganda', 1), hit('fake news', 2)], DEFAULT_KEYWORD_SCORING);
    const many = evidenceScore(
      Array.from({ length: 50 }, () => hit('propaganda', 1)),
      DEFAULT_KEYWORD_SCORING,
    );
    expect(one).toBeLessThan(phrase);
    expect(phrase).toBeLessThan(two);
    expect(many).toBeLessThan(two);
  });

  it('labels with enough evidence, fine implies coarse, support names the cues', () => {
    const text =
      'Intro line.\n\nThe mainstream media spread fake news and propaganda.\n\nA deep state faction planned it.';
    const blocks = [
      { index: 0, kind: 'paragraph' as const, start: 0, end: 11, content: { start: 0, end: 11 } },
      { index: 1, kind: 'paragraph' as const, start: 13, end: 66, content: { start: 13, end: 66 } },
      { index: 2, kind: 'paragraph' as const, start: 68, end: 100, content: { start: 68, end: 100 } },
    ];
    const sentences = blocks.map((b, i) => ({
      index: i,
      block: i,
      start: b.start,
      end: b.end,
      firstToken: 0,
      endToken: 0,
    }));
    const labels = classifyByKeywords(
      taxonomy,
      index,
      { text, blocks, sentences },
      { ...DEFAULT_KEYWORD_SCORING, threshold: 0.4 },
    );
    expect(labels.map((l) => [l.label, l.level, l.paragraphs])).toEqual([
      ['Media', 'coarse', [1]],
      ['Plots', 'coarse', [2]],
      ['Deep plots', 'fine', [2]],
    ]);
    expect(labels[0]!.support[0]!.cues).toEqual(['mainstream media', 'fake news', 'propaganda']);
    expect(labels[0]!.support[0]!.span).toMatchObject({ start: 13, end: 66 });
  });

  it('takes one multi-word keyword as enough in a claim-length text, not in an article', () => {
    const layoutOf = (text: string) => ({
      text,
      blocks: [{ index: 0, kind: 'paragraph' as const, start: 0, end: text.length, content: { start: 0, end: text.length } }],
      sentences: [{ index: 0, block: 0, start: 0, end: text.length, firstToken: 0, endToken: 0 }],
    });
    const claim = 'The mainstream media hid the floods from the public.';
    const article = `${claim} ${'The river rose slowly through the week and the town prepared its pumps. '.repeat(6)}`;
    const labelsOf = (text: string) => classifyByKeywords(taxonomy, index, layoutOf(text)).map((l) => [l.label, l.score]);
    expect(evidenceScore(index.match(claim), DEFAULT_KEYWORD_SCORING)).toBeLessThan(DEFAULT_KEYWORD_SCORING.threshold);
    expect(labelsOf(claim)).toEqual([['Media', 0.45]]);
    expect(labelsOf(article)).toEqual([]);
    // A single-word keyword alone stays too little, even in a claim.
    expect(labelsOf('This is propaganda, they say.')).toEqual([]);
  });
});

describe('cueText', () => {
  it.each([
    ['The US-led Western Mainstream Media’s attempts', 'mainstream media', 'US-led Western Mainstream Media'],
    ['the mainstream media lies', 'mainstream media', 'mainstream media'],
    ['Sanctions hurt', 'sanctions', 'Sanctions'],
    ['as the Kremlin-backed Deep State said', 'deep state', 'Kremlin-backed Deep State'],
  ])('%s', (text, keyword, cue) => {
    const start = text.toLowerCase().indexOf(keyword);
    expect(
      cueText(
        text,
        start,
        start + keyword.length + (text.slice(start + keyword.length).startsWith('’s') ? 2 : 0),
      ),
    ).toBe(cue);
  });
});
