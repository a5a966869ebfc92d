import type { ImportRejection } from './types.js';

/**
 * The values of a JSON Lines file (one ClaimReview per line, as review dumps and scrapers write them), or
 * null when the text is not one: it needs two or more non-blank lines, the first of them a JSON object or
 * array by itself. Such a file was rejected whole as 'not valid JSON (Unexpected non-whitespace character
 * after JSON ...)'. A line that is not JSON is rejected on its own, named by its line.
 */
export function jsonLines(
  text: string,
  source: string,
): { roots: { value: unknown; where: string }[]; rejected: ImportRejection[] } | null {
  const lines = text.split(/\r?\n/u);
  const filled = lines.flatMap((l, i) => (l.trim() ? [i] : []));
  if (filled.length < 2 || !startsAsJson(lines[filled[0]!]!)) return null;
  const roots: { value: unknown; where: string }[] = [];
  const rejected: ImportRejection[] = [];
  for (const i of filled) {
    const where = `${source}:${i + 1}`;
    try {
      roots.push({ value: JSON.parse(lines[i]!), where });
    } catch (e) {
      rejected.push({ source: where, reason: `the line is not valid JSON (${(e as Error).message})` });
    }
  }
  return { roots, rejected };
}

function startsAsJson(line: string): boolean {
  try {
    const v: unknown = JSON.parse(line);
    return v !== null && typeof v === 'object';
  } catch {
    return false;
  }
}
