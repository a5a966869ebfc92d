/** schema.org ClaimReview as emitted by Narrascope (JSON-LD). */
export interface SchemaThing {
  readonly '@type': 'Organization' | 'Person';
  readonly name: string;
  readonly url?: string;
}

export interface ClaimReviewRating {
  readonly '@type': 'Rating';
  /** 1 (false) … 5 (true); omitted when the verdict has no place on that scale. */
  readonly ratingValue?: number;
  readonly bestRating?: number;
  readonly worstRating?: number;
  /** The verdict in words, as the reviewer wrote it ("Lie", "False", "Misleading"). */
  readonly alternateName: string;
}

export interface ReviewedClaim {
  readonly '@type': 'Claim';
  readonly author?: SchemaThing;
  readonly appearance?: readonly { readonly '@type': 'CreativeWork'; readonly url: string }[];
  readonly datePublished?: string;
}

export interface ClaimReview {
  readonly '@context': 'https://schema.org';
  readonly '@type': 'ClaimReview';
  readonly claimReviewed: string;
  readonly reviewRating: ClaimReviewRating;
  readonly itemReviewed?: ReviewedClaim;
  readonly author: SchemaThing;
  readonly datePublished?: string;
  readonly url: string;
  readonly reviewBody?: string;
  readonly inLanguage?: string;
}
