import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { syntheticText } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-cli-corpus-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = new PassThrough();
  const err = new PassThrough();
  out.on('data', (d: Buffer) => (stdout += d.toString()));
  err.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await main(argv, { stdout: out, stderr: err, stdin: new PassThrough(), cwd: dir, env: {} });
  return { code, stdout, stderr };
}

describe('corpus commands', () => {
  const db = join(dir, 'c.db');
  writeFileSync(
    join(dir, 'in.jsonl'),
    [
      JSON.stringify({ text: `${syntheticText(1)} The port expansion will double grain exports.`, site: 'Harbour Daily', when: '2024-05-06' }),
      'not json',
      JSON.stringify({ text: `Republished by Coast Wire. ${syntheticText(1)} The port expansion will double grain exports.`, site: 'Coast Wire', when: '2024-05-08' }),
      JSON.stringify({ text: syntheticText(2), site: 'Inland Post', when: '2024-06-01' }),
    ].join('\n'),
  );

  it('ingest: exit 3 when some records fail, JSON summary, errors with file:line', async () => {
    const r = await run('ingest', 'in.jsonl', '--db', db, '--workers', '1', '--map', 'outlet=site,date=when', '--json');
    expect(r.code).toBe(3);
    const s = JSON.parse(r.stdout) as { inserted: number; failed: number; errors: { message: string }[] };
    expect([s.inserted, s.failed]).toEqual([3, 1]);
    expect(s.errors[0]?.message).toMatch(/^in\.jsonl:2: invalid JSON/u);
    const again = await run('ingest', 'in.jsonl', '--db', db, '--workers', '1', '--map', 'outlet=site,date=when');
    expect(again.stdout).toMatch(/^ingest: documents=3 inserted=0 reanalysed=0 unchanged=3 .*failed=1/mu);
  });

  it('search, stats, clusters and watch read the store', async () => {
    const s = JSON.parse((await run('search', 'grain', 'exports', '--db', db, '--json')).stdout) as { total: number; facets: { outlet: { value: string }[] } };
    expect(s.total).toBe(2);
    expect(s.facets.outlet.map((o) => o.value).sort()).toEqual(['Coast Wire', 'Harbour Daily']);
    expect((await run('search', 'grain', '--db', db, '--outlet', 'Coast Wire', '--json')).stdout).toContain('"total": 1');
    // Stored languages are lower-case codes; --language EN found nothing before.
    expect((await run('search', 'grain', '--db', db, '--language', 'EN', '--json')).stdout).toContain('"total": 2');
    expect(JSON.parse((await run('search', 'grain', '--db', db, '--exact-total', '--json')).stdout)).toMatchObject({ total: 2, totalExact: true });
    expect((await run('search', 'grain', '--db', db)).stdout.split('\n')[0]).toBe('2 documents');
    const csv = await run('stats', '--db', db, '--format', 'csv');
    expect(csv.stdout.split('\n')[0]).toBe('kind,label,outlet,week,documents,count,taxonomy');
    const selected = JSON.parse((await run('stats', '--db', db, '--query', 'grain exports', '--json')).stdout) as { documents: number; rows: { outlet: string }[] };
    expect(selected.documents).toBe(2);
    expect([...new Set(selected.rows.map((r) => r.outlet))].sort()).toEqual(['Coast Wire', 'Harbour Daily']);
    const clusters = JSON.parse((await run('clusters', '--db', db, '--kind', 'near-duplicate', '--json')).stdout) as { clusters: { size: number; outlets: unknown[]; firstSeen: string }[] }[];
    expect(clusters[0]?.clusters.map((c) => [c.size, c.outlets.length, c.firstSeen])).toEqual([[2, 2, '2024-05-06']]);
    expect((await run('watch', 'add', 'port expansion double grain exports', '--db', db)).stdout).toContain('2 matches');
    expect((await run('watch', 'add', 'submarine cables were cut deliberately', '--db', db)).code).toBe(0);
    const listed = (await run('watch', '--db', db)).stdout;
    expect(listed).toContain('first 2024-05-06 in Harbour Daily');
    expect(listed).toContain('not seen in the corpus');
  });

  it('filters by an outlet whose name holds a comma, written in quotes', async () => {
    const commaDb = join(dir, 'comma.db');
    writeFileSync(
      join(dir, 'comma.jsonl'),
      [
        JSON.stringify({ text: `${syntheticText(6)} The ferry timetable changes in May.`, outlet: 'Acme, Inc.', date: '2024-05-06' }),
        JSON.stringify({ text: `${syntheticText(7)} The ferry timetable changes in June.`, outlet: 'Acme', date: '2024-05-07' }),
      ].join('\n'),
    );
    expect((await run('ingest', 'comma.jsonl', '--db', commaDb, '--workers', '1')).code).toBe(0);
    const outlets = async (...filter: string[]) => (JSON.parse((await run('search', '--db', commaDb, '--json', ...filter)).stdout) as { hits: { outlet: string }[] }).hits.map((r) => r.outlet).sort();
    expect(await outlets('--outlet', '"Acme, Inc."')).toEqual(['Acme, Inc.']);
    expect(await outlets('--outlet', '"Acme, Inc.",Acme')).toEqual(['Acme', 'Acme, Inc.']);
    const stats = JSON.parse((await run('stats', '--db', commaDb, '--outlet', '"Acme, Inc."', '--json')).stdout) as { rows: { outlet: string }[] };
    expect(new Set(stats.rows.map((r) => r.outlet))).toEqual(new Set(['Acme, Inc.']));
    const bad = await run('search', '--db', commaDb, '--outlet', '"Acme, Inc.');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unclosed quotation mark');
  });

  it('search prints a record that is its own title once (a claim index read with --map text=title)', async () => {
    const titleDb = join(dir, 'titles.db');
    writeFileSync(join(dir, 'titles.csv'), 'title,outlet\n"The lighthouse keeper was replaced by a drone last winter",Cape News\n');
    expect((await run('ingest', 'titles.csv', '--db', titleDb, '--workers', '1', '--map', 'text=title')).code).toBe(0);
    const out = (await run('search', 'lighthouse', '--db', titleDb)).stdout;
    expect(out.split('The lighthouse keeper was replaced').length - 1).toBe(1);
  });

  it('prints no terminal escape sequences from stored titles, outlets or bad records', async () => {
    const escDb = join(dir, 'esc.db');
    writeFileSync(
      join(dir, 'esc.jsonl'),
      `${JSON.stringify({ text: `${syntheticText(3)} The dam will flood the valley.`, title: 'T\u001b]0;PWNED\u0007itle', outlet: 'Out\u001b[5mlet', date: '2024-05-06' })}\n{"bad \u001b[2J json\n`,
    );
    const ingested = await run('ingest', 'esc.jsonl', '--db', escDb, '--workers', '1');
    expect(ingested.code).toBe(3);
    const outputs = [ingested, await run('search', '--db', escDb), await run('stats', '--db', escDb), await run('clusters', '--db', escDb), await run('search', '--db', escDb, '--outlet', '\u001b[2J')];
    for (const r of outputs) expect(`${r.stdout}${r.stderr}`).not.toContain('\u001b');
    expect(outputs[1]!.stdout).toContain('Out [5mlet');
  });

  it('stores no publication date for a value that is not one, and keeps the reader\'s warnings in the stored result', async () => {
    const datesDb = join(dir, 'dates.db');
    writeFileSync(join(dir, 'dates.jsonl'), [JSON.stringify({ text: `${syntheticText(4)} The pier opens in spring.`, outlet: 'Pier Post', date: 'yesterday' }), JSON.stringify({ text: `${syntheticText(5)} The road reopens.`, outlet: 'Road News', date: '2024-05-06' })].join('\n'));
    writeFileSync(join(dir, 'latin1.txt'), Buffer.from('Caf\xe9 owners said the harbour will reopen next week.', 'latin1'));
    expect((await run('ingest', 'dates.jsonl', 'latin1.txt', '--db', datesDb, '--workers', '1')).code).toBe(0);
    // "yesterday" kept as given sorted after every real date: --from 2030 selected it.
    expect((await run('search', '--db', datesDb, '--from', '2030-01-01')).stdout).toMatch(/^0 documents/u);
    const results = (await run('export', 'jsonl', '--corpus', '--db', datesDb)).stdout.trim().split('\n').map((l) => JSON.parse(l) as { document: { source: { publishedAt?: string } }; warnings: string[] });
    const warnings = results.flatMap((r) => r.warnings);
    expect(warnings).toEqual(expect.arrayContaining([expect.stringMatching(/^dates\.jsonl:1: "yesterday" is not a date/u), expect.stringMatching(/^latin1\.txt: 1 invalid UTF-8 byte sequence/u)]));
    expect(results.map((r) => r.document.source.publishedAt ?? null).sort()).toEqual(['2024-05-06', null, null]);
  });

  it('store problems exit 4 without creating or touching files; usage problems exit 2', async () => {
    const missing = await run('search', 'x', '--db', 'nothing-here.db');
    expect(missing.code).toBe(4);
    expect(existsSync(join(dir, 'nothing-here.db'))).toBe(false);
    writeFileSync(join(dir, 'junk.db'), 'junk '.repeat(500));
    const corrupt = await run('ingest', 'in.jsonl', '--db', 'junk.db');
    expect(corrupt.code).toBe(4);
    expect(corrupt.stderr).toContain('not a usable SQLite database');
    expect((await run('ingest', '--db', db)).code).toBe(2);
    mkdirSync(join(dir, 'no-docs'));
    writeFileSync(join(dir, 'no-docs', 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]));
    writeFileSync(join(dir, 'header-only.csv'), 'title,text\n');
    for (const input of ['no-docs', 'header-only.csv']) {
      const nothing = await run('ingest', input, '--db', db);
      expect(nothing.code).toBe(2);
      expect(nothing.stderr).toContain('the inputs hold no document to ingest');
    }
    expect((await run('ingest', 'in.jsonl', '--db', db, '--map', 'body=text')).code).toBe(2);
    expect((await run('stats', '--db', db, '--format', 'xml')).code).toBe(2);
    for (const bad of ['2024-13-45', '2023-02-29', '2024-00']) {
      const r = await run('search', '--db', db, '--from', bad);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`--from must be a date like 2024-03-01, got "${bad}"`);
    }
    expect((await run('search', '--db', db, '--from', '2024-02-29', '--to', '2024-12')).code).toBe(0);
    for (const [flag, value, message] of [['--preset', 'nope', 'unknown preset "nope"'], ['--input-format', 'pdf', 'unknown input format "pdf"'], ['--language', '', '--language must be a language code']] as const) {
      const r = await run('ingest', 'in.jsonl', '--db', 'not-created.db', flag, value);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(message);
      expect(existsSync(join(dir, 'not-created.db'))).toBe(false);
    }
    expect((await run('ingest', 'https://127.0.0.1:1/feed.rss', '--db', db, '--timeout', '1', '--json')).code).toBe(5);
  });
});
