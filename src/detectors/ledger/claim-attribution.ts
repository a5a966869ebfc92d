/**
 * Marks who a text says holds the claims it counters: "an intense US-led Western information warfare
 * campaign, the false narratives of which ...", "myths spread by anti-vaccine activists", "the Kremlin's
 * lies", "Western media claim that ...", "критики утверждают, что ...". The span is the holder's name as
 * written, without articles or intensifiers ("intense", "massive"). `broad` is true when the holder is a
 * group, a side or the media rather than a named person or outlet; the ledger uses it for the
 * straw-man-risk observation and as the item's or document's `attributedTo`.
 */
import type { Detector } from '../../core/detect/types.js';
import type { Signal } from '../../core/finding/types.js';
import { BoundaryPattern } from '../../core/segment/word-boundary.js';
import { backwardPhrase, forwardPhrase, isBroadGroup } from '../../core/text/noun-phrase.js';

const NOUNS = String.raw`(?:narratives|claims|lies|myths|fakes|falsehoods|allegations|talking points|propaganda|disinformation|misinformation|fake news|story|stories|narrative)`;
/**
 * Patterns that a holder's name and white space come before (`, the false narratives of which`, ` claim that`)
 * start at the white space, but are written to start after it (a lookbehind), and the detector walks back
 * over the white space (`spaceRunStart`): a pattern that starts with `\s+` is tried at every space of a run
 * and each try reads the rest of the run, so a line of 100,000 spaces took 48 s. The matches are the same.
 */
const OF_WHICH = new RegExp(
  String.raw`(?<=\s)(?:the\s+)?(?:false\s+|fake\s+|main\s+)?${NOUNS}\s+of\s+which`,
  'giu',
);
const SPREAD_BY = new RegExp(
  String.raw`(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))${NOUNS}\s+(?:being\s+|that are\s+|which are\s+)?(?:spread|pushed|peddled|promoted|propagated|circulated|put forward|made|invented|fabricated|advanced|used|repeated|amplified)\s+by\s+`,
  'giu',
);
const POSSESSIVE = new RegExp(
  String.raw`['’]s?\s+(?:(?:latest|usual|false|favourite|favorite|main)\s+)?${NOUNS}(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))`,
  'giu',
);
const CLAIM_VERB =
  /(?<=\s)(?:(?:often|now|still|repeatedly|falsely|routinely)\s+)?(?:claims?|alleges?|insists?|argues?|maintains?|asserts?|would have (?:you|us) believe|(?:are|is|have been|has been) (?:now )?(?:saying|claiming|alleging|spreading the (?:lie|myth|claim))|утвержда(?:ют|ет)|заявля(?:ют|ет)|стверджу(?:ють|є)|заявля(?:ють|є)|behaupte(?:n|t)|prétend(?:ent)?|affirment|afirma(?:n)?|aseguran?|声称)(?:,)?\s+(?:that|что|що|dass|que)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/giu;

/**
 * The active counterpart of SPREAD_BY, the holder before its verb: "Western media repeat the following lies",
 * "state television keeps spreading these myths", "the opposition peddles the same falsehoods". Starts after
 * white space, like CLAIM_VERB (see spaceRunStart).
 */
const REPEATS = /(?<=\s)(?:(?:keeps?|kept|continues?\s+to)\s+)?(?:repeat(?:s|ed|ing)?|spread(?:s|ing)?|push(?:es|ed|ing)?|peddl(?:e|es|ed|ing)|promot(?:e|es|ed|ing)|circulat(?:e|es|ed|ing)|invent(?:s|ed|ing)?|recycl(?:e|es|ed|ing))\s+(?:(?:the\s+following|these|those|such|their|its|the\s+same|the)\s+)?(?:(?:false|fake|same|usual|old|familiar|following)\s+)?(?:narratives|claims|lies|myths|fakes|falsehoods|allegations|talking\s+points|propaganda|disinformation|misinformation|fake\s+news|stories)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/giu;

/**
 * Every OF_WHICH match holds "of which" (same flags): a text without it, most texts, is not scanned with
 * the pattern, which otherwise starts a try at every space.
 */
const OF_WHICH_GATE = /of\s+which/iu;

/** The same matches, found sooner (see BoundaryPattern). */
const FAST_SPREAD_BY = new BoundaryPattern(SPREAD_BY);
const FAST_POSSESSIVE = new BoundaryPattern(POSSESSIVE);
const FAST_CLAIM_VERB = new BoundaryPattern(CLAIM_VERB);
const FAST_REPEATS = new BoundaryPattern(REPEATS);


