import { SourceMap, type SourceAnchor } from './source-map.js';

export interface NormalisedText {
  readonly text: string;
  readonly sourceMap: SourceMap;
}

/**
 * The one normalisation every input goes through before analysis: drop a leading BOM, turn CRLF and lone CR
 * into LF, drop NUL and other C0 controls except tab and newline, turn no-break and other exotic spaces into
 * plain spaces (same length, so no anchor is needed). Unicode composition is left as it is so that offsets
 * of combining marks stay exact. Returns the text and a map back to the input's offsets.
 */
export function normaliseText(input: string): NormalisedText {
  const anchors: SourceAnchor[] = [{ normalised: 0, original: 0 }];
  const out: string[] = [];
  let outLength = 0;
  let runStart = 0;
  let i = 0;
  if (input.charCodeAt(0) === 0xfeff) {
    i = 1;
    runStart = 1;
    anchors[0] = { normalised: 0, original: 1 };
  }
  const flush = (until: number): void => {
    if (until > runStart) {
      const piece = input.slice(runStart, until).replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/gu, ' ');
      out.push(piece);
      outLength += piece.length;
    }
  };
  for (; i < input.length; i++) {
    const c = input.charCodeAt(i);
    const isControl = c < 32 && c !== 9 && c !== 10;
    if (!isControl) continue;
    flush(i);
    if (c === 13) {
      out.push('\n');
      outLength += 1;
      if (input.charCodeAt(i + 1) === 10) i++;
    }
    runStart = i + 1;
    anchors.push({ normalised: outLength, original: runStart });
  }
  flush(input.length);
  return { text: out.join(''), sourceMap: new SourceMap(anchors) };
}
