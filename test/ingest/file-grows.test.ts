/**
 * A file that grows between its stat and its read (a log being written, a download in progress) was read
 * up to its old size plus one byte, cut mid-character or mid-sentence, and analysed so without a word. It
 * is now read to its end, still bounded by the size limit. The stat is made to report the old size.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as FsPromises from 'node:fs/promises';
import { afterAll, describe, expect, it, vi } from 'vitest';

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof FsPromises>();
  const stat = async (...args: Parameters<typeof real.stat>) => {
    const info = await real.stat(...args);
    // As if the file had held only its first 10 bytes when it was looked at.
    return String(args[0]).endsWith('growing.txt')
      ? Object.assign(Object.create(Object.getPrototypeOf(info) as object) as object, info, { size: 10 })
      : info;
  };
  return { ...real, default: { ...real, stat }, stat };
});

const { readFileBytes } = await import('../../src/ingest/file-source.js');

const dir = mkdtempSync(join(tmpdir(), 'narrascope-file-grows-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a file that grew after it was looked at', () => {
  const text =
    'Myth: the dam will burst tonight. Fact: engineers of the water board say the dam is sound. Ложь.';
  writeFileSync(join(dir, 'growing.txt'), text);

  it('is read whole', async () => {
    expect(Buffer.from(await readFileBytes(join(dir, 'growing.txt'), 1024)).toString('utf8')).toBe(text);
  });

  it('still stops at the limit', async () => {
    await expect(readFileBytes(join(dir, 'growing.txt'), 40, 'growing.txt')).rejects.toThrow(
      /growing\.txt is more than 40 bytes, over the limit/u,
    );
  });
});
