/**
 * Crash safety and concurrency, with real processes: an ingest killed with SIGKILL mid-run and run again
 * ends with every document stored exactly once; two ingests into one SQLite file at once are serialised.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exited, spawnCli, syntheticJsonl } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function counts(db: string): { documents: number; hashes: number; analyses: number; orphans: number; duplicates: number } {
  const d = new Database(db, { readonly: true, fileMustExist: true });
  try {
    const one = (q: string): number => (d.prepare(q).get() as { n: number }).n;
    return {
      documents: one('SELECT count(*) AS n FROM documents'),
      hashes: one('SELECT count(DISTINCT hash) AS n FROM documents'),
      analyses: one('SELECT count(*) AS n FROM analyses'),
      // derived rows must belong to the document's current analysis
      orphans: one('SELECT count(*) AS n FROM findings f JOIN documents d ON d.id = f.document_id WHERE f.analysis_id <> d.current_analysis_id'),
      duplicates: one('SELECT count(*) AS n FROM (SELECT document_id FROM analyses GROUP BY document_id HAVING count(*) > 1)'),
    };
  } finally {
    d.close();
  }
}

function storedCount(db: string): number {
  try {
    const d = new Database(db, { readonly: true, fileMustExist: true, timeout: 1000 });
    try {
      return (d.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
    } finally {
      d.close();
    }
  } catch {
    return 0;
  }
}

describe('crash safety', () => {
  it('an ingest killed with SIGKILL mid-run, then run again, stores every document exactly once', async () => {
    const N = 150;
    const input = join(dir, 'kill.jsonl');
    writeFileSync(input, syntheticJsonl(0, N));
    const db = join(dir, 'kill.db');
    const child = spawnCli(['ingest', input, '--db', db, '--workers', '1'], dir);
    const done = exited(child);
    let killedAt = -1;
    for (let i = 0; i < 1200 && killedAt < 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
      const n = storedCount(db);
      if (n >= 10) {
        child.kill('SIGKILL');
        killedAt = n;
      }
    }
    const first = await done;
    expect(first.signal).toBe('SIGKILL');
    const partial = counts(db).documents;
    expect(partial).toBeGreaterThanOrEqual(killedAt);
    expect(partial).toBeLessThan(N);
    const rerun = await exited(spawnCli(['ingest', input, '--db', db, '--workers', '1', '--json'], dir));
    expect(rerun.code).toBe(0);
    const summary = JSON.parse(rerun.stdout) as { inserted: number; unchanged: number };
    expect(summary.inserted + summary.unchanged).toBe(N);
    expect(summary.unchanged).toBe(partial);
    expect(counts(db)).toEqual({ documents: N, hashes: N, analyses: N, orphans: 0, duplicates: 0 });
  }, 120_000);

  it('two ingests into one SQLite file at the same time are serialised without loss or duplicates', async () => {
    const a = join(dir, 'a.jsonl');
    const b = join(dir, 'b.jsonl');
    writeFileSync(a, syntheticJsonl(1000, 1060));
    writeFileSync(b, syntheticJsonl(1040, 1100)); // 20 documents in common
    const db = join(dir, 'shared.db');
    const [ra, rb] = await Promise.all([exited(spawnCli(['ingest', a, '--db', db, '--workers', '1', '--json'], dir)), exited(spawnCli(['ingest', b, '--db', db, '--workers', '1', '--json'], dir))]);
    expect([ra.code, rb.code, ra.stderr, rb.stderr]).toEqual([0, 0, '', '']);
    const sa = JSON.parse(ra.stdout) as { inserted: number; unchanged: number };
    const sb = JSON.parse(rb.stdout) as { inserted: number; unchanged: number };
    expect(sa.inserted + sb.inserted).toBe(100);
    expect(sa.unchanged + sb.unchanged).toBe(20);
    expect(counts(db)).toEqual({ documents: 100, hashes: 100, analyses: 100, orphans: 0, duplicates: 0 });
  }, 120_000);
});
