/**
 * `narrascope predict roles --documents DIR --mentions FILE`: SemEval-2025 Task 10 subtask 1 (entity
 * framing) predictions. FILE rows are `doc<TAB>entity<TAB>start<TAB>end` (extra columns are ignored, so a
 * gold file works too); offsets count code points with an inclusive end, as in the task's files. Output:
 * `doc<TAB>entity<TAB>start<TAB>end<TAB>main<TAB>fine...`, one line per input row, in input order.
 * Uses the same features and decision as the framing aggregator (the rows of one document together, their
 * fine roles pooled over the document; no ledger).
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { mentionFeaturesForSpan, prepareFramingDocument, type PreparedFramingDocument } from '../../aggregators/framing/framing-features.js';
import { predictDocumentRoles } from '../../aggregators/framing/predict.js';
import { segmentText } from '../../core/segment/segment.js';
import { CodePointIndex } from '../../core/text/code-points.js';
import { createDocument } from '../../core/text/document.js';
import type { Span } from '../../core/text/span.js';
import { loadRoleModel } from '../../models/framing/role-model.js';
import { formatSt1, parseSt1, St1FormatError, st1Span, type St1Row } from '../../models/framing/st1-format.js';
import { UserError } from '../errors.js';
import { terminalText } from '../terminal-text.js';
import { ExitCode } from '../exit-codes.js';
import { readUtf8File, requireFolder, writeText } from './ptc-articles.js';
import { predictProgress } from './progress.js';
import { readTableFile } from './table-file.js';
import type { PredictMode } from './types.js';

interface LoadedDocument {
  readonly raw: string;
  readonly index: CodePointIndex;
  readonly prepared: PreparedFramingDocument;
  /** Raw UTF-16 offset → offset in the normalised text the analysis uses. */
  readonly toNormalised: (offset: number) => number;
}

function loadDocument(raw: string): LoadedDocument {
  const doc = createDocument({ text: raw });
  const text = doc.text;
  const toNormalised =
    text === raw
      ? (o: number) => o
      : (o: number) => {
          // toOriginal is monotonic: find the first normalised offset that maps at or past o.
          let lo = 0;
          let hi = text.length;
          while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (doc.sourceMap.toOriginal(mid) < o) lo = mid + 1;
            else hi = mid;
          }
          return lo;
        };
  return { raw, index: new CodePointIndex(raw), prepared: prepareFramingDocument(text, segmentText(text, 'en')), toNormalised };
}

/** Prediction rows for the mention rows of one document's raw text. */
export function predictRoleRows(raw: string, rows: readonly St1Row[]): St1Row[] {
  const d = loadDocument(raw);
  const model = loadRoleModel();
  const vectors = rows.map((row) => {
    const s = st1Span(d.raw, row, d.index);
    // An inclusive end one past the last character (an off-by-one row) slices to the text's end.
    const span: Span = { start: d.toNormalised(s.start), end: d.toNormalised(Math.min(s.end, d.raw.length)) };
    return mentionFeaturesForSpan(d.prepared, span);
  });
  const preds = predictDocumentRoles(model, vectors);
  return rows.map((row, i) => {
    const p = preds[i] as (typeof preds)[number];
    return { ...row, main: p.main, fine: p.fine };
  });
}