export const claimAttribution: Detector = {
  meta: {
    id: 'ledger/claim-attribution',
    version: '1.0.0',
    family: 'ledger',
    description:
      'Who the text says holds the claims it counters (a person, outlet, group or side), and whether that holder is a broad group.',
    taxonomy: [],
    messages: { attribution: 'Claims attributed to a holder (broad group: {{broad}}).' },
    requires: ['sentences'],
    cost: 'cheap',
    stability: 'stable',
    severity: 'info',
    languages: 'any',
    examples: {
      valid: [
        'The ministry published the figures on Monday.',
        'He told a story about his childhood.',
        // A pronoun or a lower-case common noun before the verb names no holder.
        'It repeats the claims of the report.',
      ],
      invalid: [
        {
          text: 'This will trigger an intense ⟦US-led Western information warfare campaign⟧, the false narratives of which will be debunked.',
          messageId: 'attribution',
          data: { broad: true },
        },
        {
          text: 'These are myths spread by ⟦anti-vaccine activists⟧.',
          messageId: 'attribution',
          data: { broad: true },
        },
        {
          text: '⟦Western media⟧ claim that the vote was rigged.',
          messageId: 'attribution',
          data: { holder: 'Western media', broad: true },
        },
        { text: 'Here are the ⟦Kremlin⟧’s latest lies.', messageId: 'attribution', data: { broad: true } },
        {
          text: '⟦Western media⟧ repeat the following lies.',
          messageId: 'attribution',
          data: { holder: 'Western media', broad: true },
        },
        { text: '⟦State television⟧ keeps spreading these myths about the harbour.', messageId: 'attribution' },
        { text: 'The ⟦opposition⟧ keeps repeating the same lies about the dam.', messageId: 'attribution', data: { broad: true } },
      ],
    },
  },
  detect(ctx) {
    const out: Signal[] = [];
    const seen = new Set<number>();
    const push = (span: { start: number; end: number } | null, pattern: string): void => {
      if (!span || span.end <= span.start || seen.has(span.start)) return;
      seen.add(span.start);
      const holder = ctx.text.slice(span.start, span.end);
      out.push({
        span,
        messageId: 'attribution',
        data: { holder, broad: isBroadGroup(holder), pattern },
        confidence: pattern === 'claim-verb' ? 0.6 : 0.8,
        evidence: [{ kind: 'pattern', label: `attribution pattern "${pattern}"` }],
      });
    };
    if (OF_WHICH_GATE.test(ctx.text))
      for (const m of ctx.text.matchAll(OF_WHICH)) {
        // Where `,?\s+` would have started: the run of white space before the match, and a comma before it.
        const run = spaceRunStart(ctx.text, m.index ?? 0);
        push(backwardPhrase(ctx.text, ctx.text[run - 1] === ',' ? run - 1 : run), 'of-which');
      }
    for (const m of FAST_SPREAD_BY.matchAll(ctx.text))
      push(forwardPhrase(ctx.text, (m.index ?? 0) + m[0].length), 'spread-by');
    for (const m of FAST_POSSESSIVE.matchAll(ctx.text)) push(backwardPhrase(ctx.text, m.index ?? 0), 'possessive');
    // The holder before a verb ("Western media claim that", "X repeats these lies"): only groups and
    // capitalised names, since "it claims that" or "the report repeats the allegations" name no holder.
    for (const [pattern, name] of [
      [FAST_CLAIM_VERB, 'claim-verb'],
      [FAST_REPEATS, 'repeats'],
    ] as const) {
      for (const m of pattern.matchAll(ctx.text)) {
        const span = backwardPhrase(ctx.text, spaceRunStart(ctx.text, m.index ?? 0));
        if (!span) continue;
        const holder = ctx.text.slice(span.start, span.end);
        if (isBroadGroup(holder) || /^\p{Lu}/u.test(holder)) push(span, name);
      }
    }
    return out.sort((a, b) => a.span.start - b.span.start);
  },
};

/** Start of the run of white space (what `\s` matches) that ends at `end`. */
function spaceRunStart(text: string, end: number): number {
  let k = end;
  while (k > 0 && SPACE.test(text[k - 1] as string)) k--;
  return k;
}
const SPACE = /^\s$/u;
