/**
 * SemEval-2025 Task 10 subtask 1 (entity framing) rows and the one place their offsets are converted.
 * The files count Unicode code points (made in Python) and the gold end offset is inclusive
 * (`Nato 218 221`); a few rows are off by one. We convert code points → UTF-16 with CodePointIndex, make
 * the end exclusive, and when the slice does not spell the entity we look for it a few characters away.
 */
import { CodePointIndex } from '../../core/text/code-points.js';
import type { Span } from '../../core/text/span.js';

export interface St1Row {
  readonly doc: string;
  readonly entity: string;
  /** Offsets as written in the file (code points, end inclusive). */
  readonly start: number;
  readonly end: number;
  readonly main: string | null;
  readonly fine: readonly string[];
}

export class St1FormatError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

/** Parses ST1 rows: `doc entity start end [main fine...]` separated by tabs; blank lines are skipped. */
export function parseSt1(content: string, opts: { requireRoles?: boolean } = {}): St1Row[] {
  const rows: St1Row[] = [];
  const lines = content.split(/\r?\n/u);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.trim() === '') continue;
    const parts = line.split('\t');
    if (parts.length < 4) throw new St1FormatError(i + 1, `expected at least 4 tab-separated fields (doc, entity, start, end), found ${parts.length}`);
    const [doc, entity, s, e, main, ...fine] = parts as [string, string, string, string, string | undefined, ...string[]];
    const start = Number(s);
    const end = Number(e);
    if (!/^\d+$/u.test(s.trim()) || !/^\d+$/u.test(e.trim()) || end < start) {
      throw new St1FormatError(i + 1, `start and end must be whole numbers with start <= end, found "${s}" and "${e}"`);
    }
    if (opts.requireRoles && !main) throw new St1FormatError(i + 1, 'no main role');
    rows.push({ doc: doc.trim(), entity, start, end, main: main?.trim() || null, fine: fine.map((f) => f.trim()).filter(Boolean) });
  }
  return rows;
}

/** The UTF-16 span `[start, end)` of a row in `text`, re-anchored on the entity string when the offsets are off. */
export function st1Span(text: string, row: Pick<St1Row, 'entity' | 'start' | 'end'>, index: CodePointIndex = new CodePointIndex(text)): Span {
  const start = index.toUtf16(row.start);
  const end = index.toUtf16(row.end + 1);
  if (text.slice(start, end) === row.entity) return { start, end };
  if (text.slice(start, end - 1) === row.entity) return { start, end: end - 1 };
  for (let d = 1; d <= 5; d++) {
    for (const s of [start - d, start + d]) {
      if (s >= 0 && text.startsWith(row.entity, s)) return { start: s, end: s + row.entity.length };
    }
  }
  return { start: Math.min(start, text.length), end: Math.min(Math.max(end, start), text.length) };
}

/** Writes one ST1 prediction row (offsets back in the file's own convention). */
export function formatSt1(row: St1Row): string {
  return [row.doc, row.entity, String(row.start), String(row.end), row.main ?? '', ...row.fine].join('\t');
}
