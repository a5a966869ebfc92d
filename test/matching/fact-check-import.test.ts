import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  countFactChecks,
  importClaimReviews,
  importFactCheckTable,
  ledgerFactChecks,
  listFactChecks,
  looksLikeHtml,
  parseColumnMapping,
  readFactCheckFile,
  saveFactChecks,
} from '../../src/store/fact-checks/index.js';
import { openStore } from '../../src/store/index.js';
import { dialects } from '../store/dialects.js';
import { ledgerClaimReviews } from '../../src/export/claimreview/index.js';
import { fixtureResult, ledgerItem } from '../export/fixture.js';

const review = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  '@context': 'https://schema.org',
  '@type': 'ClaimReview',
  claimReviewed: 'Drinking sea water cures colds.',
  reviewRating: { '@type': 'Rating', ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: 'False' },
  author: { '@type': 'Organization', name: 'Example Checks' },
  url: 'https://checks.example/sea-water',
  datePublished: '2026-01-10',
  itemReviewed: {
    '@type': 'Claim',
    author: { '@type': 'Person', name: 'A. Poster' },
    appearance: [{ '@type': 'CreativeWork', url: 'https://social.example/p/1' }],
  },
  ...over,
});

describe('ClaimReview import', () => {
  it.each([
    ['a single object', JSON.stringify(review()), 1],
    ['an array', JSON.stringify([review(), review({ claimReviewed: 'Bridges melt in summer.' })]), 2],
    [
      'an @graph',
      JSON.stringify({ '@context': 'https://schema.org', '@graph': [{ '@type': 'WebPage' }, review()] }),
      1,
    ],
    ['a nested mainEntity', JSON.stringify({ '@type': 'WebPage', mainEntity: review() }), 1],
    ['a schema: prefixed type list', JSON.stringify({ ...review(), '@type': ['schema:ClaimReview'] }), 1],
  ])('reads %s', (_name, text, n) => {
    const out = importClaimReviews(text, 'in.json');
    expect(out.rejected).toEqual([]);
    expect(out.records).toHaveLength(n);
    expect(out.records[0]).toMatchObject({
      claim: 'Drinking sea water cures colds.',
      verdict: 'false',
      rating: 'False',
      ratingValue: 1,
      publisher: 'Example Checks',
      claimAuthor: 'A. Poster',
      appearances: ['https://social.example/p/1'],
      origin: 'claimreview',
      warnings: [],
    });
  });

  it('reads ld+json blocks from an HTML page without running any script', () => {
    const html = `<!doctype html><html><head><script>globalThis.pwned = true</script>
      <script type="application/ld+json">${JSON.stringify(review())}</script>
      <script type='application/ld+json'>{ not json }</script></head><body>x</body></html>`;
    const out = importClaimReviews(html, 'page.html');
    expect(out.records).toHaveLength(1);
    expect(out.rejected).toEqual([
      { source: 'page.html#script-2', reason: expect.stringContaining('not valid JSON') },
    ]);
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
  });

  it('reads script elements as a browser does: not inside comments, not data-type, quoted > in attributes', () => {
    const json = JSON.stringify(review());
    const page = `<!doctype html><html><head>
      <!-- retracted: <script type="application/ld+json">${JSON.stringify(review({ claimReviewed: 'Retracted claim.' }))}</script> -->
      <script type="text/plain" data-type="application/ld+json">${JSON.stringify(review({ claimReviewed: 'Held back.' }))}</script>
      <script data-note="a > b" type="application/ld+json"><!--
      ${json}
      --></script></head><body>x</body></html>`;
    const out = importClaimReviews(page, 'page.html');
    expect(out.rejected).toEqual([]);
    expect(out.records.map((r) => [r.claim, r.source])).toEqual([['Drinking sea water cures colds.', 'page.html#script-1#1']]);
    // A slash separates attributes too.
    const slash = `<html><script/type="application/ld+json">${json}</script></html>`;
    expect(importClaimReviews(slash, 'p.html').records).toHaveLength(1);
  });

  it.each([
    ['<![CDATA[', ']]>'],
    ['//<![CDATA[\n', '\n//]]>'],
    ['/*<![CDATA[*/', '/*]]>*/'],
    ['<!--', '-->'],
  ])('reads JSON wrapped in %s ... %s', (open, close) => {
    const page = `<html><script type="application/ld+json">${open}${JSON.stringify(review())}${close}</script></html>`;
    const out = importClaimReviews(page, 'p.html');
    expect(out.rejected).toEqual([]);
    expect(out.records).toHaveLength(1);
  });

  it('passes over an empty ld+json block instead of rejecting it as invalid JSON', () => {
    const page = `<html><script type="application/ld+json"></script><script type="application/ld+json"> <!-- --> </script><script type="application/ld+json">${JSON.stringify(review())}</script></html>`;
    const out = importClaimReviews(page, 'p.html');
    expect(out.rejected).toEqual([]);
    expect(out.records.map((r) => r.source)).toEqual(['p.html#script-3#1']);
    expect(importClaimReviews('<html><script type="application/ld+json"> </script></html>', 'e.html').rejected).toEqual([
      { source: 'e.html', reason: 'no object with "@type": "ClaimReview" was found' },
    ]);
  });

  it('reads a script after an empty comment written <!--> or <!--->', () => {
    for (const empty of ['<!-->', '<!--->']) {
      const page = `<html>${empty}<script type="application/ld+json">${JSON.stringify(review())}</script><!-- x --></html>`;
      expect(importClaimReviews(page, 'p.html').records, empty).toHaveLength(1);
    }
  });

  it('reads a page of many unclosed script tags in one pass', () => {
    const page = `<html>${'<script type="application/ld+json">{"a":1}'.repeat(50_000)}`;
    expect(importClaimReviews(page, 'p.html').rejected[0]!.reason).toMatch(/not valid JSON/u);
    // A tag of 10 MB of attributes without '>': the tag pattern overflowed the stack (an internal error).
    const longTag = `<html><script type="application/ld+json" ${'a'.repeat(10_000_000)}`;
    expect(importClaimReviews(longTag, 'p.html').rejected[0]!.reason).toMatch(/no <script type="application\/ld\+json"> block/u);
    // A script of many spaces: the wrapper patterns backtracked over them (200,000: about a minute).
    const spaces = `<html><script type="application/ld+json">{${' '.repeat(200_000)}x</script>`;
    expect(importClaimReviews(spaces, 'p.html').rejected[0]!.reason).toMatch(/not valid JSON/u);
    // Telling a page from JSON: 200,000 tags without '>' took minutes.
    expect(looksLikeHtml(`x${'<script '.repeat(200_000)}`)).toBe(false);
    expect(looksLikeHtml('Saved page {"a": 1} <script type="application/ld+json">')).toBe(true);
  });

  it('reads a JSON file as JSON when a string in it quotes an ld+json script tag', () => {
    // A scraped page's HTML kept beside its review: the file was read as a page and lost every review.
    const html = '<html><script type="application/ld+json">{"@type":"Thing"}</script></html>';
    const json = `\uFEFF ${JSON.stringify([review({ reviewBody: html }), review({ claimReviewed: 'Bridges melt.' })])}`;
    expect(looksLikeHtml(json)).toBe(false);
    const out = importClaimReviews(json, 'scraped.json');
    expect(out.rejected).toEqual([]);
    expect(out.records.map((r) => [r.claim, r.rebuttal])).toEqual([
      ['Drinking sea water cures colds.', html],
      ['Bridges melt.', null],
    ]);
  });

  it('imports with warnings when recommended fields are missing, rejects without a claim', () => {
    const out = importClaimReviews(
      JSON.stringify([
        review({
          author: undefined,
          url: 'ftp://x',
          reviewRating: undefined,
          datePublished: undefined,
          itemReviewed: undefined,
        }),
        review({ claimReviewed: '' }),
      ]),
      'in.json',
    );
    expect(out.records[0]!.warnings).toEqual([
      'reviewRating',
      'author',
      'url',
      'datePublished',
      'itemReviewed',
    ]);
    expect(out.rejected).toEqual([
      { source: 'in.json#2', reason: expect.stringContaining('without claimReviewed') },
    ]);
  });

  it('follows @id references to nodes of the @graph (author, publisher, claim, rating), as site generators write them', () => {
    const graph = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebPage', '@id': 'https://checks.example/sea-water#page', mainEntity: { '@id': 'https://checks.example/sea-water#review' } },
        {
          ...review({ author: { '@id': 'https://checks.example/#org' }, itemReviewed: { '@id': 'https://checks.example/sea-water#claim' } }),
          '@id': 'https://checks.example/sea-water#review',
          reviewRating: { '@id': 'https://checks.example/sea-water#rating' },
        },
        { '@type': 'Organization', '@id': 'https://checks.example/#org', name: 'Example Checks' },
        { '@type': 'Claim', '@id': 'https://checks.example/sea-water#claim', author: [{ '@id': 'https://checks.example/#poster' }] },
        { '@type': 'Person', '@id': 'https://checks.example/#poster', name: 'A. Poster' },
        { '@type': 'Rating', '@id': 'https://checks.example/sea-water#rating', ratingValue: 1, alternateName: 'False' },
      ],
    };
    const out = importClaimReviews(JSON.stringify(graph), 'page.json');
    expect(out.rejected).toEqual([]);
    expect(out.records).toHaveLength(1);
    expect(out.records[0]).toMatchObject({
      publisher: 'Example Checks',
      claimAuthor: 'A. Poster',
      rating: 'False',
      verdict: 'false',
      ratingValue: 1,
      warnings: [],
    });
    // A reference to nothing in the page is read as missing, with its warning.
    const dangling = importClaimReviews(JSON.stringify(review({ author: { '@id': '#nobody' } })), 'in.json');
    expect(dangling.records[0]!.warnings).toEqual(['author']);
  });

  it('reads a review whose values nest 50,000 lists deep without overflowing the stack', () => {
    // 'Maximum call stack size exceeded' was thrown, and the whole file rejected with its good reviews.
    const deep = `${'['.repeat(50_000)}"x"${']'.repeat(50_000)}`;
    const text = `[{"@type":"ClaimReview","claimReviewed":${deep}},{"@type":"ClaimReview","claimReviewed":"Bridges melt.","author":${deep},"reviewRating":${deep}}]`;
    const out = importClaimReviews(text, 'deep.json');
    expect(out.records.map((r) => [r.claim, r.publisher])).toEqual([['Bridges melt.', null]]);
    expect(out.rejected).toEqual([{ source: 'deep.json#1', reason: expect.stringMatching(/without claimReviewed/u) }]);
  });

  it('reads JSON Lines, one review per line, rejecting a bad line on its own', () => {
    // The file was rejected whole: 'not valid JSON (Unexpected non-whitespace character after JSON ...)'.
    const text = `${JSON.stringify(review())}\r\n\n${JSON.stringify(review({ claimReviewed: 'Bridges melt.' }))}\n{broken\n`;
    const out = importClaimReviews(text, 'dump.jsonl');
    expect(out.records.map((r) => [r.claim, r.source])).toEqual([
      ['Drinking sea water cures colds.', 'dump.jsonl:1#1'],
      ['Bridges melt.', 'dump.jsonl:3#2'],
    ]);
    expect(out.rejected).toEqual([{ source: 'dump.jsonl:4', reason: expect.stringMatching(/^the line is not valid JSON/u) }]);
    // Pretty-printed JSON that is not valid stays one error for the file.
    const pretty = importClaimReviews('{\n  "@type": "ClaimReview",\n}\n', 'p.json');
    expect(pretty.rejected).toEqual([{ source: 'p.json', reason: expect.stringMatching(/^not valid JSON/u) }]);
  });

  it('reads properties named by a schema: compact IRI or a full schema.org IRI', () => {
    // Rejected as 'ClaimReview without claimReviewed', although its schema:ClaimReview type was recognised.
    const prefixed = Object.fromEntries(Object.entries(review()).map(([k, v]) => [k.startsWith('@') ? k : `schema:${k}`, v]));
    const out = importClaimReviews(
      JSON.stringify({
        '@context': { schema: 'https://schema.org/' },
        '@graph': [
          { ...prefixed, '@type': 'schema:ClaimReview', 'schema:author': { 'schema:name': 'Example Checks' } },
          {
            '@type': ['http://schema.org/ClaimReview'],
            'http://schema.org/claimReviewed': [{ '@value': 'Bridges melt.' }],
            // A plain name present wins over its prefixed duplicate.
            'https://schema.org/url': 'https://other.example/x',
            url: 'https://checks.example/bridges',
          },
        ],
      }),
      'p.json',
    );
    expect(out.rejected).toEqual([]);
    expect(out.records[0]).toMatchObject({ claim: 'Drinking sea water cures colds.', rating: 'False', publisher: 'Example Checks', url: 'https://checks.example/sea-water', claimAuthor: 'A. Poster', warnings: [] });
    expect(out.records[1]).toMatchObject({ claim: 'Bridges melt.', url: 'https://checks.example/bridges' });
  });

  it('warns about a date that is not an ISO 8601 date, keeping it as written', () => {
    const out = importClaimReviews(JSON.stringify([review({ datePublished: 'yesterday' }), review({ datePublished: '2022-02-30' })]), 'in.json');
    expect(out.records.map((r) => [r.datePublished, r.warnings])).toEqual([
      ['yesterday', ['datePublished']],
      ['2022-02-30', ['datePublished']],
    ]);
    const table = importFactCheckTable('claim,rating,publisher,url,date\nBridges melt,False,Desk,https://d.example/1,3 March 2020\n', 'f.csv');
    expect(table.records[0]).toMatchObject({ datePublished: '3 March 2020', warnings: ['date'] });
  });

  it('keeps a rating without a value without one (it was stored as 0)', () => {
    const noValue = review({ reviewRating: { '@type': 'Rating', alternateName: 'Misleading' } });
    const blank = review({ reviewRating: { '@type': 'Rating', alternateName: 'False', ratingValue: ' ' } });
    const out = importClaimReviews(JSON.stringify([noValue, blank, review({ reviewRating: undefined })]), 'in.json');
    expect(out.records.map((r) => r.ratingValue)).toEqual([null, null, null]);
    expect(importClaimReviews(JSON.stringify(review()), 'in.json').records[0]!.ratingValue).toBe(1);
  });

  it.each([
    ['not JSON', '{', /not valid JSON/u],
    ['no ClaimReview', '{"@type":"Article"}', /no object with "@type": "ClaimReview"/u],
    ['a page without ld+json', '<html><body>hi</body></html>', /no <script type="application\/ld\+json">/u],
  ])('rejects %s with the reason', (_name, text, reason) => {
    const out = importClaimReviews(text, 'x');
    expect(out.records).toEqual([]);
    expect(out.rejected[0]!.reason).toMatch(reason);
  });
});

