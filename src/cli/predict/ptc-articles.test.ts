import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import { articleId, cleanKeepingLength, nonEmptyLines, taskLines, parseSpanRows, readArticle, readArticles, textFilesOf, toCodePointSpan, toUtf16Span, writeText } from './ptc-articles.js';

describe('PTC format reading', () => {
  it('converts code-point offsets to UTF-16 and back around astral characters', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ptc-'));
    // "😀" is one code point but two UTF-16 units: offsets after it differ by one.
    writeFileSync(join(dir, 'article42.txt'), 'Title 😀\n\nA stupid idea.\n');
    const a = readArticle(join(dir, 'article42.txt'));
    expect(a.id).toBe('42');
    const cp = { start: 11, end: 17 }; // "stupid" counted in code points
    const u = toUtf16Span(a, cp);
    expect(a.text.slice(u.start, u.end)).toBe('stupid');
    expect(toCodePointSpan(a, u)).toEqual(cp);
  });

  it.each([
    ['article111.txt', '111'],
    ['/x/y/article7.txt', '7'],
    ['notes.txt', 'notes'],
    ['article.txt', 'article'],
  ])('article id of %s is %s', (path, id) => expect(articleId(path)).toBe(id));

  it('keeps offsets when cleaning CR, BOM and control characters', () => {
    const raw = '\ufeffA\r\nB\rC\u0001D';
    const clean = cleanKeepingLength(raw);
    expect(clean.length).toBe(raw.length);
    expect(clean).toBe(' A \nB\nC D');
  });

  it('parses 4- and 3-column span rows and rejects malformed ones', () => {
    expect(parseSpanRows('1\tDoubt\t3\t9\n2\t4\t6\n', 'f')).toEqual([
      { id: '1', label: 'Doubt', start: 3, end: 9 },
      { id: '2', label: '?', start: 4, end: 6 },
    ]);
    expect(() => parseSpanRows('1\tDoubt\tx\t9', 'f')).toThrow(UserError);
    expect(() => parseSpanRows('1\tDoubt\t9\t3', 'f')).toThrow(/f:1/u);
    // Number() reads these as 0, 1000 and 16: offsets the file does not say.
    for (const bad of ['1\tDoubt\t\t9', '1\tDoubt\t1e3\t2000', '1\tDoubt\t0x10\t20', '1\tDoubt\t-0\t2'])
      expect(() => parseSpanRows(bad, 'f'), bad).toThrow(/f:1/u);
    expect(parseSpanRows('1\tDoubt\t3 \t9\r\n', 'f')).toEqual([{ id: '1', label: 'Doubt', start: 3, end: 9 }]);
    expect(parseSpanRows('\ufeff1\tDoubt\t3\t9\n', 'f')[0]!.id).toBe('1');
    expect(() => parseSpanRows('1\tDoubt\t3\t9\n1\t?\t5\t5\n', 'f')).toThrow(/f:2: the span 5-5 is empty/u);
  });

  it('numbers non-empty lines from 1', () => {
    expect(nonEmptyLines('Title\n\nFirst para.\n  \nSecond.').map((l) => l.line)).toEqual([1, 3, 5]);
  });

  it('counts the lines of a paragraph file as Python does: a line of a stray BOM has a row, one of spaces has none', () => {
    // As in PTC 2023 article 718595845, line 16: the gold file has the row "718595845<TAB>16<TAB>".
    const text = 'Title\n\ufeff\nFirst para.\n\u00a0\u3000 \n\u0085\nSecond.';
    expect(taskLines(text).map((l) => l.line)).toEqual([1, 2, 3, 6]);
  });

  it('reports a missing or empty folder as bad input', () => {
    expect(() => readArticles('/nonexistent/folder')).toThrow(UserError);
    expect(() => readArticles(mkdtempSync(join(tmpdir(), 'ptc-empty-')))).toThrow(/no \.txt files/u);
  });

  it('refuses an article that is not UTF-8, keeps a BOM as a character of the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ptc-latin1-'));
    writeFileSync(join(dir, 'article1.txt'), Buffer.from('Déjà vu.\n', 'latin1'));
    expect(() => readArticle(join(dir, 'article1.txt'))).toThrow(/article1\.txt" is a file that is not UTF-8 text/u);
    writeFileSync(join(dir, 'article2.txt'), '\ufeffDéjà vu.\n');
    expect(readArticle(join(dir, 'article2.txt')).text).toBe(' Déjà vu.\n');
  });

  it('refuses an article whose file name would split the rows of the prediction file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ptc-names-'));
    writeFileSync(join(dir, 'article1\t2.txt'), 'One line.\n');
    expect(() => readArticles(dir)).toThrow(/"article1\\t2\.txt" has a tab or line break/u);
  });

  it('refuses a file whose name gives an empty article id', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ptc-empty-id-'));
    writeFileSync(join(dir, '.txt'), 'One line.\n');
    expect(() => readArticles(dir)).toThrow(/"\.txt" gives an empty id/u);
  });

  it('refuses two files with the same article id instead of mixing their rows', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ptc-same-id-'));
    writeFileSync(join(dir, 'article1.txt'), 'One line.\n');
    writeFileSync(join(dir, '1.txt'), 'Another text.\n');
    expect(() => readArticles(dir)).toThrow(/"1\.txt" and "article1\.txt" both have the article id "1"/u);
  });

  it('names an article whose link leads nowhere instead of leaving it out of the predictions', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ptc-links-'));
    writeFileSync(join(dir, 'article1.txt'), 'One line.\n');
    symlinkSync(join(dir, 'moved', 'article2.txt'), join(dir, 'article2.txt'));
    symlinkSync(join(dir, 'article3.txt'), join(dir, 'article3.txt'));
    mkdirSync(join(dir, 'sub'));
    symlinkSync(join(dir, 'sub'), join(dir, 'article4.txt'));
    expect(textFilesOf(dir)).toEqual(['article1.txt', 'article2.txt', 'article3.txt']);
    expect(() => readArticles(dir)).toThrow(/cannot read ".*article2\.txt": ENOENT/u);
  });

  it('reads only the files of a folder: a sub-folder named like an article is not one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ptc-folders-'));
    writeFileSync(join(dir, 'article1.txt'), 'One line.\n');
    mkdirSync(join(dir, 'article2.txt'));
    expect(readArticles(dir).map((a) => a.id)).toEqual(['1']);
    mkdirSync(join(dir, 'only'));
    mkdirSync(join(dir, 'only', 'article3.txt'));
    expect(() => readArticles(join(dir, 'only'))).toThrow(/no \.txt files/u);
  });
});

describe('prediction files', () => {
  it('writes --out whole, and reports a target that is a folder as bad input without leaving a temporary file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ptc-out-'));
    await writeText({ out: 'sub/run.tsv' }, dir, new PassThrough(), 'a\tb\n');
    expect(readFileSync(join(dir, 'sub', 'run.tsv'), 'utf8')).toBe('a\tb\n');
    mkdirSync(join(dir, 'taken'));
    await expect(writeText({ out: 'taken' }, dir, new PassThrough(), 'x\n')).rejects.toThrow(UserError);
    expect(readdirSync(dir).sort()).toEqual(['sub', 'taken']);
  });
});
