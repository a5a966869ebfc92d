/**
 * Layout family 4: unlabelled questions and answers in a myth-busting FAQ: a question on its own line states
 * the claim ("Do 5G masts spread viruses?"), the answer that follows rebuts it ("No. Radio waves ...").
 * Only answers that open with a denial make items, and only in a document whose title announces myths,
 * so that an ordinary FAQ or interview yields nothing.
 */
import type { Block } from '../../../core/segment/types.js';
import { type Inputs, type RawItem, trim } from '../inputs.js';
import { startsWithDenial } from '../verdict.js';
import { hasRebuttalCue } from './cues.js';
import type { LayoutResult } from './labelled-fields.js';

export function questionAnswer(inp: Inputs): LayoutResult {
  const { text, blocks } = inp;
  const questions = blocks.filter(
    (b) =>
      /[?？]\s*$/u.test(text.slice(b.content.start, b.content.end)) &&
      text.slice(b.content.start, b.content.end).length < 300,
  );
  if (questions.length < 2 || !hasRebuttalCue(text, blocks))
    return { items: [], reason: 'no question run under a rebuttal title' };
  const items: RawItem[] = [];
  questions.forEach((q, i) => {
    const answerStart = blocks[q.index + 1];
    if (!answerStart || questions.includes(answerStart)) return;
    const nextQ = questions[i + 1];
    let end = nextQ ? nextQ.start : answerStart.end;
    for (let j = answerStart.index + 1; j < blocks.length; j++) {
      const x = blocks[j] as Block;
      if (x.start >= end) break;
      if (x.kind === 'heading') {
        end = x.start;
        break;
      }
    }
    if (!nextQ) end = answerStart.end;
    const rebuttal = trim(text, { start: answerStart.start, end });
    if (!startsWithDenial(text.slice(rebuttal.start, rebuttal.end))) return;
    items.push({
      format: 'question-answer',
      index: q.number !== undefined ? String(q.number) : null,
      claim: trim(text, q.content),
      motive: null,
      rebuttal,
      verdictField: null,
      attributionField: null,
      claimLabel: null,
      span: { start: q.start, end: rebuttal.end },
      findingIds: [],
      glued: false,
    });
  });
  if (items.length < 2 || items.length * 5 < questions.length * 2)
    return { items: [], reason: `${items.length} denied answers of ${questions.length} questions` };
  return { items, reason: `${items.length} questions answered with a denial` };
}
