/**
 * `narrascope export <format> --corpus`: the stored documents that match the search filters, exported
 * from their stored analyses (nothing is re-analysed), read and written a batch at a time so that a
 * corpus of any size exports in bounded memory. Findings analysts dismissed are left out unless
 * --keep-dismissed. Progress on a terminal's stderr; a summary line on stderr at the end.
 */
import { selectDocumentIds, storedResults, type CorpusSelection } from '../../corpus/selection.js';
import type { AnalystConfirmation } from '../../export/claimreview/index.js';
import type { CsvTable } from '../../export/csv/index.js';
import { createExportEncoder, type ExportFormat } from '../../export/encoder.js';
import { str } from '../analyze/flags.js';
import { confirmationsByDocument } from '../confirmations.js';
import type { CliIO, ParsedArgs } from '../command.js';
import { UserError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { openOutputSink } from '../output-sink.js';
import { storeLocation } from '../store-location.js';
import { withStore } from '../store-command.js';
import { supersededDocuments } from '../../store/repositories/document-versions.js';
import { filtersFromArgs } from './search-filters.js';

/** Documents read from the store per statement: ~7 MB of analysis JSON for news articles. */
const BATCH = 100;

export async function exportCorpus(format: ExportFormat, table: CsvTable, args: ParsedArgs, io: CliIO): Promise<number> {
  if (str(args, 'url') !== undefined)
    throw new UserError('--url cannot be used with --corpus', 'Each stored document keeps its own address; --url is for exporting one document.');
  if (args.values.confirmed === true && format !== 'claimreview')
    throw new UserError('--confirmed applies to claimreview only', 'Run `narrascope export claimreview --corpus --confirmed`.');
  const selection = filtersFromArgs(args, str(args, 'query') ?? '');
  const limit = wholeNumber(str(args, 'limit'), '--limit');
  const keepDismissed = args.values['keep-dismissed'] === true;
  return withStore(args, io, false, async (store) => {
    const ids = await selectDocumentIds(store, selection, limit);
    if (ids.length === 0)
      throw new UserError(`no stored document matches ${describe(selection)}`, 'Check the filters with `narrascope search` (same options), or ingest documents first.');
    const confirmed = args.values.confirmed === true;
    // Older versions of a page that was ingested again make no reviews (store/repositories/document-versions.ts).
    const superseded = format === 'claimreview' ? await supersededDocuments(store) : new Set<string>();
    /** The confirmations of the current batch's documents (confirmed verdicts only). */
    let confirmationsOf = new Map<string, AnalystConfirmation[]>();
    const encoder = createExportEncoder(format, {
      table,
      bom: args.values.bom === true,
      ...(confirmed ? { confirmed: { of: (hash: string) => confirmationsOf.get(hash) ?? [] } } : {}),
      superseded: (hash: string) => superseded.has(hash),
      claimReview: { ...(str(args, 'publisher') ? { publisher: str(args, 'publisher') } : {}), ...(str(args, 'date') ? { datePublished: str(args, 'date') } : {}) },
      key: JSON.stringify({ store: storeLocation(str(args, 'db'), io), selection, limit: limit ?? null }),
    });
    const sink = await openOutputSink(str(args, 'out'), io.stdout, io.cwd);
    const progress = io.stderr.isTTY ? progressLine(io, ids.length) : null;
    let exported = 0;
    let missing = 0;
    let unreadable = 0;
    let dismissed = 0;
    try {
      for await (const batch of storedResults(store, ids, { batchSize: BATCH, keepDismissed })) {
        if (confirmed) confirmationsOf = await confirmationsByDocument(store, batch.results.map((r) => r.document.hash));
        await sink.write(encoder.add(batch.results, batch.ingestedAt));
        exported += batch.results.length;
        missing += batch.missing;
        unreadable += batch.unreadable;
        dismissed += batch.dismissed;
        progress?.update(exported + missing + unreadable);
        if (sink.closed) break;
      }
      progress?.done();
      if (format === 'claimreview' && encoder.written === 0) {
        if (encoder.skippedItems) io.stderr.write(`narrascope export: ${plural(encoder.skippedItems, 'ledger item')} could not make a valid ClaimReview:\n${reasonList(encoder.skipped, '\n', (r, n) => `  ${n} × ${r}`)}\n`);
        throw new UserError(
          encoder.skippedItems
            ? 'no ledger item of the selected documents could be exported as a valid ClaimReview'
            : confirmed
              ? 'no analyst-confirmed verdicts among the selected documents'
              : 'the selected documents have no ledger items: ClaimReview needs rebuttal-format documents (claim + verdict)',
          'A review needs a verdict, a publisher and an http(s) address: ingest documents with their url and outlet (JSONL, CSV or feed fields) or pass --publisher; select rebuttal-format documents with --has-ledger; or export stix or csv --table ledger instead.',
        );
      }
      await sink.write(encoder.end());
      await sink.commit();
    } catch (e) {
      progress?.done();
      await sink.abort();
      throw e;
    }
    const notes = [
      missing ? `${missing} without a stored analysis (ingest --reanalyze stores one)` : null,
      unreadable ? `${unreadable} with an unreadable stored analysis (ingest --reanalyze rewrites it)` : null,
      dismissed ? `${dismissed} dismissed finding${dismissed === 1 ? '' : 's'} left out (--keep-dismissed keeps them)` : null,
      encoder.addressesLeftOut.size ? `${plural(sum(encoder.addressesLeftOut), 'document address', 'document addresses')} left out: ${reasonList(encoder.addressesLeftOut, ', ', (r, n) => `${r} (${n})`)}` : null,
    ].filter((n): n is string => n !== null);
    const skipped = encoder.skippedItems ? `; ${plural(encoder.skippedItems, 'ledger item')} skipped: ${reasonList(encoder.skipped, ', ', (r, n) => `${r} (${n})`)}` : '';
    io.stderr.write(`narrascope export: ${plural(exported, 'document')}, ${encoder.written} ${encoder.unit}${skipped}${str(args, 'out') ? ` written to ${str(args, 'out')}` : ''}${notes.length ? `; ${notes.join('; ')}` : ''}\n`);
    return missing || unreadable ? ExitCode.partial : ExitCode.ok;
  });
}

function plural(n: number, what: string, many = `${what}s`): string {
  return `${n} ${n === 1 ? what : many}`;
}

function sum(counts: ReadonlyMap<string, number>): number {
  return [...counts.values()].reduce((a, b) => a + b, 0);
}

/** Skip reasons, most frequent first. --url is refused with --corpus (each document keeps its own address), so no reason suggests it. */
function reasonList(reasons: ReadonlyMap<string, number>, separator: string, line: (reason: string, n: number) => string): string {
  return [...reasons].sort((a, b) => b[1] - a[1]).map(([r, n]) => line(r.replace('; pass --url', ''), n)).join(separator);
}

function wholeNumber(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/u.test(value) || !Number.isSafeInteger(n) || n < 1) throw new UserError(`${name} must be a whole number of at least 1, got "${value}"`);
  return n;
}

