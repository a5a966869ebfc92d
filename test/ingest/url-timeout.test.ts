/** Long time limits for URLs: more than setTimeout's 2^31 - 1 ms made the timer fire at once. */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { fetchUrl } from '../../src/ingest/url-source.js';

describe('URL time limits', () => {
  it('fetchUrl takes a limit past 2^31 ms as "very long", not as "now"', async () => {
    const slow = (async (_url: string, init: RequestInit) => {
      await new Promise((ok) => setTimeout(ok, 50));
      init.signal?.throwIfAborted(); // as fetch does
      return new Response('<p>A page.</p>', { headers: { 'content-type': 'text/html' } });
    }) as typeof fetch;
    const got = await fetchUrl('https://example.org/a', {
      maxBytes: 1000,
      timeoutMs: 9_999_999_000,
      fetch: slow,
    });
    expect(new TextDecoder().decode(got.bytes)).toBe('<p>A page.</p>');
  });

  it('ingest --timeout is bounded as for analyze (0.1 to 3600 s)', async () => {
    let stderr = '';
    const err = new PassThrough();
    err.on('data', (d: Buffer) => (stderr += d.toString()));
    const io = {
      stdout: new PassThrough(),
      stderr: err,
      stdin: new PassThrough(),
      cwd: process.cwd(),
      env: {},
    };
    const code = await main(
      ['ingest', 'https://example.org/a', '--timeout', '9999999', '--db', '/nonexistent/dir/x.db'],
      io,
    );
    expect([code, stderr.split('\n')[0]]).toEqual([
      2,
      'narrascope ingest: --timeout must be a number from 0.1 to 3600, got "9999999"',
    ]);
  });
});
