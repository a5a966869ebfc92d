import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtinTaxonomies } from './builtin/index.js';
import { parseTaxonomy } from './parse.js';
import { TaxonomyError } from './types.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const VALID = `id: energy
name: Energy narratives
labels:
  - label: Energy blackmail
    description: Gas supplies are said to be used as a weapon.
    keywords: [gas cut-off, pipeline]
    examples: ["They will turn off the taps the moment we disagree."]
  - label: Winter without heating
    parent: Energy blackmail
    description: Households are said to face a cold winter.
`;

describe('parseTaxonomy', () => {
  it('reads a valid file with levels, defaults and lower-cased keywords', () => {
    const t = parseTaxonomy(VALID.replace('gas cut-off', 'Gas Cut-off'), 'energy.yaml');
    expect(t).toMatchObject({ id: 'energy', name: 'Energy narratives', version: '1', description: '' });
    expect(t.labels.map((l) => [l.label, l.level, l.parent])).toEqual([
      ['Energy blackmail', 'coarse', null],
      ['Winter without heating', 'fine', 'Energy blackmail'],
    ]);
    expect(t.labels[0]!.keywords).toEqual(['gas cut-off', 'pipeline']);
    expect(t.labels[1]!.keywords).toEqual([]);
  });

  it('reads numbers as they are written (1.10 is not 1.1, 010 is not 10)', () => {
    const t = parseTaxonomy(
      'id: n\nversion: 1.10\nlabels:\n  - label: 010\n    description: 0x10\n    keywords: [5g, 1e3]\n',
      'n.yaml',
    );
    expect(t.version).toBe('1.10');
    expect(t.labels[0]).toMatchObject({ label: '010', description: '0x10', keywords: ['5g', '1e3'] });
    expect(
      parseTaxonomy('{"id": "j", "version": 2.50, "labels": [{"label": "A", "description": "d"}]}', 'j.json')
        .version,
    ).toBe('2.50');
  });

  it('refuses a "billion laughs" file of nested aliases at its first alias, without expanding it', () => {
    const levels = ['    keywords: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 10; i++)
      levels.push(
        `  - label: L${i}\n    description: d\n    keywords: &l${i} [${Array(10)
          .fill(`*l${i - 1}`)
          .join(', ')}]`,
      );
    const source = `id: x\nlabels:\n  - label: L0\n    description: d\n${levels.join('\n')}\n`;
    expect(() => parseTaxonomy(source, 'lol.yaml')).toThrow(
      /lol\.yaml:8:\d+: labels\[1\]\.keywords\[0\]: is a YAML alias \(\*l0\)/u,
    );
  });

  it('reads classic Mac line ends (a lone CR), which the parser took for one long line', () => {
    const t = parseTaxonomy('id: mac\rlabels:\r  - label: A\r    description: d\r', 'mac.yaml');
    expect(t.labels.map((l) => l.label)).toEqual(['A']);
    expect(() => parseTaxonomy('id: mac\rlabels:\r  - label: A\r', 'mac.yaml')).toThrow(
      'mac.yaml:3:5: labels[0].description: missing',
    );
  });

  it('names the file without repeating the position in a syntax error', () => {
    expect(() => parseTaxonomy('id: x\nlabels:\n  - label: "A\n', 'q.yaml')).toThrow(
      /^q\.yaml:\d+:\d+: \(syntax\): Missing closing "quote$/u,
    );
  });

  it('keeps line breaks in descriptions and examples', () => {
    const t = parseTaxonomy(
      'id: p\nlabels:\n  - label: A\n    description: |\n      First line.\n      Second\tline.\n    examples: ["One.\\nTwo."]\n',
      'p.yaml',
    );
    expect(t.labels[0]).toMatchObject({
      description: 'First line.\nSecond\tline.',
      examples: ['One.\nTwo.'],
    });
  });

  it('reads JSON too', () => {
    const json = JSON.stringify({ id: 'j', labels: [{ label: 'A', description: 'd' }] }, null, 2);
    expect(parseTaxonomy(json, 'j.json').labels).toHaveLength(1);
  });

  // [case, source, line, field, problem fragment]
  const bad: [string, string, number, string, string][] = [
    ['syntax error', 'id: x\nlabels: [\n', 3, '(syntax)', ''],
    ['root not a map', '- a\n- b\n', 1, '(root)', 'mapping'],
    ['missing id', 'labels:\n  - label: A\n    description: d\n', 1, 'id', 'missing'],
    ['bad id', 'id: "has space"\nlabels:\n  - label: A\n    description: d\n', 1, 'id', 'not a valid id'],
    [
      'unknown top field',
      'id: x\nlable: 3\nlabels:\n  - label: A\n    description: d\n',
      2,
      'lable',
      'unknown field',
    ],
    ['missing labels', 'id: x\n', 1, 'labels', 'missing'],
    ['empty file', '', 1, '(root)', 'the file is empty'],
    ['comments only', '# energy narratives\n', 1, '(root)', 'the file is empty'],
    [
      'zero-width label',
      'id: x\nlabels:\n  - label: "\u200b"\n    description: d\n',
      3,
      'labels[0].label',
      'only invisible characters',
    ],
    [
      'soft-hyphen keyword',
      'id: x\nlabels:\n  - label: A\n    description: d\n    keywords: ["\u00ad\ufeff"]\n',
      5,
      'labels[0].keywords[0]',
      'only invisible characters',
    ],
    [
      'line separator in a label',
      'id: x\nlabels:\n  - label: "A\u2028B"\n    description: d\n',
      3,
      'labels[0].label',
      'one line',
    ],
    // The parser's own words, position repeated: "Nested mappings are not allowed in compact mappings at line 3, column 12:".
    [
      'unquoted ": " in a value',
      'id: x\nlabels:\n  - label: URW: Blaming the war\n    description: d\n',
      3,
      '(syntax)',
      'a value holding ": " must be in quotes',
    ],
    [
      'field without a colon',
      'id: x\nlabels:\n  - label: A\n    description d\n',
      4,
      '(syntax)',
      'expected "field: value"',
    ],
    [
      'two documents',
      'id: x\nlabels:\n  - label: A\n    description: d\n---\nid: y\n',
      5,
      '(syntax)',
      'more than one YAML document',
    ],
    [
      'nested too deeply',
      `{"id": "x", "labels": [{"label": "A", "description": "d", "examples": ${'['.repeat(50_000)}${']'.repeat(50_000)}}]}`,
      1,
      '(syntax)',
      'nested too deeply',
    ],
    ['empty labels', 'id: x\nlabels: []\n', 2, 'labels', 'empty'],
    ['label not a map', 'id: x\nlabels:\n  - just text\n', 3, 'labels[0]', 'mapping'],
    [
      'missing description',
      'id: x\nlabels:\n  - label: A\n    keywords: [a]\n',
      3,
      'labels[0].description',
      'missing',
    ],
    [
      'keyword typo',
      'id: x\nlabels:\n  - label: A\n    description: d\n    keyword: [a]\n',
      5,
      'labels[0].keyword',
      'unknown field',
    ],
    [
      'keywords not a list',
      'id: x\nlabels:\n  - label: A\n    description: d\n    keywords: a, b\n',
      5,
      'labels[0].keywords',
      'list',
    ],
    [
      'empty example',
      'id: x\nlabels:\n  - label: A\n    description: d\n    examples: ["ok", ""]\n',
      5,
      'labels[0].examples[1]',
      'empty',
    ],
    [
      'duplicate label',
      'id: x\nlabels:\n  - label: A\n    description: d\n  - label: A\n    description: e\n',
      5,
      'labels[1].label',
      'duplicate',
    ],
    [
      // Read as one label in reports and filters: accepted before, now refused with the first's line.
      'labels differing only in case',
      'id: x\nlabels:\n  - label: Media distrust\n    description: d\n  - label: media distrust\n    description: e\n',
      5,
      'labels[1].label',
      'duplicate label "media distrust": it differs only in case from "Media distrust" (line 3)',
    ],
    [
      'parent in another case than its label',
      'id: x\nlabels:\n  - label: Media distrust\n    description: d\n  - label: B\n    description: d\n    parent: media distrust\n',
      7,
      'labels[1].parent',
      'the label is written "Media distrust"',
    ],
    [
      'half a surrogate pair in a label',
      'id: x\nlabels:\n  - label: "A\\ud800"\n    description: d\n',
      3,
      'labels[0].label',
      'contains U+D800, half of a surrogate pair',
    ],
    [
      'unknown parent',
      'id: x\nlabels:\n  - label: A\n    description: d\n    parent: B\n',
      5,
      'labels[0].parent',
      'not a label',
    ],
    [
      'three levels',
      'id: x\nlabels:\n  - label: A\n    description: d\n  - label: B\n    parent: A\n    description: d\n  - label: C\n    parent: B\n    description: d\n',
      9,
      'labels[2].parent',
      'two levels',
    ],
    ['duplicate key', 'id: x\nid: y\nlabels:\n  - label: A\n    description: d\n', 2, '(syntax)', ''],
    [
      'alias for a label',
      'id: x\nlabels:\n  - &first\n    label: A\n    description: d\n  - *first\n',
      6,
      'labels[1]',
      'YAML alias (*first)',
    ],
    [
      'alias for keywords',
      'id: x\nlabels:\n  - label: A\n    description: d\n    keywords: &k [a]\n  - label: B\n    description: d\n    keywords: *k\n',
      8,
      'labels[1].keywords',
      'YAML alias (*k)',
    ],
    [
      'alias for a text',
      'id: &i x\nlabels:\n  - label: *i\n    description: d\n',
      3,
      'labels[0].label',
      'YAML alias (*i)',
    ],
    [
      'escape sequence in a label',
      'id: x\nlabels:\n  - label: "A\\e[2J"\n    description: d\n',
      3,
      'labels[0].label',
      'control character U+001B',
    ],
    [
      'line break in a keyword',
      'id: x\nlabels:\n  - label: A\n    description: d\n    keywords: ["gas\\nprices"]\n',
      5,
      'labels[0].keywords[0]',
      'one line',
    ],
    [
      'bidirectional override in a description',
      'id: x\nlabels:\n  - label: A\n    description: "d \u202e"\n',
      4,
      'labels[0].description',
      'U+202E',
    ],
    [
      'keyword without words',
      'id: x\nlabels:\n  - label: A\n    description: d\n    keywords:\n      - gas\n      - "!!!"\n',
      7,
      'labels[0].keywords[1]',
      'can never match',
    ],
    [
      'own parent',
      'id: x\nlabels:\n  - label: A\n    description: d\n    parent: A\n',
      5,
      'labels[0].parent',
      'cannot be its own parent',
    ],
  ];
  it.each(bad)('%s → error naming file, line and field', (_name, source, line, field, problem) => {
    let error: unknown;
    try {
      parseTaxonomy(source, 'user.yaml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TaxonomyError);
    const e = error as TaxonomyError;
    expect([e.file, e.line, e.field]).toEqual(['user.yaml', line, field]);
    expect(e.problem).toContain(problem);
    expect(e.message.startsWith(`user.yaml:${line}:`)).toBe(true);
  });
});

describe('built-in taxonomies', () => {
  it.each(builtinTaxonomies.map((t) => t.id))('%s: the imported JSON matches its YAML source', (id) => {
    const taxonomy = builtinTaxonomies.find((t) => t.id === id);
    const source = readFileSync(join(ROOT, 'taxonomies', `${id}.yaml`), 'utf8');
    // Out of date? Run `npm run train narrative-taxonomies`.
    expect(taxonomy).toEqual(parseTaxonomy(source, `taxonomies/${id}.yaml`));
  });

  it('semeval2025 has the 21 coarse and 95 fine labels of the task, each fine under its own coarse label', () => {
    const t = builtinTaxonomies.find((x) => x.id === 'semeval2025')!;
    const coarse = t.labels.filter((l) => l.level === 'coarse');
    const fine = t.labels.filter((l) => l.level === 'fine');
    expect([coarse.length, fine.length]).toEqual([21, 95]);
    for (const l of fine) expect(l.label.startsWith(`${l.parent}: `)).toBe(true);
    for (const c of coarse) expect(fine.some((f) => f.label === `${c.label}: Other`)).toBe(true);
  });

  it('every label has a description and at least one keyword and example', () => {
    for (const t of builtinTaxonomies)
      for (const l of t.labels) {
        expect(l.description.length, l.label).toBeGreaterThan(10);
        expect(l.keywords.length, l.label).toBeGreaterThan(0);
        expect(l.examples.length, l.label).toBeGreaterThan(0);
      }
  });
});
