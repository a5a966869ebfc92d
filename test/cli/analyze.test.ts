import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/core/result/types.js';
import { validateAnalysisResult } from '../../src/export/format/index.js';
import { runCli } from './run-cli.js';

const fixtures = fileURLToPath(new URL('../fixtures/inputs/', import.meta.url));
const mythFact = join(fixtures, 'myth-fact.txt');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'narrascope-cli-'));
  mkdirSync(join(dir, 'batch'));
  writeFileSync(
    join(dir, 'batch', '1-good.txt'),
    'Myth: the port is closed.\n\nFact: the port is open every day.',
  );
  writeFileSync(join(dir, 'batch', '2-empty.txt'), '');
  writeFileSync(
    join(dir, 'batch', '3-binary.txt'),
    Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00]),
  );
  writeFileSync(
    join(dir, 'batch', '4-page.html'),
    '<html><body><h2>Myth</h2><p>The beach will close.</p><h2>Fact</h2><p>The beach stays open.</p></body></html>',
  );
  // A real PNG starts with its signature and an IHDR chunk whose length has NUL bytes.
  writeFileSync(
    join(dir, 'batch', '5-image.png'),
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
  );
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'binary.dat'), Buffer.from([0x00, 0x01, 0x02, 0x03]));
  writeFileSync(
    join(dir, 'latin1.txt'),
    Buffer.from('Myth: the caf\xe9 is closed.\nFact: it is open.', 'latin1'),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const json = (stdout: string): AnalysisResult => JSON.parse(stdout) as AnalysisResult;

describe('narrascope analyze', () => {
  it('prints a stylish report of a text file', async () => {
    const r = await runCli(['analyze', mythFact]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('myth-fact.txt');
    expect(r.stdout).toMatch(/\d+:\d+/u);
  });

  it('writes a schema-valid JSON result with the document fields', async () => {
    const r = await runCli(['analyze', mythFact, '--format', 'json']);
    expect(r.code).toBe(0);
    const result = json(r.stdout);
    expect(validateAnalysisResult(result)).toEqual([]);
    expect(result.document).toMatchObject({
      title: 'myth-fact',
      language: 'en',
      source: { kind: 'text', uri: mythFact },
    });
    expect(
      result.findings.some(
        (f) =>
          f.detector === 'structure/heading' && f.span.text === 'Myths and Facts About the Harbour Project',
      ),
    ).toBe(true);
  });

  it('writes an HTML report to --out, creating the folder', async () => {
    const out = join(dir, 'reports', 'r.html');
    const r = await runCli(['analyze', mythFact, '--format', 'html', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toMatch(/^<!DOCTYPE html>/iu);
  });

  it('reads standard input with "-"', async () => {
    const r = await runCli(['analyze', '-', '--format', 'json'], {
      stdin: '# Myths\n\nMyth: the port is closed.',
    });
    expect(r.code).toBe(0);
    expect(json(r.stdout).document.text).toBe('# Myths\n\nMyth: the port is closed.');
  });

  it('analyses the readable text of an HTML file', async () => {
    const r = await runCli(['analyze', join(fixtures, 'article.html'), '--format', 'json']);
    expect(r.code).toBe(0);
    const result = json(r.stdout);
    expect(result.document.source).toMatchObject({ kind: 'html', mediaType: 'text/html' });
    expect(result.document.title).toBe('Myths and facts about the harbour project');
    expect(result.document.text).not.toContain('Advertisement');
  });

  it('analyses Markdown with headings kept', async () => {
    const r = await runCli(['analyze', join(fixtures, 'notes.md'), '--format', 'json']);
    const result = json(r.stdout);
    expect(result.document.title).toBe('Harbour notes');
    expect(result.findings.find((f) => f.detector === 'structure/heading')?.span.text).toBe(
      'Harbour questions',
    );
  });

  describe('a directory with mixed files', () => {
    it('analyses the good files in order, reports the bad ones and exits 3', async () => {
      const r = await runCli(['analyze', 'batch', '--format', 'json'], { cwd: dir });
      expect(r.code).toBe(3);
      const results = JSON.parse(r.stdout) as AnalysisResult[];
      expect(results.map((x) => x.document.source.uri)).toEqual(['batch/1-good.txt', 'batch/4-page.html']);
      expect(r.stderr).toContain('batch/2-empty.txt is empty');
      expect(r.stderr).toContain('batch/3-binary.txt looks like a binary file');
      expect(r.stderr).toMatch(/skipped 1 file: batch\/5-image\.png \(/u);
    });

    it('keeps the order of several inputs and --quiet hides notices but not errors', async () => {
      const r = await runCli(
        ['analyze', 'batch/4-page.html', 'batch/1-good.txt', 'batch/5-image.png', '--format', 'json', '-q'],
        { cwd: dir },
      );
      expect(r.code).toBe(3);
      expect((JSON.parse(r.stdout) as AnalysisResult[]).map((x) => x.document.source.uri)).toEqual([
        'batch/4-page.html',
        'batch/1-good.txt',
      ]);
      expect(r.stderr).toContain('batch/5-image.png is a PNG image, not text');
    });

    it('writes an array whenever several inputs were named or some failed, even if one result is left', async () => {
      for (const argv of [
        ['batch/1-good.txt', 'batch/2-empty.txt'],
        ['batch/1-good.txt', 'batch/1-good.txt'],
      ]) {
        const r = await runCli(['analyze', ...argv, '--format', 'json'], { cwd: dir });
        const parsed = JSON.parse(r.stdout) as unknown;
        expect(Array.isArray(parsed), argv.join(' ')).toBe(true);
      }
      const one = await runCli(['analyze', 'batch/1-good.txt', '--format', 'json'], { cwd: dir });
      expect(Array.isArray(JSON.parse(one.stdout))).toBe(false);
    });

    it('shows progress on a terminal and clears it', async () => {
      const r = await runCli(['analyze', 'batch', '--format', 'json'], { cwd: dir, tty: true });
      expect(r.stderr).toContain('analysing 2: batch/4-page.html');
      expect(r.stderr.endsWith('\n')).toBe(true);
    });
  });

  describe('bad input', () => {
    it.each([
      [['missing.txt'], 2, 'narrascope analyze: missing.txt: no such file or directory'],
      [['empty.txt'], 2, 'empty.txt is empty: there is no text to analyse'],
      [
        ['binary.dat'],
        2,
        'binary.dat looks like a binary file (it contains a NUL byte at offset 0), not text',
      ],
      [['ftp://example.org/x'], 2, 'only http and https URLs are fetched'],
      [[], 2, 'no input given'],
      [['-', 'empty.txt', '-'], 2, '- (standard input) is given more than once'],
    ])('%j exits %i with a clear message', async (args, code, message) => {
      const r = await runCli(['analyze', ...args], { cwd: dir });
      expect(r.code).toBe(code);
      expect(r.stderr).toContain(message);
      expect(r.stdout).toBe('');
    });

    it('a folder without supported files exits 2 and says what is supported', async () => {
      mkdirSync(join(dir, 'images'), { recursive: true });
      writeFileSync(join(dir, 'images', 'a.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]));
      const r = await runCli(['analyze', 'images'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('no supported files found (1 skipped)');
      expect(r.stderr).toContain('.html');
    });

    it('--encoding reads a windows-1251 file; an unknown encoding is a usage error', async () => {
      writeFileSync(
        join(dir, 'ru-1251.txt'),
        Buffer.from([
          0xcb, 0xee, 0xe6, 0xfc, 0x3a, 0x20, 0xfd, 0xf2, 0xee, 0x20, 0xef, 0xf0, 0xe0, 0xe2, 0xe4, 0xe0,
          0x2e,
        ]),
      );
      const r = await runCli(['analyze', 'ru-1251.txt', '--encoding', 'windows-1251', '--format', 'json'], {
        cwd: dir,
      });
      expect(r.code).toBe(0);
      expect(json(r.stdout).document.text).toBe('Ложь: это правда.');
      const bad = await runCli(['analyze', 'ru-1251.txt', '--encoding', 'klingon'], { cwd: dir });
      expect([bad.code, bad.stderr.includes('unknown encoding "klingon"')]).toEqual([2, true]);
    });

    it('replaces invalid UTF-8 and reports it in the result warnings', async () => {
      const r = await runCli(['analyze', 'latin1.txt', '--format', 'json'], { cwd: dir });
      expect(r.code).toBe(0);
      expect(json(r.stdout).warnings.some((w) => /invalid UTF-8 byte sequence was replaced/u.test(w))).toBe(
        true,
      );
    });

    it('refuses a 50 MB text at the default 10 MiB limit without reading it, and names the flag', async () => {
      const big = join(dir, 'big.txt');
      const line = 'The harbour is a secret base, the post said, and it was shared many times.\n';
      writeFileSync(big, line.repeat(Math.ceil((50 * 1024 * 1024) / line.length)));
      try {
        const r = await runCli(['analyze', big]);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain('is 50.0 MiB, over the limit of 10 MiB');
        expect(r.stderr).toContain('--max-bytes');
        const small = await runCli(['analyze', mythFact, '--max-bytes', '100']);
        expect([small.code, small.stderr.includes('over the limit of 100 bytes')]).toEqual([2, true]);
      } finally {
        rmSync(big);
      }
    });
  });

  describe('flags', () => {
    it('--detectors and --rule select detectors', async () => {
      const only = json(
        (await runCli(['analyze', mythFact, '--format', 'json', '--detectors', 'structure/*'])).stdout,
      );
      expect(only.meta.detectors.every((d) => d.id.startsWith('structure/'))).toBe(true);
      const off = json(
        (await runCli(['analyze', mythFact, '--format', 'json', '--rule', 'structure/heading=off'])).stdout,
      );
      expect(off.meta.detectors.map((d) => d.id)).not.toContain('structure/heading');
      expect(off.findings.some((f) => f.detector === 'structure/heading')).toBe(false);
    });

    it('--min-confidence drops weaker findings', async () => {
      const all = json((await runCli(['analyze', mythFact, '--format', 'json'])).stdout);
      const strong = json(
        (await runCli(['analyze', mythFact, '--format', 'json', '--min-confidence', '0.95'])).stdout,
      );
      expect(strong.findings.every((f) => f.confidence >= 0.95)).toBe(true);
      expect(strong.findings.length).toBeLessThan(all.findings.length);
    });

    it('--language skips detection', async () => {
      const r = json((await runCli(['analyze', mythFact, '--format', 'json', '--language', 'en-GB'])).stdout);
      expect([r.document.language, r.document.languageConfidence]).toEqual(['en', null]);
    });

    it('--config reads a JSON config, flags override it', async () => {
      const cfg = join(dir, 'narrascope.json');
      writeFileSync(
        cfg,
        JSON.stringify({ detectors: ['structure/*'], rules: { 'structure/heading': 'off' } }),
      );
      const r = json((await runCli(['analyze', mythFact, '--format', 'json', '--config', cfg])).stdout);
      const ids = r.meta.detectors.map((d) => d.id);
      expect(ids.every((id) => id.startsWith('structure/'))).toBe(true);
      expect(ids).not.toContain('structure/heading');
      const over = json(
        (
          await runCli([
            'analyze',
            mythFact,
            '--format',
            'json',
            '--config',
            cfg,
            '--rule',
            'structure/heading=on',
          ])
        ).stdout,
      );
      expect(over.meta.detectors.map((d) => d.id)).toContain('structure/heading');
    });

    it.each([
      [['--format', 'pdf'], 'unknown format "pdf"'],
      [['--min-confidence', '2'], '--min-confidence must be a number from 0 to 1, got "2"'],
      [['--preset', 'nope'], 'unknown preset "nope"'],
      [['--detectors', 'nope/*'], 'no detector matches "nope/*"'],
      [['--rule', 'structure/heading=maybe'], 'is not off, on or a JSON object of options'],
      [['--rule', 'structure/heading={"x":1}'], 'unknown option "x"'],
      [['--language', 'english!'], '--language must be a language code'],
      [['--max-bytes', 'lots'], '--max-bytes must be a size'],
      [['--input-format', 'pdf'], 'unknown input format "pdf"'],
      [['--bogus'], "Unknown option '--bogus'"],
      [['--config', 'nope.json'], 'config file nope.json: no such file'],
    ])('%j is a usage error (exit 2)', async (flags, message) => {
      const r = await runCli(['analyze', mythFact, ...flags], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(message);
    });

    it.each([
      ['not JSON', '{ preset: default', 'is not valid JSON'],
      ['a list', '[]', 'the configuration must be an object, got []'],
      ['an unknown key', '{"presets": "all"}', 'unknown option "presets"; known options: preset, detectors'],
      [
        'a bad rule value',
        '{"rules": {"structure/heading": 3}}',
        'rules["structure/heading"] must be "off", "on" or an options object, got 3',
      ],
      ['a bad minConfidence', '{"minConfidence": "high"}', 'minConfidence must be in [0, 1], got "high"'],
      // Passed the CLI's own check, then failed in the library with a hint about detector ids and presets.
      ['a timeoutMs above what timers keep', '{"timeoutMs": 1e12}', 'timeoutMs must be a number of milliseconds above 0 and at most 2147483647'],
      [
        'an unknown detector',
        '{"rules": {"structure/nope": "off"}}',
        'rules: unknown detector "structure/nope"',
      ],
    ])('a config file with %s is refused', async (_name, content, message) => {
      const cfg = join(dir, 'bad-config.json');
      writeFileSync(cfg, content);
      const r = await runCli(['analyze', mythFact, '--config', cfg]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(message);
    });
  });

  describe('URLs (local server on 127.0.0.1)', () => {
    let server: Server;
    let base: string;
    beforeAll(async () => {
      server = createServer((req, res) => {
        if (req.url === '/page') {
          res.writeHead(200, { 'content-type': 'text/html' });
          res.end(
            '<html><head><title>Harbour page</title></head><body><p>Myth: the port is closed.</p><p>Fact: it is open.</p></body></html>',
          );
        } else {
          res.writeHead(200, { 'content-type': 'application/pdf' });
          res.end('%PDF-1.4');
        }
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    });

    it('analyses a web page', async () => {
      const r = await runCli(['analyze', `${base}/page`, '--format', 'json']);
      expect(r.code).toBe(0);
      expect(json(r.stdout).document).toMatchObject({
        title: 'Harbour page',
        source: { kind: 'html', uri: `${base}/page` },
      });
    });

    it('exits 5 for a non-HTML URL and for an unreachable one', async () => {
      const pdf = await runCli(['analyze', `${base}/doc.pdf`]);
      expect(pdf.code).toBe(5);
      expect(pdf.stderr).toContain('content type "application/pdf" is not a web page or text');
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const port = (closed.address() as AddressInfo).port;
      await new Promise((resolve) => closed.close(resolve));
      const down = await runCli(['analyze', `http://127.0.0.1:${port}/`]);
      expect(down.code).toBe(5);
      expect(down.stderr).toContain('the connection was refused');
    });
  });

  it('lists analyze, detectors and explain in the global help', async () => {
    const r = await runCli(['--help']);
    for (const name of ['analyze', 'detectors', 'explain'])
      expect(r.stdout).toMatch(new RegExp(`^  ${name} `, 'mu'));
    expect(existsSync(mythFact)).toBe(true);
  });
});
