import { describe, expect, it } from 'vitest';
import { createDocument } from '../../src/core/text/document.js';
import { htmlToText } from '../../src/ingest/html.js';
import { markdownToText } from '../../src/ingest/markdown.js';

/** Small deterministic PRNG (mulberry32) so failures reproduce. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomText(random: () => number, pieces: readonly string[], n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += pieces[Math.floor(random() * pieces.length)];
  return out;
}

const MD = [
  'word ',
  'Myth',
  ': ',
  '*',
  '**',
  '_',
  '`',
  '```',
  '\n',
  '\n\n',
  '# ',
  '## ',
  '- ',
  '1. ',
  '> ',
  '[',
  ']',
  '(',
  ')',
  '![',
  '|',
  '---',
  '&amp;',
  '\\',
  '<b>',
  '</b>',
  '<!--',
  '-->',
  '\r\n',
  '😡',
  'é',
];
const HTML = [
  'word ',
  'Fact',
  '<html>',
  '<body>',
  '<head><title>Fact word</title></head>',
  '<p>',
  '</p>',
  '<div>',
  '</div>',
  '<b>',
  '</b>',
  '<br>',
  '<h2>',
  '</h2>',
  '<li>',
  '<ul>',
  '</ul>',
  '<ol start="3">',
  '&amp;',
  '&nbsp;',
  '<',
  '>',
  '"',
  '<!--',
  '-->',
  '<script>',
  '</script>',
  '<table><tr><td>',
  '</td></tr></table>',
  '\n',
  '😡',
  'ж',
];

describe('readers on random input (seeded)', () => {
  it('markdownToText never throws, and every letter maps to the same letter in the source', () => {
    for (let seed = 1; seed <= 150; seed++) {
      const random = rng(seed);
      const source = randomText(random, MD, 5 + Math.floor(random() * 60));
      const { text, sourceMap } = markdownToText(source);
      for (let i = 0; i < text.length; i++) {
        const o = sourceMap.toOriginal(i);
        expect(o >= 0 && o <= source.length, `seed ${seed}: offset ${i} → ${o}`).toBe(true);
        if (/[a-zA-Zé]/u.test(text[i] as string)) expect(source[o], `seed ${seed} at ${i}`).toBe(text[i]);
      }
    }
  });

  it('htmlToText never throws, keeps offsets inside the markup and (nearly) increasing, and makes a valid document', () => {
    for (let seed = 1; seed <= 80; seed++) {
      const random = rng(seed);
      const raw = randomText(random, HTML, 5 + Math.floor(random() * 80));
      const page = htmlToText(raw);
      let previous = 0;
      for (let i = 0; i < page.text.length; i++) {
        const o = page.sourceMap.toOriginal(i);
        expect(o >= 0 && o <= raw.length, `seed ${seed}: offset ${i} → ${o}`).toBe(true);
        // Synthetic markers ("## ", "12. ") stand at their block's start, so the map may step back by a marker's length, never more.
        expect(o, `seed ${seed}: offsets go back at ${i}`).toBeGreaterThanOrEqual(previous - 8);
        previous = o;
      }
      const doc = createDocument({ text: page.text, sourceMap: page.sourceMap });
      expect(doc.sourceMap.toOriginal(doc.text.length)).toBeLessThanOrEqual(raw.length + 2);
    }
  });
});
