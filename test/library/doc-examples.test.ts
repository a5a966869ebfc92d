// The TypeScript examples in README.md and docs/*.md are what an embedding developer copies first: each
// ```ts block is type-checked against src/index.ts (as the package name `narrascope`), so a renamed export
// or result field breaks this test instead of the reader's build. A fragment that is not meant to compile
// can be fenced as ```text instead.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

interface Example {
  /** Where the block starts, as `docs/file.md:line`. */
  readonly where: string;
  readonly code: string;
}

/** The ```ts and ```typescript blocks of a Markdown file, with the line each one starts on. */
function tsBlocks(markdown: string, file: string): Example[] {
  const out: Example[] = [];
  const lines = markdown.split(/\r?\n/u);
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*(ts|typescript)\s*$/u.exec(lines[i] ?? '');
    if (!open) continue;
    const fence = open[2] ?? '```';
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !(lines[j] ?? '').trim().startsWith(fence); j++) body.push(lines[j] ?? '');
    out.push({ where: `${file}:${i + 2}`, code: body.join('\n') });
    i = j;
  }
  return out;
}

const files = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
].sort();
const examples = files.flatMap((f) => tsBlocks(readFileSync(join(root, f), 'utf8'), f));

/** Type-checks the examples as modules of this package; returns one line per error, `file.md:line: message`. */
function check(blocks: readonly Example[]): string[] {
  const { config } = ts.readConfigFile(join(root, 'tsconfig.json'), (p) => ts.sys.readFile(p));
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, root);
  // Virtual files inside the repository: the repository's package.json makes them ES modules and its
  // node_modules holds the types; nothing is written.
  const dir = join(root, 'test', 'library', '.doc-examples');
  const virtual = new Map(blocks.map((b, i) => [join(dir, `example-${i}.ts`), b]));
  const host = ts.createCompilerHost({ ...options, noEmit: true });
  const { fileExists, readFile } = host;
  host.fileExists = (p) => virtual.has(p) || fileExists.call(host, p);
  host.readFile = (p) => virtual.get(p)?.code ?? readFile.call(host, p);
  const program = ts.createProgram({
    rootNames: [...virtual.keys(), join(root, 'src', 'core', 'segment', 'wink-internals.d.ts')],
    options: { ...options, noEmit: true, paths: { narrascope: [join(root, 'src', 'index.ts')] } },
    host,
  });
  const problems: string[] = [];
  for (const [path, block] of virtual) {
    const source = program.getSourceFile(path);
    if (!source) throw new Error(`example ${block.where} was not read`);
    // Only the examples' own diagnostics: the checker then looks at no more of src/ than they use.
    for (const d of [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]) {
      const line = d.start === undefined ? 0 : source.getLineAndCharacterOfPosition(d.start).line;
      const [file, first] = block.where.split(':');
      problems.push(
        `${file}:${Number(first) + line}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`,
      );
    }
  }
  return problems;
}

// A broken example checked beside the real ones (one program: checking is the slow part) proves the check bites.
const broken: Example = {
  where: 'broken.md:10',
  code: "import { createAnalyzr } from 'narrascope';\nconst n: number = 'one';",
};

describe('TypeScript examples in the docs', () => {
  let problems: string[] = [];
  beforeAll(() => {
    problems = check([...examples, broken]);
  });

  it('finds the examples (the README has one)', () => {
    expect(examples.some((e) => e.where.startsWith('README.md:'))).toBe(true);
  });

  it('type-check against the current API', () => {
    expect(problems.filter((p) => !p.startsWith('broken.md:'))).toEqual([]);
  });

  it('would catch an example that uses a missing export or a wrong type, at its line', () => {
    expect(problems.some((p) => p.startsWith('broken.md:10:') && p.includes('createAnalyzr'))).toBe(true);
    expect(problems.some((p) => p.startsWith('broken.md:11:'))).toBe(true);
  });
});
