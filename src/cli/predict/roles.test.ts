import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/cli/run-cli.js';
import { sharedDataOrSkip } from '../../../test/support/shared-data.js';
import { FINE_ROLE_CLASSES, MAIN_ROLE_CLASSES } from '../../models/framing/role-model.js';
import { parseSt1 } from '../../models/framing/st1-format.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'narrascope-predict-roles-'));
  mkdirSync(join(dir, 'docs'));
  // Our own invented text, with CRLF line ends and an emoji before the mentions (offsets are code points).
  writeFileSync(join(dir, 'docs', 'a.txt'), '🙂 The Northland army shelled Brook, killing twelve civilians.\r\nMayor Lena Brandt promised to protect the families.\r\n');
  writeFileSync(join(dir, 'docs', 'bin.txt'), Buffer.from([0, 1, 2]));
  writeFileSync(
    join(dir, 'mentions.tsv'),
    ['a.txt\tNorthland army\t6\t19', 'a.txt\tcivilians\t54\t62', 'a.txt\tMayor Lena Brandt\t65\t81', 'gone.txt\tX\t0\t0', 'bin.txt\tY\t0\t0'].join('\n'),
  );
  writeFileSync(join(dir, 'bad.tsv'), 'a.txt\tX\t5\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('narrascope predict roles', () => {
  it('writes one ST1 row per mention of a readable document, in input order, and exits 3 for the skipped ones', async () => {
    const r = await runCli(['predict', 'roles', '--documents', join(dir, 'docs'), '--mentions', join(dir, 'mentions.tsv')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('gone.txt');
    expect(r.stderr).toContain('skipped 1 mention(s) of "bin.txt": binary file, not UTF-8 text');
    const rows = parseSt1(r.stdout);
    expect(rows.map((x) => [x.doc, x.entity, x.start, x.end])).toEqual([
      ['a.txt', 'Northland army', 6, 19],
      ['a.txt', 'civilians', 54, 62],
      ['a.txt', 'Mayor Lena Brandt', 65, 81],
    ]);
    for (const row of rows) {
      expect(MAIN_ROLE_CLASSES).toContain(row.main);
      expect(row.fine).toHaveLength(1);
      expect(FINE_ROLE_CLASSES[row.main as string]).toContain(row.fine[0]);
    }
    expect(rows[1]).toMatchObject({ main: 'Innocent', fine: ['Victim'] });
  });

  it.each([
    [['--mentions', 'x.tsv'], /missing --documents/u],
    [['--documents', '.'], /missing --mentions/u],
    [['--documents', 'no-such-dir', '--mentions', 'x.tsv'], /not found/u],
  ])('usage errors exit 2: %j', async (args, message) => {
    const r = await runCli(['predict', 'roles', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('skips a mention outside its document with a message and exit 3 instead of answering for an empty span', async () => {
    writeFileSync(join(dir, 'outside.tsv'), ['a.txt\tcivilians\t54\t62', 'a.txt\tKremlin\t500\t506', 'a.txt\tfamilies.\t105\t113'].join('\n'));
    const r = await runCli(['predict', 'roles', '--documents', join(dir, 'docs'), '--mentions', join(dir, 'outside.tsv')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/skipped mention "Kremlin" 500-506 of "a\.txt": outside the document \(116 code points\)/u);
    expect(parseSt1(r.stdout).map((x) => x.entity)).toEqual(['civilians', 'families.']);
  });

  it('refuses a mention row with an empty entity or document column', async () => {
    for (const [name, row, what] of [['no-entity.tsv', 'a.txt\t\t54\t62', 'entity'], ['no-doc.tsv', '\tcivilians\t54\t62', 'document']] as const) {
      writeFileSync(join(dir, name), `a.txt\tcivilians\t54\t62\n${row}\n`);
      const r = await runCli(['predict', 'roles', '--documents', join(dir, 'docs'), '--mentions', join(dir, name)]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`54-62 has an empty ${what} column`, 'u'));
    }
  });

  it('names a skipped document without the escape sequences of its name in the mentions file', async () => {
    writeFileSync(join(dir, 'esc.tsv'), 'gone\u001b[2J.txt\tX\t0\t1\n');
    const r = await runCli(['predict', 'roles', '--documents', join(dir, 'docs'), '--mentions', join(dir, 'esc.tsv')]);
    // Its only mention skipped: nothing predicted, so bad input (2), not a partial run (3).
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('skipped 1 mention(s) of "gone [2J.txt"');
    expect(r.stderr).not.toContain('\u001b');
  });

  it('names the file and line of a malformed mentions row', async () => {
    const r = await runCli(['predict', 'roles', '--documents', join(dir, 'docs'), '--mentions', join(dir, 'bad.tsv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.tsv: line 1: expected at least 4/u);
  });
});

const st1 = sharedDataOrSkip('narratives-2025', 'subtask-1-annotations.txt');
describe.skipIf(!st1)('predict roles on narratives-2025 (shared data)', () => {
  it('answers every gold mention of three documents with a valid role pair', async () => {
    const gold = readFileSync(st1 as string, 'utf8').split('\n').filter(Boolean);
    const docs = [...new Set(gold.map((l) => l.split('\t')[0]))].slice(0, 3);
    const rows = gold.filter((l) => docs.includes(l.split('\t')[0]));
    writeFileSync(join(dir, 'gold3.tsv'), rows.join('\n'));
    const r = await runCli(['predict', 'roles', '--documents', join(st1 as string, '..', 'documents'), '--mentions', join(dir, 'gold3.tsv')]);
    expect(r.code).toBe(0);
    const out = parseSt1(r.stdout);
    expect(out).toHaveLength(rows.length);
    for (const row of out) expect(FINE_ROLE_CLASSES[row.main as string]).toContain(row.fine[0]);
  });
});
