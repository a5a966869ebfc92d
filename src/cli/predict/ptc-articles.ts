/**
 * Reading and writing the PTC / SemEval shared-task formats: article folders and tab-separated label
 * files whose offsets count Unicode code points (the files were made in Python). This is the one place
 * where those offsets are converted to and from our UTF-16 offsets (CodePointIndex).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { TextDecoder } from 'node:util';
import { CodePointIndex } from '../../core/text/code-points.js';
import { writeOutput } from '../analyze/output.js';
import { UserError } from '../errors.js';

export interface PtcArticle {
  /** File name without the `article` prefix and `.txt` suffix. */
  readonly id: string;
  readonly path: string;
  /**
   * The file's text with a length-preserving clean-up (CR, BOM and other control characters become spaces
   * or newlines), so that offsets into it are offsets into the file.
   */
  readonly text: string;
  readonly codePoints: CodePointIndex;
}

/** Articles of a folder, sorted by id. Accepts both `article<ID>.txt` (PTC) and any other `*.txt`. */
export function readArticles(dir: string): PtcArticle[] {
  requireFolder(dir, `articles folder "${dir}"`, 'Pass --articles DIR, a folder of article<ID>.txt files (e.g. ptc-train/articles-2023).');
  const files = textFilesOf(dir);
  if (files.length === 0) throw new UserError(`no .txt files in "${dir}"`, 'The folder should hold article<ID>.txt files, one article each.');
  const unnamed = files.find((f) => articleId(f) === '');
  if (unnamed !== undefined) throw new UserError(`the article file name ${JSON.stringify(unnamed)} gives an empty id`, 'Name the file article<ID>.txt.');
  const unsafe = files.find((f) => !isSafeRowId(articleId(f)));
  if (unsafe !== undefined)
    throw new UserError(`the article file name ${JSON.stringify(unsafe)} has a tab or line break`, 'Its id would split the rows of the prediction file: rename the file.');
  // `1.txt` and `article1.txt` are both article 1: their rows would be mixed under one id, and a spans
  // file's rows for one of them checked against the other.
  const seen = new Map<string, string>();
  for (const f of files) {
    const other = seen.get(articleId(f));
    if (other !== undefined)
      throw new UserError(`"${other}" and "${f}" both have the article id ${JSON.stringify(articleId(f))}`, 'Each article needs its own id: rename or move one of the files.');
    seen.set(articleId(f), f);
  }
  return files.map((f) => readArticle(join(dir, f)));
}

/**
 * Refuses a folder option that names nothing, or a file: "not found" for an article file that is there
 * sent the user looking for a typo.
 */
export function requireFolder(dir: string, shown: string, hint: string): void {
  const info = existsSync(dir) ? statSync(dir) : null;
  if (!info) throw new UserError(`${shown} not found`, hint);
  if (!info.isDirectory()) throw new UserError(`${shown} is a file, not a folder`, hint);
}

/** Whether a file name can be the first column of a tab-separated prediction row (no tab, CR or LF). */
export function isSafeRowId(name: string): boolean {
  return !/[\t\r\n]/u.test(name);
}

/**
 * Names of the regular `*.txt` files of a folder, sorted; a sub-folder named `x.txt` is not a document,
 * nor is a link to a folder or a device. A link that leads nowhere (its target moved, a loop) is kept, so
 * that reading it names it: dropped in silence, its article was missing from the prediction file.
 */
export function textFilesOf(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.name.endsWith('.txt') && (e.isFile() || (e.isSymbolicLink() && linkTarget(join(dir, e.name)) !== 'other')))
    .map((e) => e.name)
    .sort();
}

function linkTarget(path: string): 'file' | 'missing' | 'other' {
  try {
    return statSync(path).isFile() ? 'file' : 'other';
  } catch {
    return 'missing';
  }
}

