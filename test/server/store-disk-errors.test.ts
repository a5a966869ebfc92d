/**
 * A read that meets the disk's trouble (SQLite's SQLITE_IOERR, SQLITE_FULL: a failing or disconnected
 * drive, a full disk) is a passing condition of the store, answered 503 store-unavailable with
 * Retry-After like an unreachable database; it was a 500 "bug in Narrascope".
 */
import { expect, it } from 'vitest';
import { createServer } from '../../src/server/index.js';
import type { CorpusService } from '../../src/server/corpus.js';
import { errorOf, sharedAnalysis } from './helpers.js';

/** A corpus whose every call fails with a SQLite error of `code`, as better-sqlite3 throws it. */
function failingCorpus(code: string): CorpusService {
  return new Proxy({} as CorpusService, {
    get: () => () => Promise.reject(Object.assign(new Error('disk I/O error'), { code })),
  });
}

it.each(['SQLITE_IOERR', 'SQLITE_IOERR_READ', 'SQLITE_FULL'])('%s on a read is 503 store-unavailable', async (code) => {
  const app = await createServer({ analysis: sharedAnalysis, corpus: failingCorpus(code), rateLimit: false });
  try {
    const res = await app.inject({ method: 'GET', url: '/api/documents' });
    expect([res.statusCode, errorOf(res).code, res.headers['retry-after']]).toEqual([503, 'store-unavailable', '5']);
  } finally {
    await app.close();
  }
});

it('another error is still a 500', async () => {
  const app = await createServer({ analysis: sharedAnalysis, corpus: failingCorpus('SQLITE_ERROR'), rateLimit: false, logger: false });
  try {
    expect((await app.inject({ method: 'GET', url: '/api/documents' })).statusCode).toBe(500);
  } finally {
    await app.close();
  }
});
