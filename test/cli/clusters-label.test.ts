import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-clusters-label-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('clusters: near-duplicates of documents without a title', () => {
  it('labels the cluster with the opening words of its first document (the label was empty)', async () => {
    const text =
      'The harbour authority said on Monday that grain exports through the southern port\n' +
      'will double next year after the new terminal opens, and that convoys will run weekly.';
    writeFileSync(
      join(dir, 'in.jsonl'),
      [
        JSON.stringify({ text, outlet: 'Harbour Daily', date: '2024-05-06' }),
        JSON.stringify({
          text: `${text} Republished with permission.`,
          outlet: 'Coast Wire',
          date: '2024-05-08',
        }),
      ].join('\n'),
    );
    const db = join(dir, 'c.db');
    expect((await runCli(['ingest', 'in.jsonl', '--db', db, '--workers', '1'], { cwd: dir })).code).toBe(0);
    const run = await runCli(['clusters', '--kind', 'near-duplicate', '--json', '--db', db]);
    const [near] = JSON.parse(run.stdout) as { clusters: { size: number; label: string }[] }[];
    expect(near!.clusters.map((c) => [c.size, c.label])).toEqual([
      [
        2,
        'The harbour authority said on Monday that grain exports through the southern port will double next year after the new terminal opens, and that convoys will run weekly.',
      ],
    ]);
  });
});
