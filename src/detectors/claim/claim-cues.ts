/**
 * Cue lists for check-worthy statements (English), our own, grouped by the claim type they signal. Words
 * are lemmas unless marked as phrases; phrases are matched on the lower-cased sentence text.
 */
import type { ClaimType } from '../../core/result/types.js';

export const CAUSAL_PHRASES = [
  'because', 'because of', 'due to', 'caused', 'causes', 'cause of', 'led to', 'leads to', 'lead to', 'resulted in', 'results in',
  'as a result', 'therefore', 'thus', 'hence', 'consequently', 'owing to', 'thanks to', 'responsible for', 'triggered', 'is behind',
  'are behind', 'was behind', 'were behind', 'in response to', 'so that',
];

export const INTENT_PHRASES = [
  'aims to', 'aimed at', 'aiming to', 'seeks to', 'seeking to', 'wants to', 'want to', 'intends to', 'intended to', 'in order to',
  'designed to', 'trying to', 'tries to', 'try to', 'attempt to', 'attempts to', 'plans to', 'plotting', 'in a bid to', 'so as to',
  'to justify', 'to discredit', 'to undermine', 'to distract', 'to destabilize', 'to destabilise', 'to divide', 'to drive a wedge',
  'agenda', 'ploy', 'pretext', 'motive', 'deliberately', 'on purpose', 'secretly',
];

export const PREDICTION_PHRASES = [
  'will', 'is going to', 'are going to', 'going to', 'is expected to', 'are expected to', 'is likely to', 'are likely to',
  'predict', 'predicts', 'predicted', 'forecast', 'forecasts', 'will soon', 'by 2030', 'by 2050', 'in the coming', 'next year',
  'inevitably', 'predictably', 'is set to', 'are set to', 'is poised to', 'would',
];

/** Past or present actions with consequences: the core of event claims. */
export const EVENT_VERBS = new Set([
  'kill', 'attack', 'invade', 'bomb', 'shell', 'strike', 'seize', 'capture', 'arrest', 'detain', 'sign', 'approve', 'ban', 'impose',
  'launch', 'deploy', 'send', 'authorize', 'authorise', 'request', 'deny', 'announce', 'order', 'destroy', 'occupy', 'annex', 'fire',
  'shoot', 'die', 'flee', 'vote', 'elect', 'withdraw', 'sanction', 'deliver', 'supply', 'fund', 'pay', 'build', 'close', 'open',
  'cut', 'raise', 'increase', 'decrease', 'fall', 'rise', 'drop', 'reach', 'violate', 'block', 'carry', 'hold', 'meet', 'visit',
  'support', 'fight', 'restore', 'save', 'protect', 'spread', 'rebuild', 'slaughter', 'provide', 'receive', 'confirm', 'reject',
]);

export const TIME_WORDS = new Set([
  'yesterday', 'today', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march',
  'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'week', 'month', 'year', 'recently', 'last',
]);

/** Evaluative words that make a statement an opinion rather than a checkable fact. */
export const OPINION_WORDS = new Set([
  'should', 'must', 'ought', 'believe', 'think', 'feel', 'opinion', 'clearly', 'obviously', 'shameful', 'disgraceful', 'absurd',
  'ridiculous', 'terrible', 'wonderful', 'best', 'worst', 'great', 'evil', 'good', 'bad', 'wrong', 'right', 'desperate', 'perverse',
  'perversely', 'groundless', 'groundlessly', 'paradoxically', 'unfortunately', 'fortunately', 'sadly', 'hypocritical', 'outrageous',
  'brave', 'heroic', 'pathetic', 'foolish', 'irresponsible', 'irresponsibly', 'dramatically', 'desperately',
]);

/** Reporting verbs that introduce someone's statement ("X said that ..."). Lemmas. */
export const SPEECH_VERBS = new Set([
  'say', 'claim', 'deny', 'state', 'insist', 'argue', 'allege', 'warn', 'tell', 'announce', 'declare', 'assert', 'suggest', 'report',
  'admit', 'acknowledge', 'confirm', 'write', 'accuse', 'maintain', 'contend', 'reveal', 'add', 'note', 'explain', 'stress', 'emphasise',
  'emphasize', 'promise', 'vow', 'predict', 'estimate', 'concede', 'testify', 'tweet', 'post',
]);

/** Base check-worthiness of each claim type before specificity is counted. */
export const TYPE_WEIGHT: Readonly<Record<ClaimType, number>> = {
  statistic: 0.75,
  event: 0.6,
  causal: 0.6,
  intent: 0.55,
  quote: 0.55,
  prediction: 0.45,
  opinion: 0.25,
  other: 0.3,
};

/** Every occurrence of any phrase in the lower-cased text, at word boundaries. */
export function findPhrases(lower: string, phrases: readonly string[]): { phrase: string; index: number }[] {
  const out: { phrase: string; index: number }[] = [];
  for (const p of phrases) {
    let i = lower.indexOf(p);
    while (i >= 0) {
      const before = i === 0 ? ' ' : (lower[i - 1] as string);
      const after = lower[i + p.length] ?? ' ';
      if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) out.push({ phrase: p, index: i });
      i = lower.indexOf(p, i + p.length);
    }
  }
  return out.sort((a, b) => a.index - b.index);
}
