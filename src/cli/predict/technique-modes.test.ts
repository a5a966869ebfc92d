import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { TECHNIQUE_LABELS } from '../../models/technique/labels.js';
import type { CliIO } from '../command.js';
import { UserError } from '../errors.js';
import { paragraphsMode } from './paragraphs.js';
import { spansMode } from './spans.js';
import { techniquesMode } from './techniques.js';

// Our own short articles: the 2020 layout (title, blank line, one sentence per line) and the 2023 layout
// (one paragraph per line, blank lines between), with an emoji so that code points and UTF-16 differ.
const ARTICLE_2020 = 'Outrage over the plan 😡\n\nThese radical thugs want to destroy our great nation.\nThe disgusting scheme is a total disaster.\nThe council meets on Tuesday.\n';
const ARTICLE_2023 =
  'Outrage over the plan 😡\n\nThese radical thugs want to destroy our great nation. The disgusting scheme is a total disaster.\n\nThe council meets on Tuesday.\n';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'predict-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

async function run(mode: typeof spansMode, values: Record<string, string>): Promise<string[]> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const io = { stdout: out, stderr: new PassThrough(), stdin: new PassThrough(), cwd: '/', env: {} } as unknown as CliIO;
  expect(await mode.run({ values, positionals: [] }, io)).toBe(0);
  return Buffer.concat(chunks).toString('utf8').split('\n').filter((l) => l.length > 0);
}

describe('predict spans / techniques / paragraphs', () => {
  it.each([
    ['2020 layout', ARTICLE_2020],
    ['2023 layout', ARTICLE_2023],
  ])('spans: code-point rows inside the article (%s)', async (_name, text) => {
    const dir = folder({ 'article901.txt': text });
    const rows = await run(spansMode, { articles: dir });
    expect(rows.length).toBeGreaterThan(0);
    const codePoints = [...text];
    for (const row of rows) {
      const [id, label, start, end] = row.split('\t');
      expect(id).toBe('901');
      expect(TECHNIQUE_LABELS).toContain(label);
      expect(Number(start)).toBeLessThan(Number(end));
      expect(Number(end)).toBeLessThanOrEqual(codePoints.length);
      // Spans start and end on word characters, so the code-point offsets were converted, not copied.
      expect(codePoints.slice(Number(start), Number(end)).join('')).toMatch(/^\w.*\w$/su);
    }
  });

  it('techniques: one label per row, distinct labels for a span listed twice', async () => {
    const dir = folder({ 'article902.txt': ARTICLE_2023 });
    const start = [...ARTICLE_2023].join('').indexOf('radical thugs') - 1; // one astral character before it
    const spans = join(dir, 'spans.tsv');
    writeFileSync(spans, `902\t?\t${start}\t${start + 13}\n902\t?\t${start}\t${start + 13}\n902\tDoubt\t0\t7\n`);
    const rows = await run(techniquesMode, { articles: dir, spans });
    expect(rows).toHaveLength(3);
    const labels = rows.map((r) => r.split('\t')[1]);
    expect(labels[0]).not.toBe(labels[1]);
    for (const l of labels) expect(TECHNIQUE_LABELS).toContain(l);
    expect(rows.map((r) => r.split('\t').slice(2).join('-'))).toEqual([`${start}-${start + 13}`, `${start}-${start + 13}`, '0-7']);
  });

  it('paragraphs: one row per non-empty line, 1-based', async () => {
    const dir = folder({ 'article903.txt': ARTICLE_2023 });
    const rows = await run(paragraphsMode, { articles: dir });
    expect(rows.map((r) => r.split('\t').slice(0, 2).join(':'))).toEqual(['903:1', '903:3', '903:5']);
    for (const r of rows) for (const l of (r.split('\t')[2] ?? '').split(',').filter(Boolean)) expect(TECHNIQUE_LABELS).toContain(l);
  });

  it.each([
    ['no --articles', spansMode, {}],
    ['missing folder', paragraphsMode, { articles: '/nonexistent/dir' }],
    ['no --spans', techniquesMode, { articles: '/tmp' }],
    // Read forever before: /dev/zero never ends.
    ['a device as --spans', techniquesMode, { articles: '/tmp', spans: '/dev/zero' }],
  ])('bad input is a UserError: %s', async (_name, mode, values) => {
    const io = { stdout: new PassThrough(), stderr: new PassThrough(), stdin: new PassThrough(), cwd: '/', env: {} } as unknown as CliIO;
    await expect(Promise.resolve().then(() => mode.run({ values, positionals: [] }, io))).rejects.toBeInstanceOf(UserError);
  });

  it('answers 60,000 rows of one article (its row list was copied for every row: 40 s)', async () => {
    const dir = folder({ 'article905.txt': ARTICLE_2020 });
    const spans = join(dir, 'many.tsv');
    writeFileSync(spans, '905\t?\t27\t34\n'.repeat(60_000));
    const rows = await run(techniquesMode, { articles: dir, spans });
    expect(rows).toHaveLength(60_000);
    expect(rows[59_999]!.split('\t')[0]).toBe('905');
  });

  it('rejects a spans file that names an unknown article or runs past its end', async () => {
    const dir = folder({ 'article904.txt': 'Short text.\n' });
    const io = { stdout: new PassThrough(), stderr: new PassThrough(), stdin: new PassThrough(), cwd: '/', env: {} } as unknown as CliIO;
    const bad1 = join(dir, 'a.tsv');
    writeFileSync(bad1, '999\t?\t0\t3\n');
    await expect(techniquesMode.run({ values: { articles: dir, spans: bad1 }, positionals: [] }, io)).rejects.toThrow(/not in --articles/u);
    const bad2 = join(dir, 'b.tsv');
    writeFileSync(bad2, '904\t?\t0\t300\n');
    await expect(techniquesMode.run({ values: { articles: dir, spans: bad2 }, positionals: [] }, io)).rejects.toThrow(/ends after the article/u);
  });
});
