/**
 * Parses and validates a taxonomy file (YAML, or JSON, which YAML reads too) without touching the file
 * system, so the same code validates user files, the built-in sources and generated JSON. Every problem
 * becomes a TaxonomyError naming the file, line, column and field, taken from the yaml package's node ranges.
 */
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Node,
  type Scalar,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import { TaxonomyError, type Taxonomy, type TaxonomyLabel } from './types.js';

const TOP_FIELDS = new Set(['id', 'name', 'version', 'description', 'labels']);
const LABEL_FIELDS = new Set(['label', 'description', 'keywords', 'examples', 'parent']);
const ID_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/iu;
const MAX_LABELS = 2000;
const MAX_TEXT = 2000;

export function parseTaxonomy(source: string, file: string): Taxonomy {
  // Plain JavaScript callers are not checked by TypeScript: parseTaxonomy(null) failed inside with
  // "Cannot read properties of null (reading 'replace')". `file` only names the source in messages.
  if (typeof file !== 'string') file = '(taxonomy)';
  if (typeof source !== 'string')
    throw new TaxonomyError(file, 1, 1, '(root)', `expected the taxonomy's text (YAML or JSON) as a string, got ${describeSource(source)}; to read a file use loadTaxonomyFile`);
  const lineCounter = new LineCounter();
  // A lone CR (classic Mac line ends) is a line break in YAML, but the parser read the whole file as one
  // line ("Nested mappings are not allowed in compact mappings at 1:5"). Same offsets and line numbers.
  const doc = parseDocument(source.replace(/\r(?!\n)/gu, '\n'), { lineCounter, uniqueKeys: true });
  const fail = (node: Node | null | undefined, field: string, problem: string): never => {
    const offset = node?.range?.[0] ?? 0;
    const pos = lineCounter.linePos(offset);
    throw new TaxonomyError(file, pos.line, pos.col, field, problem);
  };
  const firstError = doc.errors[0];
  if (firstError) {
    const pos = firstError.linePos?.[0] ?? { line: 1, col: 1 };
    throw new TaxonomyError(file, pos.line, pos.col, '(syntax)', syntaxProblem(firstError.message));
  }
  const root = doc.contents;
  if (root === null)
    fail(root, '(root)', 'the file is empty (or comments only): a taxonomy needs an id and labels');
  if (!isMap(root)) fail(root, '(root)', 'expected a mapping with fields id, name, description, labels');
  const top = root as YAMLMap;
  checkKeys(top, TOP_FIELDS, '', fail);

  const id = requiredString(top, 'id', 'id', fail);
  if (!ID_PATTERN.test(id))
    fail(
      valueNode(top, 'id'),
      'id',
      `"${id}" is not a valid id: use letters, digits, ".", "_" or "-" (at most 64)`,
    );
  const name = optionalString(top, 'name', 'name', fail) ?? id;
  const version = optionalString(top, 'version', 'version', fail) ?? '1';
  const description = optionalString(top, 'description', 'description', fail, PROSE) ?? '';

  const labelsNode = valueNode(top, 'labels');
  if (!labelsNode) fail(top, 'labels', 'missing: a taxonomy needs a list of labels');
  refuseAlias(labelsNode, 'labels', fail);
  if (!isSeq(labelsNode)) fail(labelsNode, 'labels', 'expected a list of labels');
  const items = (labelsNode as { items: unknown[] }).items;
  if (items.length === 0) fail(labelsNode, 'labels', 'the list is empty');
  if (items.length > MAX_LABELS)
    fail(labelsNode, 'labels', `too many labels (${items.length}; at most ${MAX_LABELS})`);

  const labels: TaxonomyLabel[] = [];
  /** Case-folded label → the label as written and its node, for the duplicate check. */
  const seen = new Map<string, { label: string; node: Node | null }>();
  const parentNodes: { label: string; parent: string; node: Node | null; field: string }[] = [];
  items.forEach((item, i) => {
    const where = `labels[${i}]`;
    refuseAlias(item as Node, where, fail);
    if (!isMap(item))
      return fail(
        item as Node,
        where,
        'expected a mapping with label, description, keywords, examples, parent',
      );
    checkKeys(item, LABEL_FIELDS, `${where}.`, fail);
    const label = requiredString(item, 'label', `${where}.label`, fail);
    // Labels that differ only in case (or in how an accent is encoded) read as one label in reports and
    // filters, and a `--label` or a prediction file naming one could not say which: refused, as an exact
    // duplicate is, with the line of the first.
    const key = label.normalize('NFC').toLowerCase();
    const first = seen.get(key);
    if (first) {
      if (first.label === label)
        fail(valueNode(item, 'label'), `${where}.label`, `duplicate label "${label}"`);
      const line = lineCounter.linePos(first.node?.range?.[0] ?? 0).line;
      fail(
        valueNode(item, 'label'),
        `${where}.label`,
        `duplicate label "${label}": it differs only in case from "${first.label}" (line ${line}); use one spelling`,
      );
    }
    seen.set(key, { label, node: valueNode(item, 'label') });
    const desc = requiredString(item, 'description', `${where}.description`, fail, PROSE);
    const keywords = stringList(item, 'keywords', `${where}.keywords`, fail).map((k) => k.toLowerCase());
    // Keywords are matched as words: one without a letter or digit ("!!!", "--") could never match.
    const wordless = keywords.findIndex((k) => !/[\p{L}\p{N}]/u.test(k));
    if (wordless >= 0)
      fail(
        (valueNode(item, 'keywords') as YAMLSeq).items[wordless] as Node,
        `${where}.keywords[${wordless}]`,
        'has no letters or digits, so it can never match a word',
      );
    const examples = stringList(item, 'examples', `${where}.examples`, fail, PROSE);
    const parent = optionalString(item, 'parent', `${where}.parent`, fail) ?? null;
    if (parent !== null)
      parentNodes.push({ label, parent, node: valueNode(item, 'parent'), field: `${where}.parent` });
    labels.push({
      label,
      level: parent === null ? 'coarse' : 'fine',
      parent,
      description: desc,
      keywords,
      examples,
    });
  });
  const levels = new Map(labels.map((l) => [l.label, l.level]));
  for (const p of parentNodes) {
    // Checked first: a label that is its own parent is also a fine label, which would hide the reason.
    if (p.parent === p.label) fail(p.node, p.field, 'a label cannot be its own parent');
    const level = levels.get(p.parent);
    if (level === undefined) {
      // A parent written in another case than its label ("media distrust") is named as such.
      const written = seen.get(p.parent.normalize('NFC').toLowerCase())?.label;
      fail(
        p.node,
        p.field,
        written !== undefined
          ? `"${p.parent}" is not a label of this taxonomy; the label is written "${written}" (parent must name it exactly)`
          : `"${p.parent}" is not a label of this taxonomy (parent must name a coarse label)`,
      );
    }
    if (level === 'fine')
      fail(p.node, p.field, `"${p.parent}" is itself a fine label; only two levels are supported`);
  }
  return { id, name, version, description, labels };
}

