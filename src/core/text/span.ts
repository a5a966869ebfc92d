/**
 * Positions are half-open `[start, end)` offsets in UTF-16 code units into a Document's normalised text
 * (DESIGN.md §3). Every object that points into a text carries the quoted text too, so it can be
 * re-anchored if the text is normalised differently later.
 */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A span together with the text it covers: the form used in every output. */
export interface SpanText extends Span {
  readonly text: string;
}

export function spanText(text: string, span: Span): SpanText {
  return { start: span.start, end: span.end, text: text.slice(span.start, span.end) };
}

export function isValidSpan(span: Span, textLength: number): boolean {
  return (
    Number.isInteger(span.start) &&
    Number.isInteger(span.end) &&
    span.start >= 0 &&
    span.end >= span.start &&
    span.end <= textLength
  );
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

export function contains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

export function overlapLength(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

export function compareSpans(a: Span, b: Span): number {
  return a.start - b.start || a.end - b.end;
}

/** Shrinks a span so it neither starts nor ends with whitespace; an all-blank span collapses to its start. */
export function trimSpan(text: string, span: Span): Span {
  let start = span.start;
  let end = span.end;
  while (start < end && /\s/u.test(text[start] ?? '')) start++;
  while (end > start && /\s/u.test(text[end - 1] ?? '')) end--;
  return { start, end };
}
