import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type * as WatchModule from '../../corpus/watch.js';
import { StoreError } from '../../store/errors.js';
import { main } from '../main.js';

// The store is locked while the ledger of the document is read: that is a store problem, not a bad hash.
vi.mock('../../corpus/watch.js', async (original) => ({
  ...(await original<typeof WatchModule>()),
  watchLedgerOf: async () => {
    throw new StoreError('locked', 'the store is locked by another process', 'Wait for the other narrascope process to finish.');
  },
}));

const dir = mkdtempSync(join(tmpdir(), 'narrascope-watch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('watch add --from-doc', () => {
  it('reports a store error as one (exit 4), not as an unknown document (exit 2)', async () => {
    let stderr = '';
    const err = new PassThrough();
    err.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await main(['watch', 'add', '--from-doc', 'abcdef12', '--db', join(dir, 'w.db')], { stdout: new PassThrough(), stderr: err, stdin: new PassThrough(), cwd: dir, env: {} });
    expect(code).toBe(4);
    expect(stderr).toContain('the store is locked by another process');
  });
});