describe('CSV/TSV import', () => {
  it('recognises common headers and quoted fields', () => {
    const csv =
      'claim,rating,publisher,url\n"Bridges melt, in summer",Pants on Fire,Desk,https://d.example/1\n,False,Desk,\n';
    const out = importFactCheckTable(csv, 'f.csv');
    expect(out.records).toEqual([
      expect.objectContaining({
        claim: 'Bridges melt, in summer',
        verdict: 'false',
        rating: 'Pants on Fire',
        publisher: 'Desk',
        url: 'https://d.example/1',
        warnings: [],
      }),
    ]);
    expect(out.rejected).toEqual([{ source: 'f.csv:3', reason: 'the claim cell is empty' }]);
  });

  it('names the line a row starts on, past cells spanning lines and blank lines', () => {
    const csv = 'claim,rating\n"A claim\nover two lines",False\n\n\n,False\nBridges melt,True\n';
    const out = importFactCheckTable(csv, 'f.csv');
    expect(out.records.map((r) => r.source)).toEqual(['f.csv:2', 'f.csv:7']);
    expect(out.rejected).toEqual([{ source: 'f.csv:6', reason: 'the claim cell is empty' }]);
  });

  it('takes the best-named column of a field, not the leftmost recognised one', () => {
    // 'source' and 'text' are fallbacks: the publisher was the tweet's address and the claim the article.
    const csv = 'id,source,text,publisher,claim,label,rating\n1,https://social.example/p/1,A long article.,Desk,Bridges melt,mixture,False\n';
    expect(importFactCheckTable(csv, 'f.csv').records[0]).toMatchObject({
      claim: 'Bridges melt',
      publisher: 'Desk',
      rating: 'False',
    });
    // A fallback name still serves when it is the only one.
    expect(importFactCheckTable('text,source\nBridges melt,Desk\n', 'g.csv').records[0]).toMatchObject({
      claim: 'Bridges melt',
      publisher: 'Desk',
    });
  });

  it('reads a semicolon-separated export (decimal-comma locales) by its header', () => {
    const out = importFactCheckTable('claim;rating;publisher\n"Prices rose 2,5 %, says X";Falsch;Desk\n', 'f.csv');
    expect(out.records).toEqual([expect.objectContaining({ claim: 'Prices rose 2,5 %, says X', rating: 'Falsch', publisher: 'Desk' })]);
    expect(out.rejected).toEqual([]);
  });

  it('uses a column mapping and detects TSV', () => {
    const tsv = 'n\tstatement\theadline\n7\tThe moon is cheese\tIs the moon cheese?\n';
    const out = importFactCheckTable(tsv, 'f.tsv', {
      mapping: parseColumnMapping('id=n,claim=statement,title=headline'),
    });
    expect(out.records[0]).toMatchObject({
      claim: 'The moon is cheese',
      title: 'Is the moon cheese?',
      source: 'f.tsv:2#7',
      warnings: ['rating', 'publisher', 'url'],
    });
  });

  it('rejects a file without a claim column, and a mapping to a missing column', () => {
    expect(importFactCheckTable('a,b\n1,2\n', 'f.csv').rejected[0]!.reason).toMatch(/no claim column/u);
    expect(
      importFactCheckTable('a,b\n1,2\n', 'f.csv', { mapping: { claim: 'nope' } }).rejected[0]!.reason,
    ).toMatch(/column "nope"/u);
    expect(() => parseColumnMapping('colour=x')).toThrow(/unknown field "colour"/u);
  });

  it('imports the rows before a row it cannot read and reports that row', () => {
    const batch = importFactCheckTable('claim,rating\n"Wind turbines cause cancer",False\n"Bridges melt",False\n"never closed,False\n', 'f.csv');
    expect(batch.records.map((r) => r.claim)).toEqual(['Wind turbines cause cancer', 'Bridges melt']);
    expect(batch.rejected.map((r) => r.source)).toEqual(['f.csv:4']);
    expect(batch.rejected[0]!.reason).toMatch(/^not readable as CSV \(.*\); this row and the rest of the file were not read$/u);
    expect(importFactCheckTable('"claim,rating\n', 'g.csv').records).toEqual([]);
  });

  it('names the line where a quote that is never closed opens, not the end of the file', () => {
    // The parser gives up at the last line: the message named line 1003 for a stray quote on line 3.
    const rows = Array.from({ length: 1000 }, (_, i) => `${i + 3}\tClaim number ${i + 3}\r\n`).join('');
    const tsv = `id\tclaim\r\n1\tFirst claim\r\n\r\n\r\n2\t"Unclosed quote claim\r\n${rows}`;
    const batch = importFactCheckTable(tsv, 'f.tsv', { delimiter: '\t' });
    expect(batch.records.map((r) => r.claim)).toEqual(['First claim']);
    expect(batch.rejected).toEqual([
      { source: 'f.tsv:5', reason: expect.stringMatching(/^not readable as TSV \(Quote Not Closed.*\); this row and the rest of the file were not read$/u) },
    ]);
    expect(importFactCheckTable('"claim,rating\nx,y\n', 'g.csv').rejected.map((r) => r.source)).toEqual(['g.csv:1']);
  });

  it('takes a cell or value of invisible characters only for an empty one', () => {
    // A claim of U+200B was imported as a fact-check that no query could match.
    const table = importFactCheckTable('claim,rating\n\u200b,False\n\u00ad\ufeff ,False\nBridges melt,\u200b\n', 'f.csv');
    expect(table.rejected).toEqual([
      { source: 'f.csv:2', reason: 'the claim cell is empty' },
      { source: 'f.csv:3', reason: 'the claim cell is empty' },
    ]);
    expect(table.records[0]).toMatchObject({ claim: 'Bridges melt', rating: null });
    const reviews = importClaimReviews(JSON.stringify([review({ claimReviewed: '\u200b\u2060' }), review({ author: { name: '\u200b' } })]), 'r.json');
    expect(reviews.rejected.map((r) => r.reason)).toEqual([expect.stringMatching(/without claimReviewed/u)]);
    expect(reviews.records[0]).toMatchObject({ publisher: null, warnings: ['author'] });
  });

  it('rejects a table with a header line and no rows, saying so', () => {
    // It was rejected by nothing: the import ended 'see the reasons above' with no reason above.
    for (const text of ['claim,rating\n', 'claim,rating\r\n\r\n\r\n'])
      expect(importFactCheckTable(text, 'f.csv')).toEqual({
        records: [],
        rejected: [{ source: 'f.csv', reason: 'the table has a header line but no rows' }],
      });
  });

  it('quotes at most 200 characters of a header that has no claim column', () => {
    const reason = importFactCheckTable(`${'x'.repeat(5000)}\n1\n`, 'f.csv').rejected[0]!.reason;
    expect(reason.length).toBeLessThan(400);
  });
});

