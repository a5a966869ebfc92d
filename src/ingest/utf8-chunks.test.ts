import { existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DocumentInit } from '../core/text/document.js';
import { streamCsvFile } from './csv.js';
import { streamJsonlFile } from './jsonl.js';
import { InputError } from './types.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-utf8-chunks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function utf16(text: string, endian: 'le' | 'be'): Buffer {
  const le = Buffer.from(`\ufeff${text}`, 'utf16le');
  return endian === 'le' ? le : le.swap16();
}

async function read(
  kind: 'jsonl' | 'csv',
  name: string,
  bytes: Buffer,
  encoding?: string,
): Promise<(DocumentInit | InputError)[]> {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  const stream =
    kind === 'jsonl'
      ? streamJsonlFile(path, {}, { label: name, ...(encoding ? { encoding } : {}) })
      : streamCsvFile(path, {}, { label: name, ...(encoding ? { encoding } : {}) });
  const out = [];
  for await (const r of stream) out.push(r.output);
  return out;
}

const texts = (out: readonly (DocumentInit | InputError)[]): string[] =>
  out.map((o) => (o instanceof InputError ? `error: ${o.message}` : o.text));

/** "Ложь и правда" in windows-1251. */
const CP1251 = Buffer.from([0xcb, 0xee, 0xe6, 0xfc, 0x20, 0xe8, 0x20, 0xef, 0xf0, 0xe0, 0xe2, 0xe4, 0xe0]);

describe('streamed JSONL and CSV in other encodings', () => {
  it('read UTF-16 with a BOM, both byte orders (every line failed as invalid JSON in ingest)', async () => {
    const jsonl = '{"text": "Первая запись"}\r\n{"text": "Second record 😡"}\r\n';
    for (const endian of ['le', 'be'] as const) {
      expect(texts(await read('jsonl', `u16${endian}.jsonl`, utf16(jsonl, endian)))).toEqual([
        'Первая запись',
        'Second record 😡',
      ]);
      expect(
        texts(await read('csv', `u16${endian}.csv`, utf16('title;text\nA;"Первая; запись"\n', endian))),
      ).toEqual(['Первая; запись']);
    }
  });

  it('decode with --encoding (a windows-1251 table could only be stored as U+FFFD)', async () => {
    const csv = Buffer.concat([Buffer.from('title,text\nA,"'), CP1251, Buffer.from('"\n')]);
    expect(texts(await read('csv', 'cp1251.csv', csv, 'windows-1251'))).toEqual(['Ложь и правда']);
    const jsonl = Buffer.concat([Buffer.from('{"text": "'), CP1251, Buffer.from('"}\n')]);
    expect(texts(await read('jsonl', 'cp1251.jsonl', jsonl, 'windows-1251'))).toEqual(['Ложь и правда']);
    expect(texts(await read('csv', 'bad-name.csv', csv, 'no-such-encoding'))).toEqual([
      'error: unknown encoding "no-such-encoding"',
    ]);
  });

  it('warn in the record when invalid UTF-8 was replaced (it was replaced silently)', async () => {
    const jsonl = Buffer.concat([
      Buffer.from('{"text": "fine \ufffd as written"}\n{"text": "'),
      CP1251,
      Buffer.from('"}\n'),
    ]);
    const out = (await read('jsonl', 'bad.jsonl', jsonl)) as DocumentInit[];
    expect(out.map((d) => d.warnings ?? [])).toEqual([
      [],
      [expect.stringMatching(/^bad\.jsonl:2: invalid UTF-8 byte sequences were replaced .*--encoding/u)],
    ]);
    const csv = Buffer.concat([Buffer.from('title,text\nA,"'), CP1251, Buffer.from('"\n')]);
    const rows = (await read('csv', 'bad.csv', csv)) as DocumentInit[];
    expect(rows[0]?.warnings).toEqual([
      expect.stringMatching(/^bad\.csv:2: invalid UTF-8 byte sequences were replaced/u),
    ]);
  });
});

