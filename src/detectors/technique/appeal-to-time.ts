/**
 * Appeal to Time (SemEval-2023 `Appeal_to_Time`): urges action by claiming that time is running out or that
 * now is the only moment to act. The English PTC training data has no examples of it, so this detector uses
 * written phrase patterns instead of the trained model.
 */
import { patternTechniqueDetector } from './pattern-technique.js';

export const appealToTime = patternTechniqueDetector({
  label: 'Appeal_to_Time',
  definition: 'Urges action by claiming that time is running out or that now is the only moment to act.',
  message: 'Possible appeal to time: the text presses for action now ({{cue}}).',
  confidence: 0.6,
  patterns: [
    { re: /\bnow or never\b/, cue: 'now or never' },
    { re: /\btime is running out\b|\brunning out of time\b/, cue: 'time running out' },
    { re: /\bbefore it(?:'|’)?s too late\b|\bbefore it is too late\b/, cue: 'before it is too late' },
    { re: /\bthe clock is ticking\b/, cue: 'clock ticking' },
    { re: /\bthere is no time to (?:lose|waste)\b|\bno time to lose\b/, cue: 'no time to lose' },
    { re: /\bnow is the time to\b|\bthe time to act is now\b/, cue: 'now is the time' },
    { re: /\b(?:this is|it is) (?:our|your|the) last chance\b/, cue: 'last chance' },
    { re: /\b(?:we|you) (?:cannot|can(?:'|’)t) afford to wait\b/, cue: 'cannot afford to wait' },
  ],
  valid: ['The meeting starts at nine and lasts two hours.', 'Researchers took three years to finish the study.'],
  invalid: [
    { text: 'Call your representative today: ⟦time is running out⟧.', data: { cue: 'time running out' } },
    { text: 'We must vote for the measure ⟦before it is too late⟧.', data: { cue: 'before it is too late' } },
  ],
  limits:
    'Written patterns only (no training data for this technique in the English PTC corpus): recall is limited to the listed phrases, and a phrase used literally (a deadline in a news report) is flagged too.',
});
