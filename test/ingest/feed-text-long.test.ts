/**
 * A feed item's HTML with many unclosed openings ("<script", "<b ", "<") made htmlToPlain's patterns scan the
 * rest of the text from every one (20,000 of them: 10 to 33 s; the 10 MiB limit allowed hours), and a page
 * block of many dots before a letter did the same to the junk-block check (40,000: 7 s). Tags are now found
 * by a scan from each "<" to the next ">", and the dots trimmed by a loop. Each case here, a megabyte long,
 * would not end within the test's time before; the text comes out as it should.
 */
import { describe, expect, it } from 'vitest';
import { htmlToPlain } from '../../src/ingest/feed.js';
import { isJunkBlock } from '../../src/ingest/html-clean.js';

const N = 200_000;

describe('feed item text with many unclosed openings', () => {
  it.each([
    ['"<script"', '<script'.repeat(N), '<script'.repeat(N)],
    ['"<b "', `Myth ${'<b '.repeat(N)}`, `Myth ${'<b '.repeat(N)}`.trim().replace(/ +/gu, ' ')],
    ['"<"', `Fact ${'<'.repeat(5 * N)}`, `Fact ${'<'.repeat(5 * N)}`],
    [
      '"<style>" without its end',
      `<style>a{}</style>Myth${'<style>'.repeat(N)}`,
      `Myth${'<style>'.repeat(N)}`.replace(/<style>/gu, ' ').trim(),
    ],
  ])(
    '%s',
    (_name, html, text) => {
      expect(htmlToPlain(html)).toBe(text);
    },
    60_000,
  );

  it('tags are read as before', () => {
    expect(
      htmlToPlain(
        '<p>Myth: the <b>dam</b> will <a href="x">burst</a>.<br/>Fact: <script>x()</script><STYLE>p{}</STYLE>it is <i>sound</i>.</p><div>Next</div>',
      ),
    ).toBe('Myth: the dam will burst.\n\nFact: it is sound.\n\nNext');
  });

  it('a block of many dots before a letter is checked as junk or not', () => {
    expect(isJunkBlock(`${'.'.repeat(5 * N)}x`)).toBe(false);
    expect(isJunkBlock('Share this article…')).toBe(true);
  }, 60_000);
});
