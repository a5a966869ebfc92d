/**
 * JSON Lines export: the analysis results themselves, one per line, as `narrascope analyze --format json`
 * writes each — readable again with `narrascope export <format> --results FILE`. One thing differs from
 * the result as analysed, because JSON Lines go on to other tools: a document address that is not safe to
 * show as a link (`javascript:`, `data:` ... see ./uri.ts) is left out of `document.source`, as every other
 * export leaves it out; paths and record labels stay.
 */
import type { AnalysisResult } from '../core/result/types.js';
import { exportableUri } from './uri.js';

export function jsonlLines(results: readonly AnalysisResult[]): string {
  let out = '';
  // JSON.stringify escapes line breaks inside strings, so a line is always one whole result.
  for (const r of results) out += `${JSON.stringify(withExportableUri(r))}\n`;
  return out;
}

function withExportableUri(r: AnalysisResult): AnalysisResult {
  const raw = r.document.source.uri;
  if (raw === undefined) return r;
  const uri = exportableUri(raw);
  if (uri === raw) return r;
  const { uri: _dropped, ...source } = r.document.source;
  return { ...r, document: { ...r.document, source: uri === undefined ? source : { ...source, uri } } };
}
