import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, StoreError } from '../../src/store/index.js';
import { translateError } from '../../src/store/open.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-open-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a SQLite store that cannot be opened is a store error, not an internal one', () => {
  it('a --db in a folder that does not exist', async () => {
    const location = join(dir, 'missing', 'deeper', 'x.db');
    const e = await openStore(location).then(() => null, (x: unknown) => x);
    expect(e).toBeInstanceOf(StoreError);
    expect((e as StoreError).kind).toBe('unreachable');
    expect((e as StoreError).message).toMatch(/its folder does not exist/u);
    expect((e as StoreError).hint).toMatch(/Create the folder/u);
    expect(existsSync(join(dir, 'missing'))).toBe(false);
  });

  it.each(['SQLITE_READONLY', 'SQLITE_READONLY_DIRECTORY', 'SQLITE_READONLY_CANTINIT', 'SQLITE_CANTOPEN_ISDIR'])('SQLite code %s', (code) => {
    // What better-sqlite3 throws when the folder is read-only for this user (root, who runs the tests, is never refused).
    const e = translateError(Object.assign(new Error('attempt to write a readonly database'), { code }), '/srv/x.db');
    expect(e).toBeInstanceOf(StoreError);
    expect((e as StoreError).kind).toBe('unreachable');
    if (code.startsWith('SQLITE_READONLY')) expect((e as StoreError).hint).toMatch(/journal files/u);
  });
});
