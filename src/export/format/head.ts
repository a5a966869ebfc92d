/**
 * The start of `text`, at most `units` UTF-16 code units long, never ending between the two halves of a
 * surrogate pair: a quote clipped there ended in half an emoji or of a rare CJK character, which the
 * terminal and the HTML file (both UTF-8) showed as U+FFFD.
 */
export function headOf(text: string, units: number): string {
  if (text.length <= units) return text;
  const last = text.charCodeAt(units - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? units - 1 : units);
}
