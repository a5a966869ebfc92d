import { describe, expect, it } from 'vitest';
import { markdownReader, markdownToText } from '../../src/ingest/markdown.js';

describe('markdownToText', () => {
  it.each([
    ['ATX heading with closing hashes', '## Myths and *facts* ##', '## Myths and facts'],
    ['setext heading', 'Reality check\n=====\n\nText.', '# Reality check\n\n\nText.'],
    [
      'emphasis, code, strike',
      'A **bold** and _odd_ `code` ~~gone~~ claim.',
      'A bold and odd code gone claim.',
    ],
    ['snake_case is not emphasis', 'see snake_case_name here', 'see snake_case_name here'],
    [
      'links, images, autolinks',
      'Read [the report](http://x.org "t"), ![a chart](c.png) <https://y.org>.',
      'Read the report, a chart https://y.org.',
    ],
    [
      'list markers kept, + becomes -',
      '+ one\n- two\n3. three\n- [x] done',
      '- one\n- two\n3. three\n- done',
    ],
    ['block quotes lose their markers', '> > nested **quote**', 'nested quote'],
    ['fenced code dropped', 'Before.\n\n```js\nconst lie = 1;\n```\n\nAfter.', 'Before.\n\n\n\n\n\nAfter.'],
    ['table rows keep cells, rules go', '| Myth | Fact |\n|---|:---:|\n| A | B |', 'Myth | Fact\n\nA | B'],
    [
      'link definitions and comments dropped',
      'Text [x][1].\n\n[1]: http://x.org\n<!-- hidden\nnote -->\nEnd.',
      'Text x.\n\n\n\n\nEnd.',
    ],
    ['entities decoded', 'Tom &amp; Jerry &lt;3', 'Tom & Jerry <3'],
    ['backslash escapes', '\\*not emphasis\\*', '*not emphasis*'],
  ])('%s', (_name, source, expected) => {
    expect(markdownToText(source).text).toBe(expected);
  });

  it('takes the title from front matter and drops the front matter', () => {
    const out = markdownToText('---\ntitle: "Harbour notes"\ndate: 2024-01-01\n---\nBody text.');
    expect(out.title).toBe('Harbour notes');
    expect(out.text).toBe('Body text.');
  });

  it('maps every kept word back to its offset in the Markdown source', () => {
    const source =
      '# Myths *and* facts\r\n\r\n1. **Lie**: the [port](http://x) is _closed_.\r\n> Truth: it is open.';
    const { text, sourceMap } = markdownToText(source);
    for (const word of ['Myths', 'facts', 'Lie', 'port', 'closed', 'Truth', 'open']) {
      const at = text.indexOf(word);
      expect(at).toBeGreaterThanOrEqual(0);
      const orig = sourceMap.toOriginal(at);
      expect(source.slice(orig, orig + word.length)).toBe(word);
    }
    // The synthetic list marker maps to the marker in the source.
    expect(
      source.slice(sourceMap.toOriginal(text.indexOf('1.')), sourceMap.toOriginal(text.indexOf('1.')) + 2),
    ).toBe('1.');
  });

  it('sniffs Markdown and not plain prose', () => {
    expect(markdownReader.sniff?.('# Title\n\nSee [a](http://b.c).')).toBeGreaterThan(0.5);
    expect(markdownReader.sniff?.('1. Lie: something.\nTruth: something else.')).toBeLessThan(0.5);
  });
});
