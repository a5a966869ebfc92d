/**
 * Metadata is one line of text (src/ingest/title.ts oneLine): a page's <title>, a Markdown front-matter
 * title, a file name, a feed's title, outlet and author had their control characters kept, so an
 * ESC ]0;...BEL in a saved page's <title> was stored and written raw into exports and reports (the JSONL
 * and CSV readers already made them spaces).
 */
import { describe, expect, it } from 'vitest';
import type { DocumentInit } from '../../src/core/text/document.js';
import { parseFeed } from '../../src/ingest/feed.js';
import { htmlToText } from '../../src/ingest/html.js';
import { markdownToText } from '../../src/ingest/markdown.js';
import { oneLine, titleFromPath } from '../../src/ingest/title.js';

const SEQ = '\u001b]0;PWNED\u0007';

describe('oneLine', () => {
  it.each([
    [`Dam ${SEQ} rumours`, 'Dam ]0;PWNED rumours'],
    ['a\u0000b\u009bc', 'a b c'],
    ['  two\nlines\t ', 'two lines'],
    ['ünïcödé “quotes” — kept', 'ünïcödé “quotes” — kept'],
  ])('%j → %j', (raw, line) => {
    expect(oneLine(raw)).toBe(line);
  });
});

describe('readers', () => {
  it("a page's <title>, as raw characters or as references", () => {
    const body = `<body><article><p>${'Body text of the article. '.repeat(20)}</p></article></body>`;
    expect(htmlToText(`<html><head><title>Dam ${SEQ} rumours</title></head>${body}</html>`).title).toBe(
      'Dam ]0;PWNED rumours',
    );
    expect(
      htmlToText(`<html><head><title>Dam &#27;]0;X&#7; rumours</title></head>${body}</html>`).title,
    ).toBe('Dam ]0;X rumours');
  });

  it('a Markdown front-matter title', () => {
    expect(markdownToText(`---\ntitle: "Dam ${SEQ} notes"\n---\nBody text.`).title).toBe(
      'Dam ]0;PWNED notes',
    );
  });

  it('a title taken from a file name', () => {
    expect(titleFromPath(`/data/dam${SEQ}.txt`)).toEqual({ title: 'dam ]0;PWNED' });
  });

  it("a feed's title, outlet and author (CDATA keeps raw characters)", () => {
    const xml = `<rss version="2.0"><channel><title><![CDATA[Desk ${SEQ}]]></title><item><title><![CDATA[Dam ${SEQ}]]></title><author><![CDATA[A. ${SEQ}]]></author><description>Myth: the dam will burst. Fact: it is sound.</description></item></channel></rss>`;
    const [doc] = parseFeed(xml, 'f.rss') as DocumentInit[];
    expect([doc?.title, doc?.source?.outlet, doc?.source?.author]).toEqual([
      'Dam ]0;PWNED',
      'Desk ]0;PWNED',
      'A. ]0;PWNED',
    ]);
  });
});
