/**
 * Finds label words where a rebuttal layout puts them: at the start of a block or a line (after a list or
 * heading marker), alone on a line, glued to the following text by HTML extraction ("MythVaccines ..."),
 * or inside a paragraph right after a sentence end when a colon follows ("... Myth: X. Fact: Y").
 * Pure: text and blocks in, label hits out; the label-word detector and tests share it.
 */
import type { Block } from '../../core/segment/types.js';
import type { Span } from '../../core/text/span.js';
import { LEXICON_WORDS, lookupLabel, type LabelEntry } from './label-lexicon.js';
import { wordTriePattern } from './word-trie-pattern.js';

export type LabelPosition = 'block-start' | 'line-start' | 'inline';

export interface LabelHit {
  readonly entry: LabelEntry;
  readonly lang: string;
  /** The label word itself ("Lie", "Reality check", "Миф"), without numbering or colon. */
  readonly word: Span;
  /** The label as written: brackets, emphasis, the word and its number, without the separator. */
  readonly span: Span;
  /** Where the field's own text starts: after the separator, or at the next line when the label stands alone. */
  readonly contentStart: number;
  /** The number the label carries ("3" in "Myth #3:"), or null. */
  readonly number: string | null;
  /** The label stands alone on its line; its content is the next block. */
  readonly alone: boolean;
  /** The label is glued to the text after it ("MythVaccines ...") or only a space away with no separator ("Myth Only ..."). */
  readonly glued: boolean;
  readonly position: LabelPosition;
  readonly block: number;
  /** Words before the label that name a holder ("Kremlin" in "Kremlin Falsehood #1:"), or null. */
  readonly prefix: Span | null;
}

const CJK_NUM = '[一二三四五六七八九十]{1,3}';
/** The label words and the number forms, lower case: the pattern runs on the lower-cased line (see labelAt). */
const WORDS = wordTriePattern(
  LEXICON_WORDS.map((h) => h.word.toLowerCase()),
  '[\\s\\-]+',
);
const NUMBER = `(?:[ \\t]*(?:#|№|no\\.?|nr\\.?|n°)[ \\t]*(\\d{1,3})|[ \\t]+(\\d{1,3})(?![\\d,.]\\d)|[ \\t]+([ivx]{1,4})(?![\\p{L}\\d])|(${CJK_NUM}))`;
/** Emoji and symbols that pages put before labels ("❌ Myth:", "✅ Fact:", "► Truth:"). */
const SYMBOLS =
  '(?:[\\p{Extended_Pictographic}\\p{So}\\u25A0-\\u25FF\\u2700-\\u27BF\\uFE0F\\u200D]+[ \\t]*)?';
/** A label at a given position: optional symbol, bracket/emphasis, the word, optional number, closing bracket/emphasis. */
const LABEL_SOURCE = `^${SYMBOLS}[【\\[(（]?[*_]{0,2}(${WORDS})${NUMBER}?[*_]{0,2}[】\\])）]?`;
/**
 * The pattern without the `i` flag, run on the lower-cased line: V8 builds case-insensitive Unicode classes
 * for every character of the label words when it compiles the pattern (≈100–150 ms per process, paid by
 * every CLI run and ingest worker); lower-casing the line first costs about as much as the `i` flag at match
 * time and compiles in a third of that. `d` gives the groups' offsets, which are the original line's.
 */
const LABEL_AT_LOWER = new RegExp(LABEL_SOURCE, 'du');
/** For the rare line whose lower-case form has another length ("İ" → "i̇"): the case-insensitive pattern. */
let labelAtCaseless: RegExp | null = null;

/**
 * Which ASCII starts of a line can begin a label word, at (first << 7) | second, both lower-cased: 1 for
 * the first two code units of a word, and for every second code unit after a word's first when that word
 * is one letter or goes on with a space or hyphen (the pattern joins its parts with [\s\-]+).
 */
const ASCII_WORD_STARTS = (() => {
  const table = new Uint8Array(128 * 128);
  for (const { word } of LEXICON_WORDS) {
    const lower = word.toLowerCase();
    const c0 = lower.charCodeAt(0);
    if (c0 >= 128) continue;
    const c1 = lower.charCodeAt(1);
    if (lower.length < 2 || c1 === 32 || c1 === 45) table.fill(1, c0 << 7, (c0 + 1) << 7);
    else if (c1 < 128) table[(c0 << 7) | c1] = 1;
  }
  return table;
})();

