/**
 * JSON Lines whose records have no field to take the text from failed line by line: a 3,000-line file
 * gave 3,000 "no text" errors (each a failure in the store), none naming the fields the records had.
 * The file now fails once, naming the fields seen and --map; records that do have a text field keep
 * their own errors.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DocumentInit } from '../../src/core/text/document.js';
import type { ColumnMap } from '../../src/ingest/csv.js';
import { jsonlReader, streamJsonlFile } from '../../src/ingest/jsonl.js';
import { NO_TEXT_FIELD_LIMIT } from '../../src/ingest/text-field-gate.js';
import { InputError } from '../../src/ingest/types.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-jsonl-text-field-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const lines = (records: readonly unknown[]): string => records.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n');

/** Each output as "LINE text" or "error MESSAGE", from the streamed file and from the whole-text reader. */
async function both(content: string, map: ColumnMap = {}): Promise<[string[], string[]]> {
  const path = join(dir, 'in.jsonl');
  writeFileSync(path, content);
  const show = (o: DocumentInit | InputError): string => (o instanceof InputError ? `error ${o.message}` : `text ${o.text}`);
  const streamed: string[] = [];
  for await (const r of streamJsonlFile(path, map, { label: 'in.jsonl' })) streamed.push(show(r.output));
  const whole = [...(jsonlReader(map).read({ text: content, uri: 'in.jsonl', origin: 'file', warnings: [] }) as Iterable<DocumentInit | InputError>)].map(show);
  return [streamed, whole];
}

const DEFAULTS = 'text, content, body, article, claim, message, title, headline, name, subject';

describe('JSONL records without a text field', () => {
  it('fail a long file once, after the first records, naming the fields seen', async () => {
    const records = Array.from({ length: 3000 }, (_, i) => ({ id: i, body_text: `Myth: the port closes ${i}.`, lang: 'en' }));
    for (const out of await both(lines(records))) {
      expect(out).toEqual([
        `error in.jsonl: no text to read: the first ${NO_TEXT_FIELD_LIMIT} records have no field named ${DEFAULTS} (fields seen: "id", "body_text", "lang")`,
      ]);
    }
  });

  it('fail a short file once, with the --map field it lacks', async () => {
    const content = lines([{ id: 1, body_text: 'a b c' }, { id: 2, body_text: 'd e f', note: 'x' }]);
    for (const out of await both(content, { text: 'body' })) {
      expect(out).toEqual(['error in.jsonl: no text to read: none of its 2 records has a field "body" (--map text=body) (fields seen: "id", "body_text", "note")']);
    }
    for (const out of await both(content, { text: 'body_text' })) expect(out).toEqual(['text a b c', 'text d e f']);
  });

  it('keep their own errors, in order, once a record has a text field', async () => {
    const content = lines([{ id: 1 }, 'not json', { id: 2, text: 'Myth: the dam will burst.' }, { id: 3, text: '' }, { id: 4 }]);
    for (const out of await both(content)) {
      expect(out.map((o) => o.replace(/ \(.*$/u, ''))).toEqual([
        'error in.jsonl:1: no text',
        'error in.jsonl:2: invalid JSON',
        'text Myth: the dam will burst.',
        'error in.jsonl:4: no text',
        'error in.jsonl:5: no text',
      ]);
    }
  });

  it('leave lines that are no JSON object as their own errors, before the file\'s', async () => {
    for (const out of await both(lines(['[1]', { id: 1 }]))) {
      expect(out.map((o) => o.slice(0, 40))).toEqual(['error in.jsonl:1: expected a JSON object', 'error in.jsonl: no text to read: its one']);
    }
  });

  it('fail a file that is no JSON Lines once, after its first lines', async () => {
    const text = Array.from({ length: 3000 }, (_, i) => `Plain line ${i}`).join('\n');
    for (const out of await both(text)) {
      expect(out).toHaveLength(1);
      expect(out[0]).toMatch(/^error in\.jsonl: not JSON Lines: none of its first 20 lines is a JSON object \(in\.jsonl:1: invalid JSON/u);
    }
    // A few bad lines before the records are the records' own errors.
    for (const out of await both(lines(['oops', { text: 'Myth: a b c.' }]))) expect(out.map((o) => o.slice(0, 24))).toEqual(['error in.jsonl:1: invali', 'text Myth: a b c.']);
  });
});
