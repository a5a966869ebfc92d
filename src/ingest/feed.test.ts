import { describe, expect, it } from 'vitest';
import type { DocumentInit } from '../core/text/document.js';
import { decodeDeclared } from './decode.js';
import { fetchFeed, htmlToPlain, parseFeed } from './feed.js';
import { InputError, type ReaderOutput } from './types.js';

function documents(outputs: readonly ReaderOutput[]): DocumentInit[] {
  return outputs.filter((o): o is DocumentInit => !(o instanceof InputError));
}

const rss = (items: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Ents</title>${items}</channel></rss>`;

describe('feed items written in HTML', () => {
  it('decodes numeric (decimal and hex) and named references in CDATA, once', () => {
    expect(
      htmlToPlain('<p>it&#8217;s &#x2014; &rsquo;q&lsquo; &hellip; &amp;lt;b&amp;gt; &unknown;</p>'),
    ).toBe('it\u2019s \u2014 \u2019q\u2018 \u2026 &lt;b&gt; &unknown;');
  });

  it('drops inline tags without a trace, so punctuation stays on its word (was "a summary .")', () => {
    expect(htmlToPlain('<p>This is a <b>summary</b>. It has <a href="x">a link</a>, and <em class="e">emphasis</em>!</p><p>Next <span>one</span>.</p>')).toBe(
      'This is a summary. It has a link, and emphasis!\n\nNext one.',
    );
    // Tags of other elements still separate words, and a tag whose name only starts like an inline one is not one.
    expect(htmlToPlain('<table><tr><td>left</td><td>right</td></tr></table> <abbr>NATO</abbr><aside>note</aside>')).toBe('left right NATO note');
  });

  it('reads an item with a reference to no character, and the other items (the whole feed failed)', () => {
    const out = parseFeed(
      rss(
        '<item><title>One</title><description><![CDATA[<p>Bad &#99999999; and &#xD800; and &#0; here.</p>]]></description></item>' +
          '<item><title>Two</title><description>Second item text.</description></item>',
      ),
      'f.rss',
    );
    expect(documents(out).map((d) => d.text)).toEqual([
      'Bad \ufffd and \ufffd and \ufffd here.',
      'Second item text.',
    ]);
  });
});

/** "Канал" and "Текст о войне" in windows-1251, inside a feed that says so only in its XML declaration. */
const CP1251_FEED = Buffer.concat([
  Buffer.from('<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel><title>'),
  Buffer.from([0xca, 0xe0, 0xed, 0xe0, 0xeb]),
  Buffer.from('</title><item><description>'),
  Buffer.from([0xd2, 0xe5, 0xea, 0xf1, 0xf2, 0x20, 0xee, 0x20, 0xe2, 0xee, 0xe9, 0xed, 0xe5]),
  Buffer.from('</description></item></channel></rss>'),
]);

describe('feeds in a legacy encoding', () => {
  it('follow the encoding of the XML declaration (a file was read as UTF-8, every letter U+FFFD)', () => {
    const decoded = decodeDeclared(new Uint8Array(CP1251_FEED), 'f.rss', undefined);
    expect(decoded.encoding).toBe('windows-1251');
    const [doc] = documents(parseFeed(decoded.text, 'f.rss'));
    expect([doc?.text, doc?.source?.outlet]).toEqual(['Текст о войне', 'Канал']);
  });

  it('follow the charset of a fetched feed, else its XML declaration', async () => {
    for (const type of ['application/rss+xml; charset=windows-1251', 'application/rss+xml']) {
      const fake = (async () =>
        new Response(new Uint8Array(CP1251_FEED), { headers: { 'content-type': type } })) as typeof fetch;
      const xml = await fetchFeed('https://example.org/feed.xml', { fetch: fake });
      expect(documents(parseFeed(xml, 'https://example.org/feed.xml'))[0]?.text).toBe('Текст о войне');
    }
  });
});

describe('Atom entries', () => {
  it('read content of type xhtml, in order, with its paragraphs (such an entry had no text)', () => {
    const atom = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Outlet</title>
<entry><title>X</title><link href="https://example.org/a"/><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The <b>sanctions</b> have failed &amp; will fail.</p><p>Second para.</p></div></content></entry>
<entry><title>Y</title><summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Only a <i>summary</i>.</div></summary></entry>
<entry><title>Z</title><content type="html">&lt;p&gt;Escaped &amp;amp; HTML.&lt;/p&gt;</content></entry></feed>`;
    const out = parseFeed(atom, 'f.atom');
    expect(documents(out).map((d) => [d.title, d.text])).toEqual([
      ['X', 'The sanctions have failed & will fail.\n\nSecond para.'],
      ['Y', 'Only a summary.'],
      ['Z', 'Escaped & HTML.'],
    ]);
  });
});

