/**
 * Marks numbers a statement rests on: statistics (percentages, counts with units or magnitudes) and dates
 * (years, day-month-year). They are evidence of precision, not of a source: the ledger lists them in an
 * item's evidence but does not count them as "citing a source".
 */
import type { Detector } from '../../core/detect/types.js';
import type { Signal } from '../../core/finding/types.js';
import { OverlapIndex } from '../../core/text/overlap-index.js';
import { isSpaceCode, stickyMatches } from './sticky-matches.js';

const MONTHS =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня|Januar|Februar|März|Juni|Juli|Oktober|Dezember|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre';
export const DATE = new RegExp(
  String.raw`\b\d{1,2}(?:st|nd|rd|th)?\.?\s+(?:${MONTHS})\.?,?\s+(?:19|20)\d{2}\b|\b(?:${MONTHS})\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2}\b|\b(?:19|20)\d{2}-\d{2}-\d{2}\b|\b\d{1,2}[./]\d{1,2}[./](?:19|20)\d{2}\b|(?:19|20)\d{2}年\d{1,2}月(?:\d{1,2}日)?`,
  'giu',
);
export const YEAR =
  /(?<![\d.,])(?:in|since|by|until|from|of|в|у|im|seit|en|depuis|desde|de)\s+((?:19|20)\d{2})(?!\d|[.,]\d)/giu;
const STAT =
  /(?<![\p{L}\d])\d{1,3} in \d{1,4}(?![\d])|(?<![\p{L}\d])\d{1,3}(?:[ ,.\u00a0]\d{3})*(?:[.,]\d+)?\s?(?:%|per ?cent|percent|процент\p{L}*|відсот\p{L}*|Prozent|pour cent|por ciento|million|billion|thousand|млн|млрд|тыс\.?|тис\.?|Millionen|Milliarden|millions?|milliards?|millones|mil millones|万|亿|people|deaths|cases|doses|times|tonnes|tons|km|kilometres|kilometers|dollars|euros|USD|EUR|\$)|(?:\$|€|£)\s?\d[\d,.]*(?:\s?(?:million|billion|bn|m))?|(?<![\p{L}\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])/giu;

/** DATE and YEAR, sticky, for `stickyMatches` (neither can match the empty string: both need a year). */
const DATE_AT = new RegExp(DATE.source, 'iuy');
const YEAR_AT = new RegExp(YEAR.source, 'iuy');

/**
 * Positions that can start a DATE or YEAR match: every match holds a year, "19" or "20" and two more
 * digits, with at most `gaps` whitespace runs between the match's start and it (DATE: "12th March 2019",
 * "March 12, 2019"; YEAR: "since 2015"), so the starts lie among the non-blank positions up to `gaps`
 * runs before a year. A superset of the match starts, ascending.
 */
/** Exported for the equivalence test (sticky-matches.test.ts), as are DATE and YEAR. */
export function startsBeforeYears(text: string, gaps: number): number[] {
  const out: number[] = [];
  let next = 0;
  for (let y = 0; y + 3 < text.length; y++) {
    const c = text.charCodeAt(y);
    const d = text.charCodeAt(y + 1);
    if (!((c === 49 && d === 57) || (c === 50 && d === 48)) || !isDigit(text.charCodeAt(y + 2)) || !isDigit(text.charCodeAt(y + 3)))
      continue;
    let i = y;
    let runs = 0;
    while (i > next) {
      if (isSpaceCode(text.charCodeAt(i - 1))) {
        if (++runs > gaps) break;
        while (i > next && isSpaceCode(text.charCodeAt(i - 1))) i--;
        // Never back past `next`: starts there were given already, and a text without spaces (a pasted
        // blob with many "19"/"20" digit runs) made every year walk back to the blob's start, quadratic.
      } else while (i > next && !isSpaceCode(text.charCodeAt(i - 1))) i--;
    }
    for (let p = Math.max(i, next); p <= y; p++) if (!isSpaceCode(text.charCodeAt(p))) out.push(p);
    next = y + 1;
  }
  return out;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export const number: Detector = {
  meta: {
    id: 'evidence/number',
    version: '1.0.0',
    family: 'evidence',
    description:
      'Statistics (percentages, counts with units or magnitudes, sums of money) and dates that a statement rests on.',
    taxonomy: [],
    messages: { statistic: 'Statistic: {{value}}.', date: 'Date: {{value}}.' },
    requires: [],
    cost: 'cheap',
    stability: 'stable',
    severity: 'info',
    languages: 'any',
    examples: {
      valid: ['Three of them came back later that week.', 'Item 3 is on page 12.'],
      invalid: [
        { text: 'Coverage reached ⟦95%⟧ last year.', messageId: 'statistic', data: { value: '95%' } },
        { text: 'The trial enrolled ⟦43,000 people⟧.', messageId: 'statistic' },
        { text: 'It was signed on ⟦12 March 2019⟧.', messageId: 'date' },
        { text: 'The law has applied since ⟦2015⟧.', messageId: 'date', data: { value: '2015' } },
      ],
    },
  },
  detect(ctx) {
    const out: Signal[] = [];
    // The spans already given, asked through an index: a list scanned for every new span was quadratic in
    // the numbers of a text ('5% ' x 33,333 took 19 s).
    const taken = new OverlapIndex();
    const push = (start: number, end: number, messageId: 'statistic' | 'date'): void => {
      if (taken.first({ start, end }) >= 0) return;
      taken.add({ start, end });
      const value = ctx.text.slice(start, end);
      out.push({
        span: { start, end },
        messageId,
        data: { value, kind: messageId },
        confidence: 0.9,
        evidence: [{ kind: 'pattern', label: `${messageId} pattern` }],
      });
    };
    // Two runs before a year for DATE; YEAR needs one, so the same starts are a superset for it too.
    const starts = startsBeforeYears(ctx.text, 2);
    for (const m of stickyMatches(ctx.text, DATE_AT, starts)) push(m.index ?? 0, (m.index ?? 0) + m[0].length, 'date');
    for (const m of stickyMatches(ctx.text, YEAR_AT, starts)) {
      const y = m[1] as string;
      const start = (m.index ?? 0) + m[0].length - y.length;
      push(start, start + y.length, 'date');
    }
    for (const m of ctx.text.matchAll(STAT))
      push(m.index ?? 0, (m.index ?? 0) + m[0].trimEnd().length, 'statistic');
    return out;
  },
};
