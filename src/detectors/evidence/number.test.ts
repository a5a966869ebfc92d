import { describe, expect, it } from 'vitest';
import type { DetectContext } from '../../core/detect/types.js';
import type { Signal } from '../../core/finding/types.js';
import { number } from './number.js';

/** The detector's signals (it reads only the text) as [start, end, messageId, value]. */
function numbers(text: string): [number, number, string, string][] {
  const signals = number.detect({ text } as DetectContext) as Signal[];
  return signals.map((s) => [s.span.start, s.span.end, s.messageId, String(s.data?.value)]);
}

describe('evidence/number on many numbers', () => {
  it('gives each date and statistic once, the year inside a date not again', () => {
    const sentence = 'On 3 May 2020 it rose 5% and 7 million. ';
    expect(numbers(sentence.repeat(2))).toEqual([
      [3, 13, 'date', '3 May 2020'],
      [43, 53, 'date', '3 May 2020'],
      [22, 24, 'statistic', '5%'],
      [29, 38, 'statistic', '7 million'],
      [62, 64, 'statistic', '5%'],
      [69, 78, 'statistic', '7 million'],
    ]);
  });

  it('finds all 120,000 numbers of a long text (each new one was checked against every earlier one)', () => {
    const sentence = 'On 3 May 2020 it rose 5% and 7 million. ';
    const found = numbers(sentence.repeat(40_000));
    expect(found).toHaveLength(120_000);
    expect(found.filter((f) => f[2] === 'date')).toHaveLength(40_000);
    expect(found.at(-1)).toEqual([
      40_000 * sentence.length - 11,
      40_000 * sentence.length - 2,
      'statistic',
      '7 million',
    ]);
  });
});
