import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../src/analyzer.js';
import { Registry } from '../../src/core/detect/registry.js';
import type { Aggregator } from '../../src/core/aggregate/types.js';
import type { Detector } from '../../src/core/detect/types.js';
import type { AnalysisResult } from '../../src/core/result/types.js';
import { spanText } from '../../src/core/text/span.js';
import { formatResults, validateAnalysisResult } from '../../src/export/format/index.js';
import { SchemaViolationError } from '../../src/export/format/json.js';

// A hostile document: markup, script, event handlers and a terminal escape sequence inside the text.
const HOSTILE = [
  'Myth: <script>alert(1)</script> "vaccines" <img src=x onerror=alert(2)> cause harm.',
  'Fact: Trials with 40,000 people found no such harm \u001b[31mRED\u001b[0m.',
].join('\n\n');

/** Marks every occurrence of "harm" as a loaded-language-like technique span. */
const fakeTechnique: Detector = {
  meta: {
    id: 'technique/test-harm',
    version: '1.0.0',
    family: 'technique',
    description: 'test detector',
    taxonomy: ['semeval2023:Loaded_Language'],
    messages: { hit: 'Emotionally charged word "{{word}}".' },
    requires: ['tokens'],
    cost: 'cheap',
    stability: 'stable',
    severity: 'info',
    languages: 'any',
    examples: { valid: [], invalid: [] },
  },
  detect(ctx) {
    return [...ctx.text.matchAll(/harm|<script>/gu)].map((m) => ({
      span: { start: m.index, end: m.index + m[0].length },
      messageId: 'hit',
      data: { word: m[0] },
      confidence: 0.8,
      evidence: [{ kind: 'lexicon', label: `lexicon "${m[0]}"` }],
    }));
  },
};

/** Builds one ledger item from the two labelled paragraphs, enough to exercise every output section. */
const fakeLedger: Aggregator = {
  meta: { id: 'ledger/test', version: '1.0.0', description: 'test', produces: ['rebuttals'] },
  aggregate(ctx) {
    const claimStart = ctx.text.indexOf('<script>');
    const claimEnd = ctx.text.indexOf('\n');
    const rebStart = ctx.text.indexOf('Trials');
    return {
      rebuttals: [
        {
          id: 'r1',
          index: '1',
          format: 'myth-fact',
          claim: spanText(ctx.text, { start: claimStart, end: claimEnd }),
          attributedTo: null,
          attributionScope: null,
          motive: null,
          rebuttal: spanText(ctx.text, { start: rebStart, end: ctx.text.length }),
          verdict: { label: 'false', original: spanText(ctx.text, { start: 0, end: 4 }) },
          evidence: [
            {
              kind: 'number',
              span: spanText(ctx.text, {
                start: ctx.text.indexOf('40,000'),
                end: ctx.text.indexOf('40,000') + 6,
              }),
            },
          ],
          evidenceSummary: '1 number',
          partial: false,
          flags: [],
          span: spanText(ctx.text, { start: 0, end: ctx.text.length }),
          findingIds: [],
        },
      ],
    };
  },
};

async function hostileResult(): Promise<AnalysisResult> {
  const analyzer = new Analyzer({
    registry: new Registry([fakeTechnique], [fakeLedger]),
    identifyLanguage: false,
  });
  return analyzer.analyzeText(HOSTILE, {
    title: 'Test <b>title</b>',
    source: { kind: 'text', uri: 'hostile.txt' },
  });
}

