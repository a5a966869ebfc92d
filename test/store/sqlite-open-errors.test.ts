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

describe('paths that cannot be a store file', () => {
  it('a device such as /dev/null is refused (it was "internal error: disk I/O error")', async () => {
    for (const create of [false, true]) {
      await expect(openStore('/dev/null', { create })).rejects.toMatchObject({ name: 'StoreError', kind: 'bad-url', message: expect.stringMatching(/not a regular file/u) });
    }
  });

  it('a NUL in the path is refused, where SQLite opened the file named by the part before it', async () => {
    await expect(openStore(join(dir, 'a\u0000b.db'))).rejects.toMatchObject({ kind: 'bad-url' });
    expect(existsSync(join(dir, 'a'))).toBe(false);
  });

  it.each([
    ['SQLITE_IOERR', /cannot read or write/u],
    ['SQLITE_IOERR_SHORT_READ', /cannot read or write/u],
    ['SQLITE_FULL', /the disk is full/u],
  ])('SQLite code %s is a store error', (code, message) => {
    const e = translateError(Object.assign(new Error('disk I/O error'), { code }), '/srv/x.db');
    expect(e).toMatchObject({ name: 'StoreError', kind: 'unreachable', message: expect.stringMatching(message) });
  });
});
