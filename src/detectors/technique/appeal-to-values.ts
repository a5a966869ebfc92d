/**
 * Appeal to Values (SemEval-2023 `Appeal_to_Values`): justifies a position by tying it to values the audience
 * holds (freedom, tradition, faith, fairness) rather than to evidence. No English PTC training data exists
 * for it, so the detector uses written phrase patterns.
 */
import { patternTechniqueDetector } from './pattern-technique.js';

export const appealToValues = patternTechniqueDetector({
  label: 'Appeal_to_Values',
  definition: 'Justifies a position by tying it to values the audience holds (freedom, tradition, faith, fairness) rather than to evidence.',
  message: 'Possible appeal to values: a position is tied to shared values ({{cue}}).',
  confidence: 0.5,
  patterns: [
    { re: /\bour (?:core |shared |traditional |fundamental |christian |democratic |family |european |western )?values\b/, cue: 'our values' },
    { re: /\b(?:traditional|family|christian|democratic|western|european) values\b/, cue: 'named values' },
    { re: /\b(?:our |a |the )?moral (?:duty|obligation)\b/, cue: 'moral duty' },
    { re: /\bthe right thing to do\b/, cue: 'the right thing to do' },
    { re: /\bin the name of (?:freedom|democracy|justice|god|liberty)\b/, cue: 'in the name of' },
    { re: /\bwhat we stand for\b|\bwho we are as a (?:people|nation)\b/, cue: 'what we stand for' },
  ],
  valid: ['The committee approved the budget after a short debate.', 'Prices rose by two percent in March.'],
  invalid: [
    { text: 'Supporting the bill is ⟦the right thing to do⟧.', data: { cue: 'the right thing to do' } },
    { text: 'This law defends ⟦our traditional values⟧ against change.', data: { cue: 'our values' } },
  ],
  limits:
    'Written patterns only (no training data for this technique in the English PTC corpus): recall is limited to the listed phrases; a neutral report about values is flagged too.',
});
