/** JSONL and CSV files found in a folder are streamed as when they are named on the command line. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSources, type SourceItem } from '../../src/corpus/ingest/sources.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-folder-records-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function line(item: SourceItem): string {
  if (item.kind === 'document') return `${item.origin} ${item.document.source.uri ?? ''}`;
  return `${item.kind} ${item.origin}: ${item.kind === 'error' ? item.error.message : item.reason}`;
}

describe('a folder of record files', () => {
  it('streams its JSONL and CSV files past --max-bytes (they were refused whole as over the limit)', async () => {
    mkdirSync(join(dir, 'in', 'sub'), { recursive: true });
    const record = (n: number): string => JSON.stringify({ text: `Record ${n} ${'words '.repeat(20)}` });
    writeFileSync(join(dir, 'in', 'sub', 'a.jsonl'), `${[1, 2, 3].map(record).join('\n')}\n`); // ~420 bytes
    writeFileSync(
      join(dir, 'in', 'b.csv'),
      `title,text\n${[1, 2, 3].map((n) => `T${n},"Row ${n} ${'words '.repeat(20)}"`).join('\n')}\n`,
    );
    writeFileSync(join(dir, 'in', 'c.txt'), 'A short text file.');
    writeFileSync(join(dir, 'in', 'd.png'), 'not read');
    const out: string[] = [];
    for await (const item of readSources(
      ['in/'],
      { cwd: dir, maxBytes: 200 },
      { bytesDone: 0, bytesTotal: undefined },
    ))
      out.push(line(item));
    expect(out).toEqual([
      'in/b.csv:2 in/b.csv:2',
      'in/b.csv:3 in/b.csv:3',
      'in/b.csv:4 in/b.csv:4',
      'in/c.txt in/c.txt',
      'skipped in/d.png: unsupported file type ".png"',
      'in/sub/a.jsonl:1 in/sub/a.jsonl:1',
      'in/sub/a.jsonl:2 in/sub/a.jsonl:2',
      'in/sub/a.jsonl:3 in/sub/a.jsonl:3',
    ]);
  });
});
