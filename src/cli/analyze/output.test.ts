import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { writeOutput } from './output.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-output-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeOutput', () => {
  it('reports a target it cannot replace (a folder) and leaves no temporary file behind', async () => {
    mkdirSync(join(dir, 'report'));
    await expect(writeOutput('{}', 'report', new PassThrough(), dir)).rejects.toThrow(/^cannot write report: /u);
    expect(readdirSync(dir)).toEqual(['report']);
  });
});
