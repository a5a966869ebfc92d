import { describe, expect, it } from 'vitest';
import { segmentText } from '../../core/segment/segment.js';
import { mentionFeaturesForSpan, prepareFramingDocument } from './framing-features.js';
import { ruleScores } from './role-rules.js';

// Our own invented sentences.
function featuresOf(text: string, mention: string): Map<string, number> {
  const prepared = prepareFramingDocument(text, segmentText(text, 'en'));
  const start = text.indexOf(mention);
  return mentionFeaturesForSpan(prepared, { start, end: start + mention.length });
}

const keys = (f: Map<string, number>, re: RegExp): string[] => [...f.keys()].filter((k) => re.test(k)).sort();

describe('mention role features', () => {
  it('reads the verb after a mention as the verb it is the subject of', () => {
    const f = featuresOf('Northland will fail again this winter.', 'Northland');
    expect(keys(f, /^(?:sv|svc):/u)).toContain('sv:fail');
    expect(keys(f, /^svc:/u)).toContain('svc:Incompetent');
  });

  it('does not make a mention behind a preposition the subject of the next verb', () => {
    // "the mission ... will fail": Northland hangs on "in", the mission fails, not Northland.
    const f = featuresOf('The relief mission in Northland will fail again this winter.', 'Northland');
    expect(keys(f, /^(?:sv|svc|ov|ovc):/u).filter((k) => k.includes('fail') || k.includes('Incompetent'))).toEqual([]);
    expect(f.get('prep:in')).toBe(1);
  });

  it('reads a passive verb after a mention as done to it, also when a subordinator opens the clause', () => {
    const f = featuresOf('The port recovered after Northland was victimized by smugglers.', 'Northland');
    expect(keys(f, /^ovc:/u)).toContain('ovc:Victim');
    expect(keys(f, /^svc:/u)).toEqual([]);
  });
});

describe('role rules', () => {
  it('casts an entity that is victimised, exploited or neglected in that role', () => {
    for (const role of ['Victim', 'Exploited', 'Forgotten']) {
      const r = ruleScores(new Map([[`ovc:${role}`, 1]]));
      expect(r.fine.get(role)).toBeGreaterThan(0);
    }
  });

  it('still reads harm done to an entity as making it a victim, and praise done to it as no role', () => {
    expect(ruleScores(new Map([['ovc:attack', 1]])).fine.get('Victim')).toBeGreaterThan(0);
    expect(ruleScores(new Map([['ovc:praise', 1]])).strength).toBe(0);
  });
});
