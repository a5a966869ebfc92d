/** Records piped to `ingest -` with --input-format jsonl or csv are streamed, past --max-bytes. */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readSources, type SourceItem } from '../../src/corpus/ingest/sources.js';

function line(item: SourceItem): string {
  if (item.kind === 'document') return `${item.origin} ${item.document.title ?? ''}|${item.document.text}`;
  return `${item.kind} ${item.origin}: ${item.kind === 'error' ? item.error.message : item.reason}`;
}

async function read(format: 'jsonl' | 'csv', parts: readonly (string | Buffer)[]): Promise<string[]> {
  const out: string[] = [];
  const stdin = Readable.from(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));
  for await (const item of readSources(
    ['-'],
    { format, stdin, maxBytes: 100 },
    { bytesDone: 0, bytesTotal: undefined },
  ))
    out.push(line(item));
  return out;
}

describe('piped records', () => {
  it('JSONL: read record by record, in chunks cut anywhere (over --max-bytes it was refused whole)', async () => {
    const text = [
      '{"text": "first piped record, with a few more words"}',
      '{"text": "second ✓ record"}',
      'not json',
      '{"text": "last"}',
    ].join('\n');
    const bytes = Buffer.from(text);
    const mid = bytes.indexOf('✓') + 1; // inside the character's three bytes
    expect(
      await read('jsonl', [bytes.subarray(0, 25), bytes.subarray(25, mid), bytes.subarray(mid), '\n']),
    ).toEqual([
      'standard input:1 |first piped record, with a few more words',
      'standard input:2 |second ✓ record',
      expect.stringMatching(/^error standard input:3: standard input:3: invalid JSON/u),
      'standard input:4 |last',
    ]);
    expect(bytes.length).toBeGreaterThan(100);
  });

  it('CSV: the separator from the header, rows streamed', async () => {
    const rows = `title;text\n${[1, 2, 3, 4].map((n) => `T${n};"Row ${n}, with a comma and some more words"`).join('\n')}\n`;
    expect(rows.length).toBeGreaterThan(100);
    expect(await read('csv', [rows.slice(0, 7), rows.slice(7)])).toEqual(
      [1, 2, 3, 4].map((n) => `standard input:${n + 1} T${n}|Row ${n}, with a comma and some more words`),
    );
  });
});
