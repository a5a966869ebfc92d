import { describe, expect, it } from 'vitest';
import { testDetector } from '../../testing/detector-tester.js';
import { heading } from './heading.js';

describe('structure/heading', () => {
  it('passes its own examples and the table below', async () => {
    expect(await testDetector(heading)).toEqual([]);
    expect(
      await testDetector(heading, {
        valid: ['A sentence.\nAnother sentence that continues the paragraph.'],
        invalid: [
          {
            text: '## ⟦Reality check⟧\nText of the section follows here.',
            messageId: 'heading',
            data: { level: 2 },
          },
        ],
      }),
    ).toEqual([]);
  });
});
