/**
 * Consequential Oversimplification (SemEval-2023 `Consequential_Oversimplification`, the slippery slope):
 * claims that a first step will set off a chain of consequences, usually ending in disaster, without showing
 * the links. No English PTC training data exists for it, so the detector uses written phrase patterns.
 */
import { patternTechniqueDetector } from './pattern-technique.js';

export const consequentialOversimplification = patternTechniqueDetector({
  label: 'Consequential_Oversimplification',
  definition: 'Claims that a first step will set off a chain of consequences, usually ending badly, without showing how one leads to the next.',
  message: 'Possible consequential oversimplification: a chain of consequences is asserted ({{cue}}).',
  confidence: 0.5,
  patterns: [
    { re: /\bslippery slope\b/, cue: 'slippery slope' },
    { re: /\b(?:will|would) (?:inevitably|eventually|soon|only) lead to\b/, cue: 'will inevitably lead to' },
    { re: /\b(?:will|would) open the (?:flood ?gates|door) (?:to|for)\b/, cue: 'open the floodgates' },
    { re: /\bnext thing you know\b/, cue: 'next thing you know' },
    { re: /\bit(?:'|’)?s only a matter of time before\b|\bit is only a matter of time before\b/, cue: 'only a matter of time' },
    { re: /\bwhere (?:does|will) it (?:end|stop)\b/, cue: 'where does it end' },
  ],
  valid: ['The bridge will open to traffic next week.', 'The new rule applies to imports from January.'],
  invalid: [
    { text: 'Allowing this ban ⟦will inevitably lead to⟧ a ban on everything.', data: { cue: 'will inevitably lead to' } },
    { text: 'Today it is cars; ⟦next thing you know⟧ they will tax walking.', data: { cue: 'next thing you know' } },
  ],
  limits:
    'Written patterns only (no training data for this technique in the English PTC corpus): the finding marks the cue phrase, not the whole chain, and chains argued without these phrases are missed.',
});
