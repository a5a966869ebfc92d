import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { validateClaimReview } from '../../src/export/claimreview/index.js';
import { validateStixBundle, type StixBundle } from '../../src/export/stix/index.js';
import { runCli } from '../cli/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-match-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

const corpus = file(
  'corpus.tsv',
  'id\tclaim\ttitle\nfc1\tDrinking sea water cures the common cold.\tDoes Sea Water Cure Colds?\nfc2\tThe city dam will flood the old town next spring.\tWill the Dam Flood the Old Town?\nfc3\tElectric buses caught fire in cold weather.\tDid Buses Catch Fire?\n',
);
const queries = file(
  'queries.tsv',
  'id\ttext\nq1\tmy aunt says sea water cured her cold\nq2\t"the dam will ""flood"" the town, they say"\n',
);

describe('narrascope match', () => {
  it('writes a TREC run file: qid Q0 docid rank score tag', async () => {
    const r = await runCli(['match', '--queries', queries, '--corpus', corpus, '--top', '2']);
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => l.split('\t'));
    expect(lines.map((l) => [l[0], l[1], l[2], l[3], l[5]])).toEqual([
      ['q1', 'Q0', 'fc1', '1', 'narrascope-rerank'],
      ['q1', 'Q0', 'fc3', '2', 'narrascope-rerank'],
      ['q2', 'Q0', 'fc2', '1', 'narrascope-rerank'],
    ]);
  });

  it('exits 3 when library rows could not be read, as factchecks import does (it exited 0)', async () => {
    const lib = file('partly.csv', 'claim,rating\nDrinking sea water cures the common cold.,False\n,Misleading\n');
    const r = await runCli(['match', 'does sea water cure a cold?', '--library', lib, '--top', '1']);
    expect(r.stderr).toMatch(/narrascope match: skipped .*partly\.csv:3/u);
    expect(r.stdout).toContain('Drinking «sea water cures» the common «cold».');
    expect(r.code).toBe(3);
  });

  it('matches a claim against a library file, with highlights, as text and JSON lines', async () => {
    const lib = file(
      'lib.csv',
      'claim,rating,publisher,url\nDrinking sea water cures the common cold.,False,Desk,https://d.example/1\nThe dam will flood the town.,Misleading,Desk,https://d.example/2\n',
    );
    const text = await runCli(['match', 'does sea water cure a cold?', '--library', lib, '--top', '1']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('1. [');
    expect(text.stdout).toContain('Drinking «sea water cures» the common «cold».');
    expect(text.stdout).toContain('rating: False · by Desk');
    // Results below --min-score are left out: that is not 'no earlier fact-check found'.
    const high = await runCli(['match', 'does sea water cure a cold?', '--library', lib, '--min-score', '1000']);
    expect(high.stdout).toContain('no earlier fact-check scores 1000 or more (--min-score)');
    expect(high.stdout).not.toContain('no earlier fact-check found');
    const json = await runCli(['match', 'does sea water cure a cold?', '--library', lib, '--json']);
    const line = JSON.parse(json.stdout) as {
      matches: { rank: number; rating: string; highlights: { claim: { text: string }[] } }[];
    };
    expect(line.matches[0]).toMatchObject({
      rank: 1,
      rating: 'False',
      highlights: { claim: [{ text: 'sea water cures' }, { text: 'cold' }] },
    });
  });

  it.each([
    [['match'], /nothing to match/u, 2],
    [['match', '\u200b \ufeff'], /nothing to match/u, 2],
    [['match', 'x', '--document', 'y'], /one kind of query/u, 2],
    [['match', '--queries', 'q.tsv'], /go together/u, 2],
    // The claim and the library were ignored: the run file matched the two files.
    [['match', 'x', '--queries', 'q.tsv', '--corpus', 'c.tsv', '--library', 'l.json'], /--queries and --corpus cannot be combined with "x", --library/u, 2],
    [['match', '--corpus-claims', '--queries', 'q.tsv', '--corpus', 'c.tsv'], /cannot be combined with --corpus-claims/u, 2],
    [['match', 'x', '--method', 'magic'], /unknown method/u, 2],
    [['match', 'x', '--library', 'l.csv', '--encoding', 'klingon'], /unknown encoding "klingon"/u, 2],
    [['factchecks', 'import', 'l.csv', '--encoding', 'klingon'], /unknown encoding "klingon"/u, 2],
    [['match', 'x', '--db', '/nonexistent/dir/none.db'], /no store at .*\n {2}Import fact-checks first/u, 4],
    [['factchecks', 'list', '--db', '/nonexistent/dir/none.db'], /no store at .*\n {2}Import fact-checks first/u, 4],
  ])('%j fails with a clear message', async (argv, message, code) => {
    const r = await runCli(argv as string[], { cwd: dir });
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
  });

  it('refuses a corpus or queries file with only a header instead of writing an empty run', async () => {
    const headerOnly = file('header-only.tsv', 'id\ttext\n');
    for (const argv of [['--queries', queries, '--corpus', headerOnly], ['--queries', headerOnly, '--corpus', corpus]]) {
      const r = await runCli(['match', ...argv]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/header-only\.tsv has no rows after its header line/u);
    }
  });

  it('names the rows without a word to search by, which can never match', async () => {
    // fc5 and q5 hold stop words, a link and punctuation only: they were not named, as rows without text were.
    const withBlank = file('blank-corpus.tsv', `${readFileSync(corpus, 'utf8')}fc4\t\t \nfc5\tIs it so?\thttps://t.co/x\n`);
    // q4 holds a zero-width space only: no text either.
    const blankQueries = file('blank-queries.tsv', 'id\ttext\nq1\tsea water cures colds\nq2\t\nq3\nq4\t\u200b\nq5\tand the !!\n');
    const r = await runCli(['match', '--queries', blankQueries, '--corpus', withBlank, '--top', '1']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/2 row\(s\) of .*blank-corpus\.tsv have no word to search by \(no text, or stop words, links and punctuation only\) and can never be found: fc4, fc5/u);
    expect(r.stderr).toMatch(/4 row\(s\) of .*blank-queries\.tsv have no word to search by .* and get no results: q2, q3, q4, q5/u);
    expect(r.stdout.split('\t').slice(0, 3)).toEqual(['q1', 'Q0', 'fc1']);
  });

  it('refuses a device as the corpus or queries file instead of reading it forever', async () => {
    const r = await runCli(['match', '--queries', queries, '--corpus', '/dev/zero']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot use corpus \/dev\/zero: not a regular file/u);
  });

  it('names rejected library rows without the escape sequences their cells hold', async () => {
    // The second row is imported with warnings (no rating, publisher or url), named by its id too.
    const lib = file('esc.csv', 'id,claim\n"\u001b[2J\u001b]0;title\u0007",\n"ok\u001b[8m",Sea water cures colds\n');
    for (const argv of [['match', 'sea water', '--library', lib], ['factchecks', 'import', lib, '--db', join(dir, 'esc.db')]]) {
      const r = await runCli(argv);
      expect(r.stderr).toContain('esc.csv:2#');
      expect(r.stderr).toContain('the claim cell is empty');
      if (argv[0] === 'factchecks') expect(r.stderr).toContain('warning: ');
      expect(r.stderr).not.toContain('\u001b');
      expect(r.stderr).not.toContain('\u0007');
    }
  });

  it('rejects a corpus file that is not id-first TSV', async () => {
    const bad = file('bad.tsv', 'id\ttext\n1\ta\n1\tb\n');
    const r = await runCli(['match', '--queries', queries, '--corpus', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/duplicate id "1"/u);
  });
});

describe('narrascope factchecks', () => {
  it('lists every stored field of a fact-check', async () => {
    // rebuttal, ratingValue, claimAuthor, appearances and language were stored but not listed.
    const db = join(dir, 'list.db');
    const json = file(
      'full-review.json',
      JSON.stringify({
        '@type': 'ClaimReview',
        claimReviewed: 'Bridges melt in summer.',
        reviewBody: 'Steel bridges do not melt at summer temperatures.',
        author: { name: 'Desk' },
        url: 'https://d.example/b',
        reviewRating: { alternateName: 'False', ratingValue: 1 },
        datePublished: '2026-01-01',
        inLanguage: 'en',
        itemReviewed: { '@type': 'Claim', author: { name: 'A. Poster' }, appearance: [{ url: 'https://social.example/p/1' }] },
      }),
    );
    expect((await runCli(['factchecks', 'import', json, '--db', db])).code).toBe(0);
    const listed = await runCli(['factchecks', 'list', '--db', db]);
    expect(JSON.parse(listed.stdout)).toMatchObject({
      claim: 'Bridges melt in summer.',
      rebuttal: 'Steel bridges do not melt at summer temperatures.',
      rating: 'False',
      ratingValue: 1,
      claimAuthor: 'A. Poster',
      appearances: ['https://social.example/p/1'],
      language: 'en',
    });
  });

  it('imports ClaimReview with warnings, rejects what it cannot use (exit 3), and counts', async () => {
    const db = join(dir, 'lib.db');
    const json = file(
      'reviews.json',
      JSON.stringify([
        {
          '@type': 'ClaimReview',
          claimReviewed: 'Bridges melt in summer.',
          author: { name: 'Desk' },
          url: 'https://d.example/b',
          reviewRating: { alternateName: 'False' },
          datePublished: '2026-01-01',
          itemReviewed: { '@type': 'Claim' },
        },
        { '@type': 'ClaimReview' },
      ]),
    );
    const r = await runCli(['factchecks', 'import', json, '--db', db]);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/imported 1 fact-check\(s\), 1 rejected/u);
    expect(r.stderr).toMatch(/without claimReviewed/u);
    expect((await runCli(['factchecks', 'count', '--db', db])).stdout).toBe('1\n');
    // Without --db, $NARRASCOPE_DB names the store, as for every other command.
    expect((await runCli(['factchecks', 'count'], { env: { NARRASCOPE_DB: db } })).stdout).toBe('1\n');
    const again = await runCli(['factchecks', 'import', json, '--db', db, '-q']);
    expect(again.stdout).toMatch(/imported 0 fact-check\(s\), 1 already in the library/u);
    // The same file twice in one import: the second copy repeats the first, it was not in the library.
    const twice = await runCli(['factchecks', 'import', json, json, '--db', join(dir, 'twice.db'), '-q']);
    expect(twice.stdout).toMatch(/^imported 1 fact-check\(s\), 1 repeated in the input \(kept once\), 2 rejected/u);
    const m = await runCli(['match', 'bridges melting in the summer', '--db', db]);
    expect(m.code).toBe(0);
    expect(m.stdout).toContain('«Bridges melt in summer»');
  });

  it('exits 2 when nothing is importable', async () => {
    const r = await runCli([
      'factchecks',
      'import',
      file('empty.json', '{"@type":"Article"}'),
      '--db',
      join(dir, 'x.db'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nothing to import/u);
  });
});

describe('narrascope export', () => {
  const doc = file(
    'myths.txt',
    'Water myths\n\nMyth: Drinking sea water cures the common cold.\nFact: Sea water dehydrates the body; doctors advise fresh water.\n\nMyth: The dam will flood the old town.\nFact: The overflow plan keeps water below the town wall.\n',
  );

  it('stix: a valid bundle with no dangling references', async () => {
    const r = await runCli(['export', 'stix', doc]);
    expect(r.code).toBe(0);
    const bundle = JSON.parse(r.stdout) as StixBundle;
    expect(validateStixBundle(bundle)).toEqual([]);
    expect(bundle.objects.filter((o) => o.type === 'report')).toHaveLength(1);
  });

  it('csv: claims table with a header row', async () => {
    const out = join(dir, 'claims.csv');
    const r = await runCli(['export', 'csv', doc, '--table', 'claims', '--out', out]);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8').split('\r\n')[0]).toBe(
      'document_hash,document_title,document_uri,outlet,claim_id,text,type,speaker,has_source,sources,check_worthiness,ledger_item_ids,start,end',
    );
  });

  it('claimreview: valid reviews when the ledger has items, or a clear error', async () => {
    const r = await runCli([
      'export',
      'claimreview',
      doc,
      '--publisher',
      'Water Desk',
      '--url',
      'https://example.org/myths',
    ]);
    if (r.code === 0) {
      const reviews = JSON.parse(r.stdout) as unknown[];
      expect(reviews.length).toBeGreaterThan(0);
      for (const rv of reviews) expect(validateClaimReview(rv)).toEqual([]);
    } else {
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/ledger item/u);
    }
  });

  it.each([
    [['export'], /no export format/u],
    [['export', 'pdf', 'x'], /unknown export format "pdf"/u],
    [['export', 'csv', 'x', '--table', 'nope'], /unknown table/u],
    [['export', 'stix'], /no input given/u],
    [['export', 'claimreview', 'x', '--date', 'May 1'], /--date must be YYYY-MM-DD/u],
    [['export', 'claimreview', 'x', '--date', '2022-02-30'], /--date must be YYYY-MM-DD, a day of the calendar/u],
    [['export', 'claimreview', 'x', '--url', 'javascript:alert(1)'], /--url must be an http\(s\) address/u],
    [['export', 'claimreview', 'x', '--url', 'example.org/page'], /--url must be an http\(s\) address/u],
  ])('%j is a usage error', async (argv, message) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('names a missing input once (export and match --document)', async () => {
    for (const argv of [['export', 'stix', 'no-such-input.txt'], ['match', '--document', 'no-such-input.txt', '--library', file('lib.json', '{"@type":"ClaimReview","claimReviewed":"x"}')]]) {
      const r = await runCli(argv);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/: no-such-input\.txt: no such file or directory/u);
      expect(r.stderr).not.toMatch(/no-such-input\.txt: no-such-input\.txt/u);
    }
  });

  it('--results rejects JSON that is not an analysis result', async () => {
    const r = await runCli(['export', 'stix', '--results', file('bad.json', '{"x":1}')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not a Narrascope analysis result/u);
  });
});

describe('narrascope export claimreview --confirmed', () => {
  it('exports analyst-confirmed verdicts from the store, the analyst as reviewer', async () => {
    const db = join(dir, 'confirmed.db');
    const doc = file(
      'confirm.txt',
      'Water myths\n\nMyth: Drinking sea water cures the common cold.\nFact: Sea water dehydrates the body.\n\nMyth: The dam will flood the old town.\nFact: The overflow plan keeps water below the town wall.\n',
    );
    expect((await runCli(['ingest', doc, '--db', db])).code).toBe(0);
    const none = await runCli(['export', 'claimreview', '--confirmed', '--db', db]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no analyst-confirmed verdicts/u);
    const { openStore, getDocument, getAnalysis } = await import('../../src/store/index.js');
    const store = await openStore(db);
    try {
      const row = await store.db.selectFrom('documents').select(['id', 'hash']).executeTakeFirstOrThrow();
      const analysis = await getAnalysis(store.db, Number(row.id));
      const item = analysis?.rebuttals[0];
      expect(item, 'the ledger aggregator should find the Myth/Fact item').toBeDefined();
      expect(await getDocument(store.db, row.hash)).not.toBeNull();
      await store.write((trx) =>
        (trx as unknown as Kysely<{ ledger_confirmations: Record<string, string> }>)
          .insertInto('ledger_confirmations')
          .values({
            document_hash: row.hash,
            item_key: item!.id,
            verdict: 'Mostly false',
            note: 'Sea water dehydrates.',
            author: 'J. Analyst',
            created_at: '2026-05-01T10:00:00Z',
          })
          .execute(),
      );
    } finally {
      await store.close();
    }
    const r = await runCli([
      'export',
      'claimreview',
      '--confirmed',
      '--db',
      db,
      '--url',
      'https://example.org/myths',
    ]);
    expect(r.code).toBe(0);
    const reviews = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(reviews).toHaveLength(1);
    expect(validateClaimReview(reviews[0])).toEqual([]);
    expect(reviews[0]).toMatchObject({
      claimReviewed: 'Drinking sea water cures the common cold.',
      author: { '@type': 'Person', name: 'J. Analyst' },
      reviewRating: { ratingValue: 2, alternateName: 'Mostly false' },
      reviewBody: 'Sea water dehydrates.',
      datePublished: '2026-05-01',
    });
  });

  it('lends --url to one document only: two documents without an address never share review urls', async () => {
    const db = join(dir, 'confirmed-two.db');
    for (const [name, topic] of [['one.txt', 'sea water'], ['two.txt', 'river water']] as const) {
      const text = `Water myths\n\nMyth: Drinking ${topic} cures the common cold.\nFact: ${topic} dehydrates the body.\n\nMyth: The dam will flood the old town.\nFact: The overflow plan keeps water below the town wall.\n`;
      expect((await runCli(['ingest', file(name, text), '--db', db])).code).toBe(0);
    }
    const { openStore, getAnalysis } = await import('../../src/store/index.js');
    const store = await openStore(db);
    try {
      for (const row of await store.db.selectFrom('documents').select(['id', 'hash']).execute()) {
        const item = (await getAnalysis(store.db, Number(row.id)))!.rebuttals[0]!;
        await store.write((trx) =>
          (trx as unknown as Kysely<{ ledger_confirmations: Record<string, string> }>)
            .insertInto('ledger_confirmations')
            .values({ document_hash: row.hash, item_key: item.id, verdict: 'false', note: 'No.', author: 'J. Analyst', created_at: '2026-05-01T10:00:00Z' })
            .execute(),
        );
      }
    } finally {
      await store.close();
    }
    const r = await runCli(['export', 'claimreview', '--confirmed', '--db', db, '--url', 'https://example.org/myths']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { url: string }[]).map((x) => x.url)).toEqual(['https://example.org/myths#item-1']);
    expect(r.stderr).toMatch(/skipped confirmed item .*--url is the address of another document/u);
  });
});
