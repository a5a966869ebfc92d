import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isJunkBlock } from '../../src/ingest/html-clean.js';
import { htmlReader, htmlToText } from '../../src/ingest/html.js';

const fixture = readFileSync(new URL('../fixtures/inputs/article.html', import.meta.url), 'utf8');

describe('htmlToText on an article page', () => {
  const page = htmlToText(fixture);

  it('extracts the article with Readability and takes its title', () => {
    expect(page.extractor).toBe('readability');
    expect(page.title).toBe('Myths and facts about the harbour project');
  });

  it('puts the headline Readability took out back as the first heading', () => {
    expect(page.text.startsWith('# Myths and facts about the harbour project\n\nThe town council')).toBe(
      true,
    );
    const at = page.sourceMap.toOriginal(2);
    expect(fixture.slice(at, at + 5)).toBe('Myths');
    expect(at).toBeGreaterThan(fixture.indexOf('<h1>'));
  });

  it('does not invent a headline from a <title> the page does not show', () => {
    const shown = htmlToText(
      '<html><head><title>Tab label</title></head><body><article><p>' +
        'Body text of the article. '.repeat(20) +
        '</p></article></body></html>',
    );
    expect(shown.title).toBe('Tab label');
    expect(shown.text.startsWith('Body text')).toBe(true);
  });

  it('keeps headings and list items as Markdown-style markers and separates blocks', () => {
    expect(page.text).toContain('\n\n## Myth 1\n\nThe harbour is a secret military base');
    expect(page.text).toContain('1. Lie: the port will close the beach.');
    expect(page.text).toContain('2. Truth: the beach stays open all year.');
  });

  it.each([
    'Advertisement',
    'Share on Facebook',
    'cookies',
    'Subscribe',
    'Related:',
    'Home',
    'tracking',
    '©',
  ])('drops page furniture: %s', (junk) => {
    expect(page.text).not.toContain(junk);
  });

  it('decodes entities', () => {
    expect(page.text).toContain('town hall & online');
  });

  it.each(['The town council', 'secret military base', 'Lie:', 'Truth:', 'Residents can send', 'Fact'])(
    'maps "%s" back to the raw markup',
    (phrase) => {
      const at = page.text.indexOf(phrase);
      const raw = page.sourceMap.toOriginal(at);
      expect(fixture.slice(raw, raw + phrase.length)).toBe(phrase);
    },
  );

  it('maps a word after an entity to its place in the markup', () => {
    const at = page.text.indexOf('online.', page.text.indexOf('&'));
    const raw = page.sourceMap.toOriginal(at);
    expect(fixture.slice(raw - 6, raw + 7)).toBe('&amp; online.');
  });

  it('does not take the article words from the <meta> description that repeats them', () => {
    const at = page.text.indexOf('secret military base');
    expect(page.sourceMap.toOriginal(at)).toBeGreaterThan(fixture.indexOf('<body'));
  });
});

describe('htmlToText on bad markup', () => {
  it('reads 10,000 nested divs without overflowing the stack, with a warning', () => {
    const raw = `<html><body>${'<div>'.repeat(10_000)}<p>Deep text. It is a sentence.</p>${'</div>'.repeat(10_000)}</body></html>`;
    const page = htmlToText(raw);
    expect(page.text).toBe('Deep text. It is a sentence.');
    expect(page.extractor).toBe('body');
    expect(page.warnings[0]).toMatch(/nests elements \d+ levels deep/u);
  });

  it.each([
    [
      'unclosed tags',
      '<html><body><p>First <b>bold <i>claim</p><p>Second paragraph',
      'First bold claim\n\nSecond paragraph',
    ],
    ['a fragment without html/body', '<p>Only a fragment.</p><p>Two.</p>', 'Only a fragment.\n\nTwo.'],
    ['stray < characters', '<p>a < b and c > d</p>', 'a < b and c > d'],
    ['an unclosed comment', '<p>Visible.</p><!-- never closed <p>hidden</p>', 'Visible.'],
    [
      'a short page read whole, without its navigation and cookie bar',
      '<body><nav><a>Home</a> <a>World</a></nav><div id="cookie-consent">We use cookies.</div><p>Short note.</p></body>',
      'Short note.',
    ],
    ['br inside a paragraph', '<p>Line one<br>line two</p>', 'Line one\nline two'],
    [
      'a word split by inline markup',
      '<p><span class="dropcap">T</span>he <b>co</b>uncil <i>said</i>, “no”.</p>',
      'The council said, “no”.',
    ],
    ['nested lists', '<ul><li>One<ul><li>Inner</li></ul></li><li>Two</li></ul>', '- One\n\n- Inner\n\n- Two'],
    ['an ordered list with start', '<ol start="4"><li>Four</li><li>Five</li></ol>', '4. Four\n\n5. Five'],
    ['a page with <html> but no <body> tag', '<html><p>The council <b>met</b>.</p></html>', 'The council met.'],
    [
      'a page with <head> and no <body> tag',
      '<html><head><title>T</title></head><p>First.</p><p>Second.</p></html>',
      'First.\n\nSecond.',
    ],
  ])('copes with %s', (_name, raw, expected) => {
    expect(htmlToText(raw).text).toBe(expected);
  });

  it('maps both fragments of a split word into the markup', () => {
    const raw = '<p><span class="dropcap">T</span>he council met.</p>';
    const page = htmlToText(raw);
    expect(page.text).toBe('The council met.');
    expect(raw[page.sourceMap.toOriginal(0)]).toBe('T');
    expect(raw.slice(page.sourceMap.toOriginal(1), page.sourceMap.toOriginal(1) + 2)).toBe('he');
  });

  it('maps the text of a page without a <body> tag into the markup', () => {
    const raw = '<html><head><title>Note</title></head><p>The council met on Friday.</p></html>';
    const page = htmlToText(raw);
    const at = page.text.indexOf('Friday');
    expect(raw.slice(page.sourceMap.toOriginal(at), page.sourceMap.toOriginal(at) + 6)).toBe('Friday');
  });

  it('yields no text (and the reader no document text) for a page without words', () => {
    expect(htmlToText('<html><head><script>x()</script></head><body><img src=a></body></html>').text).toBe(
      '',
    );
  });
});

describe('isJunkBlock', () => {
  it.each([
    'Advertisement',
    'ADVERTISEMENT',
    'Share this article',
    'Facebook Twitter WhatsApp Email',
    'Subscribe to our newsletter',
    'We use cookies to improve your experience.',
    'Read more',
    'Accept all cookies',
  ])('junk: %s', (text) => expect(isJunkBlock(text)).toBe(true));
  it.each([
    'The advertisement campaign was paid for by the ministry.',
    'Share prices fell on Monday.',
    'Follow the money, the report says, and you will find the donors.',
    'Email records show the order was given on 3 May.',
  ])('prose: %s', (text) => expect(isJunkBlock(text)).toBe(false));
});

describe('htmlReader.sniff', () => {
  it.each([
    ['<!DOCTYPE html><html>', 1],
    ['  <html lang="en">', 1],
    ['<div class="x"><p>text</p></div>', 0.7],
    ['Plain text about <b> tags.', 0],
  ])('%s → %d', (head, score) => expect(htmlReader.sniff?.(head)).toBe(score));
});
