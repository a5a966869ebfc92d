/**
 * The HTML report (`analyze --format html`) with hostile document text: markup, comments, </textarea>,
 * attribute breakers, control characters and bidirectional overrides in the title, the address, claims,
 * evidence and the text. The report must stay inert (no element or attribute from the document, nothing
 * loaded, no base or form target) and show the text in the order of its characters.
 */
import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../src/analyzer.js';
import type { AnalysisResult } from '../../src/core/result/types.js';
import { formatHtml } from '../../src/export/format/index.js';
import { colourFor } from '../../src/export/format/palette.js';
import { fixtureResult } from './fixture.js';

const PAYLOAD =
  '</textarea><script>alert(1)</script><style>*{display:none}</style><svg onload=alert(2)><!-- x" onmouseover="alert(3)\' `';
const TEXT = [
  `Myth: ${PAYLOAD} The dam will \u202eterces\u202c burst tonight according to \u2067them\u2069.`,
  'Fact: Engineers of the water board say the dam is sound, see https://example.org/dam-report and <a href="javascript:alert(4)">this</a>.',
  'Myth: The water in the reservoir is poisoned \u001b]0;PWNED\u0007 by disgusting traitors.',
  'Fact: Laboratory tests by the ministry show it is safe to drink.',
].join('\n');

let cached: AnalysisResult | undefined;
async function hostile(): Promise<AnalysisResult> {
  cached ??= await new Analyzer().analyzeText(TEXT, {
    title: `Dam ${PAYLOAD} \u202erumours`,
    source: { kind: 'feed', uri: 'https://example.org/\u202efdp.exe', outlet: 'Example Daily' },
  });
  return cached;
}

describe('the HTML report with hostile text', () => {
  it('holds no element or attribute from the document, and no link', async () => {
    const html = formatHtml([await hostile()]);
    for (const tag of [
      'script',
      'style',
      'svg',
      'textarea',
      'img',
      'a',
      'iframe',
      'object',
      'embed',
      'base',
      'form',
      'link',
      'math',
    ]) {
      // Our own stylesheet is the one <style> element.
      expect(html.match(new RegExp(`<${tag}[\\s>/]`, 'giu'))?.length ?? 0).toBe(tag === 'style' ? 1 : 0);
    }
    expect(html).not.toMatch(/<!--/u);
    // Inside a tag: the words themselves appear as escaped text.
    expect(html).not.toMatch(/<[^>]*\s(?:on\w+|href|src|action|formaction|srcdoc)\s*=/iu);
    expect(html).toContain('&#60;/textarea&#62;&#60;script&#62;alert(1)&#60;/script&#62;');
  });

  it('is self-contained under a policy that allows no script, load, base or form target', async () => {
    const html = formatHtml([await hostile()]);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/u.exec(html)?.[1];
    expect(csp?.split(/;\s*/u)).toEqual([
      "default-src 'none'",
      "style-src 'unsafe-inline'",
      "base-uri 'none'",
      "form-action 'none'",
    ]);
    // The policy comes before anything taken from the document.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<title>'));
    expect(html).not.toMatch(/url\(|@import/u);
  });

  it('leaves out control characters and bidirectional overrides (a claim read in reverse), and isolates the address', async () => {
    const html = formatHtml([await hostile()]);
    // eslint-disable-next-line no-control-regex
    expect(html).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u);
    expect(html).toContain('The dam will terces burst tonight according to them.');
    expect(html).toContain('<bdi>https://example.org/fdp.exe</bdi> · language');
  });

  it('keeps left-to-right and right-to-left marks, which place punctuation in Arabic and Hebrew text', async () => {
    const r = await new Analyzer().analyzeText(
      'Myth: \u05d4\u05e1\u05db\u05e8 \u05d9\u05d9\u05e4\u05e8\u05e5\u200f!\nFact: \u05d4\u05e1\u05db\u05e8 \u05d1\u05d8\u05d5\u05d7\u200f.',
    );
    expect(formatHtml([r])).toContain('\u200f!');
  });

  it('lays out right-to-left text by paragraph and cell, in its language (it ran left to right, punctuation on the wrong side)', async () => {
    const r = await new Analyzer().analyzeText(
      '\u0627\u0644\u0633\u062f \u0633\u064a\u0646\u0647\u0627\u0631!\nThe dam is sound.',
      { language: 'ar' },
    );
    const html = formatHtml([r]);
    expect(html).toContain('<div class="card doc" lang="ar"');
    expect(html).toMatch(/\.doc \{[^}]*unicode-bidi: plaintext; text-align: start;/u);
    expect(html).toMatch(/\btd \{ unicode-bidi: plaintext; text-align: start; \}/u);
  });

  it('gives the title heading the direction of its own text (an Arabic title ending in "!" had it at the wrong end)', async () => {
    const r = await new Analyzer().analyzeText('\u0627\u0644\u0633\u062f \u0633\u064a\u0646\u0647\u0627\u0631!\nThe dam is sound.', {
      language: 'ar',
      title: '\u0627\u0644\u0633\u062f (2024)!',
    });
    expect(formatHtml([r])).toContain('<h1 dir="auto">\u0627\u0644\u0633\u062f (2024)!</h1>');
  });
});

describe('the HTML report of several documents', () => {
  it('gives a label the same colour in every document (numbered per document, it took another label\'s colour)', () => {
    const base = fixtureResult();
    const relabelled = (hash: string, label: string): AnalysisResult => ({
      ...fixtureResult({ hash }),
      findings: base.findings.map((f) => ({ ...f, taxonomy: [`semeval2023:${label}`] })),
    });
    // The second document's only label is the second of the report's sorted labels.
    const html = formatHtml([relabelled('a'.repeat(64), 'Appeal_to_Fear-Prejudice'), relabelled('b'.repeat(64), 'Loaded_Language')]);
    for (const [d, label] of [[0, 'Appeal_to_Fear-Prejudice'], [1, 'Loaded_Language']] as const) {
      const n = new RegExp(`<label for="tg${d}-(\\d+)"><span class="sw l(\\d+)"></span>${label}<`, 'u').exec(html);
      expect(n, label).not.toBeNull();
      expect(n![1]).toBe(n![2]);
      expect(html).toContain(`<mark class="h l${n![2]}"`);
      expect(html).toContain(`#d${d} .l${n![2]}{background:${colourFor(label)}}`);
      expect(html).toContain(`id="tg${d}-${n![1]}" checked`);
    }
  });
});

describe('the HTML report clips long quotes', () => {
  it('between characters, never inside an emoji (half of it was written, and shown as U+FFFD)', () => {
    const base = fixtureResult();
    const quote = `x${'🌊'.repeat(150)}`; // 301 units: unit 200 is the first half of a pair
    const r: AnalysisResult = { ...base, findings: [{ ...base.findings[0]!, family: 'structure', span: { ...base.findings[0]!.span, text: quote } }] };
    const html = formatHtml([r]);
    expect(html).not.toMatch(/\p{Cs}/u);
    expect(html).toContain(`<td>${quote.slice(0, 199)}</td>`);
  });
});

describe('the HTML report of a document with a blank title', () => {
  it('names it by its address, not with an empty heading', () => {
    const r = fixtureResult();
    const html = formatHtml([{ ...r, document: { ...r.document, title: ' \t ' } }]);
    expect(html).toContain('<h1 dir="auto">https://example.org/dam-myths</h1>');
    expect(html).toContain('<title>Narrascope report — https://example.org/dam-myths</title>');
  });
});
