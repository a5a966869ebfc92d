/**
 * `narrascope clusters` on a folder of files (no outlet named): the same text saved twice is a cluster, and
 * the listing shows it by default. It listed "none" while `--min-outlets 0` showed the cluster.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-clusters-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Our own text, long enough for word 3-shingles; saved twice and once with other words.
const TEXT =
  'The harbour authority said on Monday that the northern pier will stay closed until the spring because ' +
  'storm damage to the foundations was worse than the first inspection showed, and ferries will use the south quay.';

describe('clusters of documents without an outlet', () => {
  it('are listed by default, with "(none named)" for their outlets', async () => {
    const docs = join(dir, 'docs');
    const db = join(dir, 'c.db');
    rmSync(docs, { recursive: true, force: true });
    mkdirSync(docs);
    writeFileSync(join(docs, 'a.txt'), TEXT);
    writeFileSync(join(docs, 'b.txt'), `${TEXT}\n`);
    writeFileSync(join(docs, 'c.txt'), 'Bus fares rise by ten cents in January, the transport office announced after its yearly review of costs.');
    expect((await runCli(['ingest', docs, '--db', db, '--workers', '1'])).code).toBe(0);
    const listed = await runCli(['clusters', '--db', db, '--kind', 'near-duplicate']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/#\d+ {2}2 members, 0 outlets/u);
    expect(listed.stdout).toContain('outlets: (none named)');
    const json = JSON.parse((await runCli(['clusters', '--db', db, '--kind', 'near-duplicate', '--no-compute', '--json'])).stdout) as { clusters: { size: number }[] }[];
    expect(json[0]?.clusters.map((c) => c.size)).toEqual([2]);
    // Asking for named outlets still filters them out.
    expect((await runCli(['clusters', '--db', db, '--kind', 'near-duplicate', '--no-compute', '--min-outlets', '1'])).stdout).toContain('none');
  });
});
