/**
 * A lone UTF-16 surrogate in a title or another metadata field (a JSONL record's `"\ud800"`, a feed's
 * `&#xD800;`) was stored as it came: no UTF-8 encodes it, so each store, export and terminal made of it what
 * it would. Ingest makes each one U+FFFD (one unit for one, so offsets stay).
 */
import { describe, expect, it } from 'vitest';
import type { DocumentInit } from '../../src/core/text/document.js';
import { mapRecord } from '../../src/ingest/csv.js';
import { parseFeed } from '../../src/ingest/feed.js';
import { jsonlReader } from '../../src/ingest/jsonl.js';
import { oneLine, wellFormed } from '../../src/ingest/title.js';

const LONE = /\p{Cs}/u;

describe('wellFormed', () => {
  it.each([
    ['a\ud800b', 'a\ufffdb'],
    ['a\udc00', 'a\ufffd'],
    ['\udc00\ud800', '\ufffd\ufffd'],
    ['pair 😡 kept', 'pair 😡 kept'],
  ])('%j → %j', (raw, fixed) => {
    expect(wellFormed(raw)).toBe(fixed);
    expect(wellFormed(raw)).toHaveLength(raw.length);
    expect(oneLine(raw)).toBe(fixed);
  });
});

describe('readers', () => {
  it('a JSONL record: title, outlet, author, url and text', () => {
    const line = JSON.stringify({
      title: 'T',
      text: 'Myth: x.',
      outlet: 'O',
      author: 'A',
      url: 'https://e.org/a',
    })
      .replace('"T"', '"T\\ud800"')
      .replace('"O"', '"O\\udc00"')
      .replace('"A"', '"A\\ud83d"')
      .replace('"https://e.org/a"', '"https://e.org/\\udfff"')
      .replace('Myth: x.', 'Myth: \\ud800x.');
    const [doc] = [
      ...(jsonlReader().read({
        text: line,
        origin: 'file',
        uri: 'r.jsonl',
        warnings: [],
      }) as Iterable<DocumentInit>),
    ];
    expect([doc?.title, doc?.source?.outlet, doc?.source?.author, doc?.source?.uri, doc?.text]).toEqual([
      'T\ufffd',
      'O\ufffd',
      'A\ufffd',
      'https://e.org/\ufffd',
      'Myth: \ufffdx.',
    ]);
  });

  it('a CSV record mapped the same way', () => {
    const doc = mapRecord(
      { title: 'T\ud800', text: 'Body', outlet: '\udc00' },
      {},
      { where: 'r.csv:2', kind: 'csv' },
    ) as DocumentInit;
    expect([doc.title, doc.source?.outlet]).toEqual(['T\ufffd', '\ufffd']);
  });

  it("a feed's title and author given as character references", () => {
    const xml = `<rss version="2.0"><channel><title>Desk &#xD800;</title><item><title>Dam &#xDC00;</title><author>A. &#55296;</author><description>Myth: the dam will burst. Fact: it is sound.</description></item></channel></rss>`;
    const [doc] = parseFeed(xml, 'f.rss') as DocumentInit[];
    for (const v of [doc?.title, doc?.source?.outlet, doc?.source?.author]) expect(v).not.toMatch(LONE);
  });
});
