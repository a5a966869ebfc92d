import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTaxonomyFile } from './load-file.js';
import { TaxonomyError } from './types.js';

describe('loadTaxonomyFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'narrascope-taxonomy-'));
  it('loads a file and names it in errors', () => {
    const ok = join(dir, 'ok.yaml');
    writeFileSync(ok, '\uFEFFid: ok\nlabels:\n  - label: A\n    description: d\n');
    expect(loadTaxonomyFile(ok).id).toBe('ok');
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'id: ok\nlabels:\n  - label: A\n');
    expect(() => loadTaxonomyFile(bad)).toThrow(`${bad}:3:5: labels[0].description: missing`);
  });
  it('reads UTF-16 with a BOM, and names the first line of a file that is not UTF-8', () => {
    const source = 'id: enc\nlabels:\n  - label: Énergie\n    description: Café\n';
    const le = join(dir, 'le.yaml');
    writeFileSync(le, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(source, 'utf16le')]));
    expect(loadTaxonomyFile(le).labels[0]).toMatchObject({ label: 'Énergie', description: 'Café' });
    const be = join(dir, 'be.yaml');
    writeFileSync(be, Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(source, 'utf16le').swap16()]));
    expect(loadTaxonomyFile(be).labels[0]!.label).toBe('Énergie');
    const latin1 = join(dir, 'latin1.yaml');
    writeFileSync(latin1, Buffer.from(source, 'latin1'));
    expect(() => loadTaxonomyFile(latin1)).toThrow(`${latin1}:3:1: (file): is not UTF-8 text; save it as UTF-8`);
  });

  it('names UTF-32 and UTF-16 without a byte-order mark (they were "expected a mapping" and "binary")', () => {
    const source = 'id: enc\nlabels:\n  - label: A\n    description: d\n';
    const utf32 = join(dir, 'utf32.yaml');
    const le32 = Buffer.alloc(source.length * 4);
    for (let i = 0; i < source.length; i++) le32.writeUInt32LE(source.charCodeAt(i), i * 4);
    writeFileSync(utf32, Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), le32]));
    expect(() => loadTaxonomyFile(utf32)).toThrow(`${utf32}:1:1: (file): is UTF-32 text; save it as UTF-8`);
    const utf16 = join(dir, 'utf16-no-bom.yaml');
    writeFileSync(utf16, Buffer.from(source, 'utf16le'));
    expect(() => loadTaxonomyFile(utf16)).toThrow(`${utf16}:1:1: (file): is UTF-16 text without a byte-order mark; save it as UTF-8`);
    writeFileSync(utf16, Buffer.from(source, 'utf16le').swap16());
    expect(() => loadTaxonomyFile(utf16)).toThrow('is UTF-16 text without a byte-order mark');
  });

  it('refuses a device that never ends (size 0 by stat) as too large instead of reading forever', () => {
    expect(() => loadTaxonomyFile('/dev/zero')).toThrow(/\/dev\/zero:1:1: \(file\): too large/u);
  });

  it.each([
    ['missing file', join(dir, 'nope.yaml'), 'cannot be read'],
    ['binary file', join(dir, 'bin.yaml'), 'binary'],
    ['folder', dir, 'cannot be read: EISDIR'],
  ])('%s → TaxonomyError', (_n, path, problem) => {
    if (path.endsWith('bin.yaml')) writeFileSync(path, Buffer.from([0x69, 0x64, 0x00, 0x01]));
    expect(() => loadTaxonomyFile(path)).toThrow(TaxonomyError);
    expect(() => loadTaxonomyFile(path)).toThrow(problem);
  });
});
