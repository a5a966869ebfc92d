/**
 * A JSONL line whose field is a list nested very deep (`{"text": [[[[...]]]]}`, 200,000 levels) was parsed,
 * then String() of the list overflowed the stack: "internal error: Maximum call stack size exceeded", the
 * whole ingest ended and the lines after it unread. A nested list or object gives no value; the record is
 * reported as having no text, and the other lines are read. A list of scalars still gives its elements.
 */
import { describe, expect, it } from 'vitest';
import type { DocumentInit } from '../../src/core/text/document.js';
import { mapRecord } from '../../src/ingest/csv.js';
import { jsonlReader } from '../../src/ingest/jsonl.js';
import { InputError } from '../../src/ingest/types.js';

const DEPTH = 200_000;

describe('JSONL fields nested very deep', () => {
  it('give no value instead of overflowing the stack', () => {
    const deep = `${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`;
    const text = [
      '{"text": "Myth: the dam will burst tonight."}',
      `{"text": ${deep}}`,
      `{"text": "Fact: it is sound.", "outlet": ${deep}, "author": [${deep}, "A. Author"]}`,
    ].join('\n');
    const out = [
      ...(jsonlReader().read({ text, origin: 'file', uri: 'd.jsonl', warnings: [] }) as Iterable<
        DocumentInit | InputError
      >),
    ];
    expect(out.map((o) => (o instanceof InputError ? o.message.slice(0, 22) : o.text))).toEqual([
      'Myth: the dam will burst tonight.',
      'd.jsonl:2: no text (co',
      'Fact: it is sound.',
    ]);
    const third = out[2] as DocumentInit;
    expect([third.source?.outlet, third.source?.author]).toEqual([undefined, 'A. Author']);
  });

  it('a list of scalars still gives its elements, and the first for an outlet', () => {
    const doc = mapRecord(
      { text: 'Body', outlet: ['A', 'B'], author: ['X', null, 2] },
      {},
      { where: 'r.jsonl:1', kind: 'jsonl' },
    ) as DocumentInit;
    expect([doc.source?.outlet, doc.source?.author]).toEqual(['A', 'X+2']);
    const cell = mapRecord(
      { text: 'Body', outlet: '[["nested"], "B"]' },
      {},
      { where: 'r.csv:2', kind: 'csv' },
    ) as DocumentInit;
    expect(cell.source?.outlet).toBe('[["nested"], "B"]');
  });
});

describe('a record whose reading throws', () => {
  it("is that record's error, not the end of the run", () => {
    const record = {
      get text(): string {
        throw new RangeError('Maximum call stack size exceeded');
      },
    };
    const out = mapRecord(record, {}, { where: 'r.jsonl:7', kind: 'jsonl' });
    expect(out).toBeInstanceOf(InputError);
    expect((out as InputError).message).toBe(
      'r.jsonl:7: the record cannot be read (Maximum call stack size exceeded)',
    );
  });
});
