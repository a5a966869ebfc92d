import { describe, expect, it } from 'vitest';
import { testDetector } from '../../testing/detector-tester.js';
import { segmentText } from '../../core/segment/segment.js';
import { scanLabels } from './label-scan.js';
import { labelWord } from './label-word.js';
import { numberedItem } from './numbered-item.js';

describe('structure/label-word', () => {
  it('passes its own examples and the table below', async () => {
    expect(await testDetector(labelWord)).toEqual([]);
    expect(
      await testDetector(labelWord, {
        valid: [
          'Ingredients:\n1. flour\n2. eggs',
          'A new study was published.',
          'Factories closed early. Facts matter.',
          // A phrase label then a space and a capital is how prose opens, not a label whose emphasis was lost.
          "They say Boudreau's report misreads the vote.",
          'The claim Putin uses a body double keeps returning.',
          'Q3 results were strong.',
          // A rating with a full stop is a verdict sentence (a table's rating cell), not a claim label.
          'False. No study has found such a link.',
        ],
        invalid: [
          { text: '⟦MYTH⟧: Cats hate water.', messageId: 'label', data: { key: 'myth', role: 'claim' } },
          {
            text: '⟦Falsehood⟧ 2: The cards expire.',
            messageId: 'label',
            data: { key: 'falsehood', role: 'claim', number: '2' },
          },
          {
            text: '⟦Reality-Check⟧: They do not.',
            messageId: 'label',
            data: { key: 'reality-check', role: 'rebuttal' },
          },
          {
            text: '⟦What was claimed⟧: Schools close.',
            messageId: 'label',
            data: { key: 'claim', role: 'claim' },
          },
          { text: '⟦Our verdict⟧: False.', messageId: 'label', data: { key: 'verdict', role: 'verdict' } },
          { text: '⟦Kremlin claim⟧: The drills are an invasion.', messageId: 'label', data: { key: 'claim', role: 'claim' } },
          { text: '⟦Response⟧: Tests found no waste.', messageId: 'label', data: { key: 'response', role: 'rebuttal' } },
          { text: '⟦Fiction⟧: Tolls triple.', messageId: 'label', data: { key: 'fiction', role: 'claim' } },
          { text: '⟦HOAX⟧: Hot water kills the virus.', messageId: 'label', data: { key: 'fake', role: 'claim' } },
          { text: '⟦Conspiracy theory⟧: The landing was filmed.', messageId: 'label', data: { key: 'conspiracy-theory', role: 'claim' } },
          // The single-word case of lost emphasis stays a label ("<b>Myth</b>Only ...").
          { text: '⟦Myth⟧ Only citizens of the city may vote there.', messageId: 'label', data: { key: 'myth', role: 'claim' } },
          {
            text: '⟦Motive⟧: Divide the allies.',
            messageId: 'label',
            data: { key: 'motive', role: 'motive' },
          },
          {
            text: '⟦Q⟧: Do meters record sound?',
            messageId: 'label',
            data: { key: 'question', role: 'question' },
          },
          {
            text: '⟦Mythos⟧ 1: Standby kostet nichts.',
            messageId: 'label',
            data: { key: 'myth', role: 'claim', lang: 'de' },
            language: 'de',
          },
          {
            text: '⟦Réalité⟧ : le tri est automatique.',
            messageId: 'label',
            data: { key: 'reality', role: 'rebuttal', lang: 'fr' },
            language: 'fr',
          },
          {
            text: '⟦Mito⟧: Donar debilita.',
            messageId: 'label',
            data: { key: 'myth', role: 'claim', lang: 'es' },
            language: 'es',
          },
          {
            text: '⟦Міф⟧: Воду пити небезпечно.',
            messageId: 'label',
            data: { key: 'myth', role: 'claim', lang: 'uk' },
            language: 'uk',
          },
          {
            text: '⟦SUMMARY⟧\nA video shows troops.',
            messageId: 'label',
            data: { key: 'summary', role: 'claim', alone: true },
          },
          {
            text: '⟦DISINFO⟧: The army will invade.',
            messageId: 'label',
            data: { key: 'disinfo', role: 'claim' },
          },
        ],
      }),
    ).toEqual([]);
  });

  it('finds the content start after the separator, or on the next line for a label alone', () => {
    const cases: [string, string][] = [
      ['Myth: Cats hate water.', 'Cats hate water.'],
      ['Myth #3 – Cats hate water.', 'Cats hate water.'],
      ['Fact\n\nCats can swim.', 'Cats can swim.'],
      ['MythCats hate water.', 'Cats hate water.'],
      ['【真相】热水不能杀死病毒。', '热水不能杀死病毒。'],
    ];
    for (const [text, content] of cases) {
      const hits = scanLabels(text, segmentText(text, 'en').blocks);
      expect(hits.length, text).toBe(1);
      expect(text.slice(hits[0]?.contentStart), text).toBe(content);
    }
  });
  it('reads "Q." and "A." with a full stop only as a question and the answer after it', () => {
    const labels = (text: string): string[] =>
      scanLabels(text, segmentText(text, 'en').blocks).map(
        (h) => `${h.entry.role}:${text.slice(h.contentStart, h.contentStart + 8)}`,
      );
    expect(labels('Q. Will the dam burst?\nA. No. It was inspected.\n\nQ. Is the water safe?\nA. Yes. It is tested daily.')).toEqual([
      'question:Will the',
      'answer:No. It w',
      'question:Is the w',
      'answer:Yes. It ',
    ]);
    // Initials and lettered lists: no question before the "A.", or a question line that does not end in "?".
    expect(labels('A. Okafor opened the meeting.\nB. Lindqvist closed it.')).toEqual([]);
    expect(labels('Q. Marsh chaired the session.\nA. Okafor took notes.')).toEqual([]);
    expect(labels('The vote was close. A. Okafor abstained.')).toEqual([]);
    // The colon form is unchanged and needs no pair.
    expect(labels('A: No. It was inspected.')).toEqual(['answer:No. It w']);
  });
});

describe('structure/numbered-item', () => {
  it('passes its own examples', async () => {
    expect(await testDetector(numberedItem)).toEqual([]);
  });
});

describe('label matching on the lower-cased line', () => {
  const scan = (text: string) => scanLabels(text, segmentText(text, 'en').blocks);

  it('reads labels and numbers in any case, with offsets in the original text', () => {
    // Our own invented lines.
    const text = 'MYTH IV: The pier is sinking.\nREALITY-CHECK: It was repaired in May.\n\nmyth No. 5: Tolls will double.';
    const hits = scan(text);
    expect(hits.map((h) => [text.slice(h.word.start, h.word.end), h.number, text.slice(h.span.start, h.span.end)])).toEqual([
      ['MYTH', 'IV', 'MYTH IV'],
      ['REALITY-CHECK', null, 'REALITY-CHECK'],
      ['myth', '5', 'myth No. 5'],
    ]);
  });

  it('reads labels on a line whose lower-case form is longer, with offsets in the original text', () => {
    // "İ" lower-cases to two code units, so this line takes the case-insensitive fallback pattern. The label
    // comes before it either way (labels open a line), so this checks that the fallback reads it the same.
    const text = 'Myth: İzmir ferries stopped running.\n\nFact: They run every hour.';
    const hits = scan(text);
    expect(hits.map((h) => [text.slice(h.word.start, h.word.end), h.contentStart])).toEqual([
      ['Myth', 6],
      ['Fact', text.indexOf('They')],
    ]);
  });
});
