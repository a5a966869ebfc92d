/**
 * Walks extracted article content and writes it as text blocks: headings get Markdown `#` markers and
 * list items `-` / `N.` markers (so segmentation sees the structure), blocks are separated by a blank
 * line, inline whitespace is collapsed. Every word is located in the raw markup so that the document's
 * source map leads back into the original HTML (words with entities map to the nearest located word).
 */
import { isJunkBlock } from './html-clean.js';
import { attr, ELEMENT_NODE, tagOf, TEXT_NODE, type DomNode } from './html-dom.js';
import { TextBuilder } from './text-builder.js';

const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'html',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);
const SKIP_TAGS = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'svg', 'math']);

/**
 * A run of non-space characters from one text node. A word split by inline markup (`<b>T</b>he`) is two
 * fragments, the second `glued` to the first: they are written without a space and located separately.
 */
interface Fragment {
  readonly text: string;
  readonly glued: boolean;
}

interface PendingBlock {
  marker: string;
  words: Fragment[];
  /** A hard line break (<br>) before the fragment at this index. */
  breaks: Set<number>;
  /** Whitespace (or a <br>) came after the last fragment. */
  spaceBefore: boolean;
}

const emptyBlock = (): PendingBlock => ({ marker: '', words: [], breaks: new Set(), spaceBefore: false });

/** Finds words of the extracted text in the raw markup, moving forward only. */
class RawLocator {
  private cursor: number;
  constructor(
    private readonly view: string,
    start: number,
  ) {
    this.cursor = start;
  }

  /** Offset of `word` at or after the cursor, searching at most `window` characters ahead (all when first in a block). */
  locate(word: string, window: number): number {
    const at = this.view.indexOf(word, this.cursor);
    if (at < 0 || at - this.cursor > window) return -1;
    this.cursor = at + word.length;
    return at;
  }

  /**
   * Finds where a block starts: the first of its first few words whose next word follows closely, so that
   * a common word elsewhere on the page does not capture the block. Moves the cursor past it.
   */
  findStart(words: readonly string[]): { index: number; at: number } | null {
    for (let k = 0; k < Math.min(words.length, 6); k++) {
      const word = words[k] as string;
      const next = words[k + 1];
      let from = this.cursor;
      for (let tries = 0; tries < 50; tries++) {
        const at = this.view.indexOf(word, from);
        if (at < 0) break;
        const after = at + word.length;
        const j = next === undefined ? after : this.view.indexOf(next, after);
        if (j >= 0 && j - after <= 40) {
          this.cursor = after;
          return { index: k, at };
        }
        from = at + 1;
      }
    }
    return null;
  }

  get position(): number {
    return this.cursor;
  }
}

/**
 * The raw markup with every tag, comment, script and style body blanked out (same length): words are only
 * looked for where text can be, so an attribute or a <meta> description never captures a word.
 */
export function textView(raw: string): string {
  return raw.replace(
    /<!--[\s\S]*?(?:-->|$)|<(script|style)\b[^<>]*>[\s\S]*?(?:<\/\1\s*>|$)|<[^<>]*>/giu,
    (m) => '\u0000'.repeat(m.length),
  );
}

export function blocksToText(
  root: DomNode,
  raw: string,
  view: string = textView(raw),
  headline?: string,
): ReturnType<TextBuilder['build']> & { dropped: number } {
  const bodyAt = raw.search(/<body\b/iu);
  const locator = new RawLocator(view, bodyAt >= 0 ? bodyAt : 0);
  const out = new TextBuilder();
  let dropped = 0;
  let current: PendingBlock = emptyBlock();
  // A piece placed by approximation must still map inside the markup.
  const within = (piece: string, at: number): number => Math.max(0, Math.min(at, raw.length - piece.length));
  const separator = (block: PendingBlock, i: number): string =>
    i === 0 || block.words[i]?.glued ? '' : block.breaks.has(i) ? '\n' : ' ';

  const flush = (): void => {
    const block = current;
    current = emptyBlock();
    if (block.words.length === 0) return;
    const text = block.words.map((w, i) => separator(block, i) + w.text).join('');
    if (isJunkBlock(text)) {
      dropped++;
      return;
    }
    // Locate the words: the block's start anywhere ahead, each later word close to the one before.
    const start = locator.findStart(block.words.map((w) => w.text));
    const located = block.words.map((w, i) => ({
      ...w,
      raw:
        start === null || i < start.index ? -1 : i === start.index ? start.at : locator.locate(w.text, 400),
    }));
    const firstRaw = start?.at ?? locator.position;
    if (out.textLength > 0) out.appendSynthetic('\n\n', within('\n\n', firstRaw));
    if (block.marker) out.appendSynthetic(block.marker, within(block.marker, firstRaw));
    let lastEnd = firstRaw;
    located.forEach((w, i) => {
      const sep = separator(block, i);
      if (sep) out.appendSynthetic(sep, within(sep, lastEnd));
      const at = w.raw >= 0 ? w.raw : lastEnd;
      out.append(w.text, within(w.text, at));
      lastEnd = at + w.text.length;
    });
  };

  // The headline Readability took out of the article body goes first, as a level-1 heading.
  if (headline) {
    current = {
      ...emptyBlock(),
      marker: '# ',
      words: headline
        .split(/\s+/u)
        .filter(Boolean)
        .map((text) => ({ text, glued: false })),
    };
    flush();
  }

  // Iterative walk (explicit stack): deeply nested markup must not overflow the call stack.
  type Step = { node: DomNode; leave: boolean };
  const stack: Step[] = [{ node: root, leave: false }];
  while (stack.length > 0) {
    const { node, leave } = stack.pop() as Step;
    if (node.nodeType === TEXT_NODE) {
      for (const m of (node.data ?? '').matchAll(/[\s\u00a0]+|[^\s\u00a0]+/gu)) {
        if (/^[\s\u00a0]/u.test(m[0])) current.spaceBefore = true;
        else {
          current.words.push({ text: m[0], glued: current.words.length > 0 && !current.spaceBefore });
          current.spaceBefore = false;
        }
      }
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE && node !== root) continue;
    const tag = tagOf(node);
    if (SKIP_TAGS.has(tag)) continue;
    if (leave) {
      if (BLOCK_TAGS.has(tag)) flush();
      continue;
    }
    if (tag === 'br') {
      if (current.words.length > 0) current.breaks.add(current.words.length);
      current.spaceBefore = true;
      continue;
    }
    if (tag === 'img') {
      continue;
    }
    if (BLOCK_TAGS.has(tag)) {
      // A list item whose text sits in a nested <p> keeps its marker.
      const pendingMarker = current.words.length === 0 ? current.marker : '';
      flush();
      current.marker = markerFor(node, tag) || pendingMarker;
    }
    stack.push({ node, leave: true });
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i] as DomNode, leave: false });
  }
  flush();
  return { ...out.build(), dropped };
}

function markerFor(node: DomNode, tag: string): string {
  const h = /^h([1-6])$/u.exec(tag);
  if (h) return `${'#'.repeat(Number(h[1]))} `;
  if (tag !== 'li') return '';
  const parent = node.parentNode;
  if (!parent || tagOf(parent) !== 'ol') return '- ';
  const start = Number.parseInt(attr(parent, 'start'), 10);
  let n = Number.isFinite(start) ? start : 1;
  const siblings = parent.childNodes;
  for (let i = 0; i < siblings.length; i++) {
    const s = siblings[i] as DomNode;
    if (s === node) break;
    if (tagOf(s) === 'li') n++;
  }
  return `${n}. `;
}