/** A file's bytes; one that cannot be read (no permission, vanished) is a usage error naming it. */
export function readInputFile(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new UserError(`cannot read "${path}": ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 'Check that the file exists and is readable.');
  }
}

export function articleId(path: string): string {
  const name = basename(path).replace(/\.txt$/u, '');
  // `article.txt` keeps its name: without the prefix its id was empty, a row that techniques refuses.
  return name.replace(/^article/u, '') || name;
}

export function readArticle(path: string): PtcArticle {
  const decoded = utf8Text(readInputFile(path));
  if (typeof decoded !== 'string') throw new UserError(`"${path}" is a ${decoded.problem}`, 'Articles must be UTF-8 text files.');
  const text = cleanKeepingLength(decoded);
  return { id: articleId(path), path, text, codePoints: new CodePointIndex(text) };
}

/**
 * A shared-task file's text, or what is wrong with it. The task files are UTF-8 and their offsets count
 * its code points: a file in another encoding (Latin-1, Windows-1252), decoded leniently, would be
 * analysed with U+FFFD in place of its accented letters, so it is refused like a binary file.
 */
export function utf8Text(buf: Buffer): string | { readonly problem: string } {
  if (buf.includes(0)) return { problem: 'binary file, not UTF-8 text' };
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buf);
  } catch {
    return { problem: 'file that is not UTF-8 text (another encoding?); convert it to UTF-8' };
  }
}

/**
 * A document of a shared-task folder as UTF-8 text, or why it cannot be used (unreadable, binary, another
 * encoding): the adapters that go on past a bad file (narratives, roles) skip it with this reason.
 */
export function readUtf8File(path: string): string | { readonly problem: string } {
  let buf: Buffer;
  try {
    buf = readInputFile(path);
  } catch (e) {
    return { problem: (e as Error).message };
  }
  return utf8Text(buf);
}

/** Replaces CR, BOM and C0 controls without changing the length, so that every offset stays valid. */
export function cleanKeepingLength(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 13) out += raw.charCodeAt(i + 1) === 10 ? ' ' : '\n';
    else if ((c < 32 && c !== 9 && c !== 10) || (c === 0xfeff && i === 0)) out += ' ';
    else out += raw[i];
  }
  return out;
}

export interface PtcSpanRow {
  readonly id: string;
  /** Technique label, or `?` when unknown (classification input). */
  readonly label: string;
  /** Code point offsets, end exclusive. */
  readonly start: number;
  readonly end: number;
}

const WHOLE_NUMBER = /^\s*\d+\s*$/u;

/** Parses `id<TAB>label<TAB>start<TAB>end` rows (or `id<TAB>start<TAB>end`, label then `?`). */
export function parseSpanRows(tsv: string, source: string): PtcSpanRow[] {
  const rows: PtcSpanRow[] = [];
  // A BOM (a file saved by a Windows editor) would otherwise be part of the first article id.
  tsv.replace(/^\uFEFF/u, '').split(/\r?\n/u).forEach((line, i) => {
    if (line.trim() === '') return;
    const cols = line.split('\t');
    const [id, label, s, e] = cols.length === 3 ? [cols[0], '?', cols[1], cols[2]] : cols;
    // Digits only: Number() would read an empty column as 0 and "1e3" or "0x10" as other offsets.
    const start = WHOLE_NUMBER.test(s ?? '') ? Number(s) : NaN;
    const end = WHOLE_NUMBER.test(e ?? '') ? Number(e) : NaN;
    if (cols.length < 3 || cols.length > 4 || !id || !Number.isSafeInteger(start) || !Number.isSafeInteger(end) || end < start) {
      // A first line of words in 3 or 4 columns (`id  technique  start  end`) is a header the format does not have.
      const header = i === 0 && cols.length >= 3 && cols.length <= 4 && cols.slice(-2).every((c) => /^\s*[A-Za-z_ ]+\s*$/u.test(c));
      throw new UserError(
        `${source}:${i + 1}: expected "id<TAB>technique<TAB>start<TAB>end" with integer offsets, got "${line.slice(0, 80)}"`,
        header ? 'The first line looks like a header row, which the PTC/SemEval format does not have: remove it.' : 'Check the spans file format (PTC/SemEval TSV, code-point offsets).',
      );
    }
    // An empty span holds no words: classifying it would still answer with some technique.
    if (end === start) throw new UserError(`${source}:${i + 1}: the span ${start}-${end} is empty`, 'A span ends after it starts (end exclusive, code points).');
    rows.push({ id, label: label ?? '?', start, end });
  });
  return rows;
}

export interface PtcParagraphRow {
  readonly id: string;
  /** 1-based line number into the article. */
  readonly line: number;
  readonly labels: readonly string[];
}

export function parseParagraphRows(tsv: string): PtcParagraphRow[] {
  const rows: PtcParagraphRow[] = [];
  for (const line of tsv.split(/\r?\n/u)) {
    if (line.trim() === '') continue;
    const [id, n, labels] = line.split('\t');
    if (!id || !n) continue;
    rows.push({ id, line: Number(n), labels: (labels ?? '').split(',').filter((l) => l.length > 0) });
  }
  return rows;
}

/** UTF-16 span of a code-point row in its article. */
export function toUtf16Span(article: PtcArticle, row: { start: number; end: number }): { start: number; end: number } {
  return { start: article.codePoints.toUtf16(row.start), end: article.codePoints.toUtf16(row.end) };
}

/** Code-point offsets of a UTF-16 span. */
export function toCodePointSpan(article: PtcArticle, span: { start: number; end: number }): { start: number; end: number } {
  return { start: article.codePoints.toCodePoint(span.start), end: article.codePoints.toCodePoint(span.end) };
}

/**
 * What Python's `str.strip()` removes (str.isspace): the task files were made with it. JavaScript's
 * `trim()` also removes U+FEFF and keeps U+0085, so a line holding only a stray BOM (7 lines of the PTC
 * 2023 articles) has a row in the gold paragraph file but was left out of the prediction file.
 */
// eslint-disable-next-line no-control-regex -- Python's whitespace includes the C0 separators 0x1C-0x1F
const PYTHON_BLANK = /^[\t\n\v\f\r \x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$/u;

/** The lines of an article that have a row in a SemEval-2023 subtask 3 file: not blank by Python's rule. */
export function taskLines(text: string): { line: number; start: number; end: number }[] {
  return nonEmptyLines(text, (line) => !PYTHON_BLANK.test(line));
}

/**
 * 1-based line numbers of the non-empty lines of a text with their UTF-16 spans. The technique evaluation
 * and training (bench/technique/corpus.ts) use the default `trim()` rule; prediction files use taskLines.
 */
export function nonEmptyLines(text: string, nonEmpty: (line: string) => boolean = (line) => line.trim() !== ''): { line: number; start: number; end: number }[] {
  const out: { line: number; start: number; end: number }[] = [];
  let start = 0;
  let n = 1;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    if (nonEmpty(text.slice(start, end))) out.push({ line: n, start, end });
    if (nl < 0) break;
    start = nl + 1;
    n++;
  }
  return out;
}

/** The `--articles DIR` option, resolved against the working directory, with its articles. */
export function articlesFromArgs(values: Readonly<Record<string, unknown>>, cwd: string): PtcArticle[] {
  const dir = values.articles;
  if (typeof dir !== 'string' || !dir) {
    throw new UserError('missing --articles DIR', 'Pass a folder of article<ID>.txt files, e.g. --articles ptc-train/articles-2023.');
  }
  return readArticles(resolve(cwd, dir));
}

/** Writes rows to --out FILE, or to standard output. */
export async function writeRows(values: Readonly<Record<string, unknown>>, cwd: string, stdout: NodeJS.WritableStream, rows: readonly string[]): Promise<void> {
  await writeText(values, cwd, stdout, rows.length ? `${rows.join('\n')}\n` : '');
}

/**
 * The prediction file to --out or standard output, by the writer of every command's output (through a
 * temporary file and a rename; a device or pipe written as it is; a blank --out refused). A copy of its
 * own here answered an --out under a file (`-o notes.txt/run.tsv`) with an internal error, wrote a blank
 * --out to standard output, and put a regular file in place of a device (`-o /dev/null` as root). A
 * target that cannot be written is a usage error naming it, not an internal error after minutes of work.
 */
export async function writeText(values: Readonly<Record<string, unknown>>, cwd: string, stdout: NodeJS.WritableStream, text: string): Promise<void> {
  const out = values.out;
  // Entity strings of a mentions file are data: on a terminal their control characters become spaces.
  await writeOutput(text, typeof out === 'string' ? out : undefined, stdout, cwd, { data: true });
}

/** The `--min-confidence` option as a number in [0, 1], or the fallback. */
export function minConfidenceFrom(values: Readonly<Record<string, unknown>>, fallback: number): number {
  const v = values['min-confidence'];
  if (v === undefined) return fallback;
  const n = Number(v);
  // Number('') is 0: an empty value (an unset variable in "$MIN") kept every span without a word.
  if (typeof v !== 'string' || v.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) {
    throw new UserError(`--min-confidence must be a number between 0 and 1 (got "${String(v)}")`, 'For example --min-confidence 0.3.');
  }
  return n;
}
