import type { Block, BlockKind } from './types.js';

/**
 * Splits text into blocks (paragraphs, headings, list items) by lines. A blank line always ends a block.
 * Inside a run of lines, a line break ends a block when the line before ends like a sentence or a heading,
 * or when the next line starts with a list marker; otherwise the line break is a soft wrap and the lines
 * join. Headings are Markdown `#` lines and short title-like lines standing alone.
 */
const LIST_MARKER = /^([ \t]*)((?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})[.)]|#\d{1,3}\b[.:)]?|[-*•·▪–—]|\(\d{1,3}\))[ \t]+/u;
const MD_HEADING = /^(#{1,6})[ \t]+/u;
const HARD_END = /[.!?:;"”»)\]…。！？]\s*$/u;

interface Line {
  start: number;
  end: number;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charCodeAt(i) === 10) {
      lines.push({ start, end: i });
      start = i + 1;
    }
  }
  return lines;
}

function isBlank(text: string, line: Line): boolean {
  return text.slice(line.start, line.end).trim() === '';
}

export function segmentBlocks(text: string): Block[] {
  const lines = splitLines(text);
  const groups: Line[][] = [];
  let current: Line[] = [];
  for (const line of lines) {
    if (isBlank(text, line)) {
      if (current.length) groups.push(current);
      current = [];
      continue;
    }
    const previous = current[current.length - 1];
    if (previous) {
      const prevText = text.slice(previous.start, previous.end);
      const lineText = text.slice(line.start, line.end);
      const breakHere =
        HARD_END.test(prevText) ||
        LIST_MARKER.test(lineText) ||
        MD_HEADING.test(lineText) ||
        MD_HEADING.test(prevText) ||
        looksLikeTitle(prevText);
      if (breakHere) {
        groups.push(current);
        current = [];
      }
    }
    current.push(line);
  }
  if (current.length) groups.push(current);

  const blocks: Block[] = [];
  groups.forEach((group, g) => {
    const first = group[0] as Line;
    const last = group[group.length - 1] as Line;
    let start = first.start;
    let end = last.end;
    while (start < end && /\s/u.test(text[start] ?? '')) start++;
    while (end > start && /\s/u.test(text[end - 1] ?? '')) end--;
    const raw = text.slice(start, end);
    const followedByBlank = g + 1 < groups.length; // a group ends at a blank line or a hard break
    blocks.push(classify(raw, start, end, blocks.length, group.length === 1, followedByBlank));
  });
  return blocks;
}

function classify(raw: string, start: number, end: number, index: number, singleLine: boolean, _hasNext: boolean): Block {
  const md = MD_HEADING.exec(raw);
  if (md) {
    const markerEnd = start + (md[1] as string).length;
    return { index, kind: 'heading', start, end, marker: { start, end: markerEnd }, content: { start: start + md[0].length, end }, level: (md[1] as string).length };
  }
  const list = LIST_MARKER.exec(raw);
  if (list) {
    const markerText = list[2] as string;
    const markerStart = start + (list[1] as string).length;
    const digits = /\d+/u.exec(markerText);
    const kind: BlockKind = 'listItem';
    return {
      index,
      kind,
      start,
      end,
      marker: { start: markerStart, end: markerStart + markerText.length },
      content: { start: start + list[0].length, end },
      level: 1 + Math.floor((list[1] as string).replace(/\t/gu, '    ').length / 2),
      ...(digits ? { number: Number(digits[0]) } : {}),
    };
  }
  if (singleLine && looksLikeTitle(raw)) {
    return { index, kind: 'heading', start, end, content: { start, end }, level: 2 };
  }
  return { index, kind: 'paragraph', start, end, content: { start, end } };
}

/** A short line without closing punctuation, mostly capitalised words: a title or a section heading. */
export function looksLikeTitle(line: string): boolean {
  const t = line.trim();
  if (t.length === 0 || t.length > 120) return false;
  if (/[.!?;,…。！？；，]$/u.test(t)) return false;
  const words = t.split(/\s+/u);
  if (words.length > 16) return false;
  const capitalised = words.filter((w) => /^[\p{Lu}\p{Lo}\d"“«'(]/u.test(w)).length;
  return capitalised / words.length >= 0.5 || words.length <= 4;
}
