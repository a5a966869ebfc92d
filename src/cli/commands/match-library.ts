import {
  factCheckKey,
  libraryFiles,
  readFactCheckFile,
  listFactChecks,
  type FactCheckRecord,
} from '../../store/fact-checks/index.js';
import type { CliIO, ParsedArgs } from '../command.js';
import { UserError } from '../errors.js';
import { terminalText } from '../terminal-text.js';
import { columnsFlag, encodingFlag, formatFlag, openLibraryStore } from './factchecks.js';

/** A fact-check as `match` searches and reports it: from the store, a --library file or a --corpus row. */
export interface Entry {
  readonly id: string;
  readonly claim: string;
  readonly title: string | null;
  readonly record?: FactCheckRecord;
}

/**
 * How a --library fact-check is named in results: the table's id cell when it has one (`checks.csv:12#PF#7`
 * → PF#7), else its source (`reviews.json#3`, `page.html#script-2#3`, `checks.csv:12`). The text after the
 * last '#' was taken before: a ClaimReview was '3' in every file given, and an id holding '#' was cut.
 */
function libraryId(source: string, label: string): string {
  const rest = source.startsWith(label) ? source.slice(label.length) : source;
  const cell = /^:\d+#/u.exec(rest);
  return cell ? rest.slice(cell[0].length) : source;
}

/**
 * The fact-checks of the --library files, or else of the store; `rejected` counts the library rows that
 * could not be read (each named on stderr), which makes `match` exit 3 as `factchecks import` does.
 */
export async function loadLibrary(args: ParsedArgs, io: CliIO): Promise<{ entries: Entry[]; rejected: number }> {
  const files = Array.isArray(args.values.library)
    ? args.values.library.map(String)
    : typeof args.values.library === 'string'
      ? [args.values.library]
      : [];
  if (files.length) {
    const format = formatFlag(args);
    const mapping = columnsFlag(args);
    const encoding = encodingFlag(args);
    const entries: Entry[] = [];
    // The same fact-check twice (a page embedding its review in two scripts, a file given twice) is kept
    // once, by the key `factchecks import` stores by: twice, it took two result places and the library file
    // ranked otherwise than the same file imported into the store.
    const keys = new Set<string>();
    // Result ids given so far: a table's id cell repeated in another file (two CSVs numbering their rows
    // 1, 2, 3) gave two results of one id; the later one is named `id#2` (the first free such name).
    const ids = new Set<string>();
    let repeated = 0;
    let rejected = 0;
    // A folder stands for the library files in it.
    const paths: { path: string; label: string }[] = [];
    for (const spec of files) {
      try {
        paths.push(...(await libraryFiles(spec, io.cwd)));
      } catch (e) {
        throw new UserError((e as Error).message, 'Check the path of --library.');
      }
    }
    for (const { path, label: f } of paths) {
      let batch;
      try {
        batch = await readFactCheckFile(path, {
          ...(format ? { format } : {}),
          ...(mapping ? { mapping } : {}),
          ...(encoding ? { encoding } : {}),
          label: f,
        });
      } catch (e) {
        throw new UserError((e as Error).message, 'Check the path of --library.');
      }
      for (const n of batch.notices ?? []) io.stderr.write(terminalText(`narrascope match: warning: ${n}`) + '\n');
      // Sources and reasons quote the file (a CSV id, a JSON parser's snippet): no escape sequences from it.
      for (const r of batch.rejected)
        io.stderr.write(terminalText(`narrascope match: skipped ${r.source}: ${r.reason}`) + '\n');
      rejected += batch.rejected.length;
      for (const r of batch.records) {
        const key = factCheckKey(r);
        if (keys.has(key)) {
          repeated++;
          continue;
        }
        keys.add(key);
        let id = libraryId(r.source, f);
        if (ids.has(id)) {
          let n = 2;
          while (ids.has(`${id}#${n}`)) n++;
          io.stderr.write(
            terminalText(
              `narrascope match: warning: ${r.source}: the id "${id}" is also the id of a fact-check of an earlier file; this one is named "${id}#${n}"`,
            ) + '\n',
          );
          id = `${id}#${n}`;
        }
        ids.add(id);
        entries.push({ id, claim: r.claim, title: r.title, record: r });
      }
    }
    if (repeated)
      io.stderr.write(
        `narrascope match: ${repeated} fact-check(s) repeated in the library files, kept once\n`,
      );
    return { entries, rejected };
  }
  const store = await openLibraryStore(args, io, false);
  try {
    const entries = (await listFactChecks(store.db)).map((r) => ({
      id: r.id,
      claim: r.claim,
      title: r.title,
      record: r,
    }));
    return { entries, rejected: 0 };
  } finally {
    await store.close();
  }
}
