import { addWatchEntries, DEFAULT_MAX_LEDGER_WATCHES, removeWatchEntry, splitWatched, WatchLimitError, watchLedgerOf, watchReport } from '../../corpus/watch.js';
import { isStoreError } from '../../store/index.js';
import type { CliCommand } from '../command.js';
import { UserError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { DB_HELP, withStore } from '../store-command.js';
import { TERMINAL_UNSAFE } from '../../export/format/escape.js';
import { terminalText } from '../terminal-text.js';
import { countOption, MAX_COUNT } from './count-option.js';

/**
 * A watch entry's claim as the terminal shows it: control characters, line breaks, tabs and bidirectional
 * overrides written as escapes (`\u001b[2J`, `\n`), as JSON writes them. The claim is the analyst's own,
 * typed or pasted, so a stray escape sequence is shown for what it is, to be fixed, rather than run by the
 * terminal (the message for a refused claim wrote it as is) or blanked out.
 */
const CLAIM_UNSAFE = new RegExp(`[\\t\\n]|${TERMINAL_UNSAFE.source}`, 'gu');
const NAMED: Readonly<Record<string, string>> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };
export function visibleClaim(text: string): string {
  return text.replace(CLAIM_UNSAFE, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The longest claim `watch add` takes. A document matches an entry when one of its sentences holds 75% of
 * the entry's content words, so a text of many sentences can never match; a 10,000-word paste was stored
 * and checked against the whole corpus, to be "not seen" for ever. 100 words is several long sentences,
 * 2,000 characters a claim of long words (URLs, hashtags, unbroken scripts).
 */
export const MAX_CLAIM_WORDS = 100;
export const MAX_CLAIM_CHARS = 2000;

/** Refuses a typed claim over the limits, naming it by its first words, before any store is opened. */
function checkClaimLength(claim: string): void {
  const words = claim.split(/\s+/u).filter(Boolean).length;
  if (words <= MAX_CLAIM_WORDS && claim.length <= MAX_CLAIM_CHARS) return;
  const start = visibleClaim(claim.trim().slice(0, 60));
  throw new UserError(
    `the claim "${start}…" is too long to watch (${words > MAX_CLAIM_WORDS ? `${words.toLocaleString('en')} words; at most ${MAX_CLAIM_WORDS}` : `${claim.length.toLocaleString('en')} characters; at most ${MAX_CLAIM_CHARS.toLocaleString('en')}`})`,
    'A document matches when one of its sentences holds most of the claim\'s words, so watch the claim itself, one sentence: `narrascope watch add "CLAIM"` (several claims may be given at once).',
  );
}

/** `narrascope watch`: watchlists of claims to look out for. */
export const watchCommand: CliCommand = {
  name: 'watch',
  usage: `Usage: narrascope watch [list]                 each entry: first appearance, outlets, count per week — or "not seen"
       narrascope watch add "CLAIM" ...       watch typed claims (the stored corpus is checked at once)
       narrascope watch add --from-doc HASH   watch the ledger claims of a stored document ("they will say X")
       narrascope watch remove ID

A document matches an entry when one of its sentences contains at least 75% of the entry's content words
(quoted claims inside a document's own ledger do not count). Every \`narrascope ingest\` reports new matches.
A typed claim is at most ${MAX_CLAIM_WORDS} words and ${MAX_CLAIM_CHARS.toLocaleString('en')} characters.

Options:
  ${DB_HELP}
  --note TEXT      a note kept with added entries
  --max-entries N  with --from-doc: add up to N new entries (default ${DEFAULT_MAX_LEDGER_WATCHES}); a document with more is refused
  --json           machine-readable output

A claim already watched (in any case or spacing, typed or from a ledger) is not added again; it is named
with its entry, and the exit code stays 0.`,
  options: {
    db: { type: 'string' },
    'from-doc': { type: 'string' },
    'max-entries': { type: 'string' },
    note: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(args, io) {
    const [action = 'list', ...rest] = args.positionals;
    const json = args.values.json === true;
    const note = typeof args.values.note === 'string' ? { note: args.values.note } : {};
    // Options and words an action does not take were dropped in silence: the claims typed after
    // --from-doc HASH were never added, and neither was a --note given with --from-doc.
    for (const flag of ['from-doc', 'note', 'max-entries'])
      if (action !== 'add' && args.values[flag] !== undefined) throw new UserError(`--${flag} is an option of watch add, not of watch ${action}`);
    if (action === 'add') {
      const fromDoc = typeof args.values['from-doc'] === 'string' ? args.values['from-doc'] : undefined;
      // An empty one (an unset variable in "$DOC") said "nothing to watch", as if no option were given.
      if (fromDoc !== undefined && fromDoc.trim() === '') throw new UserError('--from-doc is empty', 'Give the document hash (or its first 8+ characters) as shown by `narrascope search`.');
      if (fromDoc !== undefined && rest.length) throw new UserError('watch add takes claims or --from-doc HASH, not both', 'Add the typed claims with a second `narrascope watch add`.');
      if (!fromDoc && !rest.length) throw new UserError('nothing to watch', 'Give claims in quotes, or --from-doc HASH for a stored document\'s ledger.');
      if (!fromDoc && args.values['max-entries'] !== undefined) throw new UserError('--max-entries goes with --from-doc', 'Typed claims are all added; --max-entries caps the claims taken from a document\'s ledger.');
      const maxEntries = countOption(args, 'max-entries', DEFAULT_MAX_LEDGER_WATCHES, 1);
      rest.forEach(checkClaimLength);
      const r = await withStore(args, io, true, async (store) => {
        if (fromDoc) {
          try {
            return await watchLedgerOf(store, fromDoc, { ...note, maxEntries });
          } catch (e) {
            // A locked or broken store stays a store error (exit 4, via withStore), not a bad hash.
            if (isStoreError(e)) throw e;
            if (e instanceof WatchLimitError)
              throw new UserError(`${e.message}; nothing was added`, `Each entry is checked against every document ingested from now on. To add them all: --max-entries ${e.claims}; or add the claims you need with \`narrascope watch add "CLAIM"\`.`);
            throw new UserError((e as Error).message, 'Give the document hash (or its first 8+ characters) as shown by `narrascope search`.');
          }
        }
        // A claim already watched (in any case or spacing) was added again: each ingest then reported
        // every match once per copy. It is named with its entry instead.
        const { fresh, alreadyWatched } = await splitWatched(store.db, rest);
        return { ...(await addWatchEntries(store, fresh.map((f) => f.text), note)), alreadyWatched };
      });
      if (json) io.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
      else {
        io.stdout.write(`added ${r.ids.length} watch entr${r.ids.length === 1 ? 'y' : 'ies'} (${r.ids.map((i) => `#${i}`).join(', ') || 'none'}); ${r.matches} match${r.matches === 1 ? '' : 'es'} in the stored corpus\n`);
        for (const t of r.tooVague) io.stderr.write(`narrascope watch: not added, too few content words to match on: "${visibleClaim(t)}"\n`);
        for (const a of r.alreadyWatched)
          io.stderr.write(`narrascope watch: not added, ${a.id === null ? 'given twice' : `already watched as #${a.id}`}: "${visibleClaim(a.text)}"\n`);
      }
      return r.ids.length || !r.tooVague.length ? ExitCode.ok : ExitCode.usage;
    }
    if (action === 'remove') {
      if (rest.length > 1) throw new UserError(`watch remove takes one entry id, got ${rest.length}`, 'Remove entries one at a time: `narrascope watch remove ID`.');
      const id = /^\d+$/u.test(rest[0] ?? '') ? Number(rest[0]) : NaN;
      if (!Number.isInteger(id) || id < 1) throw new UserError('watch remove needs an entry id', 'See the ids with `narrascope watch list`.');
      // An id past PostgreSQL's integer range is no entry (the query itself failed as an internal error).
      if (id > MAX_COUNT) throw new UserError(`no watch entry #${rest[0] ?? ''}`, 'See the ids with `narrascope watch list`.');
      const removed = await withStore(args, io, false, (store) => removeWatchEntry(store, id));
      if (!removed) throw new UserError(`no watch entry #${id}`, 'See the ids with `narrascope watch list`.');
      io.stdout.write(`removed watch entry #${id}\n`);
      return ExitCode.ok;
    }
    if (action !== 'list') throw new UserError(`unknown watch action "${action}"`, 'Use list, add or remove.');
    if (rest.length) throw new UserError(`unexpected argument "${rest[0]}"`, 'watch list takes no words; to add a claim: narrascope watch add "CLAIM"');
    const report = await withStore(args, io, false, (store) => watchReport(store.db));
    if (json) {
      io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      return ExitCode.ok;
    }
    if (!report.length) io.stdout.write('no watch entries; add one with `narrascope watch add "CLAIM"`\n');
    for (const e of report) {
      const lines = [`#${e.id}  ${visibleClaim(e.text)}${e.origin === 'ledger' ? '  (from a ledger)' : ''}`];
      if (!e.seen) lines.push('  not seen in the corpus');
      else {
        const f = e.firstAppearance;
        lines.push(`  seen ${e.count} time${e.count === 1 ? '' : 's'}; first ${f?.date ?? '(undated)'} in ${f?.outlet ?? '(no outlet)'} (${f?.documentHash.slice(0, 12)}): "${f?.text.slice(0, 120)}"`);
        lines.push(`  outlets: ${e.outlets.slice(0, 8).map((o) => `${o.outlet} (${o.count})`).join(', ') || '(none named)'}`);
        if (e.weeks.length) lines.push(`  by week: ${e.weeks.slice(-12).map((w) => `${w.week}: ${w.count}`).join(', ')}`);
      }
      io.stdout.write(terminalText(`${lines.join('\n')}\n`));
    }
    return ExitCode.ok;
  },
};