describe('output formats', () => {
  it('json: results match the schema and round-trip', async () => {
    const r = await hostileResult();
    expect(validateAnalysisResult(r)).toEqual([]);
    const parsed = JSON.parse(formatResults([r], 'json')) as AnalysisResult;
    expect(parsed.rebuttals[0]?.claim?.text).toContain('<script>');
    expect(parsed.findings.map((f) => f.span.text)).toEqual(['<script>', 'harm', 'harm']);
    expect(Array.isArray(JSON.parse(formatResults([r, r], 'json')))).toBe(true);
  });

  it('json: refuses to write a result that breaks the schema', async () => {
    const r = await hostileResult();
    const broken = { ...r, findings: [{ ...r.findings[0], confidence: 7 }] } as unknown as AnalysisResult;
    expect(() => formatResults([broken], 'json')).toThrow(SchemaViolationError);
    expect(validateAnalysisResult({ ...r, extra: 1 })).not.toEqual([]);
  });

  it('html: escapes every piece of document text and loads nothing external', async () => {
    const html = formatResults([await hostileResult()], 'html');
    expect(html).not.toMatch(/<script/iu);
    expect(html).not.toMatch(/<img/iu);
    expect(html).not.toMatch(/<[^>]*\son\w+=/iu); // "onerror=" may appear only as escaped text
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).toContain('Test &#60;b&#62;title&#60;/b&#62;');
    expect(html).not.toMatch(/(?:src|href)=["']?https?:/iu);
    expect(html).toContain("default-src 'none'");
    // highlights, legend toggle and hover explanation are present
    expect(html).toMatch(/<mark class="h l0"[^>]*>harm<span class="tip"/u);
    expect(html).toContain('id="tg0-0" checked'); // technique highlights are on at first
    expect(html).toContain('Loaded_Language');
  });

  it('stylish: shows the ledger and findings with line:col and strips terminal control sequences', async () => {
    const text = formatResults([await hostileResult()], 'stylish', { color: false });
    expect(text).toContain('Rebuttal ledger — 1 rebuttal, 0 cite a source');
    expect(text).toMatch(/claim\s+<script>alert\(1\)<\/script>/u);
    expect(text).toMatch(/1:7\s+info\s+Loaded_Language 80% “<script>”/u);
    expect(text).not.toContain('\u001b');
  });

  it('stylish: heads each rebuttal with its id and the number the document gives it, or the id alone (not "#?")', async () => {
    const r = await hostileResult();
    expect(formatResults([r], 'stylish', { color: false })).toMatch(/^ {2}\S+\s+r1 #1 myth-fact$/mu);
    const unnumbered = { ...r, rebuttals: r.rebuttals.map((it) => ({ ...it, index: null })) };
    const text = formatResults([unnumbered], 'stylish', { color: false });
    expect(text).toMatch(/^ {2}\S+\s+r1 myth-fact$/mu);
    expect(text).not.toContain('#?');
  });

  it('stylish: clips a long title of emoji between characters, never inside one (half reached the terminal as U+FFFD)', async () => {
    const r = await hostileResult();
    for (const title of ['🌊'.repeat(100), `x${'🌊'.repeat(100)}`]) {
      const text = formatResults([{ ...r, document: { ...r.document, title } }], 'stylish', { color: false, width: 60 });
      expect(text).not.toMatch(/\p{Cs}/u);
      expect(text).toMatch(/🌊…” · language/u);
    }
  });

  it('stylish: a blank title or address names nothing (an empty heading line, a title line of “”)', async () => {
    const r = await hostileResult();
    const text = formatResults([{ ...r, document: { ...r.document, title: '  ', source: { kind: 'text', uri: ' ' } } }], 'stylish', { color: false });
    const [heading, meta] = text.split('\n');
    expect(heading).toBe(`document ${r.document.id} (no file name or title)`);
    expect(meta).toMatch(/^language /u);
  });

  it('stylish: lists entities cast in a role first and says how many the short list leaves out', async () => {
    const r = await hostileResult();
    const entity = (
      n: number,
      mainRole: 'Antagonist' | null,
      mentions: number,
    ): AnalysisResult['entities'][number] => ({
      id: `e${n}`,
      name: `Entity ${n}`,
      type: 'group',
      mentions: Array.from({ length: mentions }, () => ({ start: 0, end: 4, text: 'Myth' })),
      mainRole,
      fineRoles: mainRole ? ['Deceiver'] : [],
      confidence: 0.5,
      support: [],
    });
    // Fourteen role-less entities come first in the result, the two cast ones last (as in document order).
    const entities = [
      ...Array.from({ length: 14 }, (_, i) => entity(i, null, 1)),
      entity(14, 'Antagonist', 1),
      entity(15, 'Antagonist', 3),
    ];
    const text = formatResults([{ ...r, entities }], 'stylish', { color: false });
    const listed = [...text.matchAll(/^ {2}(Entity \d+)/gmu)].map((m) => m[1]);
    expect(listed.slice(0, 2)).toEqual(['Entity 15', 'Entity 14']);
    expect(listed).toHaveLength(12);
    expect(text).toContain('… 4 more (use --verbose, --format json or html for all)');
    const verbose = formatResults([{ ...r, entities }], 'stylish', { color: false, verbose: true });
    expect([...verbose.matchAll(/^ {2}(Entity \d+)/gmu)]).toHaveLength(16);
  });
});

describe('the result schema', () => {
  it('is a valid JSON Schema 2020-12 document (the validator skips this check when it compiles the schema)', async () => {
    const { Ajv2020 } = await import('ajv/dist/2020.js');
    const { analysisResultSchema } = await import('../../src/export/format/schema.js');
    const ajv = new Ajv2020({ strict: false });
    expect(ajv.validateSchema(analysisResultSchema), JSON.stringify(ajv.errors)).toBe(true);
    // and the meta-schema check can fail: a schema with a type that does not exist is refused
    expect(ajv.validateSchema({ type: 'no-such-type' })).toBe(false);
  });
});

/**
 * The paths of `value` that `schema` does not declare (no `properties` entry, no `additionalProperties`
 * schema): what a consumer generating types from the schema would not know of. Follows $ref, allOf and,
 * for anyOf, the branch of the value's kind.
 */
function undeclared(value: unknown, schema: Record<string, unknown>, defs: Record<string, Record<string, unknown>>, path = ''): string[] {
  const resolve = (s: Record<string, unknown>): Record<string, unknown> =>
    typeof s.$ref === 'string' ? resolve(defs[s.$ref.split('/').pop() as string] as Record<string, unknown>) : s;
  const s = resolve(schema);
  const parts = [s, ...((s.allOf as Record<string, unknown>[] | undefined) ?? []).map(resolve)];
  const branch = ((s.anyOf as Record<string, unknown>[] | undefined) ?? []).map(resolve).find((b) => (b.type === 'array') === Array.isArray(value) && b.type !== 'null');
  if (branch) return undeclared(value, branch, defs, path);
  if (Array.isArray(value)) {
    const items = parts.find((p) => p.items)?.items as Record<string, unknown> | undefined;
    return items ? value.flatMap((v) => undeclared(v, items, defs, `${path}[]`)) : [];
  }
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => {
    const declared = parts.map((p) => (p.properties as Record<string, Record<string, unknown>> | undefined)?.[k]).find(Boolean);
    const extra = parts.map((p) => p.additionalProperties).find((a) => typeof a === 'object') as Record<string, unknown> | undefined;
    const sub = declared ?? extra;
    return sub ? undeclared(v, sub, defs, `${path}.${k}`) : [`${path}.${k}`];
  });
}

describe('the result schema against real results', () => {
  it('declares every property an analysis writes (mentions[].role, evidence spans and the detector entries of meta were undeclared)', async () => {
    const { analysisResultSchema } = await import('../../src/export/format/schema.js');
    // Our own invented text: a ledger, entities cast in roles, findings with evidence spans.
    const r = await new Analyzer().analyzeText(
      'Myth 1: The corrupt traitors in the capital want to destroy our farmers.\nFact: The ministry published its farm budget, which rose in 2023, according to the statistics office.\n\n' +
        'Myth 2: NATO secretly attacked innocent civilians in Donetsk.\nFact: No evidence supports this; the OSCE monitors reported no such strike.\n\n' +
        'The brave soldiers of Ukraine defend their villages while the Kremlin bombs hospitals. "This is a disaster," said the mayor.',
    );
    const schema = analysisResultSchema as Record<string, unknown>;
    const paths = [...new Set(undeclared(r, schema, schema.$defs as Record<string, Record<string, unknown>>))];
    expect(r.entities.some((e) => e.mentions.some((m) => m.role))).toBe(true);
    expect(r.findings.some((f) => f.evidence.some((e) => e.span))).toBe(true);
    expect(paths).toEqual([]);
    expect(validateAnalysisResult(r)).toEqual([]);
  });

  it('checks the role of a mention', () => {
    const r = structuredClone(fixtureLikeResultWithRole());
    expect(validateAnalysisResult(r)).toEqual([]);
    (r.entities[0]!.mentions[0] as { role: unknown }).role = { main: 'Antagonist', fine: 'Saboteur', confidence: 2 };
    expect(validateAnalysisResult(r).join('\n')).toMatch(/mentions\/0\/role\/fine must be array[\s\S]*role\/confidence must be <= 1/u);
  });
});

function fixtureLikeResultWithRole(): AnalysisResult {
  const text = 'The council met.';
  const mention = { ...spanText(text, { start: 4, end: 11 }), role: { main: 'Protagonist', fine: ['Guardian'], confidence: 0.7 } };
  return {
    schemaVersion: '1.0.0',
    document: { id: 'd', title: null, language: 'en', languageConfidence: null, source: { kind: 'text' }, length: text.length, hash: 'a'.repeat(64), text },
    rebuttals: [],
    rebuttalSummary: { items: 0, citingSource: 0, partial: 0, text: 'no rebuttal format recognised' },
    findings: [],
    claims: [],
    narratives: [],
    entities: [{ id: 'e1', name: 'council', type: 'organisation', mentions: [mention], mainRole: 'Protagonist', fineRoles: ['Guardian'], confidence: 0.7, support: [] }],
    techniques: { profile: [], paragraphs: [], words: 3 },
    warnings: [],
    stats: { totalMs: 1, segmentMs: 1, detectors: {}, aggregators: {}, counts: {} },
    meta: { tool: 'narrascope', toolVersion: '0.0.0', detectors: [], aggregators: [], configHash: 'x' },
  };
}

describe('docs/output.md', () => {
  it('names every top-level field of the schema', async () => {
    const { readFileSync } = await import('node:fs');
    const { analysisResultSchema } = await import('../../src/export/format/schema.js');
    const doc = readFileSync(new URL('../../docs/output.md', import.meta.url), 'utf8');
    const props = Object.keys((analysisResultSchema as { properties: Record<string, unknown> }).properties);
    expect(props.filter((p) => !doc.includes(`\`${p}\``))).toEqual([]);
  });
});