describe('relative item links', () => {
  const uris = (xml: string, label: string): (string | undefined)[] =>
    documents(parseFeed(xml, label)).map((d) => d.source?.uri);

  it('are made absolute against the channel link, xml:base or the feed link, else the feed URL (they were stored as /news/1)', () => {
    const items =
      '<item><link>/news/1</link><description>a</description></item><item><link>2.html</link><description>b</description></item>';
    expect(
      uris(
        `<rss version="2.0"><channel><title>T</title><link>https://site.example/section/</link>${items}</channel></rss>`,
        'f.rss',
      ),
    ).toEqual(['https://site.example/news/1', 'https://site.example/section/2.html']);
    expect(
      uris(
        `<rss version="2.0"><channel><title>T</title>${items}</channel></rss>`,
        'https://feeds.example/x/rss.xml',
      ),
    ).toEqual(['https://feeds.example/news/1', 'https://feeds.example/x/2.html']);
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><link rel="alternate" href="https://blog.example/"/>
      <entry><link href="/p/1"/><summary>a</summary></entry><entry xml:base="https://other.example/d/"><link href="p2"/><summary>b</summary></entry></feed>`;
    expect(uris(atom, 'a.atom')).toEqual(['https://blog.example/p/1', 'https://other.example/d/p2']);
  });

  it('are no address without an http(s) base (the item label instead), and absolute links are kept', () => {
    const xml =
      '<rss version="2.0"><channel><title>T</title><item><link>/news/1</link><description>a</description></item><item><link>https://x.example/2</link><description>b</description></item></channel></rss>';
    expect(uris(xml, 'f.rss')).toEqual(['f.rss#1', 'https://x.example/2']);
  });
});

describe('items without a link, in a feed read from a URL', () => {
  it("have no address: the feed's own URL with #N was taken for the item's page (ClaimReview reviewed the feed, its items superseding each other)", () => {
    const xml =
      '<rss version="2.0"><channel><title>T</title><item><description>a</description></item><item><link>https://x.example/2</link><description>b</description></item></channel></rss>';
    expect(documents(parseFeed(xml, 'https://feeds.example/rss.xml')).map((d) => d.source?.uri)).toEqual([undefined, 'https://x.example/2']);
    expect(documents(parseFeed(xml, 'feeds/news.xml')).map((d) => d.source?.uri)).toEqual(['feeds/news.xml#1', 'https://x.example/2']);
  });
});

describe('item links of other schemes', () => {
  const uris = (xml: string, label: string): (string | undefined)[] =>
    documents(parseFeed(xml, label)).map((d) => d.source?.uri);
  const links = [
    'javascript:alert(1)',
    'JavaScript:alert(document.cookie)',
    ' java&#9;script:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ms-msdt:/id PCWDiagnostic',
    'https:no-slashes',
  ];

  it('never become the document address, even with an http(s) base (a javascript: link was stored as the address)', () => {
    const items = links.map((l) => `<item><link>${l}</link><description>a</description></item>`).join('');
    // Read from a URL, the feed's label is an http(s) address, the feed's: such items have none.
    const expected = links.map(() => undefined);
    expect(
      uris(`<rss version="2.0"><channel><title>T</title><link>https://site.example/</link>${items}</channel></rss>`, 'https://feeds.example/rss.xml'),
    ).toEqual(expected);
    const entries = links.map((l) => `<entry><link href="${l.replace(/&/gu, '&amp;').replace('&amp;#9;', '&#9;')}"/><summary>a</summary></entry>`).join('');
    expect(
      uris(`<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><link href="https://blog.example/"/>${entries}</feed>`, 'a.atom'),
    ).toEqual(links.map((_, i) => `a.atom#${i + 1}`));
  });
});

describe('item dates', () => {
  it('are read from RFC 822 and numeric forms; an unreadable one is left out with a warning (it was dropped silently)', () => {
    const item = (date: string): string =>
      `<item><pubDate>${date}</pubDate><description>text</description></item>`;
    const out = documents(
      parseFeed(
        rss(item('Mon, 04 Mar 2024 10:00:00 GMT') + item('01.02.2024') + item('next Tuesday')),
        'f.rss',
      ),
    );
    expect(out.map((d) => [d.source?.publishedAt, d.warnings ?? []])).toEqual([
      ['2024-03-04T10:00:00.000Z', []],
      ['2024-02-01T00:00:00.000Z', []],
      [
        undefined,
        [
          'f.rss#3: "next Tuesday" is not a date Narrascope can read; the document is stored without a publication date',
        ],
      ],
    ]);
  });
});
