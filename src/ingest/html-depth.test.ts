import { describe, expect, it } from 'vitest';
import { flattenDeepNesting } from './html-depth.js';
import { htmlToText } from './html.js';

describe('flattenDeepNesting', () => {
  it('leaves ordinary markup alone, unclosed paragraphs and list items included', () => {
    const page = `<html><body><ul>${'<li>item'.repeat(3000)}</ul>${'<p>para'.repeat(3000)}<br><img src=x></body></html>`;
    expect(flattenDeepNesting(page, 100)).toEqual({ html: page, depth: 3 });
  });

  it('blanks the tags below the limit with spaces, keeping every offset and the text between them', () => {
    const raw = `<body>${'<div class="a">'.repeat(5)}deep <!-- <div> --><script>"<div>"</script>${'</div>'.repeat(5)}</body>`;
    const flat = flattenDeepNesting(raw, 3);
    expect(flat.depth).toBe(6);
    expect(flat.html).toHaveLength(raw.length);
    expect(flat.html.replace(/ {2,}/gu, ' ')).toBe(
      '<body><div class="a"><div class="a"> deep <!-- <div> --><script>"<div>"</script> </div></div></body>',
    );
    expect(flat.html.indexOf('deep')).toBe(raw.indexOf('deep'));
  });
});

describe('htmlToText on very deep markup', () => {
  // linkedom's parse grows with the square of the depth: this page took about a minute, 10 MB half an hour.
  it('reads 150,000 nested elements at once, with the real depth in the warning and offsets into the file', () => {
    const raw = `<html><body>${'<div><span>'.repeat(75_000)}<p>The minister lied again.</p>${'</span></div>'.repeat(75_000)}</body></html>`;
    const page = htmlToText(raw);
    expect(page.text).toBe('The minister lied again.');
    expect(page.warnings[0]).toMatch(/nests elements 150002 levels deep/u);
    expect(raw.slice(page.sourceMap.toOriginal(4), page.sourceMap.toOriginal(4) + 8)).toBe('minister');
  });
});