describe('fact-check files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'narrascope-fcfile-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a device that never ends (/dev/zero) at the size limit instead of reading it whole', async () => {
    await expect(readFactCheckFile('/dev/zero', { maxBytes: 1024 * 1024 })).rejects.toThrow('cannot read /dev/zero: larger than 1 MB');
  });

  it('refuses a binary file (e.g. a database given by mistake) without quoting its bytes', async () => {
    const path = join(dir, 'library.db');
    writeFileSync(path, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(2000, 7)]));
    await expect(readFactCheckFile(path, { label: 'library.db' })).rejects.toThrow(/^library\.db looks like a binary file \(it contains a NUL byte at offset 15\), not text$/u);
  });

  it('reads a UTF-16 TSV with a BOM (a spreadsheet\'s "Unicode text" export)', async () => {
    const path = join(dir, 'checks.tsv');
    writeFileSync(path, Buffer.from('\ufeffclaim\trating\nThe sea is boiling\tFalse\n', 'utf16le'));
    const batch = await readFactCheckFile(path);
    expect(batch.records.map((r) => [r.claim, r.rating])).toEqual([['The sea is boiling', 'False']]);
  });

  it('reads windows-1251 by --encoding or a page\'s <meta charset>, and says when bytes were replaced', async () => {
    // Windows-1251 bytes were replaced with U+FFFD in silence: the claim stored as noise, no warning.
    // А-я are 0xC0-0xFF in windows-1251; the rest of these texts is ASCII.
    const cp1251 = (text: string): Buffer =>
      Buffer.from([...text].map((c) => (c >= 'А' && c <= 'я' ? c.charCodeAt(0) - 0x410 + 0xc0 : c.charCodeAt(0))));
    const csv = join(dir, 'cp.csv');
    writeFileSync(csv, cp1251('claim,rating\nвакцины опасны,ложь\n'));
    const plain = await readFactCheckFile(csv, { label: 'cp.csv' });
    expect(plain.notices).toEqual([expect.stringMatching(/^cp\.csv: \d+ invalid UTF-8 byte sequences were replaced with U\+FFFD; .*--encoding windows-1251/u)]);
    const decoded = await readFactCheckFile(csv, { encoding: 'windows-1251' });
    expect(decoded.records.map((r) => [r.claim, r.rating])).toEqual([['вакцины опасны', 'ложь']]);
    expect(decoded.notices).toBeUndefined();
    const page = join(dir, 'page.html');
    writeFileSync(page, cp1251(`<html><head><meta charset="windows-1251"><script type="application/ld+json">${JSON.stringify(review({ claimReviewed: 'вакцины опасны' }))}</script></head></html>`));
    expect((await readFactCheckFile(page)).records.map((r) => r.claim)).toEqual(['вакцины опасны']);
  });
});

