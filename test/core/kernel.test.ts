import { describe, expect, it } from 'vitest';
import { ConfigError, resolveConfig } from '../../src/core/config/config.js';
import { OptionsError, resolveOptions } from '../../src/core/config/options.js';
import { Registry } from '../../src/core/detect/registry.js';
import type { Detector, DetectorMeta } from '../../src/core/detect/types.js';
import { postProcess } from '../../src/core/finding/post-process.js';
import type { Finding, Signal } from '../../src/core/finding/types.js';
import { analyzeDocument } from '../../src/core/pipeline/analyze.js';
import { createDocument } from '../../src/core/text/document.js';

function fake(id: string, signals: (text: string) => Signal[], meta: Partial<DetectorMeta> = {}): Detector {
  return {
    meta: {
      id,
      version: '1.0.0',
      description: `fake ${id}`,
      family: id.split('/')[0] as string,
      taxonomy: [],
      messages: { hit: 'Hit {{what}}.', plain: 'Plain.' },
      requires: [],
      cost: 'cheap',
      stability: 'stable',
      severity: 'info',
      languages: 'any',
      examples: { valid: [], invalid: [] },
      ...meta,
    },
    detect: (ctx) => signals(ctx.text),
  };
}

const word = (text: string, w: string, extra: Partial<Signal> = {}): Signal => {
  const start = text.indexOf(w);
  return {
    span: { start, end: start + w.length },
    messageId: 'hit',
    data: { what: w },
    confidence: 0.9,
    ...extra,
  };
};

const good = fake('structure/good', (t) => [word(t, 'Myth')], {
  options: { threshold: { type: 'number', default: 0.5, min: 0, max: 1, description: 'cut-off' } },
});
const experimental = fake('technique/new', () => [], { stability: 'experimental' });
const model = fake('technique/model-based', () => [], { cost: 'model' });
const russianOnly = fake('technique/ru-only', () => [], { languages: ['ru'] });

describe('resolveConfig', () => {
  const registry = new Registry([good, experimental, model, russianOnly]);
  const ids = (c: ReturnType<typeof resolveConfig>): string[] => c.detectors.map((d) => d.detector.meta.id);

  it.each([
    [{}, ['structure/good', 'technique/model-based', 'technique/ru-only']],
    [{ preset: 'all' }, ['structure/good', 'technique/new', 'technique/model-based', 'technique/ru-only']],
    [{ preset: 'fast' }, ['structure/good', 'technique/ru-only']],
    [{ detectors: ['technique/*'] }, ['technique/new', 'technique/model-based', 'technique/ru-only']],
    [{ rules: { 'technique/model-based': 'off' as const } }, ['structure/good', 'technique/ru-only']],
    [
      { preset: 'fast', rules: { 'technique/new': 'on' as const } },
      ['structure/good', 'technique/new', 'technique/ru-only'],
    ],
  ])('%j selects the right detectors', (config, expected) => {
    expect(ids(resolveConfig(registry, config))).toEqual(expected);
  });

  it('fills option defaults and applies given options', () => {
    expect(resolveConfig(registry).detectors[0]?.options).toEqual({ threshold: 0.5 });
    expect(
      resolveConfig(registry, { rules: { 'structure/good': { threshold: 0.8 } } }).detectors[0]?.options,
    ).toEqual({ threshold: 0.8 });
  });

  it.each([
    [{ preset: 'nope' }, /unknown preset "nope"/u],
    [{ detectors: ['nothing/*'] }, /no detector matches "nothing\/\*"/u],
    [{ rules: { 'x/y': 'off' as const } }, /unknown detector "x\/y"/u],
    [{ rules: { 'structure/good': { threshold: 2 } } }, /must be at most 1/u],
    [
      { rules: { 'structure/good': { threshhold: 0.1 } } },
      /unknown option "threshhold"; known options: threshold/u,
    ],
    [{ minConfidence: 1.5 }, /minConfidence must be in \[0, 1\]/u],
    [{ aggregators: { 'ledger/none': 'off' as const } }, /unknown aggregator/u],
  ])('%j is refused with a precise ConfigError', (config, message) => {
    expect(() => resolveConfig(registry, config)).toThrow(ConfigError);
    expect(() => resolveConfig(registry, config)).toThrow(message);
  });

  it('gives the same hash for the same settings and a different one when options change', () => {
    expect(resolveConfig(registry).hash).toBe(resolveConfig(registry, { preset: 'default' }).hash);
    expect(resolveConfig(registry).hash).not.toBe(
      resolveConfig(registry, { rules: { 'structure/good': { threshold: 0.9 } } }).hash,
    );
  });
});