function describe(s: CorpusSelection): string {
  const parts = [
    s.text?.trim() ? `"${s.text.trim()}"` : null,
    s.outlets ? `outlet ${s.outlets.join(', ')}` : null,
    s.from ? `from ${s.from}` : null,
    s.to ? `to ${s.to}` : null,
    s.languages ? `language ${s.languages.join(', ')}` : null,
    s.techniques ? `technique ${s.techniques.join(', ')}` : null,
    s.narratives ? `narrative ${s.narratives.join(', ')}` : null,
    s.entities ? `entity ${s.entities.join(', ')}` : null,
    s.hasLedger === true ? 'with a ledger' : s.hasLedger === false ? 'without a ledger' : null,
  ].filter((p): p is string => p !== null);
  return parts.length ? parts.join(', ') : '(the store is empty)';
}

/** "exporting 1,200 of 5,000 documents" on a terminal's stderr, redrawn at most ten times a second. */
function progressLine(io: CliIO, total: number): { update(done: number): void; done(): void } {
  let last = 0;
  let drawn = false;
  const started = performance.now();
  return {
    update(done) {
      const now = performance.now();
      if (now - last < 100 && done < total) return;
      last = now;
      const rate = done / Math.max((now - started) / 1000, 1e-3);
      io.stderr.write(`\rexporting ${done} of ${total} documents, ${rate.toFixed(0)} docs/s\u001b[K`);
      drawn = true;
    },
    done() {
      if (drawn) io.stderr.write('\r\u001b[K');
      drawn = false;
    },
  };
}
