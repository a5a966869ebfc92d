/**
 * Lines that made the Markdown reader's patterns quadratic: a long run of blanks before a list marker (the
 * table-rule pattern split it every way: 40,000 spaces took 6 s), a heading or table row whose trailing
 * blanks were trimmed by `/[ \t]+$/` (every start in the run tried), and a line of "[[[[", "![![" or
 * "[a]([a](" (every bracket scanned the rest of the line: 40,000 took 7 to 33 s). Under the 10 MiB input
 * limit that was hours for one file. Each case here, a megabyte long, would not end within the test's time
 * before; the text comes out as it should.
 */
import { describe, expect, it } from 'vitest';
import { markdownToText } from '../../src/ingest/markdown.js';

const N = 1_000_000;

describe('Markdown lines a megabyte long', () => {
  it.each([
    ['blanks before a list marker', `${' '.repeat(N)}- item`, `${' '.repeat(N)}- item`],
    ['blanks inside a heading', `# Dam${' '.repeat(N)}x`, `# Dam${' '.repeat(N)}x`],
    ['blanks before a closing hash', `# Dam${' '.repeat(N)}#`, '# Dam'],
    ['blanks in a table row', `| a |${' '.repeat(N)}x`, `a |${' '.repeat(N)}x`],
    ['opening brackets', '['.repeat(N), '['.repeat(N)],
    ['image openings', '!['.repeat(N / 2), '!['.repeat(N / 2)],
    ['unclosed link targets', '[a]('.repeat(N / 4), '[a]('.repeat(N / 4)],
    ['unclosed autolinks', '<http://a'.repeat(N / 9), '<http://a'.repeat(N / 9)],
  ])(
    '%s',
    (_name, source, text) => {
      expect(markdownToText(source).text).toBe(text);
    },
    60_000,
  );

  it('links, images, headings and tables read as before', () => {
    expect(
      markdownToText(
        '# Dam rumours ##  \n\n| a | b |  \n|---|---|\nSee [the report](https://e.org/r "Report") and ![a map](m.png), <https://e.org/x>.',
      ).text,
    ).toBe('# Dam rumours\n\na | b\n\nSee the report and a map, https://e.org/x.');
  });
});
