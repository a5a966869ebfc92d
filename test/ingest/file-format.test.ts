import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/ingest/decode.js';
import { knownFormat } from '../../src/ingest/file-format.js';
import { InputError } from '../../src/ingest/types.js';
import { runCli } from '../cli/run-cli.js';

// A minimal PDF with an uncompressed page: mostly ASCII, so the control-byte check let it through as text.
const PDF = '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\nBT /F1 12 Tf (Myth: the moon is cheese) Tj ET\n%%EOF\n';
const bytes = (s: string | number[]) => (typeof s === 'string' ? new TextEncoder().encode(s) : Uint8Array.from(s));

describe('document formats that are not text', () => {
  it.each([
    ['PDF', bytes(PDF), 'a PDF document', /pdftotext/u],
    ['PDF after a UTF-8 BOM', bytes([0xef, 0xbb, 0xbf, ...bytes(PDF)]), 'a PDF document', /pdftotext/u],
    ['DOCX (ZIP)', bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, ...bytes('word/document.xml')]), 'a ZIP container', /plain text/u],
    ['DOC', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...bytes('abc')]), 'an old Microsoft Office document', /plain text/u],
    ['RTF', bytes('{\\rtf1\\ansi Myth: Fact: }'), 'an RTF document', /formatting codes/u],
    ['gzip', bytes([0x1f, 0x8b, 0x08, 0x00]), 'a gzip-compressed file', /gunzip/u],
    ['PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'a PNG image', /OCR/u],
  ] as const)('%s is refused by name, with how to get its text', (_name, input, name, hint) => {
    expect(knownFormat(input)?.name.startsWith(name)).toBe(true);
    let error: unknown;
    try {
      decodeBytes(input, 'report.bin');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(new RegExp(`^report\\.bin is ${name}`, 'u'));
    expect((error as InputError).hint).toMatch(hint);
    // Also when an encoding is given: the bytes are still no text.
    expect(() => decodeBytes(input, 'report.bin', { encoding: 'windows-1252' })).toThrow(/is (?:a|an) /u);
  });

  it('leaves text that merely starts like a signature alone', () => {
    for (const text of ['%PDF is how the format starts.', 'PK is a pair of letters.', 'GIF images are small.']) {
      expect(knownFormat(bytes(text)), text).toBeNull();
      expect(decodeBytes(bytes(text)).text).toBe(text);
    }
  });

  const dir = mkdtempSync(join(tmpdir(), 'narrascope-format-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it('narrascope analyze refuses a PDF with exit 2 and the hint', async () => {
    writeFileSync(join(dir, 'leaflet.pdf'), PDF);
    const r = await runCli(['analyze', join(dir, 'leaflet.pdf')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/leaflet\.pdf is a PDF document, not text/u);
    expect(r.stderr).toMatch(/pdftotext/u);
    expect(r.stdout).toBe('');
  });
});
