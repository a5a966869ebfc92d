import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvReader, mapRecord, streamCsvFile } from './csv.js';
import { InputError, type ReaderInput } from './types.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Two good rows, a row with a stray quote (line 4), then a good row: all in one read chunk.
const MID_ERROR = 'title,text\nA,"first good row"\nB,"second good row"\n"Bad quote,"unterminated\nC,"row after the bad one"\n';

function summary(items: readonly unknown[]): string[] {
  return items.map((o) => (o instanceof InputError ? `error ${o.message.split(': ')[0]}` : `doc ${(o as { title?: string }).title}`));
}

describe('CSV quoting errors', () => {
  it('streamCsvFile keeps the rows before a bad row of the same chunk, then reports it and stops', async () => {
    const path = join(dir, 'mid.csv');
    writeFileSync(path, MID_ERROR);
    const out = [];
    for await (const r of streamCsvFile(path, {}, { label: 'mid.csv' })) out.push(r.output);
    expect(summary(out)).toEqual(['doc A', 'doc B', 'error mid.csv:4']);
  });

  it('streamCsvFile reports an unclosed quote at the end of the file after the good rows', async () => {
    const path = join(dir, 'unclosed.csv');
    writeFileSync(path, 'title,text\nA,"good"\nB,"never closed\n');
    const out = [];
    for await (const r of streamCsvFile(path, {}, { label: 'unclosed.csv' })) out.push(r.output);
    expect(summary(out)).toEqual(['doc A', 'error unclosed.csv:3']);
  });

  it('csvReader (standard input, URLs) keeps the rows before a bad row too', () => {
    const input: ReaderInput = { text: MID_ERROR, uri: 'piped.csv', origin: 'stdin', warnings: [] };
    const out = [...(csvReader().read(input) as Iterable<unknown>)];
    expect(summary(out)).toEqual(['doc A', 'doc B', 'error piped.csv:4']);
  });
});

describe('CSV record size', () => {
  it('reports a record over maxBytes (a huge field) instead of holding it, and keeps the rows before it', async () => {
    const path = join(dir, 'big-field.csv');
    writeFileSync(path, `title,text\nA,"small"\nB,"${'word '.repeat(2000)}"\nC,"after"\n`);
    const out = [];
    for await (const r of streamCsvFile(path, {}, { label: 'big.csv', maxBytes: 1000 })) out.push(r.output);
    expect(summary(out)).toEqual(['doc A', 'error big.csv:3']);
    expect((out[1] as InputError).kind).toBe('too-large');
    expect((out[1] as InputError).hint).toMatch(/--max-bytes/u);
  });
});

describe('record metadata', () => {
  it('turns control characters of title, outlet and author into spaces (PostgreSQL refuses a NUL)', () => {
    const doc = mapRecord({ text: 'The pier\u0000 opens.', title: 'Ti\u0000tle', outlet: 'Out\u001b[5mlet', author: 'A\nB' }, {}, { where: 'x.jsonl:1', kind: 'jsonl' });
    expect(doc).not.toBeInstanceOf(InputError);
    const d = doc as Exclude<typeof doc, InputError>;
    expect([d.title, d.source?.outlet, d.source?.author]).toEqual(['Ti tle', 'Out [5mlet', 'A B']);
    expect(d.text).toBe('The pier\u0000 opens.'); // normalised later, with its offsets, by createDocument
  });
});

describe('record addresses', () => {
  const uri = (record: Record<string, string>, where: string): string | undefined => {
    const doc = mapRecord({ text: 'The pier opens.', ...record }, {}, { where, kind: 'csv' });
    return (doc as Exclude<typeof doc, InputError>).source?.uri;
  };

  it("are the record's http(s) url, else its label; read from a URL, the label is no address (it was written as the record's page)", () => {
    expect(uri({ url: 'https://example.org/pier' }, 'https://example.org/cases.csv:12')).toBe('https://example.org/pier');
    expect(uri({ url: 'javascript:alert(1)' }, 'cases.csv:12')).toBe('cases.csv:12');
    expect(uri({}, 'https://example.org/cases.csv:12')).toBeUndefined();
    expect(uri({ url: 'javascript:alert(1)' }, 'http://example.org/feed.jsonl:3')).toBeUndefined();
  });
});

