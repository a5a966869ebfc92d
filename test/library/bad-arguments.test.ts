// Plain JavaScript callers are not checked by TypeScript: every wrong option or argument must be refused at
// the boundary with a typed error that names it, not crash inside with an internal TypeError.
import { describe, expect, it } from 'vitest';
import {
  AnalyzerArgumentError,
  TimeoutError,
  ConfigError,
  createAnalyzer,
  createDocument,
  resolveConfig,
  builtinRegistry,
  parseTaxonomy,
  Registry,
  TaxonomyError,
  builtinDetectors,
} from '../../src/index.js';

// Casts through unknown: these are exactly the calls TypeScript would refuse.
const create = (options: unknown): unknown => createAnalyzer(options as never);

describe('createAnalyzer refuses options of the wrong shape with a ConfigError', () => {
  it.each([
    ['null', null, /analyzer options must be an object, got null/u],
    ['a string', 'default', /analyzer options must be an object, got "default"/u],
    ['a misspelt key', { minConfidense: 0.5 }, /unknown option "minConfidense"; known options: preset, /u],
    ['a document field given as an option', { language: 'en' }, /unknown option "language"/u],
    ['a number preset', { preset: 42 }, /preset must be a string, got 42/u],
    ['detectors as one string', { detectors: 'technique/*' }, /detectors must be a list of detector ids/u],
    ['detectors holding a number', { detectors: [1] }, /detectors must be a list/u],
    ['rules as null', { rules: null }, /rules must be an object mapping ids/u],
    ['rules as a list', { rules: ['technique/loaded-language'] }, /rules must be an object mapping ids/u],
    [
      'a rule set to a number',
      { rules: { 'technique/loaded-language': 5 } },
      /rules\["technique\/loaded-language"\] must be "off", "on" or an options object, got 5/u,
    ],
    [
      'a rule set to null',
      { rules: { 'technique/loaded-language': null } },
      /rules\["technique\/loaded-language"\] must be/u,
    ],
    [
      'an aggregator set to "on"',
      { aggregators: { 'ledger/items': 'on' } },
      /aggregators\["ledger\/items"\] must be "off" or an options object/u,
    ],
    ['minConfidence as a string', { minConfidence: '0.5' }, /minConfidence must be in \[0, 1\], got "0.5"/u],
    ['a negative timeoutMs', { timeoutMs: -1 }, /timeoutMs must be a number of milliseconds above 0/u],
    ['timeoutMs as a string', { timeoutMs: '100' }, /timeoutMs must be/u],
    // Node fires a timer of more than 2^31 - 1 ms at once: every async detector would time out.
    ['a timeoutMs beyond what a timer holds', { timeoutMs: 1e10 }, /at most 2147483647, got 10000000000/u],
    [
      'taxonomies as a string',
      { taxonomies: 'energy.yaml' },
      /taxonomies must be a list of taxonomies read by loadTaxonomyFile/u,
    ],
    ['taxonomies holding a number', { taxonomies: [1] }, /taxonomies must be a list/u],
    ['a registry that is not one', { registry: {} }, /registry must be a Registry, got \{\}/u],
    [
      'identifyLanguage as a number',
      { identifyLanguage: 5 },
      /identifyLanguage must be a function or false/u,
    ],
    ['includeText as a string', { includeText: 'no' }, /includeText must be true or false, got "no"/u],
  ])('%s', (_name, options, message) => {
    expect(() => create(options)).toThrow(ConfigError);
    expect(() => create(options)).toThrow(message);
  });

  it('refuses taxonomies it could not use rather than drop them without a word', () => {
    const taxonomy = parseTaxonomy(
      'id: energy\nlabels:\n  - label: Blackmail\n    description: Gas as a weapon.\n',
      'energy.yaml',
    );
    expect(() => createAnalyzer({ taxonomies: [taxonomy], registry: builtinRegistry() })).toThrow(
      /taxonomies cannot be combined with registry .*createNarrativeAggregator\(\{ taxonomies \}\)/u,
    );
    expect(() =>
      createAnalyzer({ taxonomies: [taxonomy], aggregators: { 'narrative/narratives': 'off' } }),
    ).toThrow(
      /taxonomies need the narrative aggregator, which aggregators\["narrative\/narratives"\] turns off/u,
    );
    expect(() =>
      createAnalyzer({ taxonomies: [], registry: builtinRegistry(), identifyLanguage: false }),
    ).not.toThrow();
    expect(() => createAnalyzer({ taxonomies: [taxonomy], identifyLanguage: false })).not.toThrow();
  });

  it('builtinRegistry, public too, refuses what is not a list of taxonomies', () => {
    expect(() => builtinRegistry(null as never)).toThrow(ConfigError);
    expect(() => builtinRegistry('energy.yaml' as never)).toThrow(/taxonomies must be a list of taxonomies/u);
    expect(builtinRegistry().detectors.length).toBeGreaterThan(0);
  });

  it('lists every problem at once', () => {
    expect(() => create({ preset: 1, minConfidence: 2, colour: 'red' })).toThrow(
      /unknown option "colour".*; preset must be a string.*; minConfidence must be in/u,
    );
  });

  it('takes no options, undefined options and keys set to undefined as the defaults', () => {
    const hash = createAnalyzer({ identifyLanguage: false }).config.hash;
    expect(create(undefined)).toBeDefined();
    expect(
      createAnalyzer({ identifyLanguage: false, preset: undefined, minConfidence: undefined }).config.hash,
    ).toBe(hash);
  });

  it('lets "$" keys through, as a JSON config file may carry "$schema"', () => {
    expect(() =>
      create({ $schema: 'https://example.org/schema.json', identifyLanguage: false }),
    ).not.toThrow();
  });

  it('checks the same shape in resolveConfig, which is public too', () => {
    expect(() => resolveConfig(builtinRegistry(), { detectors: [1] } as never)).toThrow(ConfigError);
    expect(() => resolveConfig(builtinRegistry(), null as never)).toThrow(
      /the configuration must be an object, got null/u,
    );
  });
});

