import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/analyzer.js';
import { readInput, type ReadItem, type ReadOptions } from '../../src/ingest/read-input.js';
import { builtinReaders, chooseReader } from '../../src/ingest/readers.js';
import { InputError, type Reader } from '../../src/ingest/types.js';

async function collect(spec: string, options: ReadOptions = {}): Promise<ReadItem[]> {
  const out: ReadItem[] = [];
  for await (const item of readInput(spec, options)) out.push(item);
  return out;
}

const summary = (items: ReadItem[]): [string, string, string][] =>
  items.map((i) => [
    i.kind,
    i.origin,
    i.kind === 'document' ? i.document.source.kind : i.kind === 'error' ? i.error.kind : i.reason,
  ]);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'narrascope-read-'));
  mkdirSync(join(dir, 'mixed', 'sub'), { recursive: true });
  mkdirSync(join(dir, 'mixed', '.git'));
  writeFileSync(join(dir, 'mixed', 'a.txt'), 'Myth: the port is closed.\nFact: it is open.');
  writeFileSync(
    join(dir, 'mixed', 'b.html'),
    '<html><body><p>An HTML page about the port.</p></body></html>',
  );
  writeFileSync(join(dir, 'mixed', 'c.md'), '# Notes\n\nSome **notes**.');
  writeFileSync(join(dir, 'mixed', 'empty.txt'), '');
  writeFileSync(join(dir, 'mixed', 'blank.txt'), '  \n\n ');
  writeFileSync(join(dir, 'mixed', 'broken.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x14]));
  writeFileSync(join(dir, 'mixed', 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  writeFileSync(join(dir, 'mixed', 'README'), 'No extension, plain text.');
  writeFileSync(join(dir, 'mixed', 'sub', 'd.txt'), 'Nested file.');
  writeFileSync(join(dir, 'mixed', '.git', 'config'), 'hidden');
  writeFileSync(join(dir, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b]));
  writeFileSync(join(dir, 'crlf.txt'), '\ufeffLine one.\r\nLine two.\r\n');
  writeFileSync(join(dir, 'big.txt'), 'x'.repeat(2000));
  // "Ложь" in windows-1251, declared by a <meta> tag as saved pages do.
  writeFileSync(
    join(dir, 'cp1251.html'),
    Buffer.concat([
      Buffer.from('<html><head><meta charset="windows-1251"></head><body><p>'),
      Buffer.from([0xcb, 0xee, 0xe6, 0xfc]),
      Buffer.from('</p></body></html>'),
    ]),
  );
  writeFileSync(
    join(dir, 'lying-meta.html'),
    '<html><head><meta charset="windows-1251"></head><body><p>Ложь</p></body></html>',
  );
  mkdirSync(join(dir, 'links'));
  symlinkSync(join(dir, 'mixed', 'a.txt'), join(dir, 'links', 'to-file.txt'));
  symlinkSync(join(dir, 'links'), join(dir, 'links', 'loop'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readInput: files and directories', () => {
  it('reads a directory in sorted order: supported files analysed, bad ones reported, others skipped, hidden ignored', async () => {
    const items = await collect('mixed', { cwd: dir });
    expect(summary(items)).toEqual([
      ['document', 'mixed/README', 'text'],
      ['document', 'mixed/a.txt', 'text'],
      ['document', 'mixed/b.html', 'html'],
      ['error', 'mixed/blank.txt', 'empty'],
      ['error', 'mixed/broken.txt', 'binary'],
      ['document', 'mixed/c.md', 'markdown'],
      ['error', 'mixed/empty.txt', 'empty'],
      ['skipped', 'mixed/photo.png', 'unsupported file type ".png"'],
      ['document', 'mixed/sub/d.txt', 'text'],
    ]);
  });

  it('names a missing path', async () => {
    const [item] = await collect('no/such/file.txt', { cwd: dir });
    expect(item?.kind === 'error' && [item.error.kind, item.error.message]).toEqual([
      'not-found',
      'no/such/file.txt: no such file or directory',
    ]);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const [item] = await collect('big.txt', { cwd: dir, maxBytes: 1000 });
    expect(item?.kind === 'error' && item.error.kind).toBe('too-large');
    expect(item?.kind === 'error' && item.error.message).toBe(
      'big.txt is 2.0 KiB, over the limit of 1000 bytes',
    );
    expect(item?.kind === 'error' && item.error.hint).toMatch(/--max-bytes/u);
  });

  it('replaces invalid UTF-8 and carries the warning into the document', async () => {
    const [item] = await collect('latin1.txt', { cwd: dir });
    expect(item?.kind).toBe('document');
    if (item?.kind !== 'document') return;
    expect(item.document.text).toBe('caf\ufffd ok');
    expect(item.document.warnings[0]).toMatch(/1 invalid UTF-8 byte sequence was replaced/u);
  });

  it('maps offsets of a BOM + CRLF file back into the file', async () => {
    const [item] = await collect('crlf.txt', { cwd: dir });
    if (item?.kind !== 'document') throw new Error('expected a document');
    expect(item.document.text).toBe('Line one.\nLine two.\n');
    // Offsets lead into the decoded file text (the BOM is not a character of it).
    const raw = 'Line one.\r\nLine two.\r\n';
    const at = item.document.sourceMap.toOriginal(item.document.text.indexOf('two'));
    expect(raw.slice(at, at + 3)).toBe('two');
  });

  it('decodes a page in the charset its <meta> tag declares, unless the bytes are valid UTF-8', async () => {
    const [cp] = await collect('cp1251.html', { cwd: dir });
    expect(cp?.kind === 'document' && [cp.document.text, cp.document.warnings]).toEqual(['Ложь', []]);
    const [utf8] = await collect('lying-meta.html', { cwd: dir });
    expect(utf8?.kind === 'document' && utf8.document.text).toBe('Ложь');
  });

  it('follows a link to a file but not a link to a folder', async () => {
    expect(summary(await collect('links', { cwd: dir }))).toEqual([
      ['document', 'links/to-file.txt', 'text'],
    ]);
  });

  it.skipIf(!existsSync('/proc/version'))(
    'reads a file that reports size 0 (/proc) as a stream',
    async () => {
      const [item] = await collect('/proc/version');
      expect(item?.kind === 'document' && item.document.text.length).toBeGreaterThan(10);
    },
  );

  it('gives HTML documents a source map into the raw markup of the file', async () => {
    const path = new URL('../fixtures/inputs/article.html', import.meta.url).pathname;
    const [item] = await collect(path);
    if (item?.kind !== 'document') throw new Error('expected a document');
    const raw = readFileSync(path, 'utf8');
    for (const phrase of ['secret military base', 'Truth: the beach', 'Residents can send']) {
      const at = item.document.sourceMap.toOriginal(item.document.text.indexOf(phrase));
      expect(raw.slice(at, at + phrase.length)).toBe(phrase);
    }
  });

  it('forces a reader with format and a language with language', async () => {
    const [item] = await collect('mixed/a.txt', { cwd: dir, format: 'markdown', language: 'ru' });
    if (item?.kind !== 'document') throw new Error('expected a document');
    expect([item.document.source.kind, item.document.language]).toEqual(['markdown', 'ru']);
    const [bad] = await collect('mixed/a.txt', { cwd: dir, format: 'pdf' });
    expect(bad?.kind === 'error' && bad.error.message).toBe('unknown input format "pdf"');
  });

  it("keeps <html lang> as a hint, which a sure identification overrides, and --language as an order", async () => {
    // A site template's default: lang="ru" on a page written in English.
    writeFileSync(join(dir, 'template.html'), '<html lang="ru-RU"><body><article><p>The ferry company said on Monday that the crossing to the island will close for repairs from March until the end of May.</p></article></body></html>');
    const [hinted] = await collect('template.html', { cwd: dir });
    if (hinted?.kind !== 'document') throw new Error('expected a document');
    expect([hinted.document.language, hinted.document.declaredLanguage]).toEqual([undefined, 'ru']);
    const result = await createAnalyzer().analyze(hinted.document);
    expect(result.document.language).toBe('en');
    expect(result.warnings).toContainEqual(expect.stringMatching(/^the record gives the language "ru", but the text reads as "en"/u));
    const [forced] = await collect('template.html', { cwd: dir, language: 'de' });
    if (forced?.kind !== 'document') throw new Error('expected a document');
    expect([forced.document.language, forced.document.declaredLanguage]).toEqual(['de', undefined]);
  });
});

describe('readInput: standard input', () => {
  it('reads "-" and sniffs HTML', async () => {
    const [item] = await collect('-', {
      stdin: Readable.from([Buffer.from('<!DOCTYPE html><html><body><p>From a pipe.</p></body></html>')]),
    });
    if (item?.kind !== 'document') throw new Error('expected a document');
    expect([item.document.source.kind, item.document.text]).toEqual(['html', 'From a pipe.']);
  });

  it('stops reading standard input over the limit', async () => {
    const chunks = Array.from({ length: 20 }, () => Buffer.alloc(100, 0x61));
    const [item] = await collect('-', { stdin: Readable.from(chunks), maxBytes: 1000 });
    expect(item?.kind === 'error' && item.error.message).toBe(
      'standard input is more than 1000 bytes, over the limit of 1000 bytes',
    );
  });

  it('reports empty standard input', async () => {
    const [item] = await collect('-', { stdin: Readable.from([]) });
    expect(item?.kind === 'error' && item.error.kind).toBe('empty');
  });
});

describe('readInput: URLs (local server on 127.0.0.1)', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      const url = req.url ?? '/';
      if (url === '/page') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end('<html><head><title>Local page</title></head><body><p>Served locally.</p></body></html>');
      } else if (url === '/plain.md') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('# Heading\n\nPlain text over HTTP.');
      } else if (url === '/cp1251') {
        res.writeHead(200, { 'content-type': 'text/plain; charset=windows-1251' });
        res.end(Buffer.from([0xcb, 0xee, 0xe6, 0xfc])); // "Ложь"
      } else if (url.startsWith('/hop/')) {
        const n = Number(url.slice(5));
        res.writeHead(302, { location: n > 0 ? `/hop/${n - 1}` : '/page' });
        res.end();
      } else if (url === '/loop') {
        res.writeHead(301, { location: '/loop' });
        res.end();
      } else if (url === '/to-ftp') {
        res.writeHead(302, { location: 'ftp://127.0.0.1/file' });
        res.end();
      } else if (url === '/image') {
        res.writeHead(200, { 'content-type': 'image/png' });
        res.end(Buffer.from([0x89, 0x50]));
      } else if (url === '/huge-declared') {
        res.writeHead(200, { 'content-type': 'text/html', 'content-length': '5000000' });
        res.end();
      } else if (url === '/huge-streamed') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        for (let i = 0; i < 50; i++) res.write('x'.repeat(1000));
        res.end();
      } else if (url === '/slow') {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write('<p>start');
        // Never ends: the client's time limit must stop it.
      } else {
        res.writeHead(404, { 'content-type': 'text/html' });
        res.end('not here');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('fetches an HTML page', async () => {
    const [item] = await collect(`${base}/page`);
    if (item?.kind !== 'document') throw new Error(`expected a document, got ${JSON.stringify(item)}`);
    expect([
      item.document.text,
      item.document.title,
      item.document.source.kind,
      item.document.source.uri,
    ]).toEqual(['Served locally.', 'Local page', 'html', `${base}/page`]);
  });

  it('reads text/plain by the URL extension and decodes a declared charset', async () => {
    const [md] = await collect(`${base}/plain.md`);
    expect(md?.kind === 'document' && [md.document.source.kind, md.document.text]).toEqual([
      'markdown',
      '# Heading\n\nPlain text over HTTP.',
    ]);
    const [cp] = await collect(`${base}/cp1251`);
    expect(cp?.kind === 'document' && cp.document.text).toBe('Ложь');
  });

  it('follows redirects up to the limit and records the final URL', async () => {
    const [ok] = await collect(`${base}/hop/2`, { maxRedirects: 3 });
    expect(ok?.kind === 'document' && ok.document.source.uri).toBe(`${base}/page`);
    const [tooMany] = await collect(`${base}/hop/5`, { maxRedirects: 3 });
    expect(tooMany?.kind === 'error' && tooMany.error.message).toBe(`${base}/hop/5: more than 3 redirects`);
    const [loop] = await collect(`${base}/loop`);
    expect(loop?.kind === 'error' && loop.error.kind).toBe('network');
  });

  it.each([
    ['/image', 'network', /content type "image\/png" is not a web page or text/u],
    ['/missing', 'network', /the server answered 404/u],
    ['/huge-declared', 'too-large', /is 4\.8 MiB, over the limit of 10 KiB/u],
    ['/huge-streamed', 'too-large', /sent more than 10 KiB/u],
    [
      '/to-ftp',
      'unsupported',
      /redirects to ftp:\/\/127\.0\.0\.1\/file, which uses ftp; only http and https/u,
    ],
  ])('refuses %s (%s)', async (path, kind, message) => {
    const [item] = await collect(`${base}${path}`, { maxBytes: 10 * 1024 });
    expect(item?.kind === 'error' && item.error.kind).toBe(kind);
    expect(item?.kind === 'error' && item.error.message).toMatch(message);
  });

  it('refuses a URL with a user name or password, without repeating the password', async () => {
    const withCredentials = base.replace('http://', 'http://analyst:s3cret@');
    const [item] = await collect(`${withCredentials}/page`);
    expect(item?.kind === 'error' && item.error.kind).toBe('unsupported');
    expect(item?.kind === 'error' && item.error.message).toMatch(/holds a user name or password; such URLs are not fetched/u);
    expect(item?.kind === 'error' && item.error.message).not.toContain('s3cret');
  });

  it('gives up on a server that does not finish within the time limit', async () => {
    const [item] = await collect(`${base}/slow`, { timeoutMs: 300 });
    expect(item?.kind === 'error' && [item.error.kind, item.error.message]).toEqual([
      'network',
      `${base}/slow: no complete answer within 300 ms`,
    ]);
  });

  it('reports a refused connection as a network error', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const [item] = await collect(`http://127.0.0.1:${port}/`);
    expect(item?.kind === 'error' && [item.error.kind, item.error.message]).toEqual([
      'network',
      `http://127.0.0.1:${port}/: cannot fetch (the connection was refused)`,
    ]);
  });

  it('refuses non-http schemes without fetching', async () => {
    const [item] = await collect('file:///etc/passwd');
    expect(item?.kind === 'error' && item.error.kind).toBe('unsupported');
  });
});

