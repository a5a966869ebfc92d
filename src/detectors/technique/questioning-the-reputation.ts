/**
 * Questioning the Reputation (SemEval-2023 `Questioning_the_Reputation`): attacks the character or record of
 * a person or group to undermine what they say, instead of the claim itself. No English PTC training data
 * exists for it (PTC-2020 folded it into Doubt), so the detector uses written phrase patterns.
 */
import { patternTechniqueDetector } from './pattern-technique.js';

export const questioningTheReputation = patternTechniqueDetector({
  label: 'Questioning_the_Reputation',
  definition: 'Attacks the character or record of a person or group to undermine what they say, instead of addressing the claim.',
  message: 'Possible questioning of reputation: the speaker’s character or record is attacked ({{cue}}).',
  confidence: 0.5,
  patterns: [
    { re: /\b(?:has|have|had) a (?:long )?(?:history|track record) of (?:lying|lies|deception|corruption|failure|failing|fraud)\b/, cue: 'history of' },
    { re: /\b(?:cannot|can(?:'|’)t|could not|couldn(?:'|’)t) be trusted\b|\bnot to be trusted\b/, cue: 'cannot be trusted' },
    { re: /\b(?:shady|dubious|questionable|murky) (?:past|record|reputation|character|dealings)\b/, cue: 'dubious record' },
    { re: /\b(?:notorious|infamous) for\b/, cue: 'notorious for' },
    { re: /\bserial liars?\b/, cue: 'serial liar' },
    { re: /\b(?:has|have) lost all credibility\b|\bno credibility (?:left|whatsoever)\b/, cue: 'lost credibility' },
  ],
  valid: ['The senator spoke for ten minutes about the harbour project.', 'The agency published its annual report.'],
  invalid: [
    { text: 'The minister ⟦has a long history of lying⟧, so ignore the report.', data: { cue: 'history of' } },
    { text: 'Such people ⟦cannot be trusted⟧ with public money.', data: { cue: 'cannot be trusted' } },
  ],
  limits:
    'Written patterns only (no training data for this technique in the English PTC corpus): recall is limited to the listed phrases, and reporting someone else’s attack is flagged like making it.',
});