describe('analyze and analyzeText reject wrong arguments with an AnalyzerArgumentError', () => {
  const analyzer = createAnalyzer({ identifyLanguage: false, preset: 'fast' });
  const analyzeText = (text: unknown, init?: unknown): Promise<unknown> =>
    analyzer.analyzeText(text as never, init as never);
  const analyze = (document: unknown): Promise<unknown> => analyzer.analyze(document as never);

  it.each([
    [
      'null',
      null,
      /analyzeText: text must be a string \(for bytes use decodeBytes, for files and URLs readInput\), got null/u,
    ],
    ['undefined', undefined, /text must be a string .*got undefined/u],
    ['a number', 42, /text must be a string .*got 42/u],
    ['an object', { text: 'x' }, /text must be a string .*got \{"text":"x"\}/u],
    ['bytes', new TextEncoder().encode('Myth: x'), /text must be a string/u],
  ])('text given as %s', async (_name, text, message) => {
    await expect(analyzeText(text)).rejects.toThrow(AnalyzerArgumentError);
    await expect(analyzeText(text)).rejects.toThrow(message);
  });

  it.each([
    ['null', null, /the second argument must be an object such as \{ title, language \}, got null/u],
    ['a language string', 'en', /the second argument must be an object/u],
    [
      'a number language',
      { language: 5 },
      /language must be a language code such as en, ru, uk or pt-BR, got 5/u,
    ],
    [
      'a language that is not a code',
      { language: 'English please' },
      /language must be a language code.*got "English please"/u,
    ],
    ['an empty language', { language: '' }, /language must be a language code/u],
    ['a number title', { title: 5 }, /title must be a string, got 5/u],
    ['a string source', { source: 'web' }, /source must be an object with a string "kind", got "web"/u],
    ['warnings as a string', { warnings: 'cut' }, /warnings must be a list of strings/u],
    [
      'a sourceMap that is not one',
      { sourceMap: { anchors: 5 } },
      /sourceMap must be a SourceMap \(as readers make them\), got \{"anchors":5\}/u,
    ],
  ])('document fields given as %s', async (_name, init, message) => {
    await expect(analyzeText('Myth: the bay is poisoned.', init)).rejects.toThrow(AnalyzerArgumentError);
    await expect(analyzeText('Myth: the bay is poisoned.', init)).rejects.toThrow(message);
  });

  it.each([
    [
      'null',
      null,
      /analyze: expected a Document \(from createDocument\(\), or the `document` of an item of readInput\(\)\); to analyse a string, call analyzeText\(text\), got null/u,
    ],
    ['a string', 'Myth: x', /to analyse a string, call analyzeText\(text\), got "Myth: x"/u],
    ['a number', 42, /expected a Document/u],
    [
      'a DocumentInit',
      { text: 'Myth: x' },
      /expected a Document .*: id must be a string, got undefined; hash must be the sha256 of the text in hex/u,
    ],
    [
      'an item of readInput',
      { kind: 'document', origin: 'a.txt', document: createDocument({ text: 'x' }) },
      /got an item of readInput\(\); pass its `document` \(item.document\)/u,
    ],
    [
      'a Document with a made-up hash',
      { ...createDocument({ text: 'x' }), hash: 'abc' },
      /hash must be the sha256 of the text in hex \(see contentHash\), got "abc"/u,
    ],
    [
      'a Document with a bad language',
      { ...createDocument({ text: 'x' }), language: 7 },
      /language must be a language code/u,
    ],
  ])('a document given as %s', async (_name, document, message) => {
    await expect(analyze(document)).rejects.toThrow(AnalyzerArgumentError);
    await expect(analyze(document)).rejects.toThrow(message);
  });

  it('rejects the promise rather than throwing, so .catch() sees the error', () => {
    let thrown: unknown = null;
    let promise: Promise<unknown> | undefined;
    try {
      promise = analyzeText(null);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeNull();
    return expect(promise).rejects.toBeInstanceOf(TypeError);
  });

  it('analyses a Document that went through JSON (its SourceMap lost) as the original', async () => {
    const doc = createDocument({ text: 'Myth: the bay is poisoned.\nFact: it is clean.', title: 'Bay' });
    const { sourceMap: _lost, ...copy } = JSON.parse(JSON.stringify(doc)) as Record<string, unknown>;
    const strip = (r: { stats: object }) => ({ ...r, stats: null });
    expect(strip((await analyze(copy)) as never)).toEqual(strip(await analyzer.analyze(doc)));
  });

  it('keeps its analyzer when a method is passed on alone', async () => {
    const { analyzeText: detached } = analyzer;
    await expect(detached('Myth: x')).resolves.toMatchObject({ document: { length: 7 } });
    // Array.prototype.map passes the index as the second argument: a clear refusal, not an internal crash.
    await expect(
      Promise.all(['Myth: x'].map(analyzer.analyzeText as (t: unknown, i: unknown) => Promise<unknown>)),
    ).rejects.toThrow(/the second argument must be an object such as \{ title, language \}, got 0/u);
  });

  it('still analyses what is right: an empty text, extra fields, a Document passed to analyzeText', async () => {
    const doc = createDocument({ text: 'Myth: the bay is poisoned.\nFact: it is clean.', title: 'Bay' });
    await expect(analyzer.analyzeText('')).resolves.toMatchObject({ document: { length: 0 } });
    // The server passes a whole Document (text, hash and sourceMap included) as the second argument.
    const viaText = await analyzer.analyzeText(doc.text, doc);
    const viaDoc = await analyzer.analyze(doc);
    expect(viaText.rebuttals).toEqual(viaDoc.rebuttals);
    expect(viaText.document.title).toBe('Bay');
    await expect(analyzer.analyzeText('Myth: x', { language: 'pt-BR' })).resolves.toMatchObject({
      document: { language: 'pt' },
    });
  });
});

describe('a caller-supplied identifyLanguage', () => {
  const text = 'Myth: the bay is poisoned.\nFact: it is clean.';
  const withIdentifier = (answer: unknown) =>
    createAnalyzer({ preset: 'fast', identifyLanguage: () => answer as never });

  it.each([
    ['a number language', { language: 5, confidence: 1 }],
    ['null', null],
    ['no confidence', { language: 'en' }],
    ['a NaN confidence', { language: 'en', confidence: NaN }],
    ['a language name', { language: 'english', confidence: 0.99 }],
  ])('that answers %s is refused by name', async (_name, answer) => {
    await expect(withIdentifier(answer).analyzeText(text)).rejects.toThrow(AnalyzerArgumentError);
    await expect(withIdentifier(answer).analyzeText(text)).rejects.toThrow(
      /identifyLanguage \(an option of createAnalyzer\) must return \{ language: /u,
    );
  });

  it('is used as it is when its answer is right, sync or async', async () => {
    const sync = await withIdentifier({ language: 'en', confidence: 0.97 }).analyzeText(text);
    expect(sync.document).toMatchObject({ language: 'en', languageConfidence: 0.97 });
    const answer = Promise.resolve({ language: 'und', confidence: 0 });
    await expect(withIdentifier(answer).analyzeText(text)).resolves.toMatchObject({
      document: { language: 'und' },
    });
  });

  it('that never answers is stopped after timeoutMs instead of holding the analysis for ever', async () => {
    const analyzer = createAnalyzer({
      preset: 'fast',
      timeoutMs: 50,
      identifyLanguage: () => new Promise<never>(() => {}),
    });
    await expect(analyzer.analyzeText(text)).rejects.toThrow(TimeoutError);
    await expect(analyzer.analyzeText(text)).rejects.toThrow(/identifyLanguage took longer than 50 ms/u);
  });
});

describe('the other public constructors name the wrong argument instead of crashing inside', () => {
  it.each([
    ['null', null, /createDocument: expected an object such as \{ text, title, language \}, got null/u],
    ['a string', 'Myth: x', /createDocument: expected an object .*got "Myth: x"/u],
    ['no text', {}, /createDocument: text must be a string .*got undefined/u],
    ['bytes as text', { text: new Uint8Array(2) }, /text must be a string \(for bytes use decodeBytes/u],
    ['a number title and a bad language', { text: 'x', title: 5, language: 'English' }, /title must be a string, got 5; language must be a language code/u],
    ['a sourceMap that is not one', { text: 'x', sourceMap: {} }, /sourceMap must be a SourceMap/u],
  ])('createDocument given %s', (_name, init, message) => {
    expect(() => createDocument(init as never)).toThrow(AnalyzerArgumentError);
    expect(() => createDocument(init as never)).toThrow(message);
  });

  it('createDocument still makes documents of every valid init', () => {
    expect(createDocument({ text: 'Myth: x', title: 't', language: 'pt-BR', source: { kind: 'text' } }).text).toBe('Myth: x');
  });

  it.each([
    ['null', null],
    ['a number', 42],
    ['bytes', new TextEncoder().encode('id: x')],
    ['a parsed object', { id: 'x', labels: [] }],
  ])('parseTaxonomy given %s as the source throws a TaxonomyError', (_name, source) => {
    expect(() => parseTaxonomy(source as never, 'energy.yaml')).toThrow(TaxonomyError);
    expect(() => parseTaxonomy(source as never, 'energy.yaml')).toThrow(
      /^energy\.yaml:1:1: \(root\): expected the taxonomy's text \(YAML or JSON\) as a string/u,
    );
  });

  it('parseTaxonomy without a file name still names the problem', () => {
    expect(() => (parseTaxonomy as (s: unknown) => unknown)(null)).toThrow(/^\(taxonomy\):1:1: \(root\)/u);
  });

  it.each([
    ['detectors as null', () => new Registry(null as never), /Registry: detectors must be a list of detectors, got null/u],
    ['aggregators as a string', () => new Registry([], 'x' as never), /aggregators must be a list/u],
    ['an empty object as a detector', () => new Registry([{}] as never), /a detector is an object with "meta" .* and a "detect" function, got \{\}/u],
    ['a detector without detect', () => new Registry([{ meta: builtinDetectors[0]!.meta }] as never), /"detect" function/u],
    ['a meta without messages', () => new Registry([{ meta: { ...builtinDetectors[0]!.meta, messages: null }, detect: () => [] }] as never), /detector ".+": messages must be an object/u],
    ['a meta with a number id', () => new Registry([{ meta: { ...builtinDetectors[0]!.meta, id: 5 }, detect: () => [] }] as never), /detector "5": id must be a string, got 5/u],
    ['a meta without examples', () => new Registry([{ meta: { ...builtinDetectors[0]!.meta, examples: undefined }, detect: () => [] }] as never), /examples must be \{ valid/u],
    ['an aggregator without meta', () => new Registry([], [{ aggregate: () => ({}) }] as never), /an aggregator is an object with "meta"/u],
  ])('new Registry given %s', (_name, make, message) => {
    expect(make).toThrow(message);
  });

  it('a Registry of the built-in detectors is still made', () => {
    expect(new Registry(builtinDetectors).detectors.length).toBe(builtinDetectors.length);
  });
});

describe('metadata strings are cleaned like the text', () => {
  it('drops controls and mends half surrogate pairs in the title and source, not in the address', async () => {
    const analyzer = createAnalyzer({ identifyLanguage: false, preset: 'fast' });
    const r = await analyzer.analyzeText('Myth 1: x.\nFact: y.', {
      title: 'Title\u0000\u001b[2J\nnext\u0085',
      source: { kind: 'text', outlet: 'Outlet\ud800', author: 'A\tB', uri: 'file:///a\u0085b' },
    });
    expect(r.document.title).toBe('Title[2J next');
    expect(r.document.source).toEqual({ kind: 'text', outlet: 'Outlet\ufffd', author: 'A B', uri: 'file:///a\u0085b' });
    // Clean metadata is kept as it is, emoji pairs included.
    const d = createDocument({ text: 'x', title: 'Plain 😀 title', source: { kind: 'text', outlet: 'BBC' } });
    expect([d.title, d.source]).toEqual(['Plain 😀 title', { kind: 'text', outlet: 'BBC' }]);
  });
});