describe('chooseReader', () => {
  it.each([
    [{ format: 'markdown', uri: 'a.html' }, 'markdown'],
    [{ mediaType: 'text/html', uri: 'a.txt' }, 'html'],
    [{ mediaType: 'text/plain', uri: 'http://x.org/a.md' }, 'markdown'],
    [{ uri: 'page.HTM' }, 'html'],
    [{ head: '<!doctype html><p>x' }, 'html'],
    [{ head: '# Title\n\n[link](http://x)' }, 'markdown'],
    [{ head: 'Just text.' }, 'text'],
  ])('%j → %s', (choice, name) => expect(chooseReader(choice).name).toBe(name));
});

describe('the reader contract', () => {
  // A batch reader (the shape of jsonl / csv / feed readers): one document per record, an InputError for a bad one.
  const lines: Reader = {
    name: 'lines',
    description: 'one document per line (test reader)',
    extensions: ['.lines'],
    mediaTypes: [],
    *read(input) {
      const rows = input.text.split('\n');
      for (const [i, row] of rows.entries()) {
        if (row.startsWith('!'))
          yield new InputError('malformed', `${input.uri ?? 'stdin'} line ${i + 1}: bad record`);
        else
          yield {
            text: row,
            source: { kind: 'lines', ...(input.uri ? { uri: input.uri } : {}) },
            warnings: [...input.warnings],
          };
      }
    },
  };

  it('plugs a new reader in by extension and keeps going after a bad record', async () => {
    writeFileSync(join(dir, 'corpus.lines'), 'First document.\n!broken\n\nThird document.');
    const items = await collect('corpus.lines', { cwd: dir, readers: [lines, ...builtinReaders] });
    expect(
      items.map((i) =>
        i.kind === 'document' ? i.document.text : i.kind === 'error' ? i.error.message : i.reason,
      ),
    ).toEqual([
      'First document.',
      'corpus.lines line 2: bad record',
      'corpus.lines (document 2) is empty: there is no text to analyse',
      'Third document.',
    ]);
  });
});
