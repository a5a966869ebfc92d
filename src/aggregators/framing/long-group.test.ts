import { describe, expect, it } from 'vitest';
import { segmentText } from '../../core/segment/segment.js';
import type { Span } from '../../core/text/span.js';
import {
  mentionFeaturePartsForSpan,
  prepareFramingDocument,
  type PreparedFramingDocument,
} from './framing-features.js';
import type { EntityGroup } from './mentions.js';

/** The document with its largest group's mentions behind a proxy that counts how often one is read. */
function counted(doc: PreparedFramingDocument): {
  doc: PreparedFramingDocument;
  group: EntityGroup;
  reads: () => number;
} {
  const group = [...doc.groups].sort((a, b) => b.mentions.length - a.mentions.length)[0] as EntityGroup;
  let reads = 0;
  const mentions = new Proxy(group.mentions as EntityGroup['mentions'][number][], {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/u.test(key)) reads++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  const proxied: EntityGroup = { ...group, mentions };
  const groupOf = new Map([...doc.groupOf].map(([k, g]) => [k, g === group ? proxied : g]));
  return {
    doc: { ...doc, groups: doc.groups.map((g) => (g === group ? proxied : g)), groupOf },
    group: proxied,
    reads: () => reads,
  };
}

describe('framing features of one entity mentioned many times', () => {
  it('find each mention in its group without scanning the group (quadratic in the mentions before)', () => {
    const text = 'Russia said no. '.repeat(2000);
    const { doc, group, reads } = counted(prepareFramingDocument(text, segmentText(text, 'en')));
    expect(group.mentions.length).toBe(2000);
    const mentions: Span[] = [...group.mentions];
    for (const m of mentions) mentionFeaturePartsForSpan(doc, m);
    // A scan per mention read about 2,000 × 2,000 / 2 of them; a set of the group reads each once.
    expect(reads()).toBeLessThan(20 * mentions.length);
  });
});
