import { describe, expect, it } from 'vitest';
import { testDetector } from '../../testing/detector-tester.js';
import { checkWorthy } from './check-worthy.js';
import { reportedSpeech } from './reported-speech.js';

describe('claim/check-worthy', () => {
  it('passes its own examples and the table below', async () => {
    expect(await testDetector(checkWorthy)).toEqual([]);
    expect(
      await testDetector(checkWorthy, {
        valid: ['Is this the end of the road?', 'Good morning.'],
        invalid: [
          { text: '⟦Prices at Harbour Mart climbed by 40 percent within a single year.⟧', messageId: 'claim', data: { type: 'statistic' } },
          { text: '⟦As a result, the Northland government closed every rural school.⟧', messageId: 'claim', data: { type: 'causal' } },
          { text: '# Heading line\n\n⟦The council is trying to hide the audit from the voters.⟧', messageId: 'claim', data: { type: 'intent' } },
          { text: '⟦Myth: "The Harbour Guard flooded the valley on Monday!"⟧\n\nFacts follow below.', messageId: 'claim', data: { type: 'event' } },
          // The claim starts after a heading's "#" or a bullet, not at it; an initial is no list marker.
          { text: '# ⟦Prices at Harbour Mart climbed by 40 percent in a year⟧', messageId: 'claim', data: { type: 'statistic' } },
          { text: 'Figures:\n\n- ⟦The ministry reported 4,000 new cases last week.⟧', messageId: 'claim', data: { type: 'statistic' } },
          { text: '• ⟦As a result, the Northland government closed every rural school.⟧', messageId: 'claim', data: { type: 'causal' } },
          { text: '⟦J. Adam Okafor said the council closed 40 percent of the schools.⟧', messageId: 'claim', data: { type: 'statistic' } },
        ],
      }),
    ).toEqual([]);
  });
});

describe('claim/reported-speech', () => {
  it('passes its own examples and the table below', async () => {
    expect(await testDetector(reportedSpeech)).toEqual([]);
    expect(
      await testDetector(reportedSpeech, {
        valid: ['She said so.', 'They insisted.'],
        invalid: [
          { text: 'Professor Lena Holt argued that ⟦the dam had never been inspected⟧.', messageId: 'reported', data: { speaker: 'Professor Lena Holt', verb: 'argued' } },
          { text: '“⟦We never received the shipment of grain⟧,” the Lakeport mayor said.', messageId: 'reported', data: { speaker: 'the Lakeport mayor', verb: 'said' } },
        ],
      }),
    ).toEqual([]);
  });
});
