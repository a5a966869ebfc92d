/**
 * JSON Lines export: the analysis results themselves, one per line, as `narrascope analyze --format json`
 * writes each — readable again with `narrascope export <format> --results FILE`. Two things differ from
 * the result as analysed, both because JSON Lines go on to other tools:
 * - a document address that is not safe to show as a link (`javascript:`, `data:` ... see ./uri.ts) is
 *   left out of `document.source`, as every other export leaves it out; paths and record labels stay;
 * - U+2028, U+2029 and U+0085 are written as escapes (./json-text.ts), so a line is always one record.
 */
import type { AnalysisResult } from '../core/result/types.js';
import { exportJsonText } from './json-text.js';
import { exportableUri } from './uri.js';

export function jsonlLines(results: readonly AnalysisResult[]): string {
  let out = '';
  // JSON.stringify escapes CR and LF inside strings; the separators are escaped here.
  for (const r of results) out += `${exportJsonText(JSON.stringify(withExportableUri(r)))}\n`;
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
