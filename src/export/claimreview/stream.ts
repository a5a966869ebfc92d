import { stringifyJsonLd } from './build.js';
import type { ClaimReview } from './types.js';

/**
 * A JSON-LD array of ClaimReviews written in parts (`narrascope export claimreview --corpus`): `add`
 * returns the text of some reviews (each validated and escaped by `stringifyJsonLd`), `end` closes the
 * array. The text is byte for byte what `stringifyJsonLd` writes for the whole array.
 */
export class JsonLdArrayStream {
  private items = 0;

  /** Reviews written so far. */
  get count(): number {
    return this.items;
  }

  add(reviews: readonly ClaimReview[]): string {
    let out = '';
    for (const r of reviews) {
      const text = stringifyJsonLd(r).trimEnd().replace(/\n/gu, '\n  ');
      out += `${this.items === 0 ? '[' : ','}\n  ${text}`;
      this.items++;
    }
    return out;
  }

  end(): string {
    return this.items === 0 ? '[]\n' : '\n]\n';
  }
}