describe('ledger items as fact-checks', () => {
  it('turns each item with a claim into a fact-check with the outlet as publisher', () => {
    const out = ledgerFactChecks(fixtureResult());
    expect(out.records).toHaveLength(2);
    expect(out.records[0]).toMatchObject({
      claim: 'The river dam will flood the old town next spring.',
      verdict: 'false',
      rating: 'Myth',
      publisher: 'Example Water Board',
      url: 'https://example.org/dam-myths#item-1',
      origin: 'ledger',
      warnings: [],
    });
    expect(out.records[1]!.warnings).toEqual(['verdict', 'rebuttal']);
  });

  it('takes a blank outlet for no publisher, with its warning', () => {
    const out = ledgerFactChecks(fixtureResult({ source: { kind: 'html', uri: 'https://example.org/d', outlet: '  ' } }));
    expect(out.records[0]).toMatchObject({ publisher: null, warnings: ['publisher'] });
  });

  it('addresses each item as the ClaimReview export does, also when two items share a number', () => {
    const items = [ledgerItem({ id: 'a', index: '1' }), ledgerItem({ id: 'b', index: '1', claim: { text: 'Bridges melt.', start: 0, end: 13 } })];
    const result = fixtureResult({ rebuttals: items });
    expect(ledgerFactChecks(result).records.map((r) => r.url)).toEqual(ledgerClaimReviews([result]).reviews.map((r) => r.url));
    expect(ledgerFactChecks(result).records[1]!.url).toBe('https://example.org/dam-myths#item-1-2');
  });
});