/**
 * The parser's message in the words of a taxonomy author: without its repeated position (the error
 * already starts with file:line:column), and in plain words where the parser's name for the mistake says
 * little (`label: URW: Blaming the war` unquoted) or names its own API or a JavaScript failure.
 */
const SYNTAX_HINTS: readonly (readonly [RegExp, string])[] = [
  [
    /^Nested mappings are not allowed in compact mappings/u,
    'a value holding ": " must be in quotes (label: "URW: Blaming the war")',
  ],
  [
    /^Implicit map keys need to be followed by map values/u,
    'expected "field: value" (a colon and a space after the field name)',
  ],
  [
    /^Source contains multiple documents/u,
    'holds more than one YAML document (a "---" line); a taxonomy file is one document',
  ],
  [
    /Maximum call stack size exceeded|too much recursion/u,
    'nested too deeply (lists or mappings inside one another); a taxonomy is two levels deep',
  ],
];

function syntaxProblem(message: string): string {
  const first = (message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/u, '');
  for (const [pattern, plain] of SYNTAX_HINTS) if (pattern.test(first)) return plain;
  return first || 'not valid YAML or JSON';
}

type Fail = (node: Node | null | undefined, field: string, problem: string) => never;

function valueNode(map: YAMLMap, key: string): Node | null {
  const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
  return (pair?.value as Node | null | undefined) ?? null;
}

function checkKeys(map: YAMLMap, allowed: ReadonlySet<string>, prefix: string, fail: Fail): void {
  for (const pair of map.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!allowed.has(key))
      fail(
        pair.key as Node,
        `${prefix}${key || '(key)'}`,
        `unknown field; expected one of ${[...allowed].join(', ')}`,
      );
  }
}

