import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { streamJsonlFile } from './jsonl.js';
import { InputError } from './types.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-jsonl-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function read(content: string | Buffer, maxBytes?: number): Promise<string[]> {
  const path = join(dir, 'in.jsonl');
  writeFileSync(path, content);
  const out: string[] = [];
  for await (const r of streamJsonlFile(path, {}, { label: 'in.jsonl', ...(maxBytes ? { maxBytes } : {}) }))
    out.push(r.output instanceof InputError ? `${r.line} ${r.output.kind}` : `${r.line} ${r.output.text}`);
  return out;
}

describe('streamJsonlFile', () => {
  it('skips a line over maxBytes with an error and reads the lines around it', async () => {
    const big = JSON.stringify({ text: 'word '.repeat(5000) });
    expect(await read(`{"text":"one"}\n${big}\n{"text":"three"}`, 1000)).toEqual(['1 one', '2 too-large', '3 three']);
    // The long line last, without a newline.
    expect(await read(`{"text":"one"}\n${big}`, 1000)).toEqual(['1 one', '2 too-large']);
  });

  it('reads a BOM, CRLF line ends, blank lines and characters split across read chunks', async () => {
    const long = 'ü'.repeat(40_000); // 80,000 bytes: crosses the 64 KiB chunk boundary mid-character
    const lines = await read(Buffer.from(`\ufeff{"text":"a"}\r\n\r\n{"text":"${long}"}\r\n`, 'utf8'));
    expect(lines).toEqual(['1 a', `3 ${long}`]);
  });

  it('names what a line that is no object holds', async () => {
    const path = join(dir, 'types.jsonl');
    writeFileSync(path, 'null\n[1]\n"text"\n3\nfalse\n');
    const out: string[] = [];
    for await (const r of streamJsonlFile(path, {}, { label: 't.jsonl' })) out.push((r.output as InputError).message);
    expect(out.map((m) => m.replace(/^t\.jsonl:\d+: expected a JSON object, got /u, ''))).toEqual(['null', 'an array', 'string', 'number', 'boolean']);
  });
});