describe('resolveOptions', () => {
  it.each([
    [{ type: 'boolean' as const, default: false, description: '' }, 'yes', /must be true or false/u],
    [
      { type: 'string' as const, default: 'a', enum: ['a', 'b'], description: '' },
      'c',
      /must be one of a, b/u,
    ],
    [{ type: 'string[]' as const, default: [], description: '' }, ['a', 1], /must be a list of strings/u],
    [{ type: 'number' as const, default: 1, min: 0, description: '' }, Number.NaN, /finite number/u],
  ])('refuses a bad value (%j, %j)', (spec, value, message) => {
    expect(() => resolveOptions('x/y', { opt: spec }, { opt: value })).toThrow(OptionsError);
    expect(() => resolveOptions('x/y', { opt: spec }, { opt: value })).toThrow(message);
  });
});

describe('Registry', () => {
  it.each([
    [{ id: 'BadId' }, /kebab-case/u],
    [{ id: 'technique/x', family: 'structure' }, /must start with its family/u],
    [{ version: '1.0' }, /semver/u],
    [{ examples: { valid: [], invalid: [{ text: 'x', messageId: 'nope' }] } }, /unknown messageId "nope"/u],
    [{ examples: { valid: [], invalid: [{ text: 'x', messageId: 'hit', data: {} }] } }, /lacks data.what/u],
  ])('rejects malformed metadata %j', (meta, message) => {
    expect(() => new Registry([fake('structure/x', () => [], meta)])).toThrow(message);
  });

  it('rejects a duplicate id', () => {
    expect(() => new Registry([good, good])).toThrow(/registered twice/u);
  });
});

describe('analyzeDocument', () => {
  const run = async (detectors: Detector[], text: string, language = 'en') => {
    const config = resolveConfig(new Registry(detectors), { preset: 'all' });
    return analyzeDocument(createDocument({ text, language }), { config });
  };

  it.each([
    [
      'a span outside the text',
      (t: string) => [{ span: { start: 0, end: t.length + 5 }, messageId: 'plain', confidence: 1 }],
      /outside the text/u,
    ],
    [
      'an unknown message id',
      () => [{ span: { start: 0, end: 1 }, messageId: 'nope', confidence: 1 }],
      /unknown messageId "nope"/u,
    ],
    [
      'a confidence above 1',
      () => [{ span: { start: 0, end: 1 }, messageId: 'plain', confidence: 1.5 }],
      /not in \[0, 1\]/u,
    ],
    [
      'a missing placeholder value',
      () => [{ span: { start: 0, end: 1 }, messageId: 'hit', confidence: 1 }],
      /what/u,
    ],
    [
      'a related span outside the text',
      () => [
        {
          span: { start: 0, end: 1 },
          messageId: 'plain',
          confidence: 1,
          related: [{ role: 'x', span: { start: 0, end: 999 } }],
        },
      ],
      /related span/u,
    ],
  ])(
    'turns %s into a warning naming the detector, and keeps other detectors’ findings',
    async (_name, signals, message) => {
      const bad = fake('technique/bad', signals as (t: string) => Signal[]);
      const result = await run([good, bad], 'Myth: the harbour is a base.');
      expect(result.findings.map((f) => f.detector)).toEqual(['structure/good']);
      const warning = result.warnings.find((w) => w.includes('technique/bad'));
      expect(warning).toMatch(message);
    },
  );

  it('records a detector that throws as a warning, not a crash', async () => {
    const thrower = fake('technique/thrower', () => {
      throw new Error('boom');
    });
    const result = await run([thrower, good], 'Myth: x.');
    expect(result.warnings).toContain('detector technique/thrower failed on this document: boom');
    expect(result.findings).toHaveLength(1);
  });

  it('skips detectors for other languages and says so', async () => {
    const result = await run([good, russianOnly], 'Myth: x.', 'en');
    expect(Object.keys(result.stats.detectors)).toEqual(['structure/good']);
    expect(result.warnings.some((w) => w.includes('technique/ru-only'))).toBe(true);
  });

  it('says how to set the language when an identified language that skipped detectors is unsure', async () => {
    const config = resolveConfig(new Registry([good, russianOnly]), { preset: 'all' });
    const analyse = (confidence: number) =>
      analyzeDocument(createDocument({ text: 'NATO lies!' }), {
        config,
        identifyLanguage: () => Promise.resolve({ language: 'fr', confidence }),
      });
    const unsure = (await analyse(0.76)).warnings.find((w) => w.includes('technique/ru-only'));
    expect(unsure).toContain('identified with only 76% confidence: if it is wrong, give it (CLI --language');
    const sure = (await analyse(0.97)).warnings.find((w) => w.includes('technique/ru-only'));
    expect(sure).toBeDefined();
    expect(sure).not.toContain('confidence');
  });

  it('renders messages, quotes the span and reports document fields', async () => {
    const result = await run([good], 'A Myth here.');
    const f = result.findings[0];
    expect(f).toMatchObject({
      id: 'f1',
      messageId: 'hit',
      message: 'Hit Myth.',
      span: { start: 2, end: 6, text: 'Myth' },
      detector: 'structure/good',
    });
    expect(result.document).toMatchObject({ language: 'en', length: 12, text: 'A Myth here.' });
  });
});

