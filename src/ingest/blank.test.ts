import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isBlank } from './blank.js';
import { mapRecord } from './csv.js';
import { parseFeed } from './feed.js';
import { readInput } from './read-input.js';
import { InputError } from './types.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-blank-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const INVISIBLE = '\u200b \ufeff\u00ad\u2060\u200e\n\t';

describe('texts with no visible character', () => {
  it('are blank; a visible character is not', () => {
    expect([isBlank(''), isBlank(INVISIBLE), isBlank(`${INVISIBLE}a`), isBlank('\u3000')]).toEqual([
      true,
      true,
      false,
      true,
    ]);
  });

  it('are empty inputs, records and feed items (they were stored as documents)', async () => {
    const path = join(dir, 'zw.txt');
    writeFileSync(path, `\ufeff${INVISIBLE}`);
    const items = [];
    for await (const item of readInput(path)) items.push(item);
    expect(items.map((i) => (i.kind === 'error' ? i.error.kind : i.kind))).toEqual(['empty']);
    expect(mapRecord({ text: INVISIBLE }, {}, { where: 'r.jsonl:1', kind: 'jsonl' })).toBeInstanceOf(
      InputError,
    );
    const feed = parseFeed(
      '<rss version="2.0"><channel><title>T</title><item><description>&#8203;&#xFEFF;</description></item></channel></rss>',
      'f.rss',
    );
    expect(feed.map((o) => (o instanceof InputError ? o.kind : 'document'))).toEqual(['empty']);
  });
});