describe.each(await dialects())('fact_checks table on %s', (_name, makeDb) => {
  it('stores a fact-check whose JSON holds a NUL character, without it (PostgreSQL refused the whole import)', async () => {
    const db = makeDb();
    const store = await openStore(db.url);
    try {
      const batch = importClaimReviews(JSON.stringify([review({ claimReviewed: 'Sea water\u0000 cures colds.', author: { name: 'Desk\u0000' } })]), 'in.json');
      expect(await saveFactChecks(store, batch.records)).toEqual({ inserted: 1, unchanged: 0, repeated: 0 });
      expect((await listFactChecks(store.db)).map((r) => [r.claim, r.publisher])).toEqual([['Sea water cures colds.', 'Desk']]);
      expect(await saveFactChecks(store, batch.records)).toEqual({ inserted: 0, unchanged: 1, repeated: 0 });
    } finally {
      await store.close();
      await db.cleanup();
    }
  });
});

describe('fact_checks table', () => {
  const dir = mkdtempSync(join(tmpdir(), 'narrascope-fc-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stores records once (re-import is a no-op) and lists them back', async () => {
    const store = await openStore(join(dir, 'lib.db'));
    try {
      const batch = importClaimReviews(
        JSON.stringify([review(), review({ claimReviewed: 'Bridges melt in summer.' })]),
        'in.json',
      );
      expect(await saveFactChecks(store, batch.records)).toEqual({ inserted: 2, unchanged: 0, repeated: 0 });
      expect(await saveFactChecks(store, batch.records)).toEqual({ inserted: 0, unchanged: 2, repeated: 0 });
      expect(await countFactChecks(store.db)).toBe(2);
      const listed = await listFactChecks(store.db);
      expect(listed.map((r) => [r.id, r.claim, r.appearances])).toEqual([
        ['1', 'Drinking sea water cures colds.', ['https://social.example/p/1']],
        ['2', 'Bridges melt in summer.', ['https://social.example/p/1']],
      ]);
      // The same fact-check twice in one input is a repeat, not 'already in the library' (said on a first import).
      const twice = importClaimReviews(JSON.stringify([review({ claimReviewed: 'Dams flood.' }), review({ claimReviewed: ' dams  FLOOD.' })]), 'twice.json');
      expect(await saveFactChecks(store, twice.records)).toEqual({ inserted: 1, unchanged: 0, repeated: 1 });
      expect(await saveFactChecks(store, twice.records)).toEqual({ inserted: 0, unchanged: 1, repeated: 1 });
      expect(await countFactChecks(store.db)).toBe(3);
    } finally {
      await store.close();
    }
  });
});