export const rolesMode: PredictMode = {
  name: 'roles',
  summary: 'SemEval-2025 Task 10 subtask 1 (entity framing) prediction file',
  options: ['documents', 'mentions', 'out'],
  usage:
    'narrascope predict roles --documents DIR --mentions FILE [--out FILE]\n  FILE rows: doc<TAB>entity<TAB>start<TAB>end (code points, end inclusive), - for standard input;\n  writes doc<TAB>entity<TAB>start<TAB>end<TAB>main<TAB>fine...',
  async run(args, io) {
    const dirArg = args.values.documents;
    const mentionsArg = args.values.mentions;
    if (typeof dirArg !== 'string' || !dirArg) throw new UserError('missing --documents DIR', 'Pass the folder that holds the documents named in the mentions file.');
    if (typeof mentionsArg !== 'string' || !mentionsArg) {
      throw new UserError('missing --mentions FILE', 'Pass a tab-separated file with rows doc<TAB>entity<TAB>start<TAB>end.');
    }
    const dir = resolve(io.cwd, dirArg);
    requireFolder(dir, `documents folder "${dirArg}"`, 'Pass --documents DIR, an existing folder.');
    const content = await readTableFile(mentionsArg, io, 'mentions file', 'Pass --mentions FILE, an existing tab-separated file (- for standard input).');
    let rows: St1Row[];
    try {
      rows = parseSt1(content);
    } catch (e) {
      if (e instanceof St1FormatError) {
        // A first line of column names is a header the task's format does not have.
        const header = e.line === 1 && /^\s*\S+\t[^\t]*\t\s*[A-Za-z_ ]+\s*\t\s*[A-Za-z_ ]+\s*(\t|\r?\n|$)/u.test(content);
        throw new UserError(
          `${mentionsArg}: ${e.message}`,
          header
            ? 'The first line looks like a header row, which the SemEval-2025 format does not have: remove it.'
            : 'Each row must be doc<TAB>entity<TAB>start<TAB>end with whole-number offsets.',
        );
      }
      throw e;
    }
    // An empty entity column cannot anchor a mention: re-anchoring would "find" it anywhere near its offsets.
    const unnamed = rows.find((r) => !r.doc || !r.entity.trim());
    if (unnamed)
      throw new UserError(
        `${mentionsArg}: the row "${terminalText(unnamed.doc)}" ${unnamed.start}-${unnamed.end} has an empty ${unnamed.doc ? 'entity' : 'document'} column`,
        'Each row must be doc<TAB>entity<TAB>start<TAB>end with the entity as it appears in the document.',
      );
    const byDoc = new Map<string, St1Row[]>();
    for (const r of rows) {
      // Appended in place: copying the list for every row was quadratic in the rows of one document.
      const list = byDoc.get(r.doc);
      if (list) list.push(r);
      else byDoc.set(r.doc, [r]);
    }
    const predicted = new Map<St1Row, St1Row>();
    let failed = 0;
    const progress = predictProgress(io);
    const skipped = (message: string): void => {
      progress.clear();
      io.stderr.write(terminalText(`narrascope predict roles: skipped ${message}\n`));
      failed++;
    };
    for (const [doc, docRows] of byDoc) {
      progress.tick(doc);
      const path = join(dir, doc);
      if (doc.includes('/') || doc.includes('\\') || !existsSync(path) || !statSync(path).isFile()) {
        skipped(`${docRows.length} mention(s) of "${doc}": no such file in ${dirArg}`);
        continue;
      }
      const raw = readUtf8File(path);
      if (typeof raw !== 'string') {
        skipped(`${docRows.length} mention(s) of "${doc}": ${raw.problem}`);
        continue;
      }
      // A row past the end of its document cannot be anchored: predicting it on a clamped, empty span would
      // look like a real answer. The end may overshoot by one (off-by-one gold rows, see st1-format.ts).
      const length = [...raw].length;
      const inside: St1Row[] = [];
      for (const r of docRows) {
        if (r.start < length && r.end <= length) {
          inside.push(r);
          continue;
        }
        skipped(`mention "${r.entity}" ${r.start}-${r.end} of "${doc}": outside the document (${length} code points)`);
      }
      const out = predictRoleRows(raw, inside);
      inside.forEach((r, i) => predicted.set(r, out[i] as St1Row));
    }
    progress.clear();
    // Every mention skipped is not a partial run: exit 3 and an empty --out replaced a good prediction file.
    if (predicted.size === 0 && failed > 0) {
      throw new UserError(
        `no mention could be predicted: all ${rows.length} were skipped (see above)`,
        'Check that --documents is the folder of the documents named in the first column of the mentions file.',
      );
    }
    const lines = rows.flatMap((r) => {
      const p = predicted.get(r);
      return p ? [formatSt1(p)] : [];
    });
    const text = lines.length ? `${lines.join('\n')}\n` : '';
    await writeText(args.values, io.cwd, io.stdout, text);
    return failed ? ExitCode.partial : ExitCode.ok;
  },
};