describe('postProcess', () => {
  const finding = (start: number, end: number, over: Partial<Finding> = {}): Finding => ({
    id: '',
    detector: 'a/b',
    detectorVersion: '1.0.0',
    family: 'a',
    messageId: 'm',
    message: 'M.',
    span: { start, end, text: 'x'.repeat(end - start) },
    confidence: 0.5,
    severity: 'info',
    data: {},
    evidence: [],
    related: [],
    taxonomy: [],
    ...over,
  });

  it('merges exact duplicates keeping the more confident one and joining evidence', () => {
    const out = postProcess([
      finding(0, 3, { confidence: 0.4, evidence: [{ kind: 'lexicon', label: 'one' }] }),
      finding(0, 3, { confidence: 0.8, evidence: [{ kind: 'lexicon', label: 'two' }] }),
    ]);
    expect(out).toHaveLength(1);
    expect(out[0]?.confidence).toBe(0.8);
    expect(out[0]?.evidence.map((e) => e.label)).toEqual(['two', 'one']);
  });

  it('drops findings under the floor, sorts by position then detector, and numbers them', () => {
    const out = postProcess(
      [
        finding(5, 6, { detector: 'b/b' }),
        finding(5, 6, { detector: 'a/a' }),
        finding(0, 2),
        finding(1, 2, { confidence: 0.1 }),
      ],
      { minConfidence: 0.2 },
    );
    expect(out.map((f) => [f.id, f.span.start, f.detector])).toEqual([
      ['f1', 0, 'a/b'],
      ['f2', 5, 'a/a'],
      ['f3', 5, 'b/b'],
    ]);
  });

  it('drops a finding that lies within a finding of a detector it yields to, and only those', () => {
    const out = postProcess(
      [
        finding(0, 4, { detector: 'structure/label' }),
        finding(0, 4, { detector: 'technique/rep' }), // the label itself: dropped
        finding(1, 3, { detector: 'technique/rep' }), // inside the label: dropped
        finding(20, 24, { detector: 'technique/other' }), // another detector, no label there: kept
        finding(0, 4, { detector: 'claim/x' }), // does not yield: kept
      ],
      { yieldsTo: new Map([['technique/rep', ['structure/label']], ['technique/other', ['structure/label']]]) },
    );
    expect(out.map((f) => [f.detector, f.span.start, f.span.end])).toEqual([
      ['claim/x', 0, 4],
      ['structure/label', 0, 4],
      ['technique/other', 20, 24],
    ]);
  });

  it('cuts back a finding that starts or ends on a finding it yields to, past the colon and opening quote', () => {
    //            0         1         2         3         4
    //            0123456789012345678901234567890123456789012345
    const text = 'Lie: “Russia is winning!” Truth: it is not.';
    const at = (start: number, end: number, over: Partial<Finding> = {}): Finding => finding(start, end, { ...over, span: { start, end, text: text.slice(start, end) } });
    const yieldsTo = new Map([['technique/rep', ['structure/label']]]);
    const out = postProcess(
      [
        at(0, 3, { detector: 'structure/label' }),
        at(26, 31, { detector: 'structure/label' }),
        at(0, 23, { detector: 'technique/rep' }), // starts on "Lie"
        at(16, 31, { detector: 'technique/rep', messageId: 'n' }), // ends on "Truth"
        at(0, 43, { detector: 'technique/rep', messageId: 'o' }), // starts on one, ends past the other
      ],
      { yieldsTo },
    );
    expect(out.filter((f) => f.detector === 'technique/rep').map((f) => [f.messageId, f.span.text, f.span.start, f.span.end])).toEqual([
      ['m', 'Russia is winning', 6, 23],
      ['o', 'Russia is winning!” Truth: it is not.', 6, 43],
      ['n', 'winning!”', 16, 25],
    ]);
    // A quotation that follows the label and closes where the finding ends is cut back as a whole.
    expect(postProcess([at(0, 3, { detector: 'structure/label' }), at(0, 25, { detector: 'technique/rep' })], { yieldsTo }).map((f) => f.span.text)).toEqual(['Lie', 'Russia is winning!']);
    // A label only guessed from the capitalised text glued to it cuts nothing back.
    expect(postProcess([at(0, 3, { detector: 'structure/label', data: { glued: true } }), at(0, 23, { detector: 'technique/rep' })], { yieldsTo }).map((f) => f.span.text)).toEqual(['Lie', 'Lie: “Russia is winning']);
    // Cut back to nothing but separators: dropped.
    expect(postProcess([at(0, 3, { detector: 'structure/label' }), at(0, 6, { detector: 'technique/rep' })], { yieldsTo }).map((f) => f.detector)).toEqual(['structure/label']);
  });
});
