/**
 * Marks sentences that announce the rebuttal of claims not yet made: "will predictably trigger a campaign,
 * the false narratives of which will preemptively be debunked", "before they even appear", "заранее
 * опровергнем". The ledger flags the items of such a document `preemptive`: the claims it lists are the
 * document's forecast of what others will say, not quotations of what they said.
 */
import type { Detector } from '../../core/detect/types.js';
import type { Signal } from '../../core/finding/types.js';
import { BoundaryPattern } from '../../core/segment/word-boundary.js';

const AHEAD =
  /(?<![\p{L}\p{N}])pre-?emptive(?:ly)?(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|(?<![\p{L}\p{N}])in advance(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])ahead of time(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])before (?:they|it|these|such claims) (?:even )?(?:appear|spread|start|surface|are made)|заранее|упреждающ|превентивн|заздалегідь|наперед|im Voraus|(?<![\p{L}\p{N}])vorab(?![\p{L}\p{N}])|vorsorglich|à l['’]avance|par avance|préventivement|de antemano|por adelantado|preventivamente|预先|提前/iu;
const REBUT =
  /debunk|refut|rebut|counter|expos|dispel|опроверг|развенча|спростув|викри|widerleg|entkräft|réfut|démont|démyst|desment|refut|desmont|驳斥|辟谣|揭穿/iu;
const FORECAST =
  /(?<![\p{L}\p{N}])will (?:predictably|inevitably|surely|certainly|soon|no doubt)(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])are (?:bound|certain|sure) to(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])expect (?:them|the media|critics) to(?![\p{L}\p{N}])/iu;
const CLAIMS =
  /narrative|claim|lie|myth|fake|propaganda|allegation|нарратив|наратив|ложь|фейк|брехн|миф|міф|Narrativ|Lüge|Behauptung|récit|mensonge|narrativa|mentira|谎言|叙事/iu;

/** The same answers, found sooner (see BoundaryPattern). */
const FAST_AHEAD = new BoundaryPattern(AHEAD);
const FAST_FORECAST = new BoundaryPattern(FORECAST);

export const preemptiveRebuttal: Detector = {
  meta: {
    id: 'ledger/preemptive-rebuttal',
    version: '1.0.0',
    family: 'ledger',
    description:
      'Sentences announcing the rebuttal of claims that have not been made yet (pre-emptive debunking).',
    taxonomy: [],
    messages: { preemptive: 'Announces a rebuttal of claims not yet made (pre-emptive rebuttal).' },
    requires: ['sentences'],
    cost: 'cheap',
    stability: 'stable',
    severity: 'info',
    languages: 'any',
    examples: {
      valid: ['The ministry debunked the rumour yesterday.', 'We booked the tickets in advance.'],
      invalid: [
        {
          text: '⟦The move will predictably trigger a campaign, the false narratives of which will preemptively be debunked here.⟧',
          messageId: 'preemptive',
        },
        {
          text: '⟦Мы заранее опровергнем ложь, которую они распространят.⟧',
          messageId: 'preemptive',
          language: 'ru',
        },
      ],
    },
  },
  detect(ctx) {
    const out: Signal[] = [];
    for (const s of ctx.segments.sentences) {
      const text = ctx.text.slice(s.start, s.end);
      // REBUT is required by both rules and is the cheap pattern (no Unicode word-boundary look-arounds): test it first.
      if (!REBUT.test(text)) continue;
      const ahead = FAST_AHEAD.test(text);
      const forecast = !ahead && FAST_FORECAST.test(text) && CLAIMS.test(text);
      if (!ahead && !forecast) continue;
      out.push({
        span: { start: s.start, end: s.end },
        messageId: 'preemptive',
        confidence: ahead ? 0.85 : 0.7,
        evidence: [
          {
            kind: 'pattern',
            label: ahead
              ? 'rebuttal announced in advance'
              : 'forecast of claims together with their rebuttal',
          },
        ],
      });
    }
    return out;
  },
};
