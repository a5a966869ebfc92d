import { describe, expect, it } from 'vitest';
import type { LedgerItem } from '../../core/result/types.js';
import { segmentText } from '../../core/segment/segment.js';
import { spanText } from '../../core/text/span.js';
import { loadRoleModel } from '../../models/framing/role-model.js';
import { frameEntities } from './framing.js';
import { LedgerLookup } from './ledger-lookup.js';

// Our own invented page: many "Myth: / Fact:" items that name the same countries.
const ITEMS = 400;
const parts: string[] = [];
const ledger: LedgerItem[] = [];
let text = '';
for (let i = 0; i < ITEMS; i++) {
  const claim = `Northland attacked Southland on day ${i}.`;
  const rebuttal = `Southland signed a treaty with Northland on day ${i}.`;
  const block = `Myth: ${claim}\nFact: ${rebuttal}\n\n`;
  const at = (s: string) => spanText(text + block, { start: text.length + block.indexOf(s), end: text.length + block.indexOf(s) + s.length });
  ledger.push({
    id: `r${i + 1}`, index: null, format: 'myth-fact', claim: at(claim), attributedTo: null, attributionScope: null, motive: null,
    rebuttal: at(rebuttal), verdict: null, evidence: [], evidenceSummary: '', partial: false, flags: [], span: at(claim), findingIds: [],
  });
  parts.push(block);
  text += block;
}

describe('framing against a long ledger', () => {
  it('reads each ledger item a bounded number of times, not once per mention', () => {
    // Counting reads of the items: asking `ledger.some` for each of the ~1,600 mentions read ~400 items each.
    let reads = 0;
    const counted = new Proxy(ledger, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/u.test(key)) reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const entities = frameEntities(text, segmentText(text, 'en'), loadRoleModel(), { ledger: counted });
    expect(entities.map((e) => e.name).sort()).toEqual(['Northland', 'Southland']);
    expect(reads).toBeLessThan(20 * ITEMS);
  });

  it('answers containment and overlap as a scan of the items does', () => {
    const lookup = new LedgerLookup(ledger);
    for (const m of [ledger[3]!.claim!, { start: ledger[3]!.rebuttal!.start + 2, end: ledger[3]!.rebuttal!.start + 9 }, { start: 0, end: 0 }]) {
      expect(lookup.contains('claim', m)).toBe(ledger.some((i) => i.claim!.start <= m.start && m.end <= i.claim!.end));
      expect(lookup.contains('rebuttal', m)).toBe(ledger.some((i) => i.rebuttal!.start <= m.start && m.end <= i.rebuttal!.end));
    }
    expect(lookup.overlapping('claim', { start: ledger[7]!.claim!.start + 1, end: ledger[8]!.claim!.start + 1 })).toEqual([7, 8]);
    expect(lookup.overlapping('attributedTo', { start: 0, end: text.length })).toEqual([]);
  });
});