describe('streamed files that cannot be read', () => {
  async function outputs(kind: 'jsonl' | 'csv', path: string): Promise<string[]> {
    const stream =
      kind === 'jsonl'
        ? streamJsonlFile(path, {}, { label: `x.${kind}` })
        : streamCsvFile(path, {}, { label: `x.${kind}` });
    const out = [];
    for await (const r of stream)
      out.push(r.output instanceof InputError ? `${r.output.kind}: ${r.output.message}` : r.output.text);
    return out;
  }

  it("are that file's error, not an exception that ended the ingest (a vanished file)", async () => {
    for (const kind of ['jsonl', 'csv'] as const) {
      expect(await outputs(kind, join(dir, `gone.${kind}`))).toEqual([
        `not-found: x.${kind}${kind === 'jsonl' ? ':1' : ''}: no such file or directory`,
      ]);
    }
  });

  it.skipIf(!existsSync('/proc/self/mem'))(
    'report a read error (EIO) instead of crashing the process',
    async () => {
      for (const kind of ['jsonl', 'csv'] as const) {
        const path = join(dir, `mem.${kind}`);
        symlinkSync('/proc/self/mem', path);
        expect(await outputs(kind, path)).toEqual([
          expect.stringMatching(/^unreadable: x\.(jsonl:1|csv): cannot be read \(EIO/u),
        ]);
      }
    },
  );
});

describe('progress of a transcoded file', () => {
  /** Windows-1251 for ASCII and the basic Cyrillic letters (U+0410..U+044F are 0xC0..0xFF). */
  const cp1251 = (text: string): Buffer =>
    Buffer.from([...text].map((c) => (c >= '\u0410' && c <= '\u044f' ? c.charCodeAt(0) - 0x410 + 0xc0 : c.charCodeAt(0))));
  const lines = Array.from({ length: 4000 }, (_, i) => `Запись номер ${i}: утверждение о воде и правда о ней`);

  async function offsets(kind: 'jsonl' | 'csv', bytes: Buffer, encoding?: string): Promise<number[]> {
    const path = join(dir, `progress-${kind}-${encoding ?? 'bom'}.${kind}`);
    writeFileSync(path, bytes);
    const stream =
      kind === 'jsonl'
        ? streamJsonlFile(path, {}, { ...(encoding ? { encoding } : {}) })
        : streamCsvFile(path, {}, { ...(encoding ? { encoding } : {}) });
    const out: number[] = [];
    for await (const r of stream) {
      expect(r.output).not.toBeInstanceOf(InputError);
      out.push(r.bytes);
    }
    return out;
  }

  const cases = [
    ['jsonl', '--encoding windows-1251', 'windows-1251', cp1251(lines.map((l) => JSON.stringify({ text: l })).join('\n') + '\n')],
    ['csv', '--encoding windows-1251', 'windows-1251', cp1251(`text\n${lines.join('\n')}\n`)],
    ['jsonl', 'UTF-16LE with a BOM', undefined, utf16(lines.map((l) => JSON.stringify({ text: l })).join('\n') + '\n', 'le')],
    ['csv', 'UTF-16BE with a BOM', undefined, utf16(`text\n${lines.join('\n')}\n`, 'be')],
  ] as const;

  it.each(cases)('%s, %s: records count bytes of the file, not of its UTF-8 (twice or half as many)', async (kind, _what, encoding, bytes) => {
    const got = await offsets(kind, bytes, encoding);
    expect(got).toHaveLength(lines.length);
    expect(got.every((b, i) => i === 0 || b >= (got[i - 1] as number))).toBe(true);
    expect(got.at(-1)).toBe(bytes.length);
    // Half the records are about half the file.
    expect(Math.abs((got[lines.length / 2 - 1] as number) / bytes.length - 0.5)).toBeLessThan(0.05);
  });

  it('a UTF-8 file counts its bytes exactly', async () => {
    const bytes = Buffer.from(lines.map((l) => JSON.stringify({ text: l })).join('\n') + '\n', 'utf8');
    const got = await offsets('jsonl', bytes);
    let end = 0;
    const ends = lines.map((l) => (end += Buffer.byteLength(`${JSON.stringify({ text: l })}\n`, 'utf8')));
    expect(got).toEqual(ends);
  });
});
