import pc from 'picocolors';
import { markHighlights, matchTerms, type Highlight, type MatchHit } from '../../corpus/matching/index.js';
import { terminalText } from '../terminal-text.js';
import type { Entry } from './match-library.js';

/** One query's results as text: highlighted with `«»`, or in bold on a terminal. */
export function textBlock(
  q: { label: string; text: string },
  hits: readonly MatchHit<Entry>[],
  color: boolean,
  /** --min-score, when results below it were left out. */
  belowMinScore?: number,
): string {
  // Control characters of untrusted text (terminal escapes) become spaces: same length, offsets still hold.
  const mark = (raw: string, hl: readonly Highlight[]): string => {
    const text = terminalText(raw);
    return color ? highlightAnsi(text, hl) : markHighlights(text, hl, '«', '»');
  };
  // The label can name a document's file or address, also untrusted.
  const lines = [`${terminalText(q.label)}: ${mark(q.text, hits[0]?.highlights.query ?? [])}`];
  // 'none found' when results scored below --min-score misstated what the library holds.
  // A claim of a document with no word to search by (stop words, links, punctuation) was not searched.
  if (hits.length === 0)
    lines.push(
      matchTerms(q.text).length === 0
        ? '  not searched: no word to search by (stop words, links and punctuation are not searched)'
        : belowMinScore === undefined
          ? '  no earlier fact-check found'
          : `  no earlier fact-check scores ${belowMinScore} or more (--min-score); lower ones were left out`,
    );
  // Only weak results: the library may well hold no fact-check of this claim (match-strength.ts).
  else if (hits.every((h) => h.strength === 'weak'))
    lines.push('  only weak matches: the library may hold no fact-check of this claim');
  for (const h of hits) {
    const r = h.factCheck.record;
    lines.push(
      `  ${h.rank}. [${h.strength ? `${h.strength} ` : ''}${h.score.toFixed(3)}] ${mark(h.factCheck.claim, h.highlights.claim)}`,
    );
    if (h.factCheck.title) lines.push(`     title: ${mark(h.factCheck.title, h.highlights.title)}`);
    const meta = [
      r?.rating ? `rating: ${r.rating}` : null,
      r?.publisher ? `by ${r.publisher}` : null,
      r?.datePublished ?? null,
      r?.url ?? null,
      `id ${h.factCheck.id}`,
    ].filter(Boolean);
    lines.push(`     ${terminalText(meta.join(' · '))}`);
  }
  return lines.join('\n') + '\n';
}

/** Highlights in bold yellow; the text itself is printed as is (never interpreted). */
function highlightAnsi(text: string, highlights: readonly Highlight[]): string {
  let out = '';
  let at = 0;
  for (const h of [...highlights].sort((a, b) => a.start - b.start)) {
    if (h.start < at) continue;
    out += text.slice(at, h.start) + pc.bold(pc.yellow(text.slice(h.start, h.end)));
    at = h.end;
  }
  return out + text.slice(at);
}

/** One query's results as a JSON line. */
export function jsonLine(q: { label: string; text: string }, hits: readonly MatchHit<Entry>[]): string {
  return (
    JSON.stringify({
      query: q.label,
      text: q.text,
      matches: hits.map((h) => ({
        rank: h.rank,
        score: Math.round(h.score * 1e4) / 1e4,
        strength: h.strength,
        bm25: Math.round(h.bm25 * 1e4) / 1e4,
        id: h.factCheck.id,
        claim: h.factCheck.claim,
        title: h.factCheck.title,
        rating: h.factCheck.record?.rating ?? null,
        publisher: h.factCheck.record?.publisher ?? null,
        url: h.factCheck.record?.url ?? null,
        highlights: h.highlights,
      })),
    }) + '\n'
  );
}
