import { describe, expect, it } from 'vitest';
import { testDetector } from '../../testing/detector-tester.js';
import { claimAttribution } from './claim-attribution.js';
import { isBroadGroup } from '../../core/text/noun-phrase.js';
import { preemptiveRebuttal } from './preemptive-rebuttal.js';

describe('ledger detectors', () => {
  it('ledger/preemptive-rebuttal passes its examples', async () => {
    expect(await testDetector(preemptiveRebuttal)).toEqual([]);
  });

  it('ledger/claim-attribution passes its examples and the table below', async () => {
    expect(await testDetector(claimAttribution)).toEqual([]);
    expect(
      await testDetector(claimAttribution, {
        valid: ['Two false claims about the bridge', 'It claims that the bridge is safe.'],
        invalid: [
          {
            text: '⟦Local critics⟧ claim that the bridge will fail.',
            messageId: 'attribution',
            data: { broad: true },
          },
          {
            text: 'Lies pushed by the ⟦state broadcaster⟧ keep spreading.',
            messageId: 'attribution',
            data: { broad: false },
          },
        ],
      }),
    ).toEqual([]);
  });

  it('tells broad groups from named holders', () => {
    expect(isBroadGroup('US-led Western information warfare campaign')).toBe(true);
    expect(isBroadGroup('Western media')).toBe(true);
    expect(isBroadGroup('John Smith')).toBe(false);
  });
});
