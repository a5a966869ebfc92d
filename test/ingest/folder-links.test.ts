/**
 * A folder's entries that are no readable file — a loop of symbolic links, a link whose target is gone, a
 * FIFO, a link to a device — were left out without a word, so a folder seemed to hold fewer documents than
 * it did and nothing said why. They are reported as skipped, with the reason; the files are read as before.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSources } from '../../src/corpus/ingest/sources.js';
import { readInputs } from '../../src/ingest/read-input.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-folder-links-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const folder = join(dir, 'f');
mkdirSync(folder);
writeFileSync(join(folder, 'ok.txt'), 'Myth: the dam will burst tonight.\n');
symlinkSync('y.txt', join(folder, 'x.txt'));
symlinkSync('x.txt', join(folder, 'y.txt'));
symlinkSync('nowhere.txt', join(folder, 'gone.txt'));
symlinkSync('..', join(folder, 'up')); // a link to a folder: not followed, as before, and not reported
symlinkSync('/dev/null', join(folder, 'null.txt'));
let fifo = true;
try {
  execFileSync('mkfifo', [join(folder, 'pipe.txt')]);
} catch {
  fifo = false;
}

const expected = [
  ['f/gone.txt', 'a symbolic link whose target does not exist'],
  ['f/null.txt', 'a link to something that is not a file (a device, FIFO or socket)'],
  ...(fifo ? [['f/pipe.txt', 'not a file (a device, FIFO or socket)']] : []),
  ['f/x.txt', 'a loop of symbolic links'],
  ['f/y.txt', 'a loop of symbolic links'],
];

describe('a folder with links that lead nowhere and entries that are no file', () => {
  it('readInputs reports them as skipped with the reason, and reads the file', async () => {
    const items = [];
    for await (const item of readInputs(['f'], { cwd: dir })) items.push(item);
    expect(
      items.filter((i) => i.kind === 'skipped').map((i) => [i.origin, i.kind === 'skipped' && i.reason]),
    ).toEqual(expected);
    expect(items.filter((i) => i.kind === 'document').map((i) => i.origin)).toEqual(['f/ok.txt']);
    expect(items.filter((i) => i.kind === 'error')).toEqual([]);
  });

  it("ingest's sources do the same", async () => {
    const items = [];
    for await (const item of readSources(['f'], { cwd: dir }, { bytesDone: 0, bytesTotal: undefined }))
      items.push(item);
    expect(
      items.filter((i) => i.kind === 'skipped').map((i) => [i.origin, i.kind === 'skipped' && i.reason]),
    ).toEqual(expected);
    expect(items.filter((i) => i.kind === 'document').map((i) => i.origin)).toEqual(['f/ok.txt']);
  });
});
