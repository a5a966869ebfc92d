/**
 * Record columns: a spreadsheet's header `Title,Text,Outlet` (or JSON keys "Text") matched none of the
 * lower-case default names, so every row failed with "no text"; default names now match in any case (an
 * exact match first; a --map name still exactly). And a CSV header without any column to take the text from
 * failed row by row (100,000 rows: 100,000 failures over half a minute); the file now fails once, naming
 * its columns.
 */
import { describe, expect, it } from 'vitest';
import type { DocumentInit } from '../../src/core/text/document.js';
import { csvReader, mapRecord, streamCsvFile } from '../../src/ingest/csv.js';
import { InputError } from '../../src/ingest/types.js';
import { Readable } from 'node:stream';

const read = (text: string, map = {}): (DocumentInit | InputError)[] => [
  ...(csvReader(map).read({ text, origin: 'file', uri: 't.csv', warnings: [] }) as Iterable<
    DocumentInit | InputError
  >),
];

describe('default column names in any case', () => {
  it('a CSV header Title,Text,Outlet,Published', () => {
    const [doc] = read(
      'Title,Text,Outlet,Published\nA,"Myth: the dam will burst.",Desk,2024-03-01\n',
    ) as DocumentInit[];
    expect([doc?.title, doc?.text, doc?.source?.outlet, doc?.source?.publishedAt?.slice(0, 10)]).toEqual([
      'A',
      'Myth: the dam will burst.',
      'Desk',
      '2024-03-01',
    ]);
  });

  it('JSON keys, an exact match first, and --map names exactly', () => {
    expect(
      (mapRecord({ TEXT: 'upper', text: 'exact' }, {}, { where: 'r:1', kind: 'jsonl' }) as DocumentInit).text,
    ).toBe('exact');
    expect((mapRecord({ Body: 'Myth: x.' }, {}, { where: 'r:1', kind: 'jsonl' }) as DocumentInit).text).toBe(
      'Myth: x.',
    );
    expect(mapRecord({ Claim: 'x' }, { text: 'claim' }, { where: 'r:1', kind: 'jsonl' })).toBeInstanceOf(
      InputError,
    );
  });
});

describe('a CSV header without a text column', () => {
  const table = `id,foo\n${Array.from({ length: 1000 }, (_, i) => `${i},bar`).join('\n')}\n`;

  it('fails the file once, naming its columns', async () => {
    const out = read(table);
    expect(out).toHaveLength(1);
    expect((out[0] as InputError).message).toBe(
      't.csv: the header has no text column (looked for text, content, body, article, claim, message, title, headline, name, subject; its columns: "id", "foo")',
    );
    const streamed = [];
    for await (const r of streamCsvFile(Readable.from([Buffer.from(table)]), {}, { label: 't.csv' }))
      streamed.push(r.output);
    expect(streamed.map((o) => (o instanceof InputError ? o.message.slice(0, 40) : 'document'))).toEqual([
      't.csv: the header has no text column (lo',
    ]);
  });

  it('a title column, or --map text=, is enough', () => {
    expect(read('id,Headline\n1,Myth: the dam will burst.\n')).toMatchObject([
      { text: 'Myth: the dam will burst.' },
    ]);
    expect(read('id,foo\n1,Myth: x.\n', { text: 'foo' })).toMatchObject([{ text: 'Myth: x.' }]);
  });
});
