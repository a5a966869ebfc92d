import { describe, expect, it } from 'vitest';
import { segmentText } from '../../src/core/segment/segment.js';
import type { Segments } from '../../src/core/segment/types.js';
import { createDocument } from '../../src/core/text/document.js';

/** Every offset the segmenter produces must cut the text exactly where the quoted text says. */
function expectConsistent(text: string, s: Segments): void {
  for (const b of s.blocks) {
    expect(b.start).toBeLessThanOrEqual(b.content.start);
    expect(b.content.end).toBeLessThanOrEqual(b.end);
    expect(text.slice(b.start, b.end)).toBe(text.slice(b.start, b.end).trim());
  }
  for (const t of s.tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
  for (const sentence of s.sentences) {
    const block = s.blocks[sentence.block];
    expect(block).toBeDefined();
    expect(sentence.start).toBeGreaterThanOrEqual(block?.start ?? -1);
    expect(sentence.end).toBeLessThanOrEqual(block?.end ?? -1);
    for (const t of s.tokens.slice(sentence.firstToken, sentence.endToken)) {
      expect(t.start).toBeGreaterThanOrEqual(sentence.start);
      expect(t.end).toBeLessThanOrEqual(sentence.end);
    }
  }
  // Tokens are in text order and do not overlap.
  for (let i = 1; i < s.tokens.length; i++)
    expect(s.tokens[i]?.start).toBeGreaterThanOrEqual(s.tokens[i - 1]?.end ?? 0);
}

const blockTexts = (text: string, s: Segments): [string, string][] =>
  s.blocks.map((b) => [b.kind, text.slice(b.content.start, b.content.end)]);

describe('segmentText fixtures', () => {
  const cases: {
    name: string;
    raw: string;
    language: string;
    blocks: [string, string][];
    tokens?: string[];
  }[] = [
    {
      name: 'headings, numbered items, emoji',
      raw: '# Myths and facts\n\n1. Lie: the port 😡 is closed.\n2. Truth: it is open.',
      language: 'en',
      blocks: [
        ['heading', 'Myths and facts'],
        ['listItem', 'Lie: the port 😡 is closed.'],
        ['listItem', 'Truth: it is open.'],
      ],
      tokens: ['😡'],
    },
    {
      name: 'combining marks stay inside their word',
      raw: 'The cafe\u0301 owner\u0301s said it twice. Then they left.',
      language: 'en',
      blocks: [['paragraph', 'The cafe\u0301 owner\u0301s said it twice. Then they left.']],
      tokens: ['cafe\u0301'],
    },
    {
      name: 'CJK with an astral character',
      raw: '假新闻说𠀋港口是军事基地。但这不是真的！',
      language: 'zh',
      blocks: [['paragraph', '假新闻说𠀋港口是军事基地。但这不是真的！']],
    },
    {
      name: 'right-to-left text',
      raw: 'الأخبار الكاذبة منتشرة. هذا غير صحيح.\n\nהטענה שגויה לחלוטין.',
      language: 'ar',
      blocks: [
        ['paragraph', 'الأخبار الكاذبة منتشرة. هذا غير صحيح.'],
        ['paragraph', 'הטענה שגויה לחלוטין.'],
      ],
      tokens: ['الكاذبة'],
    },
    {
      name: 'BOM and CRLF line ends',
      raw: '\ufeffFalse Narrative 3\r\n\r\nThe claim was repeated, but it is wrong.\r\nA second line follows.',
      language: 'en',
      blocks: [
        ['heading', 'False Narrative 3'],
        ['paragraph', 'The claim was repeated, but it is wrong.'],
        ['paragraph', 'A second line follows.'],
      ],
    },
  ];

  it.each(cases)('$name', ({ raw, language, blocks, tokens }) => {
    const doc = createDocument({ text: raw });
    const s = segmentText(doc.text, language);
    expect(blockTexts(doc.text, s)).toEqual(blocks);
    expectConsistent(doc.text, s);
    for (const t of tokens ?? []) expect(s.tokens.map((x) => x.text)).toContain(t);
    expect(s.sentences.length).toBeGreaterThan(0);
  });

  it('splits sentences of a non-English paragraph with Intl.Segmenter', () => {
    const text = 'Это ложь. Это правда! А это вопрос?';
    const s = segmentText(text, 'ru');
    expect(s.sentences.map((x) => text.slice(x.start, x.end).trim())).toEqual([
      'Это ложь.',
      'Это правда!',
      'А это вопрос?',
    ]);
    expectConsistent(text, s);
  });

  it('finds quotations with their inner span', () => {
    const text = 'The minister called it “a reign of terror” and added "nothing more".';
    const s = segmentText(text, 'en');
    expect(s.quotes.map((q) => text.slice(q.inner.start, q.inner.end))).toEqual([
      'a reign of terror',
      'nothing more',
    ]);
  });

  it('maps offsets of a CRLF + BOM document back to the raw input', () => {
    const raw = '\ufeffLine one.\r\nLine two is here.';
    const doc = createDocument({ text: raw });
    const s = segmentText(doc.text, 'en');
    const last = s.sentences[s.sentences.length - 1];
    const orig = doc.sourceMap.toOriginal(last?.start ?? -1);
    expect(raw.slice(orig, orig + 'Line two'.length)).toBe('Line two');
  });
});