/**
 * Anchors and aliases (`&a` / `*a`) are not expanded, so a file of nested aliases (a "billion laughs")
 * costs nothing; an alias where a value is expected is named as such rather than as a value of the wrong
 * kind.
 */
function refuseAlias(node: Node | null, field: string, fail: Fail): void {
  if (isAlias(node))
    fail(node, field, `is a YAML alias (*${node.source}); aliases are not supported, write the value out`);
}

/**
 * Control characters (ESC starts terminal escape sequences) and bidirectional overrides have no place in
 * a taxonomy and would travel into reports, exports and prediction files. Names, labels and keywords are
 * one line: a tab or line break in a label would split the rows of tab-separated outputs.
 */
// eslint-disable-next-line no-control-regex -- the control characters are what it finds
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const LINE_BREAK_OR_TAB = /[\t\n\u2028\u2029]/u;
/** Only white space and format characters (zero-width space, BOM, soft hyphen): nothing a reader sees. */
const INVISIBLE = /^[\s\p{Cf}]*$/u;
/** Descriptions and examples: free text over several lines. */
const PROSE = true;

function scalarString(node: Node | null, field: string, fail: Fail, prose = false): string {
  refuseAlias(node, field, fail);
  if (!isScalar(node) || (typeof node.value !== 'string' && typeof node.value !== 'number'))
    fail(node, field, 'expected a text value');
  // A number is read as it is written: String() of its value would turn `version: 1.10` into "1.1",
  // `label: 010` into "10" and `0x10` into "16".
  const scalar = node as Scalar;
  const text =
    typeof scalar.value === 'number' ? (scalar.source ?? String(scalar.value)) : String(scalar.value);
  const value = text.trim();
  if (!value) fail(node, field, 'is empty');
  // A label of one zero-width space was accepted, and reported as a label nobody can read or type.
  if (INVISIBLE.test(value))
    fail(node, field, 'is empty (only invisible characters such as zero-width spaces)');
  if (value.length > MAX_TEXT)
    fail(node, field, `too long (${value.length} characters; at most ${MAX_TEXT})`);
  const control = CONTROL.exec(value)?.[0];
  if (control !== undefined)
    fail(
      node,
      field,
      `contains the control character U+${control.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`,
    );
  // A YAML or JSON escape of half a surrogate pair ("\ud800") is no character: it was kept, and no UTF-8
  // output (a report, an export, a prediction file) can hold it.
  const lone = /\p{Cs}/u.exec(value)?.[0];
  if (lone !== undefined)
    fail(
      node,
      field,
      `contains U+${lone.charCodeAt(0).toString(16).toUpperCase()}, half of a surrogate pair (an escape such as "\\ud800" alone); write the character itself`,
    );
  if (!prose && LINE_BREAK_OR_TAB.test(value)) fail(node, field, 'must be one line without tabs');
  return value;
}

function requiredString(map: YAMLMap, key: string, field: string, fail: Fail, prose = false): string {
  const node = valueNode(map, key);
  if (!map.items.some((p) => isScalar(p.key) && p.key.value === key)) fail(map, field, 'missing (required)');
  return scalarString(node, field, fail, prose);
}

function optionalString(
  map: YAMLMap,
  key: string,
  field: string,
  fail: Fail,
  prose = false,
): string | undefined {
  if (!map.items.some((p) => isScalar(p.key) && p.key.value === key)) return undefined;
  return scalarString(valueNode(map, key), field, fail, prose);
}

function stringList(map: YAMLMap, key: string, field: string, fail: Fail, prose = false): string[] {
  if (!map.items.some((p) => isScalar(p.key) && p.key.value === key)) return [];
  const node = valueNode(map, key);
  refuseAlias(node, field, fail);
  if (!isSeq(node)) return fail(node, field, 'expected a list of texts');
  return node.items.map((item, i) => scalarString(item as Node, `${field}[${i}]`, fail, prose));
}

function describeSource(value: unknown): string {
  if (value === null) return 'null';
  if (value instanceof Uint8Array) return 'bytes (decode them first, e.g. with decodeBytes)';
  return Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object (a parsed taxonomy needs no parsing)' : typeof value;
}
