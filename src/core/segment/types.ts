import type { Span } from '../text/span.js';

/** Layers a detector can ask for in `meta.requires`. */
export type SegmentLayer = 'paragraphs' | 'sentences' | 'tokens' | 'quotes' | 'headings' | 'listItems';

export type BlockKind = 'paragraph' | 'heading' | 'listItem';

/**
 * A block of text: a paragraph, a heading or a list item. Blocks tile the non-blank lines of the text;
 * `marker` is the list or heading marker ("1.", "#", "-") when there is one, `content` the text after it.
 */
export interface Block extends Span {
  readonly index: number;
  readonly kind: BlockKind;
  readonly content: Span;
  readonly marker?: Span;
  /** Heading level (1 = top) or list nesting level (1 = outermost). */
  readonly level?: number;
  /** The number a numbered item or heading carries ("3" for "3." or "#3"), when it has one. */
  readonly number?: number;
}

export interface Sentence extends Span {
  readonly index: number;
  /** Index of the block it belongs to. */
  readonly block: number;
  /** Index of its first token and one past its last token, into `Segments.tokens`. */
  readonly firstToken: number;
  readonly endToken: number;
}

export type TokenKind = 'word' | 'number' | 'punctuation' | 'symbol' | 'emoji' | 'url' | 'email' | 'hashtag' | 'mention' | 'other';

export interface Token extends Span {
  readonly text: string;
  /** Lower-cased, with curly quotes and apostrophes made straight. */
  readonly normal: string;
  readonly lemma: string;
  /** Universal POS tag (English) or 'X' where no tagger ran. */
  readonly pos: string;
  readonly kind: TokenKind;
  /** True inside the scope of a negation (English only). */
  readonly negated: boolean;
  readonly sentence: number;
  /**
   * An integer naming the token's normal form within this process: tokens with the same key have the same
   * `normal` (not conversely); -1 where none is known. English tokens take it from wink's lexeme id, so a
   * model can keep a per-key table of what it derives from the normal form instead of a string look-up per
   * token. Optional so that hand-made tokens (tests) need not set it.
   */
  readonly normalKey?: number;
}

export interface Quote extends Span {
  /** The quoted words without the quotation marks. */
  readonly inner: Span;
  readonly block: number;
}

export interface Segments {
  /** Language the segmenter used ('en' → wink-nlp; anything else → Intl.Segmenter). */
  readonly language: string;
  readonly blocks: readonly Block[];
  readonly sentences: readonly Sentence[];
  readonly tokens: readonly Token[];
  readonly quotes: readonly Quote[];
}