describe('CSV separators', () => {
  // A spreadsheet saved in a decimal-comma locale: semicolons, commas inside the text.
  const SEMICOLON = 'title;text;outlet\nA;"Prices rose by 2,5 % in May, the office said.";Desk 1\nB;Second text, with a comma;Desk 2\n';

  it('streamCsvFile reads a semicolon-separated .csv by its header', async () => {
    const path = join(dir, 'semicolon.csv');
    writeFileSync(path, `\uFEFF${SEMICOLON}`);
    const out = [];
    for await (const r of streamCsvFile(path, {})) out.push(r.output as { title?: string; text: string; source: { outlet?: string } });
    expect(out.map((d) => [d.title, d.text, d.source.outlet])).toEqual([
      ['A', 'Prices rose by 2,5 % in May, the office said.', 'Desk 1'],
      ['B', 'Second text, with a comma', 'Desk 2'],
    ]);
  });

  it("reads Excel's `sep=;` first line as the separator, not the header, streamed or whole", async () => {
    const table = `sep=;\r\n${SEMICOLON.replace('title;text;outlet', 'title;text;outlet')}`;
    const path = join(dir, 'excel.tsv');
    // The sep line wins over the .tsv extension, as Excel reads it.
    writeFileSync(path, `\uFEFF${table}`);
    const streamed = [];
    for await (const r of streamCsvFile(path, {})) streamed.push(r);
    const whole = [...(csvReader().read({ text: table, uri: 'excel.tsv', origin: 'file', warnings: [] }) as Iterable<{ title?: string; text: string; source: { outlet?: string; uri?: string } }>)];
    for (const docs of [streamed.map((r) => r.output as (typeof whole)[number]), whole]) {
      expect(docs.map((d) => [d.title, d.text, d.source.outlet])).toEqual([
        ['A', 'Prices rose by 2,5 % in May, the office said.', 'Desk 1'],
        ['B', 'Second text, with a comma', 'Desk 2'],
      ]);
    }
    // Records are still labelled by their line in the file (the sep line is line 1, the header line 2).
    expect(streamed.map((r) => r.line)).toEqual([3, 4]);
    expect(whole.map((d) => d.source.uri)).toEqual(['excel.tsv:3', 'excel.tsv:4']);
  });

  it('reads a table whose lines end differently (a CRLF header over LF rows was one row of the whole file)', async () => {
    const table = 'title,text\r\nA,first\nB,"second\nline"\rC,third\n';
    const path = join(dir, 'mixed.csv');
    writeFileSync(path, table);
    const streamed = [];
    for await (const r of streamCsvFile(path, {})) streamed.push((r.output as { text: string }).text);
    const whole = [...(csvReader().read({ text: table, uri: 'mixed.csv', origin: 'file', warnings: [] }) as Iterable<{ text: string }>)].map((d) => d.text);
    expect(streamed).toEqual(['first', 'second\nline', 'third']);
    expect(whole).toEqual(streamed);
  });

  it('csvReader reads a tab-separated table named .csv, and a .tsv as tabs whatever its header', () => {
    const tabs: ReaderInput = { text: 'title\ttext\nA\tFirst, with a comma\n', uri: 'export.csv', origin: 'stdin', warnings: [] };
    expect([...(csvReader().read(tabs) as Iterable<{ text: string }>)].map((d) => d.text)).toEqual(['First, with a comma']);
    const tsv: ReaderInput = { text: 'a;b;c\ttext\nA\tB;C\n', uri: 'x.tsv', origin: 'stdin', warnings: [] };
    expect([...(csvReader().read(tsv) as Iterable<{ text: string }>)].map((d) => d.text)).toEqual(['B;C']);
  });
});

describe('--map naming a column the header lacks', () => {
  const table = 'title;text;outlet_name\nA;"first text";Alpha\nB;"second text";Beta\n';
  const expected = 'm.csv: --map outlet=outlet,text=body: the header has no column "outlet", "body" (its columns: "title", "text", "outlet_name")';

  it('fails the file once, naming the columns, read streamed or whole (rows were stored without an outlet)', async () => {
    const path = join(dir, 'm.csv');
    writeFileSync(path, table);
    const streamed = [];
    for await (const r of streamCsvFile(path, { outlet: 'outlet', text: 'body' }, { label: 'm.csv' })) streamed.push(r.output);
    const whole = [...(csvReader({ outlet: 'outlet', text: 'body' }).read({ text: table, uri: 'm.csv', origin: 'file', warnings: [] }) as Iterable<unknown>)];
    for (const out of [streamed, whole]) {
      expect(out).toHaveLength(1);
      expect((out[0] as InputError).message).toBe(expected);
    }
  });

  it('reads the file when every mapped column is there', async () => {
    const path = join(dir, 'ok.csv');
    writeFileSync(path, table);
    const out = [];
    for await (const r of streamCsvFile(path, { outlet: 'outlet_name' }, { label: 'ok.csv' })) out.push(r.output);
    expect(out.map((o) => (o as { source: { outlet?: string } }).source.outlet)).toEqual(['Alpha', 'Beta']);
  });
});

describe('a header that repeats a column the mapping reads', () => {
  it('fails the file (the last cell won and the first text was lost); an unread repeated column is fine', async () => {
    const path = join(dir, 'dup.csv');
    writeFileSync(path, 'title,text,text,note,note\nA,"first text",second,x,y\n');
    const out = [];
    for await (const r of streamCsvFile(path, {}, { label: 'dup.csv' })) out.push(r.output);
    expect(out.map((o) => (o as InputError).message)).toEqual(['dup.csv: the header names the column "text" 2 times (columns 2, 3), so its cells would be taken from one of them and the others lost']);
    const mapped = [];
    for await (const r of streamCsvFile(path, { text: 'title' }, { label: 'dup.csv' })) mapped.push(r.output);
    expect(mapped.map((o) => (o as { text: string }).text)).toEqual(['A']);
  });
});

describe('quotation marks in tab-separated files', () => {
  const TSV = 'id\ttext\n1\tHe said "no" today\n2\t"Quoted" said the minister\n3\t"A ""law"" quoted, as spreadsheets write it"\n4\tlast row\n';

  it('are text inside a field (the first one ended the file, the rows after it unread)', async () => {
    const path = join(dir, 'quotes.tsv');
    writeFileSync(path, TSV);
    const out = [];
    for await (const r of streamCsvFile(path, {})) out.push(r.output);
    expect(out.map((o) => (o instanceof InputError ? o.message : o.text))).toEqual(['He said "no" today', '"Quoted" said the minister', 'A "law" quoted, as spreadsheets write it', 'last row']);
  });

  it('still end a comma-separated file at a stray quote', async () => {
    const path = join(dir, 'stray.csv');
    writeFileSync(path, 'id,text\n1,He said "no" today\n2,after\n');
    const out = [];
    for await (const r of streamCsvFile(path, {})) out.push(r.output);
    expect(out.map((o) => (o instanceof InputError ? 'error' : o.text))).toEqual(['error']);
  });
});
