/** The store every command opens: --db, else $NARRASCOPE_DB, else ./narrascope.db (src/cli/store-location.ts). */
import { describe, expect, it } from 'vitest';
import { storeLocation } from '../../src/cli/store-location.js';

const io = (env: Record<string, string> = {}): { cwd: string; env: Record<string, string> } => ({ cwd: '/work/here', env });

describe('storeLocation', () => {
  it('takes --db first, then $NARRASCOPE_DB (empty counts as unset), then ./narrascope.db, resolved against the working directory', () => {
    expect(storeLocation('corpus.db', io({ NARRASCOPE_DB: '/elsewhere/x.db' }))).toBe('/work/here/corpus.db');
    expect(storeLocation(undefined, io({ NARRASCOPE_DB: 'team.db' }))).toBe('/work/here/team.db');
    expect(storeLocation(undefined, io({ NARRASCOPE_DB: '' }))).toBe('/work/here/narrascope.db');
    expect(storeLocation(undefined, io())).toBe('/work/here/narrascope.db');
  });

  it('refuses an empty --db as a usage error (it resolved to the working directory: exit 4, "is a directory")', () => {
    expect(() => storeLocation('', io())).toThrow(/--db is empty/u);
    expect(() => storeLocation('  ', io())).toThrow(expect.objectContaining({ exitCode: 2 }));
  });

  it('keeps a PostgreSQL URL as it is', () => {
    const url = 'postgres://root@127.0.0.1:5432/test?schema=team';
    expect(storeLocation(undefined, io({ NARRASCOPE_DB: url }))).toBe(url);
    expect(storeLocation(url, io())).toBe(url);
  });
});
