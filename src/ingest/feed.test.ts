import { describe, expect, it } from 'vitest';
import type { DocumentInit } from '../core/text/document.js';
import { htmlToPlain, parseFeed } from './feed.js';
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