/**
 * False when the label pattern cannot match at the start of `line`: it begins with an ASCII code unit that is
 * not an opening bracket or emphasis ("[", "(", "*", "_"; no ASCII character is one of the pattern's symbols)
 * and, when a letter, does not begin any label word together with the next code unit. Saves lower-casing up
 * to LOOKAHEAD characters and running the 364-word pattern at most line starts and sentence starts.
 */
function mayStartLabel(line: string): boolean {
  const c0 = line.charCodeAt(0);
  if (!(c0 < 128)) return c0 >= 128;
  if (c0 === 0x5b || c0 === 0x28 || c0 === 0x2a || c0 === 0x5f) return true;
  const l0 = c0 >= 65 && c0 <= 90 ? c0 + 32 : c0;
  if (l0 < 97 || l0 > 122) return false;
  const c1 = line.charCodeAt(1);
  if (!(c1 < 128)) return true;
  const l1 = c1 >= 65 && c1 <= 90 ? c1 + 32 : c1;
  return ASCII_WORD_STARTS[(l0 << 7) | l1] === 1;
}

/** The label pattern's match at the start of `line`, its groups cut from `line` itself (not its lower-cased copy). */
function labelAt(line: string): (string | undefined)[] | null {
  if (!mayStartLabel(line)) return null;
  const lower = line.toLowerCase();
  if (lower.length !== line.length) {
    labelAtCaseless ??= new RegExp(LABEL_SOURCE, 'iu');
    const m = labelAtCaseless.exec(line);
    return m ? [...m] : null;
  }
  const m = LABEL_AT_LOWER.exec(lower);
  if (!m) return null;
  return (m.indices ?? []).map((range) => (range ? line.slice(range[0], range[1]) : undefined));
}
const SINGLE_LETTER = /^\p{L}$/u;
const SENTENCE_END = /[.!?。！？…"”»)]\s*$/u;
/** Inside a paragraph a label follows a sentence end; extraction may have eaten the space ("autism.Fact:"). */
/**
 * Where `/(?<=[.!?。！？…"”»)][ \t]*)[【[]?[*_]{0,2}[\p{Lu}\p{Lo}]/gu` matches, found from the sentence end instead: the match ends where a
 * candidate starts. Faster, since the engine looks for the rare end characters rather than trying the
 * lookbehind at every position. The same positions: a candidate's end character and spaces lie after the
 * previous candidate's start (which is neither), so matches never overlap.
 */
const INLINE_CANDIDATE_END = /[.!?。！？…"”»)][ \t]*(?=[【[]?[*_]{0,2}[\p{Lu}\p{Lo}])/gu;

/** Start offsets (in `body`) of the lookbehind pattern's matches in `body`, ascending. */
export function inlineCandidates(body: string): number[] {
  const out: number[] = [];
  INLINE_CANDIDATE_END.lastIndex = 0;
  for (let m = INLINE_CANDIDATE_END.exec(body); m; m = INLINE_CANDIDATE_END.exec(body)) out.push(m.index + m[0].length);
  return out;
}
/** Only this much of a line is read after a candidate position: labels are short, lines may be huge. */
const LOOKAHEAD = 240;

/** Scans all blocks of a text for label words. */
export function scanLabels(text: string, blocks: readonly Block[]): LabelHit[] {
  const hits: LabelHit[] = [];
  for (const block of blocks) {
    const starts = new Map<number, LabelPosition>();
    starts.set(block.content.start, 'block-start');
    // The segmenter reads "Q. Does ...?" and "A. No. ..." as items of a lettered list: their marker is the label.
    if (block.kind === 'listItem' && /^\p{L}\.[ \t]+$/u.test(text.slice(block.start, block.content.start)))
      starts.set(block.start, 'block-start');
    // Line starts inside a block (labels on consecutive lines without a blank line between them).
    for (let i = text.indexOf('\n', block.content.start); i >= 0 && i < block.end; i = text.indexOf('\n', i + 1)) {
      let j = i + 1;
      while (j < block.end && /[ \t]/u.test(text[j] ?? '')) j++;
      const marker = /^(?:[-*•·▪]|\d{1,3}[.)])[ \t]+/u.exec(text.slice(j, j + 6));
      if (marker) j += marker[0].length;
      if (!starts.has(j)) starts.set(j, 'line-start');
    }
    const body = text.slice(block.content.start, block.end);
    for (const offset of inlineCandidates(body)) {
      const at = block.content.start + offset;
      if (!starts.has(at)) starts.set(at, 'inline');
    }
    for (const [at, position] of [...starts.entries()].sort((a, b) => a[0] - b[0])) {
      const hit =
        matchLabel(text, at, block, position) ??
        (position === 'inline' ? null : matchPrefixed(text, at, block, position));
      if (hit) hits.push(hit);
    }
  }
  return pairedLetterLabels(text, hits);
}

/** A one-letter label with a full stop ("Q. Does ...", "A. No. ..."), as FAQ pages write them. */
function isLetterWithStop(text: string, hit: LabelHit): boolean {
  return hit.word.end - hit.word.start === 1 && text[hit.span.end] === '.';
}

/**
 * "Q." and "A." are also initials ("A. Smith wrote ...") and list letters, so a one-letter label with a
 * full stop is kept only as half of a pair: a question whose line ends in "?" and the answer label that
 * comes next. Hits with a colon ("Q:") are not touched.
 */
function pairedLetterLabels(text: string, hits: LabelHit[]): LabelHit[] {
  if (!hits.some((h) => isLetterWithStop(text, h))) return hits;
  const keep = hits.map((h) => !isLetterWithStop(text, h));
  for (let i = 0; i + 1 < hits.length; i++) {
    const q = hits[i] as LabelHit;
    const a = hits[i + 1] as LabelHit;
    if (!isLetterWithStop(text, q) || !isLetterWithStop(text, a)) continue;
    if (q.entry.role !== 'question' || a.entry.role !== 'answer') continue;
    const lineEnd = indexOrEnd(text, '\n', q.contentStart, text.length);
    if (!/[?？]\s*$/u.test(text.slice(q.contentStart, lineEnd))) continue;
    keep[i] = true;
    keep[i + 1] = true;
  }
  return hits.filter((_, i) => keep[i]);
}

function matchLabel(text: string, at: number, block: Block, position: LabelPosition): LabelHit | null {
  const lineEnd = indexOrEnd(text, '\n', at, block.end);
  const line = text.slice(at, Math.min(lineEnd, at + LOOKAHEAD));
  const m = labelAt(line);
  if (!m) return null;
  const whole = m[0] as string;
  const rawWord = m[1] as string;
  const hit = lookupLabel(rawWord);
  if (!hit) return null;
  const wordStart = at + whole.indexOf(rawWord);
  const word = { start: wordStart, end: wordStart + rawWord.length };
  const number = m[2] ?? m[3] ?? m[4] ?? m[5] ?? null;
  const after = line.slice(whole.length);
  const first = rawWord[0] ?? '';
  const capitalised = first !== first.toLowerCase() || !/\p{L}/u.test(first) || /\p{Lo}/u.test(first);
  const single = SINGLE_LETTER.test(rawWord);

  // Separator: colon; a dash between spaces; a full stop or bracket after a number; or nothing at line end.
  const bracketed = /[】\])）]$/u.test(whole) && /^[【[(（]/u.test(whole);
  const sep =
    /^[ \t]*[:：][*_]{0,2}[ \t]*/u.exec(after) ??
    (bracketed ? /^[ \t]*/u.exec(after) : null) ??
    /^[ \t]+[-–—][ \t]+/u.exec(after) ??
    (number ? /^[ \t]*[.)][ \t]+/u.exec(after) : null) ??
    // "Q. Does ...?" / "A. No. ...": a letter, a full stop, a space, a capital; kept only in pairs (pairedLetterLabels).
    (single && capitalised && position !== 'inline' && (hit.entry.role === 'question' || hit.entry.role === 'answer')
      ? /^\.[ \t]+(?=[\p{Lu}"“«„\d])/u.exec(after)
      : null) ??
    // "Myth. Vaccines cause ..." at the start of a block or line: a full stop, a space, a capital.
    (position !== 'inline' && !single && capitalised ? /^\.[ \t]+(?=[\p{Lu}"“«„])/u.exec(after) : null);
  let contentStart: number;
  let alone = false;
  let glued = false;
  if (sep) {
    contentStart = at + whole.length + sep[0].length;
    if (single && !/[:：]/u.test(sep[0]) && !/^\.[ \t]/u.test(sep[0])) return null;
    if (contentStart >= lineEnd) alone = true;
  } else if (after.trim() === '' && lineEnd - at <= LOOKAHEAD) {
    if (single) return null;
    alone = true;
    contentStart = lineEnd;
  } else if (
    position !== 'inline' &&
    !single &&
    !number &&
    capitalised &&
    /^[\p{Lu}"“«„'‘\d]/u.test(after) &&
    rawWord.length >= 3
  ) {
    // Glued by extraction: "MythVaccines cause ...". The label must be written as a label (capitalised).
    glued = true;
    contentStart = at + whole.length;
  } else if (
    position === 'block-start' &&
    block.kind !== 'heading' &&
    !single &&
    !number &&
    capitalised &&
    rawWord.length >= 3 &&
    // One word only: a phrase label then a space and a capital is how prose opens ("They say Boudreau's ...").
    !/\s/u.test(rawWord) &&
    /^[ \t]+[\p{Lu}"“«„][\p{Ll}\s]/u.test(after) &&
    !/^[ \t]+\S+(?:[ \t]+\S+){0,2}:/u.test(after)
  ) {
    // Emphasis removed by extraction leaves "Myth Only citizens ..." (from "<b>Myth</b>Only ..."): a label
    // word, one space, a capitalised sentence, and no colon soon after (that would be a title: "Fact Sheet: ...").
    glued = true;
    contentStart = at + whole.length + (/^[ \t]+/u.exec(after)?.[0].length ?? 0);
  } else {
    return null;
  }
  if (position === 'inline' && (!/[:：]/u.test(text.slice(word.end, contentStart)) || !capitalised || single))
    return null;
  // A rating used as a label ("FALSE: ...") needs its separator: "False" alone on a line is a rating value.
  // With a full stop it is a verdict sentence ("False. No study has found such a link."), a table's rating cell.
  if (hit.entry.key.startsWith('rated-') && (alone || glued || position === 'inline' || /^\.[ \t]/u.test(after)))
    return null;
  if (
    position === 'inline' &&
    !SENTENCE_END.test(text.slice(Math.max(block.start, at - 3), at)) &&
    !/[.!?。！？"”»)]$/u.test(text.slice(at - 1, at))
  )
    return null;
  if (alone) {
    // The content is the next non-blank line; the label must be the whole line (a heading-like label).
    let next = lineEnd;
    while (next < text.length && /\s/u.test(text[next] ?? '')) next++;
    contentStart = next;
  }
  return {
    entry: hit.entry,
    lang: hit.lang,
    word,
    span: { start: at, end: at + whole.length },
    contentStart,
    number,
    alone,
    glued,
    position,
    block: block.index,
    prefix: null,
  };
}

/** One to three capitalised words before a label: "Kremlin Falsehood #1:", "Russian Claim:", "Another Myth:". */
const PREFIX_WORD = /^[\p{Lu}][\p{L}\p{M}’'.-]*[ \t]+/u;
/** Prefix words that qualify the label rather than name who holds the claim. */
const QUALIFIERS = new Set(
  'another common popular persistent widespread big biggest latest new first second third fourth fifth top old current dangerous false fake main key typical classic favourite favorite recurring viral our the a an this that one two three'.split(
    ' ',
  ),
);

function matchPrefixed(text: string, at: number, block: Block, position: LabelPosition): LabelHit | null {
  let length = 0;
  for (let n = 0; n < 3; n++) {
    const w = PREFIX_WORD.exec(text.slice(at + length, Math.min(block.end, at + length + 40)));
    if (!w) return null;
    length += w[0].length;
    const found = prefixed(text, at, length, block, position);
    if (found) return found;
  }
  return null;
}

function prefixed(
  text: string,
  at: number,
  length: number,
  block: Block,
  position: LabelPosition,
): LabelHit | null {
  const prefixText = text.slice(at, at + length);
  const hit = matchLabel(text, at + length, block, position);
  // Only a separated, capitalised label: "Kremlin Falsehood #1:" — never "Truth Social ..." style glued reads.
  if (!hit || hit.glued || (hit.alone && !hit.number) || !/^\p{Lu}/u.test(text[hit.word.start] ?? ''))
    return null;
  const words = prefixText.trim().split(/\s+/u);
  const holder = words.some((w) => !QUALIFIERS.has(w.toLowerCase().replace(/['’]s$/u, '')));
  const prefixEnd = at + prefixText.trimEnd().length;
  const end =
    text[prefixEnd - 1] === 's' && /['’]$/u.test(text.slice(prefixEnd - 2, prefixEnd - 1))
      ? prefixEnd - 2
      : prefixEnd;
  return { ...hit, span: { start: at, end: hit.span.end }, prefix: holder ? { start: at, end } : null };
}

function indexOrEnd(text: string, needle: string, from: number, end: number): number {
  const i = text.indexOf(needle, from);
  return i < 0 || i > end ? end : i;
}
