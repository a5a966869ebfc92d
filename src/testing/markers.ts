import type { Span } from '../core/text/span.js';

export const OPEN_MARK = '⟦';
export const CLOSE_MARK = '⟧';

/** Removes ⟦ ⟧ markers from an example text and returns the clean text and the marked spans, in order. */
export function parseMarkers(marked: string): { text: string; spans: Span[] } {
  const spans: Span[] = [];
  const stack: number[] = [];
  let text = '';
  for (const ch of marked) {
    if (ch === OPEN_MARK) stack.push(text.length);
    else if (ch === CLOSE_MARK) {
      const start = stack.pop();
      if (start === undefined) throw new Error(`unbalanced ${CLOSE_MARK} in example: ${marked}`);
      spans.push({ start, end: text.length });
    } else text += ch;
  }
  if (stack.length) throw new Error(`unbalanced ${OPEN_MARK} in example: ${marked}`);
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  return { text, spans };
}
