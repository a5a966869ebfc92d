/**
 * A CSV header with two columns whose names differ only in case (`Text,text`): default names match in
 * any case, so one was read as the text and the other dropped without a word, which one depending on
 * the spelling. The file now fails once, naming both columns and the --map that picks one.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DocumentInit } from '../../src/core/text/document.js';
import { csvReader, streamCsvFile, type ColumnMap } from '../../src/ingest/csv.js';
import { InputError } from '../../src/ingest/types.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-csv-twins-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The outputs of both CSV paths (streamed file, whole-text reader), which must agree. */
async function both(table: string, map: ColumnMap = {}): Promise<(DocumentInit | InputError)[][]> {
  const path = join(dir, 't.csv');
  writeFileSync(path, table);
  const streamed: (DocumentInit | InputError)[] = [];
  for await (const r of streamCsvFile(path, map, { label: 't.csv' })) streamed.push(r.output as DocumentInit | InputError);
  const whole = [...(csvReader(map).read({ text: table, uri: 't.csv', origin: 'file', warnings: [] }) as Iterable<DocumentInit | InputError>)];
  return [streamed, whole];
}

describe('CSV columns whose names differ only in case', () => {
  it.each([
    ['Text,text', 'Text,text\n"Myth: the dam will burst.","Миф: плотина прорвётся."\n', '"Text" and "text" (columns 1, 2)', 'text', '--map text=Text'],
    ['TEXT,Text (neither exact)', 'id,TEXT,Text\n1,one,two\n', '"TEXT" and "Text" (columns 2, 3)', 'text', '--map text=TEXT'],
    ['Title,title', 'Title,title,text\nA,B,"Myth: x."\n', '"Title" and "title" (columns 1, 2)', 'title', '--map title=Title'],
  ])('%s fails the file once, naming both columns', async (_name, table, columns, field, hint) => {
    for (const out of await both(table)) {
      expect(out).toHaveLength(1);
      const error = out[0] as InputError;
      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toBe(`t.csv: the header has the columns ${columns}, whose names differ only in case, so which one gives the ${field} is ambiguous`);
      expect(error.hint).toContain(hint);
    }
  });

  it('reads the column --map names, exactly', async () => {
    const table = 'Text,text\n"Myth: the dam will burst.","Миф: плотина прорвётся."\n';
    for (const [map, text] of [
      [{ text: 'Text' }, 'Myth: the dam will burst.'],
      [{ text: 'text' }, 'Миф: плотина прорвётся.'],
    ] as const) {
      for (const out of await both(table, map)) expect(out.map((o) => (o as DocumentInit).text)).toEqual([text]);
    }
  });

  it('lets twins through that nothing reads', async () => {
    for (const out of await both('Note,note,text\nx,y,"Myth: z."\n')) expect(out.map((o) => (o as DocumentInit).text)).toEqual(['Myth: z.']);
  });
});
