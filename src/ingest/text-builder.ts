import { SourceMap, type SourceAnchor } from '../core/text/source-map.js';

/**
 * Builds a text out of pieces of an original (HTML markup, Markdown source) while recording where each
 * piece came from, so that the result's SourceMap leads every offset back to the original. Pieces copied
 * verbatim map exactly; synthetic text (a "## " added for a heading, a paragraph break) maps to the place
 * in the original it stands for.
 */
export class TextBuilder {
  private readonly parts: string[] = [];
  private readonly anchors: SourceAnchor[] = [{ normalised: 0, original: 0 }];
  private length = 0;

  /** Appends `piece`, which starts at `originalStart` in the original (verbatim or nearly so). */
  append(piece: string, originalStart: number): this {
    if (piece.length === 0) return this;
    // An anchor is needed only where the mapping jumps; contiguous pieces (word, space, word) share one.
    const last = this.anchors[this.anchors.length - 1] as SourceAnchor;
    if (last.original + (this.length - last.normalised) !== originalStart)
      this.anchors.push({ normalised: this.length, original: originalStart });
    this.parts.push(piece);
    this.length += piece.length;
    return this;
  }

  /** Appends text that is not in the original (markers, separators); it maps to `originalAt`. */
  appendSynthetic(piece: string, originalAt: number): this {
    return this.append(piece, originalAt);
  }

  get textLength(): number {
    return this.length;
  }

  /** The last `n` characters written so far (to avoid doubling separators). */
  tail(n: number): string {
    let out = '';
    for (let i = this.parts.length - 1; i >= 0 && out.length < n; i--) out = (this.parts[i] as string) + out;
    return out.slice(-n);
  }

  build(): { text: string; sourceMap: SourceMap } {
    return { text: this.parts.join(''), sourceMap: new SourceMap(this.anchors) };
  }
}
