/**
 * Markdown → text for analysis. Keeps what segmentation needs to see (heading `#` markers, list markers,
 * paragraph breaks) and drops what is not prose: emphasis marks, link targets, images (their alt text
 * stays), inline HTML, code blocks, front matter, table rules, link definitions. Every kept piece records
 * its offset in the Markdown source, so findings map back to the file.
 */
import { TextBuilder } from './text-builder.js';
import type { Reader } from './types.js';
import { oneLine, titleFromPath } from './title.js';

export const markdownReader: Reader = {
  name: 'markdown',
  description: 'Markdown (CommonMark / GitHub flavour): markup stripped, headings and list markers kept',
  extensions: ['.md', '.markdown', '.mdown', '.mkd'],
  mediaTypes: ['text/markdown', 'text/x-markdown'],
  sniff(head) {
    let score = 0;
    if (/^#{1,6}[ \t]+\S/mu.test(head)) score += 0.35;
    if (/\[[^\]\n]+\]\([^)\s]+\)/u.test(head)) score += 0.3;
    if (/^(```|~~~)/mu.test(head)) score += 0.3;
    if (/\*\*[^*\n]+\*\*|__[^_\n]+__/u.test(head)) score += 0.15;
    if (/^---\r?\n[\s\S]*?\r?\n---\r?\n/u.test(head)) score += 0.3;
    return Math.min(1, score);
  },
  *read(input) {
    const { text, sourceMap, title } = markdownToText(input.text);
    yield {
      text,
      sourceMap,
      source: { kind: 'markdown', ...(input.uri ? { uri: input.uri } : {}), mediaType: 'text/markdown' },
      ...(title ? { title } : titleFromPath(input.uri)),
      ...(input.language ? { language: input.language } : {}),
      warnings: [...input.warnings],
    };
  },
};

interface Line {
  readonly start: number;
  readonly text: string;
}

const FENCE = /^[ ]{0,3}(`{3,}|~{3,})/u;
const ATX = /^([ ]{0,3})(#{1,6})([ \t]+|$)/u;
const SETEXT = /^[ ]{0,3}(=+|-+)[ \t]*$/u;
const HR = /^[ ]{0,3}([-*_])([ \t]*\1){2,}[ \t]*$/u;
const LIST = /^([ \t]*)([-*+]|\d{1,9}[.)])[ \t]+(\[[ xX]\][ \t]+)?/u;
const QUOTE = /^[ ]{0,3}>[ ]?/u;
const LINK_DEF = /^[ ]{0,3}\[[^\]]+\]:\s*\S+/u;
// Each run of blanks has one place to go (a blank run after a pipe, never beside another blank run): the
// form `[ \t]*\|?[ \t]*` split a long run of spaces every way before failing, quadratic in its length (a
// line of 40,000 spaces and a list marker took 6 s; the 10 MiB input limit allowed hours).
const TABLE_RULE = /^[ \t]*(?:\|[ \t]*)?:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*(?:\|[ \t]*)?$/u;

export function markdownToText(source: string): {
  text: string;
  sourceMap: ReturnType<TextBuilder['build']>['sourceMap'];
  title?: string;
} {
  const lines = splitLines(source);
  const out = new TextBuilder();
  let i = 0;
  let title: string | undefined;
  // Front matter: a YAML block at the very start; its `title:` becomes the document title.
  if (lines[0]?.text === '---') {
    const close = lines.findIndex((l, k) => k > 0 && k < 200 && (l.text === '---' || l.text === '...'));
    if (close > 0) {
      for (const l of lines.slice(1, close)) {
        const m = /^title:\s*["']?(.+?)["']?\s*$/u.exec(l.text);
        if (m) title = oneLine(m[1] ?? '') || undefined;
      }
      i = close + 1;
    }
  }
  let fence: string | null = null;
  let inComment = false;
  for (; i < lines.length; i++) {
    const line = lines[i] as Line;
    const lineEnd = line.start + line.text.length;
    if (fence) {
      if (line.text.trimStart().startsWith(fence)) fence = null;
      out.appendSynthetic('\n', lineEnd);
      continue;
    }
    if (inComment) {
      if (line.text.includes('-->')) inComment = false;
      out.appendSynthetic('\n', lineEnd);
      continue;
    }
    const f = FENCE.exec(line.text);
    if (f) {
      fence = (f[1] as string).slice(0, 3);
      out.appendSynthetic('\n', lineEnd);
      continue;
    }
    if (/^[ ]{0,3}<!--/u.test(line.text) && !line.text.includes('-->')) {
      inComment = true;
      out.appendSynthetic('\n', lineEnd);
      continue;
    }
    const next = lines[i + 1];
    // Setext heading: a text line underlined by === or ---.
    if (
      next &&
      line.text.trim() !== '' &&
      SETEXT.test(next.text) &&
      !LIST.test(line.text) &&
      !HR.test(line.text)
    ) {
      const level = next.text.trim().startsWith('=') ? 1 : 2;
      const lead = line.text.length - line.text.trimStart().length;
      out.appendSynthetic(`${'#'.repeat(level)} `, line.start + lead);
      inline(line.text.slice(lead), line.start + lead, out);
      out.appendSynthetic('\n', lineEnd);
      out.appendSynthetic('\n', next.start + next.text.length);
      i++;
      continue;
    }
    if (
      HR.test(line.text) ||
      LINK_DEF.test(line.text) ||
      (TABLE_RULE.test(line.text) && line.text.includes('-'))
    ) {
      out.appendSynthetic('\n', lineEnd);
      continue;
    }
    emitLine(line, out);
    out.appendSynthetic('\n', lineEnd);
  }
  const built = out.build();
  // Drop the final synthetic newline so a one-line document stays one line.
  const text = built.text.endsWith('\n') && !source.endsWith('\n') ? built.text.slice(0, -1) : built.text;
  return { text, sourceMap: built.sourceMap, ...(title ? { title } : {}) };
}

function emitLine(line: Line, out: TextBuilder): void {
  let pos = 0;
  let t = line.text;
  // Block quote markers (possibly nested) go; the quoted text stays.
  for (let q = QUOTE.exec(t); q; q = QUOTE.exec(t)) {
    pos += q[0].length;
    t = t.slice(q[0].length);
  }
  const atx = ATX.exec(t);
  if (atx) {
    const markerStart = line.start + pos + (atx[1] as string).length;
    out.append(`${atx[2] as string} `, markerStart);
    const contentStart = pos + atx[0].length;
    const content = withoutClosingHashes(t.slice(atx[0].length));
    inline(content, line.start + contentStart, out);
    return;
  }
  const list = LIST.exec(t);
  if (list) {
    const indent = list[1] as string;
    const marker = list[2] as string;
    out.append(indent, line.start + pos);
    // `+` is not a list marker the segmenter knows; `-` stands in for it.
    out.append(`${marker === '+' ? '-' : marker} `, line.start + pos + indent.length);
    inline(t.slice(list[0].length), line.start + pos + list[0].length, out);
    return;
  }
  if (t.trimStart().startsWith('|')) {
    // Table row: outer pipes go, cells stay separated by " | ".
    const lead = (/^[ \t]*\|[ \t]*/u.exec(t) as RegExpExecArray)[0].length;
    const body = withoutClosingPipe(t.slice(lead));
    inline(body, line.start + pos + lead, out);
    return;
  }
  inline(t, line.start + pos, out);
}

/**
 * Inline markup. No part scans past the character that opens another match of the same kind ("[" for link
 * text, alt text, link targets and references; "<" for autolinks): a line of "[[[[..." or "![![..." was
 * scanned to its end from every bracket, quadratic (40,000 brackets: 7 s and 33 s). Link text therefore
 * holds no brackets (CommonMark allows balanced ones; such a link keeps its marks), and a target no "["
 * (a URL writes it %5B).
 */
const INLINE =
  /!\[([^[\]\n]*)\]\([^)[\n]*\)|\[([^[\]\n]+)\](?:\([^)[\n]*\)|\[[^[\]\n]*\])|<(https?:\/\/[^<>\s]+)>|<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>|`+|\\([\\`*_{}[\]()#+\-.!|~>])|(?<=\S)\*{1,3}|\*{1,3}(?=\S)|(?<![\p{L}\p{N}_])_{1,3}(?=\S)|(?<=\S)_{1,3}(?![\p{L}\p{N}_])|~~|&(amp|lt|gt|quot|apos|#39|nbsp);/gu;
const ENTITY: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  '#39': "'",
  nbsp: ' ',
};

/** Appends a line's inline content without markup; kept text keeps its exact source offset. */
function inline(text: string, start: number, out: TextBuilder): void {
  let last = 0;
  INLINE.lastIndex = 0;
  const matches = [...text.matchAll(INLINE)];
  for (const m of matches) {
    const at = m.index;
    if (at > last) out.append(text.slice(last, at), start + last);
    const whole = m[0];
    if (m[1] !== undefined) {
      // Image: its alt text stands in for it.
      if (m[1]) out.append(m[1], start + at + 2);
    } else if (m[2] !== undefined) {
      inline(m[2], start + at + 1, out);
    } else if (m[3] !== undefined) {
      out.append(m[3], start + at + 1);
    } else if (m[4] !== undefined) {
      out.append(m[4], start + at + 1);
    } else if (m[5] !== undefined) {
      out.append(ENTITY[m[5]] ?? whole, start + at);
    }
    // Anything else (emphasis marks, backticks, tags) is dropped.
    last = at + whole.length;
  }
  if (last < text.length) out.append(text.slice(last), start + last);
}

const isBlankChar = (c: string | undefined): boolean => c === ' ' || c === '\t';

/** The end of `s` without trailing blanks; a loop, as `/[ \t]+$/` tries every start in a run of blanks. */
function trimBlanksEnd(s: string, end = s.length): number {
  while (end > 0 && isBlankChar(s[end - 1])) end--;
  return end;
}

/** An ATX heading's content without its closing `#` sequence (one after a blank) and trailing blanks. */
function withoutClosingHashes(s: string): string {
  let end = trimBlanksEnd(s);
  let hashes = end;
  while (hashes > 0 && s[hashes - 1] === '#') hashes--;
  if (hashes < end && hashes > 0 && isBlankChar(s[hashes - 1])) end = trimBlanksEnd(s, hashes);
  return s.slice(0, end);
}

/** A table row's cells without the closing pipe and the blanks around it. */
function withoutClosingPipe(s: string): string {
  let end = trimBlanksEnd(s);
  if (s[end - 1] === '|') end = trimBlanksEnd(s, end - 1);
  return s.slice(0, end);
}

function splitLines(source: string): Line[] {
  const lines: Line[] = [];
  const re = /\r\n|\r|\n/gu;
  let start = 0;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    lines.push({ start, text: source.slice(start, m.index) });
    start = m.index + m[0].length;
  }
  if (start < source.length) lines.push({ start, text: source.slice(start) });
  return lines;
}
